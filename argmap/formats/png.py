"""The map's DOT diagram drawn as PNG by Graphviz (see :mod:`argmap.formats.graphviz`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..graph import Graph
    from . import ExportOptions


def dumps(graph: Graph, options: ExportOptions | None = None) -> bytes:
    """The diagram of :mod:`argmap.formats.dot`, rendered as png."""
    from . import dot
    from .graphviz import render

    return render(dot.dumps(graph, options), "png", prefer=getattr(options, "renderer", None))
