"""What of a source text a map quotes, and what it leaves unmapped.

The text is cut into clauses (:mod:`argmap.authoring.text`: sentences, and
their parts joined by "therefore", "but", "because", semicolons ...). A word
is *covered* when the quote of some statement, argument or attack takes in
most of its letters; a clause is *unmapped* when less than half of its words
are covered. The quote of an item counts in its stated paragraph, or, without
one, in the first paragraph that holds it (as ``validate`` reads it).

Some passages are left out on purpose, and coverage says why rather than
counting them as gaps:

- a **repeat**: a clause whose words are a clause of another paragraph too,
  where they are mapped (a standfirst repeating the body, a summary at the end);
- **boilerplate**: a short paragraph saying whose views these are, copyright,
  where the text first appeared (a *disclaimer*).

>>> from argmap.source import SourceText
>>> src = SourceText.from_text("T\\n\\nRain falls on the hills. So the river rises.\\n\\nAll rights reserved.")
>>> cov = coverage(src, [("rain", "Rain falls on the hills", None)])
>>> [(c.text, c.reason) for c in cov.unmapped()]
[('So the river rises.', None), ('All rights reserved.', 'disclaimer')]
>>> cov.share()
0.5556
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .text import Span, fold, paragraph_clauses, words

#: a clause with less than this share of its words quoted is unmapped
MAPPED_SHARE = 0.5
_BOILERPLATE = re.compile(
    r"\b(?:views?\s+(?:and\s+opinions?\s+)?expressed|opinions?\s+expressed|do(?:es)?\s+not\s+necessarily"
    r"\s+(?:reflect|represent)|all\s+rights\s+reserved|copyright|reproduced\s+(?:with|by)\s+permission"
    r"|(?:originally|first)\s+(?:published|appeared)|reprinted\s+(?:with|by|from))\b|©",
    re.IGNORECASE,
)
#: a paragraph longer than this is never taken for boilerplate
BOILERPLATE_WORDS = 80


@dataclass(frozen=True)
class Clause:
    """One clause of the source and how much of it is quoted.

    ``reason`` says why an unmapped clause is left out on purpose
    (``"repeats ¶5"``, ``"disclaimer"``), else None.
    """

    span: Span
    words: int
    covered: int
    reason: str | None = None

    @property
    def text(self) -> str:
        return self.span.text

    @property
    def mapped(self) -> bool:
        return self.covered >= MAPPED_SHARE * self.words

    def as_dict(self) -> dict[str, Any]:
        return {
            "text": self.span.text,
            "paragraph": self.span.paragraph,
            "start": self.span.start,
            "end": self.span.end,
            "words": self.words,
            "covered": self.covered,
            "reason": self.reason,
        }


@dataclass
class Paragraph:
    """A paragraph's clauses; ``note`` says why the whole paragraph is left out, if it is."""

    number: int
    clauses: list[Clause] = field(default_factory=list)
    note: str | None = None

    @property
    def words(self) -> int:
        return sum(c.words for c in self.clauses)

    @property
    def covered(self) -> int:
        return sum(c.covered for c in self.clauses)

    def unmapped(self) -> list[Clause]:
        return [c for c in self.clauses if not c.mapped]

    def as_dict(self) -> dict[str, Any]:
        return {
            "paragraph": self.number,
            "words": self.words,
            "covered": self.covered,
            "share": _ratio(self.covered, self.words),
            "note": self.note,
            "unmapped": [c.as_dict() for c in self.unmapped()],
        }


@dataclass
class Coverage:
    """The coverage of a whole source, paragraph by paragraph."""

    paragraphs: list[Paragraph]

    @property
    def words(self) -> int:
        return sum(p.words for p in self.paragraphs)

    @property
    def covered(self) -> int:
        return sum(p.covered for p in self.paragraphs)

    def unmapped(self) -> list[Clause]:
        """Every unmapped clause, in text order (those left out on purpose too)."""
        return [c for p in self.paragraphs for c in p.unmapped()]

    def gaps(self) -> list[Clause]:
        """The unmapped clauses no reason explains: what is left to map."""
        return [c for c in self.unmapped() if c.reason is None]

    def set_aside(self) -> int:
        """Words of the unmapped clauses that are left out on purpose."""
        return sum(c.words - c.covered for c in self.unmapped() if c.reason is not None)

    def share(self) -> float:
        """The share of the words covered, not counting what is left out on purpose."""
        return _ratio(self.covered, self.words - self.set_aside())

    def as_dict(self) -> dict[str, Any]:
        return {
            "words": self.words,
            "covered": self.covered,
            "set_aside": self.set_aside(),
            "share": self.share(),
            "gaps": len(self.gaps()),
            "paragraphs": [p.as_dict() for p in self.paragraphs],
        }


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 1.0


