"""Turn raw data into a valid :class:`ArgumentMap`, or into one message per mistake.

Readers of every format end here: they hand over plain data (or JSON text) and
a way to find a field's line in their file; this module validates once with
Pydantic and, when that fails, reports every problem with file, line, field
path and what to do.
"""

from __future__ import annotations

import difflib
import operator
import re
from collections.abc import Iterable
from itertools import repeat
from typing import Any

from pydantic import BaseModel, ValidationError

from .errors import MapInvalid, MapProblems, Problem
from .limits import check_nesting, json_nesting_problem
from .locate import Locate
from .terms import ATTACK_TYPES
from .model import (
    SLUG_PATTERN,
    Argument,
    ArgumentMap,
    Attack,
    Source,
    Statement,
    fill_attack_ids,
    reference_problems,
    speaker_problems,
)

_SLUG = re.compile(SLUG_PATTERN)

_FIELDS: dict[tuple[str, ...], type[BaseModel]] = {
    (): ArgumentMap,
    ("source",): Source,
    ("statements",): Statement,
    ("arguments",): Argument,
    ("attacks",): Attack,
}
_ID_FIELDS = {"id", "conclusion", "from", "to", "premises"}
_TYPE_NAMES = {
    "str": "text",
    "int": "a whole number",
    "float": "a number",
    "bool": "true/false",
    "list": "a list",
    "dict": "a mapping",
    "NoneType": "nothing (null)",
    "date": "a date",
    "datetime": "a date and time",
}


def validate(data: Any, *, name: str, locate: Locate | None = None) -> ArgumentMap:
    """Validate plain data (as read from YAML, JSON or another reader) into a map.

    Raises :class:`MapInvalid` listing every problem found.
    """
    if not isinstance(data, dict):
        raise MapInvalid(
            name,
            [
                Problem(
                    f"expected a map (a mapping with title, statements, arguments, attacks), found {_describe(data)}",
                    hint="See `argmap schema` for the format.",
                )
            ],
        )
    data = fill_attack_ids(data)
    try:
        return ArgumentMap.model_validate(data)
    except ValidationError as err:
        problems = translate(err, data) + _lenient_references(data)
    except MapProblems as err:
        problems = err.problems
    raise MapInvalid(name, _placed(problems, locate))


def validate_json(text: str | bytes, *, name: str, locate: Locate | None = None) -> ArgumentMap:
    """Validate JSON text straight into a map (one pass, no intermediate dicts)."""
    try:
        return ArgumentMap.model_validate_json(text)
    except (ValidationError, MapProblems):
        pass
    import json

    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise MapInvalid(
            name,
            [
                Problem(
                    f"invalid JSON: {err.msg.removesuffix(' at')}",
                    line=err.lineno,
                    column=err.colno,
                    hint="Fix the syntax at that position.",
                )
            ],
        ) from None
    except RecursionError:
        raise MapInvalid(name, [json_nesting_problem(text if isinstance(text, str) else text.decode())]) from None
    check_nesting(data, name, locate or (lambda path: None))
    return validate(data, name=name, locate=locate)


def validate_plain(data: Any, *, name: str, locate: Locate | None = None) -> dict[str, Any]:
    """Validate plain data (as read from YAML) into plain data: the map as
    dicts and tuples, checked exactly as :func:`validate` checks it.

    Pydantic validates once, against :func:`argmap.model.plain_schema` of the
    map (the models' fields and constraints), into dicts in schema order
    without the fields the input leaves out or sets to null; then the
    reference checks run on them. About half the time and memory of building
    the models, for commands that only need the graph
    (:func:`argmap.graph.graph_from_validated`). A map with any mistake goes
    through :func:`validate`, so its messages are exactly the usual ones.

    >>> validate_plain({"title": "T", "statements": [{"id": "a", "kind": "claim", "text": "A.", "note": None}]},
    ...                name="x")  # doctest: +NORMALIZE_WHITESPACE
    {'title': 'T', 'statements': ({'id': 'a', 'kind': 'claim', 'text': 'A.', 'tags': ()},),
     'arguments': (), 'attacks': ()}
    """
    data = fill_attack_ids(data)
    if isinstance(data, dict):
        try:
            plain = _plain_validator().validate_python(data)
        except ValidationError:
            plain = None
        if plain is not None and _resolves(plain):
            return _without_nulls(plain)
    return _as_plain(validate(data, name=name, locate=locate))


