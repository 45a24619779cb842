"""The starter map ``argmap init`` writes for a new source text.

It validates as written: a title, the source, the paragraphs as argmap numbers
them (as comments, so the numbers need not be worked out), and one example of
each item (a proposal, a claim, a premise, an objection, two arguments, an
attack), each quoting a real sentence of the text so that the form of a quote
and its paragraph is there to copy. The author overwrites the examples.

>>> from argmap.source import SourceText
>>> src = SourceText.from_text("Rain\\n\\nIt rains today. So we should stay in.\\n\\nBut the roof leaks.")
>>> text = starter(src, title="Rain", source_file="rain.txt", map_name="rain.yaml")
>>> for line in text.splitlines():
...     if line.startswith("#   ¶"):
...         print(line)
#   ¶1  It rains today. So we should stay in.  (2 sentences)
#   ¶2  But the roof leaks.  (1 sentence)
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from .text import ADVERSATIVE, CONCESSIVE, Span, clean, paragraph_clauses, sentence_spans

#: characters of each paragraph shown in the comments
PREVIEW = 72
_DEONTIC = re.compile(
    r"\b(?:should|must|ought to|need(?:s)? to|propos\w*|recommend\w*|call(?:s|ed)? for)\b", re.IGNORECASE
)


def title_of(source: Any, path: Path) -> str:
    """The title of a source: its title line, or its file name in words.

    >>> from argmap.source import SourceText
    >>> title_of(SourceText.from_text("One. Two."), Path("city_budget-2024.txt"))
    'City budget 2024'
    """
    if source.title_line:
        return clean(source.title_line)
    words = re.sub(r"[-_.]+", " ", path.stem).strip() or "Untitled"
    return words[:1].upper() + words[1:]


def _printable(text: str) -> str:
    """``text`` fit for a YAML comment: one line, printable characters only."""
    return "".join(ch if ch.isprintable() else " " for ch in clean(text))


def _preview(text: str) -> str:
    text = _printable(text)
    if len(text) <= PREVIEW:
        return text
    cut = text.rfind(" ", 0, PREVIEW)
    return text[: cut if cut > PREVIEW // 2 else PREVIEW].rstrip(" ,;:") + "…"


def _quote(span: Span) -> str:
    return span.text.rstrip(" .;:,")


def _examples(source: Any) -> dict[str, Span]:
    """A real passage for each example item: a proposal, a claim, a premise, an objection."""
    sentences = [
        s for n in range(1, len(source.paragraphs) + 1) for s in sentence_spans(source, n) if len(s.text.split()) >= 2
    ]
    if not sentences:  # a text of one-word lines: quote what there is
        sentences = [s for n in range(1, len(source.paragraphs) + 1) for s in sentence_spans(source, n)]
    clauses = [c for n in range(1, len(source.paragraphs) + 1) for c in paragraph_clauses(source, n)]
    proposal = next((s for s in sentences if _DEONTIC.search(s.text)), sentences[-1])
    rest = [s for s in sentences if s is not proposal] or sentences
    claim = rest[0]
    premise = rest[1] if len(rest) > 1 else rest[0]
    objection = next((c for c in clauses if c.marker in ADVERSATIVE + CONCESSIVE), None)
    if objection is None:
        objection = rest[2] if len(rest) > 2 else rest[-1]
    return {"proposal": proposal, "claim": claim, "premise": premise, "objection": objection}


def starter(source: Any, *, title: str, source_file: str, map_name: str) -> str:
    """The text of a starter map of ``source`` (a :class:`~argmap.source.SourceText`)
    read from ``source_file`` (as the map will name it), to be saved as ``map_name``."""

    def q(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    ex = _examples(source)
    lines = [
        f"# A map of {_printable(title)}, started by `argmap init`.",
        "#",
        "# The items below are examples, one of each kind, each quoting a sentence of the text:",
        "# overwrite them with your own. While you work:",
        f"#   argmap quote WORDS --map {map_name}    the exact words of a passage and its paragraph",
        f"#   argmap coverage --map {map_name}       what no item quotes yet",
        f"#   argmap validate {map_name}             check fields, links and every quote",
        f"#   argmap preview --map {map_name}        the report in a browser, reloaded on save",
        "#",
        "# The paragraphs of the source as argmap numbers them (blocks between blank lines;",
        "# the title line is not counted). An item's paragraph: is one of these numbers.",
    ]
    for number, text in enumerate(source.paragraphs, 1):
        count = len(sentence_spans(source, number))
        lines.append(f"#   ¶{number}  {_preview(text)}  ({count} sentence{'s' if count != 1 else ''})")
    lines += [
        "",
        f"title: {q(title)}",
        "source:",
        f"  title: {q(title)}",
        f"  file: {q(source_file)}",
        "speakers:  # who says what, and the name views show (add one per speaker the text quotes)",
        "  author: The author",
        "",
        "statements:",
    ]
    about = {
        "proposal": (
            "A proposal: something the text says should be done.",
            "Example: in a few words of your own, what the quote proposes.",
        ),
        "claim": (
            "A claim: something the text asserts and argues for.",
            "Example: in a few words of your own, what the quote claims.",
        ),
        "premise": (
            "A premise: a reason the text gives without arguing for it.",
            "Example: in a few words of your own, the reason the quote gives.",
        ),
        "objection": (
            "An objection: a statement the text sets against another (see attacks).",
            "Example: in a few words of your own, the objection the quote raises.",
        ),
    }
    for name, (comment, text) in about.items():
        span = ex[name]
        kind = "premise" if name == "objection" else name
        lines += [
            f"  # {comment}",
            f"  - id: example-{name}",
            f"    kind: {kind}",
            f"    text: {q(text)}",
            f"    quote: {q(_quote(span))}",
            f"    paragraph: {span.paragraph}",
            "    speaker: author",
        ]
    lines += [
        "",
        "arguments:",
        "  # An argument: premises that together support one conclusion.",
        "  - id: example-argument",
        "    premises: [example-premise]",
        "    conclusion: example-claim",
        "  - id: example-argument-for-the-proposal",
        "    premises: [example-claim]",
        "    conclusion: example-proposal",
        "",
        "attacks:",
        "  # An attack: rebut denies a statement, undermine denies a premise, undercut denies that",
        "  # an argument's premises support its conclusion (its to: is then an argument's id).",
        "  # Its id is optional: without one it is from-rebuts-to.",
        "  - from: example-objection",
        "    to: example-claim",
        "    type: rebut",
    ]
    return "\n".join(lines) + "\n"
