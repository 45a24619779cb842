"""Questions asked of a map: what supports a statement, what challenges it,
how one statement leads to another, where a word occurs (counts are
:mod:`argmap.stats`).

Every function reads the graph of :func:`argmap.graph.build_graph` and returns
plain, sorted data (lists and dicts ready for ``--json``); nothing is copied
and nothing is printed.

Support runs backwards along the graph: a premise points to its argument, the
argument to its conclusion. A *chain* is the list of ids from a statement to
the one it supports, arguments included (``[premise, argument, conclusion,
...]``). Its *depth* is the number of arguments on it: 1 = a direct reason.

Support and attack queries walk breadth-first and enter each node a bounded
number of times, so they stay linear in the size of the map, cycles included:
a node keeps at most ``limit`` chains (the shortest it meets; the first is
always a shortest one), and rows say when more chains exist than are listed.
``paths`` finds the few shortest chains between two statements with a search
guided by exact distances, so it looks at little beyond what it returns.

Examples
--------
>>> G = _example()
>>> [(r["id"], r["depth"]) for r in supporters(G, "go")]
[('dry', 1), ('wet', 1), ('rain', 2), ('walk', 2)]
>>> [(r["id"], r["type"], r["on"]) for r in attackers(G, "go")]
[('wind', 'undercut', 'arg-go')]
"""

from __future__ import annotations

from itertools import pairwise
from collections import deque
from typing import Any
from collections.abc import Callable, Iterable

from .graph import Graph, require
from .terms import ARGUMENT, ATTACK_TYPES, SUPPORT_EDGES, is_support

#: Chains listed per supporter (or per ``path`` answer) unless asked otherwise.
CHAIN_LIMIT = 3

KIND_ORDER = {"proposal": 0, "claim": 1, "premise": 2, ARGUMENT: 3, "attack": 4}
ATTACK_ORDER = {t: i for i, t in enumerate(ATTACK_TYPES)}

# A chain is a linked list (node, rest, depth), ``rest`` being the chain of the
# next node towards the target (None at the target) and ``depth`` the number of
# arguments on it. Sharing tails keeps every chain O(1) to make.
Chain = tuple


def row(G: Graph, node: str) -> dict[str, Any]:
    """``{"id", "kind", "text", "speaker"}`` of a statement or argument.

    Arguments have no kind of their own in the map; theirs is ``"argument"``
    and their text is None unless the map gives one.

    >>> row(_example(), "wet")
    {'id': 'wet', 'kind': 'claim', 'text': 'We will get wet.', 'speaker': None}
    """
    d = G.nodes[node]
    return {"id": node, "kind": d["kind"], "text": d.get("text"), "speaker": d.get("speaker")}


# ------------------------------------------------------------ chains, bounded ---


def _edges_in(G: Graph, types: tuple[str, ...]) -> Callable[[str], list[str]]:
    """The nodes with an edge of one of ``types`` into a node, in map order."""
    pred = G.pred

    def into(node: str) -> list[str]:
        return [u for u, d in pred[node].items() if is_support(d, types)]

    return into


def _edges_out(G: Graph, types: tuple[str, ...]) -> Callable[[str], list[str]]:
    """The nodes an edge of one of ``types`` leads to from a node (see :func:`_edges_in`)."""
    succ = G.succ

    def out(node: str) -> list[str]:
        return [v for v, d in succ[node].items() if is_support(d, types)]

    return out


def _on_chain(chain: Chain | None, node: str) -> bool:
    while chain is not None:
        if chain[0] == node:
            return True
        chain = chain[1]
    return False


def _ids(chain: Chain | None) -> list[str]:
    out = []
    while chain is not None:
        out.append(chain[0])
        chain = chain[1]
    return out


def _lister() -> Callable[[Chain], list[str]]:
    """``_ids`` remembering every tail it lists: chains share their tails, so
    listing all the chains of a support tree costs about the size of the output."""
    memo: dict[int, list[str]] = {}

    def ids(chain: Chain) -> list[str]:
        fresh = []
        while chain is not None and id(chain) not in memo:
            fresh.append(chain)
            chain = chain[1]
        tail = memo[id(chain)] if chain is not None else []
        for link in reversed(fresh):
            tail = [link[0], *tail]
            memo[id(link)] = tail
        return tail

    return ids


