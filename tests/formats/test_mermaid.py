"""The Mermaid flowchart (argmap.formats.mermaid): the conventions of the DOT diagram, in Mermaid's syntax."""

from __future__ import annotations

import argmap
from argmap.formats.mermaid import dumps, text
from argmap.graph import build_graph

from ..export_helpers import SMALL


def test_boxes_by_kind_and_lines_by_relation():
    chart = dumps(build_graph(argmap.load(SMALL))).splitlines()
    assert chart[2] == "flowchart BT"
    assert chart[7].startswith('  n1[["<small>PROPOSAL</small><br><b>Charge drivers')  # a proposal: double box
    assert any(line.endswith(":::claim") and '("' in line for line in chart)  # a claim: rounded
    assert "  n8 -. rebuts .-x n1" in chart
    assert any(line.startswith("  linkStyle") and "stroke:#c62828" in line for line in chart)


def test_node_ids_are_numbers_so_no_map_id_meets_a_mermaid_keyword():
    chart = dumps(build_graph(argmap.load(SMALL)))
    assert "charge" not in [word for line in chart.splitlines() for word in line.split()[:1]]


def test_anything_but_plain_text_is_an_entity_code():
    assert text('<script>"x"</script> & #') == "#60;script#62;#34;x#34;#60;/script#62; #38; #35;"
