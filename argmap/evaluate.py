"""Formal evaluation: the map as an abstract argumentation framework, labelled.

The construction (documented with a worked example in the README, "How
evaluate works") follows structured argumentation: an argument stands only if
its premises stand, a statement argued for stands only if one of its arguments
stands, and rebut, undermine and undercut are attacks. It is linear in the size
of the map: one framework node per statement and per map argument, plus two
kinds of auxiliary node that turn support into attacks:

- ``not:P`` for each statement ``P`` that is a premise of some argument. ``P``
  attacks ``not:P`` and ``not:P`` attacks every argument with premise ``P``: an
  argument is defeated as soon as one of its premises is rejected (linked
  premises work together).
- ``unsupported:S`` for each statement ``S`` that some argument concludes.
  Every argument for ``S`` attacks ``unsupported:S``, which attacks ``S``: the
  statement stands only while one of its arguments stands (convergent
  arguments are alternatives). A statement no argument concludes is given: it
  stands unless attacked.

An attack ``from X to Y`` becomes the framework attack ``X -> Y`` (``Y`` a
statement for rebut and undermine, an argument for undercut). Without
preferences every attack succeeds.

Labellings follow Caminada: IN when every attacker is OUT, OUT when some
attacker is IN, UNDEC otherwise. Grounded is computed in linear time; preferred
and stable exactly, by a labelling search over the strongly connected
components of the part the grounded labelling leaves undecided, within a step
and time budget.

Examples
--------
>>> af = Framework.from_attacks(["a", "b", "c"], [("a", "b"), ("b", "c")])
>>> grounded(af)[0]
['in', 'out', 'in']
>>> [lab for lab in labellings(Framework.from_attacks(["a", "b"], [("a", "b"), ("b", "a")]), "preferred")]
[['in', 'out'], ['out', 'in']]
"""

from __future__ import annotations

import gc
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from collections.abc import Iterable, Iterator
from typing import Any

from .errors import ArgmapError

IN, OUT, UNDEC = "in", "out", "undec"
LABELS = (IN, OUT, UNDEC)
SEMANTICS = ("grounded", "preferred", "stable")

#: roles of framework nodes
STATEMENT, ARGUMENT, NOT, UNSUPPORTED = "statement", "argument", "not", "unsupported"

#: the default guard of the exact search: framework steps, and seconds
BUDGET = 2_000_000
TIMEOUT = 60.0


class SearchTooLarge(ArgmapError):
    """The exact search for preferred or stable labellings ran out of its budget."""


# --------------------------------------------------------------- framework ---


class Framework:
    """An abstract argumentation framework: nodes ``0..n-1`` and who attacks whom.

    ``names[i]`` is the node's name (a map id, or ``not:ID`` /
    ``unsupported:ID`` for the auxiliary nodes), ``role[i]`` one of
    ``statement``, ``argument``, ``not``, ``unsupported``; ``attackers[i]`` and
    ``targets[i]`` list node indices. Treat it as read-only.

    >>> af = Framework.from_attacks(["a", "b"], [("a", "b")])
    >>> af.attackers, af.targets
    ([[], [0]], [[1], []])
    """

    def __init__(
        self, names: list[str], role: list[str], attacks: list[tuple[int, int]], *, index: dict[str, int] | None = None
    ) -> None:
        self.names = names
        self.role = role
        self.index = index if index is not None else {name: i for i, name in enumerate(names)}
        self.attacks = attacks
        with _gc_paused():
            self.attackers: list[list[int]] = [[] for _ in names]
            self.targets: list[list[int]] = [[] for _ in names]
            for u, v in attacks:
                self.attackers[v].append(u)
                self.targets[u].append(v)

    @classmethod
    def from_attacks(cls, names: Iterable[str], attacks: Iterable[tuple[str, str]]) -> Framework:
        """A plain framework from node names and ``(attacker, target)`` name pairs."""
        names = list(names)
        index = {n: i for i, n in enumerate(names)}
        return cls(names, [STATEMENT] * len(names), [(index[u], index[v]) for u, v in attacks])

    def __len__(self) -> int:
        return len(self.names)

    def attack_names(self) -> list[tuple[str, str]]:
        """The attacks as ``(attacker, target)`` name pairs, in framework order."""
        return [(self.names[u], self.names[v]) for u, v in self.attacks]


