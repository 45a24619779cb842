"""argmap: map the arguments of policy texts, and ask them questions.

Use it from Python as from the command line::

    import argmap
    m = argmap.load()                 # the embedded map of the SCO article
    G = argmap.build_graph(m)         # a networkx DiGraph
    argmap.load("my-map.yaml")        # any map file

Heavy modules (Pydantic, networkx) are imported on first use, so that
``argmap --help`` starts fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_LAZY = {
    "load": "argmap.loader",
    "loads": "argmap.loader",
    "read_map": "argmap.loader",
    "read_graph": "argmap.loader",
    "build_graph": "argmap.graph",
    "map_data": "argmap.graph",
    "ArgumentMap": "argmap.model",
    "Statement": "argmap.model",
    "Argument": "argmap.model",
    "Attack": "argmap.model",
    "Source": "argmap.model",
    "ArgmapError": "argmap.errors",
    "MapInvalid": "argmap.errors",
    "InputError": "argmap.errors",
    "UsageError": "argmap.errors",
    "NotFound": "argmap.errors",
}

__all__ = sorted(_LAZY) + ["__version__"]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'argmap' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
