"""The node-link JSON writer: what networkx reads back."""

from __future__ import annotations

import json

import argmap
from argmap.export import export

from ..export_helpers import SMALL


def small_graph():
    return argmap.build_graph(argmap.load(SMALL))


def test_nodelink_reads_back_into_networkx():
    import networkx as nx

    G = small_graph()
    back = nx.node_link_graph(json.loads(export(G, "nodelink")), edges="links")
    assert list(back.nodes) == list(G.nodes)
    assert {(u, v, d["type"]) for u, v, d in back.edges(data=True)} == {
        (u, v, d["type"]) for u, v, d in G.edges(data=True)
    }
    assert back.nodes["traffic-doubled"]["tags"] == ["traffic", "data"]
