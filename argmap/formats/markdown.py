"""The map as a Markdown report: title and source, the Mermaid diagram, then a
section per proposal with the reasons for it and the challenges to it, each
with its quote and paragraph.

Text from the map is escaped so that no character in it is read as Markdown
or HTML (GitHub's flavour included: ``$`` would start maths).

>>> escape("*not* <b>bold</b> $x$")
'\\\\*not\\\\* &lt;b&gt;bold&lt;/b&gt; \\\\$x\\\\$'
"""

from __future__ import annotations

import re
from typing import Any, TYPE_CHECKING

from ..graph import speaker_name
from ..terms import ATTACKED_BY
from .diagram import clean
from . import ExportOptions

if TYPE_CHECKING:
    from ..graph import Graph

_SPECIAL = re.compile(r"([\\`*_\[\]|~$#])")


def escape(value: str) -> str:
    """``value`` on one line, with Markdown punctuation backslash-escaped and ``& < >`` as entities."""
    value = clean(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(r"\\\1", value)


def describe(G: Graph, node: str) -> str:
    """``**Claim** `id`: text — *speaker*`` plus the quote and its paragraph."""
    d = G.nodes[node]
    out = f"**{d['kind'].capitalize()}** `{node}`: {escape(d['text'])}"
    if d.get("speaker") and d["speaker"] != "author":
        out += f" — *{escape(speaker_name(G, d['speaker']) or d['speaker'])}*"
    return out + quote(d)


def quote(d: dict[str, Any]) -> str:
    """`` — “quote” (¶ 3)`` for an item with a quote, else nothing."""
    if not d.get("quote"):
        return ""
    para = f" (¶ {d['paragraph']})" if d.get("paragraph") else ""
    return f" — “*{escape(d['quote'])}*”{para}"


def reason_items(G: Graph, node: str, indent: str, undercuts: bool = True) -> list[tuple[str, str, str]]:
    """What to write for the reasons of ``node``: ``("line", text, "")`` or
    ``("statement", id, indent)`` items (with each reason's undercuts unless
    ``undercuts`` is false)."""
    from ..graph import arguments_for, attacks_on, premises

    items = []
    for argument in arguments_for(G, node):
        d = G.nodes[argument]
        parts = premises(G, argument)
        linked = " (these together)" if len(parts) > 1 else ""
        scheme = f", *{escape(d['scheme'])}*" if d.get("scheme") else ""
        items.append(("line", f"{indent}- Reason `{argument}`{scheme}{linked}{quote(d)}", ""))
        items += [("statement", p, indent + "  ") for p in parts]
        for attacker, kind, _ in attacks_on(G, argument) if undercuts else ():
            items.append(("line", f"{indent}  - {ATTACKED_BY[kind].capitalize()} (challenges this reason):", ""))
            items.append(("statement", attacker, indent + "    "))
    return items


def attack_items(G: Graph, node: str, indent: str, note: str = "") -> list[tuple[str, str, str]]:
    """What to write for the attacks on ``node`` (see :func:`reason_items`)."""
    from ..graph import attacks_on

    items = []
    for attacker, kind, _ in attacks_on(G, node):
        items += [
            ("line", f"{indent}- {ATTACKED_BY[kind].capitalize()}{note}:", ""),
            ("statement", attacker, indent + "  "),
        ]
    return items


def bullets(G: Graph, items: list[tuple[str, str, str]], seen: set[str]) -> list[str]:
    """The items as nested bullets: each statement with its reasons and the
    attacks on it, expanded once (later mentions say "see above"). An explicit
    stack, so that no chain of reasons is too deep to write."""
    out = []
    stack = list(reversed(items))
    while stack:
        kind, value, indent = stack.pop()
        if kind == "line":
            out.append(value)
        elif value in seen:
            out.append(f"{indent}- {G.nodes[value]['kind'].capitalize()} `{value}` (see above)")
        else:
            seen.add(value)
            out.append(f"{indent}- {describe(G, value)}")
            more = reason_items(G, value, indent + "  ") + attack_items(G, value, indent + "  ")
            stack.extend(reversed(more))
    return out


def dumps(G: Graph, options: ExportOptions | None = None) -> str:
    """The graph as a Markdown report."""
    from ..graph import arguments_for, map_source, statements
    from . import mermaid

    options = options or ExportOptions()
    out = [f"# {escape(G.graph.get('title') or 'Argument map')}", ""]
    source = map_source(G, options.source_file) or {}
    if source:
        bits = [f"*{escape(source['title'])}*" if source.get("title") else ""]
        bits += [escape(source[k]) for k in ("author", "date") if source.get(k)]
        file = source.get("file")
        if file:
            bits.append(f"`{clean(file).replace('`', '')}`")
        if source.get("url"):
            bits.append(f"<{clean(source['url']).replace('>', '%3E').replace(' ', '%20')}>")
        out += ["Source: " + ", ".join(b for b in bits if b), ""]
    if G.graph.get("description"):
        out += [escape(G.graph["description"]), ""]
    out += ["```mermaid", mermaid.dumps(G, options).rstrip("\n"), "```", ""]
    seen: set[str] = set()
    tops = statements(G, "proposal")
    # then what no proposal reaches: the tops of their own chains first
    rest = [n for n in statements(G) if G.nodes[n]["kind"] != "proposal"]
    ends = [n for n in rest if not any(t != "conclusion" for _, _, t in G.out_edges(n, data="type"))]
    for node in tops + ends + rest:
        if node in seen:
            continue
        d = G.nodes[node]
        title = "Proposal" if d["kind"] == "proposal" else f"{d['kind'].capitalize()} not under any proposal"
        out += [f"## {title}: {escape(d['text'])}", ""]
        who = f", *{escape(speaker_name(G, d['speaker']) or d['speaker'])}*" if d.get("speaker") else ""
        out += [f"`{node}`{who}{quote(d)}", ""]
        seen.add(node)
        body = bullets(G, reason_items(G, node, "", undercuts=False), seen)
        out += ["### Reasons for it", ""] + (body or ["None in the map."]) + [""]
        items = attack_items(G, node, "")
        for argument in arguments_for(G, node):
            items += attack_items(G, argument, "", f" (challenges reason `{argument}`)")
        challenges = bullets(G, items, seen)
        out += ["### Challenges to it", ""] + (challenges or ["None in the map."]) + [""]
    return "\n".join(out).rstrip("\n") + "\n"
