"""The format table: every file format argmap reads or writes, in one place.

A format is a module in this package with ``loads(text, *, name) -> ArgumentMap``
(a :class:`Reader`) and/or ``dumps(graph, options) -> str | bytes`` (a
:class:`Writer`), plus one row in :data:`FORMATS`. Adding a format touches
nothing else: the loader, the exporter and the command line's help and
messages all take the formats from this table.

>>> get("yaml").suffixes
('.yaml', '.yml')
>>> detect("debate.json", '{"title": "x"}').name
'json'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import partial
from importlib import import_module
from typing import TYPE_CHECKING, Any, Protocol, cast
from collections.abc import Callable

from ..errors import UsageError

if TYPE_CHECKING:
    from ..graph import Graph
    from ..model import ArgumentMap
    from ..source import SourceText


class Reader(Protocol):
    """A format module's ``loads``: the map written in ``text``, validated
    (:class:`~argmap.errors.MapInvalid`, each problem located, when it is not).
    What the reader skips because the map has no place for it is said, one line
    each naming the file, in ``warnings`` when a list is given (AIF's dialogue
    nodes; the other formats skip nothing)."""

    def __call__(self, text: str, *, name: str = ..., warnings: list[str] | None = None) -> ArgumentMap: ...


class PlainReader(Protocol):
    """A format module's ``loads_plain``: as :class:`Reader`, into the plain dicts
    of :func:`argmap.validate.validate_plain` (for :func:`argmap.graph.graph_from_validated`)."""

    def __call__(self, text: str, *, name: str = ..., warnings: list[str] | None = None) -> dict[str, Any]: ...


class Writer(Protocol):
    """A format module's ``dumps``: the map (or part of it) in ``graph``, written
    as text or bytes; it never touches a file."""

    def __call__(self, graph: Graph, options: ExportOptions | None = None) -> str | bytes: ...


@dataclass(frozen=True)
class Format:
    """One row of the format table."""

    name: str
    module: str
    suffixes: tuple[str, ...]
    description: str
    read: bool = False
    write: bool = False
    binary: bool = False
    #: how strongly the content says "this format" (0: not at all); a matching
    #: suffix counts 2, so a sniff of 1 only decides when the suffix is silent
    #: and a sniff of 3 or more overrides the suffix (AIF inside a .json file).
    sniff: Callable[[str], int] | None = None
    #: the reader can skip malformed items, each with a warning, instead of refusing the
    #: file: its ``loads`` takes ``lenient=True`` (``--lenient``; see :meth:`reader`)
    lenient: bool = False

    def reader(self, *, lenient: bool = False) -> Reader:
        """The module's ``loads(text, *, name, warnings)``; with ``lenient`` (a format
        whose :attr:`lenient` is set), the one that skips malformed items."""
        loads = import_module(f"{__name__}.{self.module}").loads
        if lenient:
            if not self.lenient:  # the loader says so to the user first (argmap.loader.read_graph)
                raise ValueError(f"the {self.name} reader has no lenient mode")
            return cast(Reader, partial(loads, lenient=True))
        return cast(Reader, loads)

    def plain_reader(self) -> PlainReader | None:
        """The module's ``loads_plain(text, *, name)``, when it reads straight into
        plain dicts for the graph (:func:`argmap.loader.read_graph`); else None."""
        return cast("PlainReader | None", getattr(import_module(f"{__name__}.{self.module}"), "loads_plain", None))

    def writer(self) -> Writer:
        """The module's ``dumps(graph, options)``."""
        return cast(Writer, import_module(f"{__name__}.{self.module}").dumps)


#: what ``argmap export`` writes when neither ``--format`` nor ``-o`` names a format
DEFAULT_FORMAT = "dot"


@dataclass(frozen=True)
class ExportOptions:
    """What a writer needs besides the graph.

    ``wrap``: columns of diagram text per line; ``quotes``, ``ids``,
    ``speakers``: show them in diagrams; ``source``: the
    :class:`~argmap.source.SourceText` the quotes come from (the HTML report
    highlights them); ``source_file``: ``source.file`` as it must read in a
    map written elsewhere (None keeps it); ``renderer``: the Graphviz program
    for svg/png/pdf (None: ``dot`` on PATH, else ``graphviz-pure``).
    """

    wrap: int = 28
    quotes: bool = False
    ids: bool = False
    speakers: bool = False
    source: SourceText | None = None
    source_file: str | None = None
    renderer: str | None = None


def _looks_like_json(text: str) -> int:
    return 1 if text.lstrip("\ufeff \t\r\n")[:1] in ("{", "[") else 0


_ARGDOWN_HINT = re.compile(r"^[ \t]*(?:\[[^\]\n]+\]|<[^>\n]+>):[ \t]", re.M)
_ARGDOWN_START = re.compile(r"\A\s*(?:===[ \t]*\r?\n|(?:\[[^\]\n]+\]|<[^>\n]+>):[ \t])")
_AIF_KEYS = re.compile(r'"(nodes|edges)"\s*:')


def _looks_like_argdown(text: str) -> int:
    """2 for front matter (===) or a statement/argument definition first, 1 for
    such a definition at the start of some line."""
    if _ARGDOWN_START.match(text):
        return 2
    return 1 if _ARGDOWN_HINT.search(text[:65536]) else 0


