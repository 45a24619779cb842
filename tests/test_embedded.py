"""The embedded map of the SCO article: valid, complete, and quoting the article verbatim."""

from __future__ import annotations

from collections import Counter

from argmap.loader import data_dir, read_map
from argmap.source import SourceText

from .conftest import ROOT

ARTICLE = ROOT / "seeds" / "sco-in-the-war-on-terror.txt"


def paragraphs() -> list[str]:
    return SourceText.from_text(ARTICLE.read_text(encoding="utf-8")).paragraphs


def test_seed_in_package_is_the_article_unchanged():
    packaged = data_dir().joinpath("seeds", "sco-in-the-war-on-terror.txt").read_bytes()
    assert packaged == ARTICLE.read_bytes()


def test_embedded_map_validates_with_its_quotes_checked():
    loaded = read_map()
    assert loaded.warnings == []
    assert loaded.source is not None  # the source text was found, so quotes were checked


def test_every_quote_is_verbatim_in_its_paragraph():
    """Stricter than validation: the exact characters, typographic quotes included."""
    paras = paragraphs()
    m = read_map().map
    items = list(m.statements) + list(m.arguments) + list(m.attacks)
    checked = 0
    for item in items:
        if item.quote is None:
            continue
        assert item.quote in paras[item.paragraph - 1], (item.id, item.quote)
        checked += 1
    assert checked >= len(m.statements)


def test_every_statement_is_fully_described():
    m = read_map().map
    for s in m.statements:
        assert s.quote and s.paragraph and s.speaker and s.tags, s.id
    assert 40 <= len(m.statements) <= 70


def test_speakers_are_told_apart():
    speakers = Counter(s.speaker for s in read_map().map.statements)
    assert {"author", "china", "chinese-defense-ministry-spokesman", "chinese-scholar"} <= set(speakers)


def test_the_proposals_of_every_speaker_are_there():
    m = read_map().map
    proposals = {s.id: s for s in m.statements if s.kind == "proposal"}
    quotes = " ".join(s.quote for s in proposals.values())
    for words in (
        "continuously enforced and deepened",
        "reinforce cooperation among nations",
        "regular united military mechanism",
        "6+N SCO anti-terrorism partnership mechanism",
        "prosecution not extradition",
        "developing a uniform understanding",
    ):
        assert words in quotes, words


def test_the_objections_the_article_raises_are_attacks():
    m = read_map().map
    by_target = {(t.from_, t.to) for t in m.attacks}
    quotes = {s.id: s.quote for s in m.statements}
    attackers = {quotes[f] for f, _ in by_target}
    assert any("different concepts of" in q for q in attackers)
    assert any("certain disputes" in q for q in attackers)
    targets = {t for _, t in by_target}
    assert {"prop-uniform-understanding", "prop-deepen-ct"} <= targets


def test_every_statement_is_connected_or_says_why_not():
    from argmap.graph import build_graph

    G = build_graph(read_map().map)
    lonely = [n for n in G if G.degree(n) == 0]
    assert all(G.nodes[n].get("note") for n in lonely), lonely
    assert len(lonely) <= 1
