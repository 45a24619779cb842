"""How argmap draws a map: the conventions the DOT and Mermaid writers share.

Kinds are told apart by shape and fill, and a small word (PROPOSAL, CLAIM,
PREMISE) heads each box; support is a solid green arrow; each attack type has
its own colour, line style and a word on the line, so a greyscale print still
reads. Co-premises of a linked argument meet in a small dot, which is also
what an undercut points at.

>>> wrap("A long sentence that needs wrapping.", 12)
['A long', 'sentence', 'that needs', 'wrapping.']
>>> clean("tab\\there\\x07bell")
'tab here\\ufffdbell'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..graph import speaker_name
from ..terms import ARGUMENT

if TYPE_CHECKING:
    from ..graph import Graph


@dataclass(frozen=True)
class Look:
    """How one kind of box or line looks."""

    word: str  # the word shown in a box's header or on a line
    fill: str
    line: str
    text: str = "#1a1a1a"


KIND_LOOKS = {
    "proposal": Look("PROPOSAL", fill="#fbe3a6", line="#8a5a00", text="#4d3200"),
    "claim": Look("CLAIM", fill="#dcebf8", line="#2b5f8a", text="#1d4060"),
    "premise": Look("PREMISE", fill="#ffffff", line="#4d4d4d", text="#404040"),
}
SUPPORT_LOOK = Look("supports", fill="#2e7d32", line="#2e7d32")
ATTACK_LOOKS = {
    "rebut": Look("rebuts", fill="#c62828", line="#c62828"),
    "undermine": Look("undermines", fill="#e65100", line="#e65100"),
    "undercut": Look("undercuts", fill="#7b1fa2", line="#7b1fa2"),
}

# Characters no XML, DOT label or Mermaid text may hold: C0/C1 controls (tab,
# newline and carriage return are whitespace here anyway), unpaired surrogates
# and the two non-characters U+FFFE/U+FFFF.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_SPACE = re.compile(r"\s+")


def clean(text: str) -> str:
    """``text`` on one line, with characters no diagram can hold replaced by U+FFFD."""
    if text.isprintable() and "  " not in text:
        # the usual case, decided in C: printable text holds no unsafe character and
        # no whitespace but the plain space (what \s matches in it), so only strip() remains
        return text.strip()
    return _SPACE.sub(" ", _UNSAFE.sub("\ufffd", text)).strip()


def xml_safe(text: str) -> str:
    """``text`` with the characters XML 1.0 cannot hold replaced by U+FFFD (line breaks kept)."""
    return _UNSAFE.sub("\ufffd", text)


def wrap(text: str, width: int, *, whole_words: bool = False) -> list[str]:
    """``text`` cleaned and broken into lines of at most ``width`` characters
    (a longer word is cut into pieces, unless ``whole_words``).

    >>> wrap("tiny extraordinarily", 6)
    ['tiny', 'extrao', 'rdinar', 'ily']
    """
    lines: list[str] = []
    line = ""
    for word in clean(text).split(" "):
        while not whole_words and len(word) > width:
            if line:
                lines.append(line)
                line = ""
            lines.append(word[:width])
            word = word[width:]
        if not line:
            line = word
        elif len(line) + 1 + len(word) <= width:
            line += " " + word
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines or [""]


def drawn_arguments(G: Graph) -> set[str]:
    """The arguments drawn as a node of their own: linked ones (two or more
    premises meet there) and undercut ones (the undercut points there). A
    one-premise argument nobody undercuts is just an arrow.

    >>> from argmap.graph import _demo
    >>> sorted(drawn_arguments(_demo()))
    ['a']
    """
    from ..graph import premises

    out = set()
    into = G._pred  # n's in-edges' data, as networkx keeps them (filtered in a view)
    for n, d in G.nodes(data=True):
        if d["kind"] != ARGUMENT:
            continue
        if (len(d["premises"]) > 1 and len(premises(G, n)) > 1) or any(
            e["type"] == "undercut" for e in into[n].values()
        ):
            out.add(n)
    return out


def header(G: Graph, node: str, options: Any) -> str:
    """The small line above a box's text: kind, and on request id and speaker."""
    d = G.nodes[node]
    parts = [KIND_LOOKS[d["kind"]].word]
    if options.ids:
        parts.append(node)
    if options.speakers and d.get("speaker"):
        parts.append(clean(speaker_name(G, d["speaker"]) or d["speaker"]))
    return " · ".join(parts)


def quote_lines(d: dict[str, Any], width: int) -> list[str]:
    """The quote of a node as wrapped lines in typographic quotes, with its paragraph."""
    if not d.get("quote"):
        return []
    para = f" ¶{d['paragraph']}" if d.get("paragraph") else ""
    return wrap(f"“{d['quote']}”{para}", width)


def supports(G: Graph, drawn: set[str]) -> list[tuple[str, str, str]]:
    """Every support line to draw, in map order: ``(from, to, role)`` where role
    is ``premise`` (premise to the dot of an argument in ``drawn``),
    ``conclusion`` (argument dot to its conclusion) or ``direct`` (the one
    premise straight to the conclusion)."""
    from ..graph import premises

    lines = []
    for n, d in G.nodes(data=True):
        if d["kind"] != ARGUMENT:
            continue
        conclusion = d["conclusion"]
        if n in drawn:
            lines += [(p, n, "premise") for p in premises(G, n)]
            if conclusion in G:
                lines.append((n, conclusion, "conclusion"))
        elif conclusion in G:
            lines += [(p, conclusion, "direct") for p in premises(G, n)]
    return lines


def attacks(G: Graph) -> list[tuple[str, str, dict[str, Any]]]:
    """Every attack in the graph, in map order: ``(attacker, target, edge data)``."""
    return [(u, v, G.edges[u, v]) for u, v in G.graph.get("attacks", ()) if G.has_edge(u, v)]
