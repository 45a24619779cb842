"""The fast paths taken for speed must give exactly what the plain way gives.

- build_graph fills networkx's dicts directly: it must make exactly the graph
  that networkx's own ``add_nodes_from``/``add_edges_from`` make, order included
  (queries and writers list things in adjacency order);
- the model's quick reference check must say "no problems" exactly when the
  full search finds none.
"""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import argmap
from argmap.graph import build_graph
from argmap.terms import ARGUMENT, PREMISE_TOO
from argmap.model import _all_resolve, _search
from argmap.validate import validate
from tests.bench.generate import generate
from tests.map_strategies import maps


def _with_networkx(amap) -> nx.DiGraph:
    """The graph as networkx's public methods build it (the reference)."""

    def fields(obj, skip=()):
        return {k: v for k, v in obj.__dict__.items() if v is not None and k not in skip}

    source = amap.source.model_dump(exclude_none=True) if amap.source else None
    G = nx.DiGraph(title=amap.title, description=amap.description, source=source, speakers=amap.speakers)
    G.add_nodes_from((s.id, fields(s)) for s in amap.statements)
    G.add_nodes_from((a.id, {**fields(a), "kind": ARGUMENT}) for a in amap.arguments)
    G.add_edges_from((p, a.id, {"type": "premise"}) for a in amap.arguments for p in a.premises)
    G.add_edges_from((a.id, a.conclusion, {"type": "conclusion"}) for a in amap.arguments)
    G.add_edges_from((t.from_, t.to, fields(t, ("from_", "to"))) for t in amap.attacks)
    for t in amap.attacks:  # a premise undercutting its own argument: the one edge is marked
        if t.to in G and G.nodes[t.to]["kind"] == ARGUMENT and t.from_ in G.nodes[t.to]["premises"]:
            G.edges[t.from_, t.to][PREMISE_TOO] = True
    G.graph["attacks"] = [(t.from_, t.to) for t in amap.attacks]
    return G


def _shape(G: nx.DiGraph) -> tuple:
    """Everything a graph holds, in iteration order."""
    return (
        G.graph,
        [(n, list(d.items())) for n, d in G._node.items()],
        [(n, [(v, list(d.items())) for v, d in adj.items()]) for n, adj in G._succ.items()],
        [(n, [(u, list(d.items())) for u, d in adj.items()]) for n, adj in G._pred.items()],
    )


def _same(amap) -> None:
    G, H = build_graph(amap), _with_networkx(amap)
    assert _shape(G) == _shape(H)
    for u, v in G.edges:  # one shared dict per edge, as networkx keeps it
        assert G._succ[u][v] is G._pred[v][u]
    assert nx.utils.graphs_equal(G, H)


def test_embedded_map_graph_is_what_networkx_builds():
    _same(argmap.load())


def test_generated_map_graph_is_what_networkx_builds():
    _same(validate(generate(1500, seed=3), name="generated"))


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(maps())
def test_random_map_graph_is_what_networkx_builds(amap):
    _same(amap)


def test_built_graph_can_still_be_changed_with_networkx():
    G = build_graph(argmap.load())
    n, e = G.number_of_nodes(), G.number_of_edges()
    G.add_edge("new-a", "new-b", type="rebut")
    assert (G.number_of_nodes(), G.number_of_edges()) == (n + 2, e + 1)
    G.remove_node("new-a")
    assert "new-a" not in G and not G.has_edge("new-a", "new-b")


# ids from a tiny alphabet, so that dangling references and repeats are common
_ID = st.sampled_from(["a", "b", "c", "d", "e", "f", "g"])
_KIND = st.sampled_from(["rebut", "undermine", "undercut"])


@st.composite
def _references(draw):
    """Statement, argument and attack ids, usually distinct, and links between them."""
    ids = draw(st.lists(_ID, min_size=1, max_size=7, unique=draw(st.booleans()) or draw(st.booleans())))
    cut = sorted(draw(st.lists(st.integers(1, len(ids)), min_size=2, max_size=2)))
    statements, argument_ids, attack_ids = ids[: cut[0]], ids[cut[0] : cut[1]], ids[cut[1] :]
    # links mostly to the right kind of thing, sometimes to anything
    statement = st.sampled_from(statements) if draw(st.booleans()) else st.one_of(st.sampled_from(statements), _ID)
    target = st.sampled_from(ids)
    arguments = [(a, tuple(draw(st.lists(statement, min_size=1, max_size=3))), draw(statement)) for a in argument_ids]
    attacks = []
    for t in attack_ids:
        kind = draw(_KIND)
        on = st.sampled_from(argument_ids) if kind == "undercut" and argument_ids and draw(st.booleans()) else target
        attacks.append((t, draw(statement), draw(on), kind))
    return statements, arguments, attacks


