"""Argumentation frameworks in the apx format (ASPARTIX facts, used by the
ICCMA solver competition): one ``arg(name).`` per argument and one
``att(attacker,target).`` per attack; ``%`` starts a comment.

Writing gives the map's framework (see :mod:`argmap.analysis.framework`); reading gives
a map (see :mod:`argmap.formats.af`).

>>> from argmap.graph import _demo
>>> print(dumps(_demo()), end="")
arg(p).
arg(c).
arg(x).
arg(a).
arg(not__p).
arg(unsupported__c).
att(p,not__p).
att(not__p,a).
att(a,unsupported__c).
att(unsupported__c,c).
att(x,a).
>>> [s.id for s in loads(dumps(_demo())).statements]
['p', 'c', 'x']
"""

from __future__ import annotations

import re
from typing import Any, TYPE_CHECKING

from .af import framework_lines, framework_map, problem

if TYPE_CHECKING:
    from ..graph import Graph
    from . import ExportOptions

_NAME = r'("[^"]*"|[^(),\s"]+)'
_FACT = re.compile(rf"\s*(arg|att)\s*\(\s*{_NAME}\s*(?:,\s*{_NAME}\s*)?\)\s*\.")


def sniff(text: str) -> int:
    """3 when the text opens with an ``arg(`` fact: no other format does."""
    return 3 if re.match(r"(?:\s|%[^\n]*\n)*arg\s*\(", text[:4096].lstrip("\ufeff")) else 0


def dumps(graph: Graph, options: ExportOptions | None = None) -> str:
    """The framework of the map in ``graph`` as apx facts."""
    names, attacks = framework_lines(graph)
    return "".join(f"arg({n}).\n" for n in names) + "".join(f"att({u},{v}).\n" for u, v in attacks)


def loads(text: str, *, name: str = "<string>", warnings: list[str] | None = None) -> Any:
    """Read apx facts as a map. A mistake is reported with its line and column."""
    names: dict[str, None] = {}
    attacks: list[tuple[str, str, int, int]] = []
    for number, line in enumerate(text.splitlines(), 1):
        body = line.split("%", 1)[0]
        pos = 0
        while body[pos:].strip():
            match = _FACT.match(body, pos)
            if not match:
                column = pos + len(body[pos:]) - len(body[pos:].lstrip()) + 1
                raise problem(
                    name,
                    f"expected arg(name). or att(name,name). but found '{body[pos:].strip()[:40]}'",
                    number,
                    column,
                    hint="An apx file holds only arg/att facts, each ending with '.'.",
                )
            kind, first, second = match.groups()
            first, second = _unquote(first), _unquote(second) if second else None
            if kind == "arg":
                if second is not None:
                    raise problem(
                        name, f"arg takes one name, found two: {match.group().strip()}", number, match.start(1) + 1
                    )
                names.setdefault(first)
            elif second is None:
                raise problem(
                    name, f"att takes two names, found one: {match.group().strip()}", number, match.start(1) + 1
                )
            else:
                attacks.append((first, second, number, match.start(1) + 1))
            pos = match.end()
    seen: set[tuple[str, str]] = set()
    pairs = []
    for u, v, number, column in attacks:
        for n in (u, v):
            if n not in names:
                raise problem(
                    name,
                    f"att names '{n}', which no arg fact declares",
                    number,
                    column,
                    hint=f"Add arg({n}). or correct the name.",
                )
        if (u, v) not in seen:
            seen.add((u, v))
            pairs.append((u, v))
    if not names:
        raise problem(name, "no arg facts: the framework is empty", 1, hint="An apx file lists arguments as arg(name).")
    return framework_map(list(names), pairs, {}, name=name)


def _unquote(token: str) -> str:
    return token[1:-1] if len(token) >= 2 and token[0] == token[-1] == '"' else token
