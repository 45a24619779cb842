"""Everything argmap prints: trees and tables for people, JSON for scripts, and
messages on stderr. The one place that prints.

Consoles are made per call so that they follow whatever ``sys.stdout`` is at
that moment (a terminal, a pipe, a test runner), and Rich honours ``NO_COLOR``.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from rich.console import Console
from rich.text import Text
from rich.tree import Tree

KIND_STYLE = {
    "proposal": ("◆", "PROPOSAL", "bold magenta"),
    "claim": ("●", "CLAIM", "bold cyan"),
    "premise": ("○", "PREMISE", "green"),
}
ATTACK_WORDS = {
    "rebut": "rebutted by",
    "undermine": "undermined by",
    "undercut": "undercut by",
}


def stdout() -> Console:
    """A console on the current stdout (80 columns when it is not a terminal)."""
    return Console(file=sys.stdout, highlight=False, soft_wrap=False)


def emit(console: Console, *renderables: Any) -> None:
    """Print renderables without the trailing spaces Rich leaves where it wraps."""
    with console.capture() as captured:
        for renderable in renderables:
            console.print(renderable)
    console.file.write("\n".join(line.rstrip() for line in captured.get().split("\n")))


def stderr() -> Console:
    """A console on the current stderr; long messages are not broken into lines."""
    return Console(file=sys.stderr, highlight=False, soft_wrap=True)


def error(lines: list[str]) -> None:
    """Print an error, one problem per line, each prefixed ``Error:``."""
    console = stderr()
    for line in lines:
        console.print(Text("Error: ", style="bold red") + Text(line))


def warning(message: str) -> None:
    """Print a warning on stderr."""
    stderr().print(Text("Warning: ", style="bold yellow") + Text(message))


def info(message: str) -> None:
    """Print a plain result line on stdout (not broken into lines)."""
    stdout().print(Text(message), soft_wrap=True)


def write_json(data: Any) -> None:
    """Machine output: sorted keys, two-space indent, UTF-8, the same on a terminal or a pipe."""
    sys.stdout.write(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n")


def write_text(text: str) -> None:
    """Raw text (an export) to stdout, unchanged."""
    sys.stdout.write(text)
    if text and not text.endswith("\n"):
        sys.stdout.write("\n")


# ---------------------------------------------------------------- the tree ---


def _statement_label(G: Any, node: str, quotes: bool, prefix: Text | None = None) -> Text:
    d = G.nodes[node]
    symbol, word, style = KIND_STYLE.get(d["kind"], ("?", d["kind"].upper(), "bold"))
    label = Text()
    if prefix is not None:
        label.append_text(prefix)
    label.append(f"{symbol} {word} ", style=style)
    label.append(node, style="bold")
    label.append(": ")
    label.append(d["text"])
    speaker = d.get("speaker")
    if speaker and speaker != "author":
        label.append(f" [{speaker}]", style="yellow")
    if quotes and d.get("quote"):
        label.append("\n")
        label.append(f"“{d['quote']}”", style="italic dim")
        if d.get("paragraph"):
            label.append(f" ¶{d['paragraph']}", style="dim")
    return label


def _argument_label(G: Any, node: str, quotes: bool) -> Text:
    d = G.nodes[node]
    count = len(d["premises"])
    label = Text()
    label.append("+ ", style="bold blue")
    label.append("linked reason " if count > 1 else "reason ", style="blue")
    label.append(node, style="bold blue")
    if d.get("scheme"):
        label.append(f" ({d['scheme']})", style="dim")
    if count > 1:
        label.append(f": {count} premises together", style="dim")
    if quotes and d.get("quote"):
        label.append("\n")
        label.append(f"“{d['quote']}”", style="italic dim")
        if d.get("paragraph"):
            label.append(f" ¶{d['paragraph']}", style="dim")
    return label


def _attack_prefix(kind: str) -> Text:
    return Text(f"✗ {ATTACK_WORDS[kind]} ", style="bold red")


def support_tree(G: Any, root: str, *, depth: int | None, quotes: bool, shown: set[str]) -> Tree:
    """The tree under one statement: its reasons (arguments with their premises,
    recursively) and the attacks on it and on its reasons, where they bite.

    Each statement is expanded once, at its first appearance in reading order;
    later appearances point back to it. A pre-order walk with an explicit
    stack, so long chains cannot overflow Python's.
    """
    from .graph import arguments_for, attacks_on, is_argument, premises

    holder = Tree("")
    # (parent branch, node, attack type or "", statement level)
    stack: list[tuple[Tree, str, str, int]] = [(holder, root, "", 0)]
    while stack:
        parent, node, attack, level = stack.pop()
        prefix = _attack_prefix(attack) if attack else None
        if is_argument(G, node):
            branch = parent.add(_argument_label(G, node, quotes))
            children = [(p, "") for p in premises(G, node)]
            next_level = level + 1
        elif node in shown:
            label = Text() if prefix is None else prefix
            label.append(f"↑ {node}", style="bold")
            label.append(" (shown above)", style="dim")
            parent.add(label)
            continue
        else:
            shown.add(node)
            branch = parent.add(_statement_label(G, node, quotes, prefix))
            if depth is not None and level >= depth:
                continue
            children = [(a, "") for a in arguments_for(G, node)]
            next_level = level
        children += [(attacker, kind) for attacker, kind, _ in attacks_on(G, node)]
        for child, kind in reversed(children):
            stack.append((branch, child, kind, next_level if not kind else level + 1))
    return holder.children[0]


def show_map(G: Any, *, focus: str | None = None, depth: int | None = None, quotes: bool = False) -> None:
    """Print the map as trees: each proposal with everything for and against it,
    then whatever no proposal reaches (so nothing is dropped)."""
    from .graph import statements

    console = stdout()
    shown: set[str] = set()
    if focus is not None:
        emit(console, support_tree(G, focus, depth=depth, quotes=quotes, shown=shown))
        return
    parts: list[Any] = [Text(G.graph["title"], style="bold underline")]
    source = G.graph.get("source") or {}
    if source.get("title") or source.get("file"):
        parts.append(Text(f"source: {source.get('title') or ''} ({source.get('file', '')})".replace(" ()", ""),
                          style="dim"))
    parts.append(Text())
    for p in statements(G, "proposal"):
        if p not in shown:
            parts += [support_tree(G, p, depth=depth, quotes=quotes, shown=shown), Text()]
    rest = [n for n in statements(G) if n not in shown]
    if rest:
        parts += [Text("Not under any proposal", style="bold underline"), Text()]
        # the tops of their own chains first: statements that support or attack nothing
        active = {n for n in rest if any(t != "conclusion" for _, _, t in G.out_edges(n, data="type"))}
        for n in [n for n in rest if n not in active] + rest:
            if n not in shown:
                parts += [support_tree(G, n, depth=depth, quotes=quotes, shown=shown), Text()]
    parts.append(Text(summary(G), style="dim"))
    emit(console, *parts)


def summary(G: Any) -> str:
    """``N statements (a proposals, b claims, c premises), M arguments, K attacks``."""
    from collections import Counter

    kinds = Counter(k for _, k in G.nodes(data="kind"))
    n_statements = sum(v for k, v in kinds.items() if k != "argument")
    parts = ", ".join(plural(kinds.get(k, 0), k) for k in ("proposal", "claim", "premise"))
    attacks = sum(1 for _, _, t in G.edges(data="type") if t in ATTACK_WORDS)
    return (f"{plural(n_statements, 'statement')} ({parts}), "
            f"{plural(kinds.get('argument', 0), 'argument')}, {plural(attacks, 'attack')}")


def plural(count: int, noun: str) -> str:
    """``1 claim``, ``2 claims``."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


