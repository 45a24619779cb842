"""Read a map from a path, stdin or the embedded default, and check its quotes.

>>> m = load()                       # the embedded map of the SCO article
>>> m.title
'The Shanghai Cooperation Organization in the War on Terror'
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from .collector import collector_paused
from .errors import InputError, MapInvalid, Problem, UsageError

EMBEDDED = "sco.yaml"
EMBEDDED_NAME = "embedded map (sco.yaml)"
RESOURCE_PREFIX = "argmap:"


LIMIT_VARIABLE = "ARGMAP_MAX_INPUT_MB"
DEFAULT_MAX_INPUT_MB = 2048


def max_input_bytes() -> int:
    """The largest input argmap reads: ``$ARGMAP_MAX_INPUT_MB`` megabytes (default 2048).

    >>> max_input_bytes() > 0
    True
    """
    value = os.environ.get(LIMIT_VARIABLE, str(DEFAULT_MAX_INPUT_MB))
    try:
        megabytes = float(value)
    except ValueError:
        megabytes = float("nan")
    if not 0 < megabytes < float("inf"):
        raise UsageError(f"{LIMIT_VARIABLE} must be a number of megabytes above 0, not '{value}'.")
    return int(megabytes * 2**20)


def _megabytes(size: int) -> str:
    """``1.4 MB``: one decimal where whole megabytes would round a difference away."""
    return f"{size / 2**20:.0f} MB" if size >= 10 * 2**20 else f"{size / 2**20:.1f} MB"


@dataclass
class Loaded:
    """A map and where it came from: what commands need beyond the map itself."""

    map: Any  # ArgumentMap (kept untyped so this module imports no Pydantic)
    name: str
    path: Path | None = None
    format: str = "yaml"
    source_path: Any = None  # Path or importlib Traversable of the source text
    source: Any = None  # SourceText
    warnings: list[str] = field(default_factory=list)
    graph: Any = None  # the map's networkx graph, when read with read_graph (map is then None)

    @property
    def embedded(self) -> bool:
        return self.path is None and self.name == EMBEDDED_NAME


def data_dir() -> Any:
    """The package folder holding the embedded map and its source text."""
    return resources.files("argmap").joinpath("data")


def read_text(path: str | Path) -> tuple[str, str]:
    """The text of ``path`` (``-`` for stdin) and the name to use in messages.

    Decodes UTF-8 (a byte-order mark is dropped); anything else is a clear error.
    """
    if str(path) == "-":
        name = "<stdin>"
        stream = sys.stdin.buffer if hasattr(sys.stdin, "buffer") else None
        data = stream.read(max_input_bytes() + 1) if stream else sys.stdin.read().encode()
        if len(data) > max_input_bytes():
            raise InputError(
                f"{name}: is more than the {_megabytes(max_input_bytes())} limit.",
                hint=f"Raise the limit with {LIMIT_VARIABLE}=<megabytes>.",
            )
    else:
        name = str(path)
        p = Path(path)
        try:
            size = p.stat().st_size if p.is_file() else 0
            if size > max_input_bytes():
                raise InputError(
                    f"{name}: is {_megabytes(size)}, more than the {_megabytes(max_input_bytes())} limit.",
                    hint=f"Check it is the right file, or raise the limit with {LIMIT_VARIABLE}=<megabytes>.",
                )
            data = p.read_bytes()
        except FileNotFoundError:
            raise InputError(f"{name}: no such file.", hint="Check the path.") from None
        except IsADirectoryError:
            raise InputError(f"{name}: is a folder, not a map file.", hint="Name a .yaml or .json file.") from None
        except PermissionError:
            raise InputError(f"{name}: permission denied.", hint="Check the file's permissions.") from None
        except OSError as err:
            raise InputError(f"{name}: cannot be read ({err.strerror or err}).") from None
    return decode(data, name), name


def decode(data: bytes, name: str) -> str:
    """UTF-8 text from bytes, with a message naming line and column when it is not."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: is binary, not a text map file.", hint="Name a .yaml or .json file.")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        column = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        raise InputError(
            f"{name}:{line}:{column}: is not UTF-8 text (byte 0x{data[err.start]:02x}).",
            hint="Save the file as UTF-8.",
        ) from None


