"""How statements, arguments and labels read in every terminal view: a symbol
and a word per kind, the id, the text, the speaker, and on request the quote.
Colour is only decoration: the symbols and words carry the meaning.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from ..graph import speaker_name
from ..terms import ATTACKED_BY, plural

if TYPE_CHECKING:
    from ..graph import Graph


KIND_STYLE = {
    "proposal": ("◆", "PROPOSAL", "bold magenta"),
    "claim": ("●", "CLAIM", "bold cyan"),
    "premise": ("○", "PREMISE", "green"),
}


LABEL_STYLE = {"in": ("IN", "bold green"), "out": ("OUT", "bold red"), "undec": ("UNDEC", "bold yellow")}


def statement_label(G: Graph, node: str, quotes: bool, prefix: Text | None = None) -> Text:
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
        label.append(f" [{speaker_name(G, speaker)}]", style="yellow")
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


def argument_label(G: Graph, node: str, quotes: bool) -> Text:
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


def means_label(G: Graph, node: str, quotes: bool, goal: str) -> Text:
    """``→ means arg-id (scheme)``: a goal-to-means argument, under its goal."""
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


def serves_label(G: Graph, goal: str, argument: str, quotes: bool, prefix: Text | None = None) -> Text:
    """``↗ a means to ◆ PROPOSAL goal: ... (through arg-id)``: a goal the root of a tree serves."""
    label = Text("↗ a means to ", style="bold magenta") + statement_label(G, goal, False, prefix)
    label.append(f" (through {argument})", style="dim")
    if quotes:
        _append_quote(label, G.nodes[argument])
    return label


def attack_prefix(kind: str) -> Text:
    return Text(f"✗ {ATTACKED_BY[kind]} ", style="bold red")


def node_label(G: Graph, node: str) -> Text:
    if G.nodes[node]["kind"] == "argument":
        return argument_label(G, node, False)
    return statement_label(G, node, False)


def short_label(G: Graph, node: str, kind: str | None = None) -> Text:
    """``○ PREMISE id`` (or ``+ ARGUMENT id``) without the text."""
    kind = kind or G.nodes[node]["kind"]
    if kind == "argument":
        return Text.assemble(("+ ARGUMENT ", "bold blue"), (node, "bold blue"))
    symbol, word, style = KIND_STYLE.get(kind, ("?", kind.upper(), "bold"))
    return Text.assemble((f"{symbol} {word} ", style), (node, "bold"))


def chain_text(chain: list[str], G: Graph, *, arguments: bool = True) -> Text:
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


def label_mark(label: str) -> Text:
    """``[IN] `` / ``[OUT] `` / ``[UNDEC] ``, coloured; the word carries the meaning."""
    word, style = LABEL_STYLE.get(label, (label.upper(), "bold"))
    return Text(f"[{word}] ", style=style)
