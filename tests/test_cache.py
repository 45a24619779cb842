"""The per-user cache of validated graphs (argmap.cache): a big map read twice is
kept, read a third time it is loaded, and gives exactly the graph reading it
gives; a changed map, a changed folder owner or mode, a damaged entry or
ARGMAP_CACHE=off all mean reading the map afresh."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from argmap import cache
from argmap.errors import MapInvalid
from argmap.loader import read_graph
from tests.bench.generate import generate
from tests.test_fast_paths import _shape


@pytest.fixture
def folder(tmp_path: Path, monkeypatch) -> Path:
    where = tmp_path / "cache"
    monkeypatch.setenv("ARGMAP_CACHE", str(where))
    monkeypatch.setattr(cache, "MIN_CHARS", 1000)
    return where


@pytest.fixture
def big(tmp_path: Path) -> Path:
    path = tmp_path / "map.json"
    path.write_text(json.dumps(generate(300, seed=4)), encoding="utf-8")
    return path


def graphs(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.graph"))


def test_a_map_read_twice_is_kept_and_then_loaded(folder, big, monkeypatch):
    first = _shape(read_graph(big).graph)
    assert graphs(folder) == [] and len(list(folder.glob("*.seen"))) == 1  # read once: only a marker
    assert _shape(read_graph(big).graph) == first
    assert len(graphs(folder)) == 1
    built = []
    monkeypatch.setattr("argmap.graph.graph_from_validated", lambda *a: built.append(a))  # must not be needed
    loaded = read_graph(big)
    assert built == [] and _shape(loaded.graph) == first
    assert oct(folder.stat().st_mode & 0o777) == "0o700"
    assert oct(graphs(folder)[0].stat().st_mode & 0o777) == "0o600"


def test_the_loaded_graph_is_the_read_graph_for_every_input_format(folder, tmp_path):
    from argmap.formats import FORMATS
    from argmap.graph import build_graph
    from argmap.validate import validate

    G = build_graph(validate(generate(200, seed=6), name="m"))
    for fmt in ("yaml", "json", "argdown", "aif"):
        path = tmp_path / f"map.{fmt}"
        path.write_text(FORMATS[fmt].writer()(G, None), encoding="utf-8")
        fresh = _shape(read_graph(path).graph)
        read_graph(path)
        assert _shape(read_graph(path).graph) == fresh, fmt
    assert len(graphs(folder)) == 4


def test_a_changed_map_is_read_afresh(folder, big):
    read_graph(big), read_graph(big)
    data = json.loads(big.read_text())
    data["statements"][0]["text"] = "Something else entirely."
    big.write_text(json.dumps(data), encoding="utf-8")
    assert read_graph(big).graph.nodes[data["statements"][0]["id"]]["text"] == "Something else entirely."


def test_an_invalid_map_is_never_kept(folder, big):
    data = json.loads(big.read_text())
    data["arguments"][0]["conclusion"] = "no-such-statement"
    big.write_text(json.dumps(data), encoding="utf-8")
    for _ in range(3):
        with pytest.raises(MapInvalid):
            read_graph(big)
    assert graphs(folder) == []


def test_validate_reads_afresh(folder, big, monkeypatch):
    for _ in range(2):
        read_graph(big)
    monkeypatch.setattr(cache, "load", lambda *a: pytest.fail("verify must not use the cache"))
    read_graph(big, verify=True)


def test_a_damaged_entry_is_a_miss_and_is_removed(folder, big):
    expected = _shape(read_graph(big).graph)
    read_graph(big)
    (entry,) = graphs(folder)
    entry.write_bytes(entry.read_bytes()[:-50])
    assert _shape(read_graph(big).graph) == expected
    assert not entry.exists() or entry.stat().st_size > 0


def test_a_folder_others_can_write_is_not_used(folder, big):
    read_graph(big), read_graph(big)
    os.chmod(folder, 0o777)
    assert cache.load(big.read_text(), "json")[0] is None
    os.chmod(folder, 0o700)
    assert cache.load(big.read_text(), "json")[0] is not None
    os.chmod(graphs(folder)[0], 0o666)
    assert cache.load(big.read_text(), "json")[0] is None


def test_off_writes_nothing(tmp_path, big, monkeypatch):
    monkeypatch.setattr(cache, "MIN_CHARS", 1000)
    monkeypatch.setenv("ARGMAP_CACHE", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    for _ in range(3):
        read_graph(big)
    assert not (tmp_path / "xdg").exists()


def test_small_maps_are_not_kept(tmp_path, monkeypatch, big):
    monkeypatch.setenv("ARGMAP_CACHE", str(tmp_path / "cache"))
    for _ in range(3):
        read_graph(big)  # 300 statements: under MIN_CHARS
    assert not (tmp_path / "cache").exists() or graphs(tmp_path / "cache") == []


def test_at_most_keep_graphs_are_kept(folder, tmp_path):
    for i in range(cache.KEEP + 2):
        path = tmp_path / f"m{i}.json"
        path.write_text(json.dumps(generate(60, seed=i)), encoding="utf-8")
        read_graph(path), read_graph(path)
    assert len(graphs(folder)) == cache.KEEP
