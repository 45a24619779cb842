"""Everything argmap prints: trees and tables for people, JSON for scripts, and
messages on stderr. The one place that prints.

Consoles are made per call so that they follow whatever ``sys.stdout`` is at
that moment (a terminal, a pipe, a test runner), and Rich honours ``NO_COLOR``.
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any

from rich.console import Console, RenderHook
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


#: what a terminal acts on instead of showing: C0 controls but line breaks and
#: tabs, DEL and C1 controls (escape sequences start with them)
_TERMINAL_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _stand_in(match: re.Match) -> str:
    code = ord(match.group())
    return chr(0x2400 + code) if code < 0x20 else "\u2421" if code == 0x7F else "\ufffd"


def harmless(text: str) -> str:
    r"""Text from a map as a terminal may receive it: each control character is
    replaced by a visible stand-in (``␛`` for escape), so a map's text can
    neither clear the screen, set the window title or clipboard, nor hide words.

    >>> harmless("a\x1b[2Jb\tc\x9b")
    'a␛[2Jb\tc�'
    """
    return _TERMINAL_CONTROL.sub(_stand_in, text) if _TERMINAL_CONTROL.search(text) else text


class _Harmless:
    """Whatever a renderable draws, with :func:`harmless` text (Rich's own
    escapes for colours come later, from the styles, and are untouched)."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def __rich_console__(self, console: Console, options: Any) -> Any:
        from rich.segment import Segment

        for segment in console.render(self.inner, options):
            if segment.control or not _TERMINAL_CONTROL.search(segment.text):
                yield segment
            else:
                yield Segment(harmless(segment.text), segment.style)


class _HarmlessHook(RenderHook):
    def process_renderables(self, renderables: list[Any]) -> list[Any]:
        return [_Harmless(r) for r in renderables]


def stdout() -> Console:
    """A console on the current stdout (80 columns when it is not a terminal)."""
    console = Console(file=sys.stdout, highlight=False, soft_wrap=False)
    console.push_render_hook(_HarmlessHook())
    return console


def emit(console: Console, *renderables: Any) -> None:
    """Print renderables without the trailing spaces Rich leaves where it wraps."""
    with console.capture() as captured:
        for renderable in renderables:
            console.print(renderable)
    console.file.write("\n".join(line.rstrip() for line in captured.get().split("\n")))


def stderr() -> Console:
    """A console on the current stderr; long messages are not broken into lines."""
    return Console(file=sys.stderr, highlight=False, soft_wrap=True)


#: what a message shows escaped: control characters (line breaks, escape
#: sequences) and the invisible marks that reorder or split a line
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def one_line(message: str) -> str:
    """A message made safe to print as one line: text quoted from a file can
    neither break it into several (faking another message) nor send the
    terminal escape sequences; such characters are shown as Python escapes.

    >>> print(one_line("id 'a\\nError: fake' has \\x1b[2J"))
    id 'a\\nError: fake' has \\x1b[2J
    """
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), message)


def error(lines: list[str]) -> None:
    """Print an error, one problem per line, each prefixed ``Error:``."""
    console = stderr()
    for line in lines:
        console.print(Text("Error: ", style="bold red") + Text(one_line(line)))


def warning(message: str) -> None:
    """Print a warning on stderr."""
    stderr().print(Text("Warning: ", style="bold yellow") + Text(one_line(message)))


def info(message: str) -> None:
    """Print a plain result line on stdout (not broken into lines)."""
    stdout().print(Text(one_line(message)), soft_wrap=True)


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
    if quotes:
        _append_quote(label, d)
    return label


def _append_quote(label: Text, d: dict) -> None:
    """The item's quote and paragraph on a line of their own, when it has a quote."""
    if d.get("quote"):
        label.append("\n")
        label.append(f"“{d['quote']}”", style="italic dim")
        if d.get("paragraph"):
            label.append(f" ¶{d['paragraph']}", style="dim")


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
    if quotes:
        _append_quote(label, d)
    return label


