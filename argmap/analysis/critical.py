"""What the map's conclusions rest on: load-bearing premises.

Support is an AND/OR structure: a statement argued for stands if one of its
arguments stands (convergent reasons are alternatives); an argument stands
only if all its premises stand (linked premises work together, so losing any
one disables it). The *grounds* of a statement are the statements it rests on
that no argument concludes.

Examples
--------
>>> from argmap.graph import _demo
>>> critical(_demo(), "c").cuts
[['p']]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import ArgmapError
from .scc import scc

if TYPE_CHECKING:
    from ..graph import Graph

#: defaults of :func:`critical`
MAX_SIZE = 12
MAX_CUTS = 1000
BUDGET = 50_000_000


class CutSearchTooLarge(ArgmapError):
    """The search for smallest premise sets ran out of its budget."""


def support_ancestry(G: Graph, node: str) -> list[str]:
    """``node`` and every statement and argument it rests on, in map order.

    >>> from argmap.graph import _demo
    >>> support_ancestry(_demo(), "c")
    ['p', 'c', 'a']
    """
    from ..terms import is_support

    seen = {node}
    todo = [node]
    pred = G.pred
    while todo:
        v = todo.pop()
        for u, d in pred[v].items():
            if is_support(d) and u not in seen:
                seen.add(u)
                todo.append(u)
    return [n for n in G if n in seen]


@dataclass
class Critical:
    """The smallest sets of grounds whose loss leaves ``id`` with no support.

    ``grounds``: every statement ``id`` rests on that no argument concludes;
    ``size``: the size of the smallest sets (None when none has at most
    ``max_size`` members; 0 when ``id`` has no well-founded support at all);
    ``cuts``: all those sets (sorted; at most ``max_cuts``, ``complete`` says
    whether that is all of them); ``attacked``: for each ground in some cut,
    the statements attacking it.
    """

    id: str
    grounds: list[str]
    size: int | None
    cuts: list[list[str]]
    complete: bool = True
    attacked: dict[str, list[str]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "grounds": self.grounds,
            "size": self.size,
            "cuts": self.cuts,
            "complete": self.complete,
            "attacked": self.attacked,
            "load_bearing": sorted({c[0] for c in self.cuts if len(c) == 1}),
        }


def critical(
    G: Graph, node: str, *, max_size: int = MAX_SIZE, max_cuts: int = MAX_CUTS, budget: int = BUDGET
) -> Critical:
    """The minimum sets of grounds whose loss leaves ``node`` (a statement or an
    argument) with no support: minimum vertex cuts between its grounds and it
    in the support graph, where disabling any premise of a linked argument
    disables the argument.

    Exact: iterative deepening on the size ``k``, from a lower bound (the
    number of ground-disjoint proofs a greedy search finds); a set must meet
    every proof of ``node``, so the search branches on the grounds of one cheapest proof
    (each ground once, excluded from later branches so no set is found twice)
    and finishes each branch with the grounds that every remaining proof needs
    (one bitset pass). ``budget`` bounds the work (nodes visited); beyond it
    :class:`CutSearchTooLarge` is raised.

    >>> from argmap.graph import build_graph
    >>> from argmap.model import ArgumentMap
    >>> G = build_graph(ArgumentMap.model_validate({"title": "T", "statements": [
    ...     {"id": k, "kind": "premise", "text": k} for k in ("p", "q", "r")] + [
    ...     {"id": "c", "kind": "claim", "text": "C."}],
    ...     "arguments": [{"id": "linked", "premises": ["p", "q"], "conclusion": "c"},
    ...                   {"id": "alone", "premises": ["r"], "conclusion": "c"}]}))
    >>> critical(G, "c").cuts
    [['p', 'r'], ['q', 'r']]
    """
    from ..graph import require

    require(G, node)
    cutter = _Cutter(G, node, budget)
    grounds = [cutter.names[i] for i in cutter.leaves]
    attacked_of = _attacked(G)
    if cutter.necessary(0) is None:
        return Critical(node, grounds, 0, [])
    found: list[frozenset[int]] = []
    complete = True
    size = None
    for k in range(cutter.lower_bound(), max_size + 1):
        found = cutter.cuts(k, max_cuts)
        if found:
            size = k
            complete = len(found) < max_cuts or cutter.complete
            break
    position = {name: i for i, name in enumerate(cutter.names)}
    cuts = sorted(sorted((cutter.names[i] for i in cut), key=position.__getitem__) for cut in found)
    attacked = {g: attacked_of[g] for g in sorted({g for c in cuts for g in c}) if g in attacked_of}
    return Critical(node, grounds, size, cuts, complete, attacked)


class _Overlay:
    """Values for the nodes being recomputed, over base values for the rest."""

    __slots__ = ("fresh", "base")

    def __init__(self, fresh: dict[int, Any], base: list[Any]) -> None:
        self.fresh = fresh
        self.base = base

    def __getitem__(self, v: int) -> Any:
        fresh = self.fresh
        return fresh[v] if v in fresh else self.base[v]

    def __setitem__(self, v: int, value: Any) -> None:
        self.fresh[v] = value


def _attacked(G: Graph) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for u, v in G.graph.get("attacks", ()):
        if G.has_edge(u, v):
            out.setdefault(v, []).append(u)
    return out


class _Cutter:
    """The support ancestry of one node with integer indices, and the searches
    over it. Grounds are bits in Python integers. Nodes are visited in blocks,
    dependencies first: one visit per node outside support cycles, repeated
    visits only inside a cycle until its values settle."""

    def __init__(self, G: Graph, node: str, budget: int) -> None:
        from ..terms import ARGUMENT, is_support

        names = support_ancestry(G, node)
        self.names = names
        index = {n: i for i, n in enumerate(names)}
        self.target = index[node]
        self.is_argument = [G.nodes[n]["kind"] == ARGUMENT for n in names]
        # inputs: for an argument its premises, for a statement its arguments
        self.inputs = [[index[u] for u, d in G.pred[n].items() if is_support(d)] for n in names]
        self.leaves = [i for i, n in enumerate(names) if not self.is_argument[i] and not self.inputs[i]]
        self.slot = {leaf: k for k, leaf in enumerate(self.leaves)}  # its bit in ground bitsets
        users: list[list[int]] = [[] for _ in names]
        for v, inputs in enumerate(self.inputs):
            for u in inputs:
                users[u].append(v)
        self.users = users
        self.blocks = [(block, len(block) > 1) for block in reversed(scc(len(names), users))]
        self.block_of = [0] * len(names)
        for k, (block, _) in enumerate(self.blocks):
            for v in block:
                self.block_of[v] = k
        self._base_need: list[int | None] | None = None
        self._base_cost: tuple[list[float], list[int]] | None = None
        self.budget = budget
        self.complete = True

    def _spend(self, work: int) -> None:
        self.budget -= work
        if self.budget < 0:
            raise CutSearchTooLarge(
                "finding the smallest sets of premises needs more work than the budget allows: "
                "this support structure is too large to search exactly.",
                hint="Ask about a statement closer to its premises, or lower --max-size.",
            )

    def _blocks_below(self, grounds: int) -> list[tuple[list[int], bool]]:
        """The blocks whose values can differ from the base ones once the
        grounds in ``grounds`` (a bitset) change: those downstream of them."""
        if not grounds:
            return []
        todo = self._members(grounds)
        seen = set(todo)
        while todo:
            v = todo.pop()
            for w in self.users[v]:
                if w not in seen:
                    seen.add(w)
                    todo.append(w)
        return [self.blocks[k] for k in sorted({self.block_of[v] for v in seen})]

    def _members(self, bits: int) -> list[int]:
        """The grounds in a bitset, in slot order."""
        out = []
        while bits:
            low = bits & -bits
            out.append(self.leaves[low.bit_length() - 1])
            bits ^= low
        return out

    def bit(self, leaf: int) -> int:
        return 1 << self.slot[leaf]

    def necessary(self, removed: int) -> int | None:
        """The grounds every proof of the target needs once the grounds in
        ``removed`` (a bitset) are gone, as a bitset; None when it has no proof.

        A greatest fixpoint: a statement needs what all its standing arguments
        need, an argument what any of its premises needs. Only what lies
        downstream of ``removed`` is recomputed over the base values."""
        if self._base_need is None:
            self._base_need = self._need(0, [None] * len(self.names), self.blocks)
        if not removed:
            return self._base_need[self.target]
        value = dict.fromkeys((v for block, _ in self._blocks_below(removed) for v in block))
        return self._need(removed, _Overlay(value, self._base_need), self._blocks_below(removed))[self.target]

    def _need(self, removed: int, value: Any, blocks: list[tuple[list[int], bool]]) -> Any:
        self._spend(sum(len(block) for block, _ in blocks))
        inputs, is_argument, slot = self.inputs, self.is_argument, self.slot
        for block, cyclic in blocks:
            changed = True
            while changed:
                changed = False
                for v in block:
                    if is_argument[v]:
                        new: int | None = 0
                        for p in inputs[v]:
                            if value[p] is None:
                                new = None
                                break
                            new |= value[p]
                    elif not inputs[v]:
                        b = 1 << slot[v]
                        new = None if removed & b else b
                    else:
                        new = None
                        for a in inputs[v]:
                            if value[a] is not None:
                                new = value[a] if new is None else new & value[a]
                    if new != value[v]:
                        value[v] = new
                        changed = cyclic
        return value

    def proof(self, removed: int, excluded: int) -> list[int] | None:
        """The searchable grounds (neither removed nor excluded) of one proof of
        the target with as few of them as possible (by a shortest-proof
        fixpoint, counting shared grounds once per use); None when the target
        has no proof. Only what lies downstream of the removed and excluded
        grounds is recomputed over the base values."""
        inf = float("inf")
        if self._base_cost is None:
            self._base_cost = self._cost(0, 0, [inf] * len(self.names), [-1] * len(self.names), self.blocks)
        blocks = self._blocks_below(removed | excluded)
        fresh = {v: inf for block, _ in blocks for v in block}
        cost, choice = self._cost(
            removed,
            excluded,
            _Overlay(fresh, self._base_cost[0]),
            _Overlay(dict.fromkeys(fresh, -1), self._base_cost[1]),
            blocks,
        )
        if cost[self.target] == inf:
            return None
        inputs, is_argument = self.inputs, self.is_argument
        gone = excluded | removed
        grounds: list[int] = []
        seen = {self.target}
        todo = [self.target]
        while todo:
            v = todo.pop()
            if not is_argument[v] and not inputs[v]:
                if not gone >> self.slot[v] & 1:
                    grounds.append(v)
                continue
            for w in inputs[v] if is_argument[v] else [choice[v]]:
                if w not in seen:
                    seen.add(w)
                    todo.append(w)
        return sorted(grounds)

    def _cost(
        self, removed: int, excluded: int, cost: Any, choice: Any, blocks: list[tuple[list[int], bool]]
    ) -> tuple[Any, Any]:
        self._spend(sum(len(block) for block, _ in blocks))
        inf = float("inf")
        inputs, is_argument, slot = self.inputs, self.is_argument, self.slot
        for block, cyclic in blocks:
            changed = True
            while changed:
                changed = False
                for v in block:
                    if is_argument[v]:
                        new = sum(cost[p] for p in inputs[v])
                        pick = -1
                    elif not inputs[v]:
                        k = slot[v]
                        new = inf if removed >> k & 1 else 0 if excluded >> k & 1 else 1
                        pick = -1
                    else:
                        new, pick = inf, -1
                        for a in inputs[v]:
                            if cost[a] < new:
                                new, pick = cost[a], a
                    if new < cost[v]:
                        cost[v], choice[v] = new, pick
                        changed = cyclic
        return cost, choice

    def lower_bound(self) -> int:
        """How many proofs with pairwise disjoint grounds a greedy search finds:
        every cut needs a ground from each, so no cut is smaller."""
        removed, count = 0, 0
        while True:
            grounds = self.proof(removed, 0)
            if grounds is None:
                return max(count, 1)
            count += 1
            for g in grounds:
                removed |= self.bit(g)

    def cuts(self, k: int, limit: int) -> list[frozenset[int]]:
        """Every set of ``k`` grounds that leaves the target without proof, when
        none smaller does (at most ``limit``)."""
        found: set[frozenset[int]] = set()
        # frames: (removed bitset, removed set, excluded bitset, grounds left to pick)
        stack: list[tuple[int, frozenset[int], int, int]] = [(0, frozenset(), 0, k)]
        while stack and len(found) < limit:
            removed, chosen, excluded, left = stack.pop()
            if left == 1:
                need = self.necessary(removed)
                if need is None:
                    continue
                for leaf in self._members(need & ~excluded):
                    found.add(chosen | {leaf})
                continue
            branches = []
            for leaf in self.proof(removed, excluded) or []:
                branches.append((removed | self.bit(leaf), chosen | {leaf}, excluded, left - 1))
                excluded |= self.bit(leaf)
            stack.extend(reversed(branches))
        if stack:
            self.complete = False
        return sorted(found, key=sorted)[:limit]
