"""What changed between two versions of a map.

Statements, arguments and attacks are matched by id: each is added, removed or
changed (field by field: text, kind, quote, premises, conclusion, from, to,
type...). Premises and tags are compared as sets, so reordering them is not a
change; map order itself is not a change either. Proposals present in both
versions whose grounded label changed are listed too.

Examples
--------
>>> from argmap.graph import _demo
>>> d = diff(_demo(), _demo())
>>> d["identical"], d["statements"]
(True, {'added': [], 'removed': [], 'changed': []})
"""

from __future__ import annotations

from typing import Any

from ..collector import collector_paused
from ..graph import Graph, map_data

SECTIONS = ("statements", "arguments", "attacks")
_AS_SETS = ("premises", "tags")


def diff(old: Graph, new: Graph) -> dict[str, Any]:
    """The differences between the maps of graphs ``old`` and ``new``.

    ``{"identical", "map": {field: {"old", "new"}}, "statements" | "arguments"
    | "attacks": {"added": [item], "removed": [item], "changed": [{"id",
    "changes": {field: {"old", "new"}}}]}, "labels": [{"id", "old", "new"}]}``,
    items in the map format, lists sorted by id.

    >>> from argmap.graph import build_graph
    >>> from argmap.model import ArgumentMap
    >>> def m(text): return build_graph(ArgumentMap.model_validate(
    ...     {"title": "T", "statements": [{"id": "a", "kind": "claim", "text": text}]}))
    >>> diff(m("A."), m("A!"))["statements"]["changed"]
    [{'id': 'a', 'changes': {'text': {'old': 'A.', 'new': 'A!'}}}]
    """
    out: dict[str, Any] = {"map": {}}
    for key in ("title", "description", "source"):
        if old.graph.get(key) != new.graph.get(key):
            out["map"][key] = {"old": old.graph.get(key), "new": new.graph.get(key)}
    with collector_paused():
        before, after = _items(old), _items(new)
    for section in SECTIONS:
        out[section] = _section(before[section], after[section])
    out["labels"] = _label_changes(old, new)
    out["identical"] = not out["map"] and not out["labels"] and all(not any(out[s].values()) for s in SECTIONS)
    return out


def _items(G: Graph) -> dict[str, dict[str, dict[str, Any]]]:
    """Every statement, argument and attack of ``G`` by id, in the map format
    (:func:`argmap.graph.map_data`: schema field order, lists for tuples, empty fields left out)."""
    data = map_data(G)
    return {section: {item["id"]: item for item in data.get(section, ())} for section in SECTIONS}


def _section(old: dict[str, dict[str, Any]], new: dict[str, dict[str, Any]]) -> dict[str, list[Any]]:
    changed = []
    for id_ in sorted(old.keys() & new.keys()):
        a_item, b_item = old[id_], new[id_]
        if a_item == b_item:
            continue
        changes = {}
        for key in sorted((a_item.keys() | b_item.keys()) - {"id"}):
            a, b = a_item.get(key), b_item.get(key)
            same = sorted(a or []) == sorted(b or []) if key in _AS_SETS else a == b
            if not same:
                changes[key] = {"old": a, "new": b}
        if changes:
            changed.append({"id": id_, "changes": changes})
    return {
        "added": [new[i] for i in sorted(new.keys() - old.keys())],
        "removed": [old[i] for i in sorted(old.keys() - new.keys())],
        "changed": changed,
    }


def _label_changes(old: Graph, new: Graph) -> list[dict[str, str | None]]:
    """Proposals in both maps whose grounded label differs."""
    from .semantics import evaluate
    from ..graph import statements

    before, after = evaluate(old), evaluate(new)
    both = sorted(set(statements(old, "proposal")) & set(statements(new, "proposal")))
    return [{"id": p, "old": before.label(p), "new": after.label(p)} for p in both if before.label(p) != after.label(p)]


def counts(d: dict[str, Any]) -> dict[str, int]:
    """How many items were added, removed and changed, over all sections.

    >>> from argmap.graph import _demo
    >>> counts(diff(_demo(), _demo()))
    {'added': 0, 'removed': 0, 'changed': 0, 'labels': 0}
    """
    out = {k: sum(len(d[s][k]) for s in SECTIONS) for k in ("added", "removed", "changed")}
    out["labels"] = len(d["labels"])
    return out
