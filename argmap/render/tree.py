"""``argmap show``: the map as trees, each proposal with everything for and against it."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from rich.tree import Tree

from ..graph import arguments_for, attacks_on, is_argument, premises, statements, upstream
from ..stats import summary
from .console import emit, stdout
from .labels import argument_label, attack_prefix, label_mark, statement_label


def support_tree(
    G: Any, root: str, *, depth: int | None, quotes: bool, shown: set[str], labels: dict[str, str] | None = None
) -> Tree:
    """The tree under one statement: its reasons (arguments with their premises,
    recursively) and the attacks on it and on its reasons, where they bite.

    Each statement is expanded once, at its first appearance in reading order;
    later appearances point back to it. A pre-order walk with an explicit
    stack, so long chains cannot overflow Python's.
    """
    holder = Tree("")
    # (parent branch, the node it shows, node, attack type or "", statement level)
    stack: list[tuple[Tree, str, str, str, int]] = [(holder, "", root, "", 0)]
    while stack:
        parent, parent_node, node, attack, level = stack.pop()
        prefix = attack_prefix(attack) if attack else None
        if labels is not None:  # `show --evaluate`: the node's label, before it
            prefix = (prefix or Text()) + label_mark(labels.get(node, "undec"))
        if is_argument(G, node):
            branch = parent.add((prefix or Text()) + argument_label(G, node, quotes))
            children = [(p, "") for p in premises(G, node)]
            next_level = level + 1
        elif attack and node == parent_node:  # a self-defeating statement: not "shown above"
            label = Text() if prefix is None else prefix
            label.append("itself", style="bold")
            parent.add(label)
            continue
        elif node in shown:
            label = Text() if prefix is None else prefix
            label.append(f"↑ {node}", style="bold")
            label.append(" (shown above)", style="dim")
            parent.add(label)
            continue
        else:
            shown.add(node)
            branch = parent.add(statement_label(G, node, quotes, prefix))
            if depth is not None and level >= depth:
                continue
            children = [(a, "") for a in arguments_for(G, node)]
            next_level = level
        children += [(attacker, kind) for attacker, kind, _ in attacks_on(G, node)]
        for child, kind in reversed(children):
            stack.append((branch, node, child, kind, next_level if not kind else level + 1))
    return holder.children[0]


def show_map(
    G: Any,
    *,
    focus: str | None = None,
    depth: int | None = None,
    quotes: bool = False,
    labels: dict[str, str] | None = None,
) -> None:
    """Print the map as trees: each proposal with everything for and against it,
    then whatever no proposal reaches (so nothing is dropped). With ``labels``
    (id -> in/out/undec), each node is marked with its label."""
    console = stdout()
    shown: set[str] = set()
    tree_options = {"depth": depth, "quotes": quotes, "shown": shown, "labels": labels}
    if focus is not None:
        emit(console, support_tree(G, focus, **tree_options))
        return
    parts: list[Any] = [Text(G.graph["title"], style="bold underline")]
    source = G.graph.get("source") or {}
    if source.get("title") or source.get("file"):
        parts.append(
            Text(f"source: {source.get('title') or ''} ({source.get('file', '')})".replace(" ()", ""), style="dim")
        )
    parts.append(Text())
    for p in statements(G, "proposal"):
        if p not in shown:
            parts += [support_tree(G, p, **tree_options), Text()]
    # what a tree holds (below --depth too) is under it, even where the cut hides it
    covered = upstream(G, statements(G, "proposal")) | shown
    rest = [n for n in statements(G) if n not in covered]
    if rest:
        parts += [Text("Not under any proposal", style="bold underline"), Text()]
        # the tops of their own chains first: statements that support or attack nothing
        active = {n for n in rest if any(t != "conclusion" for _, _, t in G.out_edges(n, data="type"))}
        for n in [n for n in rest if n not in active] + rest:
            if n not in covered:
                parts += [support_tree(G, n, **tree_options), Text()]
                covered |= upstream(G, [n]) | shown
    parts.append(Text(summary(G), style="dim"))
    emit(console, *parts)
