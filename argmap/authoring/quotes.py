"""Find the exact words of a passage from a rough recollection of them.

An author types a few words as remembered; :func:`find_passages` returns the
passages of the source they match, each as the verbatim quote to paste and
its paragraph. Case, typographic quotes and dashes and line breaks do not
matter (as in ``validate``), and small typos are forgiven: up to one edit
(a letter added, dropped or changed) per six characters typed. A match is
widened to whole words. ``...`` (or ``…``) between words stands for any words
in between, within one paragraph: ``"Enhancing ... meaningful task"``.

Exact matches come first; when there are none, the matches with the fewest
edits. Several equally good matches are all returned, in text order, so a
caller can list them and say the words are ambiguous.

>>> from argmap.source import SourceText
>>> src = SourceText.from_text("T\\n\\nIt rains “hard” today.\\n\\nThe sun shines. It rains \\"hard\\" again.")
>>> [(p.paragraph, p.quote, p.edits) for p in find_passages(src, 'it rains "hard"')]
[(1, 'It rains “hard”', 0), (2, 'It rains "hard"', 0)]
>>> [(p.paragraph, p.quote, p.edits) for p in find_passages(src, "the sun shnes")]
[(2, 'The sun shines', 1)]
>>> [p.quote for p in find_passages(src, "sun ... again")]
['sun shines. It rains "hard" again']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .text import clean, fold

#: one edit forgiven per this many characters typed
CHARS_PER_EDIT = 6
_GAP = re.compile(r"\s*(?:\.\.\.|…)\s*")
_WORDISH = re.compile(r"\w")


@dataclass(frozen=True)
class Passage:
    """A passage of the source: ``quote`` (verbatim, whitespace runs as one space)
    is at ``start:end`` of paragraph ``paragraph`` (1-based); ``edits`` is how
    many edits the words typed are from it (0: an exact match)."""

    paragraph: int
    start: int
    end: int
    quote: str
    edits: int


def allowed_edits(needle: str) -> int:
    """How many edits a search for ``needle`` forgives.

    >>> allowed_edits("hot"), allowed_edits("hot issues"), allowed_edits("x" * 70)
    (0, 1, 11)
    """
    return len(needle) // CHARS_PER_EDIT


def find_passages(source: Any, words: str) -> list[Passage]:
    """The passages of ``source`` (a :class:`~argmap.source.SourceText`) that
    ``words`` match best: all exact matches, or else all matches with the
    fewest edits; ``[]`` when nothing is close enough."""
    parts = [fold(p)[0] for p in _GAP.split(words.strip())]
    parts = [p for p in parts if _WORDISH.search(p)]
    if not parts:
        return []
    found: list[Passage] = []
    for number, text in enumerate(source.paragraphs, 1):
        folded, where = fold(text)
        spans = _chain(folded, parts)
        for start, end, edits in spans:
            a, b = _whole_words(text, where[start], where[end - 1] + 1)
            found.append(Passage(number, a, b, clean(text[a:b]), edits))
    if not found:
        return []
    best = min(p.edits for p in found)
    seen: set[tuple[int, int, int]] = set()
    out = []
    for p in found:
        key = (p.paragraph, p.start, p.end)
        if p.edits == best and key not in seen:
            seen.add(key)
            out.append(p)
    return out


def _chain(folded: str, parts: list[str]) -> list[tuple[int, int, int]]:
    """Matches of ``parts`` one after the other in ``folded`` (the first part's
    matches, each joined to the nearest match of the next part after it):
    ``(start, end, edits)`` in folded offsets."""
    first = _matches(folded, parts[0])
    out = []
    for start, end, edits in first:
        total, at = edits, end
        for part in parts[1:]:
            later = [m for m in _matches(folded, part, begin=at) if m[0] >= at]
            if not later:
                break
            nxt = min(later, key=lambda m: (m[2], m[0]))
            total += nxt[2]
            at = nxt[1]
        else:
            out.append((start, at, total))
    return out


def _matches(text: str, needle: str, begin: int = 0) -> list[tuple[int, int, int]]:
    """Where ``needle`` occurs in ``text[begin:]`` within :func:`allowed_edits`:
    ``(start, end, edits)``, the best of each run of nearby ends."""
    needle = needle.strip()
    if not needle:
        return []
    at = text.find(needle, begin)
    if at >= 0:
        exact = []
        while at >= 0:
            exact.append((at, at + len(needle), 0))
            at = text.find(needle, at + 1)
        return exact
    limit = allowed_edits(needle)
    if limit == 0:
        return []
    ends = _ends_within(text, needle, limit, begin)
    out = []
    # each run of ends close together is one place: keep its best end
    run: list[tuple[int, int]] = []
    for end, edits in ends + [(len(text) + len(needle) + 1, 0)]:
        if run and end - run[-1][0] > len(needle) // 2:
            best_end, best_edits = min(run, key=lambda r: (r[1], r[0]))
            start, edits_found = _start_of(text, needle, best_end, best_edits)
            out.append((start, best_end + 1, edits_found))
            run = []
        run.append((end, edits))
    return [m for m in out if m[1] > m[0]]


def _ends_within(text: str, needle: str, limit: int, begin: int) -> list[tuple[int, int]]:
    """Every index ``j`` of ``text`` (from ``begin``) where some substring ending
    at ``j`` is at most ``limit`` edits from ``needle``, with that number.

    Myers' bit-vector algorithm (J. ACM 46(3), 1999) in the formulation of
    Hyyrö (2001): one pass over the text, the needle's column of the
    edit-distance table held in two integers.
    """
    m = len(needle)
    peq: dict[str, int] = {}
    for i, c in enumerate(needle):
        peq[c] = peq.get(c, 0) | (1 << i)
    mask = (1 << m) - 1
    high = 1 << (m - 1)
    pv, mv, score = mask, 0, m
    out = []
    for j in range(begin, len(text)):
        eq = peq.get(text[j], 0)
        xv = eq | mv
        xh = ((((eq & pv) + pv) & mask) ^ pv) | eq
        ph = mv | (~(xh | pv) & mask)
        mh = pv & xh
        if ph & high:
            score += 1
        elif mh & high:
            score -= 1
        ph = (ph << 1) & mask
        mh = (mh << 1) & mask
        pv = mh | (~(xv | ph) & mask)
        mv = ph & xv
        if score <= limit:
            out.append((j, score))
    return out


def _start_of(text: str, needle: str, end: int, edits: int) -> tuple[int, int]:
    """The start of the best match of ``needle`` ending at ``text[end]``, and its edits.

    Edit distance between the reversed needle and the text read backwards from
    ``end``; the start is where the fewest edits are reached, the longest such
    stretch when several tie (so that a typo at the start is not cut off).
    """
    m = len(needle)
    reach = m + edits
    window = text[max(0, end - reach + 1) : end + 1][::-1]
    pattern = needle[::-1]
    prev = list(range(len(window) + 1))
    for i in range(1, m + 1):
        row = [i] + [0] * len(window)
        p = pattern[i - 1]
        for x in range(1, len(window) + 1):
            cost = 0 if window[x - 1] == p else 1
            row[x] = min(prev[x] + 1, row[x - 1] + 1, prev[x - 1] + cost)
        prev = row
    best = min(prev)
    length = max(x for x, v in enumerate(prev) if v == best)
    return end - length + 1, best


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """``start:end`` widened to whole words and trimmed of the spaces and
    commas at its ends."""
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def nearest(source: Any, words: str, least: float = 0.6) -> tuple[int, str] | None:
    """The passage most like ``words`` (paragraph, text) when it is at least
    ``least`` alike (difflib's ratio of the folded texts), for a message when
    :func:`find_passages` finds nothing; None when nothing is that close.

    >>> from argmap.source import SourceText
    >>> src = SourceText.from_text("T\\n\\nThe harbour was closed in winter.")
    >>> nearest(src, "the harbor is closed in wintr"), nearest(src, "zebra crossing")
    ((1, 'The harbour was closed in winter.'), None)
    """
    import difflib

    near = source.closest(words)
    if near is None:
        return None
    ratio = difflib.SequenceMatcher(None, fold(near[1])[0], fold(words)[0], autojunk=False).ratio()
    return near if ratio >= least else None


def passage_data(p: Passage, source_name: str) -> dict[str, Any]:
    """A passage as the ``--json`` output gives it."""
    return {"quote": p.quote, "paragraph": p.paragraph, "edits": p.edits, "source": source_name}


def yaml_snippet(p: Passage, indent: int = 4) -> str:
    """The ``quote`` and ``paragraph`` fields to paste into an item of a map.

    >>> print(yaml_snippet(Passage(3, 0, 9, 'say “no”', 0)))
        quote: "say “no”"
        paragraph: 3
    """
    import json

    pad = " " * indent
    return f"{pad}quote: {json.dumps(p.quote, ensure_ascii=False)}\n{pad}paragraph: {p.paragraph}"
