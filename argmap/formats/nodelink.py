"""The graph as networkx node-link JSON, for D3 and other graph tools.

``{"directed": true, "multigraph": false, "graph": {...}, "nodes": [{"id": ...,
...}], "links": [{"source": ..., "target": ..., "type": ...}]}``: every node
and edge attribute of :func:`argmap.graph.build_graph`, nodes in map order.
``networkx.node_link_graph(data, edges="links")`` reads it back.

>>> from argmap.graph import _demo
>>> import json
>>> [link["type"] for link in json.loads(dumps(_demo()))["links"]]
['premise', 'undercut', 'conclusion']
"""

from __future__ import annotations

import json
from typing import Any, TYPE_CHECKING

if TYPE_CHECKING:
    from ..graph import Graph
    from . import ExportOptions


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def dumps(G: Graph, options: ExportOptions | None = None) -> str:
    """The graph as indented node-link JSON."""
    from ..graph import map_source

    source = map_source(G, options.source_file if options else None)
    graph = {
        k: v
        for k, v in (("title", G.graph.get("title")), ("description", G.graph.get("description")), ("source", source))
        if v
    }
    nodes = [{"id": n, **{k: _plain(v) for k, v in d.items()}} for n, d in G.nodes(data=True)]
    links = [{"source": u, "target": v, **{k: _plain(x) for k, x in d.items()}} for u, v, d in G.edges(data=True)]

    def rows(items: list[dict[str, Any]]) -> str:
        # one object a line: readable, and fast (the C encoder) for big maps
        return ",\n".join("    " + json.dumps(item, ensure_ascii=False) for item in items)

    head = json.dumps({"directed": True, "multigraph": False, "graph": graph}, indent=2, ensure_ascii=False)[:-2]
    return f'{head},\n  "nodes": [\n{rows(nodes)}\n  ],\n  "links": [\n{rows(links)}\n  ]\n}}\n'
