"""Argumentation frameworks in the trivial graph format (TGF, used by the
ICCMA solver competition): one node name per line, a line ``#``, then one
``attacker target`` pair per line. A node line may carry a label after the
name (read as the statement's text).

Writing gives the map's framework (see :mod:`argmap.analysis.framework`); reading gives
a map (see :mod:`argmap.formats.af`).

>>> from argmap.graph import _demo
>>> print(dumps(_demo()), end="")
p
c
x
a
not__p
unsupported__c
#
p not__p
not__p a
a unsupported__c
unsupported__c c
x a
>>> m = loads("a1 First\\na2\\n#\\na1 a2\\n")
>>> [(s.id, s.text) for s in m.statements], [(t.from_, t.to) for t in m.attacks]
([('a1', 'First'), ('a2', 'a2')], [('a1', 'a2')])
"""

from __future__ import annotations

from typing import Any, TYPE_CHECKING

from .af import framework_lines, framework_map, problem

if TYPE_CHECKING:
    from ..graph import Graph
    from . import ExportOptions


def sniff(text: str) -> int:
    """1 when the text reads as TGF (names without ':' up to a ``#`` line, then
    pairs); it decides only when the file name's suffix says nothing."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n") if "\r" in text[:4096] else text.lstrip("\ufeff")
    cut = text.find("\n#\n")
    if cut < 0:
        return 0
    nodes = [line.split() for line in text[:cut].splitlines()[:50]]
    edges = [line.split() for line in text[cut + 3 :].splitlines()[:50]]
    nodes = [row for row in nodes if row]
    if not nodes or any(":" in row[0] or row[0][0] in "-{[#\"'" for row in nodes):
        return 0
    return 1 if all(len(row) >= 2 for row in edges if row) else 0


def dumps(graph: Graph, options: ExportOptions | None = None) -> str:
    """The framework of the map in ``graph`` as TGF."""
    names, attacks = framework_lines(graph)
    return "".join(f"{n}\n" for n in names) + "#\n" + "".join(f"{u} {v}\n" for u, v in attacks)


def loads(text: str, *, name: str = "<string>", warnings: list[str] | None = None) -> Any:
    """Read TGF as a map. A mistake is reported with its line."""
    names: dict[str, None] = {}
    labels: dict[str, str] = {}
    pairs: list[tuple[str, str]] = []
    seen: set[tuple[str, str]] = set()
    edges = False
    for number, line in enumerate(text.splitlines(), 1):
        parts = line.split(None, 1)
        if not parts:
            continue
        if parts[0] == "#" and len(parts) == 1:
            if edges:
                raise problem(name, "a second '#' line", number, hint="TGF has one '#' line between nodes and edges.")
            edges = True
            continue
        if not edges:
            names.setdefault(parts[0])
            if len(parts) > 1:
                labels[parts[0]] = parts[1].strip()
            continue
        ends = line.split()
        if len(ends) < 2:
            raise problem(
                name,
                f"expected an edge 'attacker target', found '{line.strip()}'",
                number,
                hint="After the '#' line, each line names two nodes.",
            )
        for n in ends[:2]:
            if n not in names:
                raise problem(
                    name,
                    f"edge names '{n}', which is not a node",
                    number,
                    column=line.index(n) + 1,
                    hint="List every node before the '#' line.",
                )
        if (ends[0], ends[1]) not in seen:
            seen.add((ends[0], ends[1]))
            pairs.append((ends[0], ends[1]))
    if not names:
        raise problem(name, "no nodes: the framework is empty", 1, hint="List one node name per line, then '#'.")
    return framework_map(list(names), pairs, labels, name=name)
