"""The exact search for preferred and stable labellings.

Nodes the grounded labelling decides keep that label in every complete
labelling, so only the grounded-undecided nodes are searched: each weakly
connected region of them separately (they are independent), and inside a
region one strongly connected component at a time, upstream first, each
conditioned on the labels chosen upstream (preferred and stable semantics are
SCC-recursive). Inside a component a backtracking search with propagation and
maximality pruning enumerates the conditioned labellings. A step budget and a
clock bound the work; beyond them :class:`SearchTooLarge` is raised.

>>> from argmap.analysis.framework import Framework
>>> af = Framework.from_attacks(["a", "b"], [("a", "b"), ("b", "a")])
>>> exact(af, ["undec", "undec"], "preferred", budget=1000, timeout=None)
[([0, 1], [{0: 'in', 1: 'out'}, {0: 'out', 1: 'in'}])]
"""

from __future__ import annotations

import time
from typing import Any

from ..errors import ArgmapError
from .framework import IN, OUT, UNDEC, Framework
from .scc import scc


class SearchTooLarge(ArgmapError):
    """The exact search for preferred or stable labellings ran out of its budget."""


def exact(
    af: Framework, base: list[str], semantics: str, *, budget: int, timeout: float | None
) -> list[tuple[list[int], list[dict[int, str]]]]:
    """The labellings of ``af`` under ``semantics`` (preferred or stable) beyond
    the grounded labels ``base``: for each region of grounded-undecided nodes,
    its nodes and their possible labellings (sorted by the nodes they label IN).
    When some region has none (stable semantics may), that region alone is
    returned: no labelling of the whole exists."""
    undecided = [v for v in range(len(af)) if base[v] == UNDEC]
    search = _Search(af, semantics, _Guard(semantics, budget, timeout))
    lab = list(base)
    parts = []
    for region in _regions(undecided, af.attackers, af.targets):
        options = search.solve(region, lab)
        options.sort(key=lambda option: sorted(v for v, value in option.items() if value == IN))
        parts.append((region, options))
        if not options:  # no stable labelling anywhere: the rest cannot change that
            return [(region, options)]
    return parts


class _Guard:
    """Counts search steps and watches the clock; raises :class:`SearchTooLarge`."""

    def __init__(self, semantics: str, budget: int, timeout: float | None) -> None:
        self.semantics = semantics
        self.budget = budget
        self.left = budget
        self.timeout = timeout
        self.deadline = time.monotonic() + timeout if timeout else None

    def tick(self) -> None:
        self.left -= 1
        if self.left < 0:
            self._fail(f"more than {self.budget:,} search steps")
        if self.deadline is not None and self.left % 1024 == 0 and time.monotonic() > self.deadline:
            self._fail(f"more than {self.timeout:g} seconds")

    def _fail(self, what: str) -> None:
        raise SearchTooLarge(
            f"the exact search for {self.semantics} labellings needs {what}: this framework is beyond "
            "what exact enumeration can do in reasonable time.",
            hint="Use --semantics grounded (always fast), or raise the limit with --budget/--timeout.",
        )


def _regions(nodes: list[int], attackers: list[list[int]], targets: list[list[int]]) -> list[list[int]]:
    """The weakly connected regions of the subgraph induced by ``nodes``, each
    sorted, ordered by their first node."""
    inside = set(nodes)
    seen: set[int] = set()
    out = []
    for root in nodes:
        if root in seen:
            continue
        seen.add(root)
        region, todo = [], [root]
        while todo:
            v = todo.pop()
            region.append(v)
            for w in attackers[v] + targets[v]:
                if w in inside and w not in seen:
                    seen.add(w)
                    todo.append(w)
        region.sort()
        out.append(region)
    return out


