"""Reading a source text for the authoring commands, and naming it from a new map.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> (folder / "texts").mkdir()
>>> _ = (folder / "texts" / "a.txt").write_text("Title\\n\\nOne. Two.\\n", encoding="utf-8")
>>> source, name = read_source(folder / "texts" / "a.txt")
>>> source.paragraphs, source.title_line
(['One. Two.'], 'Title')
>>> file_from(folder / "texts" / "a.txt", folder / "maps" / "a.yaml")
'../texts/a.txt'
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..errors import InputError


def read_source(path: str | Path) -> tuple[Any, str]:
    """The :class:`~argmap.source.SourceText` at ``path`` and its name for messages."""
    from ..loader import read_text
    from ..source import SourceText

    text, name = read_text(path)
    source = SourceText.from_text(text)
    if not any(re.search(r"\w", p) for p in source.paragraphs):
        raise InputError(
            f"{name}: has no text to map" + (" (only a title line)." if source.title_line else "."),
            hint="Name the plain-text file of the article (paragraphs separated by blank lines).",
        )
    return source, name


def source_of(loaded: Any) -> tuple[Any, str]:
    """The source text a loaded map quotes, and its name; a clear error when the
    map names none or it cannot be found."""
    graph = loaded.graph if loaded.graph is not None else None
    src = (
        graph.graph.get("source")
        if graph is not None
        else (loaded.map.source.model_dump() if loaded.map is not None and loaded.map.source else None)
    ) or {}
    if loaded.source is not None:
        return loaded.source, _name(None if loaded.embedded else loaded.source_path, src.get("file"))
    if not src.get("file"):
        raise InputError(
            f"{loaded.name}: names no source text.",
            hint="Add source: {file: PATH} to the map (the path is relative to the map's folder).",
        )
    from ..loader import resolve_source

    base = loaded.path.parent if loaded.path is not None else Path.cwd()
    raise InputError(
        f"{loaded.name}: source file '{src['file']}' not found (looked for {resolve_source(src['file'], base)}).",
        hint="Correct source.file; it is relative to the map's folder.",
    )


def _name(path: Any, file: str | None) -> str:
    """How to name a map's source text in messages: its path from here when it is
    below the current folder, else ``source.file`` as the map writes it."""
    if isinstance(path, Path):
        try:
            return str(path.resolve().relative_to(Path.cwd().resolve()))
        except ValueError:
            pass
    return (file or "the source text").removeprefix("argmap:")


def file_from(source: str | Path, output: str | Path | None) -> str:
    """``source.file`` for a map written to ``output`` (None or ``-``: the current
    folder) so that it finds ``source``: relative to the map's folder."""
    from ..loader import portable_source

    new_dir = Path.cwd() if output is None or str(output) == "-" else Path(output).absolute().parent
    return portable_source(str(Path(source).absolute()), Path.cwd(), new_dir)
