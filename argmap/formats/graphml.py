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
from typing import Any, TYPE_CHECKING

from .diagram import xml_safe

if TYPE_CHECKING:
    from ..graph import Graph
    from . import ExportOptions

HEAD = (
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
    'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">'
)


def _flat(value: Any) -> Any:
    if isinstance(value, (tuple, list)):
        return json.dumps(list(value), ensure_ascii=False)
    return value


def _text(value: Any) -> str:
    """A value as XML character data (carriage returns kept as references)."""
    return xml_safe(str(value)).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _attr(value: str) -> str:
    return _text(value).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")


def _type(value: Any) -> str:
    return "long" if isinstance(value, int) and not isinstance(value, bool) else "string"


class _Keys:
    """GraphML keys, numbered in order of first use, one per (domain, name)."""

    def __init__(self) -> None:
        self.ids: dict[tuple[str, str], str] = {}
        self.lines: list[str] = []

    def data(self, domain: str, attrs: dict[str, Any], indent: str) -> list[str]:
        out = []
        for name, value in attrs.items():
            if value is None:
                continue
            value = _flat(value)
            key = self.ids.get((domain, name))
            if key is None:
                key = self.ids[domain, name] = f"d{len(self.ids)}"
                self.lines.append(
                    f'  <key id="{key}" for="{domain}" attr.name="{_attr(name)}" attr.type="{_type(value)}" />'
                )
            out.append(f'{indent}<data key="{key}">{_text(value)}</data>')
        return out


def dumps(G: Graph, options: ExportOptions | None = None) -> str:
    """The graph as GraphML text."""
    from ..graph import map_source

    keys = _Keys()
    graph_attrs = {k: G.graph.get(k) for k in ("title", "description")}
    graph_attrs.update(
        {f"source.{k}": v for k, v in (map_source(G, options.source_file if options else None) or {}).items()}
    )
    body = ['  <graph edgedefault="directed">', *keys.data("graph", graph_attrs, "    ")]
    for n, d in G.nodes(data=True):
        body.append(f'    <node id="{_attr(n)}">')
        body += keys.data("node", {**d, "label": d.get("text") or n}, "      ")
        body.append("    </node>")
    for u, v, d in G.edges(data=True):
        body.append(f'    <edge source="{_attr(u)}" target="{_attr(v)}">')
        body += keys.data("edge", d, "      ")
        body.append("    </edge>")
    body.append("  </graph>")
    return "\n".join(["<?xml version='1.0' encoding='utf-8'?>", HEAD, *keys.lines, *body, "</graphml>"]) + "\n"
