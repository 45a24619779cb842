"""Sentences, clauses and quote positions (argmap.authoring.text), and finding passages (quotes)."""

from __future__ import annotations

import pytest

from argmap.authoring.quotes import find_passages, yaml_snippet
from argmap.authoring.text import clauses, fold, occurrences, sentences, split_clauses
from argmap.loader import read_map
from argmap.source import SourceText


def cut(text: str) -> list[str]:
    return [text[a:b] for a, b in sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("One. Two! Three? Four", ["One.", "Two!", "Three?", "Four"]),
        ("Dr. Smith and Mrs. Jones met at 5 p.m. on Monday.", ["Dr. Smith and Mrs. Jones met at 5 p.m. on Monday."]),
        ("See Art. 5 of the treaty. It binds.", ["See Art. 5 of the treaty.", "It binds."]),
        ("The answer was no. Then we left.", ["The answer was no.", "Then we left."]),
        ("J. R. Smith wrote it. He was 3.5 m tall.", ["J. R. Smith wrote it.", "He was 3.5 m tall."]),
        (
            "The U.S. and the U.K. signed, e.g. in 2001. Others did not.",
            ["The U.S. and the U.K. signed, e.g. in 2001.", "Others did not."],
        ),
        ("He said “stop.” Nobody did.", ["He said “stop.”", "Nobody did."]),
        ("Growth (3%.) fell. prices rose.", ["Growth (3%.) fell. prices rose."]),  # no capital: no new sentence
        ("Aims:\n- cut costs\n- hire staff", ["Aims:", "- cut costs", "- hire staff"]),
    ],
)
def test_sentences_end_where_a_reader_sees_them_end(text, expected):
    assert cut(text) == expected


def test_clauses_split_at_the_words_that_join_reasons_and_objections():
    s = "Prices rose sharply last year, so wages must rise; the unions agree, but the employers do not."
    assert [(s[a:b], m) for a, b, m in split_clauses(s)] == [
        ("Prices rose sharply last year,", ""),
        ("so wages must rise;", "so"),
        ("the unions agree,", ";"),
        ("but the employers do not.", "but"),
    ]


def test_a_subordinate_clause_runs_to_its_comma_and_the_main_clause_follows():
    s = "Although the plan is costly, it will pay for itself within ten years."
    assert [(s[a:b], m) for a, b, m in split_clauses(s)] == [
        ("Although the plan is costly,", "although"),
        ("it will pay for itself within ten years.", ""),
    ]


def test_temporal_since_and_so_much_are_not_joins():
    s = "Nothing has changed since 2001, so much for reform, and it has been quiet since then."
    assert [m for _, _, m in split_clauses(s)] == [""]


def test_short_parts_stay_with_their_neighbour():
    s = "It rains, but so what."
    assert [s[a:b] for a, b, _ in split_clauses(s)] == ["It rains, but so what."]


def test_every_clause_of_the_embedded_source_is_verbatim_and_numbered_as_validate_numbers():
    loaded = read_map()
    source = loaded.source
    spans = list(clauses(source))
    assert {s.paragraph for s in spans} == set(range(1, len(source.paragraphs) + 1))
    for s in spans:
        assert source.contains(s.text, s.paragraph), s
    # the clauses put back together are the paragraphs, word for word
    for number, text in enumerate(source.paragraphs, 1):
        joined = " ".join(s.text for s in spans if s.paragraph == number)
        assert fold(joined)[0] == fold(text)[0]


def test_occurrences_compare_as_validate_does_and_give_offsets_into_the_original():
    text = 'Say “yes”\nto  it. say "YES" to it.'
    assert [text[a:b] for a, b in occurrences(text, 'say "yes" to')] == ["Say “yes”\nto", 'say "YES" to']


# ------------------------------------------------------------------ quotes ---


@pytest.fixture(scope="module")
def sco() -> SourceText:
    return read_map().source


def test_quote_finds_the_exact_words_and_paragraph(sco):
    [p] = find_passages(sco, "hot issues remain to be solved")
    assert (p.paragraph, p.quote, p.edits) == (6, "Hot issues remain to be solved", 0)
    assert sco.contains(p.quote, p.paragraph)


def test_quote_forgives_case_curly_quotes_line_breaks_and_small_typos(sco):
    [p] = find_passages(sco, 'building the "HARMONIOUS\narea," in fostering')
    assert p.quote == "building the “harmonious area,” in fostering"
    [p] = find_passages(sco, "peace bilding will remian a complex isue")
    assert p.quote == "peace building will remain a complex issue" and p.edits == 4  # "remian": two
    [p] = find_passages(sco, "the mechansim")  # a transposition is two edits
    assert p.quote == "the mechanism" and p.paragraph == 7


def test_quote_widens_a_match_to_whole_words(sco):
    [p] = find_passages(sco, "ssues remain to be sol")
    assert p.quote == "issues remain to be solved"


def test_quote_lists_every_passage_when_the_words_are_ambiguous(sco):
    found = find_passages(sco, "China is actively pushing")
    assert [(p.paragraph, p.quote) for p in found] == [
        (1, "China is actively pushing"),
        (5, "China is actively pushing"),
    ]


def test_quote_with_an_ellipsis_spans_the_words_between(sco):
    [p] = find_passages(sco, "Enhancing and deepening ... a meaningful task")
    assert p.quote == (
        "Enhancing and deepening the anti-terrorism cooperation within the SCO framework is a meaningful task"
    )


def test_quote_finds_nothing_for_words_not_in_the_text(sco):
    assert find_passages(sco, "climate change adaptation funds") == []
    assert find_passages(sco, "...") == []


def test_the_yaml_snippet_pastes_into_a_map_that_validates(sco, tmp_path):
    from argmap.loader import data_dir
    from argmap.loader import read_map as read

    [p] = find_passages(sco, "prosecution not extradition")
    seed = data_dir().joinpath("seeds", "sco-in-the-war-on-terror.txt")
    path = tmp_path / "m.yaml"
    path.write_text(
        f"title: T\nsource:\n  file: {seed}\nstatements:\n  - id: a\n    kind: claim\n    text: A.\n"
        + yaml_snippet(p)
        + "\n",
        encoding="utf-8",
    )
    loaded = read(path)
    assert loaded.source is not None and loaded.map.statements[0].quote == "prosecution not extradition"
