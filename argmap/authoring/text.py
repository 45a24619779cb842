"""A source text's sentences and clauses, and where a quote sits in a paragraph.

Paragraphs are numbered by :class:`argmap.source.SourceText` (blocks between
blank lines, a title line not counted): the same numbers ``validate`` checks
quotes against. Inside a paragraph, offsets are into the paragraph's text as
``SourceText.paragraphs`` holds it, so the words of any span can be cut out
verbatim.

Sentences end at ``.``, ``!`` or ``?`` (and any closing quote or bracket)
before a capital, a digit, an opening quote or the end, unless the word
before the stop is a title or an abbreviation that comes before a name or a
number (``Dr.``, ``No.``, ``e.g.``), an initial (``J.``) or a dotted acronym
(``U.S.``); a line starting with a bullet starts a sentence too.

Clauses are the parts of a sentence joined by the words that mark a reason, a
consequence or an objection (``therefore``, ``because``, ``but``,
``although`` ...) and by semicolons. A part of fewer than three words stays
with its neighbour.

>>> from argmap.source import SourceText
>>> src = SourceText.from_text("T\\n\\nDr. Li spoke. It rains a lot, so we stay in; the roof leaks, but it holds.")
>>> [(s.text, s.marker) for s in clauses(src)]
[('Dr. Li spoke.', ''), ('It rains a lot,', ''), ('so we stay in;', 'so'), ('the roof leaks,', ';'), ('but it holds.', 'but')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..source import _QUOTES

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+(?:['’]\w+)*")


@dataclass(frozen=True)
class Span:
    """Some words of a paragraph: ``text`` is ``paragraph[start:end]`` with each
    run of whitespace as one space, so it is a verbatim quote of paragraph
    ``paragraph`` (1-based). ``marker`` is the word that joins a clause to what
    comes before it (``"therefore"``, ``"but"``, ``";"``; ``""`` for none)."""

    paragraph: int
    start: int
    end: int
    text: str
    marker: str = ""
    sentence: int = 0  #: the sentence's 0-based number in its paragraph


def clean(text: str) -> str:
    """Whitespace runs as one space, ends trimmed: a passage as a quote is written.

    >>> clean(" two\\n  lines ")
    'two lines'
    """
    return _SPACE.sub(" ", text).strip()


def fold(text: str) -> tuple[str, list[int]]:
    """``text`` folded the way quotes are compared (typographic quotes and dashes
    as ASCII, whitespace runs as one space, case folded), with the index in
    ``text`` of every folded character.

    >>> fold("It’s  OK")
    ("it's ok", [0, 1, 2, 3, 4, 6, 7])
    """
    out: list[str] = []
    where: list[int] = []
    space = True
    for i, ch in enumerate(text):
        ch = ch.translate(_QUOTES)
        if ch.isspace():
            if not space:
                out.append(" ")
                where.append(i)
            space = True
            continue
        for c in ch.casefold():
            out.append(c)
            where.append(i)
        space = False
    if out and out[-1] == " ":
        out.pop()
        where.pop()
    return "".join(out), where


def occurrences(paragraph: str, quote: str) -> list[tuple[int, int]]:
    """Every place ``quote`` occurs in ``paragraph`` (compared the way ``validate``
    compares), as ``(start, end)`` offsets into ``paragraph``.

    >>> occurrences("A “b” c. A \\"b\\" c.", 'a "B"')
    [(0, 5), (9, 14)]
    """
    folded, where = fold(paragraph)
    needle = fold(quote)[0]
    out: list[tuple[int, int]] = []
    if not needle:
        return out
    at = folded.find(needle)
    while at >= 0:
        out.append((where[at], where[at + len(needle) - 1] + 1))
        at = folded.find(needle, at + 1)
    return out


def words(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The ``(start, end)`` of every word of ``text[start:end]``.

    >>> words("It’s a cat.")
    [(0, 4), (5, 6), (7, 10)]
    """
    return [m.span() for m in _WORD.finditer(text, start, len(text) if end is None else end)]


# ------------------------------------------------------------- sentences ---