def validate_plain_json(text: str | bytes, *, name: str, locate: Locate | None = None) -> dict[str, Any]:
    """:func:`validate_plain` straight from JSON text (:func:`validate_json`'s messages on a mistake).

    >>> validate_plain_json('{"title": "T", "statements": [{"id": "a", "kind": "claim", "text": "A."}]}', name="x")
    ... # doctest: +NORMALIZE_WHITESPACE
    {'title': 'T', 'statements': ({'id': 'a', 'kind': 'claim', 'text': 'A.', 'tags': ()},),
     'arguments': (), 'attacks': ()}
    """
    try:
        plain = _plain_validator().validate_json(text)
    except ValidationError:
        plain = None
    if plain is not None and _resolves(plain):
        return _without_nulls(plain)
    return _as_plain(validate_json(text, name=name, locate=locate))


def _plain_validator() -> Any:
    """The Pydantic validator of :func:`argmap.model.plain_schema` (built once, on first use)."""
    global _PLAIN
    if _PLAIN is None:
        from pydantic import TypeAdapter

        from .model import plain_schema

        _PLAIN = TypeAdapter(plain_schema(ArgumentMap))
    return _PLAIN


_PLAIN: Any = None


def _resolves(plain: dict[str, Any]) -> bool:
    """Whether the map's references all resolve (the models' ``model_validator``, on dicts)."""
    from .model import _all_resolve

    speakers = plain.get("speakers")
    if speakers is not None and any(
        item.get("speaker") is not None and item["speaker"] not in speakers
        for key in ("statements", "arguments", "attacks")
        for item in plain[key]
    ):
        return False
    return _all_resolve(
        [s["id"] for s in plain["statements"]],
        [(a["id"], a["premises"], a["conclusion"]) for a in plain["arguments"]],
        [(t["id"], t["from"], t["to"], t["type"]) for t in plain["attacks"]],
    )


def _without_nulls(plain: dict[str, Any]) -> dict[str, Any]:
    """``plain`` without the fields set to null, which mean the same as leaving them out."""
    for key, value in list(plain.items()):
        if value is None:
            del plain[key]
        elif key == "source" and None in value.values():
            plain[key] = {k: v for k, v in value.items() if v is not None}
    for key in ("statements", "arguments", "attacks"):
        items = plain[key]
        # None in item.values() for every item, looped in C: most maps have no null at all
        if any(map(operator.contains, map(dict.values, items), repeat(None))):
            plain[key] = tuple({k: v for k, v in item.items() if v is not None} for item in items)
    return plain


def _as_plain(amap: ArgumentMap) -> dict[str, Any]:
    """A valid map's models as the plain data :func:`validate_plain` gives."""
    return amap.model_dump(by_alias=True, exclude_none=True)


def _placed(problems: Iterable[Problem], locate: Locate | None) -> list[Problem]:
    out = []
    for p in problems:
        if p.line is None and locate is not None:
            where = locate(p.path)
            if where:
                p = Problem(p.message, p.path, where[0], where[1], p.hint)
        out.append(p)
    out.sort(key=lambda p: (p.line or 0, p.column or 0))
    return out


def translate(err: ValidationError, data: Any = None) -> list[Problem]:
    """One :class:`Problem` per Pydantic error, in words a map author understands."""
    errors = err.errors(include_url=False)
    # a list whose items failed also reports itself "too short": say only what is wrong inside
    inner = {tuple(e["loc"][:k]) for e in errors for k, part in enumerate(e["loc"]) if isinstance(part, int)}
    problems = []
    for e in errors:
        loc = tuple(e["loc"])
        if e["type"] == "too_short" and loc in inner:
            continue
        problems.append(_problem(e["type"], loc, e.get("input"), e.get("ctx") or {}, e["msg"]))
    return problems


