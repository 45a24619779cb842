"""Lint: what an analyst should see in a map that validation allows.

Each finding has a severity, a code, the ids involved and a one-line
explanation. The checks, by severity:

========  ==================  ==========================================================
error     circular-support    a statement supports itself through a chain of arguments
error     duplicate-text      two statements say the same thing (same text)
warning   unsupported         a proposal or claim that no argument concludes
warning   isolated            a statement that supports, attacks and is attacked by nothing
warning   fragile-argument    an argument resting on a single premise, and that premise attacked
warning   repeated-quote      two statements quote the same words (or one inside the other)
warning   self-attack         a statement that attacks itself, or an argument undercut by its
                              own premise: it can never stand
info      unanswered-attack   an attack whose source nothing in the map attacks
info      attack-type         a rebut aimed at a given premise, or an undermine aimed at a
                              statement that is argued for (or a proposal)
info      argued-premise      a statement of kind premise that an argument concludes
========  ==================  ==========================================================

Examples
--------
>>> from argmap.graph import _demo
>>> for f in check(_demo()):
...     print(f.severity, f.code, f.ids)
warning unsupported ('x',)
info unanswered-attack ('t', 'x', 'a')
>>> from argmap.graph import build_graph
>>> from argmap.model import ArgumentMap
>>> G = build_graph(ArgumentMap.model_validate({"title": "T", "statements": [
...     {"id": "a", "kind": "claim", "text": "A."}, {"id": "b", "kind": "claim", "text": "B."}],
...     "arguments": [{"id": "x", "premises": ["a"], "conclusion": "b"},
...                   {"id": "y", "premises": ["b"], "conclusion": "a"}]}))
>>> check(G)[0].message
"'a' supports itself: a -> x -> b -> y -> a; nothing outside the circle establishes it."
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..collector import collector_paused
from ..source import normalize
from ..terms import PREMISE_TOO
from .scc import scc

if TYPE_CHECKING:
    from ..graph import Graph

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Finding:
    """One thing an analyst should look at."""

    severity: str
    code: str
    ids: tuple[str, ...]
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"severity": self.severity, "code": self.code, "ids": list(self.ids), "message": self.message}


def check(G: Graph) -> list[Finding]:
    """Every finding for the map in ``G``: errors first, then by code and ids.

    Linear in the size of the map, except that quotes of the same paragraph
    are compared with each other.
    """
    with collector_paused():
        facts = _Facts(G)
        findings = [
            *_circular_support(facts),
            *_duplicate_texts(facts),
            *_unsupported(facts),
            *_isolated(facts),
            *_fragile_arguments(facts),
            *_repeated_quotes(facts),
            *_self_attacks(facts),
            *_unanswered_attacks(facts),
            *_attack_types(facts),
            *_argued_premises(facts),
        ]
    position = facts.position
    return sorted(findings, key=lambda f: (SEVERITIES.index(f.severity), f.code, [position[i] for i in f.ids]))


def has_errors(findings: list[Finding]) -> bool:
    """Whether any finding is an error (``argmap check`` then exits 1)."""
    return any(f.severity == "error" for f in findings)


class _Facts:
    """What the checks need, read from the graph once: map order, kinds,
    support successors, concluded statements, attackers of each node and the
    attacks in map order."""

    def __init__(self, G: Graph) -> None:
        from ..terms import ARGUMENT, is_support

        self.G = G
        self.order = list(G)
        self.position = {n: i for i, n in enumerate(self.order)}
        self.kind = dict(G.nodes(data="kind"))
        self.statements = [n for n in self.order if self.kind[n] != ARGUMENT]
        self.arguments = [n for n in self.order if self.kind[n] == ARGUMENT]
        self.support: dict[str, list[str]] = {n: [] for n in self.order}
        self.concluded: set[str] = set()
        self.linked: set[str] = set()  # nodes with any edge
        for u, v, d in G.edges(data=True):
            self.linked.update((u, v))
            if is_support(d):
                self.support[u].append(v)
                if d["type"] == "conclusion":
                    self.concluded.add(v)
        self.attacks = [(u, v, G.edges[u, v]) for u, v in G.graph.get("attacks", ()) if G.has_edge(u, v)]
        self.attackers: dict[str, list[tuple[str, str]]] = {}
        for k, (u, v, d) in enumerate(self.attacks):
            self.attackers.setdefault(v, []).append((u, d["type"]))
            self.position[d["id"]] = len(self.order) + k  # findings sort attacks after nodes


def _circular_support(facts: _Facts) -> list[Finding]:
    """Support cycles: statements that support themselves through arguments."""
    index = facts.position
    succ = [[index[v] for v in facts.support[n]] for n in facts.order]
    # trim what no cycle can pass through (sources, repeatedly): usually everything
    indegree = [0] * len(succ)
    for targets in succ:
        for w in targets:
            indegree[w] += 1
    todo = [v for v, d in enumerate(indegree) if d == 0]
    for v in todo:
        for w in succ[v]:
            indegree[w] -= 1
            if indegree[w] == 0:
                todo.append(w)
    rest = [v for v, d in enumerate(indegree) if d > 0]
    local = {v: i for i, v in enumerate(rest)}
    out = []
    for component in scc(len(rest), [[local[w] for w in succ[v] if w in local] for v in rest]):
        if len(component) < 2:
            continue
        ordered = [facts.order[i] for i in sorted(rest[k] for k in component)]
        start = next(n for n in ordered if facts.kind[n] != "argument")
        cycle = _cycle_through(start, facts.support, set(ordered))
        out.append(
            Finding(
                "error",
                "circular-support",
                tuple(ordered),
                f"'{start}' supports itself: {' -> '.join(cycle)}; nothing outside the circle establishes it.",
            )
        )
    return out


def _cycle_through(start: str, succ: dict[str, list[str]], members: set[str]) -> list[str]:
    """The shortest support cycle from ``start`` back to it, inside one component."""
    parent: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for v in frontier:
            for w in succ[v]:
                if w == start:
                    path = [v]
                    while path[-1] != start:
                        path.append(parent[path[-1]])
                    return list(reversed(path)) + [start]
                if w in members and w not in parent:
                    parent[w] = v
                    following.append(w)
        frontier = following
    return [start, start]  # not reached: start lies on a cycle of its component


def _norm(text: str) -> str:
    """Text compared ignoring case, whitespace runs, quote style and final punctuation."""
    if not text.isascii():
        text = normalize(text)
    return " ".join(text.split()).casefold().rstrip(" .!?;:")


def _duplicate_texts(facts: _Facts) -> list[Finding]:
    groups: dict[str, list[str]] = {}
    for n in facts.statements:
        groups.setdefault(_norm(facts.G.nodes[n]["text"]), []).append(n)
    return [
        Finding(
            "error",
            "duplicate-text",
            tuple(ids),
            f"{_ids(ids)} have the same text: one statement entered twice? Keep one id and point "
            "arguments and attacks at it.",
        )
        for ids in groups.values()
        if len(ids) > 1
    ]


def _unsupported(facts: _Facts) -> list[Finding]:
    return [
        Finding(
            "warning",
            "unsupported",
            (n,),
            f"no argument supports {facts.kind[n]} '{n}': add the text's reasons, or make it "
            "a premise if the text offers it as given.",
        )
        for n in facts.statements
        if facts.kind[n] in ("proposal", "claim") and n not in facts.concluded
    ]


def _isolated(facts: _Facts) -> list[Finding]:
    return [
        Finding(
            "warning", "isolated", (n,), f"'{n}' supports, attacks and is attacked by nothing: connect it or drop it."
        )
        for n in facts.statements
        if n not in facts.linked
    ]


def _fragile_arguments(facts: _Facts) -> list[Finding]:
    out = []
    for n in facts.arguments:
        premises = [p for p in facts.G.nodes[n]["premises"] if p in facts.kind]
        if len(premises) != 1:
            continue
        hits = facts.attackers.get(premises[0])
        if hits:
            by = ", ".join(f"'{u}' ({t})" for u, t in hits)
            out.append(
                Finding(
                    "warning",
                    "fragile-argument",
                    (n, premises[0], *(u for u, _ in hits)),
                    f"argument '{n}' rests on the single premise '{premises[0]}', which {by} attacks.",
                )
            )
    return out


def _repeated_quotes(facts: _Facts) -> list[Finding]:
    nodes = facts.G.nodes
    by_quote: dict[str, list[str]] = {}
    for n in facts.statements:
        quote = nodes[n].get("quote")
        if quote:
            by_quote.setdefault(_norm(quote), []).append(n)
    out = [
        Finding(
            "warning",
            "repeated-quote",
            tuple(ids),
            f"{_ids(ids)} quote the same words: if they are one statement, merge them; if not, "
            "quote the words that make each one.",
        )
        for ids in by_quote.values()
        if len(ids) > 1
    ]
    by_paragraph: dict[Any, list[tuple[str, str]]] = {}
    for quote, ids in by_quote.items():
        by_paragraph.setdefault(nodes[ids[0]].get("paragraph"), []).append((quote, ids[0]))
    for entries in by_paragraph.values():
        if len(entries) < 2:
            continue
        joined = "\0".join(q for q, _ in entries)
        for quote, inner in entries:
            if joined.count(quote) < 2:  # only in itself: inside no other quote
                continue
            for other, outer in entries:
                if other != quote and quote in other:
                    out.append(
                        Finding(
                            "warning",
                            "repeated-quote",
                            (inner, outer),
                            f"the quote of '{inner}' lies inside the quote of '{outer}': quote only the "
                            "words that make each statement.",
                        )
                    )
    return out


def _self_attacks(facts: _Facts) -> list[Finding]:
    """A self-defeating statement (Dung's self-attacking argument), or an argument
    undercut by one of its own premises: neither can ever stand. Grounded semantics
    leaves a self-attacking statement undecided unless something else defeats it;
    the argument is defeated either way (its premise stands, and undercuts it, or
    falls, and takes it down)."""
    out = []
    for u, v, d in facts.attacks:
        if u == v:
            message = (
                f"'{u}' attacks itself ('{d['id']}'): it can never stand, and it stays undecided "
                "unless something else defeats it."
            )
        elif PREMISE_TOO in d:
            message = (
                f"'{u}' undercuts argument '{v}' ('{d['id']}') and is one of its premises: "
                "the argument can never stand."
            )
        else:
            continue
        out.append(Finding("warning", "self-attack", (d["id"], u), message))
    return out


def _unanswered_attacks(facts: _Facts) -> list[Finding]:
    return [
        Finding(
            "info",
            "unanswered-attack",
            (d["id"], u, v),
            f"nothing attacks '{u}', so its {d['type']} of '{v}' ('{d['id']}') stands unanswered.",
        )
        for u, v, d in facts.attacks
        if u not in facts.attackers
    ]


def _attack_types(facts: _Facts) -> list[Finding]:
    out = []
    for _, v, d in facts.attacks:
        kind = facts.kind[v]
        if d["type"] == "rebut" and kind == "premise" and v not in facts.concluded:
            out.append(
                Finding(
                    "info",
                    "attack-type",
                    (d["id"], v),
                    f"'{d['id']}' rebuts '{v}', a premise no argument concludes: attacking "
                    "a statement offered as given is an undermine.",
                )
            )
        elif d["type"] == "undermine" and (v in facts.concluded or kind == "proposal"):
            why = "an argument concludes it" if v in facts.concluded else "it is a proposal"
            out.append(
                Finding(
                    "info",
                    "attack-type",
                    (d["id"], v),
                    f"'{d['id']}' undermines '{v}', but {why}: attacking a conclusion is a rebut.",
                )
            )
    return out


def _argued_premises(facts: _Facts) -> list[Finding]:
    return [
        Finding(
            "info",
            "argued-premise",
            (n,),
            f"'{n}' is a premise (offered as given) but an argument concludes it: make it a claim.",
        )
        for n in facts.statements
        if facts.kind[n] == "premise" and n in facts.concluded
    ]


def _ids(ids: list[str]) -> str:
    return ", ".join(f"'{i}'" for i in ids)
