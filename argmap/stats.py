"""Counts and gaps in a map: what ``argmap stats`` shows, and the one-line summary
the other commands print.

Every function reads the graph of :func:`argmap.graph.build_graph` and returns
plain data; nothing is printed.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from .terms import plural, ARGUMENT, ATTACK_TYPES, is_support

if TYPE_CHECKING:
    from .graph import Graph


def longest_chain(G: Graph) -> dict[str, Any]:
    """The longest chain of support in the map: ``{"length", "path", "exact"}``.

    ``length`` counts arguments; ``path`` runs from the first premise to the
    last conclusion, arguments included. On a map without support cycles this
    is exact; with cycles (finding the longest simple chain is then NP-hard)
    it is the longest chain once the steps closing each cycle are set aside
    (found by a depth-first walk from the statements nothing supports, in map
    order), and ``exact`` is False: a real chain, perhaps not the longest.
    Linear time.

    >>> from argmap.query import _example
    >>> longest_chain(_example())
    {'length': 2, 'path': ['rain', 'arg-wet', 'wet', 'arg-go', 'go'], 'exact': True}
    """
    # networkx's own dicts, not its views: at 100,000 statements stats() took 1.36 s of
    # CPU with them and 1.66 s with G.nodes and G.succ (python -m tests.bench.accessors)
    attrs = G._node
    succ = G._succ

    def ahead(node: str) -> list[str]:
        d = attrs[node]
        if d["kind"] == ARGUMENT:
            return [d["conclusion"]] if d["conclusion"] in attrs else []
        return [v for v, e in succ[node].items() if is_support(e, ("premise",))]

    # Iterative depth-first walk from the statements nothing supports (so chains
    # from first premises stay whole), then from anything left. When a node is
    # done, every step ahead of it is done too, except the steps back to a node
    # still on the stack, which close cycles: set those aside and take the
    # longest way on. An argument whose only way on closes a cycle leads nowhere.
    state: dict[str, int] = {}  # 1 = on the stack, 2 = done
    order: list[str] = []
    best: dict[str, int] = {}
    step: dict[str, str] = {}
    cyclic = False
    concluded = {d["conclusion"] for d in attrs.values() if d["kind"] == ARGUMENT}
    sources = [n for n, d in attrs.items() if d["kind"] != ARGUMENT and n not in concluded]
    for root in sources + list(G):
        if root in state:
            continue
        state[root] = 1
        stack = [(root, ahead(root), 0)]
        while stack:
            node, children, i = stack[-1]
            while i < len(children) and children[i] in state:
                cyclic = cyclic or state[children[i]] == 1
                i += 1
            if i < len(children):
                child = children[i]
                stack[-1] = (node, children, i + 1)
                state[child] = 1
                stack.append((child, ahead(child), 0))
                continue
            stack.pop()
            state[node] = 2
            order.append(node)
            is_arg = attrs[node]["kind"] == ARGUMENT
            length, nxt = 0, None
            for v in children:
                if state[v] == 2 and v in best and (nxt is None or best[v] + is_arg > length):
                    length, nxt = best[v] + is_arg, v
            if nxt is not None:
                step[node] = nxt
            if nxt is not None or not is_arg:
                best[node] = length
    back = cyclic
    starts = [n for n in order if attrs[n]["kind"] != ARGUMENT]
    if not starts:
        return {"length": 0, "path": [], "exact": not back}
    first = min(starts, key=lambda n: (-best[n], n))
    path = [first]
    while path[-1] in step:
        path.append(step[path[-1]])
    return {"length": best[first], "path": path if best[first] else [], "exact": not back}


def stats(G: Graph) -> dict[str, Any]:
    """Counts and gaps: what ``argmap stats`` shows.

    ``statements`` (total, ``by_kind``, ``by_speaker`` with ``"(none)"`` for
    statements without one), ``arguments`` (total, ``linked``: two or more
    premises, ``single_premise``), ``attacks`` (total, ``by_type``),
    ``longest_chain`` (see :func:`longest_chain`), ``unsupported_proposals``
    and ``unsupported_claims`` (no argument concludes them; sorted ids).

    >>> from argmap.query import _example
    >>> s = stats(_example())
    >>> s["arguments"], s["attacks"]["by_type"], s["unsupported_claims"]
    ({'total': 3, 'linked': 1, 'single_premise': 2}, {'rebut': 0, 'undermine': 1, 'undercut': 1}, ['dry'])
    """
    attrs = G.nodes
    arguments = [d for _, d in attrs(data=True) if d["kind"] == ARGUMENT]
    linked = sum(1 for d in arguments if len(d["premises"]) > 1 and sum(p in attrs for p in d["premises"]) > 1)
    concluded = {d["conclusion"] for d in arguments}
    kinds: Counter[str] = Counter()
    speakers: Counter[str] = Counter()
    unsupported: dict[str, list[str]] = {"proposal": [], "claim": []}
    for n, d in attrs(data=True):
        kind = d["kind"]
        if kind == ARGUMENT:
            continue
        kinds[kind] += 1
        speakers[d.get("speaker") or "(none)"] += 1
        if kind in unsupported and n not in concluded:
            unsupported[kind].append(n)
    by_type = Counter(G.succ[u][v]["type"] for u, v in G.graph.get("attacks", ()) if G.has_edge(u, v))
    single = len(arguments) - linked
    return {
        "statements": {
            "total": sum(kinds.values()),
            "by_kind": {k: kinds.get(k, 0) for k in ("proposal", "claim", "premise")},
            "by_speaker": dict(sorted(speakers.items())),
        },
        "arguments": {"total": linked + single, "linked": linked, "single_premise": single},
        "attacks": {"total": sum(by_type.values()), "by_type": {t: by_type.get(t, 0) for t in ATTACK_TYPES}},
        "longest_chain": longest_chain(G),
        "unsupported_proposals": sorted(unsupported["proposal"]),
        "unsupported_claims": sorted(unsupported["claim"]),
    }


def summary(G: Graph) -> str:
    """``N statements (a proposals, b claims, c premises), M arguments, K attacks``.

    >>> from argmap.query import _example
    >>> summary(_example())
    '7 statements (1 proposal, 2 claims, 4 premises), 3 arguments, 2 attacks'
    """
    kinds = Counter(k for _, k in G.nodes(data="kind"))
    n_statements = sum(v for k, v in kinds.items() if k != "argument")
    parts = ", ".join(plural(kinds.get(k, 0), k) for k in ("proposal", "claim", "premise"))
    attacks = sum(1 for _, _, t in G.edges(data="type") if t in ATTACK_TYPES)
    return (
        f"{plural(n_statements, 'statement')} ({parts}), "
        f"{plural(kinds.get('argument', 0), 'argument')}, {plural(attacks, 'attack')}"
    )