def _problem(kind: str, loc: tuple, value: Any, ctx: dict, msg: str) -> Problem:
    field = next((p for p in reversed(loc) if isinstance(p, str)), "")
    if loc and isinstance(loc[-1], int) and len(loc) >= 2 and loc[-2] == "premises":
        field = "premises"
    if kind == "missing":
        return Problem(f"missing required field '{loc[-1]}'", loc, hint=f"Add '{loc[-1]}'.")
    if kind == "extra_forbidden":
        model = _FIELDS.get(tuple(p for p in loc[:-1] if isinstance(p, str)))
        known = list(model.model_fields) if model else []
        known = ["from" if k == "from_" else k for k in known]
        close = difflib.get_close_matches(str(loc[-1]), known, n=1)
        hint = f"Did you mean '{close[0]}'?" if close else f"Known fields: {', '.join(known)}."
        return Problem(f"unknown field '{loc[-1]}'", loc, hint=hint)
    if kind == "string_pattern_mismatch":
        if field in _ID_FIELDS:
            return Problem(
                f"{_short(value)} is not a valid id",
                loc,
                hint=f"Use lowercase letters, digits and single '-' between them, e.g. '{_slug(value)}'.",
            )
        if isinstance(value, str) and "\x00" in value:
            return Problem(
                "contains the NUL character (U+0000)",
                loc,
                hint="Remove it: YAML, Argdown and other text formats cannot carry it.",
            )
        return Problem("is empty", loc, hint="Write some text, or remove the field.")
    if kind == "literal_error":
        expected = ctx.get("expected", "").replace("'", "").replace(" or ", ", ")
        return Problem(f"{_short(value)} is not a valid {field}", loc, hint=f"Use one of: {expected}.")
    if kind in (
        "string_type",
        "int_type",
        "int_parsing",
        "tuple_type",
        "list_type",
        "model_type",
        "dict_type",
        "model_attributes_type",
        "int_from_float",
    ):
        want = {
            "string_type": "text",
            "int_type": "a whole number",
            "int_parsing": "a whole number",
            "int_from_float": "a whole number",
            "tuple_type": "a list",
            "list_type": "a list",
        }.get(kind, "a mapping of fields")
        hint = ""
        if want == "text" and isinstance(value, (int, float, bool)):
            hint = "Put the value in quotes."
        elif value is None:
            hint = "Write a value, or remove the field."
        return Problem(f"expected {want}, found {_describe(value)}", loc, hint=hint)
    if kind == "too_short":
        if loc == ("statements",):
            return Problem("a map needs at least one statement", loc, hint="Add a statement.")
        return Problem(f"needs at least {ctx.get('min_length', 1)} item", loc, hint="Add one.")
    if kind == "greater_than_equal":
        return Problem(
            f"{_short(value)} is too small: {field} counts from {ctx.get('ge')}", loc, hint="Use the 1-based number."
        )
    if kind == "string_too_long":
        return Problem(f"is too long (at most {ctx.get('max_length')} characters)", loc, hint="Shorten it.")
    return Problem(msg, loc)


def _describe(value: Any) -> str:
    name = type(value).__name__
    words = _TYPE_NAMES.get(name, name)
    if value is None:
        return "nothing"
    if isinstance(value, (dict, list, tuple)):
        return words if words != name else "a " + name
    return f"{words} {_short(value)}"


def _short(value: Any, limit: int = 40) -> str:
    quoted = isinstance(value, str)
    text = f"'{value}'" if quoted else repr(value)
    if len(text) > limit:
        text = text[: limit - 4] + ("...'" if quoted else "...")
    return text


def _slug(value: Any) -> str:
    import re

    slug = re.sub(r"[^a-z0-9]+", "-", str(value).lower()).strip("-")
    return slug[:60] or "my-id"


def _lenient_references(data: dict) -> list[Problem]:
    """Reference problems in data that failed field validation, skipping broken
    items (and speakers missing from a valid ``speakers``)."""
    return _lenient_speakers(data) + _lenient_links(data)


def _lenient_speakers(data: dict) -> list[Problem]:
    speakers = data.get("speakers")
    if not isinstance(speakers, dict) or not all(isinstance(k, str) for k in speakers):
        return []
    used = []
    for section in ("statements", "arguments", "attacks"):
        items = data.get(section)
        for i, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict) and isinstance(item.get("speaker"), str):
                used.append((section, i, item["speaker"]))
    return speaker_problems(speakers, used)


def _lenient_links(data: dict) -> list[Problem]:

    def items(key: str) -> list:
        value = data.get(key)
        return value if isinstance(value, list) else []

    def text(value: Any) -> str | None:
        return value if isinstance(value, str) else None

    def slug(value: Any) -> bool:
        return isinstance(value, str) and _SLUG.match(value) is not None

    statements = items("statements")
    if not statements or not all(isinstance(s, dict) and slug(s.get("id")) for s in statements):
        return []
    arguments, attacks = [], []
    for a in items("arguments"):
        if not isinstance(a, dict) or not slug(a.get("id")) or not text(a.get("conclusion")):
            return []
        premises = a.get("premises")
        if not isinstance(premises, list) or not all(isinstance(p, str) for p in premises):
            return []
        arguments.append((a["id"], tuple(premises), a["conclusion"]))
    for t in items("attacks"):
        if not isinstance(t, dict) or not slug(t.get("id")) or not all(text(t.get(k)) for k in ("from", "to")):
            return []
        if t.get("type") not in ATTACK_TYPES:
            continue
        attacks.append((t["id"], t["from"], t["to"], t["type"]))
    return reference_problems([s["id"] for s in statements], arguments, attacks)