def quoted_items(G: Any) -> Iterator[tuple[str, str, int | None]]:
    """``(id, quote, paragraph)`` of every statement, argument and attack of a
    map's graph that has a quote, in map order."""
    for n, d in G.nodes(data=True):
        if d.get("quote"):
            yield n, d["quote"], d.get("paragraph")
    for u, v in G.graph.get("attacks", ()):
        d = G.succ[u][v]
        if d.get("quote"):
            yield d.get("id") or f"{u}->{v}", d["quote"], d.get("paragraph")


def quoted_spans(source: Any, items: Iterable[tuple[str, str, int | None]]) -> dict[int, list[tuple[int, int, str]]]:
    """Per paragraph, ``(start, end, id)`` of every place an item's quote is
    counted: all its occurrences in its stated paragraph, or, without one (or
    when that paragraph does not hold it), in the first paragraph that does.
    Each paragraph is folded once, however many quotes it holds."""
    count = len(source.paragraphs)
    wanted: dict[int, list[tuple[str, str]]] = {}
    for item, quote, para in items:
        if para is None or not 1 <= para <= count or not source.contains(quote, para):
            para = source.find(quote)
            if para is None:
                continue
        wanted.setdefault(para, []).append((item, quote))
    out: dict[int, list[tuple[int, int, str]]] = {}
    for para, found in wanted.items():
        folded, where = fold(source.paragraphs[para - 1])
        hits = out.setdefault(para, [])
        for item, quote in found:
            needle = fold(quote)[0]
            at = folded.find(needle) if needle else -1
            while at >= 0:
                hits.append((where[at], where[at + len(needle) - 1] + 1, item))
                at = folded.find(needle, at + 1)
    return out


def quoted_by(spans: dict[int, list[tuple[int, int, str]]], paragraph: int, start: int, end: int) -> list[str]:
    """The items (their ids, in map order) whose counted quote overlaps
    ``start:end`` of paragraph ``paragraph``, from :func:`quoted_spans`.

    >>> quoted_by({2: [(0, 10, "a"), (8, 20, "b"), (30, 40, "c")]}, 2, 9, 25)
    ['a', 'b']
    """
    return list(dict.fromkeys(item for a, b, item in spans.get(paragraph, ()) if a < end and start < b))


def coverage(source: Any, items: Iterable[tuple[str, str, int | None]]) -> Coverage:
    """How much of ``source`` (a :class:`~argmap.source.SourceText`) the quotes of
    ``items`` (``(id, quote, paragraph)``, as :func:`quoted_items` gives them) take in."""
    spans = quoted_spans(source, items)
    paragraphs, marks = [], []
    for number, text in enumerate(source.paragraphs, 1):
        marked = bytearray(len(text))
        for a, b, _ in spans.get(number, ()):
            marked[a:b] = b"\x01" * (b - a)
        para = Paragraph(number)
        for span in paragraph_clauses(source, number):
            found = words(text, span.start, span.end)
            para.clauses.append(Clause(span, len(found), _covered(found, marked)))
        paragraphs.append(para)
        marks.append(marked)
    _explain(source, paragraphs)
    return Coverage(paragraphs)


def _covered(found: list[tuple[int, int]], marks: bytearray) -> int:
    """How many of the words ``found`` have most of their letters marked."""
    return sum(1 for a, b in found if 2 * sum(marks[a:b]) >= b - a)


def _explain(source: Any, paragraphs: list[Paragraph]) -> None:
    """Give the unmapped clauses that are left out on purpose their reason, and
    a paragraph left out whole its note."""
    mapped_at: dict[str, list[int]] = {}  # a mapped clause's words -> the paragraphs where they are mapped
    for p in paragraphs:
        for c in p.clauses:
            if c.mapped:
                mapped_at.setdefault(_key(c.text), []).append(p.number)
    for p in paragraphs:
        text = source.paragraphs[p.number - 1]
        boilerplate = len(words(text)) <= BOILERPLATE_WORDS and _BOILERPLATE.search(text) is not None
        for k, c in enumerate(p.clauses):
            if c.mapped:
                continue
            key = _key(c.text)
            elsewhere = [n for n in mapped_at.get(key, ()) if n != p.number] if len(key) >= 12 else []
            reason = "disclaimer" if boilerplate else f"repeats ¶{elsewhere[0]}" if elsewhere else None
            if reason:
                p.clauses[k] = Clause(c.span, c.words, c.covered, reason)
        left = p.unmapped()
        if left and len(left) == len(p.clauses) and all(c.reason for c in left):
            reasons = sorted({c.reason or "" for c in left})
            if reasons == ["disclaimer"]:
                p.note = "disclaimer"
            else:
                where = ", ".join(r.split()[-1] for r in reasons)
                p.note = ("standfirst: " if p.number == 1 else "") + f"repeats {where}, mapped there"


def _key(text: str) -> str:
    """A clause's words as repeats are compared: folded as quotes are, without the end's punctuation."""
    return fold(text)[0].rstrip(" .,;:")