def _attack_prefix(kind: str) -> Text:
    return Text(f"✗ {ATTACK_WORDS[kind]} ", style="bold red")


def _means_label(G: Any, node: str, quotes: bool, goal: str) -> Text:
    """``→ means arg-id (scheme)``: a goal-to-means argument under its goal."""
    d = G.nodes[node]
    others = sum(1 for p in d["premises"] if p != goal and p in G)
    label = Text()
    label.append("→ means ", style="bold magenta")
    label.append(node, style="bold magenta")
    if d.get("scheme"):
        label.append(f" ({d['scheme']})", style="dim")
    if others:
        label.append(f": with {plural(others, 'more premise')}", style="dim")
    if quotes:
        _append_quote(label, d)
    return label


#: what a child is to the line above it in a tree: a reason (or a premise of one),
#: an attack, a goal-to-means argument under its goal, a co-premise of such an
#: argument, or (at a tree's root only) a goal that the root serves
REASON, MEANS, WITH, SERVES = "", "means", "with", "serves"


def support_tree(
    G: Any, root: str, *, depth: int | None, quotes: bool, shown: set[str], labels: dict[str, str] | None = None
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
    from .graph import arguments_for, attacks_on, conclusion, goals_of, is_argument, is_means_step, means_of, premises

    holder = Tree("")
    # (parent branch, node, role: REASON, MEANS, WITH, SERVES or an attack type, statement level,
    # for a MEANS argument the goal it hangs under, for a SERVES goal the argument that makes it one)
    stack: list[tuple[Tree, str, str, int, str]] = [(holder, root, REASON, 0, "")]
    while stack:
        parent, node, role, level, goal = stack.pop()
        prefix = _attack_prefix(role) if role in ATTACK_WORDS else Text("with ", style="dim") if role == WITH else None
        if labels is not None:  # `show --evaluate`: the node's label, before it
            prefix = (prefix or Text()) + label_mark(labels.get(node, "undec"))
        if role == SERVES:  # ``goal`` holds the goal-to-means argument here
            label = Text("↗ a means to ", style="bold magenta") + _statement_label(G, node, False, prefix)
            label.append(f" (through {goal})", style="dim")
            if quotes:
                _append_quote(label, G.nodes[goal])
            parent.add(label)
            continue
        if is_argument(G, node):
            if role == MEANS:
                branch = parent.add((prefix or Text()) + _means_label(G, node, quotes, goal))
                children = [(p, WITH) for p in premises(G, node) if p != goal] + [(conclusion(G, node), REASON)]
            else:
                branch = parent.add((prefix or Text()) + _argument_label(G, node, quotes))
                children = [(p, REASON) for p in premises(G, node)]
            children += [(attacker, kind) for attacker, kind, _ in attacks_on(G, node)]
            stack += [(branch, child, kind, level + 1, "") for child, kind in reversed(children)]
            continue
        if node in shown:
            label = Text() if prefix is None else prefix
            label.append(f"↑ {node}", style="bold")
            label.append(" (shown above)", style="dim")
            parent.add(label)
            continue
        shown.add(node)
        branch = parent.add(_statement_label(G, node, quotes, prefix))
        children = []
        if node == root:  # the goals the root serves: its tree holds them nowhere else
            children += [(g, SERVES, a) for a in goals_of(G, node) for g in premises(G, a)
                         if G.nodes[g]["kind"] == "proposal"]
        if depth is None or level < depth:
            children += [(a, REASON, node) for a in arguments_for(G, node) if not is_means_step(G, a)]
            children += [(attacker, kind, node) for attacker, kind, _ in attacks_on(G, node)]
            children += [(a, MEANS, node) for a in means_of(G, node)]
        # an argument stays on its conclusion's level (its premises are one down)
        stack += [(branch, child, kind, level if kind in (REASON, MEANS) else level + 1, goal)
                  for child, kind, goal in reversed(children)]
    return holder.children[0]


def show_map(
    G: Any, *, focus: str | None = None, depth: int | None = None, quotes: bool = False,
    labels: dict[str, str] | None = None,
) -> None:
    """Print the map as trees read from goal to means: one per proposal that
    serves no other (each with everything for and against it and the proposals
    that serve it), then whatever no proposal reaches (so nothing is dropped).
    With ``labels`` (id -> in/out/undec), each node is marked with its label."""
    from .graph import goals_of, statements

    console = stdout()
    shown: set[str] = set()
    tree_options = {"depth": depth, "quotes": quotes, "shown": shown, "labels": labels}
    if focus is not None:
        emit(console, support_tree(G, focus, **tree_options))
        return
    parts: list[Any] = [Text(G.graph["title"], style="bold underline")]
    source = G.graph.get("source") or {}
    if source.get("title") or source.get("file"):
        parts.append(Text(f"source: {source.get('title') or ''} ({source.get('file', '')})".replace(" ()", ""),
                          style="dim"))
    parts.append(Text())
    proposals = statements(G, "proposal")
    roots = [p for p in proposals if not goals_of(G, p)]
    below = _means_below(G, roots, set())  # under a root, even where --depth hides it
    for p in roots + proposals:  # then what only circles of means reach
        if p not in shown and (p not in below or p in roots):
            parts += [support_tree(G, p, **tree_options), Text()]
            _means_below(G, [p], below)
    # what a tree holds (below --depth too) is under it, even where the cut hides it
    covered = _upstream(G, proposals) | shown
    rest = [n for n in statements(G) if n not in covered]
    if rest:
        parts += [Text("Not under any proposal", style="bold underline"), Text()]
        # the tops of their own chains first: statements that support or attack nothing
        active = {n for n in rest if any(t != "conclusion" for _, _, t in G.out_edges(n, data="type"))}
        for n in [n for n in rest if n not in active] + rest:
            if n not in covered:
                parts += [support_tree(G, n, **tree_options), Text()]
                covered |= _upstream(G, [n]) | shown
    parts.append(Text(summary(G), style="dim"))
    emit(console, *parts)


def _means_below(G: Any, goals: list[str], seen: set[str]) -> set[str]:
    """``seen`` with the goals and every proposal that serves them, directly or
    through other means, added (what is in ``seen`` already is not walked again)."""
    from .graph import conclusion, means_of

    stack = [g for g in goals if g not in seen]
    seen.update(stack)
    while stack:
        for a in means_of(G, stack.pop()):
            if (c := conclusion(G, a)) not in seen:
                seen.add(c)
                stack.append(c)
    return seen


def _upstream(G: Any, roots: list[str]) -> set[str]:
    """Everything a tree rooted at ``roots`` can reach: reasons, premises and
    attackers, recursively (what ``support_tree`` walks, without a depth cut)."""
    seen = set(roots)
    stack = list(roots)
    while stack:
        for parent in G.pred[stack.pop()]:
            if parent not in seen:
                seen.add(parent)
                stack.append(parent)
    return seen


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
    stderr().print(Text(one_line(f"Wrote {path} ({fmt}, {kb})."), style="dim"))


# =========================================================== queries (issue 3) ===
# Views for `argmap supports`, `attacks`, `path`, `find` and `stats`. Each takes
# the plain data argmap.query returns (and the graph, for labels).

EDGE_WORDS = {
    "premise": "premise of",
    "conclusion": "concludes",
    "rebut": "rebuts",
    "undermine": "undermines",
    "undercut": "undercuts",
}
GROUP_WORDS = {"rebut": "rebutted by", "undermine": "undermined by", "undercut": "undercut by"}
#: Entries a `supports` tree shows before it stops (no one reads further; Rich would take minutes),
#: and supporters listed with their several chains.
MAX_TREE_ENTRIES = 3000
MAX_LISTED = 20


def _node_label(G: Any, node: str) -> Text:
    if G.nodes[node]["kind"] == "argument":
        return _argument_label(G, node, False)
    return _statement_label(G, node, False)


def _short_label(G: Any, node: str, kind: str | None = None) -> Text:
    """``○ PREMISE id`` (or ``+ ARGUMENT id``) without the text."""
    kind = kind or G.nodes[node]["kind"]
    if kind == "argument":
        return Text.assemble(("+ ARGUMENT ", "bold blue"), (node, "bold blue"))
    symbol, word, style = KIND_STYLE.get(kind, ("?", kind.upper(), "bold"))
    return Text.assemble((f"{symbol} {word} ", style), (node, "bold"))


def _chain_text(chain: list[str], G: Any, *, arguments: bool = True) -> Text:
    """``a → arg → b → ...``: with ``arguments`` their ids (dimmed), else only
    the statements."""
    out = Text()
    for node in chain:
        is_arg = G.nodes[node]["kind"] == "argument"
        if is_arg and not arguments:
            continue
        if out:
            out.append(" → ", style="dim")
        out.append(node, style="dim" if is_arg else "")
    return out


def supports_view(G: Any, report: dict[str, Any]) -> None:
    """``argmap supports``: a tree rooted at the target. Under each statement,
    the arguments for it (co-premises of a linked argument together, as one
    reason) and under each argument its premises, recursively. A statement is
    expanded once, where its shortest chain puts it; elsewhere a line points
    to it. A footer counts supporters and lists those with several chains."""
    from rich.padding import Padding

    from .graph import arguments_for, premises

    target = report["target"]["id"]
    rows = {r["id"]: r for r in report["supporters"]}
    home = {r["id"]: r["paths"][0][1] for r in rows.values()}
    limit = report.get("depth")

    root = Tree(_node_label(G, target))
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
            root.add(Text(f"… the tree stops here, after {MAX_TREE_ENTRIES} entries: --depth N shows "
                          f"fewer levels, --json lists every supporter.", style="bold"))
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
                parent.add(Text.assemble(("↺ ", "bold yellow"), _short_label(G, node),
                                         (" (a cycle: it is on this chain)", "dim")))
            else:
                holder = parent.add(_argument_label(G, node, False))
                stack += [(holder, p, node, above) for p in reversed(premises(G, node))]
            continue
        if _on_line(above, node):
            parent.add(Text.assemble(("↺ ", "bold yellow"), _short_label(G, node),
                                     (" (a cycle: it is on this chain)", "dim")))
        elif node in expanded or home.get(node) != via:
            where = "above" if node in expanded else "below"
            parent.add(Text.assemble(("↳ ", "dim"), _statement_label(G, node, False), (f" (see {where})", "dim")))
        else:
            expanded.add(node)
            stack.append((parent.add(_statement_label(G, node, False)), node, None, above))

    console = stdout()
    emit(console, root)
    console.print()
    supporters = report["supporters"]
    if not supporters:
        emit(console, Text(f"Nothing in the map supports {target}.", style="dim"))
        return
    direct = sum(1 for r in supporters if r["depth"] == 1)
    deepest = max(r["depth"] for r in supporters)
    summary_line = (f"{plural(len(supporters), 'supporter')}: {direct} direct, {len(supporters) - direct} "
                    f"indirect; the farthest is {plural(deepest, 'step')} away.")
    emit(console, Text(summary_line, style="dim"))
    several = [r for r in supporters if len(r["paths"]) > 1]
    if several:
        console.print()
        emit(console, Text("Supporting through more than one chain:", style="bold"))
        for r in several[:MAX_LISTED]:
            emit(console, Text.assemble("  ", _short_label(G, r["id"])))
            for chain in r["paths"]:
                emit(console, Padding(_chain_text(chain, G), (0, 0, 0, 4)))
        if len(several) > MAX_LISTED:
            emit(console, Text(f"  … and {len(several) - MAX_LISTED} more (--json lists them all).",
                                         style="dim"))
    if any(r["more_paths"] for r in supporters):
        emit(console, Text(f"Some supporters have more chains than the {report['paths_limit']} listed "
                                     f"(--paths N lists more).", style="dim"))


def attacks_view(G: Any, report: dict[str, Any]) -> None:
    """``argmap attacks``: the target, then its attackers grouped by type; for an
    attack on something the target rests on, what it hits and the chain from
    there to the target."""
    target = report["target"]["id"]
    root = Tree(_node_label(G, target))
    for kind, word in GROUP_WORDS.items():
        group = [r for r in report["attackers"] if r["type"] == kind]
        if not group:
            continue
        branch = root.add(Text(f"✗ {word} ({len(group)})", style="bold red"))
        for r in group:
            leaf = branch.add(_statement_label(G, r["id"], False))
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


def _attack_where(G: Any, r: dict[str, Any]) -> Text:
    """Where an attack bites, for one attacker row: ``att-x on arg-y (p + q → c)``
    for an undercut, ``att-x on p, 2 steps down: p → c → target`` otherwise."""
    from .graph import conclusion, premises

    on = r["on"]
    out = Text.assemble((f"{r['attack']} on ", "dim"), (on, "bold"))
    if G.nodes[on]["kind"] == "argument":
        out.append(f" ({' + '.join(premises(G, on))} → {conclusion(G, on)})", style="dim")
        rest = r["path"][3:]  # attacker, argument, its conclusion, ...
        if rest:
            out.append(", then: ", style="dim")
            out.append_text(_chain_text(r["path"][2:], G, arguments=False))
        return out
    out.append(f", {plural(r['depth'], 'step')} down: ", style="dim")
    out.append_text(_chain_text(r["path"][1:], G, arguments=False))
    return out


def path_view(G: Any, report: dict[str, Any]) -> None:
    """``argmap path``: each chain from FROM to TO, one step per line."""
    from rich.table import Table

    source, target = report["from"]["id"], report["to"]["id"]
    console = stdout()
    found = report["paths"]
    if not found:
        emit(console, Text(f"No chain of support or attack leads from {source} to {target}.", style="bold"))
        emit(console, Text(f"Chains follow edges towards what a statement supports or attacks; "
                           f"try `argmap path {target} {source}`.", style="dim"))
        return
    for number, chain in enumerate(found, 1):
        if number > 1:
            console.print()
        emit(console, Text(f"Chain {number}: {plural(chain['length'], 'link')}", style="bold underline"))
        grid = Table.grid(padding=(0, 1))
        grid.add_column(justify="right", no_wrap=True)
        grid.add_column(overflow="fold")
        grid.add_row("", _node_label(G, chain["nodes"][0]))
        for edge, node in zip(chain["edges"], chain["nodes"][1:]):
            style = "bold red" if edge in GROUP_WORDS else "blue"
            grid.add_row(Text(EDGE_WORDS[edge], style=style), _node_label(G, node))
        emit(console, grid)
    if report["more_paths"]:
        limit = report["paths_limit"]
        emit(console, Text(f"More chains exist than the {limit} shown (--paths N lists more).",
                                     style="dim"))


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
            label = _short_label(G=None, node=r["id"], kind=r["kind"])
        words = r["text"] or (f"“{r['quote']}”" if r["quote"] else "")
        if words:
            label.append(": " + words)
        where = f"¶{r['paragraph']} · " if r.get("paragraph") else ""
        label.append(f"\n  {where}matched in {', '.join(r['matched'])}", style="dim")
        grid.add_row(label)
    emit(console, grid)
    emit(console, Text(f"{len(rows)} {'match' if len(rows) == 1 else 'matches'}", style="dim"))


def stats_view(G: Any, report: dict[str, Any]) -> None:
    """``argmap stats``: counts as a two-column list, then the longest chain and
    the unsupported proposals and claims."""
    from rich.table import Table

    statements, arguments, attacks = report["statements"], report["arguments"], report["attacks"]
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    kinds = ", ".join(plural(n, k) for k, n in statements["by_kind"].items())
    grid.add_row("statements", f"{statements['total']}: {kinds}")
    grid.add_row("by speaker", ", ".join(f"{s} {n}" for s, n in statements["by_speaker"].items()))
    grid.add_row("arguments", f"{arguments['total']}: {arguments['linked']} linked, "
                              f"{arguments['single_premise']} single-premise")
    grid.add_row("attacks", f"{attacks['total']}: " + ", ".join(f"{n} {t}" for t, n in attacks["by_type"].items()))
    chain = report["longest_chain"]
    if chain["length"]:
        note = "" if chain["exact"] else " (the map has support cycles: the longest found without going round them)"
        grid.add_row("longest chain", Text.assemble(f"{plural(chain['length'], 'step')}{note}: ",
                                                    _chain_text(chain["path"], G, arguments=False)))
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
# ============================================================ analysis views ===
# check, evaluate (and `show --evaluate` marks), critical, rank, diff.

LABEL_STYLE = {"in": ("IN", "bold green"), "out": ("OUT", "bold red"), "undec": ("UNDEC", "bold yellow")}
SEVERITY_STYLE = {"error": ("✗", "bold red"), "warning": ("!", "bold yellow"), "info": ("i", "cyan")}


def label_mark(label: str) -> Text:
    """``[IN] `` / ``[OUT] `` / ``[UNDEC] ``, coloured; the word carries the meaning."""
    word, style = LABEL_STYLE.get(label, (label.upper(), "bold"))
    return Text(f"[{word}] ", style=style)


def _grid(first: int = 0) -> Any:
    """Two columns: a short one that never wraps (at least ``first`` wide), and text."""
    from rich.table import Table

    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True, min_width=first)
    table.add_column(ratio=1)
    return table