def framework(G: Any) -> Framework:
    """The argumentation framework of a map's graph (see the module docstring).

    Nodes: the map's statements and arguments in map order, then ``not:P`` for
    each premise, then ``unsupported:S`` for each concluded statement.

    >>> from argmap.graph import _demo
    >>> af = framework(_demo())
    >>> af.names
    ['p', 'c', 'x', 'a', 'not:p', 'unsupported:c']
    >>> af.attack_names()
    [('p', 'not:p'), ('not:p', 'a'), ('a', 'unsupported:c'), ('unsupported:c', 'c'), ('x', 'a')]
    """
    from .graph import ARGUMENT as ARGUMENT_KIND

    with _gc_paused():
        names: list[str] = []
        role: list[str] = []
        arguments: list[tuple[int, list[str], str]] = []
        for i, (n, d) in enumerate(G.nodes(data=True)):
            names.append(n)
            if d["kind"] == ARGUMENT_KIND:
                role.append(ARGUMENT)
                arguments.append((i, [p for p in d["premises"] if p in G], d["conclusion"]))
            else:
                role.append(STATEMENT)
        index = {n: i for i, n in enumerate(names)}
        is_premise = [False] * len(names)
        is_concluded = [False] * len(names)
        for _, ps, c in arguments:
            is_concluded[index[c]] = True
            for p in ps:
                is_premise[index[p]] = True
        rejected = {}  # statement index -> its not: node
        for i, flag in enumerate(is_premise):
            if flag:
                rejected[i] = len(names)
                names.append(f"not:{names[i]}")
        unsupported = {}  # statement index -> its unsupported: node
        for i, flag in enumerate(is_concluded):
            if flag:
                unsupported[i] = len(names)
                names.append(f"unsupported:{names[i]}")
        role += [NOT] * len(rejected) + [UNSUPPORTED] * len(unsupported)
        attacks = list(rejected.items())
        attacks += [(rejected[index[p]], a) for a, ps, _ in arguments for p in ps]
        attacks += [(a, unsupported[index[c]]) for a, _, c in arguments]
        attacks += [(u, s) for s, u in unsupported.items()]
        attacks += [(index[u], index[v]) for u, v in G.graph.get("attacks", ()) if G.has_edge(u, v)]
        index.update((names[i], i) for i in range(len(index), len(names)))
        return Framework(names, role, attacks, index=index)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building large structures: on a
    100,000-statement map it otherwise rescans the whole graph many times
    (half the build time), and nothing built here forms reference cycles."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# ---------------------------------------------------------------- grounded ---


def grounded(af: Framework) -> tuple[list[str], list[int]]:
    """The grounded labelling, in time linear in nodes plus attacks.

    Returns the labels and, for each node labelled IN or OUT, the step at which
    it was labelled (-1 for UNDEC): every attacker of an IN node, and the first
    IN attacker of an OUT node, were labelled at an earlier step, so following
    them always ends (this is what explanations follow).

    The classic algorithm with counters: a node becomes IN when its count of
    attackers not yet OUT reaches zero, OUT when an IN node attacks it; each
    attack is looked at at most twice.

    >>> grounded(Framework.from_attacks(["a", "b", "c"], [("a", "b"), ("b", "a"), ("b", "c")]))
    (['undec', 'undec', 'undec'], [-1, -1, -1])
    """
    n = len(af)
    targets = af.targets
    count = [len(a) for a in af.attackers]
    label = [UNDEC] * n
    order = [-1] * n
    queue = [v for v in range(n) if count[v] == 0]
    for step, v in enumerate(queue):
        label[v] = IN
        order[v] = step
    step = len(queue)
    head = 0
    while head < len(queue):
        v = queue[head]
        head += 1
        if label[v] == IN:
            for t in targets[v]:
                if label[t] == UNDEC:
                    label[t] = OUT
                    order[t] = step
                    step += 1
                    queue.append(t)
        else:
            for t in targets[v]:
                count[t] -= 1
                if count[t] == 0 and label[t] == UNDEC:
                    label[t] = IN
                    order[t] = step
                    step += 1
                    queue.append(t)
    return label, order


