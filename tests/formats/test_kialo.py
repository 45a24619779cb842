"""Kialo text exports: claims, Pro and Con, continuation lines, "-> See" links, errors."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from argmap.errors import MapInvalid
from argmap.formats import detect, kialo

UNIFORMS = Path(__file__).parent.parent / "data" / "kialo-school-uniforms.txt"


def read(text: str):
    return kialo.loads(textwrap.dedent(text), name="debate.txt")


def test_the_discussion_becomes_a_map():
    m = kialo.loads(UNIFORMS.read_text(encoding="utf-8"), name=UNIFORMS.name)
    assert m.title == "Should schools require uniforms?"
    thesis = m.statements[0]
    assert (thesis.kind, thesis.text) == ("proposal", "Schools should require students to wear uniforms.")
    assert len(m.statements) == 10  # the "-> See" claim is no statement of its own


def test_pro_claims_are_arguments_and_con_claims_attacks():
    m = kialo.loads(UNIFORMS.read_text(encoding="utf-8"))
    text = {s.id: s.text for s in m.statements}
    supports = {(text[a.premises[0]][:25], text[a.conclusion][:25]) for a in m.arguments}
    assert ("Uniforms save parents mon", "Schools should require st") in supports
    assert len(m.arguments) == 4
    attacks = {(text[t.from_][:25], t.type, text[t.to][:25]) for t in m.attacks}
    assert ("Uniforms limit students' ", "rebut", "Schools should require st") in attacks
    # a Con below a Pro claim that nothing supports undermines it
    assert ("Uniforms are expensive to", "undermine", "Uniforms save parents mon") in attacks


def test_continuation_lines_join_the_claim_they_follow():
    m = kialo.loads(UNIFORMS.read_text(encoding="utf-8"))
    texts = [s.text for s in m.statements]
    assert (
        "Uniforms reduce visible differences in family income, so fewer students are teased for their clothes."
    ) in texts
    assert (
        "A survey of 1,000 pupils found less teasing after uniforms were introduced. "
        "The effect was largest in the first two years."
    ) in texts


def test_see_links_relate_the_same_statement_again():
    m = kialo.loads(UNIFORMS.read_text(encoding="utf-8"))
    expensive = next(s.id for s in m.statements if s.text.startswith("Uniforms are expensive"))
    targets = sorted(t.to for t in m.attacks if t.from_ == expensive)
    assert len(targets) == 2  # attacks the thesis (1.3.) and, linked in as 1.2.1., the Pro claim 1.2.
    assert sum(1 for s in m.statements if s.text.startswith("Uniforms are expensive")) == 1


def test_the_thesis_is_a_claim_unless_phrased_as_a_proposal():
    m = read("""\
        Discussion Title: Is coffee healthy?

        1. Coffee is healthy.
        1.1. Pro: It contains antioxidants.
        """)
    assert [s.kind for s in m.statements] == ["claim", "premise"]


def test_several_theses_below_a_question():
    m = read("""\
        Discussion Title: Which energy?

        1. Which energy source should we expand?
        1.1. We should expand solar power.
        1.1.1. Pro: Solar is cheap.
        1.2. Wind power is best.
        """)
    assert [(s.kind, s.text) for s in m.statements][:2] == [
        ("proposal", "Which energy source should we expand?"),
        ("proposal", "We should expand solar power."),
    ]
    assert m.statements[3].kind == "claim"
    assert len(m.arguments) == 1 and not m.attacks


def test_numbers_inside_text_are_not_claims():
    m = read("""\
        Discussion Title: T

        1. Thesis text.
        1.1. Pro: A reason with a list:
        2. first point
        3. second point
        """)
    assert m.statements[1].text == "A reason with a list: 2. first point 3. second point"


def test_detection_and_cli(run):
    assert detect("debate.txt", UNIFORMS.read_text(encoding="utf-8")).name == "kialo"
    assert detect("", UNIFORMS.read_text(encoding="utf-8")).name == "kialo"
    result = run("list", "--map", UNIFORMS, "--kind", "proposal", "--json")
    assert result.exit_code == 0, result.output
    assert [r["text"] for r in json.loads(result.stdout)] == ["Schools should require students to wear uniforms."]


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        ("1. No title line.\n", (1, 1), "Discussion Title"),
        ("Discussion Title: T\n\nSome preamble.\n1. Thesis.\n", (3, 1), "expected the thesis"),
        ("Discussion Title: T\n\n1.1. Pro: Not the thesis.\n", (3, 1), "must be the thesis"),
        ("Discussion Title: T\n\n1. Thesis.\n1.2.1. Pro: Orphan.\n", (4, 1), "no parent claim 1.2."),
        ("Discussion Title: T\n\n1. Thesis.\n1.1. Pro: a\n1.1. Con: b\n", (5, 1), "appears twice"),
        ("Discussion Title: T\n\n1. Thesis.\n1.1. Pro: -> See 1.9.\n", (4, 1), "names no claim"),
        ("Discussion Title: T\n\n1. Thesis.\n1.1. Pro:\n", (4, 1), "has no text"),
        ("Discussion Title: T\n\n", (1, 1), "no claims"),
    ],
)
def test_malformed_exports_get_located_errors(text, where, words):
    with pytest.raises(MapInvalid) as caught:
        kialo.loads(text, name="debate.txt")
    first = caught.value.problems[0]
    assert (first.line, first.column) == where
    assert words in first.message
    assert caught.value.lines()[0].startswith(f"debate.txt:{where[0]}:{where[1]}: ")


def test_markdown_escapes_are_resolved():
    # Kialo's export escapes Markdown characters (issue 15, item 3)
    m = read(r"""
        Discussion Title: Faith \(and\) reason

        1. Faith \(theology\) and science can coexist.
        1.1. Pro: Many scientists \[most, by some counts\] are religious; see 1\) and 2\).
        1.2. Con: A backslash \\ stays one backslash.
        """)
    assert m.title == "Faith (and) reason"
    assert [s.text for s in m.statements] == [
        "Faith (theology) and science can coexist.",
        "Many scientists [most, by some counts] are religious; see 1) and 2).",
        "A backslash \\ stays one backslash.",
    ]