class _Search:
    """The exact search for preferred or stable labellings (see :func:`labellings`)."""

    def __init__(self, af: Framework, semantics: str, guard: _Guard) -> None:
        self.attackers = af.attackers
        self.targets = af.targets
        self.stable = semantics == "stable"
        self.guard = guard

    def solve(self, nodes: list[int], lab: list[str]) -> list[dict[int, str]]:
        """Every labelling of ``nodes`` given the final labels in ``lab`` of every
        attacker outside ``nodes`` (``lab`` is restored before returning)."""
        local = self._propagate(nodes, lab)
        rest = [v for v in nodes if v not in local]
        if not rest:
            return [local]
        for v, value in local.items():
            lab[v] = value
        try:
            components = _components(rest, self.attackers, self.targets)
            if len(components) == 1:
                return [{**local, **part} for part in _Component(self, rest, lab).run()]
            return [{**local, **part} for part in self._product(components, lab)]
        finally:
            for v in local:
                lab[v] = UNDEC

    def _propagate(self, nodes: list[int], lab: list[str]) -> dict[int, str]:  # noqa: C901 (the search's hot loop: counters and queue stay local for speed)
        """The conditioned grounded labelling of ``nodes``: what every labelling shares."""
        inside = set(nodes)
        attackers, targets = self.attackers, self.targets
        count: dict[int, int] = {}
        blocked: set[int] = set()
        local: dict[int, str] = {}
        queue: list[int] = []
        for v in nodes:
            c = 0
            for a in attackers[v]:
                if a in inside:
                    c += 1
                elif lab[a] == IN:
                    if v not in local:
                        local[v] = OUT
                        queue.append(v)
                elif lab[a] == UNDEC:
                    blocked.add(v)
            count[v] = c
        for v in nodes:
            if count[v] == 0 and v not in local and v not in blocked:
                local[v] = IN
                queue.append(v)
        head = 0
        while head < len(queue):
            v = queue[head]
            head += 1
            self.guard.tick()
            if local[v] == IN:
                for t in targets[v]:
                    if t in inside and t not in local:
                        local[t] = OUT
                        queue.append(t)
            else:
                for t in targets[v]:
                    if t in inside:
                        count[t] -= 1
                        if count[t] == 0 and t not in local and t not in blocked:
                            local[t] = IN
                            queue.append(t)
        return local

    def _product(self, components: list[list[int]], lab: list[str]) -> list[dict[int, str]]:
        """Combine the labellings of components in topological order: a depth-first
        walk that labels each component given the choices upstream of it."""
        out: list[dict[int, str]] = []
        current: dict[int, str] = {}
        stack: list[list[Any]] = [[0, self.solve(components[0], lab), 0]]
        while stack:
            frame = stack[-1]
            i, options, j = frame
            if j > 0:
                for v in options[j - 1]:
                    lab[v] = UNDEC
                    del current[v]
            if j == len(options):
                stack.pop()
                continue
            frame[2] = j + 1
            for v, value in options[j].items():
                lab[v] = value
                current[v] = value
            if i + 1 == len(components):
                out.append(dict(current))
                self.guard.tick()
            else:
                stack.append([i + 1, self.solve(components[i + 1], lab), 0])
        return out


# search states inside one component
_BLANK, _IN, _OUT, _MUST, _NOTIN = 0, 1, 2, 3, 4


