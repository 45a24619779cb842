"""The source text a map quotes: its paragraphs, and where a quote sits in it.

Quotes are compared ignoring runs of whitespace and the difference between
typographic and straight quotes, so a quote typed with ``'`` still matches
an article printed with ``’``.

Examples
--------
>>> text = SourceText.from_text("A Title\\n\\nFirst one. It’s here.\\n\\nSecond one.", title="A Title")
>>> text.paragraphs
['First one. It’s here.', 'Second one.']
>>> text.find("it's  here")
1
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
    }
)
_SPACE = re.compile(r"\s+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n+")


def normalize(text: str) -> str:
    """Fold typographic quotes and dashes to ASCII and whitespace runs to one space.

    >>> normalize("“Hot”  issues\\n’s")
    '"Hot" issues \\'s'
    """
    return _SPACE.sub(" ", text.translate(_QUOTES)).strip()


def _is_title(block: str, title: str | None) -> bool:
    """A first block is a title when it is one line that equals the given title, or
    one short line that does not end like a sentence."""
    if "\n" in block:
        return False
    if title and normalize(block).casefold() == normalize(title).casefold():
        return True
    return len(block) <= 200 and not block.rstrip().endswith((".", "!", "?", ":", ";", '"', "”", "’", "'"))


@dataclass
class SourceText:
    """A source text split into paragraphs (blank-line separated blocks).

    The first block is the title, not a paragraph, when it is a single line equal
    to the given ``title`` (ignoring case, quotes and spacing), or a single short
    line that does not end like a sentence.
    """

    paragraphs: list[str]
    title_line: str | None = None
    _folded: list[str] = field(default_factory=list, repr=False)

    @classmethod
    def from_text(cls, text: str, title: str | None = None) -> SourceText:
        text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
        blocks = [b.strip() for b in _BLANK_LINE.split(text) if b.strip()]
        title_line = None
        if blocks and _is_title(blocks[0], title):
            title_line = blocks.pop(0)
        return cls(blocks, title_line, [normalize(b).casefold() for b in blocks])

    def find(self, quote: str) -> int | None:
        """The 1-based paragraph holding ``quote``, or ``None``.

        When the quote occurs in several paragraphs the first is returned.
        """
        needle = normalize(quote).casefold()
        for i, para in enumerate(self._folded, 1):
            if needle in para:
                return i
        return None

    def contains(self, quote: str, paragraph: int) -> bool:
        """Whether ``quote`` occurs in the given 1-based paragraph."""
        if not 1 <= paragraph <= len(self._folded):
            return False
        return normalize(quote).casefold() in self._folded[paragraph - 1]

    def paragraphs_with(self, quote: str) -> list[int]:
        """Every 1-based paragraph holding ``quote``."""
        needle = normalize(quote).casefold()
        return [i for i, para in enumerate(self._folded, 1) if needle in para]

    def closest(self, quote: str) -> tuple[int, str] | None:
        """The passage most like ``quote`` (paragraph, text), for error messages."""
        needle = normalize(quote)
        if not needle or not self.paragraphs:
            return None
        best: tuple[float, int, str] | None = None
        size = len(needle)
        for i, para in enumerate(self.paragraphs, 1):
            flat = normalize(para)
            matcher = difflib.SequenceMatcher(None, flat.casefold(), needle.casefold(), autojunk=False)
            block = matcher.find_longest_match(0, len(flat), 0, len(needle))
            start = max(0, block.a - block.b)
            end = start + size
            # widen to whole words
            while 0 < start < len(flat) and flat[start - 1] != " " and flat[start] != " ":
                start -= 1
            while 0 < end < len(flat) and flat[end - 1] != " " and flat[end] != " ":
                end += 1
            window = flat[start:end].strip()
            score = difflib.SequenceMatcher(None, window.casefold(), needle.casefold()).ratio()
            if best is None or score > best[0]:
                best = (score, i, window)
        assert best is not None
        return best[1], best[2]
