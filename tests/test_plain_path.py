"""Commands that need only the graph read YAML and JSON maps into plain dicts
(argmap.validate.validate_plain) and build the graph from them: that path must
accept exactly the maps the models accept, refuse the others with exactly the
same messages, and make exactly the graph build_graph makes of the models."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.errors import MapInvalid
from argmap.graph import build_graph, graph_from_validated
from argmap.loader import read_graph, read_map
from argmap.validate import validate, validate_plain, validate_plain_json
from tests.bench.generate import generate
from tests.map_strategies import maps
from tests.test_fast_paths import _shape


def _data(amap) -> dict:
    return amap.model_dump(by_alias=True, exclude_none=True)


def _same_graph(data: dict) -> None:
    expected = _shape(build_graph(validate(data, name="m")))
    assert _shape(graph_from_validated(validate_plain(data, name="m"))) == expected
    assert _shape(graph_from_validated(validate_plain_json(json.dumps(data), name="m"))) == expected


def test_embedded_map_plain_graph_is_build_graph():
    _same_graph(_data(argmap.load()))


def test_generated_map_plain_graph_is_build_graph():
    _same_graph(generate(1500, seed=5))


@pytest.mark.slow
@settings(max_examples=100, deadline=None)
@given(maps(), st.booleans())
def test_random_map_plain_graph_is_build_graph(amap, nulls):
    data = _data(amap)
    if nulls:  # null means "not given": the same map
        data["description"] = None
        for item in data["statements"] + data.get("arguments", []) + data.get("attacks", []):
            item.setdefault("note", None)
    _same_graph(data)


BAD = [
    {"title": "T", "statements": []},
    {"title": "T", "statements": [{"id": "A", "kind": "thing", "text": " ", "colour": 1}]},
    {
        "title": "T",
        "statements": [{"id": "a", "kind": "claim", "text": "A."}],
        "arguments": [{"id": "x", "premises": ["a"], "conclusion": "b"}],
    },
    {
        "title": "T",
        "statements": [{"id": "a", "kind": "claim", "text": "A."}, {"id": "a", "kind": "claim", "text": "B."}],
    },
    {
        "title": "T",
        "statements": [{"id": "a", "kind": "claim", "text": "A.", "paragraph": 0}],
        "attacks": [{"id": "t", "from": "a", "to": "a", "type": "rebut"}],
    },
    [1, 2],
]


@pytest.mark.parametrize("bad", BAD)
@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_bad_maps_get_the_same_messages_on_both_paths(bad, suffix, tmp_path: Path):
    path = tmp_path / f"map{suffix}"
    path.write_text(json.dumps(bad, indent=2), encoding="utf-8")  # JSON is YAML too
    with pytest.raises(MapInvalid) as by_models:
        read_map(path)
    with pytest.raises(MapInvalid) as by_plain:
        read_graph(path)
    assert by_plain.value.lines() == by_models.value.lines()
    assert by_plain.value.lines()[0].startswith(f"{path}:")


def test_read_graph_checks_quotes_like_read_map(tmp_path: Path):
    (tmp_path / "a.txt").write_text("Title\n\nIt rains.\n", encoding="utf-8")
    data = {
        "title": "T",
        "source": {"file": "a.txt"},
        "statements": [{"id": "a", "kind": "claim", "text": "A.", "quote": "It snows."}],
    }
    path = tmp_path / "map.json"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    with pytest.raises(MapInvalid) as by_models:
        read_map(path)
    with pytest.raises(MapInvalid) as by_plain:
        read_graph(path)
    assert by_plain.value.lines() == by_models.value.lines()
    assert "does not occur in the source text" in by_plain.value.lines()[0]
    data["statements"][0]["quote"] = "It rains."
    path.write_text(json.dumps(data), encoding="utf-8")
    loaded = read_graph(path)
    assert loaded.map is None and loaded.source is not None
    assert _shape(loaded.graph) == _shape(build_graph(read_map(path).map))


FOREIGN_BAD = {
    ".argdown": "[A]: It rains.\n  + [B]: The forecast. {paragraph: 0}\n",
    ".aif": json.dumps(
        {
            "nodes": [{"nodeID": "1", "type": "I", "text": "x"}, {"nodeID": "2", "type": "RA", "text": "Default"}],
            "edges": [{"edgeID": "1", "fromID": "1", "toID": "2"}, {"edgeID": "2", "fromID": "2", "toID": "9"}],
        }
    ),
    ".txt": "Discussion Title: T\n\n1. We should.\n1.1. Pro: \n",
}


@pytest.mark.parametrize("fmt", ["argdown", "aif", "kialo"])
def test_foreign_formats_read_into_the_graph_the_models_make(fmt, tmp_path: Path):
    """Argdown, AIF and Kialo are read into plain data too: the same graph as through the models."""
    from argmap.formats import FORMATS

    G = build_graph(validate(generate(400, seed=3), name="m"))
    if fmt == "kialo":
        path = tmp_path / "map.txt"
        proposal = next(n for n, k in G.nodes(data="kind") if k == "proposal")
        path.write_text(
            "Discussion Title: T\n\n1. " + G.nodes[proposal]["text"] + "\n1.1. Pro: Because.\n1.1.1. Con: Not so.\n",
            encoding="utf-8",
        )
    else:
        path = tmp_path / f"map.{fmt}"
        path.write_text(FORMATS[fmt].writer()(G, None), encoding="utf-8")
    assert _shape(read_graph(path).graph) == _shape(build_graph(read_map(path).map))


@pytest.mark.parametrize("suffix", sorted(FOREIGN_BAD))
def test_foreign_formats_bad_maps_get_the_same_messages_on_both_paths(suffix, tmp_path: Path):
    path = tmp_path / f"map{suffix}"
    path.write_text(FOREIGN_BAD[suffix], encoding="utf-8")
    with pytest.raises(MapInvalid) as by_models:
        read_map(path)
    with pytest.raises(MapInvalid) as by_plain:
        read_graph(path)
    assert by_plain.value.lines() == by_models.value.lines()