def read_map(
    path: str | Path | None = None,
    *,
    fmt: str | None = None,
    check_source: bool = True,
    strict: bool = True,
    require_source: bool = False,
) -> Loaded:
    """Read, validate and (when the source text is found) check the quotes of a map.

    ``path`` None means the embedded map; ``"-"`` reads stdin. ``fmt`` names a
    format from :data:`argmap.formats.FORMATS`; by default it is detected from
    the suffix and the content. A quote not in the source is a problem
    (:class:`MapInvalid`) when ``strict``, else a warning in
    ``loaded.warnings``; a source file that cannot be found is a warning,
    or a problem with ``require_source``. A map with structural problems
    has its quote problems reported with them, in one pass.
    """
    text, name, file_path, base, spec = _read(path, fmt)
    try:
        with collector_paused():
            amap = spec.reader()(text, name=name)
    except MapInvalid as err:
        raise with_quote_problems(err, text, spec.name, base, require_source) from None
    del text  # the models hold everything now
    loaded = Loaded(amap, name, file_path, spec.name)
    if check_source:
        check_quotes(loaded, base, strict=strict, require_source=require_source)
    return loaded


def read_graph(path: str | Path | None = None, *, fmt: str | None = None, strict: bool = True,
               require_source: bool = False) -> Loaded:
    """:func:`read_map` for commands that need only the map's graph: the same
    checks and messages, the graph in ``loaded.graph`` and no models
    (``loaded.map`` is None).

    The map format (YAML, JSON) is validated into plain dicts that become the
    graph's attribute dicts (:func:`argmap.validate.validate_plain`), about
    half the time and memory of the models; other formats are read as usual
    and their models dropped once the graph is built.

    >>> loaded = read_graph()
    >>> loaded.map is None, loaded.graph.nodes["prop-6n-partnership"]["kind"]
    (True, 'proposal')
    """
    from .graph import build_graph, graph_from_plain

    text, name, file_path, base, spec = _read(path, fmt)
    plain_reader = spec.plain_reader()
    try:
        with collector_paused():
            if plain_reader is not None:
                data = plain_reader(text, name=name)
                del text
                G = graph_from_plain(data)
            else:
                amap = spec.reader()(text, name=name)
                del text
                G = build_graph(amap)
                del amap
    except MapInvalid as err:
        raise with_quote_problems(err, text, spec.name, base, require_source) from None
    loaded = Loaded(None, name, file_path, spec.name, graph=G)
    check_quotes(loaded, base, strict=strict, require_source=require_source)
    return loaded


def _read(path: str | Path | None, fmt: str | None) -> tuple[str, str, Path | None, Any, Any]:
    """The text of the map at ``path``, its name, file, folder and format (see :func:`read_map`)."""
    from .formats import detect, get

    if path is None:
        text = data_dir().joinpath(EMBEDDED).read_text(encoding="utf-8")
        name, file_path, base = EMBEDDED_NAME, None, data_dir()
    else:
        text, name = read_text(path)
        file_path = None if str(path) == "-" else Path(path)
        base = file_path.parent if file_path else Path.cwd()
    if fmt:
        spec = get(fmt, read=True)
    else:
        spec = detect(name if file_path else "", text)
    if not text.strip():
        raise InputError(f"{name}: is empty.", hint="A map needs at least a title and statements; see `argmap schema`.")
    return text, name, file_path, base, spec


def embedded_graph() -> Any:
    """The embedded map's graph, built straight from its YAML.

    The embedded map is package data, not user input: the test suite validates
    it (fields, references, every quote against its source text) and checks
    that this graph is exactly ``build_graph(load())``. Commands that only need
    the graph so skip building the Pydantic models, which is most of their
    start-up time on this small map. ``argmap validate`` still validates it.
    """
    from .formats.yaml import parse
    from .graph import graph_from_data

    text = data_dir().joinpath(EMBEDDED).read_text(encoding="utf-8")
    return graph_from_data(parse(text, name=EMBEDDED_NAME))


def load(path: str | Path | None = None, *, fmt: str | None = None) -> Any:
    """The :class:`~argmap.model.ArgumentMap` at ``path`` (default: the embedded map).

    Raises :class:`~argmap.errors.ArgmapError` subclasses on any problem.
    """
    return read_map(path, fmt=fmt).map


def loads(text: str, fmt: str = "yaml", *, name: str = "<string>") -> Any:
    """The map written in ``text`` in format ``fmt``, validated (quotes not checked)."""
    from .formats import get

    return get(fmt).reader()(text, name=name)


