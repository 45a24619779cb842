"""Read a map from a path, stdin or the embedded default, and check its quotes:
:func:`read_graph` is the one road from any input to a validated graph.

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
from typing import TYPE_CHECKING, Any
from collections.abc import Callable

from .collector import collector_paused
from .errors import InputError, MapInvalid, Problem
from .limits import LIMIT_VARIABLE, max_input_bytes, megabytes

if TYPE_CHECKING:
    from .graph import Graph

EMBEDDED = "sco.yaml"
EMBEDDED_NAME = "embedded map (sco.yaml)"
RESOURCE_PREFIX = "argmap:"


@dataclass
class Loaded:
    """A map and where it came from: what commands need beyond the map itself.

    :func:`read_graph` fills ``graph`` (``map`` is None), :func:`read_map` ``map``."""

    map: Any  # ArgumentMap (kept untyped so this module imports no Pydantic)
    name: str
    path: Path | None = None
    format: str = "yaml"
    source_path: Any = None  # Path or importlib Traversable of the source text
    source: Any = None  # SourceText
    warnings: list[str] = field(default_factory=list)
    graph: Graph = None  # the map's graph, when read with read_graph (map is then None)

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
                f"{name}: is more than the {megabytes(max_input_bytes())} limit.",
                hint=f"Raise the limit with {LIMIT_VARIABLE}=<megabytes>.",
            )
    else:
        name = str(path)
        p = Path(path)
        try:
            size = p.stat().st_size if p.is_file() else 0
            if size > max_input_bytes():
                raise InputError(
                    f"{name}: is {megabytes(size)}, more than the {megabytes(max_input_bytes())} limit.",
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


def read_graph(
    path: str | Path | None = None,
    *,
    fmt: str | None = None,
    verify: bool = False,
    strict: bool = True,
    require_source: bool = False,
    lenient: bool = False,
) -> Loaded:
    """The one road from any input to a map's validated graph: read the map at
    ``path`` (None: the embedded map; ``"-"``: stdin) in format ``fmt`` (by
    default detected from the suffix and the content), validate it, build its
    graph (``loaded.graph``) and check every quote against the source text when
    that is found. Every command reads its map this way. ``lenient`` (AIF only)
    skips malformed nodes, each with a warning in ``loaded.warnings``.

    Behind it, fast paths that give exactly the graph
    ``build_graph(read_map(path).map)`` gives (property tests compare them):

    - YAML and JSON are validated into plain dicts that become the graph's
      attribute dicts (:func:`argmap.validate.validate_plain`,
      :func:`argmap.graph.graph_from_validated`), about half the time and
      memory of the models; other formats are read into the models, which
      are dropped once the graph is built;
    - a big map read before, unchanged, is loaded from the user's cache of
      validated graphs (:mod:`argmap.cache`; ``verify`` reads it afresh);
    - the embedded map ships with argmap and the test suite validates it, so
      its graph is built straight from its YAML
      (:func:`argmap.graph.graph_from_trusted`), which is most of the start-up
      time saved on this small map; ``verify`` validates it all the same
      (``argmap validate``).

    A quote not in the source is a problem (:class:`MapInvalid`) when
    ``strict``, else a warning in ``loaded.warnings`` (a draft can still be
    drawn); a source file that cannot be found is a warning, or a problem with
    ``require_source``. A map with structural problems has its quote problems
    reported with them, in one pass.

    >>> loaded = read_graph()
    >>> loaded.map is None, loaded.graph.nodes["prop-6n-partnership"]["kind"]
    (True, 'proposal')
    """
    from . import cache
    from .graph import build_graph, graph_from_trusted, graph_from_validated

    text, name, file_path, base, spec = _read(path, fmt)
    _check_lenient(spec, name, lenient)
    warnings: list[str] = []
    try:
        with collector_paused():
            G, key = (None, None) if path is None or verify or lenient else cache.load(text, spec.name)
            if G is not None:
                pass
            elif path is None and spec.name == "yaml" and not verify:
                from .formats.yaml import parse

                G = graph_from_trusted(parse(text, name=name))
            elif not lenient and (plain_reader := spec.plain_reader()) is not None:
                G = graph_from_validated(plain_reader(text, name=name, warnings=warnings))
            else:
                G = build_graph(spec.reader(lenient=lenient)(text, name=name, warnings=warnings))
            if not warnings:  # a map read with warnings is read afresh, so that they are given every time
                cache.store(key, G)
    except MapInvalid as err:
        raise with_quote_problems(err, text, spec.name, base, require_source) from None
    del text  # the graph holds everything now
    loaded = Loaded(None, name, file_path, spec.name, graph=G, warnings=warnings)
    source = G.graph.get("source")
    _check_quotes(loaded, base, G.graph["title"], source, lambda: _graph_sections(G), strict, require_source)
    return loaded


def read_map(
    path: str | Path | None = None,
    *,
    fmt: str | None = None,
    check_source: bool = True,
    strict: bool = True,
    require_source: bool = False,
    lenient: bool = False,
) -> Loaded:
    """The map at ``path`` as its Pydantic models (``loaded.map``), for the Python
    API (:func:`load`): read and validated as :func:`read_graph` reads it, and
    (unless ``check_source`` is false) its quotes checked, ``strict`` and
    ``require_source`` as there. Commands use :func:`read_graph`.
    """
    text, name, file_path, base, spec = _read(path, fmt)
    _check_lenient(spec, name, lenient)
    warnings: list[str] = []
    try:
        with collector_paused():
            amap = spec.reader(lenient=lenient)(text, name=name, warnings=warnings)
    except MapInvalid as err:
        raise with_quote_problems(err, text, spec.name, base, require_source) from None
    del text  # the models hold everything now
    loaded = Loaded(amap, name, file_path, spec.name, warnings=warnings)
    if check_source:
        source = amap.source.__dict__ if amap.source is not None else None
        _check_quotes(loaded, base, amap.title, source, lambda: _model_sections(amap), strict, require_source)
    return loaded


def _check_lenient(spec: Any, name: str, lenient: bool) -> None:
    """``--lenient`` names a format that can skip malformed items (AIF), or it is a usage error."""
    if lenient and not spec.lenient:
        from .errors import UsageError

        raise UsageError(
            f"--lenient applies to AIF files only; {name} is read as {spec.name}.",
            hint="Leave out --lenient: a map in this format is read whole or refused with every problem listed.",
        )


def _read(path: str | Path | None, fmt: str | None) -> tuple[str, str, Path | None, Any, Any]:
    """The text of the map at ``path``, its name, file, folder and format (see :func:`read_graph`)."""
    from .formats import detect, get

    if path is None:
        text = data_dir().joinpath(EMBEDDED).read_text(encoding="utf-8")
        name, file_path, base = EMBEDDED_NAME, None, data_dir()
    else:
        text, name = read_text(path)
        file_path = None if str(path) == "-" else Path(path)
        base = file_path.parent if file_path else Path.cwd()
    spec = get(fmt, read=True) if fmt else detect(name if file_path else "", text)
    if not text.strip():
        raise InputError(f"{name}: is empty.", hint="A map needs at least a title and statements; see `argmap schema`.")
    return text, name, file_path, base, spec


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
        return data_dir().joinpath(file[len(RESOURCE_PREFIX) :])
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


def _check_quotes(
    loaded: Loaded,
    base: Any,
    title: str,
    src: dict[str, Any] | None,
    sections: Callable[[], list[Section]],
    strict: bool = True,
    require_source: bool = False,
) -> None:
    """Find the source text a map names and check every quote and paragraph against it
    (``sections()`` gives the items, only asked for when there is a source to check).

    A quote that is not in the text, or not in its paragraph, is a problem
    (a warning unless ``strict``). A source file that cannot be found is a
    warning, and quote checks are skipped; with ``require_source`` it is a
    problem.
    """
    if src is None or src.get("file") is None:
        return
    found = _source_text(src["file"], base, src.get("title") or title)
    if isinstance(found, Problem):
        if require_source:
            raise MapInvalid(loaded.name, _locate([found], loaded))
        loaded.warnings.append(f"{loaded.name}: {found.message}; quotes were not checked.")
        return
    loaded.source, loaded.source_path = found
    problems = quote_problems(sections(), loaded.source)
    if problems and strict:
        raise MapInvalid(loaded.name, _locate(problems, loaded))
    loaded.warnings += [p.format(loaded.name) for p in _locate(problems, loaded)]


def _source_text(file: str, base: Any, title: str | None) -> Any:
    """``(SourceText, where it is)`` for a map's ``source.file``, or the
    :class:`Problem` of a file that cannot be read."""
    from .source import SourceText

    target = resolve_source(file, base)
    try:
        raw = target.read_bytes()
    except OSError:
        shown = target.absolute() if isinstance(target, Path) else file
        return Problem(
            f"source file '{file}' not found (looked for {shown})",
            ("source", "file"),
            hint="Correct source.file: it is relative to the map's folder.",
        )
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
    src = data.get("source") if isinstance(data, dict) else None
    if not isinstance(src, dict) or not isinstance(src.get("file"), str):
        return err
    title = src.get("title") if isinstance(src.get("title"), str) else data.get("title")
    found = _source_text(src["file"], base, title if isinstance(title, str) else None)
    if isinstance(found, Problem):
        extra = [found] if require_source else []
    else:
        extra = quote_problems(_raw_sections(data), found[0])
    if not extra:
        return err
    from .locate import text_locator

    find = text_locator(text, fmt)
    placed = []
    for p in extra:
        where = find(p.path)
        placed.append(Problem(p.message, p.path, where[0], where[1], p.hint) if where else p)
    seen = {(p.path, p.message) for p in err.problems}
    merged = err.problems + [p for p in placed if (p.path, p.message) not in seen]
    merged.sort(key=lambda p: (p.line or 0, p.column or 0))
    return MapInvalid(err.file, merged)


def _raw_sections(data: dict[str, Any]) -> list[Section]:
    """The items of raw map data as :func:`quote_problems` reads them: an item
    whose quote (text) or paragraph (a whole number from 1, or none) is broken
    stands as an empty one, so every item keeps its place."""
    out = []
    for section in ("statements", "arguments", "attacks"):
        items = data.get(section)
        kept: list[dict[str, Any]] = []
        for i, item in enumerate(items if isinstance(items, list) else []):
            para = item.get("paragraph") if isinstance(item, dict) else None
            if (
                not isinstance(item, dict)
                or not isinstance(item.get("quote"), str)
                or not item["quote"].strip()
                or (para is not None and (isinstance(para, bool) or not isinstance(para, int) or para < 1))
            ):
                kept.append({})
                continue
            ident = item.get("id") if isinstance(item.get("id"), str) else f"{section}[{i}]"
            kept.append({"quote": item["quote"], "paragraph": para, "id": ident})
        out.append((section, kept))
    return out


def _locate(problems: list[Problem], loaded: Loaded) -> list[Problem]:
    if loaded.format not in ("yaml", "json"):
        return problems
    from .locate import text_locator

    text = (
        (
            data_dir().joinpath(EMBEDDED).read_text(encoding="utf-8")
            if loaded.path is None
            else read_text(loaded.path)[0]
        )
        if loaded.name != "<stdin>"
        else ""
    )
    find = text_locator(text, loaded.format)
    out = []
    for p in problems:
        where = find(p.path) if text else None
        out.append(Problem(p.message, p.path, where[0], where[1], p.hint) if where else p)
    return out


#: a section of a map (statements, arguments, attacks) and the fields of its items, in map order
Section = tuple[str, list[dict[str, Any]]]


def _graph_sections(G: Graph) -> list[Section]:
    """The items of a map's graph (attack edges keep their fields, ``from`` and ``to`` aside)."""
    from .terms import ARGUMENT

    nodes = [d for _, d in G.nodes(data=True)]
    return [
        ("statements", [d for d in nodes if d["kind"] != ARGUMENT]),
        ("arguments", [d for d in nodes if d["kind"] == ARGUMENT]),
        ("attacks", [G.succ[u][v] for u, v in G.graph["attacks"]]),
    ]