# ------------------------------------------------------ preferred and stable ---


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


@dataclass
class Labelled:
    """The labellings of a framework, factored: the grounded labels every
    labelling shares, and independent parts of the rest.

    Each part is a weakly connected region of the grounded-undecided nodes with
    its possible labellings (``options``, dicts node -> label); a labelling of
    the whole framework picks one option in every part, so there are
    ``count`` = the product of their numbers (0 when some part has none, as
    stable semantics may). Labellings are numbered in that mixed radix, the
    first part most significant.
    """

    base: list[str]
    parts: list[tuple[list[int], list[dict[int, str]]]]

    @property
    def count(self) -> int:
        total = 1
        for _, options in self.parts:
            total *= len(options)
        return total

    def labelling(self, number: int = 0) -> list[str]:
        """Labelling number ``number`` (0 <= number < count), one label per node."""
        out = list(self.base)
        for _, options in reversed(self.parts):
            number, pick = divmod(number, len(options))
            for v, value in options[pick].items():
                out[v] = value
        return out

    def all(self) -> list[list[str]]:
        """Every labelling, in order (their number can be exponential: mind ``count``)."""
        return [self.labelling(k) for k in range(self.count)]


def label(
    af: Framework,
    semantics: str = "grounded",
    *,
    budget: int = BUDGET,
    timeout: float | None = TIMEOUT,
    base: list[str] | None = None,
) -> Labelled:
    """The labellings of ``af`` under ``semantics``, factored into independent parts.

    Preferred and stable are exact. Nodes the grounded labelling decides keep
    that label in every complete labelling, so only the grounded-undecided
    nodes are searched: each weakly connected region of them separately (they
    are independent), and inside a region one strongly connected component at
    a time, upstream first, each conditioned on the labels chosen upstream
    (preferred and stable semantics are SCC-recursive). Inside a component a
    backtracking search with propagation and maximality pruning enumerates the
    conditioned labellings. ``budget`` bounds the search steps and
    ``timeout`` the seconds; beyond them :class:`SearchTooLarge` is raised.
    ``base``: the grounded labels, when already computed.

    >>> even = Framework.from_attacks(["a", "b", "c", "d"], [("a", "b"), ("b", "a"), ("c", "d"), ("d", "c")])
    >>> result = label(even, "preferred")
    >>> result.count, result.labelling(0), result.labelling(3)
    (4, ['in', 'out', 'in', 'out'], ['out', 'in', 'out', 'in'])
    """
    if semantics not in SEMANTICS:
        from .errors import UsageError

        raise UsageError(f"unknown semantics '{semantics}'.", hint="Use one of: " + ", ".join(SEMANTICS) + ".")
    base = grounded(af)[0] if base is None else base
    if semantics == "grounded":
        return Labelled(base, [])
    undecided = [v for v in range(len(af)) if base[v] == UNDEC]
    search = _Search(af, semantics, _Guard(semantics, budget, timeout))
    lab = list(base)
    parts = []
    for region in _regions(undecided, af.attackers, af.targets):
        options = search.solve(region, lab)
        options.sort(key=lambda option: sorted(v for v, value in option.items() if value == IN))
        parts.append((region, options))
        if not options:  # no stable labelling anywhere: the rest cannot change that
            return Labelled(base, [(region, options)])
    return Labelled(base, parts)


def labellings(
    af: Framework, semantics: str = "grounded", *, budget: int = BUDGET, timeout: float | None = TIMEOUT
) -> list[list[str]]:
    """Every labelling of ``af`` under ``semantics`` as label lists; one for grounded.

    >>> odd = Framework.from_attacks(["a", "b", "c"], [("a", "b"), ("b", "c"), ("c", "a")])
    >>> labellings(odd, "preferred"), labellings(odd, "stable")
    ([['undec', 'undec', 'undec']], [])
    """
    return label(af, semantics, budget=budget, timeout=timeout).all()


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

    def _propagate(self, nodes: list[int], lab: list[str]) -> dict[int, str]:
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


