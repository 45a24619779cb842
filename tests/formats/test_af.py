"""apx and tgf: the map's framework written for ICCMA solvers, and frameworks read back as maps."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings

from argmap.errors import MapInvalid
from argmap.analysis.framework import framework
from argmap.analysis.semantics import evaluate
from argmap.formats import detect, get
from argmap.graph import build_graph
from argmap.loader import loads, read_map

from ..analysis_maps import complete_labellings, frameworks, graph, maps, select
from ..conftest import ROOT, TINY

GOLDEN = ROOT / "tests" / "golden"
FORMATS = ("apx", "tgf")


@pytest.mark.parametrize("fmt", FORMATS)
def test_writers_match_the_golden_files(fmt):
    text = get(fmt).writer()(build_graph(loads(TINY)))
    assert text == (GOLDEN / fmt / f"tiny.{fmt}").read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", FORMATS)
def test_golden_files_read_back_as_the_map_they_came_from(fmt):
    loaded = read_map(GOLDEN / fmt / f"tiny.{fmt}")
    assert loaded.format == fmt
    m = loaded.map
    assert [(s.id, s.kind) for s in m.statements] == [
        ("rain", "premise"),
        ("wet", "claim"),
        ("take-umbrella", "claim"),
        ("wind", "premise"),
    ]
    assert [(a.id, a.premises, a.conclusion) for a in m.arguments] == [
        ("arg-wet", ("rain",), "wet"),
        ("arg-umbrella", ("wet",), "take-umbrella"),
    ]
    assert [(t.from_, t.to, t.type) for t in m.attacks] == [("wind", "arg-umbrella", "undercut")]


@settings(max_examples=150, deadline=None)
@given(maps(max_statements=7, max_arguments=5, max_attacks=5))
def test_round_trip_keeps_the_framework_and_the_labels(data):
    G = graph(data)
    for fmt in FORMATS:
        back = build_graph(get(fmt).reader()(get(fmt).writer()(G), name=f"x.{fmt}"))
        assert framework(back).attack_names() == framework(G).attack_names(), fmt
        for semantics in ("grounded", "preferred"):
            assert evaluate(back, semantics).labels() == evaluate(G, semantics).labels(), (fmt, semantics)


@settings(max_examples=200, deadline=None)
@given(frameworks(max_nodes=6))
def test_any_framework_reads_as_a_map_with_the_same_labellings(case):
    """Including self-attacks, which a map holds as they are (issue 15, item 4)."""
    n, attacks = case
    if n == 0:
        return
    names = [f"a{i}" for i in range(n)]
    apx = "".join(f"arg({a}).\n" for a in names) + "".join(f"att(a{u},a{v}).\n" for u, v in attacks)
    tgf = "".join(f"{a}\n" for a in names) + "#\n" + "".join(f"a{u} a{v}\n" for u, v in attacks)
    every = complete_labellings(n, attacks)
    for fmt, text in (("apx", apx), ("tgf", tgf)):
        G = build_graph(get(fmt).reader()(text, name=f"af.{fmt}"))
        for semantics in ("grounded", "preferred", "stable"):
            ev = evaluate(G, semantics)
            index = [ev.framework.index[a] for a in names]
            got = sorted({tuple(lab[i] for i in index) for lab in ev.result.all()})
            assert [list(x) for x in got] == select(every, semantics), (fmt, semantics)


def test_names_are_safe_for_aspartix_and_come_back():
    G = graph(
        {
            "title": "T",
            "statements": [
                {"id": "6n-plan", "kind": "premise", "text": "A."},
                {"id": "b", "kind": "claim", "text": "B."},
            ],
            "arguments": [{"id": "x", "premises": ["6n-plan"], "conclusion": "b"}],
        }
    )
    text = get("apx").writer()(G)
    assert "arg(id__6n_plan)." in text and "att(id__6n_plan,not__6n_plan)." in text
    assert [s.id for s in get("apx").reader()(text).statements] == ["6n-plan", "b"]


def test_a_foreign_framework_keeps_its_names_as_texts():
    m = get("tgf").reader()("1 First argument\n2\nA_B\n#\n1 2\nA_B 1 (an edge label)\n", name="f.tgf")
    assert [(s.id, s.kind, s.text) for s in m.statements] == [
        ("1", "claim", "First argument"),
        ("2", "claim", "2"),
        ("a-b", "claim", "A_B"),
    ]
    assert [(t.from_, t.to, t.type) for t in m.attacks] == [("1", "2", "rebut"), ("a-b", "1", "rebut")]
    m = get("apx").reader()('% a comment\narg("x y"). arg(z).\natt("x y",z).\n', name="q.apx")
    assert [s.id for s in m.statements] == ["x-y", "z"]


@pytest.mark.parametrize(
    "fmt, text, where, what",
    [
        ("apx", "arg(a).\natt(a,b).\n", "f.apx:2:1:", "att names 'b', which no arg fact declares"),
        ("apx", "arg(a).\narg(b) att(a,b).\n", "f.apx:2:1:", "expected arg(name). or att(name,name)."),
        ("apx", "arg(a).\n  arg(a,b).\n", "f.apx:2:3:", "arg takes one name"),
        ("apx", "% nothing\n", "f.apx:1:", "no arg facts"),
        ("tgf", "a\nb\n#\na c\n", "f.tgf:4:3:", "edge names 'c', which is not a node"),
        ("tgf", "a\n#\na\n", "f.tgf:3:", "expected an edge"),
        ("tgf", "a\n#\n#\n", "f.tgf:3:", "a second '#' line"),
    ],
)
def test_bad_frameworks_say_where(fmt, text, where, what):
    with pytest.raises(MapInvalid) as err:
        get(fmt).reader()(text, name=f"f.{fmt}")
    [line] = err.value.lines()
    assert line.startswith(where) and what in line, line


def test_formats_are_detected_by_suffix_and_content():
    apx = (GOLDEN / "apx" / "tiny.apx").read_text(encoding="utf-8")
    tgf = (GOLDEN / "tgf" / "tiny.tgf").read_text(encoding="utf-8")
    assert detect("", apx).name == "apx" and detect("x.yaml", apx).name == "apx"
    assert detect("", tgf).name == "tgf" and detect("x.tgf", tgf).name == "tgf"
    assert detect("", TINY).name == "yaml" and detect("", '{"title": "T"}').name == "json"
    assert detect("", "# a YAML comment\ntitle: T\n").name == "yaml"


def test_embedded_map_round_trips(tmp_path: Path):
    G = build_graph(read_map().map)
    for fmt in FORMATS:
        path = tmp_path / f"sco.{fmt}"
        path.write_text(get(fmt).writer()(G), encoding="utf-8")
        back = build_graph(read_map(path).map)
        assert evaluate(back).labels() == evaluate(G).labels()
        assert sorted(back.edges) == sorted(G.edges)


def test_a_node_attacking_itself_is_a_self_attack_in_the_map():
    m = get("apx").reader()("arg(a).\narg(b).\natt(a,a).\natt(a,b).\n", name="af.apx")
    assert [s.id for s in m.statements] == ["a", "b"] and m.arguments == ()
    assert [(t.from_, t.to, t.type) for t in m.attacks] == [("a", "a", "rebut"), ("a", "b", "rebut")]
