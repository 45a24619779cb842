"""The DOT diagram (argmap.formats.dot): how the map is drawn, and that no text breaks out of its label."""

from __future__ import annotations

import re

import pytest

import argmap
from argmap.export import export
from argmap.formats import ExportOptions
from argmap.formats.dot import dumps, html, quoted
from argmap.formats.graphviz import render
from argmap.graph import build_graph

from ..export_helpers import SMALL
from .test_writers import RENDERERS, svg_lines


def small() -> str:
    return dumps(build_graph(argmap.load(SMALL)))


def test_proposals_sit_on_one_rank_and_reasons_point_up():
    text = small()
    assert 'rankdir="BT"' in text and '{ rank=max; "charge"; }' in text
    # a linked argument is a dot its premises meet in; a single premise points straight at its conclusion
    assert '"arg-congestion" [id="n-arg-congestion", shape=circle' in text
    assert '"traffic-doubled" -> "arg-congestion" [arrowhead="none"];' in text
    assert '"arg-congestion" -> "charge";' in text


def test_each_attack_has_its_line_and_word():
    text = small()
    styles = dict(re.findall(r'label=<<I>(\w+)</I>>, (style="\w+")', text))
    assert styles == {"rebuts": 'style="dashed"', "undermines": 'style="dotted"', "undercuts": 'style="dashed"'}
    assert 'penwidth=2.8, arrowhead="tee"' in text  # undercuts: the bold one


def test_ids_speakers_and_quotes_only_on_request():
    G = build_graph(argmap.load(SMALL))
    plain, full = dumps(G), dumps(G, ExportOptions(ids=True, speakers=True, quotes=True))
    assert "PROPOSAL · charge · author" not in plain and "PROPOSAL · charge · author" in full
    assert "<I>“The council should charge" in full


def test_label_text_is_escaped_for_graphviz():
    assert html('<b> & "x" \\N') == "&lt;b&gt; &amp; &quot;x&quot; \\\\N"
    assert quoted('a "b" \\') == '"a \\"b\\" \\\\\\\\"'


BRACKETS = {
    "title": "]]",
    "statements": [
        {"id": "a", "kind": "proposal", "text": "]]", "quote": "]]", "speaker": "]]"},
        {"id": "b", "kind": "premise", "text": "]", "quote": "]", "paragraph": 2},
        {"id": "c", "kind": "claim", "text": "]]]"},
        {"id": "d", "kind": "premise", "text": "a ] b"},
    ],
    "arguments": [{"id": "arg", "premises": ["b", "d"], "conclusion": "a", "scheme": "]"}],
    "attacks": [{"id": "t", "from": "c", "to": "a", "type": "rebut", "text": "]]"}],
}


@pytest.mark.parametrize("renderer", RENDERERS)
@pytest.mark.parametrize("options", [{}, {"quotes": True, "ids": True, "speakers": True}])
def test_a_text_of_closing_brackets_renders_with_every_renderer(renderer, options):
    # issue 15, item 9: "]" or "]]" alone between two tags is a syntax error for Graphviz 2.43
    G = build_graph(argmap.ArgumentMap.model_validate(BRACKETS))
    text = dumps(G, ExportOptions(**options))
    assert "<B>]]</B>" not in text and "&#93;&#93;" in text
    lines = svg_lines(render(text, "svg", prefer=renderer).decode("utf-8"))
    assert {"]]", "]", "]]]", "a ] b"} <= lines
    if options:
        assert {"“]]”", "“]” ¶2"} <= lines


#: a generated map (reduced) whose attack between two proposals, which sit on one rank,
#: ran beside a support line: Graphviz 2.43 failed on its label ("in routesplines, illegal
#: values of prev 1 and next 1", "lost s2 s4 edge") and exited 1 (issue 15, item 9)
FLAT = {
    "title": "T",
    "statements": [
        {"id": s, "kind": k, "text": t}
        for s, k, t in [
            ("s2", "proposal", "rail"),
            ("s3", "premise", "tax"),
            ("s4", "proposal", "health"),
            ("s5", "claim", "wind"),
            ("s6", "claim", "power"),
            ("s7", "premise", "trade"),
            ("s8", "claim", "rail"),
            ("s9", "proposal", "law"),
            ("s10", "claim", "rail"),
        ]
    ],
    "arguments": [
        {"id": "a0", "premises": ["s2"], "conclusion": "s4"},
        {"id": "a1", "premises": ["s9"], "conclusion": "s3"},
        {"id": "a2", "premises": ["s4", "s8"], "conclusion": "s7"},
        {"id": "a3", "premises": ["s2", "s3", "s6"], "conclusion": "s4"},
        {"id": "a5", "premises": ["s9", "s10", "s5"], "conclusion": "s2"},
    ],
    "attacks": [{"id": "t0", "from": "s2", "to": "s4", "type": "undermine"}],
}


@pytest.mark.parametrize("renderer", RENDERERS)
def test_an_attack_between_two_proposals_is_routed_by_every_renderer(renderer):
    text = dumps(build_graph(argmap.ArgumentMap.model_validate(FLAT)))
    assert '"s2" -> "s4" [id="e-t0", color="#e65100", fontcolor="#e65100", xlabel=<<I>undermines</I>>' in text
    svg = render(text, "svg", prefer=renderer).decode("utf-8")
    assert 'id="e&#45;t0"' in svg and "undermines" in svg_lines(svg)  # the line is drawn, and its word


def test_only_a_line_between_two_proposals_has_its_word_outside():
    text = dumps(build_graph(argmap.load(SMALL)))
    assert "xlabel" not in text  # elsewhere the word is the line's own label, placed with it


@pytest.mark.parametrize("renderer", RENDERERS)
@pytest.mark.parametrize("text", ["]", "]]", "[x]", "a ] b"])
def test_closing_brackets_are_drawn_by_every_renderer(renderer, text):
    """Issue 15 item 9: Graphviz 2.43 refused the DOT of a statement or title ']'
    (its HTML-label lexer fails on ']' after a tag); graphviz-pure accepted it."""
    m = argmap.ArgumentMap.model_validate(
        {"title": text, "statements": [{"id": "p", "kind": "proposal", "text": text}]}
    )
    svg = export(build_graph(m), "svg", ExportOptions(renderer=renderer))
    assert text in svg_lines(svg)