Segments = list  # [(text, style)], style "" for plain


def _rows(console: Console, rows: list[tuple[Segments, Segments, str]], first: int = 0) -> list[str]:
    """Lines of a two-column layout, fast enough for 100,000 rows: each row is
    (first column, head, rest); the head (an id: short) starts the second
    column and is styled, the rest is plain text wrapped under it. Wrapping is
    by words like Rich's; colour is written only when the console has it."""
    from rich.cells import cell_len as rich_cell_len
    from rich.style import Style

    def cell_len(text: str) -> int:
        return len(text) if text.isascii() else rich_cell_len(text)

    color = console.color_system
    styles: dict[str, Style] = {}

    def paint(segments: Segments) -> str:
        if color is None:
            return "".join(text for text, _ in segments)
        out = []
        for text, style in segments:
            if style:
                if style not in styles:  # NO_COLOR keeps bold and dim, like Rich
                    parsed = Style.parse(style)
                    styles[style] = parsed.without_color if console.no_color else parsed
                out.append(styles[style].render(text, color_system=color))
            else:
                out.append(text)
        return "".join(out)

    width = max([first] + [sum(cell_len(t) for t, _ in f) for f, _, _ in rows]) + 1
    room = max(console.width - width, 20)
    lines: list[str] = []
    for lead, head, rest in rows:
        lead = [(harmless(t), style) for t, style in lead]
        head = [(harmless(t), style) for t, style in head]
        rest = harmless(rest)
        head_text = "".join(t for t, _ in head)
        body = head_text + rest
        if cell_len(body) == len(body):
            wrapped = _wrap(body, room)
        else:  # wide characters: let Rich measure cells
            wrapped = [line.plain.rstrip() for line in Text(body).wrap(console, room)]
        pad = " " * (width - sum(cell_len(t) for t, _ in lead))
        first_line = wrapped[0]
        if first_line.startswith(head_text):
            first_line = paint(head) + first_line[len(head_text):]
        lines.append(paint(lead) + pad + first_line)
        lines.extend(" " * width + line for line in wrapped[1:])
    return lines