def strongly_connected(nodes: Iterable[Any], succ: dict[Any, list[Any]]) -> list[list[Any]]:
    """:func:`scc` for any hashable nodes, given successor lists.

    >>> strongly_connected("abc", {"a": ["b"], "b": ["a", "c"], "c": []})
    [['c'], ['a', 'b']]
    """
    nodes = list(nodes)
    index = {v: i for i, v in enumerate(nodes)}
    lists = [[index[w] for w in succ.get(v, ())] for v in nodes]
    return [[nodes[i] for i in component] for component in scc(len(nodes), lists)]


def scc(n: int, succ: list[list[int]]) -> list[list[int]]:
    """Tarjan's strongly connected components of the graph on ``0..n-1`` with
    successor lists ``succ``, without recursion. Components come sinks first
    (reverse topological order), each in order of discovery.

    >>> scc(4, [[1], [0, 2], [], [2]])
    [[2], [0, 1], [3]]
    """
    index = [-1] * n
    low = [0] * n
    ptr = [0] * n
    on_stack = [False] * n
    stack: list[int] = []
    out: list[list[int]] = []
    counter = 0
    for root in range(n):
        if index[root] >= 0:
            continue
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = True
        work = [root]
        while work:
            v = work[-1]
            children = succ[v]
            i = ptr[v]
            if i < len(children):
                ptr[v] = i + 1
                w = children[i]
                if index[w] < 0:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on_stack[w] = True
                    work.append(w)
                elif on_stack[w] and index[w] < low[v]:
                    low[v] = index[w]
                continue
            work.pop()
            if work and low[v] < low[work[-1]]:
                low[work[-1]] = low[v]
            if low[v] == index[v]:
                w = stack.pop()
                on_stack[w] = False
                component = [w]
                while w != v:
                    w = stack.pop()
                    on_stack[w] = False
                    component.append(w)
                if len(component) > 1:
                    component.reverse()
                out.append(component)
    return out


# -------------------------------------------------------------- on the map ---


@dataclass
class Evaluation:
    """A map's framework and its labellings under one semantics.

    ``result`` holds the labellings (factored, see :class:`Labelled`);
    ``order`` the grounded labelling's steps (see :func:`grounded`), used to
    explain; ``map_nodes`` the statement and argument ids in map order.
    """

    semantics: str
    framework: Framework
    result: Labelled
    order: list[int] = field(repr=False)
    map_nodes: list[str] = field(repr=False)

    def __post_init__(self) -> None:
        self._part_of = {v: k for k, (region, _) in enumerate(self.result.parts) for v in region}

    @property
    def count(self) -> int:
        """How many labellings there are."""
        return self.result.count

    def statuses(self, node: str) -> list[str]:
        """The labels ``node`` takes across all labellings, in in/out/undec order
        (empty when there is no labelling)."""
        if self.count == 0:
            return []
        i = self.framework.index[node]
        k = self._part_of.get(i)
        if k is None:
            return [self.result.base[i]]
        taken = {option[i] for option in self.result.parts[k][1]}
        return [x for x in LABELS if x in taken]

    def label(self, node: str) -> str | None:
        """IN when IN in every labelling, OUT when OUT in every one, UNDEC
        otherwise (the sceptical reading); None when there is no labelling."""
        seen = self.statuses(node)
        if not seen:
            return None
        return seen[0] if len(seen) == 1 else UNDEC

    def labels(self) -> dict[str, str]:
        """:meth:`label` of every statement and argument, by id (empty when
        there is no labelling)."""
        if self.count == 0:
            return {}
        return {n: self.label(n) or UNDEC for n in self.map_nodes}

    def labelling_where(self, node: str, value: str) -> list[str] | None:
        """The first labelling in which ``node`` is labelled ``value``, if any."""
        if self.count == 0:
            return None
        i = self.framework.index[node]
        k = self._part_of.get(i)
        if k is None:
            return self.result.labelling(0) if self.result.base[i] == value else None
        pick = next((j for j, option in enumerate(self.result.parts[k][1]) if option[i] == value), None)
        if pick is None:
            return None
        below = 1
        for _, options in self.result.parts[k + 1 :]:
            below *= len(options)
        return self.result.labelling(pick * below)


