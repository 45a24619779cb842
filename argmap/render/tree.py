"""``argmap show``: the map as trees read from goal to means, each proposal that
serves no other with everything for and against it and the proposals that serve it."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from rich.tree import Tree

from ..graph import (
    Graph,
    arguments_for,
    attacks_on,
    conclusion,
    goals_of,
    is_argument,
    is_means_step,
    means_below,
    means_of,
    premises,
    statements,
    upstream,
)
from ..stats import summary
from .console import emit, stdout
from ..terms import ATTACKED_BY
from .labels import argument_label, attack_prefix, label_mark, means_label, serves_label, statement_label


#: what a child is to the line above it in a tree: a reason (or a premise of one),
#: an attack, a goal-to-means argument under its goal, a co-premise of such an
#: argument, or (at a tree's root only) a goal that the root serves
REASON, MEANS, WITH, SERVES = "", "means", "with", "serves"


def support_tree(
    G: Graph, root: str, *, depth: int | None, quotes: bool, shown: set[str], labels: dict[str, str] | None = None
) -> Tree:
    """The tree under one statement, read from goal to means: its reasons
    (arguments with their premises, recursively), the attacks on it and on its
    reasons where they bite, and for a proposal the proposals that serve it
    (arguments concluding a proposal from it) with what bears on those.

    An argument that concludes a proposal from another proposal hangs under
    that goal, not among the reasons of the means. When the root itself serves
    other proposals, they are named first (``↗ a means to``), not expanded.
    Each statement is expanded once, at its first appearance in reading order;
    later appearances point back to it. A pre-order walk with an explicit
    stack, so long chains cannot overflow Python's.
    """
    holder = Tree("")
    # (parent branch, node, role: REASON, MEANS, WITH, SERVES or an attack type, statement level,
    # for a MEANS argument the goal it hangs under, for a SERVES goal the argument that makes it one)
    stack: list[tuple[Tree, str, str, int, str]] = [(holder, root, REASON, 0, "")]
    while stack:
        parent, node, role, level, goal = stack.pop()
        prefix = attack_prefix(role) if role in ATTACKED_BY else Text("with ", style="dim") if role == WITH else None
        if labels is not None:  # `show --evaluate`: the node's label, before it
            prefix = (prefix or Text()) + label_mark(labels.get(node, "undec"))
        if role == SERVES:
            parent.add(serves_label(G, node, goal, quotes, prefix))
            continue
        if is_argument(G, node):
            if role == MEANS:
                branch = parent.add((prefix or Text()) + means_label(G, node, quotes, goal))
                below = [(p, WITH) for p in premises(G, node) if p != goal] + [(conclusion(G, node), REASON)]
            else:
                branch = parent.add((prefix or Text()) + argument_label(G, node, quotes))
                below = [(p, REASON) for p in premises(G, node)]
            below += [(attacker, kind) for attacker, kind, _ in attacks_on(G, node)]
            stack += [(branch, child, kind, level + 1, "") for child, kind in reversed(below)]
            continue
        if role in ATTACKED_BY and node == goal:  # a self-defeating statement: not "shown above"
            label = Text() if prefix is None else prefix
            label.append("itself", style="bold")
            parent.add(label)
            continue
        if node in shown:
            label = Text() if prefix is None else prefix
            label.append(f"↑ {node}", style="bold")
            label.append(" (shown above)", style="dim")
            parent.add(label)
            continue
        shown.add(node)
        branch = parent.add(statement_label(G, node, quotes, prefix))
        children: list[tuple[str, str, str]] = []
        if node == root:  # the goals the root serves: its tree holds them nowhere else
            children += [
                (g, SERVES, a) for a in goals_of(G, node) for g in premises(G, a) if G.nodes[g]["kind"] == "proposal"
            ]
        if depth is None or level < depth:
            children += [(a, REASON, node) for a in arguments_for(G, node) if not is_means_step(G, a)]
            children += [(attacker, kind, node) for attacker, kind, _ in attacks_on(G, node)]
            children += [(a, MEANS, node) for a in means_of(G, node)]
        # an argument stays on its conclusion's level (its premises are one down)
        stack += [
            (branch, child, kind, level if kind in (REASON, MEANS) else level + 1, goal)
            for child, kind, goal in reversed(children)
        ]
    return holder.children[0]


def show_map(
    G: Graph,
    *,
    focus: str | list[str] | None = None,
    depth: int | None = None,
    quotes: bool = False,
    labels: dict[str, str] | None = None,
) -> None:
    """Print the map as trees read from goal to means: one per proposal that
    serves no other (with everything for and against it and the proposals that
    serve it), then whatever no proposal reaches (so nothing is dropped); with ``focus``, the
    tree under that id (or each of several). With ``labels`` (id -> in/out/undec),
    each node is marked with its label."""
    console = stdout()
    shown: set[str] = set()

    def tree(root: str) -> Tree:
        return support_tree(G, root, depth=depth, quotes=quotes, shown=shown, labels=labels)

    if focus:
        trees: list[Any] = []
        for node in [focus] if isinstance(focus, str) else focus:
            trees += [Text()] if trees else []
            trees.append(tree(node))
        emit(console, *trees)
        return
    parts: list[Any] = [Text(G.graph["title"], style="bold underline")]
    source = G.graph.get("source") or {}
    if source.get("title") or source.get("file"):
        parts.append(
            Text(f"source: {source.get('title') or ''} ({source.get('file', '')})".replace(" ()", ""), style="dim")
        )
    parts.append(Text())
    proposals = statements(G, "proposal")
    roots = [p for p in proposals if not goals_of(G, p)]
    below = means_below(G, roots, set())  # under a root, even where --depth hides it
    for p in roots + proposals:  # then what only circles of means reach
        if p not in shown and (p not in below or p in roots):
            parts += [tree(p), Text()]
            means_below(G, [p], below)
    # what a tree holds (below --depth too) is under it, even where the cut hides it
    covered = upstream(G, proposals) | shown
    rest = [n for n in statements(G) if n not in covered]
    if rest:
        parts += [Text("Not under any proposal", style="bold underline"), Text()]
        # the tops of their own chains first: statements that support or attack nothing
        active = {n for n in rest if any(t != "conclusion" for _, _, t in G.out_edges(n, data="type"))}
        for n in [n for n in rest if n not in active] + rest:
            if n not in covered:
                parts += [tree(n), Text()]
                covered |= upstream(G, [n]) | shown
    parts.append(Text(summary(G), style="dim"))
    emit(console, *parts)