def _looks_like_aif(text: str) -> int:
    """A JSON object with "nodes" and "edges": outweighs the .json suffix."""
    if _looks_like_json(text) == 0:
        return 0
    found = {m.group(1) for m in _AIF_KEYS.finditer(text[:1_000_000])}
    return 4 if found == {"nodes", "edges"} and '"statements"' not in text[:65536] else 0


def _looks_like_kialo(text: str) -> int:
    return 3 if text.lstrip("\ufeff \t\r\n").startswith("Discussion Title:") else 0


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("yaml", "yaml", (".yaml", ".yml"), "the argmap map format as YAML", read=True, write=True),
        Format(
            "json", "json", (".json",), "the argmap map format as JSON", read=True, write=True, sniff=_looks_like_json
        ),
        # ---- interchange formats (issue 5) ----
        Format(
            "argdown",
            "argdown",
            (".argdown", ".ad"),
            "Argdown argumentation syntax (argdown.org)",
            read=True,
            write=True,
            sniff=_looks_like_argdown,
        ),
        Format(
            "aif",
            "aif",
            (".aif", ".aif.json"),
            "AIF JSON (AIFdb, OVA3/xAIF)",
            read=True,
            write=True,
            sniff=_looks_like_aif,
            lenient=True,
        ),
        Format("kialo", "kialo", (".txt",), "Kialo discussion export (text)", read=True, sniff=_looks_like_kialo),
        # ---- export formats (issue 4): writers only ----
        Format("nodelink", "nodelink", (".nodelink.json",), "the graph as networkx node-link JSON (D3)", write=True),
        Format("dot", "dot", (".dot", ".gv"), "the diagram as Graphviz DOT", write=True),
        Format("svg", "svg", (".svg",), "the diagram drawn as SVG (Graphviz)", write=True),
        Format("png", "png", (".png",), "the diagram drawn as PNG (Graphviz)", write=True, binary=True),
        Format("pdf", "pdf", (".pdf",), "the diagram drawn as PDF (needs Graphviz's dot)", write=True, binary=True),
        Format("mermaid", "mermaid", (".mmd", ".mermaid"), "the diagram as a Mermaid flowchart", write=True),
        Format("graphml", "graphml", (".graphml",), "the graph as GraphML (yEd, Gephi)", write=True),
        Format("md", "markdown", (".md", ".markdown"), "a Markdown report with a Mermaid diagram", write=True),
        Format("html", "html", (".html", ".htm"), "a self-contained HTML report: diagram, table, source", write=True),
        # ---- argumentation frameworks (issue 6) ----
        Format(
            "apx",
            "apx",
            (".apx",),
            "the argumentation framework as ASPARTIX/ICCMA apx facts",
            read=True,
            write=True,
            sniff=lambda text: import_module(f"{__name__}.apx").sniff(text),
        ),
        Format(
            "tgf",
            "tgf",
            (".tgf",),
            "the argumentation framework as ICCMA trivial graph format",
            read=True,
            write=True,
            sniff=lambda text: import_module(f"{__name__}.tgf").sniff(text),
        ),
    )
}


def names(*, read: bool = False, write: bool = False) -> list[str]:
    """Format names, optionally only those that can be read or written."""
    return [n for n, f in FORMATS.items() if (not read or f.read) and (not write or f.write)]


def get(name: str, *, read: bool = False, write: bool = False) -> Format:
    """The format called ``name``; a usage error listing the choices otherwise
    (only those argmap can read, or write, when ``read`` or ``write`` says so).

    >>> get("kialo", write=True)
    Traceback (most recent call last):
    argmap.errors.UsageError: argmap cannot write the 'kialo' format.
    """
    spec = FORMATS.get(name.lower())
    what = "read" if read else "write" if write else ""
    if spec is not None and (not read or spec.read) and (not write or spec.write):
        return spec
    hint = "Use one of: " + ", ".join(names(read=read, write=write)) + "."
    if spec is not None:
        raise UsageError(f"argmap cannot {what} the '{spec.name}' format.", hint=hint)
    if write and "-" in name:  # an id where a format was meant: export -f prop-x
        hint += " (-f is --format; to keep one statement and what bears on it, use --focus ID.)"
    raise UsageError(f"unknown format '{name}'.", hint=hint)


def for_suffix(filename: str, *, write: bool = False) -> Format | None:
    """The format a file name's suffix names, if any."""
    lower = filename.lower()
    matches = [
        f for f in FORMATS.values() if (f.write if write else f.read) and any(lower.endswith(s) for s in f.suffixes)
    ]
    # the longest matching suffix wins (".aif.json" over ".json")
    matches.sort(key=lambda f: -max(len(s) for s in f.suffixes if lower.endswith(s)))
    return matches[0] if matches else None


def detect(filename: str, text: str) -> Format:
    """The format of a map, from its file name's suffix and its content.

    Each readable format scores 2 for a matching suffix plus its sniff score;
    the best wins, ties going to the earlier row; with no clue at all, YAML
    (which reads JSON too).
    """
    suffix = for_suffix(filename) if filename else None
    best, best_score = FORMATS["yaml"], 0
    for f in FORMATS.values():
        if not f.read:
            continue
        score = (2 if f is suffix else 0) + (f.sniff(text) if f.sniff else 0)
        if score > best_score:
            best, best_score = f, score
    return best
