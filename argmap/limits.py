"""Limits on what argmap reads: how big an input may be and how deeply it may nest,
which protect the user from files no map needs.

An argument map nests a few levels (map, statements, one statement, its tags);
Argdown relation trees and Kialo discussions a few more. A file nested hundreds
of levels deep is a mistake or an attack, and parsers that follow it recurse
until they fail. Readers check the nesting against ``$ARGMAP_MAX_NESTING``
(default 100 levels) and refuse deeper input with a message saying where.
The size of an input has its own limit, ``$ARGMAP_MAX_INPUT_MB``
(:func:`max_input_bytes`), checked before it is read.

>>> too_deep({"a": [1, [2, {"b": []}]]}, 3)
('a', 1, 1)
>>> too_deep({"a": [1, [2, {"b": []}]]}, 5) is None
True
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from typing import Any

from .errors import MapInvalid, Problem, UsageError

NESTING_VARIABLE = "ARGMAP_MAX_NESTING"
DEFAULT_MAX_NESTING = 100
#: below this a valid map could be refused (AIF with argmap's extension block nests 6 levels)
MIN_MAX_NESTING = 10

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


def megabytes(size: int) -> str:
    """``1.4 MB``: one decimal where whole megabytes would round a difference away.

    >>> megabytes(3 * 2**20 // 2), megabytes(50 * 2**20)
    ('1.5 MB', '50 MB')
    """
    return f"{size / 2**20:.0f} MB" if size >= 10 * 2**20 else f"{size / 2**20:.1f} MB"


def max_nesting() -> int:
    """The deepest nesting argmap reads: ``$ARGMAP_MAX_NESTING`` levels (default 100, at least 10).

    >>> max_nesting() >= MIN_MAX_NESTING
    True
    """
    value = os.environ.get(NESTING_VARIABLE, "").strip()
    if not value:
        return DEFAULT_MAX_NESTING
    try:
        levels = int(value)
    except ValueError:
        levels = -1
    if levels < MIN_MAX_NESTING:
        raise UsageError(
            f"{NESTING_VARIABLE} must be a whole number of levels, at least {MIN_MAX_NESTING}, not '{value}'."
        )
    return levels


def too_deep(data: Any, limit: int) -> tuple | None:
    """The path to the first list or mapping nested more than ``limit`` levels
    deep in ``data`` (the outermost one is level 1), or None.

    Walks without recursion, so any depth is safe; shared (aliased) parts are
    walked once.
    """
    if not isinstance(data, (dict, list)):
        return None
    stack: list[tuple[Any, tuple]] = [(data, ())]
    seen: set[int] = set()
    while stack:
        value, path = stack.pop()
        if len(path) >= limit:
            return path
        if id(value) in seen:
            continue
        seen.add(id(value))
        items = value.items() if isinstance(value, dict) else enumerate(value)
        children = [(child, path + (key,)) for key, child in items if isinstance(child, (dict, list))]
        stack.extend(reversed(children))
    return None


def check_nesting(data: Any, name: str, locate: Callable[[tuple], tuple[int, int] | None]) -> None:
    """Raise :class:`MapInvalid` when ``data`` (parsed YAML or JSON) nests deeper
    than :func:`max_nesting` allows; ``locate`` finds a field path's line and column."""
    limit = max_nesting()
    path = too_deep(data, limit)
    if path is not None:
        where = locate(path) or (None, None)
        raise MapInvalid(name, [nesting_problem(limit, line=where[0], column=where[1])])


_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def json_nesting_problem(text: str) -> Problem:
    """The message for JSON too deep for Python's parser (it raised RecursionError):
    where the nesting first goes beyond the limit, found by a scan that does not recurse."""
    limit, depth = max_nesting(), 0
    for token in _JSON_TOKEN.finditer(text):
        bracket = token.group()
        if bracket in "[{":
            depth += 1
            if depth > limit:
                offset = token.start()
                line = text.count("\n", 0, offset) + 1
                return nesting_problem(limit, line=line, column=offset - text.rfind("\n", 0, offset))
        elif bracket in "]}":
            depth -= 1
    return nesting_problem(limit, parser=0)


def nesting_problem(
    limit: int, *, line: int | None = None, column: int | None = None, parser: int | None = None
) -> Problem:
    """The message for input nested more than ``limit`` levels deep. ``parser``:
    the depth at which the parser itself gave up, when that is what stopped the
    reading (0: unknown); then the message says so unless it also exceeds ``limit``."""
    if parser is not None and parser <= limit:
        deep = f" ({parser} levels)" if parser else ""
        return Problem(
            f"nested deeper than the parser can read{deep}",
            line=line,
            column=column,
            hint="Check this is the right file: an argument map nests only a few levels.",
        )
    return Problem(
        f"nested more than {limit} levels deep",
        line=line,
        column=column,
        hint=f"Check this is the right file: an argument map nests only a few levels. If it is, "
        f"raise the limit with {NESTING_VARIABLE}=<levels>.",
    )
