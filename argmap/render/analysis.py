"""Views of the analysis commands: ``check``, ``evaluate`` (and its
explanations), ``critical``, ``rank`` and ``diff``."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from rich.tree import Tree

from ..analysis.diff import SECTIONS, counts
from ..analysis.explain import SELF
from ..analysis.lint import SEVERITIES
from ..graph import Graph, statements
from ..terms import ARGUMENT
from ..terms import ATTACKED_BY, plural
from .console import Segments, emit, paint_line, plain_lines, stdout, two_columns, write_lines
from .labels import KIND_STYLE, LABEL_STYLE, argument_label, label_mark, statement_label


SEVERITY_STYLE = {"error": ("✗", "bold red"), "warning": ("!", "bold yellow"), "info": ("i", "cyan")}


def _grid(first: int = 0) -> Any:
    """Two columns: a short one that never wraps (at least ``first`` wide), and text."""
    from rich.table import Table

    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True, min_width=first)
    table.add_column(ratio=1)
    return table


def check_view(items: list[Any]) -> None:
    """Lint findings, errors first, one entry each, then the counts."""
    console = stdout()
    rows = []
    for f in items:
        symbol, style = SEVERITY_STYLE[f.severity]
        rows.append(([(f"{symbol} {f.severity:<7}", style)], [(f.code, "bold")], f": {f.message}"))
    counts = {s: sum(1 for f in items if f.severity == s) for s in SEVERITIES}
    words = {"error": "error", "warning": "warning", "info": "note"}
    tally = ", ".join(plural(counts[s], words[s]) for s in SEVERITIES) if items else "No findings."
    write_lines(console, two_columns(console, rows) + plain_lines(console, Text(tally, style="dim")))


def evaluation_view(G: Graph, ev: Any) -> None:
    """Every statement (by kind) and argument with its label, and the counts."""
    console = stdout()
    count = ev.count
    noun = "labelling" if count == 1 else "labellings"
    af = ev.framework
    head = [
        Text(f"{ev.semantics.capitalize()} semantics: {G.graph['title']}", style="bold underline"),
        Text(
            f"{count:,} {ev.semantics} {noun}; framework of {len(af):,} nodes and "
            f"{len(af.attacks):,} attacks (see README: How evaluate works)",
            style="dim",
        ),
    ]
    if count == 0:
        head += [
            Text(),
            Text(
                f"There is no {ev.semantics} labelling: some odd cycle of attacks cannot be "
                "settled. Try --semantics preferred or grounded."
            ),
        ]
    elif count > 1:
        head.append(
            Text(
                "A node marked IN|OUT (etc.) takes different labels in different labellings; "
                "it is IN only if IN in all.",
                style="dim",
            )
        )
    lines = [line for text in head for line in plain_lines(console, text)]
    if count == 0:
        write_lines(console, lines)
        return
    groups = [(f"{k.capitalize()}s", statements(G, k)) for k in ("proposal", "claim", "premise")]
    groups.append(("Arguments", [n for n, k in G.nodes(data="kind") if k == ARGUMENT]))
    for title, nodes in groups:
        if not nodes:
            continue
        labels = {n: ev.statuses(n) for n in nodes}
        tally = {x: sum(1 for n in nodes if ev.label(n) == x) for x in ("in", "out", "undec")}
        lines += [""] + plain_lines(
            console,
            Text(title, style="bold")
            + Text(f": {tally['in']} in, {tally['out']} out, {tally['undec']} undecided", style="dim"),
        )
        rows = []
        for n in nodes:
            d = G.nodes[n]
            rest = f" → {d['conclusion']}" if d["kind"] == ARGUMENT else f": {d['text']}"
            rows.append((_mark_segments(labels[n]), [(n, "bold")], rest))
        lines += two_columns(console, rows, first=7)
    write_lines(console, lines)


def _mark_segments(labels: list[str]) -> Segments:
    """``[IN]``, or ``[IN|OUT]`` when the label varies, as styled segments."""
    if len(labels) == 1:
        word, style = LABEL_STYLE[labels[0]]
        return [(f"[{word}]", style)]
    out = [("[", "")]
    for k, value in enumerate(labels):
        word, style = LABEL_STYLE[value]
        out.append((("|" if k else "") + word, style))
    return out + [("]", "")]


_ATTACKED = set(ATTACKED_BY.values())  # an explanation's relation words for attacks


def explanation_view(G: Graph, ev: Any, node: str, trees: list[dict[str, Any]]) -> None:
    """Why ``node`` has its label: for each label it takes, the chain of reasons."""
    console = stdout()
    parts: list[Any] = []
    if not trees:
        parts.append(Text(f"There is no {ev.semantics} labelling, so nothing to explain."))
    for tree in trees:
        word = LABEL_STYLE[tree["label"]][0]
        where = "" if ev.count == 1 else f" in the first {ev.semantics} labelling where it is {word}"
        parts += [Text(f"Why {node} is {word} ({ev.semantics}){where}:", style="bold"), _reason_tree(G, tree), Text()]
    emit(console, *parts[:-1] if parts and trees else parts)


def _reason_tree(G: Graph, root: dict[str, Any]) -> Tree:
    holder = Tree("")
    stack = [(holder, root)]
    while stack:
        parent, item = stack.pop()
        prefix = Text()
        if item.get("relation") and item["relation"] != "reason":  # an argument says "reason" itself
            relation = item["relation"]
            prefix.append(
                f"{'✗ ' if relation in _ATTACKED else ''}{relation} ",
                style="bold red" if relation in _ATTACKED else "blue",
            )
        prefix.append_text(label_mark(item["label"]))
        n = item["id"]
        if item.get("note") == SELF:  # a self-attack: the node is right above
            parent.add(prefix + Text("itself", style="bold") + Text(" (a self-defeating statement)", style="dim"))
            continue
        if G.nodes[n]["kind"] == "argument":
            label = prefix + argument_label(G, n, False)
        else:
            label = statement_label(G, n, False, prefix)
        if item.get("note"):
            label.append(f"\n{item['note']}", style="dim italic")
        branch = parent.add(label)
        stack.extend((branch, child) for child in reversed(item["because"]))
    return holder.children[0]


CUTS_SHOWN = 10


def critical_view(G: Graph, result: Any, max_size: int) -> None:
    """The smallest sets of grounds whose loss leaves a statement unsupported."""
    console = stdout()
    n = result.id
    parts: list[Any] = [
        statement_label(G, n, False) if G.nodes[n]["kind"] != "argument" else argument_label(G, n, False)
    ]
    grounds = len(result.grounds)
    if result.size == 0:
        parts.append(
            Text("It has no support that does not go round in a circle: it stands on nothing (see argmap check).")
        )
        emit(console, *parts)
        return
    if result.cuts == [[n]]:
        parts.append(
            Text("No argument concludes it: it is a ground itself, and only its own loss leaves it unsupported.")
        )
        emit(console, *parts)
        return
    parts.append(Text(f"It rests on {plural(grounds, 'ground')} (statements no argument concludes)."))
    if result.size is None:
        parts.append(Text(f"No set of at most {max_size} grounds leaves it unsupported (try --max-size)."))
        emit(console, *parts)
        return
    sets = len(result.cuts)
    many = "" if result.complete else " (the first ones found)"
    if result.size == 1:
        which = "this one ground" if sets == 1 else f"any one of these {sets} grounds"
        parts.append(Text(f"Load-bearing: losing {which} leaves it with no support:", style="bold"))
    else:
        parts += [
            Text(
                f"Losing {result.size} grounds together leaves it with no support; "
                f"{plural(sets, 'smallest set')}{many}:",
                style="bold",
            )
        ]
        table = _grid()
        for k, cut in enumerate(result.cuts[:CUTS_SHOWN], 1):
            table.add_row(Text(f"{k}."), Text(", ".join(cut)))
        if sets > CUTS_SHOWN:
            table.add_row(Text("…"), Text(f"and {sets - CUTS_SHOWN} more (--json lists them all)", style="dim"))
        parts += [table, Text("The grounds in those sets:", style="bold")]
    table = _grid()
    members = sorted({g for cut in result.cuts for g in cut}, key=result.grounds.index)
    for g in members:
        inside = sum(1 for cut in result.cuts if g in cut)
        d = G.nodes[g]
        symbol, _, style = KIND_STYLE.get(d["kind"], ("?", "", ""))
        line = Text(g, style="bold") + Text(f": {d['text']}")
        if result.size > 1:
            line.append(f" (in {'every set' if inside == sets else f'{inside} of {sets} sets'})", style="dim")
        if g in result.attacked:
            line.append(" ✗ attacked by " + ", ".join(result.attacked[g]), style="bold red")
        table.add_row(Text(symbol, style=style), line)
    parts.append(table)
    emit(console, *parts)


def rank_view(rows: list[dict[str, Any]]) -> None:
    """Statements by how many proposals depend on them, with their centrality."""
    console = stdout()
    wide = max([1] + [len(str(r["rank"])) for r in rows])
    header = f"{'#':>{wide}} proposals centrality"
    lines = [paint_line(console, [(header, "bold"), (" statement", "bold")])]
    table = []
    for r in rows:
        symbol, _, style = KIND_STYLE.get(r["kind"], ("?", "", ""))
        lead = f"{r['rank']:>{wide}} {r['proposals']:>9} {r['centrality']:>10.2f}"
        table.append(([(lead, "")], [(symbol, style), (" ", ""), (r["id"], "bold")], f": {r['text']}"))
    lines += two_columns(console, table)
    lines += plain_lines(
        console,
        Text(
            f"{plural(len(rows), 'statement')}; proposals: how many proposals rest on it; "
            "centrality: its expected uses in their support (see README)",
            style="dim",
        ),
    )
    write_lines(console, lines)


def diff_view(d: dict[str, Any], old: str, new: str) -> None:
    """What changed between two maps, section by section."""
    console = stdout()
    if d["identical"]:
        emit(console, Text("No differences.", style="dim"))
        return
    lines = [paint_line(console, [(f"--- {old}", "red")]), paint_line(console, [(f"+++ {new}", "green")])]
    for key, change in d["map"].items():
        lines.append(
            paint_line(console, [(f"~ map {key}: {_short(change['old'])} → {_short(change['new'])}", "yellow")])
        )
    for section in SECTIONS:
        part = d[section]
        if not any(part.values()):
            continue
        lines += [
            "",
            paint_line(
                console,
                [
                    (section, "bold"),
                    (
                        f": {len(part['added'])} added, {len(part['removed'])} removed, {len(part['changed'])} changed",
                        "dim",
                    ),
                ],
            ),
        ]
        rows: list[tuple[Segments, Segments, str]] = []
        for sign, style, key in (("+", "green", "added"), ("-", "red", "removed")):
            rows += [([(sign, style)], [(item["id"], "bold")], f" {_describe(item)}") for item in part[key]]
        for item in part["changed"]:
            rows.append(([("~", "yellow")], [(item["id"], "bold")], ""))
            rows += [
                ([], [], f"{field}: {_short(change['old'])} → {_short(change['new'])}")
                for field, change in item["changes"].items()
            ]
        lines += two_columns(console, rows)
    if d["labels"]:
        lines += ["", paint_line(console, [("Proposals whose grounded label changed", "bold")])]
        lines += two_columns(
            console,
            [
                (
                    [("~", "yellow")],
                    [
                        (row["id"], "bold"),
                        (": ", ""),
                        *_mark_segments([row["old"] or "undec"]),
                        (" → ", ""),
                        *_mark_segments([row["new"] or "undec"]),
                    ],
                    "",
                )
                for row in d["labels"]
            ],
        )
    c = counts(d)
    lines += [
        "",
        paint_line(
            console,
            [
                (
                    f"{c['added']} added, {c['removed']} removed, {c['changed']} changed; "
                    f"{plural(c['labels'], 'proposal label')} changed",
                    "dim",
                )
            ],
        ),
    ]
    write_lines(console, lines)


def _describe(item: dict[str, Any]) -> str:
    if "kind" in item:
        return f"({item['kind']}): {item['text']}"
    if "conclusion" in item:
        return f"({' + '.join(item['premises'])} → {item['conclusion']})"
    return f"({item['from']} {item['type']}s {item['to']})"


def _short(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {v}" for k, v in value.items()) + "}"
    return repr(value) if isinstance(value, str) else str(value)