def _wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap (like Rich's for one-cell characters): break at the last
    space that fits; a word longer than the line stays whole."""
    text = " ".join(text.split())
    lines = []
    while len(text) > width:
        cut = text.rfind(" ", 0, width + 1)
        if cut <= 0:
            cut = text.find(" ", width)
            if cut < 0:
                break
        lines.append(text[:cut])
        text = text[cut + 1:]
    lines.append(text)
    return lines


def _write(console: Console, lines: list[str]) -> None:
    console.file.write("".join(line.rstrip() + "\n" for line in lines))


def _plain(console: Console, text: Text) -> list[str]:
    """A short Rich text rendered to lines (headings, tallies)."""
    with console.capture() as captured:
        console.print(text)
    return captured.get().rstrip("\n").split("\n")


def findings(items: list[Any]) -> None:
    """Lint findings, errors first, one entry each, then the counts."""
    from .lint import SEVERITIES

    console = stdout()
    rows = []
    for f in items:
        symbol, style = SEVERITY_STYLE[f.severity]
        rows.append(([(f"{symbol} {f.severity:<7}", style)], [(f.code, "bold")], f": {f.message}"))
    counts = {s: sum(1 for f in items if f.severity == s) for s in SEVERITIES}
    words = {"error": "error", "warning": "warning", "info": "note"}
    tally = ", ".join(plural(counts[s], words[s]) for s in SEVERITIES) if items else "No findings."
    _write(console, _rows(console, rows) + _plain(console, Text(tally, style="dim")))


def evaluation(G: Any, ev: Any) -> None:
    """Every statement (by kind) and argument with its label, and the counts."""
    from .graph import ARGUMENT, statements

    console = stdout()
    count = ev.count
    noun = "labelling" if count == 1 else "labellings"
    af = ev.framework
    head = [Text(f"{ev.semantics.capitalize()} semantics: {G.graph['title']}", style="bold underline"),
            Text(f"{count:,} {ev.semantics} {noun}; framework of {len(af):,} nodes and "
                 f"{len(af.attacks):,} attacks (see README: How evaluate works)", style="dim")]
    if count == 0:
        head += [Text(), Text(f"There is no {ev.semantics} labelling: some odd cycle of attacks cannot be "
                              "settled. Try --semantics preferred or grounded.")]
    elif count > 1:
        head.append(Text("A node marked IN|OUT (etc.) takes different labels in different labellings; "
                         "it is IN only if IN in all.", style="dim"))
    lines = [line for text in head for line in _plain(console, text)]
    if count == 0:
        _write(console, lines)
        return
    groups = [(f"{k.capitalize()}s", statements(G, k)) for k in ("proposal", "claim", "premise")]
    groups.append(("Arguments", [n for n, k in G.nodes(data="kind") if k == ARGUMENT]))
    for title, nodes in groups:
        if not nodes:
            continue
        labels = {n: ev.statuses(n) for n in nodes}
        tally = {x: sum(1 for n in nodes if ev.label(n) == x) for x in ("in", "out", "undec")}
        lines += [""] + _plain(console, Text(title, style="bold") + Text(
            f": {tally['in']} in, {tally['out']} out, {tally['undec']} undecided", style="dim"))
        rows = []
        for n in nodes:
            d = G.nodes[n]
            rest = f" → {d['conclusion']}" if d["kind"] == ARGUMENT else f": {d['text']}"
            rows.append((_mark_segments(labels[n]), [(n, "bold")], rest))
        lines += _rows(console, rows, first=7)
    _write(console, lines)


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


_RELATION_STYLE = {"rebutted by": "bold red", "undermined by": "bold red", "undercut by": "bold red"}


def explanation(G: Any, ev: Any, node: str, trees: list[dict[str, Any]]) -> None:
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


def _reason_tree(G: Any, root: dict[str, Any]) -> Tree:
    holder = Tree("")
    stack = [(holder, root)]
    while stack:
        parent, item = stack.pop()
        prefix = Text()
        if item.get("relation") and item["relation"] != "reason":  # an argument says "reason" itself
            relation = item["relation"]
            prefix.append(f"{'✗ ' if relation in _RELATION_STYLE else ''}{relation} ",
                          style=_RELATION_STYLE.get(relation, "blue"))
        prefix.append_text(label_mark(item["label"]))
        n = item["id"]
        if G.nodes[n]["kind"] == "argument":
            label = prefix + _argument_label(G, n, False)
        else:
            label = _statement_label(G, n, False, prefix)
        if item.get("note"):
            label.append(f"\n{item['note']}", style="dim italic")
        branch = parent.add(label)
        stack.extend((branch, child) for child in reversed(item["because"]))
    return holder.children[0]


CUTS_SHOWN = 10


def critical(G: Any, result: Any, max_size: int) -> None:
    """The smallest sets of grounds whose loss leaves a statement unsupported."""
    console = stdout()
    n = result.id
    parts: list[Any] = [_statement_label(G, n, False) if G.nodes[n]["kind"] != "argument"
                        else _argument_label(G, n, False)]
    grounds = len(result.grounds)
    if result.size == 0:
        parts.append(Text("It has no support that does not go round in a circle: it stands on nothing "
                          "(see argmap check)."))
        emit(console, *parts)
        return
    if result.cuts == [[n]]:
        parts.append(Text("No argument concludes it: it is a ground itself, and only its own loss "
                          "leaves it unsupported."))
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
        parts += [Text(f"Losing {result.size} grounds together leaves it with no support; "
                       f"{plural(sets, 'smallest set')}{many}:", style="bold")]
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


def ranking(rows: list[dict[str, Any]]) -> None:
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
    lines += _rows(console, table)
    lines += _plain(console, Text(f"{plural(len(rows), 'statement')}; proposals: how many proposals rest on it; "
                                  "centrality: its expected uses in their support (see README)", style="dim"))
    _write(console, lines)


def paint_line(console: Console, segments: Segments) -> str:
    """One line of styled segments (no wrapping)."""
    return _rows(console, [([], segments, "")])[0].lstrip()


def differences(d: dict[str, Any], old: str, new: str) -> None:
    """What changed between two maps, section by section."""
    from .diff import SECTIONS, counts

    console = stdout()
    if d["identical"]:
        emit(console, Text("No differences.", style="dim"))
        return
    lines = [paint_line(console, [(f"--- {old}", "red")]), paint_line(console, [(f"+++ {new}", "green")])]
    for key, change in d["map"].items():
        lines.append(paint_line(console, [(f"~ map {key}: {_short(change['old'])} → {_short(change['new'])}",
                                           "yellow")]))
    for section in SECTIONS:
        part = d[section]
        if not any(part.values()):
            continue
        lines += ["", paint_line(console, [(section, "bold"), (
            f": {len(part['added'])} added, {len(part['removed'])} removed, {len(part['changed'])} changed",
            "dim")])]
        rows: list[tuple[Segments, Segments, str]] = []
        for sign, style, key in (("+", "green", "added"), ("-", "red", "removed")):
            rows += [([(sign, style)], [(item["id"], "bold")], f" {_describe(item)}") for item in part[key]]
        for item in part["changed"]:
            rows.append(([("~", "yellow")], [(item["id"], "bold")], ""))
            rows += [([], [], f"{field}: {_short(change['old'])} → {_short(change['new'])}")
                     for field, change in item["changes"].items()]
        lines += _rows(console, rows)
    if d["labels"]:
        lines += ["", paint_line(console, [("Proposals whose grounded label changed", "bold")])]
        lines += _rows(console, [
            ([("~", "yellow")], [(row["id"], "bold"), (": ", ""), *_mark_segments([row["old"] or "undec"]),
                                 (" → ", ""), *_mark_segments([row["new"] or "undec"])], "")
            for row in d["labels"]])
    c = counts(d)
    lines += ["", paint_line(console, [(f"{c['added']} added, {c['removed']} removed, {c['changed']} changed; "
                                        f"{plural(c['labels'], 'proposal label')} changed", "dim")])]
    _write(console, lines)


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