#: words that, with a full stop, come before a name or a number: no sentence ends after them
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sr",
        "jr",
        "st",
        "mt",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "adm",
        "gov",
        "sen",
        "rep",
        "pres",
        "amb",
        "hon",
        "rev",
        "fr",
        "ed",
        "eds",
        "op",
        "cf",
        "vs",
        "viz",
        "approx",
        "ca",
        "e.g",
        "i.e",
        "al",
        "dept",
        "univ",
        "est",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
#: the same before a number only: "No. 5", "Art. 12", "p. 3"
_BEFORE_NUMBER = frozenset(
    ["no", "nos", "art", "arts", "sec", "para", "paras", "fig", "figs", "vol", "vols", "ch", "pp", "p"]
)
_STOP = re.compile(r"[.!?]+[\"'”’)\]]*")
_STARTS_SENTENCE = re.compile(r"\s+[\"'“‘(\[]*[A-Z0-9\u00C0-\u024F]")
_BULLET_LINE = re.compile(r"\n[ \t]*(?:[-*•‣▪]|\d{1,3}[.)])[ \t]+")


def _ends_sentence(text: str, stop: re.Match) -> bool:
    """Whether the stop ``stop`` ends a sentence of ``text``."""
    after = stop.end()
    if after < len(text) and not _STARTS_SENTENCE.match(text, after):
        return False
    if stop.group() == ".":
        before = text[: stop.start()]
        token = re.search(r"[\w.]+$", before)
        word = token.group() if token else ""
        if word.lower() in _ABBREVIATIONS:
            return False
        if word.lower() in _BEFORE_NUMBER and re.match(r"\s*\d", text[after:]):
            return False
        if len(word) == 1 and word.isupper():  # an initial: J. Smith
            return False
        if "." in word and all(len(part) <= 2 for part in word.split(".")):  # U.S., e.g
            return False
    return True


