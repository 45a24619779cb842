"""The map as a Graphviz DOT diagram, for reports (``dot -Tsvg``) and editors.

Proposals sit on top, on one rank; reasons point up to what they support.
Every label is an HTML-like label with its text escaped, so quotes,
backslashes, ``<>{}|``, newlines, emoji or right-to-left text cannot break
the DOT. Output depends on the map only (map order, no hashing), so the same
map always gives the same bytes.

>>> from argmap.graph import _demo
>>> text = dumps(_demo())
>>> text.splitlines()[0]
'digraph "argmap" {'
>>> '"x" -> "a"' in text
True
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..terms import ARGUMENT
from .diagram import (
    ATTACK_LOOKS,
    KIND_LOOKS,
    SUPPORT_LOOK,
    attacks,
    clean,
    drawn_arguments,
    header,
    quote_lines,
    supports,
    wrap,
)
from . import ExportOptions

if TYPE_CHECKING:
    from ..graph import Graph

FONT = "Helvetica"

# Line styles that still tell the attacks apart in greyscale; each attack line
# also carries its word ("rebuts", ...).
ATTACK_STYLE = {
    "rebut": 'style="dashed", penwidth=2.0, arrowhead="tee"',
    "undermine": 'style="dotted", penwidth=2.2, arrowhead="tee"',
    "undercut": 'style="dashed", penwidth=2.8, arrowhead="tee"',
}


def html(text: str) -> str:
    r"""Text escaped for a Graphviz HTML-like label.

    Graphviz still reads ``\N``, ``\G``... in these labels (as the node's
    name, the graph's...), so a backslash is doubled. Graphviz's own ``dot``
    (2.43) refuses a label text that is only ``]``, so brackets are
    character references too.

    >>> print(html('a <b> & "c" \\N [x]'))
    a &lt;b&gt; &amp; &quot;c&quot; \\N &#91;x&#93;
    """
    return (
        clean(text)
        .replace("\\", "\\\\")
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
        .replace("[", "&#91;")
        .replace("]", "&#93;")
    )


def quoted(text: str, *, backslash: str = "\\\\\\\\") -> str:
    r"""A DOT double-quoted string holding ``text``.

    Graphviz reads a tooltip's backslashes twice, so by default each one is
    written four times; ids (slugs) have none.

    >>> print(quoted('say "hi" \\ bye'))
    "say \"hi\" \\\\ bye"
    """
    if text.isalnum() or _ID.fullmatch(text):  # an id (a slug): nothing to clean or escape
        return '"' + text + '"'
    return '"' + clean(text).replace("\\", backslash).replace('"', '\\"') + '"'


_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def statement_label(G: Graph, node: str, options: Any) -> str:
    d = G.nodes[node]
    look = KIND_LOOKS[d["kind"]]
    lines = [html(line) for line in wrap(d["text"], options.wrap)]
    body = "<BR/>".join(f"<B>{line}</B>" for line in lines) if d["kind"] == "proposal" else "<BR/>".join(lines)
    top = "<BR/>".join(html(line) for line in wrap(header(G, node, options), options.wrap * 3 // 2, whole_words=True))
    label = f'<FONT POINT-SIZE="8" COLOR="{look.text}">{top}</FONT><BR/>{body}'
    if options.quotes:
        quote = quote_lines(d, options.wrap + 4)
        if quote:
            label += (
                '<BR/><FONT POINT-SIZE="9" COLOR="#555555">'
                + "<BR/>".join(f"<I>{html(line)}</I>" for line in quote)
                + "</FONT>"
            )
    return f"<{label}>"


def tooltip(d: dict[str, Any]) -> str:
    text = d.get("text") or ""
    if d.get("quote"):
        text += f" — “{d['quote']}”"
        if d.get("paragraph"):
            text += f" ¶{d['paragraph']}"
    return quoted(text)


def statement_node(G: Graph, node: str, options: Any) -> str:
    d = G.nodes[node]
    look = KIND_LOOKS[d["kind"]]
    style = {"proposal": '"filled,bold", peripheries=2', "claim": '"filled,rounded"', "premise": '"filled"'}[d["kind"]]
    return (
        f"  {quoted(node)} [id={quoted('n-' + node)}, label={statement_label(G, node, options)}, "
        f'style={style}, fillcolor="{look.fill}", color="{look.line}", tooltip={tooltip(d)}];'
    )


def argument_node(G: Graph, node: str, options: Any) -> str:
    d = G.nodes[node]
    xlabel = f', xlabel=<{html(node)}>, fontsize=8, fontcolor="#2e7d32"' if options.ids else ""
    words = "linked reason: these premises support it together" if len(d["premises"]) > 1 else "reason"
    return (
        f'  {quoted(node)} [id={quoted("n-" + node)}, shape=circle, label="", width=0.13, height=0.13, '
        f'fixedsize=true, style="filled", fillcolor="{SUPPORT_LOOK.line}", color="{SUPPORT_LOOK.line}", '
        f"tooltip={quoted(words)}{xlabel}];"
    )


def support_edge(u: str, v: str, role: str) -> str:
    attrs = ' [arrowhead="none"]' if role == "premise" else ""
    return f"  {quoted(u)} -> {quoted(v)}{attrs};"


def attack_edge(u: str, v: str, d: dict[str, Any], flat: bool = False) -> str:
    """An attack line with its word. On a ``flat`` line (between two proposals, which sit on
    one rank) the word is an external label: Graphviz 2.43 routes a labelled flat line
    through a box it cannot always build, and fails ("in routesplines, illegal values of
    prev", the line lost) or warns ("Unable to reclaim box space")."""
    look = ATTACK_LOOKS[d["type"]]
    label = "xlabel" if flat else "label"
    return (
        f'  {quoted(u)} -> {quoted(v)} [id={quoted("e-" + d["id"])}, color="{look.line}", '
        f'fontcolor="{look.line}", {label}=<<I>{look.word}</I>>, {ATTACK_STYLE[d["type"]]}, '
        f"tooltip={quoted(d['id'] + ': ' + (d.get('text') or look.word))}];"
    )


def title_label(G: Graph, lines: list[tuple[str, str, str]], kinds: set[str]) -> str:
    """The title, and under it a one-line key to the lines the diagram uses:
    the support ``lines`` and the attack ``kinds``."""
    key = [f'<FONT COLOR="{SUPPORT_LOOK.line}">──► supports</FONT>']
    if any(role == "premise" for _, _, role in lines):
        key.append(f'<FONT COLOR="{SUPPORT_LOOK.line}">● premises that work only together</FONT>')
    marks = {"rebut": "- - -", "undermine": "· · ·", "undercut": "<B>- - -</B>"}
    for kind in ("rebut", "undermine", "undercut"):
        if kind in kinds:
            look = ATTACK_LOOKS[kind]
            target = f' a reason (<FONT COLOR="{SUPPORT_LOOK.line}">●</FONT>)' if kind == "undercut" else ""
            key.append(f'<FONT COLOR="{look.line}">{marks[kind]}┤ {look.word}{target}</FONT>')
    title = html(G.graph.get("title") or "")
    return f'<<B>{title}</B><BR/><FONT POINT-SIZE="10">{"    ".join(key)}</FONT><BR/> >'


def dumps(G: Graph, options: ExportOptions | None = None) -> str:
    """The graph as DOT text."""
    options = options or ExportOptions()
    drawn = drawn_arguments(G)
    lines = supports(G, drawn)
    fights = attacks(G)
    out = [
        'digraph "argmap" {',
        f'  graph [rankdir="BT", newrank=true, ranksep=0.5, nodesep=0.25, pad=0.3, bgcolor="white", '
        f'fontname="{FONT}", fontsize=18, labelloc="t", '
        f'label={title_label(G, lines, {d["type"] for _, _, d in fights})}, charset="UTF-8"];',
        f'  node [shape="box", fontname="{FONT}", fontsize=11, margin="0.14,0.07", penwidth=1.2];',
        f'  edge [fontname="{FONT}", fontsize=9, color="{SUPPORT_LOOK.line}", penwidth=1.4, arrowsize=0.8];',
    ]
    for n, d in G.nodes(data=True):
        if d["kind"] != ARGUMENT:
            out.append(statement_node(G, n, options))
        elif n in drawn:
            out.append(argument_node(G, n, options))
    proposals = [n for n, kind in G.nodes(data="kind") if kind == "proposal"]
    if proposals:
        out.append("  { rank=max; " + " ".join(quoted(p) + ";" for p in proposals) + " }")
    out += [support_edge(u, v, role) for u, v, role in lines]
    on_top = set(proposals)
    out += [attack_edge(u, v, d, u != v and u in on_top and v in on_top) for u, v, d in fights]
    out.append("}")
    return "\n".join(out) + "\n"
