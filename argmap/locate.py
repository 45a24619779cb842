"""Where a field sits in a YAML or JSON file, for error messages.

Only used when something is wrong: the fast loading path never pays for it.
A locator (:data:`Locate`) maps a field path such as ``("statements", 3, "kind")``
to its 1-based ``(line, column)``: :func:`text_locator` for YAML and JSON
text, :func:`positions_locator` for a reader's own table of positions.

Examples
--------
>>> where = json_positions('{"a": [1, {"b": 2}]}')
>>> where[("a", 1, "b")]
(1, 12)
>>> yaml_positions("a:\\n  - 1\\n  - b: 2\\n")[("a", 1, "b")]
(3, 5)
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

Positions = dict[tuple, tuple[int, int]]


def nearest(positions: Positions, path: tuple) -> tuple[int, int] | None:
    """The position of ``path`` or of its closest enclosing field."""
    path = tuple(path)
    while True:
        if path in positions:
            return positions[path]
        if not path:
            return None
        path = path[:-1]


def yaml_positions(text: str) -> Positions:
    """Positions of every mapping key and sequence item in a YAML document."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        root = yaml.compose(text, Loader=loader)
    except yaml.YAMLError:
        return {}
    out: Positions = {(): (1, 1)}
    stack: list[tuple[tuple, Any]] = [((), root)]
    seen: set[int] = set()  # aliases share nodes: walk each once (no "billion laughs")
    while stack:
        path, node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                name = key.value if isinstance(key, yaml.ScalarNode) else None
                child = path + (name,)
                out.setdefault(child, (key.start_mark.line + 1, key.start_mark.column + 1))
                stack.append((child, value))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                child = path + (i,)
                out[child] = (item.start_mark.line + 1, item.start_mark.column + 1)
                stack.append((child, item))
    return out


_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")
_WS = re.compile(r"[ \t\n\r]*")


def _skip(text: str, i: int) -> int:
    """The index of the first character at or after ``i`` that is not JSON whitespace."""
    space = _WS.match(text, i)
    return space.end() if space else i


def json_positions(text: str) -> Positions:  # noqa: C901 (an iterative scanner: one loop over the tokens, a state machine)
    """Positions of every object key and array item in a JSON document.

    A small iterative scanner (so deep nesting cannot overflow the stack); on
    malformed input it returns what it found before the fault.
    """
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def pos(offset: int) -> tuple[int, int]:
        import bisect

        line = bisect.bisect_right(line_starts, offset) - 1
        return line + 1, offset - line_starts[line] + 1

    out: Positions = {(): (1, 1)}
    scan = json.decoder.scanstring  # type: ignore[attr-defined] # the C string scanner json itself uses
    i = _skip(text, 0)
    # stack of [path, container kind, next index]
    stack: list[list] = []
    path: tuple = ()
    try:
        while True:
            i = _skip(text, i)
            # read a value at i for `path`
            ch = text[i]
            if ch == "{":
                stack.append([path, "{", 0])
                i = _skip(text, i + 1)
                if text[i] == "}":
                    stack.pop()
                    i += 1
                else:
                    key_at = i
                    key, i = scan(text, i + 1)
                    path = stack[-1][0] + (key,)
                    out.setdefault(path, pos(key_at))
                    i = _skip(text, i) + 1  # skip ':'
                    continue
            elif ch == "[":
                stack.append([path, "[", 0])
                i = _skip(text, i + 1)
                if text[i] == "]":
                    stack.pop()
                    i += 1
                else:
                    path = stack[-1][0] + (0,)
                    out[path] = pos(i)
                    continue
            elif ch == '"':
                _, i = scan(text, i + 1)
            else:
                m = _NUMBER.match(text, i)
                if m and m.end() > i:
                    i = m.end()
                else:
                    for word in ("true", "false", "null"):
                        if text.startswith(word, i):
                            i += len(word)
                            break
                    else:
                        return out
            # after a value: close containers or move to the next member
            while stack:
                i = _skip(text, i)
                top = stack[-1]
                if text[i] == ",":
                    i = _skip(text, i + 1)
                    if top[1] == "{":
                        key_at = i
                        key, i = scan(text, i + 1)
                        path = top[0] + (key,)
                        out.setdefault(path, pos(key_at))
                        i = _skip(text, i) + 1
                    else:
                        top[2] += 1
                        path = top[0] + (top[2],)
                        out[path] = pos(i)
                    break
                if text[i] in "}]":
                    stack.pop()
                    i += 1
                    continue
                return out
            else:
                return out
    except (IndexError, ValueError):
        return out


#: a function from a field path to its 1-based ``(line, column)``, or None
Locate = Callable[[tuple], "tuple[int, int] | None"]


def text_locator(text: str, syntax: str) -> Locate:
    """A :data:`Locate` over a YAML or JSON text (``syntax``), its positions
    found on first use (only a map with a mistake pays for it)."""
    cache: list[Positions] = []

    def find(path: tuple) -> tuple[int, int] | None:
        if not cache:
            cache.append(json_positions(text) if syntax == "json" else yaml_positions(text))
        return nearest(cache[0], path)

    return find


def positions_locator(positions: Positions) -> Locate:
    """A :data:`Locate` over a table of field paths (``("statements", 3)``) to
    ``(line, column)``, as the foreign-format readers record them.

    >>> positions_locator({("statements", 0): (3, 1)})(("statements", 0, "kind"))
    (3, 1)
    """

    def locate(path: tuple) -> tuple[int, int] | None:
        return nearest(positions, path)

    return locate