def resolve_source(file: str, base: Any) -> Any:
    """Where a map's ``source.file`` points: a Path, or a package resource."""
    if file.startswith(RESOURCE_PREFIX):
        return data_dir().joinpath(file[len(RESOURCE_PREFIX):])
    p = Path(file)
    if p.is_absolute() or isinstance(base, Path):
        return (base / p) if not p.is_absolute() else p
    return base.joinpath(file)


def portable_source(file: str, base: Any, new_dir: Path | None) -> str:
    """``source.file`` rewritten so it still resolves from a map written to ``new_dir``."""
    target = resolve_source(file, base)
    package = Path(str(data_dir())).resolve()
    if not isinstance(target, Path) or Path(str(target)).resolve().is_relative_to(package):
        inside = Path(str(target)).resolve().relative_to(package) if isinstance(target, Path) else Path(file)
        return RESOURCE_PREFIX + inside.as_posix()
    if new_dir is None:
        return str(target.resolve())
    try:
        return Path(os.path.relpath(target.resolve(), new_dir.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return str(target.resolve())


def check_quotes(loaded: Loaded, base: Any, *, strict: bool = True, require_source: bool = False) -> None:
    """Find the source text and check every quote and paragraph against it.

    A quote that is not in the text, or not in its paragraph, is a problem
    (a warning unless ``strict``). A source file that cannot be found is a
    warning, and quote checks are skipped; with ``require_source`` it is a
    problem.
    """
    amap = loaded.map if loaded.map is not None else loaded.graph
    title, src = _title_and_source(amap)
    if src is None or src.get("file") is None:
        return
    found = _source_text(src["file"], base, src.get("title") or title)
    if isinstance(found, Problem):
        if require_source:
            raise MapInvalid(loaded.name, _locate([found], loaded))
        loaded.warnings.append(f"{loaded.name}: {found.message}; quotes were not checked.")
        return
    loaded.source, loaded.source_path = found
    problems = quote_problems(amap, loaded.source)
    if problems and strict:
        raise MapInvalid(loaded.name, _locate(problems, loaded))
    loaded.warnings += [p.format(loaded.name) for p in _locate(problems, loaded)]


def _source_text(file: str, base: Any, title: str | None) -> Any:
    """``(SourceText, where it is)`` for a map's ``source.file``, or the :class:`Problem`
    of a file that cannot be read."""
    from .source import SourceText

    target = resolve_source(file, base)
    try:
        raw = target.read_bytes()
    except OSError:
        shown = target.absolute() if isinstance(target, Path) else file
        return Problem(f"source file '{file}' not found (looked for {shown})", ("source", "file"),
                       hint="Correct source.file: it is relative to the map's folder.")
    return SourceText.from_text(decode(raw, str(target)), title=title), target


def with_quote_problems(err: MapInvalid, text: str, fmt: str, base: Any, require_source: bool) -> MapInvalid:
    """``err`` (a map's structural problems) with the quote problems of the same
    map added, found in its raw data, so that one pass reports every problem.

    Only for the map format (YAML, JSON), whose raw data has the map's fields;
    items too broken to tell their quote and paragraph are left to ``err``.
    """
    if fmt not in ("yaml", "json"):
        return err
    try:
        from .formats.yaml import parse

        data = parse(text, name=err.file or "<map>")  # YAML reads JSON too
    except Exception:  # noqa: BLE001 (a syntax error: err already says it)
        return err
    if not isinstance(data, dict) or not isinstance(data.get("source"), dict):
        return err
    src = data["source"]
    if not isinstance(src.get("file"), str):
        return err
    title = src.get("title") if isinstance(src.get("title"), str) else data.get("title")
    found = _source_text(src["file"], base, title if isinstance(title, str) else None)
    if isinstance(found, Problem):
        extra = [found] if require_source else []
    else:
        extra = _quote_problems(_raw_sections(data), found[0])
    if not extra:
        return err
    from .locate import locator

    find = locator(text, fmt)
    placed = []
    for p in extra:
        where = find(p.path)
        placed.append(Problem(p.message, p.path, where[0], where[1], p.hint) if where else p)
    seen = {(p.path, p.message) for p in err.problems}
    merged = err.problems + [p for p in placed if (p.path, p.message) not in seen]
    merged.sort(key=lambda p: (p.line or 0, p.column or 0))
    return MapInvalid(err.file, merged)


def _raw_sections(data: dict[str, Any]) -> list[tuple[str, list[tuple[int, dict[str, Any]]]]]:
    """The items of raw map data that have a quote (text) and a paragraph (a
    whole number from 1, or none), with their places in their lists."""
    out = []
    for section in ("statements", "arguments", "attacks"):
        items = data.get(section)
        keep = []
        for i, item in enumerate(items if isinstance(items, list) else []):
            if not isinstance(item, dict) or not isinstance(item.get("quote"), str) or not item["quote"].strip():
                continue
            para = item.get("paragraph")
            if para is not None and (isinstance(para, bool) or not isinstance(para, int) or para < 1):
                continue
            ident = item.get("id") if isinstance(item.get("id"), str) else f"{section}[{i}]"
            keep.append((i, {**item, "id": ident}))
        out.append((section, keep))
    return out


def _locate(problems: list[Problem], loaded: Loaded) -> list[Problem]:
    if loaded.format not in ("yaml", "json"):
        return problems
    from .locate import locator

    text = (
        data_dir().joinpath(EMBEDDED).read_text(encoding="utf-8")
        if loaded.path is None
        else read_text(loaded.path)[0]
    ) if loaded.name != "<stdin>" else ""
    find = locator(text, loaded.format)
    out = []
    for p in problems:
        where = find(p.path) if text else None
        out.append(Problem(p.message, p.path, where[0], where[1], p.hint) if where else p)
    return out


def _title_and_source(amap: Any) -> tuple[str, dict[str, Any] | None]:
    """A map's title and ``source`` fields (a dict), from its models or its graph."""
    if hasattr(amap, "graph"):  # a networkx graph
        return amap.graph["title"], amap.graph.get("source")
    return amap.title, amap.source.__dict__ if amap.source is not None else None


def _sections(amap: Any) -> list[tuple[str, list[dict[str, Any]]]]:
    """The fields of a map's statements, arguments and attacks, in map order, from its models or its graph."""
    if hasattr(amap, "graph"):  # a networkx graph (attack edges keep their fields, ``from`` and ``to`` aside)
        from .graph import ARGUMENT

        nodes = [d for _, d in amap.nodes(data=True)]
        return [
            ("statements", [d for d in nodes if d["kind"] != ARGUMENT]),
            ("arguments", [d for d in nodes if d["kind"] == ARGUMENT]),
            ("attacks", [amap.succ[u][v] for u, v in amap.graph["attacks"]]),
        ]
    return [(section, [item.__dict__ for item in getattr(amap, section)])
            for section in ("statements", "arguments", "attacks")]


def quote_problems(amap: Any, source: Any) -> list[Problem]:
    """Every quote not found verbatim in the source, or not in its stated paragraph
    (``amap``: the map's models, or its graph)."""
    return _quote_problems([(section, list(enumerate(items))) for section, items in _sections(amap)], source)


def _quote_problems(sections: list[tuple[str, list[tuple[int, dict[str, Any]]]]], source: Any) -> list[Problem]:
    """:func:`quote_problems` of items given as ``(section, [(place, fields)])``."""
    problems: list[Problem] = []
    count = len(source.paragraphs)
    for section, items in sections:
        for i, item in items:
            para, quote = item.get("paragraph"), item.get("quote")
            if para is not None and para > count:
                problems.append(Problem(
                    f"paragraph {para} is out of range: the source has {count} paragraphs",
                    (section, i, "paragraph"), hint="Use a number from 1 to %d." % count,
                ))
                continue
            if quote is None:
                continue
            if para is not None and source.contains(quote, para):
                continue
            found = source.paragraphs_with(quote)
            if found and para is None:
                continue
            if found:
                problems.append(Problem(
                    f"quote of '{item['id']}' is in paragraph {found[0]}, not paragraph {para}",
                    (section, i, "paragraph"), hint=f"Set paragraph: {found[0]}.",
                ))
            else:
                near = source.closest(quote)
                hint = "Copy the words exactly from the source."
                if near:
                    hint = f"Closest passage (paragraph {near[0]}): \"{near[1]}\". " + hint
                problems.append(Problem(
                    f"quote of '{item['id']}' does not occur in the source text", (section, i, "quote"), hint=hint,
                ))
    return problems
