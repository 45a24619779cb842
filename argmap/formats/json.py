"""The argmap map format written as JSON.

>>> loads('{"title": "T", "statements": [{"id": "a", "kind": "claim", "text": "A."}]}').title
'T'
"""

from __future__ import annotations

import json
from typing import Any, TYPE_CHECKING

from ..locate import text_locator
from ..validate import validate_json, validate_plain_json

if TYPE_CHECKING:
    from ..graph import Graph
    from . import ExportOptions


def loads(text: str, *, name: str = "<string>", warnings: list[str] | None = None) -> Any:
    """Read and validate a map written in JSON (one pass through Pydantic)."""
    return validate_json(text, name=name, locate=text_locator(text, "json"))


def loads_plain(text: str, *, name: str = "<string>", warnings: list[str] | None = None) -> dict[str, Any]:
    """Read and validate a map written in JSON into plain data
    (:func:`argmap.validate.validate_plain`), for commands that need only its graph."""
    return validate_plain_json(text, name=name, locate=text_locator(text, "json"))


def dumps(graph: Graph, options: ExportOptions | None = None) -> str:
    """The map held by ``graph`` as indented JSON, fields in schema order
    (``source.file`` as ``options.source_file`` says, when set)."""
    from ..graph import map_data

    return indented(map_data(graph, source_file=options.source_file if options else None)) + "\n"


def indented(value: Any) -> str:
    """``json.dumps(value, indent=2, ensure_ascii=False)``, byte for byte, for map
    data (dicts, lists, tuples, text, whole numbers, booleans, null; no floats,
    which the map format has none of): written by orjson, about seven times
    faster than :func:`_indented`, which writes what orjson refuses (text with
    a lone surrogate, a number beyond 64 bits) or when orjson is missing.

    >>> value = {"a": [1, "é\\n", {"b": None, "c": []}], "d": {}, "e": (True, ["x"]), "f": "\\ud800"}
    >>> indented(value) == json.dumps(value, indent=2, ensure_ascii=False)
    True
    """
    try:
        import orjson
    except ImportError:  # pragma: no cover - orjson is a dependency
        return _indented(value, 0)
    try:
        return orjson.dumps(value, option=orjson.OPT_INDENT_2).decode("utf-8")
    except TypeError:  # orjson.JSONEncodeError: what only json's encoder writes
        return _indented(value, 0)


def _indented(value: Any, level: int) -> str:
    """``json.dumps(value, indent=2, ensure_ascii=False)``, byte for byte, for
    values made of dicts, lists, tuples and JSON scalars, much faster: text
    goes through json's C string encoder, which ``indent`` otherwise turns
    off for the whole map (its pure-Python encoder made one small string per
    token, hundreds of megabytes of them for a big map).

    >>> value = {"a": [1, "é\\n", {"b": None, "c": [], "f": 1.5}], "d": {}, "e": (True, ["x"])}
    >>> _indented(value, 0) == json.dumps(value, indent=2, ensure_ascii=False)
    True
    """
    if type(value) is str:
        return _string(value)
    if isinstance(value, dict):
        if not value:
            return "{}"
        inner = "\n" + "  " * (level + 1)
        return (
            "{"
            + inner
            + ("," + inner).join([_string(k) + ": " + _indented(v, level + 1) for k, v in value.items()])
            + "\n"
            + "  " * level
            + "}"
        )
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        inner = "\n" + "  " * (level + 1)
        if all(type(v) is str for v in value):  # a list of ids or tags: the usual list in a map
            body = ("," + inner).join(map(_string, value))
        elif all(type(v) is dict for v in value):  # statements, arguments, attacks
            body = ("," + inner).join([_fields(v, level + 1) for v in value])
        else:
            body = ("," + inner).join([_indented(v, level + 1) for v in value])
        return "[" + inner + body + "\n" + "  " * level + "]"
    return _scalar(value)


def _fields(item: dict[str, Any], level: int) -> str:
    """:func:`_indented` of one dict, its text and whole numbers written without recursion."""
    if not item:
        return "{}"
    inner = "\n" + "  " * (level + 1)
    parts = []
    for k, v in item.items():
        kind = type(v)
        if kind is str:
            parts.append(_string(k) + ": " + _string(v))
        elif kind is int:
            parts.append(_string(k) + ": " + int.__repr__(v))
        else:
            parts.append(_string(k) + ": " + _indented(v, level + 1))
    return "{" + inner + ("," + inner).join(parts) + "\n" + "  " * level + "}"


_string = json.encoder.encode_basestring  # the C function where there is one
_scalar = json.JSONEncoder(ensure_ascii=False).encode
