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
    # what the article reports China doing or knowing is the author's assertion
    assert set(speakers) == {"author", "chinese-defense-ministry-spokesman", "chinese-scholar"}
    assert (speakers["chinese-defense-ministry-spokesman"], speakers["chinese-scholar"]) == (6, 5)


def test_the_proposals_of_every_speaker_are_there():
    m = read_map().map
    proposals = {s.id: s for s in m.statements if s.kind == "proposal"}
    quotes = " ".join(s.quote for s in proposals.values())
    for words in (
        "continuously enforced and deepened",
        "reinforce cooperation among nations",
        "ready and willing",
        "regular united military mechanism",
        "6+N SCO anti-terrorism partnership mechanism",
        "prosecution not extradition",
        "developing a uniform understanding",
        "an investigation of what practices",
    ):
        assert words in quotes, words


def test_the_only_objection_is_the_spokesmans_concession_and_its_answer():
    """ "although the killing of bin Laden is an important event ..., terrorist
    activities are still quite frequent": the conceded point attacks his call,
    his answer attacks the conceded point. The members' differences are a
    task the author sets ("This deserves consideration"), not an objection."""
    m = read_map().map
    assert {(t.from_, t.to, t.type) for t in m.attacks} == {
        ("bin-laden-progress", "prop-intl-reinforce-cooperation", "rebut"),
        ("terror-still-frequent", "bin-laden-progress", "undermine"),
    }
    assert all(t.note for t in m.attacks)


MARKERS = (
    "Therefore",
    "All this then",
    "It also represents a very real guarantee",
    "On the theoretical side",
    "In practical terms",
    "Furthermore",
    "Against this backdrop",
    "although",
    "in so doing",
    "This shows that",
    "This necessitates",
    "For instance",
    "This would provide",
    "This involves establishing",
    "This would approximate",
    "This deserves consideration",
)


def test_every_inference_marker_of_the_article_is_an_argument_or_attack():
    """Each connective the article uses is quoted by the arguments (or the
    attack) it marks, in its paragraph."""
    m = read_map().map
    quoted = [(item.quote, item.paragraph) for item in (*m.arguments, *m.attacks) if item.quote]
    paras = paragraphs()
    for marker in MARKERS:
        where = [i + 1 for i, p in enumerate(paras) if marker in p and i + 1 <= 7 and i + 1 != 1]
        assert where, marker
        for paragraph in where:
            assert any(marker in q and n == paragraph for q, n in quoted), (marker, paragraph)


def test_an_argument_the_text_marks_with_no_connective_says_why_it_is_there():
    m = read_map().map
    unquoted = [a.id for a in m.arguments if not a.quote]
    assert unquoted and all(a.note for a in m.arguments if not a.quote), unquoted


def test_statements_under_no_proposal_are_few_and_say_why():
    """Everything the article argues reaches one of its proposals, except the
    background the text ties to none of them; each of those says why."""
    from argmap.graph import build_graph, statements

    G = build_graph(read_map().map)
    under: set[str] = set()
    stack = statements(G, "proposal")
    while stack:  # everything a proposal's tree holds: its reasons, means and attacks
        node = stack.pop()
        if node in under:
            continue
        under.add(node)
        stack += [n for n in G.pred[node]]
        if G.nodes[node]["kind"] == "proposal":
            stack += [
                a
                for a in G.succ[node]
                if G.nodes[a]["kind"] == "argument" and G.nodes[G.nodes[a]["conclusion"]]["kind"] == "proposal"
            ]
    tops = [
        n
        for n in statements(G)
        if n not in under and not any(t == "premise" for _, _, t in G.out_edges(n, data="type"))
    ]
    assert sorted(tops) == [
        "china-pushes",
        "ct-most-active-efficient",
        "sco-core-task",
        "sco-ct-expanding",
        "sco-highly-alert",
    ]
    assert all("no proposal" in G.nodes[n]["note"] or "Connected to nothing" in G.nodes[n]["note"] for n in tops)


def test_every_statement_is_connected_or_says_why_not():
    from argmap.graph import build_graph

    G = build_graph(read_map().map)
    lonely = [n for n in G if G.degree(n) == 0]
    assert all(G.nodes[n].get("note") for n in lonely), lonely
    assert lonely == ["ct-most-active-efficient"]
