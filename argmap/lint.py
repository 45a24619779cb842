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
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

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


def check(G: Any) -> list[Finding]:
    """Every finding for the map in ``G``: errors first, then by code and ids.

    Linear in the size of the map except the quote check, which compares quotes
    of the same paragraph with each other.
    """
    findings = [
        *circular_support(G),
        *duplicate_texts(G),
        *unsupported(G),
        *isolated(G),
        *fragile_arguments(G),
        *repeated_quotes(G),
        *unanswered_attacks(G),
        *attack_types(G),
        *argued_premises(G),
    ]
    position = {n: i for i, n in enumerate(G)}
    return sorted(findings, key=lambda f: (SEVERITIES.index(f.severity), f.code, [position.get(i, -1) for i in f.ids]))


def has_errors(findings: list[Finding]) -> bool:
    """Whether any finding is an error (``argmap check`` then exits 1)."""
    return any(f.severity == "error" for f in findings)


def _concluded(G: Any) -> set[str]:
    from .graph import ARGUMENT

    return {d["conclusion"] for _, d in G.nodes(data=True) if d["kind"] == ARGUMENT}


def _attackers(G: Any, node: str) -> list[tuple[str, str]]:
    from .graph import ATTACKS

    return [(u, t) for u, _, t in G.in_edges(node, data="type") if t in ATTACKS]


def circular_support(G: Any) -> list[Finding]:
    """Support cycles: statements that support themselves through arguments.

    >>> from argmap.graph import build_graph
    >>> from argmap.model import ArgumentMap
    >>> G = build_graph(ArgumentMap.model_validate({"title": "T", "statements": [
    ...     {"id": "a", "kind": "claim", "text": "A."}, {"id": "b", "kind": "claim", "text": "B."}],
    ...     "arguments": [{"id": "x", "premises": ["a"], "conclusion": "b"},
    ...                   {"id": "y", "premises": ["b"], "conclusion": "a"}]}))
    >>> circular_support(G)[0].message
    "'a' supports itself: a -> x -> b -> y -> a; nothing outside the circle establishes it."
    """
    from .evaluate import strongly_connected
    from .graph import SUPPORT

    succ = {n: [v for v, d in G.adj[n].items() if d["type"] in SUPPORT] for n in G}
    out = []
    for component in strongly_connected(list(G), succ):
        if len(component) < 2:
            continue
        members = set(component)
        position = {n: i for i, n in enumerate(G)}
        ordered = sorted(component, key=position.__getitem__)
        start = next(n for n in ordered if G.nodes[n]["kind"] != "argument")
        cycle = _cycle_through(start, succ, members)
        out.append(Finding(
            "error", "circular-support", tuple(ordered),
            f"'{start}' supports itself: {' -> '.join(cycle)}; nothing outside the circle establishes it.",
        ))
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
    from .source import normalize

    return normalize(text).casefold().rstrip(" .!?;:")


def duplicate_texts(G: Any) -> list[Finding]:
    """Statements whose texts are the same (ignoring case, spacing, quote style
    and final punctuation)."""
    from .graph import statements

    groups: dict[str, list[str]] = {}
    for n in statements(G):
        groups.setdefault(_norm(G.nodes[n]["text"]), []).append(n)
    return [
        Finding("error", "duplicate-text", tuple(ids),
                f"{_ids(ids)} have the same text: one statement entered twice? Keep one id and point "
                "arguments and attacks at it.")
        for ids in groups.values() if len(ids) > 1
    ]


def unsupported(G: Any) -> list[Finding]:
    """Proposals and claims that no argument concludes."""
    from .graph import statements

    concluded = _concluded(G)
    return [
        Finding("warning", "unsupported", (n,),
                f"no argument supports {G.nodes[n]['kind']} '{n}': add the text's reasons, or make it "
                "a premise if the text offers it as given.")
        for n in statements(G) if G.nodes[n]["kind"] in ("proposal", "claim") and n not in concluded
    ]


def isolated(G: Any) -> list[Finding]:
    """Statements connected to nothing."""
    from .graph import statements

    return [
        Finding("warning", "isolated", (n,),
                f"'{n}' supports, attacks and is attacked by nothing: connect it or drop it.")
        for n in statements(G) if G.degree(n) == 0
    ]


