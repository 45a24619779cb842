"""The map's DOT diagram drawn as SVG by Graphviz (see :mod:`argmap.formats.graphviz`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..graph import Graph
    from . import ExportOptions


def dumps(graph: Graph, options: ExportOptions | None = None) -> str:
    """The diagram of :mod:`argmap.formats.dot`, rendered as svg."""
    from . import dot
    from .graphviz import render

    svg = render(dot.dumps(graph, options), "svg", prefer=getattr(options, "renderer", None))
    return svg.decode("utf-8")
