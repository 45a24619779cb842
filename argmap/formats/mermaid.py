"""The map as a Mermaid flowchart, for Markdown reports (GitHub renders it).

The same conventions as the DOT diagram: reasons point up to what they
support, kinds have their own shape and fill, attacks their own colour, line
and word. Node ids are ``n1, n2, ...`` in map order (so no map id can clash
with Mermaid's keywords) and every label is a quoted string in which anything
but letters, digits and plain punctuation is written as an entity code
(``#60;``), so no text can break the chart or inject markup.

>>> from argmap.graph import _demo
>>> print(dumps(_demo()).splitlines()[2])
flowchart BT
>>> text("<b>\\"hi\\"</b> & #1")
'#60;b#62;#34;hi#34;#60;/b#62; #38; #35;1'
"""

from __future__ import annotations

import re
from typing import Any, TYPE_CHECKING

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

_SPECIAL = re.compile(r"[^\w .,:!?'()\-/+=]")

# Mermaid shapes per kind: (opening, closing)
SHAPES = {"proposal": ("[[", "]]"), "claim": ("(", ")"), "premise": ("[", "]")}
# Mermaid link per attack type (line style and a cross at the head), with its word
ATTACK_LINK = {"rebut": ("-.", ".-x"), "undermine": ("-.", ".-x"), "undercut": ("==", "==x")}


def text(value: str) -> str:
    """``value`` for a quoted Mermaid label: letters, digits, spaces and plain
    punctuation as they are, everything else as ``#code;``."""
    return _SPECIAL.sub(lambda m: f"#{ord(m.group())};", clean(value))


def label(G: Graph, node: str, options: Any) -> str:
    d = G.nodes[node]
    lines = [
        f"<small>{text(line)}</small>"
        for line in wrap(header(G, node, options), options.wrap * 3 // 2, whole_words=True)
    ]
    body = [text(line) for line in wrap(d["text"], options.wrap)]
    lines += [f"<b>{line}</b>" for line in body] if d["kind"] == "proposal" else body
    if options.quotes:
        lines += [f"<i>{text(line)}</i>" for line in quote_lines(d, options.wrap + 4)]
    return "<br>".join(lines)


def dumps(G: Graph, options: ExportOptions | None = None) -> str:
    """The graph as a Mermaid flowchart."""
    options = options or ExportOptions()
    drawn = drawn_arguments(G)
    ids: dict[str, str] = {}
    # Mermaid would wrap lines again at 200 pixels; the lines are already wrapped
    out = [
        '%%{init: {"flowchart": {"wrappingWidth": 900}}}%%',
        f"%% {text(G.graph.get('title') or '')}",
        "flowchart BT",
    ]
    for kind, look in KIND_LOOKS.items():
        width = "3px" if kind == "proposal" else "1px"
        out.append(f"  classDef {kind} fill:{look.fill},stroke:{look.line},stroke-width:{width},color:#1a1a1a")
    out.append(f"  classDef argument fill:{SUPPORT_LOOK.line},stroke:{SUPPORT_LOOK.line}")
    for n, d in G.nodes(data=True):
        if d["kind"] == ARGUMENT and n not in drawn:
            continue
        ids[n] = f"n{len(ids) + 1}"
        if d["kind"] == ARGUMENT:
            out.append(f'  {ids[n]}(("#8203;")):::argument')
        else:
            opening, closing = SHAPES[d["kind"]]
            out.append(f'  {ids[n]}{opening}"{label(G, n, options)}"{closing}:::{d["kind"]}')
    links: dict[str, list[int]] = {"support": []}
    count = 0
    for u, v, role in supports(G, drawn):
        arrow = "---" if role == "premise" else "-->"
        out.append(f"  {ids[u]} {arrow} {ids[v]}")
        links["support"].append(count)
        count += 1
    for u, v, d in attacks(G):
        start, end = ATTACK_LINK[d["type"]]
        out.append(f"  {ids[u]} {start} {ATTACK_LOOKS[d['type']].word} {end} {ids[v]}")
        links.setdefault(d["type"], []).append(count)
        count += 1
    for kind, numbers in links.items():
        if numbers:
            look = SUPPORT_LOOK if kind == "support" else ATTACK_LOOKS[kind]
            width = "1.5px" if kind == "support" else "2px"
            out.append(
                f"  linkStyle {','.join(map(str, numbers))} stroke:{look.line},stroke-width:{width},color:{look.line}"
            )
    return "\n".join(out) + "\n"
