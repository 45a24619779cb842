"""The map as an abstract argumentation framework.

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
preferences every attack succeeds. The labels a framework's nodes take
(:mod:`argmap.analysis.semantics`) are IN, OUT and UNDEC.

>>> af = Framework.from_attacks(["a", "b", "c"], [("a", "b"), ("b", "c")])
>>> af.attack_names()
[('a', 'b'), ('b', 'c')]
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..collector import collector_paused
from ..terms import ARGUMENT

if TYPE_CHECKING:
    from ..graph import Graph

IN, OUT, UNDEC = "in", "out", "undec"
LABELS = (IN, OUT, UNDEC)

#: roles of framework nodes (see :attr:`Framework.role`)
ROLE_STATEMENT, ROLE_ARGUMENT, ROLE_NOT, ROLE_UNSUPPORTED = "statement", "argument", "not", "unsupported"


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
        with collector_paused():
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
        return cls(names, [ROLE_STATEMENT] * len(names), [(index[u], index[v]) for u, v in attacks])

    def __len__(self) -> int:
        return len(self.names)

    def attack_names(self) -> list[tuple[str, str]]:
        """The attacks as ``(attacker, target)`` name pairs, in framework order."""
        return [(self.names[u], self.names[v]) for u, v in self.attacks]


def framework(G: Graph) -> Framework:
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
    with collector_paused():
        names: list[str] = []
        role: list[str] = []
        arguments: list[tuple[int, list[str], str]] = []
        for i, (n, d) in enumerate(G.nodes(data=True)):
            names.append(n)
            if d["kind"] == ARGUMENT:
                role.append(ROLE_ARGUMENT)
                arguments.append((i, [p for p in d["premises"] if p in G], d["conclusion"]))
            else:
                role.append(ROLE_STATEMENT)
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
        role += [ROLE_NOT] * len(rejected) + [ROLE_UNSUPPORTED] * len(unsupported)
        attacks = list(rejected.items())
        attacks += [(rejected[index[p]], a) for a, ps, _ in arguments for p in ps]
        attacks += [(a, unsupported[index[c]]) for a, _, c in arguments]
        attacks += [(u, s) for s, u in unsupported.items()]
        attacks += [(index[u], index[v]) for u, v in G.graph.get("attacks", ()) if G.has_edge(u, v)]
        index.update((names[i], i) for i in range(len(index), len(names)))
        return Framework(names, role, attacks, index=index)