def evaluate(
    G: Any, semantics: str = "grounded", *, budget: int = BUDGET, timeout: float | None = TIMEOUT
) -> Evaluation:
    """Label every statement and argument of the map in ``G``.

    >>> from argmap.graph import _demo
    >>> ev = evaluate(_demo())          # x undercuts the only argument for c
    >>> ev.labels()
    {'p': 'in', 'c': 'out', 'x': 'in', 'a': 'out'}
    """
    af = framework(G)
    base, order = grounded(af)
    result = label(af, semantics, budget=budget, timeout=timeout, base=base)
    return Evaluation(semantics, af, result, order, list(G.nodes))


#: ``--json`` lists at most this many labellings (their number can be exponential)
LIST_LIMIT = 100


def evaluation_data(ev: Evaluation, G: Any, *, limit: int = LIST_LIMIT) -> dict[str, Any]:
    """The evaluation as plain data for ``--json``: every statement and argument
    with its label and the labels it takes across labellings, and the first
    ``limit`` labellings, each as sorted id lists of the nodes whose label
    varies between labellings (every other node has its one label in
    ``statements`` / ``arguments``).

    >>> from argmap.graph import _demo
    >>> evaluation_data(evaluate(_demo()), _demo())["statements"]["c"]
    {'kind': 'proposal', 'label': 'out', 'labels': ['out']}
    """
    from .graph import ARGUMENT as ARGUMENT_KIND

    af = ev.framework
    data: dict[str, Any] = {
        "semantics": ev.semantics,
        "count": ev.count,
        "framework": {"nodes": len(af), "attacks": len(af.attacks)},
        "statements": {},
        "arguments": {},
        "labellings": [],
    }
    for n in ev.map_nodes:
        kind = G.nodes[n]["kind"]
        row = {"label": ev.label(n), "labels": ev.statuses(n)}
        if kind == ARGUMENT_KIND:
            data["arguments"][n] = row
        else:
            data["statements"][n] = {"kind": kind, **row}
    varying = [n for n in ev.map_nodes if len(ev.statuses(n)) > 1]
    for k in range(min(ev.count, limit)):
        lab = ev.result.labelling(k)
        groups: dict[str, list[str]] = {x: [] for x in LABELS}
        for n in varying:
            groups[lab[af.index[n]]].append(n)
        data["labellings"].append({x: sorted(ids) for x, ids in groups.items()})
    if ev.count > limit:
        data["labellings_listed"] = limit
    return data


# -------------------------------------------------------------- explaining ---

#: explanations stop after this many reasons
EXPLAIN_LIMIT = 400


def explanations(ev: Evaluation, G: Any, node: str) -> list[dict[str, Any]]:
    """Why ``node`` is labelled as it is: one :func:`explain` tree for each
    label it takes, each in the first labelling where it takes that label.

    >>> from argmap.graph import _demo
    >>> [(r["id"], r["label"]) for r in explanations(evaluate(_demo()), _demo(), "a")]
    [('a', 'out')]
    """
    out = []
    for value in ev.statuses(node):
        labelling = ev.labelling_where(node, value)
        if labelling is not None:
            out.append(explain(ev, G, node, labelling))
    return out


