"""The DOT diagram (argmap.formats.dot): how the map is drawn, and that no text breaks out of its label."""

from __future__ import annotations

import re

import pytest

import argmap
from argmap.export import export
from argmap.formats import ExportOptions
from argmap.formats.dot import dumps, html, quoted
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