def chains_into(
    G: Graph,
    target: str,
    types: tuple[str, ...] = SUPPORT_EDGES,
    *,
    limit: int = CHAIN_LIMIT,
    max_depth: int | None = None,
    track_more: bool = True,
) -> tuple[dict[str, list[Chain]], set[str]]:
    """Chains of edges of ``types`` leading into ``target``, breadth-first.

    Returns ``(chains, more)``: ``chains`` maps every node with a chain to
    ``target`` to at most ``limit`` simple chains, in order of length (the first
    is a shortest one); ``more`` holds the nodes that have, or may have, chains
    beyond those listed. ``max_depth`` bounds the arguments on a chain;
    without ``track_more``, ``more`` is left empty (and costs nothing). An argument counts on its own
    chain: when ``target`` is one, its premises are at depth 1. Each node is
    entered at most ``limit`` times, so the walk is linear in the map's size
    for a fixed limit.

    >>> chains, more = chains_into(_example(), "go")
    >>> _ids(chains["rain"][0]), sorted(more)
    (['rain', 'arg-wet', 'wet', 'arg-go', 'go'], [])
    """
    into = _edges_in(G, types)
    attrs = G.nodes
    start: Chain = (target, None, int(attrs[target]["kind"] == ARGUMENT))
    chains: dict[str, list[Chain]] = {target: [start]}
    full: set[str] = set()
    sources: dict[str, list[str]] = {}  # into(node), for the `limit` visits of each node
    queue = deque([start])
    while queue:
        chain = queue.popleft()
        node = chain[0]
        found = sources.get(node)
        if found is None:
            found = sources[node] = into(node)
        for v in found:
            depth = chain[2] + (attrs[v]["kind"] == ARGUMENT)
            if max_depth is not None and depth > max_depth:
                continue
            have = chains.get(v)
            if have is None:
                new = (v, chain, depth)
                chains[v] = [new]
                queue.append(new)
            elif len(have) >= limit:
                if track_more and v not in full and not _on_chain(chain, v):
                    full.add(v)  # a further simple chain, not listed
            elif not _on_chain(chain, v):  # else it would go round a cycle
                new = (v, chain, depth)
                have.append(new)
                queue.append(new)
    return chains, _feeding(full, into, chains, target)


def _feeding(seeds: set[str], into: Callable[[str], Iterable[str]], among: dict[str, Any], end: str) -> set[str]:
    """``seeds`` and every node of ``among`` with a chain into one of them
    that does not pass through ``end`` (no chain to ``end`` goes on past it)."""
    seen = set(seeds)
    queue = deque(seeds)
    while queue:
        for u in into(queue.popleft()):
            if u in among and u not in seen and u != end:
                seen.add(u)
                queue.append(u)
    return seen


def _chain_rows(chains: list[Chain], ids: Callable[[Chain], list[str]] = _ids) -> list[list[str]]:
    return sorted((ids(c) for c in chains), key=lambda nodes: (len(nodes), nodes))


# ------------------------------------------------------------------ supports ---


