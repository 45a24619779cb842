"""The GraphML writer: every attribute kept, as networkx reads it back."""

from __future__ import annotations

import json

import argmap
from argmap.export import export

from ..export_helpers import SMALL


def small_graph():
    return argmap.build_graph(argmap.load(SMALL))


def test_graphml_keeps_every_attribute():
    import networkx as nx

    G = small_graph()
    back = nx.parse_graphml(export(G, "graphml"))
    for n, d in G.nodes(data=True):
        for key, value in d.items():
            want = json.dumps(list(value)) if isinstance(value, tuple) else value
            assert back.nodes[n][key] == want, (n, key)
        assert back.nodes[n]["label"] == d.get("text", n)
    for u, v, d in G.edges(data=True):
        assert {k: x for k, x in back.edges[u, v].items()} == {
            k: json.dumps(list(x)) if isinstance(x, tuple) else x for k, x in d.items()
        }
    assert back.graph["source.file"] == "small.txt"