def _model_sections(amap: Any) -> list[Section]:
    """The items of a map's models."""
    return [
        (section, [item.__dict__ for item in getattr(amap, section)])
        for section in ("statements", "arguments", "attacks")
    ]


def quote_problems(sections: list[Section], source: Any) -> list[Problem]:
    """Every quote of the items in ``sections`` not found verbatim in the source,
    or not in its stated paragraph."""
    problems: list[Problem] = []
    count = len(source.paragraphs)
    for section, items in sections:
        for i, item in enumerate(items):
            para, quote = item.get("paragraph"), item.get("quote")
            if para is not None and para > count:
                problems.append(
                    Problem(
                        f"paragraph {para} is out of range: the source has {count} paragraphs",
                        (section, i, "paragraph"),
                        hint=f"Use a number from 1 to {count}.",
                    )
                )
                continue
            if quote is None:
                continue
            if para is not None and source.contains(quote, para):
                continue
            found = source.paragraphs_with(quote)
            if found and para is None:
                continue
            if found:
                problems.append(
                    Problem(
                        f"quote of '{item['id']}' is in paragraph {found[0]}, not paragraph {para}",
                        (section, i, "paragraph"),
                        hint=f"Set paragraph: {found[0]}.",
                    )
                )
            else:
                near = source.closest(quote)
                hint = "Copy the words exactly from the source."
                if near:
                    hint = f'Closest passage (paragraph {near[0]}): "{near[1]}". ' + hint
                problems.append(
                    Problem(
                        f"quote of '{item['id']}' does not occur in the source text",
                        (section, i, "quote"),
                        hint=hint,
                    )
                )
    return problems
