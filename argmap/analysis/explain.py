"""Why a statement or argument has its label: trees of reasons over an evaluation.

>>> from argmap.graph import _demo
>>> from argmap.analysis.semantics import evaluate
>>> [(r["id"], r["label"]) for r in explanations(evaluate(_demo()), _demo(), "c")]
[('c', 'out')]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..terms import ARGUMENT, ATTACKED_BY
from .framework import IN, OUT, UNDEC
from .semantics import Evaluation

if TYPE_CHECKING:
    from ..graph import Graph

#: explanations stop after this many reasons
EXPLAIN_LIMIT = 400


def explanations(ev: Evaluation, G: Graph, node: str) -> list[dict[str, Any]]:
    """Why ``node`` is labelled as it is: one :func:`explain` tree for each
    label it takes, each in the first labelling where it takes that label.

    >>> from argmap.analysis.semantics import evaluate
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


#: the note of a reason that is the node itself: a self-attack
SELF = "itself"


def explain(  # noqa: C901 (one depth-first walk; its rules for each label and kind read best side by side)
    ev: Evaluation, G: Graph, node: str, labelling: list[str] | None = None, *, limit: int = EXPLAIN_LIMIT
) -> dict[str, Any]:
    """Why ``node`` has its label in one labelling (default: the first), as a
    tree of reasons.

    Each reason is ``{"id", "label", "relation", "because": [...]}``, where
    ``relation`` says how it bears on its parent (``reason``, ``premise``,
    ``rebutted by``, ``undermined by``, ``undercut by``) and an optional
    ``note`` closes a branch (``given``, ``shown above``, ``itself`` for a
    self-attack). An OUT node shows
    the one attacker (or the missing support) that defeats it, first in the
    grounded order; an IN node shows its support and every attacker, each
    with what defeats it in turn: the defenders that reinstate it. In the
    grounded labelling every chain ends; a node met again is marked
    ``shown above`` (that is how an undecided cycle reads).

    >>> from argmap.analysis.semantics import evaluate
    >>> from argmap.graph import _demo
    >>> r = explain(evaluate(_demo()), _demo(), "c")
    >>> r["label"], r["because"][0]["relation"], r["because"][0]["id"]
    ('out', 'reason', 'a')
    >>> [(b["relation"], b["id"], b["label"]) for b in r["because"][0]["because"]]
    [('undercut by', 'x', 'in')]
    """
    af = ev.framework
    lab = labelling if labelling is not None else ev.result.labelling(0)
    index = af.index

    def label_of(n: str) -> str:
        return lab[index[n]]

    def rank(n: str) -> tuple[int, int]:
        o = ev.order[index[n]]
        return (o if o >= 0 else len(af) + index[n], index[n])

    def attackers(n: str) -> list[tuple[str, str]]:
        return [(u, d["type"]) for u, _, d in G.in_edges(n, data=True) if d["type"] in ATTACKED_BY]

    def reasons(n: str) -> tuple[list[tuple[str, str]], str | None]:
        """The children that explain ``n``'s label, and a closing note."""
        here = label_of(n)
        if G.nodes[n]["kind"] == ARGUMENT:
            prem = [(p, "premise") for p in G.nodes[n]["premises"] if p in G]
            cuts = [(u, ATTACKED_BY[t]) for u, t in attackers(n)]
            if here == IN:
                return prem + cuts, None
            if here == OUT:
                causes = [(rank(f"not:{p}"), p, r) for p, r in prem if label_of(p) == OUT]
                causes += [(rank(u), u, r) for u, r in cuts if label_of(u) == IN]
                _, cause, relation = min(causes)
                return [(cause, relation)], None
            return [(m, r) for m, r in prem + cuts if label_of(m) == UNDEC], None
        args = [(a, "reason") for a, _, t in G.in_edges(n, data="type") if t == "conclusion"]
        hits = [(u, ATTACKED_BY[t]) for u, t in attackers(n)]
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
        for child in item["because"]:
            if child["id"] == item["id"]:  # a self-attack: the node itself, not a repetition
                child["note"] = SELF
        stack.extend(c for c in reversed(item["because"]) if "note" not in c)
    return root