def sentences(paragraph: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of every sentence of a paragraph's text.

    >>> text = "Mr. Li went to the U.S. in May. He said “no.” Then: 3.5 tons?! Yes"
    >>> [text[a:b] for a, b in sentences(text)]
    ['Mr. Li went to the U.S. in May.', 'He said “no.”', 'Then: 3.5 tons?!', 'Yes']
    """
    cuts = {m.start() for m in _BULLET_LINE.finditer(paragraph)}
    cuts.update(m.end() for m in _STOP.finditer(paragraph) if _ends_sentence(paragraph, m))
    out = []
    start = 0
    for cut in sorted(cuts) + [len(paragraph)]:
        a, b = _trim(paragraph, start, cut)
        if a < b:
            out.append((a, b))
        start = cut
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# --------------------------------------------------------------- clauses ---

#: the connectives that open a clause, by what they say of it
CONSEQUENCE = tuple(
    [
        "therefore",
        "thus",
        "hence",
        "so",
        "consequently",
        "accordingly",
        "as a result",
        "for this reason",
        "it follows that",
        "this shows that",
        "this shows",
        "this means that",
        "this means",
        "this suggests that",
        "this proves that",
        "against this backdrop",
        "against this background",
        "in light of this",
        "given this",
    ]
)
NECESSITY = ("this necessitates", "this requires", "this calls for")
ADVERSATIVE = ("but", "yet", "however", "nevertheless", "nonetheless", "still", "on the other hand")
CONCESSIVE = ("although", "though", "even though", "whereas")
REASON = ("because", "since")
#: a clause opened by one of these runs to the first comma; what follows is the main clause
SUBORDINATE = (*CONCESSIVE, "while", *REASON)
#: every word that opens a clause and says how it follows from, or stands against, what came before
OPENERS = (*CONSEQUENCE, *NECESSITY, *ADVERSATIVE, *SUBORDINATE)
#: the words that join a clause to what comes before it when they follow a comma (or a
#: semicolon, colon or dash), and those that do so even without one
_AFTER_COMMA = (
    *("but", "yet", "so", "therefore", "thus", "hence", "however", "as a result"),
    *SUBORDINATE,
    *("and therefore", "and thus", "and so", "and hence", "and yet"),
)
_ANYWHERE = ("because", "although", "even though", "whereas", "and therefore", "and thus", "and hence", "and yet")
_JOIN = re.compile(
    r"(?:(?P<punct>[,;:—–]|\s-)\s+(?P<after>" + "|".join(w.replace(" ", r"\s+") for w in _AFTER_COMMA) + r")"
    r"|\s(?P<any>" + "|".join(w.replace(" ", r"\s+") for w in _ANYWHERE) + r"))\b",
    re.IGNORECASE,
)
_TEMPORAL_SINCE = re.compile(r"\s*(?:then|\d|the\s+(?:start|beginning|end|founding)|its\s+founding)", re.IGNORECASE)
_OPENER = re.compile(
    r"(?:(?:and|but)\s+)?(?P<word>"
    + "|".join(w.replace(" ", r"\s+") for w in sorted(OPENERS, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)


def opener(text: str) -> str:
    """The connective a clause opens with (lower case, single spaces), or ``""``.

    >>> opener("Therefore, peace will come."), opener("This shows that it works."), opener("Sofia won.")
    ('therefore', 'this shows that', '')
    """
    m = _OPENER.match(text)
    if m is None:
        return ""
    word = clean(m.group("word")).lower()
    if word == "since" and _TEMPORAL_SINCE.match(text, m.end()):
        return ""
    if word == "so" and re.match(r"\s*(?:far|much|many|long|that)\b", text[m.end() :], re.IGNORECASE):
        return ""
    return word


def split_clauses(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """The clauses of the sentence ``text[start:end]``: ``(start, end, marker)``.

    >>> s = "He said that although it rained all day, we won the match, because we ran more."
    >>> [(s[a:b], m) for a, b, m in split_clauses(s)]  # doctest: +NORMALIZE_WHITESPACE
    [('He said that', ''), ('although it rained all day,', 'although'), ('we won the match,', ''),
     ('because we ran more.', 'because')]
    """
    end = len(text) if end is None else end
    cuts: list[tuple[int, str]] = [(start, opener(text[start:end]))]
    for m in _JOIN.finditer(text, start, end):
        word = clean(m.group("after") or m.group("any")).lower()
        at = m.start("after") if m.group("after") else m.start("any")
        if word == "since" and _TEMPORAL_SINCE.match(text, m.end()):
            continue
        if word == "so" and re.match(r"\s*(?:far|much|many|long|that)\b", text[m.end() : end], re.IGNORECASE):
            continue
        cuts.append((at, word.removeprefix("and ")))
    for m in re.finditer(r";\s+", text[start:end]):
        cuts.append((start + m.end(), ";"))
    # a subordinate clause (although ..., because ...) ends at its first comma: the main clause follows
    for at, word in list(cuts):
        if word in SUBORDINATE:
            comma = text.find(",", at, end)
            following = [c for c, _ in cuts if c > at]
            if comma >= 0 and (not following or comma < min(following)) and end - comma > 2:
                cuts.append((_trim(text, comma + 1, end)[0], ""))
    cuts.sort()
    out: list[tuple[int, int, str]] = []
    for k, (at, word) in enumerate(cuts):
        stop = cuts[k + 1][0] if k + 1 < len(cuts) else end
        a, b = _trim(text, at, stop)
        if a >= b:
            continue
        if out and len(words(text, a, b)) < 3 and word != "":
            prev = out.pop()  # too short to stand alone: it stays with what comes before
            out.append((prev[0], b, prev[2]))
            continue
        if out and len(words(text, *out[-1][:2])) < 3:
            prev = out.pop()
            out.append((prev[0], b, prev[2]))
            continue
        out.append((a, b, word))
    return out


def paragraph_clauses(source: Any, number: int) -> list[Span]:
    """The clauses of paragraph ``number`` (1-based) of a :class:`~argmap.source.SourceText`."""
    text = source.paragraphs[number - 1]
    out = []
    for k, (a, b) in enumerate(sentences(text)):
        for start, end, marker in split_clauses(text, a, b):
            out.append(Span(number, start, end, clean(text[start:end]), marker, k))
    return out


def clauses(source: Any) -> Iterator[Span]:
    """Every clause of a :class:`~argmap.source.SourceText`, paragraph by paragraph."""
    for number in range(1, len(source.paragraphs) + 1):
        yield from paragraph_clauses(source, number)


def sentence_spans(source: Any, number: int) -> list[Span]:
    """The sentences of paragraph ``number`` as :class:`Span` objects."""
    text = source.paragraphs[number - 1]
    return [Span(number, a, b, clean(text[a:b]), "", k) for k, (a, b) in enumerate(sentences(text))]