def supporters(G: Graph, target: str, *, depth: int | None = None, limit: int = CHAIN_LIMIT) -> list[dict[str, Any]]:
    """Every statement that supports ``target``, directly or through others.

    A statement supports ``target`` when it is a premise of an argument for
    ``target`` (depth 1), or a premise of an argument for a supporter (depth
    = 1 + that supporter's depth). Each row has ``id, kind, text, speaker``,
    ``depth`` (of its shortest chain), ``arguments`` (the arguments through
    which it supports ``target`` within ``depth``), ``paths`` (at most
    ``limit`` chains to ``target``, shortest first) and ``more_paths`` (True
    when it has, or may have, chains beyond those listed). ``target`` itself is never its
    own supporter, even in a cycle. Sorted by depth, then id.

    ``target`` may be an argument: its premises are then the direct supporters.

    >>> [(r["id"], r["arguments"]) for r in supporters(_example(), "go", depth=1)]
    [('dry', ['arg-go-dry']), ('wet', ['arg-go'])]
    """
    require(G, target)
    chains, more = chains_into(G, target, SUPPORT_EDGES, limit=limit, max_depth=depth)
    attrs = G.nodes
    via: dict[str, list[str]] = {}  # the arguments each supporter acts through
    for a in chains:
        if attrs[a]["kind"] == ARGUMENT:
            for p in attrs[a]["premises"]:
                via.setdefault(p, []).append(a)
    ids = _lister()
    rows = []
    for node, found in chains.items():
        if node == target or attrs[node]["kind"] == ARGUMENT:
            continue
        rows.append(
            {
                **row(G, node),
                "depth": found[0][2],
                "arguments": sorted(via[node]),
                "paths": _chain_rows(found, ids),
                "more_paths": node in more,
            }
        )
    rows.sort(key=lambda r: (r["depth"], r["id"]))
    return rows


def support_report(G: Graph, target: str, *, depth: int | None = None, limit: int = CHAIN_LIMIT) -> dict[str, Any]:
    """What ``argmap supports`` answers: the target, its supporters, the bounds.

    ``{"target": row, "supporters": [...], "depth": depth, "paths_limit": limit}``
    (see :func:`supporters`).

    >>> report = support_report(_example(), "wet")
    >>> report["target"]["id"], [r["id"] for r in report["supporters"]]
    ('wet', ['rain', 'walk'])
    """
    return {
        "target": row(G, require(G, target)),
        "supporters": supporters(G, target, depth=depth, limit=limit),
        "depth": depth,
        "paths_limit": limit,
    }


# ------------------------------------------------------------------- attacks ---


def attackers(G: Graph, target: str, *, deep: bool = False) -> list[dict[str, Any]]:
    """What challenges ``target``: the attacks on it and on the steps to it.

    Always: attacks on ``target`` itself (depth 0) and undercuts of the
    arguments concluding it (depth 1). With ``deep``: attacks on anything
    ``target`` rests on, i.e. on every supporter and every argument in its
    support tree, at the depth of what they attack. Each row has the
    attacker's ``id, kind, text, speaker``, the attack's ``type`` and id
    (``attack``), what it attacks (``on``), ``depth`` and ``path``: the
    attacker followed by the shortest support chain from ``on`` to
    ``target``. Sorted by depth, type, ``on``, then id.

    >>> [(r["id"], r["path"]) for r in attackers(_example(), "go")]
    [('wind', ['wind', 'arg-go', 'go'])]
    >>> [(r["id"], r["on"], r["depth"]) for r in attackers(_example(), "go", deep=True)]
    [('wind', 'arg-go', 1), ('drought', 'rain', 2)]
    """
    require(G, target)
    chains, _ = chains_into(G, target, SUPPORT_EDGES, limit=1, max_depth=None if deep else 1, track_more=False)
    pred = G.pred  # attack edges into each node, in map order (as graph.attacks_on)
    rows = []
    for on, found in chains.items():
        chain = found[0]
        level = 0 if on == target else chain[2]
        if not deep and level == 1 and G.nodes[on]["kind"] != ARGUMENT:
            continue  # a direct premise: undermining it is a deep attack
        for attacker, edge in pred[on].items():
            if edge["type"] in ATTACK_TYPES:
                rows.append(
                    {
                        **row(G, attacker),
                        "type": edge["type"],
                        "attack": edge["id"],
                        "on": on,
                        "depth": level,
                        "path": [attacker, *_ids(chain)],
                    }
                )
    rows.sort(key=lambda r: (r["depth"], ATTACK_ORDER[r["type"]], r["on"], r["id"], r["attack"]))
    return rows


def attack_report(G: Graph, target: str, *, deep: bool = False) -> dict[str, Any]:
    """What ``argmap attacks`` answers: ``{"target": row, "attackers": [...], "deep": deep}``.

    >>> [r["id"] for r in attack_report(_example(), "rain")["attackers"]]
    ['drought']
    """
    return {"target": row(G, require(G, target)), "attackers": attackers(G, target, deep=deep), "deep": deep}