class _Component:
    """Backtracking search over one strongly connected component.

    States: BLANK (undecided), IN, OUT (attacked by an IN node), MUST (attacks an
    IN node, so must end up OUT), NOTIN (decided not IN). Counters of BLANK and
    of not-OUT attackers drive propagation: a node whose attackers are all OUT
    must be IN (completeness); a node that must be OUT with one BLANK attacker
    left forces it IN; one with none left is a dead end. For preferred, a
    branch whose IN plus BLANK nodes fit inside a labelling already found is
    cut (it cannot be maximal).
    """

    def __init__(self, search: _Search, nodes: list[int], lab: list[str]) -> None:
        self.nodes = nodes
        self.guard = search.guard
        self.stable = search.stable
        loc = {v: i for i, v in enumerate(nodes)}
        self.att = [[loc[a] for a in search.attackers[v] if a in loc] for v in nodes]
        self.tgt = [[loc[t] for t in search.targets[v] if t in loc] for v in nodes]
        self.blocked = [any(a not in loc and lab[a] == UNDEC for a in search.attackers[v]) for v in nodes]
        k = len(nodes)
        self.state = [_BLANK] * k
        self.blank_att = [len(a) for a in self.att]
        self.notout_att = [len(a) for a in self.att]
        self.trail: list[tuple[int, int]] = []
        self.in_bits = 0
        self.blank_bits = (1 << k) - 1
        self.queue: list[int] = []
        self.order = sorted(range(k), key=lambda i: (-len(self.tgt[i]), i))

    # -- state changes, each undoable ---

    def _set(self, i: int, new: int) -> bool:
        old = self.state[i]
        self.trail.append((i, old))
        self.state[i] = new
        ok = True
        if old == _BLANK:
            self.blank_bits ^= 1 << i
            for t in self.tgt[i]:
                self.blank_att[t] -= 1
                ok = self._check(t) and ok
        if new == _IN:
            self.in_bits |= 1 << i
        if new == _OUT:
            for t in self.tgt[i]:
                self.notout_att[t] -= 1
                ok = self._check(t) and ok
        return ok

    def _undo(self, mark: int) -> None:
        trail, state = self.trail, self.state
        while len(trail) > mark:
            i, old = trail.pop()
            new = state[i]
            if new == _OUT:
                for t in self.tgt[i]:
                    self.notout_att[t] += 1
            if new == _IN:
                self.in_bits ^= 1 << i
            if old == _BLANK:
                self.blank_bits |= 1 << i
                for t in self.tgt[i]:
                    self.blank_att[t] += 1
            state[i] = old
        self.queue.clear()

    def _check(self, t: int) -> bool:
        """Propagate what the counters of ``t`` now say; False on a dead end."""
        s = self.state[t]
        needs_in_attacker = s == _MUST or (self.stable and s == _NOTIN)
        if needs_in_attacker and self.blank_att[t] <= 1 and not any(self.state[a] == _IN for a in self.att[t]):
            # none left to attack it is a dead end; one left is forced IN
            if self.blank_att[t] == 0:
                return False
            self.queue.extend(a for a in self.att[t] if self.state[a] == _BLANK)
        if self.notout_att[t] == 0 and not self.blocked[t]:
            if s == _BLANK:
                self.queue.append(t)
            elif s == _NOTIN:
                return False
        return True

    def _assign_in(self, i: int) -> bool:
        self.queue.append(i)
        while self.queue:
            v = self.queue.pop()
            self.guard.tick()
            s = self.state[v]
            if s == _IN:
                continue
            if s != _BLANK or not self._set(v, _IN):
                return False
            for t in self.tgt[v]:
                st = self.state[t]
                if st == _IN:
                    return False
                if st != _OUT and not self._set(t, _OUT):
                    return False
            for a in self.att[v]:
                st = self.state[a]
                if st == _IN:
                    return False
                if st in (_BLANK, _NOTIN) and not (self._set(a, _MUST) and self._check(a)):
                    return False
        return True

    def _assign_notin(self, i: int) -> bool:
        self.guard.tick()
        if not self._set(i, _NOTIN) or not self._check(i):
            return False
        queued = self.queue[:]
        self.queue.clear()
        return all(self._assign_in(v) for v in queued) if queued else True

    # -- the search ---

    def run(self) -> list[dict[int, str]]:
        found: list[int] = []
        ok = True
        for i in range(len(self.nodes)):
            if self.state[i] == _BLANK and (self.blocked[i] or i in self.tgt[i]):
                ok = ok and self._assign_notin(i)
        if ok and self.queue:
            queued = self.queue[:]
            self.queue.clear()
            ok = all(self._assign_in(v) for v in queued)
        # [trail mark, position in self.order, option tried]; nodes before the
        # position of the last choice are all decided, so the next BLANK is after it
        choices: list[list[int]] = []
        order, state = self.order, self.state
        while True:
            if ok and not self.stable:
                possible = self.in_bits | self.blank_bits
                if any(possible & ~f == 0 for f in found):
                    ok = False
            if ok:
                at = choices[-1][1] if choices else 0
                while at < len(order) and state[order[at]] != _BLANK:
                    at += 1
                if at == len(order):
                    self._record(found)
                    ok = False
                else:
                    choices.append([len(self.trail), at, 0])
                    ok = self._assign_in(order[at])
                    continue
            while choices:
                mark, at, tried = choices[-1]
                self._undo(mark)
                if tried == 0:
                    choices[-1][2] = 1
                    ok = self._assign_notin(order[at])
                    break
                choices.pop()
            else:
                break
        return [self._labels(f) for f in found]

    def _record(self, found: list[int]) -> None:
        s = self.in_bits
        if _MUST in self.state or (self.stable and _NOTIN in self.state):
            return  # propagation rules these out; kept as a safety net
        if self.stable:
            found.append(s)
            return
        found[:] = [f for f in found if f & ~s != 0]
        found.append(s)

    def _labels(self, in_bits: int) -> dict[int, str]:
        out: dict[int, str] = {}
        members = [i for i in range(len(self.nodes)) if in_bits >> i & 1]
        attacked = {t for i in members for t in self.tgt[i]}
        for i, v in enumerate(self.nodes):
            out[v] = IN if in_bits >> i & 1 else OUT if i in attacked else UNDEC
        return out


def _components(nodes: list[int], attackers: list[list[int]], targets: list[list[int]]) -> list[list[int]]:
    """Strongly connected components of the subgraph induced by ``nodes``,
    upstream (attacking) components first."""
    local = {v: i for i, v in enumerate(nodes)}
    succ = [[local[t] for t in targets[v] if t in local] for v in nodes]
    return [[nodes[i] for i in component] for component in reversed(scc(len(nodes), succ))]
