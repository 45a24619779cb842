"""The source text (argmap.source): its paragraphs and title, and quotes found the
way validation compares them (whitespace runs and quote styles ignored)."""

from __future__ import annotations

from argmap.source import SourceText, normalize

ARTICLE = "The Title\n\nIt’s raining “hard”   today.\nStill raining.\n\n  Second paragraph, with a 6+N plan.\n"


def test_paragraphs_are_blank_line_blocks_after_a_title_line():
    text = SourceText.from_text(ARTICLE, title="the title")
    assert text.title_line == "The Title"
    assert text.paragraphs == ["It’s raining “hard”   today.\nStill raining.", "Second paragraph, with a 6+N plan."]


def test_a_first_paragraph_that_reads_like_a_sentence_is_not_a_title():
    text = SourceText.from_text("It rains.\n\nSo take an umbrella.")
    assert text.title_line is None and len(text.paragraphs) == 2


def test_windows_line_endings_and_a_byte_order_mark_change_nothing():
    assert (
        SourceText.from_text("\ufeff" + ARTICLE.replace("\n", "\r\n")).paragraphs
        == SourceText.from_text(ARTICLE).paragraphs
    )


def test_quotes_match_across_whitespace_runs_quote_styles_and_case():
    text = SourceText.from_text(ARTICLE, title="The Title")
    assert text.find('it\'s raining "hard" today. still') == 1
    assert text.contains("6+N plan", 2) and not text.contains("6+N plan", 1)
    assert text.paragraphs_with("raining") == [1]
    assert text.find("snowing") is None


def test_the_closest_passage_is_offered_for_a_quote_not_found():
    text = SourceText.from_text(ARTICLE, title="The Title")
    paragraph, passage = text.closest("a 6 + N plann")
    assert paragraph == 2 and "6+N plan" in passage


def test_normalize_folds_typographic_quotes_dashes_and_spaces():
    assert normalize("“Hot” – issues\u00a0 it’s") == '"Hot" - issues it\'s'
