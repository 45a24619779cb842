"""Export a map, or a focused part of it, in any format of the format table.

Writers (``argmap.formats.<name>.dumps``) take the graph and an
:class:`~argmap.formats.ExportOptions`; they return text or bytes and never touch files.
This module picks the format, cuts the focused part out of the graph and
hands both to the writer; writing is :mod:`argmap.output`'s job.

Examples
--------
>>> import argmap
>>> G = argmap.build_graph(argmap.load())
>>> text = export(G, "mermaid", ExportOptions(wrap=20))
>>> text.splitlines()[2]
'flowchart BT'
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import UsageError
from .formats import DEFAULT_FORMAT, ExportOptions

if TYPE_CHECKING:
    from .graph import Graph


def export(G: Graph, fmt: str = DEFAULT_FORMAT, options: ExportOptions | None = None) -> str | bytes:
    """The graph ``G`` (or a view of it) written in format ``fmt``.

    >>> import argmap
    >>> export(argmap.build_graph(argmap.load()), "json").startswith('{')
    True
    """
    from .formats import get

    spec = get(fmt, write=True)
    if options is not None and options.wrap < 8:
        raise UsageError(f"--wrap {options.wrap} is too narrow.", hint="Use 8 columns or more.")
    return spec.writer()(G, options or ExportOptions())


def choose_format(fmt: str | None, output: str | Path | None) -> Any:
    """The format to write: ``fmt`` if given, else the one ``output``'s suffix names.

    >>> choose_format(None, "map.svg").name
    'svg'
    >>> choose_format("md", None).name
    'md'
    >>> choose_format(None, None).name
    'dot'
    """
    from .formats import FORMATS, for_suffix, get

    if fmt:
        return get(fmt, write=True)
    if output is None or str(output) == "-":
        return get(DEFAULT_FORMAT)
    if Path(output).is_dir():
        raise UsageError(f"{output}: is a folder.", hint=f"Give a file name, e.g. -o {Path(output) / 'map.svg'}.")
    named = for_suffix(Path(output).name, write=True)
    if named is None:
        suffixes = ", ".join(f"{s} ({f.name})" for f in FORMATS.values() if f.write for s in f.suffixes)
        raise UsageError(
            f"cannot tell the format from the name '{output}'.",
            hint=f"Give --format, or end the file name in one of: {suffixes}.",
        )
    return named


def neighbourhood(G: Graph, focus: str | list[str] | None = None, depth: int | None = None) -> Any:
    """A view of ``G``: ``focus`` (an id, or several) and what stands for or
    against it, ``depth`` levels down.

    Level 0 is ``focus``; the premises of its arguments and the statements
    attacking it (or its arguments) are level 1, and so on, the way
    ``argmap show`` counts reasons and attacks (the proposals that serve
    ``focus``, which ``show`` hangs under it, are not part of what bears on
    it). Focused on an argument, its premises and its conclusion are kept at
    any depth, so the part is still a valid map (an argument is its premises
    and conclusion). Without ``focus`` the roots are the
    proposals. Without ``depth`` there is no limit. Nodes keep the map's order.

    Examples
    --------
    >>> from argmap.graph import _demo
    >>> list(neighbourhood(_demo(), "c", 1).nodes)
    ['p', 'c', 'x', 'a']
    >>> list(neighbourhood(_demo(), "c", 0).nodes)
    ['c']
    >>> list(neighbourhood(_demo(), "a", 1).nodes)
    ['p', 'c', 'x', 'a']
    >>> list(neighbourhood(_demo(), "a", 0).nodes)
    ['p', 'c', 'a']
    >>> list(neighbourhood(_demo(), ["p", "x"], 0).nodes)
    ['p', 'x']
    """
    import networkx as nx

    from .graph import arguments_for, conclusion, premises, require, statements
    from .terms import ARGUMENT

    focused = [focus] if isinstance(focus, str) else list(focus or [])
    if not focused and depth is None:
        return G
    roots = [require(G, node) for node in focused] if focused else statements(G, "proposal")
    keep = set(roots)
    arguments = [node for node in focused if G.nodes[node]["kind"] == ARGUMENT]
    keep.update(conclusion(G, node) for node in arguments)
    frontier, level = list(roots), 0
    while frontier and (depth is None or level < depth):
        found = []
        for node in frontier:
            targets = [node] if G.nodes[node]["kind"] == ARGUMENT else [node, *arguments_for(G, node)]
            for target in targets:
                keep.add(target)
                for source, _, kind in G.in_edges(target, data="type"):
                    if kind != "conclusion" and source not in keep:
                        keep.add(source)
                        found.append(source)
        frontier, level = found, level + 1
    for node in arguments:
        keep.update(premises(G, node))  # (at depth 0 the walk above did not reach them)
    return nx.subgraph_view(G, filter_node=keep.__contains__)


def relocated_source(loaded: Any, output: str | Path | None) -> str | None:
    """``source.file`` as it must read in a map written to ``output`` (stdout: the
    current folder), so the source text is still found from there."""
    from .loader import data_dir, portable_source

    if loaded.map is not None:
        file = loaded.map.source.file if loaded.map.source is not None else None
    else:
        file = (loaded.graph.graph.get("source") or {}).get("file")
    if file is None:
        return None
    base = loaded.path.parent if loaded.path is not None else (data_dir() if loaded.embedded else Path.cwd())
    new_dir = Path.cwd() if output is None or str(output) == "-" else Path(output).absolute().parent
    return portable_source(file, base, new_dir)


def export_loaded(
    loaded: Any,
    fmt: str,
    *,
    output: str | Path | None = None,
    focus: str | list[str] | None = None,
    depth: int | None = None,
    options: ExportOptions | None = None,
) -> str | bytes:
    """Export a map read by :func:`argmap.loader.read_map` or
    :func:`~argmap.loader.read_graph`, for writing to ``output``.

    Adds what only the loaded map knows: its source text (for the HTML report)
    and ``source.file`` rewritten to resolve from ``output``'s folder.
    """
    from .graph import build_graph

    G = neighbourhood(loaded.graph if loaded.graph is not None else build_graph(loaded.map), focus, depth)
    from .collector import collector_paused

    options = replace(options or ExportOptions(), source=loaded.source, source_file=relocated_source(loaded, output))
    with collector_paused():  # writers make millions of small acyclic objects on a big map
        return export(G, fmt, options)