# ---------------------------------------------------------------------- path ---


#: Partial chains ``paths`` may extend before it stops and says there may be more.
SEARCH_BUDGET = 200_000


def _distances_to(into: Callable[[str], list[str]], target: str, avoid: str) -> dict[str, int]:
    """Edges from each node to ``target`` (breadth-first, backwards), not passing through ``avoid``."""
    dist = {target: 0}
    queue = deque([target])
    while queue:
        node = queue.popleft()
        if node == avoid:
            continue
        for u in into(node):
            if u not in dist:
                dist[u] = dist[node] + 1
                queue.append(u)
    return dist


def shortest_chains(
    G: Graph, source: str, target: str, types: tuple[str, ...], *, limit: int, budget: int = SEARCH_BUDGET
) -> tuple[list[list[str]], bool]:
    """The ``limit`` shortest simple chains of ``types`` edges from ``source``
    to ``target``, and whether there are (or may be) more.

    A best-first search guided by each node's exact distance to ``target``
    (one breadth-first pass), so it extends little beyond the chains it
    returns; it gives up after ``budget`` extensions, saying there may be more.

    >>> shortest_chains(_example(), "rain", "go", SUPPORT_EDGES, limit=3)
    ([['rain', 'arg-wet', 'wet', 'arg-go', 'go']], False)
    """
    import heapq

    dist = _distances_to(_edges_in(G, types), target, avoid=source)
    if source not in dist or source == target:
        return [], False
    out = _edges_out(G, types)
    found: list[Chain] = []
    # (bound on the full length, minus the length so far: among equal bounds the
    # longest partial chain first, so the search runs down one chain, not all)
    heap: list[tuple[int, int, int, Chain]] = [(dist[source], 0, 0, (source, None, 0))]
    count = 0
    while heap:
        *_, chain = heapq.heappop(heap)
        node, length = chain[0], chain[2]
        if node == target:
            if len(found) == limit:
                return _forward(found), True
            found.append(chain)
            continue
        if count > budget:
            return _forward(found), True
        for v in out(node):
            if v in dist and not _on_chain(chain, v):
                count += 1
                heapq.heappush(heap, (length + 1 + dist[v], -length - 1, count, (v, chain, length + 1)))
    return _forward(found), False


def _forward(chains: list[Chain]) -> list[list[str]]:
    """Chains built from their start, listed from their start, shortest first."""
    return sorted((_ids(c)[::-1] for c in chains), key=lambda nodes: (len(nodes), nodes))


def paths(G: Graph, source: str, target: str, *, limit: int = CHAIN_LIMIT) -> dict[str, Any]:
    """The chains of support and attack edges from ``source`` to ``target``.

    ``{"from": row, "to": row, "paths": [{"nodes", "edges", "length"}...],
    "paths_limit": limit, "more_paths": bool}``: the ``limit`` shortest simple
    chains, shortest first (see :func:`shortest_chains`); ``edges[i]`` is the
    type of the edge from ``nodes[i]`` to ``nodes[i + 1]`` (premise,
    conclusion, rebut, undermine, undercut) and ``length`` counts edges.

    >>> [p["nodes"] for p in paths(_example(), "drought", "go")["paths"]]
    [['drought', 'rain', 'arg-wet', 'wet', 'arg-go', 'go']]
    """
    require(G, source)
    require(G, target)
    found, more = shortest_chains(G, source, target, SUPPORT_EDGES + ATTACK_TYPES, limit=limit)
    succ = G.succ
    out = []
    for nodes in found:
        edges = [succ[u][v]["type"] for u, v in pairwise(nodes)]
        out.append({"nodes": nodes, "edges": edges, "length": len(edges)})
    return {"from": row(G, source), "to": row(G, target), "paths": out, "paths_limit": limit, "more_paths": more}


# ---------------------------------------------------------------------- find ---

FIELDS = ("id", "text", "quote", "speaker", "tags")


