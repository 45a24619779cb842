"""``argmap show``'s trees (argmap.render.tree), read as a reader sees them at 80 columns."""

from __future__ import annotations

import pytest

import argmap
from argmap.graph import build_graph
from argmap.render.tree import show_map

from ..export_helpers import SMALL


@pytest.fixture
def shown(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("NO_COLOR", "1")

    def show(**options) -> list[str]:
        show_map(build_graph(argmap.load(SMALL)), **options)
        return capsys.readouterr().out.splitlines()

    return show


def test_each_proposal_is_a_root_with_its_reasons_and_the_attacks_where_they_bite(shown):
    lines = shown()
    assert lines[0] == "A congestion charge for the city centre"
    assert lines[3].startswith("◆ PROPOSAL charge: Charge drivers")
    assert "├── + linked reason arg-congestion (practical-reasoning): 2 premises together" in lines
    assert any("✗ undermined by ○ PREMISE counters-moved" in line for line in lines)
    assert any("✗ undercut by ○ PREMISE better-buses" in line for line in lines)
    assert lines[-1] == "10 statements (1 proposal, 2 claims, 7 premises), 3 arguments, 4 attacks"
    assert max(len(line) for line in lines) <= 80
    assert all(line == line.rstrip() for line in lines)  # no trailing spaces where Rich wraps


def test_focus_depth_and_quotes(shown):
    lines = shown(focus="charge-cuts-traffic", depth=0, quotes=True)
    assert lines == [
        "● CLAIM charge-cuts-traffic: A charge here would cut traffic.",
        "“So a charge here would cut traffic too” ¶2",
    ]


def test_labels_mark_each_node(shown):
    lines = shown(labels={"charge": "out", "customers-leave": "in"})
    assert lines[3].startswith("[OUT] ◆ PROPOSAL charge")
    assert any("✗ rebutted by [IN] ● CLAIM customers-leave" in line for line in lines)


def test_a_self_attack_reads_as_itself_not_as_shown_above(write, run, monkeypatch):
    # issue 15, item 4: "rebutted by ↑ s (shown above)" pointed at the very line it hangs under
    monkeypatch.setenv("COLUMNS", "80")
    path = write("s.argdown", "<S>: A self-defeating argument.\n  - <S>\n")
    lines = run("show", "--map", path).stdout.splitlines()
    assert "└── ✗ rebutted by itself" in lines
    assert not any("shown above" in line for line in lines)
    lines = run("evaluate", "--map", path, "--explain", "s").stdout.splitlines()
    assert lines[-1] == "└── ✗ rebutted by [UNDEC] itself (a self-defeating statement)"