def explain(
    ev: Evaluation, G: Any, node: str, labelling: list[str] | None = None, *, limit: int = EXPLAIN_LIMIT
) -> dict[str, Any]:
    """Why ``node`` has its label in one labelling (default: the first), as a
    tree of reasons.

    Each reason is ``{"id", "label", "relation", "because": [...]}``, where
    ``relation`` says how it bears on its parent (``reason``, ``premise``,
    ``rebutted by``, ``undermined by``, ``undercut by``) and an optional
    ``note`` closes a branch (``given``, ``shown above``). An OUT node shows
    the one attacker (or the missing support) that defeats it, first in the
    grounded order; an IN node shows its support and every attacker, each
    with what defeats it in turn: the defenders that reinstate it. In the
    grounded labelling every chain ends; a node met again is marked
    ``shown above`` (that is how an undecided cycle reads).

    >>> from argmap.graph import _demo
    >>> r = explain(evaluate(_demo()), _demo(), "c")
    >>> r["label"], r["because"][0]["relation"], r["because"][0]["id"]
    ('out', 'reason', 'a')
    >>> [(b["relation"], b["id"], b["label"]) for b in r["because"][0]["because"]]
    [('undercut by', 'x', 'in')]
    """
    from .graph import ARGUMENT as ARGUMENT_KIND

    af = ev.framework
    lab = labelling if labelling is not None else ev.result.labelling(0)
    index = af.index

    def label_of(n: str) -> str:
        return lab[index[n]]

    def rank(n: str) -> tuple[int, int]:
        o = ev.order[index[n]]
        return (o if o >= 0 else len(af) + index[n], index[n])

    def attackers(n: str) -> list[tuple[str, str]]:
        return [(u, d["type"]) for u, _, d in G.in_edges(n, data=True) if d["type"] in _ATTACK_WORDS]

    def reasons(n: str) -> tuple[list[tuple[str, str]], str | None]:
        """The children that explain ``n``'s label, and a closing note."""
        here = label_of(n)
        if G.nodes[n]["kind"] == ARGUMENT_KIND:
            prem = [(p, "premise") for p in G.nodes[n]["premises"] if p in G]
            cuts = [(u, _ATTACK_WORDS[t]) for u, t in attackers(n)]
            if here == IN:
                return prem + cuts, None
            if here == OUT:
                causes = [(rank(f"not:{p}"), p, r) for p, r in prem if label_of(p) == OUT]
                causes += [(rank(u), u, r) for u, r in cuts if label_of(u) == IN]
                _, cause, relation = min(causes)
                return [(cause, relation)], None
            return [(m, r) for m, r in prem + cuts if label_of(m) == UNDEC], None
        args = [(a, "reason") for a, _, t in G.in_edges(n, data="type") if t == "conclusion"]
        hits = [(u, _ATTACK_WORDS[t]) for u, t in attackers(n)]
        if here == IN:
            if args:
                best = min((a for a, _ in args if label_of(a) == IN), key=rank)
                return [(best, "reason")] + hits, None
            return hits, "given: no argument concludes it" + ("" if hits else ", and nothing attacks it")
        if here == OUT:
            winners = [(u, r) for u, r in hits if label_of(u) == IN]
            if args and (not winners or rank(f"unsupported:{n}") < min(rank(u) for u, _ in winners)):
                return args, "no argument for it stands"
            return [min(winners, key=lambda w: rank(w[0]))], None
        undecided = [(u, r) for u, r in hits if label_of(u) == UNDEC]
        if args and not any(label_of(a) == IN for a, _ in args):
            undecided = [(a, r) for a, r in args if label_of(a) == UNDEC] + undecided
        return undecided, None

    root: dict[str, Any] = {"id": node, "label": label_of(node), "because": []}
    expanded: set[str] = set()
    stack = [root]
    while stack:  # depth first, in reading order, so "shown above" is true
        item = stack.pop()
        if item["id"] in expanded:
            item["note"] = "shown above"
            continue
        if len(expanded) >= limit:
            item["note"] = "not expanded: explanation limit reached"
            continue
        expanded.add(item["id"])
        children, note = reasons(item["id"])
        if note:
            item["note"] = note
        item["because"] = [
            {"id": c, "label": label_of(c), "relation": relation, "because": []} for c, relation in children
        ]
        stack.extend(reversed(item["because"]))
    return root


_ATTACK_WORDS = {"rebut": "rebutted by", "undermine": "undermined by", "undercut": "undercut by"}