def fragile_arguments(G: Any) -> list[Finding]:
    """Arguments resting on one premise, which something attacks."""
    from .graph import ARGUMENT

    out = []
    for n, d in G.nodes(data=True):
        if d["kind"] != ARGUMENT:
            continue
        premises = [p for p in d["premises"] if p in G]
        if len(premises) != 1:
            continue
        hits = _attackers(G, premises[0])
        if hits:
            by = ", ".join(f"'{u}' ({t})" for u, t in hits)
            out.append(Finding("warning", "fragile-argument", (n, premises[0], *(u for u, _ in hits)),
                               f"argument '{n}' rests on the single premise '{premises[0]}', which {by} attacks."))
    return out


def repeated_quotes(G: Any) -> list[Finding]:
    """Statements quoting the same words, or one quote inside another of the
    same paragraph (compared ignoring case, spacing and quote style)."""
    from .graph import statements

    by_quote: dict[str, list[str]] = {}
    for n in statements(G):
        quote = G.nodes[n].get("quote")
        if quote:
            by_quote.setdefault(_norm(quote), []).append(n)
    out = [
        Finding("warning", "repeated-quote", tuple(ids),
                f"{_ids(ids)} quote the same words: if they are one statement, merge them; if not, "
                "quote the words that make each one.")
        for ids in by_quote.values() if len(ids) > 1
    ]
    by_paragraph: dict[Any, list[tuple[str, str]]] = {}
    for quote, ids in by_quote.items():
        paragraph = G.nodes[ids[0]].get("paragraph")
        by_paragraph.setdefault(paragraph, []).append((quote, ids[0]))
    for entries in by_paragraph.values():
        if len(entries) < 2:
            continue
        joined = "\0".join(q for q, _ in entries)
        for quote, inner in entries:
            if joined.count(quote) < 2:  # only in itself: inside no other quote
                continue
            for other, outer in entries:
                if other != quote and quote in other:
                    out.append(Finding(
                        "warning", "repeated-quote", (inner, outer),
                        f"the quote of '{inner}' lies inside the quote of '{outer}': quote only the "
                        "words that make each statement."))
    return out


def unanswered_attacks(G: Any) -> list[Finding]:
    """Attacks whose source nothing in the map attacks: the objection stands unanswered."""
    out = []
    for u, v in G.graph.get("attacks", ()):
        if not G.has_edge(u, v):
            continue
        if not _attackers(G, u):
            d = G.edges[u, v]
            out.append(Finding("info", "unanswered-attack", (d["id"], u, v),
                               f"nothing attacks '{u}', so its {d['type']} of '{v}' ('{d['id']}') "
                               "stands unanswered."))
    return out


def attack_types(G: Any) -> list[Finding]:
    """Rebuts aimed at given premises, and undermines aimed at statements
    argued for (or at proposals)."""
    concluded = _concluded(G)
    out = []
    for u, v in G.graph.get("attacks", ()):
        if not G.has_edge(u, v):
            continue
        d = G.edges[u, v]
        kind = G.nodes[v]["kind"]
        if d["type"] == "rebut" and kind == "premise" and v not in concluded:
            out.append(Finding("info", "attack-type", (d["id"], v),
                               f"'{d['id']}' rebuts '{v}', a premise no argument concludes: attacking "
                               "a statement offered as given is an undermine."))
        elif d["type"] == "undermine" and (v in concluded or kind == "proposal"):
            why = "an argument concludes it" if v in concluded else "it is a proposal"
            out.append(Finding("info", "attack-type", (d["id"], v),
                               f"'{d['id']}' undermines '{v}', but {why}: attacking a conclusion is a rebut."))
    return out


def argued_premises(G: Any) -> list[Finding]:
    """Statements of kind premise that an argument concludes."""
    from .graph import statements

    concluded = _concluded(G)
    return [
        Finding("info", "argued-premise", (n,),
                f"'{n}' is a premise (offered as given) but an argument concludes it: make it a claim.")
        for n in statements(G, "premise") if n in concluded
    ]


def _ids(ids: list[str]) -> str:
    return ", ".join(f"'{i}'" for i in ids)
