"""The graph as GraphML, for yEd, Gephi and other graph editors.

Every node and edge attribute is kept; lists (tags, an argument's premises)
become JSON text (``["a", "b"]``), the source becomes ``source.title``,
``source.file``... on the graph. Nodes also get a ``label`` (their text) for
the editors that show one. Characters XML cannot hold become U+FFFD.

>>> from argmap.graph import _demo
>>> text = dumps(_demo())
>>> text.startswith("<?xml") and '<node id="a">' in text
True
"""

from __future__ import annotations

import json
from typing import Any

from .diagram import xml_safe


def _flat(value: Any) -> Any:
    if isinstance(value, (tuple, list)):
        return xml_safe(json.dumps(list(value), ensure_ascii=False))
    return xml_safe(value) if isinstance(value, str) else value


def dumps(G: Any, options: Any = None) -> str:
    """The graph as GraphML text."""
    import networkx as nx

    from ..export import map_data

    flat = nx.DiGraph()
    flat.graph.update({k: _flat(G.graph[k]) for k in ("title", "description") if G.graph.get(k)})
    for key, value in (map_data(G, options).get("source") or {}).items():
        flat.graph[f"source.{key}"] = _flat(value)
    for n, d in G.nodes(data=True):
        attrs = {k: _flat(v) for k, v in d.items() if v is not None}
        attrs["label"] = attrs.get("text") or n
        flat.add_node(n, **attrs)
    for u, v, d in G.edges(data=True):
        flat.add_edge(u, v, **{k: _flat(x) for k, x in d.items() if x is not None})
    lines = "\n".join(nx.generate_graphml(flat, prettyprint=True))
    return "<?xml version='1.0' encoding='utf-8'?>\n" + lines + "\n"
