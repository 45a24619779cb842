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
from typing import Any

from .diagram import clean

_SPECIAL = re.compile(r"([\\`*_\[\]|~$#])")
ATTACK_WORDS = {"rebut": "Rebutted by", "undermine": "Undermined by", "undercut": "Undercut by"}


def escape(value: str) -> str:
    """``value`` on one line, with Markdown punctuation backslash-escaped and ``& < >`` as entities."""
    value = clean(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(r"\\\1", value)


def describe(G: Any, node: str) -> str:
    """``**Claim** `id`: text — *speaker*`` plus the quote and its paragraph."""
    d = G.nodes[node]
    out = f"**{d['kind'].capitalize()}** `{node}`: {escape(d['text'])}"
    if d.get("speaker") and d["speaker"] != "author":
        out += f" — *{escape(d['speaker'])}*"
    return out + quote(d)


def quote(d: dict[str, Any]) -> str:
    """`` — “quote” (¶ 3)`` for an item with a quote, else nothing."""
    if not d.get("quote"):
        return ""
    para = f" (¶ {d['paragraph']})" if d.get("paragraph") else ""
    return f" — “*{escape(d['quote'])}*”{para}"


def reasons(G: Any, node: str, indent: str, seen: set[str], out: list[str], undercuts: bool = True) -> None:
    """The reasons for ``node`` as nested bullets, each statement expanded once
    (with the undercuts of each reason unless ``undercuts`` is false)."""
    from ..graph import arguments_for, attacks_on, premises

    for argument in arguments_for(G, node):
        d = G.nodes[argument]
        parts = premises(G, argument)
        linked = " (these together)" if len(parts) > 1 else ""
        scheme = f", *{escape(d['scheme'])}*" if d.get("scheme") else ""
        out.append(f"{indent}- Reason `{argument}`{scheme}{linked}{quote(d)}")
        for premise in parts:
            statement(G, premise, indent + "  ", seen, out)
        for attacker, kind, _ in attacks_on(G, argument) if undercuts else ():
            out.append(f"{indent}  - {ATTACK_WORDS[kind]} (challenges this reason):")
            statement(G, attacker, indent + "    ", seen, out)


def statement(G: Any, node: str, indent: str, seen: set[str], out: list[str]) -> None:
    """One statement as a bullet, then (first time only) its reasons and challenges."""
    from ..graph import attacks_on

    if node in seen:
        out.append(f"{indent}- {G.nodes[node]['kind'].capitalize()} `{node}` (see above)")
        return
    seen.add(node)
    out.append(f"{indent}- {describe(G, node)}")
    reasons(G, node, indent + "  ", seen, out)
    for attacker, kind, _ in attacks_on(G, node):
        out.append(f"{indent}  - {ATTACK_WORDS[kind]}:")
        statement(G, attacker, indent + "    ", seen, out)


def dumps(G: Any, options: Any = None) -> str:
    """The graph as a Markdown report."""
    from ..export import ExportOptions
    from ..graph import arguments_for, attacks_on, statements
    from . import mermaid

    options = options or ExportOptions()
    out = [f"# {escape(G.graph.get('title') or 'Argument map')}", ""]
    source = G.graph.get("source") or {}
    if source:
        bits = [f"*{escape(source['title'])}*" if source.get("title") else ""]
        bits += [escape(source[k]) for k in ("author", "date") if source.get(k)]
        file = options.source_file or source.get("file")
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
        who = f", *{escape(d['speaker'])}*" if d.get("speaker") else ""
        out += [f"`{node}`{who}{quote(d)}", ""]
        seen.add(node)
        body: list[str] = []
        reasons(G, node, "", seen, body, undercuts=False)
        out += ["### Reasons for it", ""] + (body or ["None in the map."]) + [""]
        challenges: list[str] = []
        for attacker, kind, _ in attacks_on(G, node):
            challenges.append(f"- {ATTACK_WORDS[kind]}:")
            statement(G, attacker, "  ", seen, challenges)
        for argument in arguments_for(G, node):
            for attacker, kind, _ in attacks_on(G, argument):
                challenges.append(f"- {ATTACK_WORDS[kind]} (challenges reason `{argument}`):")
                statement(G, attacker, "  ", seen, challenges)
        out += ["### Challenges to it", ""] + (challenges or ["None in the map."]) + [""]
    return "\n".join(out).rstrip("\n") + "\n"