@pytest.mark.slow
@settings(max_examples=3000, deadline=None)
@given(_references())
# one of each mistake in an otherwise valid map
@example((["a", "b"], [("x", ("a",), "b")], [("t", "b", "x", "undercut")]))  # valid
@example((["a", "b"], [("x", ("a",), "b")], [("t", "a", "x", "undercut")]))  # undercut by its own premise
@example((["a", "b"], [("x", ("a",), "b")], [("t", "a", "a", "rebut")]))  # attacks itself
@example((["a", "b"], [("x", ("a", "a"), "b")], []))  # premise twice
@example((["a", "b"], [("x", ("a", "b"), "b")], []))  # concludes its own premise
@example((["a", "b"], [("x", ("a",), "b")], [("t", "a", "b", "rebut"), ("u", "a", "b", "undermine")]))  # pair twice
@example((["a", "b"], [("a", ("b",), "b")], []))  # id twice
def test_quick_reference_check_agrees_with_the_full_search(refs):
    assert _all_resolve(*refs) == (_search(*refs) == [])


def test_quick_reference_check_passes_valid_maps():
    data = generate(800, seed=5)
    args = [(a["id"], tuple(a["premises"]), a["conclusion"]) for a in data["arguments"]]
    attacks = [(t["id"], t["from"], t["to"], t["type"]) for t in data["attacks"]]
    assert _all_resolve([s["id"] for s in data["statements"]], args, attacks)


# ---- the embedded map's graph, built from its YAML without the models


def test_field_lists_are_the_models_fields():
    from argmap.terms import ARGUMENT_FIELDS, ATTACK_FIELDS, SOURCE_FIELDS, STATEMENT_FIELDS
    from argmap.model import Argument, Attack, Source, Statement

    def names(model):
        return tuple("from" if f == "from_" else f for f in model.model_fields)

    assert (
        names(Statement),
        names(Argument),
        names(Attack),
        names(Source),
    ) == (STATEMENT_FIELDS, ARGUMENT_FIELDS, ATTACK_FIELDS, SOURCE_FIELDS)


def test_embedded_graph_is_the_validated_maps_graph():
    """The embedded map's trusted fast path (no validation) builds the validated map's graph."""
    from argmap.loader import read_graph

    expected = _shape(build_graph(argmap.load()))
    assert _shape(read_graph().graph) == expected
    assert _shape(read_graph(verify=True).graph) == expected


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(maps())
def test_graph_from_validated_data_is_the_validated_maps_graph(amap):
    from argmap.graph import graph_from_trusted, map_data

    G = build_graph(amap)
    assert _shape(graph_from_trusted(map_data(G))) == _shape(G)


# ---- Argdown data blocks read without YAML

_WORDS = st.sampled_from(
    [
        "id",
        "speaker",
        "paragraph",
        "tags",
        "attack",
        "a_b",
        "x1",
        "yes",
        "No",
        "on",
        "null",
        "true",
        "y",
        "n",
        "text",
        "kind",
        "off",
    ]
)
_STRINGS = st.one_of(
    st.text(max_size=12).map(lambda t: __import__("json").dumps(t, ensure_ascii=False)),
    st.text(max_size=12).map(lambda t: __import__("json").dumps(t)),  # \\u escapes, surrogate pairs too
    st.sampled_from(['"a\\/b"', '"tab\\there"', '"\\ud83d\\ude00"', '"x\\u00e9"', '"\\"q\\""', '"a: b, c"']),
)
_SCALARS = st.one_of(
    _STRINGS,
    _STRINGS,
    st.integers(-(10**6), 10**6).map(str),
    st.sampled_from(
        ["0", "-0", "012", "1e3", "1.5", "true", "false", "null", "Null", "yes", "off", "author", "~", "0x1f"]
    ),
)
_SPACE = st.sampled_from(["", "", " ", " ", "  ", "\t"])


@st.composite
def _flow(draw, depth=0):
    """A one-line YAML flow collection, inside the fast subset or just outside it."""
    value = _SCALARS if depth >= 2 else st.one_of(_SCALARS, _flow(depth=depth + 1))
    sp = draw(_SPACE)
    if depth and draw(st.booleans()):
        return "[" + sp + ("," + sp).join(draw(st.lists(value, max_size=3))) + sp + "]"
    pairs = []
    for _ in range(draw(st.integers(0, 3))):
        key = draw(st.one_of(_WORDS, _STRINGS))
        pairs.append(key + draw(st.sampled_from([": ", ": ", ": ", ":  ", ":", " : "])) + draw(value))
    return "{" + sp + ("," + draw(_SPACE)).join(pairs) + draw(_SPACE) + "}"


