"""Labellings of a map's argumentation framework: grounded, preferred, stable.

Labellings follow Caminada: IN when every attacker is OUT, OUT when some
attacker is IN, UNDEC otherwise. Grounded is computed in linear time; preferred
and stable exactly (:mod:`argmap.analysis.search`), within a step and time
budget. :func:`evaluate` labels a map's graph (its framework is
:func:`argmap.analysis.framework.framework`).

Examples
--------
>>> af = Framework.from_attacks(["a", "b", "c"], [("a", "b"), ("b", "c")])
>>> grounded(af)[0]
['in', 'out', 'in']
>>> [lab for lab in labellings(Framework.from_attacks(["a", "b"], [("a", "b"), ("b", "a")]), "preferred")]
[['in', 'out'], ['out', 'in']]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..terms import ARGUMENT
from .framework import IN, LABELS, OUT, UNDEC, Framework, framework
from .search import exact

if TYPE_CHECKING:
    from ..graph import Graph

SEMANTICS = ("grounded", "preferred", "stable")

#: the default guard of the exact search: framework steps, and seconds
BUDGET = 2_000_000
TIMEOUT = 60.0


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

    Preferred and stable are exact (see :mod:`argmap.analysis.search`).
    ``budget`` bounds the search steps and ``timeout`` the seconds; beyond
    them :class:`~argmap.analysis.search.SearchTooLarge` is raised.
    ``base``: the grounded labels, when already computed.

    >>> even = Framework.from_attacks(["a", "b", "c", "d"], [("a", "b"), ("b", "a"), ("c", "d"), ("d", "c")])
    >>> result = label(even, "preferred")
    >>> result.count, result.labelling(0), result.labelling(3)
    (4, ['in', 'out', 'in', 'out'], ['out', 'in', 'out', 'in'])
    """
    if semantics not in SEMANTICS:
        from ..errors import UsageError

        raise UsageError(f"unknown semantics '{semantics}'.", hint="Use one of: " + ", ".join(SEMANTICS) + ".")
    base = grounded(af)[0] if base is None else base
    if semantics == "grounded":
        return Labelled(base, [])
    return Labelled(base, exact(af, base, semantics, budget=budget, timeout=timeout))


def labellings(
    af: Framework, semantics: str = "grounded", *, budget: int = BUDGET, timeout: float | None = TIMEOUT
) -> list[list[str]]:
    """Every labelling of ``af`` under ``semantics`` as label lists; one for grounded.

    >>> odd = Framework.from_attacks(["a", "b", "c"], [("a", "b"), ("b", "c"), ("c", "a")])
    >>> labellings(odd, "preferred"), labellings(odd, "stable")
    ([['undec', 'undec', 'undec']], [])
    """
    return label(af, semantics, budget=budget, timeout=timeout).all()


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
    G: Graph, semantics: str = "grounded", *, budget: int = BUDGET, timeout: float | None = TIMEOUT
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


def evaluation_data(ev: Evaluation, G: Graph, *, limit: int = LIST_LIMIT) -> dict[str, Any]:
    """The evaluation as plain data for ``--json``: every statement and argument
    with its label and the labels it takes across labellings, and the first
    ``limit`` labellings, each as sorted id lists of the nodes whose label
    varies between labellings (every other node has its one label in
    ``statements`` / ``arguments``).

    >>> from argmap.graph import _demo
    >>> evaluation_data(evaluate(_demo()), _demo())["statements"]["c"]
    {'kind': 'proposal', 'label': 'out', 'labels': ['out']}
    """
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
        if kind == ARGUMENT:
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
