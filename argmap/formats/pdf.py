"""The map's DOT diagram drawn as PDF by Graphviz (see :mod:`argmap.formats.graphviz`)."""

from __future__ import annotations

from typing import Any


def dumps(graph: Any, options: Any = None) -> bytes:
    """The diagram of :mod:`argmap.formats.dot`, rendered as pdf."""
    from . import dot
    from .graphviz import render

    return render(dot.dumps(graph, options), "pdf", prefer=getattr(options, "renderer", None))