@pytest.mark.slow
@settings(max_examples=3000, deadline=None)
@given(_flow())
@example('{paragraph: 33, speaker: "author"}')
@example('{attack: {id: "att-3295"}}')
@example("{a: 1, a: 2}")
def test_data_blocks_read_without_yaml_as_yaml_reads_them(raw):
    from argmap.errors import MapInvalid
    from argmap.formats.argdown.flow import flow_data
    from argmap.formats.yaml import parse

    fast = flow_data(raw)
    if fast is None:
        return
    try:
        expected = parse(raw, name="block")
    except MapInvalid:
        raise AssertionError(f"{raw!r} read as {fast!r}, but YAML refuses it") from None
    assert fast == expected and type(fast) is type(expected)


def test_the_writers_data_blocks_take_the_fast_way():
    from argmap.formats.argdown.flow import flow_data

    for raw in (
        '{paragraph: 33, speaker: "author"}',
        '{attack: {id: "att-3295"}}',
        '{id: "x", tags: ["a b", "c"], note: "say \\"hi\\"\\n"}',
    ):
        assert flow_data(raw) is not None, raw


# ---- diagram text cleaning: the printable-text shortcut


@pytest.mark.slow
@settings(max_examples=3000, deadline=None)
@given(
    st.text(max_size=30) | st.text(st.sampled_from(list(" a\t\n\x0b\x1c\x85\xa0\u2028\u3000\ud800\ufffe")), max_size=12)
)
def test_clean_shortcut_gives_what_the_regular_expressions_give(text):
    from argmap.formats.diagram import _SPACE, _UNSAFE, clean

    assert clean(text) == _SPACE.sub(" ", _UNSAFE.sub("\ufffd", text)).strip()


# ---- the console script ends with os._exit once its output is flushed


def _argmap(*args: str):
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "argmap", *args], capture_output=True, text=True)


def test_output_is_complete_and_exit_codes_kept_after_the_quick_exit(tmp_path):
    import json

    listed = _argmap("list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert len(json.loads(listed.stdout)) > 40  # all of it arrived, parseable to the last byte
    missing = _argmap("supports", "no-such-id")
    assert missing.returncode == 1 and "no-such-id" in missing.stderr
    usage = _argmap("list", "--kind", "nonsense")
    assert usage.returncode == 2 and "nonsense" in usage.stderr
    out = tmp_path / "map.json"
    wrote = _argmap("export", "-o", str(out))
    assert wrote.returncode == 0 and json.loads(out.read_text())["statements"]


@pytest.mark.slow
@settings(max_examples=2000, deadline=None)
@given(st.text(st.sampled_from(list("ab-0Z ü_")), max_size=14), st.integers(1, 16))
def test_slugify_leaves_slugs_as_they_are_and_only_those(text, limit):
    import unicodedata

    from argmap.formats._common import _NON_SLUG, slugify

    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NON_SLUG.sub("-", folded.lower()).strip("-")
    if len(slug) > limit:
        cut = slug.rfind("-", 0, limit + 1)
        slug = slug[: cut if cut > 0 else limit].strip("-")
    assert slugify(text, limit) == slug


@pytest.mark.slow
@settings(max_examples=4000, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "a",
                ": ",
                ":",
                ", ",
                ",",
                " ",
                '"',
                '"x"',
                '"}"',
                '\\"',
                "\\",
                "[",
                "]",
                "{",
                "}",
                "'",
                "-",
                "?",
                "\n",
                '  "b"',
            ]
        ),
        min_size=1,
        max_size=14,
    ).map("".join)
)
def test_simple_data_blocks_end_where_the_brace_matcher_ends_them(tail):
    from argmap.formats.argdown import lexer

    text = "{" + tail
    simple = lexer.SIMPLE_BLOCK.match(text)
    if simple is not None:
        saved, lexer.SIMPLE_BLOCK = lexer.SIMPLE_BLOCK, __import__("re").compile(r"(?!)")
        try:
            assert simple.end() == lexer.match_brace(text, 0)
        finally:
            lexer.SIMPLE_BLOCK = saved


def test_the_models_kinds_and_attack_types_are_the_vocabularys():
    """model.py spells kinds and attack types out as Literal types; terms.py is where the rest read them."""
    from typing import get_args

    from argmap.model import AttackType, Kind
    from argmap.terms import ATTACK_TYPES, KINDS

    assert get_args(Kind) == KINDS and get_args(AttackType) == ATTACK_TYPES
