"""The fast paths taken for speed must give exactly what the plain way gives.

- build_graph fills networkx's dicts directly: it must make exactly the graph
  that networkx's own ``add_nodes_from``/``add_edges_from`` make, order included
  (queries and writers list things in adjacency order).
"""

from __future__ import annotations

import networkx as nx
from hypothesis import given, settings

import argmap
from argmap.graph import ARGUMENT, build_graph
from argmap.validate import validate
from tests.bench.generate import generate
from tests.map_strategies import maps


def _with_networkx(amap) -> nx.DiGraph:
    """The graph as networkx's public methods build it (the reference)."""

    def fields(obj, skip=()):
        return {k: v for k, v in obj.__dict__.items() if v is not None and k not in skip}

    source = amap.source.model_dump(exclude_none=True) if amap.source else None
    G = nx.DiGraph(title=amap.title, description=amap.description, source=source)
    G.add_nodes_from((s.id, fields(s)) for s in amap.statements)
    G.add_nodes_from((a.id, {**fields(a), "kind": ARGUMENT}) for a in amap.arguments)
    G.add_edges_from((p, a.id, {"type": "premise"}) for a in amap.arguments for p in a.premises)
    G.add_edges_from((a.id, a.conclusion, {"type": "conclusion"}) for a in amap.arguments)
    G.add_edges_from((t.from_, t.to, fields(t, ("from_", "to"))) for t in amap.attacks)
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
