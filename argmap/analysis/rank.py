"""Statements ranked by how many proposals rest on them, and by centrality.

Support is an AND/OR structure (see :mod:`argmap.analysis.critical`): linked
premises carry the whole weight of their argument, convergent arguments share
their conclusion's.

>>> from argmap.graph import _demo
>>> [(r["id"], r["proposals"]) for r in rank(_demo())]
[('p', 1), ('c', 0), ('x', 0)]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..collector import collector_paused
from .scc import scc

if TYPE_CHECKING:
    from ..graph import Graph


def rank(G: Graph) -> list[dict[str, Any]]:  # noqa: C901 (one pass over the support components: counts and flows share the components)
    """Statements ranked by how many proposals depend on them, then by centrality.

    ``proposals``: how many proposals (other than itself) rest on the
    statement, through any chain of support. ``centrality``: the expected number
    of times the statement is used when every proposal is justified by picking,
    at each statement argued for, one of its arguments at random, and using
    all premises of that argument: linked premises carry the whole weight of
    their argument, convergent arguments share their conclusion's. Support
    cycles carry no weight around themselves. Linear in the size of the map
    (bitsets for the proposal counts).

    >>> from argmap.graph import _demo
    >>> rank(_demo())[0]
    {'rank': 1, 'id': 'p', 'kind': 'premise', 'proposals': 1, 'centrality': 1.0, 'text': 'P.'}
    """
    from ..terms import ARGUMENT, is_support

    with collector_paused():
        nodes = list(G)
        index = {n: i for i, n in enumerate(nodes)}
        succ: list[list[int]] = [[] for _ in nodes]
        for u, v, d in G.edges(data=True):
            if is_support(d):
                succ[index[u]].append(index[v])
        kinds = [k for _, k in G.nodes(data="kind")]
        components = scc(len(nodes), succ)  # sinks first
        component_of = [0] * len(nodes)
        for c, members in enumerate(components):
            for v in members:
                component_of[v] = c
        # proposals reachable along support, as bitsets, sinks first
        reach = [0] * len(nodes)
        own: dict[int, int] = {}
        for c, members in enumerate(components):
            bits = 0
            for v in members:
                if kinds[v] == "proposal":
                    own[v] = 1 << len(own)
                    bits |= own[v]
                for w in succ[v]:
                    if component_of[w] != c:
                        bits |= reach[w]
            for v in members:
                reach[v] = bits
        # expected uses, flowing from conclusions down to premises (sinks first)
        arguments_of = [0] * len(nodes)
        for v in range(len(nodes)):
            if kinds[v] == ARGUMENT:
                arguments_of[succ[v][0]] += 1
        flow = [1.0 if k == "proposal" else 0.0 for k in kinds]
        for members in components:
            for v in members:
                for w in succ[v]:
                    if component_of[w] == component_of[v]:
                        continue
                    flow[v] += flow[w] / arguments_of[w] if kinds[v] == ARGUMENT else flow[w]
        keyed = []
        for v, (n, text) in enumerate(G.nodes(data="text")):
            if kinds[v] == ARGUMENT:
                continue
            count = (reach[v] & ~own.get(v, 0)).bit_count()
            centrality = round(flow[v] - (1.0 if kinds[v] == "proposal" else 0.0), 6)
            keyed.append(((-count, -centrality, v), n, kinds[v], count, centrality, text))
        keyed.sort()
        return [
            {"rank": i, "id": n, "kind": kind, "proposals": count, "centrality": centrality, "text": text}
            for i, (_, n, kind, count, centrality, text) in enumerate(keyed, 1)
        ]
