"""Views of the query commands: ``list``, ``supports``, ``attacks``, ``path``,
``find`` and ``stats``. Each takes the plain data :mod:`argmap.query` (or
:mod:`argmap.stats`) returns, and the graph for labels.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from rich.tree import Tree

from ..graph import Graph, arguments_for, conclusion, premises, speaker_name
from ..terms import ATTACKED_BY, plural
from .console import emit, stdout
from .labels import KIND_STYLE, argument_label, chain_text, node_label, short_label, statement_label


def statement_table(rows: list[dict[str, Any]], names: dict[str, str] | None = None) -> None:
    """Statements as a table (id, kind, paragraph, speaker, text); on a terminal
    narrower than 120 columns, as entries of two lines so no text is squeezed.
    ``names`` (the map's ``speakers:``) gives the name to show for a speaker."""
    names = names or {}
    from rich import box
    from rich.padding import Padding
    from rich.table import Table

    console = stdout()
    if console.width >= 120:
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
        table.add_column("id", style="bold", no_wrap=True)
        table.add_column("kind", no_wrap=True)
        table.add_column("¶", justify="right", no_wrap=True)
        table.add_column("speaker", no_wrap=True)
        table.add_column("text", ratio=1)
        for r in rows:
            style = KIND_STYLE.get(r["kind"], ("", "", ""))[2]
            table.add_row(
                Text(r["id"]),
                Text(r["kind"], style=style),
                str(r.get("paragraph") or ""),
                Text(names.get(r.get("speaker") or "", r.get("speaker") or "")),
                Text(r["text"]),
            )
        emit(console, table, Text(plural(len(rows), "statement"), style="dim"))
        return
    parts: list[Any] = []
    for r in rows:
        symbol, _, style = KIND_STYLE.get(r["kind"], ("?", "", ""))
        head = Text(f"{symbol} ", style=style) + Text(r["id"], style="bold") + Text("  ")
        details = [r["kind"]] + ([f"¶{r['paragraph']}"] if r.get("paragraph") else [])
        details += [names.get(r["speaker"], r["speaker"])] if r.get("speaker") else []
        head.append(" · ".join(details), style="dim")
        parts += [head, Padding(Text(r["text"]), (0, 0, 0, 4), expand=False)]
    emit(console, *parts, Text(plural(len(rows), "statement"), style="dim"))


EDGE_WORDS = {
    "premise": "premise of",
    "conclusion": "concludes",
    "rebut": "rebuts",
    "undermine": "undermines",
    "undercut": "undercuts",
}


#: Entries a `supports` tree shows before it stops (no one reads further; Rich would take minutes),
#: and supporters listed with their several chains.
MAX_TREE_ENTRIES = 3000

MAX_LISTED = 20


def supports_view(G: Graph, report: dict[str, Any]) -> None:  # noqa: C901 (one pre-order walk with an explicit stack; each entry kind is one branch)
    """``argmap supports``: a tree rooted at the target. Under each statement,
    the arguments for it (co-premises of a linked argument together, as one
    reason) and under each argument its premises, recursively. A statement is
    expanded once, where its shortest chain puts it; elsewhere a line points
    to it. A footer counts supporters and lists those with several chains."""
    from rich.padding import Padding

    target = report["target"]["id"]
    rows = {r["id"]: r for r in report["supporters"]}
    home = {r["id"]: r["paths"][0][1] for r in rows.values()}
    limit = report.get("depth")

    root = Tree(node_label(G, target))
    expanded = {target}
    # Pre-order walk with an explicit stack of (parent branch, node, the
    # argument it hangs from or None, ancestors as a linked list (node, rest)).
    stack: list[tuple[Tree, str, str | None, Any]] = []
    if G.nodes[target]["kind"] == "argument":
        stack += [(root, p, target, (target, None)) for p in reversed(premises(G, target))]
    else:
        stack.append((root, target, None, None))
    entries = 0
    while stack:
        entries += 1
        if entries > MAX_TREE_ENTRIES:
            root.add(
                Text(
                    f"… the tree stops here, after {MAX_TREE_ENTRIES} entries: --depth N shows "
                    f"fewer levels, --json lists every supporter.",
                    style="bold",
                )
            )
            break
        parent, node, via, above = stack.pop()
        if via is None or G.nodes[node]["kind"] == "argument":
            # an expanded statement (branch already made) or an argument under one
            if via is None:
                branch, line = parent, (node, above)
                reasons = arguments_for(G, node)
                level = rows[node]["depth"] if node in rows else 0
                if limit is not None and level >= limit:
                    if reasons:
                        more = plural(len(reasons), "more reason")
                        branch.add(Text(f"… {more} deeper than --depth {limit}", style="dim"))
                    continue
                stack += [(branch, a, node, line) for a in reversed(reasons)]
            elif node == target:  # the argument asked about, met again round a cycle
                parent.add(
                    Text.assemble(
                        ("↺ ", "bold yellow"), short_label(G, node), (" (a cycle: it is on this chain)", "dim")
                    )
                )
            else:
                holder = parent.add(argument_label(G, node, False))
                stack += [(holder, p, node, above) for p in reversed(premises(G, node))]
            continue
        if _on_line(above, node):
            parent.add(
                Text.assemble(("↺ ", "bold yellow"), short_label(G, node), (" (a cycle: it is on this chain)", "dim"))
            )
        elif node in expanded or home.get(node) != via:
            where = "above" if node in expanded else "below"
            parent.add(Text.assemble(("↳ ", "dim"), statement_label(G, node, False), (f" (see {where})", "dim")))
        else:
            expanded.add(node)
            stack.append((parent.add(statement_label(G, node, False)), node, None, above))

    console = stdout()
    emit(console, root)
    console.print()
    supporters = report["supporters"]
    if not supporters:
        emit(console, Text(f"Nothing in the map supports {target}.", style="dim"))
        return
    direct = sum(1 for r in supporters if r["depth"] == 1)
    deepest = max(r["depth"] for r in supporters)
    summary_line = (
        f"{plural(len(supporters), 'supporter')}: {direct} direct, {len(supporters) - direct} "
        f"indirect; the farthest is {plural(deepest, 'step')} away."
    )
    emit(console, Text(summary_line, style="dim"))
    several = [r for r in supporters if len(r["paths"]) > 1]
    if several:
        console.print()
        emit(console, Text("Supporting through more than one chain:", style="bold"))
        for r in several[:MAX_LISTED]:
            emit(console, Text.assemble("  ", short_label(G, r["id"])))
            for chain in r["paths"]:
                emit(console, Padding(chain_text(chain, G), (0, 0, 0, 4)))
        if len(several) > MAX_LISTED:
            emit(console, Text(f"  … and {len(several) - MAX_LISTED} more (--json lists them all).", style="dim"))
    if any(r["more_paths"] for r in supporters):
        emit(
            console,
            Text(
                f"Some supporters have more chains than the {report['paths_limit']} listed (--paths N lists more).",
                style="dim",
            ),
        )


def attacks_view(G: Graph, report: dict[str, Any]) -> None:
    """``argmap attacks``: the target, then its attackers grouped by type; for an
    attack on something the target rests on, what it hits and the chain from
    there to the target."""
    target = report["target"]["id"]
    root = Tree(node_label(G, target))
    for kind, word in ATTACKED_BY.items():
        group = [r for r in report["attackers"] if r["type"] == kind]
        if not group:
            continue
        branch = root.add(Text(f"✗ {word} ({len(group)})", style="bold red"))
        for r in group:
            leaf = branch.add(statement_label(G, r["id"], False))
            if r["on"] != target:
                leaf.add(_attack_where(G, r))
    console = stdout()
    emit(console, root)
    console.print()
    count = len(report["attackers"])
    if not count:
        more = "" if report.get("deep") else " (--deep also looks at what it rests on)"
        emit(console, Text(f"Nothing in the map attacks {target}{more}.", style="dim"))
        return
    own = sum(1 for r in report["attackers"] if r["on"] == target)
    line = f"{plural(count, 'attack')}: {own} on {target} itself, {count - own} on the reasons for it."
    if not report.get("deep"):
        line += " --deep also looks further down."
    emit(console, Text(line, style="dim"))


def _attack_where(G: Graph, r: dict[str, Any]) -> Text:
    """Where an attack bites, for one attacker row: ``att-x on arg-y (p + q → c)``
    for an undercut, ``att-x on p, 2 steps down: p → c → target`` otherwise."""
    on = r["on"]
    out = Text.assemble((f"{r['attack']} on ", "dim"), (on, "bold"))
    if G.nodes[on]["kind"] == "argument":
        out.append(f" ({' + '.join(premises(G, on))} → {conclusion(G, on)})", style="dim")
        rest = r["path"][3:]  # attacker, argument, its conclusion, ...
        if rest:
            out.append(", then: ", style="dim")
            out.append_text(chain_text(r["path"][2:], G, arguments=False))
        return out
    out.append(f", {plural(r['depth'], 'step')} down: ", style="dim")
    out.append_text(chain_text(r["path"][1:], G, arguments=False))
    return out


def path_view(G: Graph, report: dict[str, Any]) -> None:
    """``argmap path``: each chain from FROM to TO, one step per line."""
    from rich.table import Table

    source, target = report["from"]["id"], report["to"]["id"]
    console = stdout()
    found = report["paths"]
    if not found:
        emit(console, Text(f"No chain of support or attack leads from {source} to {target}.", style="bold"))
        emit(
            console,
            Text(
                f"Chains follow edges towards what a statement supports or attacks; "
                f"try `argmap path {target} {source}`.",
                style="dim",
            ),
        )
        return
    for number, chain in enumerate(found, 1):
        if number > 1:
            console.print()
        emit(console, Text(f"Chain {number}: {plural(chain['length'], 'link')}", style="bold underline"))
        grid = Table.grid(padding=(0, 1))
        grid.add_column(justify="right", no_wrap=True)
        grid.add_column(overflow="fold")
        grid.add_row("", node_label(G, chain["nodes"][0]))
        for edge, node in zip(chain["edges"], chain["nodes"][1:], strict=True):
            style = "bold red" if edge in ATTACKED_BY else "blue"
            grid.add_row(Text(EDGE_WORDS[edge], style=style), node_label(G, node))
        emit(console, grid)
    if report["more_paths"]:
        limit = report["paths_limit"]
        emit(console, Text(f"More chains exist than the {limit} shown (--paths N lists more).", style="dim"))


def find_view(rows: list[dict[str, Any]], text: str) -> None:
    """``argmap find``: each match with its label, paragraph and the fields that
    matched, best first."""
    from rich.table import Table

    console = stdout()
    if not rows:
        emit(console, Text(f"Nothing in the map mentions '{text}'.", style="dim"))
        return
    grid = Table.grid(padding=(0, 1))
    grid.add_column(overflow="fold")
    for r in rows:
        if r["kind"] == "attack":
            label = Text.assemble(("✗ ATTACK ", "bold red"), (r["id"], "bold"))
        else:
            label = short_label(G=None, node=r["id"], kind=r["kind"])
        words = r["text"] or (f"“{r['quote']}”" if r["quote"] else "")
        if words:
            label.append(": " + words)
        where = f"¶{r['paragraph']} · " if r.get("paragraph") else ""
        label.append(f"\n  {where}matched in {', '.join(r['matched'])}", style="dim")
        grid.add_row(label)
    emit(console, grid)
    emit(console, Text(f"{len(rows)} {'match' if len(rows) == 1 else 'matches'}", style="dim"))


def stats_view(G: Graph, report: dict[str, Any]) -> None:
    """``argmap stats``: counts as a two-column list, then the longest chain and
    the unsupported proposals and claims."""
    from rich.table import Table

    statements, arguments, attacks = report["statements"], report["arguments"], report["attacks"]
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    kinds = ", ".join(plural(n, k) for k, n in statements["by_kind"].items())
    grid.add_row("statements", f"{statements['total']}: {kinds}")
    grid.add_row("by speaker", ", ".join(f"{speaker_name(G, s)} {n}" for s, n in statements["by_speaker"].items()))
    grid.add_row(
        "arguments", f"{arguments['total']}: {arguments['linked']} linked, {arguments['single_premise']} single-premise"
    )
    grid.add_row("attacks", f"{attacks['total']}: " + ", ".join(f"{n} {t}" for t, n in attacks["by_type"].items()))
    chain = report["longest_chain"]
    if chain["length"]:
        note = "" if chain["exact"] else " (the map has support cycles: the longest found without going round them)"
        grid.add_row(
            "longest chain",
            Text.assemble(f"{plural(chain['length'], 'step')}{note}: ", chain_text(chain["path"], G, arguments=False)),
        )
    else:
        grid.add_row("longest chain", "no argument in the map")
    for kind in ("proposals", "claims"):
        key, label = f"unsupported_{kind}", f"unsupported {kind}"
        ids = report[key]
        grid.add_row(label, f"{len(ids)}: " + ", ".join(ids) if ids else "none")
    emit(stdout(), grid)


def _on_line(line: Any, node: str) -> bool:
    while line is not None:
        if line[0] == node:
            return True
        line = line[1]
    return False