# ----------------------------------------------------------------- tables ---


def statement_table(rows: list[dict[str, Any]]) -> None:
    """Statements as a table (id, kind, paragraph, speaker, text); on a terminal
    narrower than 120 columns, as entries of two lines so no text is squeezed."""
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
            table.add_row(Text(r["id"]), Text(r["kind"], style=style), str(r.get("paragraph") or ""),
                          Text(r.get("speaker") or ""), Text(r["text"]))
        emit(console, table, Text(plural(len(rows), "statement"), style="dim"))
        return
    parts: list[Any] = []
    for r in rows:
        symbol, _, style = KIND_STYLE.get(r["kind"], ("?", "", ""))
        head = Text(f"{symbol} ", style=style) + Text(r["id"], style="bold") + Text("  ")
        details = [r["kind"]] + ([f"¶{r['paragraph']}"] if r.get("paragraph") else [])
        details += [r["speaker"]] if r.get("speaker") else []
        head.append(" · ".join(details), style="dim")
        parts += [head, Padding(Text(r["text"]), (0, 0, 0, 4), expand=False)]
    emit(console, *parts, Text(plural(len(rows), "statement"), style="dim"))


# ------------------------------------------------------- export (issue 4) ---


def write_export(data: str | bytes) -> None:
    """An export to stdout: text as it is (UTF-8), bytes unchanged."""
    if isinstance(data, str):
        write_text(data)
        return
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def wrote(path: str, fmt: str, size: int) -> None:
    """Say on stderr what an export wrote (stdout stays free for data)."""
    kb = f"{size / 1024:.0f} kB" if size >= 1024 else f"{size} bytes"
    stderr().print(Text(f"Wrote {path} ({fmt}, {kb}).", style="dim"))