def _searchable(G: Graph) -> Iterable[tuple[str, str, dict[str, Any]]]:
    """``(id, kind, attributes)`` for every statement, argument and attack."""
    for n, d in G.nodes(data=True):
        yield n, d["kind"], d
    for u, v in G.graph.get("attacks", ()):
        if G.has_edge(u, v):
            d = G.succ[u][v]
            yield d["id"], "attack", d


def find(G: Graph, text: str) -> list[dict[str, Any]]:
    """Statements, arguments and attacks mentioning ``text``, best first.

    Case-insensitive, over id, text, quote, speaker and tags. A match of the
    whole of ``text`` in the id ranks first, then in the text, quote, speaker,
    tags; then matches where every word of ``text`` occurs somewhere. Ties go
    by kind (proposals first), then id. Each row has ``id, kind, text,
    speaker``, ``quote``, ``paragraph``, ``matched`` (the fields that hold the
    whole ``text``, or every field holding one of its words) and ``rank``
    (0 = the id itself).

    >>> [(r["id"], r["matched"]) for r in find(_example(), "WET")]
    [('wet', ['id', 'text']), ('arg-wet', ['id'])]
    """
    needle = " ".join(text.lower().split())
    words = needle.split()
    if not words:
        return []
    slug = needle.replace(" ", "-")
    rows: list[dict[str, Any]] = []
    for node, kind, d in _searchable(G):
        hay = "\x1f".join(
            (node, d.get("text") or "", d.get("quote") or "", d.get("speaker") or "", " ".join(d.get("tags") or ()))
        ).lower()
        if not all(w in hay for w in words):
            continue  # cheap test first: most nodes stop here
        fields = dict(zip(FIELDS, hay.split("\x1f"), strict=True))
        whole = [f for f in FIELDS if needle in fields[f] or (f == "id" and slug in fields[f])]
        if whole:
            rank = 0 if fields["id"] == slug else 1 + FIELDS.index(whole[0])
            matched = whole
        else:
            rank = 1 + len(FIELDS)
            matched = [f for f in FIELDS if any(w in fields[f] for w in words)]
        rows.append(
            {
                "id": node,
                "kind": kind,
                "text": d.get("text"),
                "speaker": d.get("speaker"),
                "quote": d.get("quote"),
                "paragraph": d.get("paragraph"),
                "matched": matched,
                "rank": rank,
            }
        )
    rows.sort(key=lambda r: (r["rank"], KIND_ORDER.get(r["kind"], 9), r["id"]))
    return rows


# ------------------------------------------------------------------- example ---


def _example() -> Graph:
    """The small map the doctests use: a linked and a convergent reason for a
    proposal, an undercut and an undermining."""
    from .graph import build_graph
    from .model import ArgumentMap

    return build_graph(
        ArgumentMap.model_validate(
            {
                "title": "Umbrella",
                "statements": [
                    {"id": "go", "kind": "proposal", "text": "Take an umbrella."},
                    {"id": "wet", "kind": "claim", "text": "We will get wet.", "tags": ["weather"]},
                    {"id": "rain", "kind": "premise", "text": "Rain is forecast.", "tags": ["weather"]},
                    {"id": "walk", "kind": "premise", "text": "We walk to work."},
                    {"id": "dry", "kind": "claim", "text": "An umbrella keeps papers dry."},
                    {"id": "wind", "kind": "premise", "text": "It is windy."},
                    {"id": "drought", "kind": "premise", "text": "Forecasts here are usually wrong."},
                ],
                "arguments": [
                    {"id": "arg-wet", "premises": ["rain", "walk"], "conclusion": "wet"},
                    {"id": "arg-go", "premises": ["wet"], "conclusion": "go"},
                    {"id": "arg-go-dry", "premises": ["dry"], "conclusion": "go"},
                ],
                "attacks": [
                    {"id": "att-wind", "from": "wind", "to": "arg-go", "type": "undercut"},
                    {"id": "att-drought", "from": "drought", "to": "rain", "type": "undermine"},
                ],
            }
        )
    )
