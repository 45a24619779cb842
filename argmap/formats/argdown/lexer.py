"""Argdown's tokens: the scanner that turns text into logical lines (comments cut
out, data blocks set aside, positions kept), the patterns of the line
structures, and the reader of inline text (escapes, links, mentions, hashtags,
shortcodes) that statement and argument texts are made of.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ...errors import Problem


#: shortcodes the reference replaces by default (dots or colons around the name)
SHORTCODES = {
    "~": "¬",
    "A": "∀",
    "E": "∃",
    "->": "→",
    "<->": "↔",
    "^": "∧",
    "v": "∨",
    "v_": "⊻",
    "<>": "◇",
    "[]": "◻",
    "O": "𝗢",
    "P": "𝗣",
    "+1": "👍",
    "up": "👍",
    "-1": "👎",
    "down": "👎",
    "y": "✔",
    "check": "✔",
    "n": "❌",
    "cross": "❌",
    "?": "❓",
    "question": "❓",
    "star": "⭐",
    "heart": "❤",
    "happy": "😀",
    "smile": "☺️",
    "smiley": "☺️",
    "laugh": "😆",
    "lol": "😆",
    "rofl": "🤣",
    "joy": "😂",
    "love": "😍",
    "wink": "😉",
    "shush": "🤫",
    "sush": "🤫",
    "meh": "😐",
    "eye-roll": "🙄",
    "sad": "😢",
    "disappointed": "😞",
    "scream": "😱",
    "think": "🤔",
}


#: relation symbol -> (relation, direction): "in" means the child relates to
#: its parent (``+ x``: x supports the parent), "out" the parent to the child
SYMBOLS = {
    "+": ("support", "in"),
    "<+": ("support", "in"),
    "+>": ("support", "out"),
    "-": ("attack", "in"),
    "<-": ("attack", "in"),
    "->": ("attack", "out"),
    "_": ("undercut", "in"),
    "<_": ("undercut", "in"),
    "_>": ("undercut", "out"),
    "><": ("contradictory", "out"),
}


_SPECIAL = re.compile(r"(?=[\\\[</{])(?:\\|\[[^\]\n]*\]\([^)\n]*\)|<!--|/\*|//|\{)")

HEADING = re.compile(r"(#+)(?:[ \t]+|$)")

PCS_ITEM = re.compile(r"\((\d+)\)(?:[ \t]+|$)")

LIST_ITEM = re.compile(r"(?:\*|\d+\.)(?:[ \t]+|$)")

#: a relation symbol at the start of a line; as in the reference, no space need follow it
#: (``+[B]`` is a support), except after ``_``, and ``--`` starts an inference line instead
RELATION = re.compile(r"(<\+|\+>|<-|->|<_|_>|><|\+|-(?!-)|_(?=[ \t]|$))[ \t]*")

#: a heading's start as the reference reads it on a line inside a block: hashes, then a space
HEADING_START = re.compile(r"#+ ")

NEW_ELEMENT = re.compile(r"\[[^\]\n]+\](?!\()|<[^>\n]+>|\(\d+\)(?:[ \t]|$)|\*[ \t]|\d+\.[ \t]")

COLLAPSED = re.compile(r"-{4,}[ \t]*$")

EXPANDED_LINE = re.compile(r"(-{2,})[ \t]+(.*?)[ \t]+-{2,}[ \t]*$")

EXPANDED_START = re.compile(r"-{2,3}[ \t]*$")

EXPANDED_END = re.compile(r"-{2,}[ \t]*$")

STATEMENT_HEAD = re.compile(r"\[([^\]\n]+)\](:?)")

ARGUMENT_HEAD = re.compile(r"<([^>\n]+)>(:?)")

INLINE = re.compile(  # the lookahead lets the engine skip plain text fast
    "(?=[\\\\\ue000@\\[<#.:*_])(?:"
    r"(?P<esc>\\(?P<ec>[^\s\\]|\\))"
    "|(?P<data>\ue000(?P<di>\\d+)\ue001)"
    r"|(?P<mention>@(?:\[[^\]\n]*\]|<[^>\n]*>))"
    r"|(?P<link>\[(?P<lt>[^\]\n]*)\]\([^)\n]*\))"
    r"|(?P<tagb>#\((?P<tb>[^)\n]*)\))"
    r"|(?P<tag>#(?P<tn>[\w-]+))"
    r"|(?P<sc>\.(?P<scd>[^\s.]+)\.|:(?P<scc>[^\s:]+):)"
    r"|(?P<em>\*+|_+)"
    # a reference or definition ([A], <A>, [A]:) that is not a mention: the reference
    # reads it as a new element, which cannot stand inside a text
    r"|(?P<ref>\[[^\n-][^\n]*?\]|<[^\n-][^\n]*?>))"
)


_TAGS_AND_DATA = re.compile("\\s+|#\\([^)\\n]*\\)|#[\\w-]+|\ue000\\d+\ue001")

_BREAK = re.compile(r"\n[ \t]*")

_SENTINEL = re.compile("[ \t]*\x00[ \t]*")


@dataclass(slots=True)
class Line:
    """A logical line: a source line with comments cut out and data blocks
    replaced by placeholders (so one may span several source lines)."""

    text: str
    offsets: list[int]
    where: list[tuple[int, int]]
    commented: bool = False

    def pos(self, offset: int) -> tuple[int, int]:
        i = max(bisect_right(self.offsets, offset) - 1, 0)
        line, col = self.where[i]
        return line, col + offset - self.offsets[i]


@dataclass(slots=True)
class Data:
    raw: str
    line: int
    column: int


#: a one-line data block with no nested braces, no single quotes and no backslash outside
#: double-quoted strings, each string opening right after "{", "[", "," or ":" (and one space):
#: where match_brace's loop would end, found by one regular expression
SIMPLE_BLOCK = re.compile(r"""\{(?:[^{}"'\\\n]|(?<=[:,\[{] )"(?:[^"\\\n]|\\.)*"|(?<=[:,\[{])"(?:[^"\\\n]|\\.)*")*\}""")

#: a brace, or a character after which a YAML quoted scalar may start, with that scalar
_DATA_TOKEN = re.compile(r"""[{}\[,:\-?]((?<!\})\s*(?:"(?:[^"\\]|\\.)*(")?|'(?:[^']|'')*(')?))?""", re.S)


def match_brace(text: str, start: int) -> int | None:
    """The offset just after the ``}`` closing the ``{`` at ``start`` (YAML-quote aware).

    One regular expression walks from brace to quoted scalar, so a block that is
    never closed costs one pass at the speed of the regex engine.

    >>> match_brace("{a: '}', b: {c: \\"}\\"}} rest", 0)
    21
    """
    simple = SIMPLE_BLOCK.match(text, start)
    if simple is not None:
        return simple.end()
    depth = 0
    for m in _DATA_TOKEN.finditer(text, start):
        c = text[m.start()]
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return m.start() + 1
        if m.group(1) is not None and m.group(2) is None and m.group(3) is None:
            return None  # a quote that is never closed
    return None


def scan(text: str, first_line: int) -> tuple[list[Line], list[Data], list[Problem]]:  # noqa: C901 (the scanner: one pass over the characters, a state machine)
    """Split text into logical lines, cutting out comments and data blocks."""
    lines: list[Line] = []
    datas: list[Data] = []
    problems: list[Problem] = []
    parts: list[str] = []
    size = 0
    offsets, where = [0], [(first_line, 1)]
    commented = False
    line, start = first_line, 0  # current source line and the offset where it starts
    raw_next = 0  # source offset just after the last copied chunk
    braces = True
    pos, n = 0, len(text)

    def copy(a: int, b: int) -> None:
        nonlocal size, raw_next
        if a >= b:
            return
        if a != raw_next:
            offsets.append(size)
            where.append((line, a - start + 1))
        parts.append(text[a:b])
        size += b - a
        raw_next = b

    def skip(a: int, b: int) -> None:  # consume text[a:b], keeping line numbers right
        nonlocal line, start
        k = text.count("\n", a, b)
        if k:
            line += k
            start = text.rfind("\n", a, b) + 1

    def plain(a: int, b: int) -> None:  # copy text[a:b], which may hold whole lines
        nonlocal parts, size, commented, line, start, raw_next, offsets, where
        i = text.find("\n", a, b)
        if i < 0:
            copy(a, b)
            return
        copy(a, i)
        lines.append(Line("".join(parts), offsets, where, commented))
        line, j = line + 1, i + 1
        k = text.find("\n", j, b)
        while k >= 0:  # lines with nothing special in them
            lines.append(Line(text[j:k], [0], [(line, 1)], False))
            line, j = line + 1, k + 1
            k = text.find("\n", j, b)
        parts, size, commented = [], 0, False
        start = raw_next = j
        offsets, where = [0], [(line, 1)]
        copy(j, b)

    while pos < n:
        m = _SPECIAL.search(text, pos)
        if m is None:
            plain(pos, n)
            break
        s, token = m.start(), m.group()
        plain(pos, s)
        pos = m.end()
        if token == "\\":
            if pos < n and text[pos] != "\n":
                pos += 1
            copy(s, pos)
        elif token[0] == "[":  # a link: its url may hold "//"
            copy(s, pos)
        elif token in ("<!--", "/*"):
            close = "-->" if token == "<!--" else "*/"
            end = text.find(close, pos)
            if end < 0:
                problems.append(
                    Problem(
                        f"the comment opened here ({token}) is never closed",
                        line=line,
                        column=s - start + 1,
                        hint=f"Close it with {close}.",
                    )
                )
                end = n
            else:
                end += len(close)
            skip(s, end)
            while end < n and text[end] in " \t":  # the reference drops the spaces after a comment
                end += 1
            pos, commented = end, True
        elif token == "//":
            end = text.find("\n", pos)
            pos, commented = (n if end < 0 else end), True
        else:  # "{": a data block
            closing = match_brace(text, s) if braces else None
            if closing is None:
                if braces:
                    problems.append(
                        Problem(
                            "the data block opened here with '{' is never closed",
                            line=line,
                            column=s - start + 1,
                            hint="Close it with '}', or write \\{ for a literal brace.",
                        )
                    )
                braces = False
                copy(s, pos)
                continue
            end = closing
            placeholder = f"\ue000{len(datas)}\ue001"
            datas.append(Data(text[s:end], line, s - start + 1))
            offsets.append(size)
            where.append((line, s - start + 1))
            parts.append(placeholder)
            size += len(placeholder)
            skip(s, end)
            pos, raw_next = end, -1
    lines.append(Line("".join(parts), offsets, where, commented))
    return lines, datas, problems


@dataclass(slots=True)
class InlineText:
    text: str  # as the reference reads it (hashtags kept)
    clean: str  # without the hashtags that lead or trail the words
    tags: list[str]
    data: list[int]  # data placeholder indices
    stray: int | None = None  # offset of text after a data block (an error)
    reference: int | None = None  # offset of a reference ([A], <A>) inside the text (an error)


def inline(s: str, remove_tags: bool = False) -> InlineText:  # noqa: C901 (the inline reader: one pass over a text's tokens, a state machine)
    """Resolve the inline elements of statement text: escapes, links, mentions,
    hashtags, shortcodes, bold and italic markers, data placeholders.

    Whitespace follows the reference: runs of spaces inside a line stay, a
    line break becomes one space, and the spaces after a tag, link, mention,
    shortcode or closing marker shrink to one.

    >>> inline("**pros & cons**   in  #tag  Argdown").text
    'pros & cons in  #tag Argdown'
    """
    if INLINE.search(s) is None:  # plain text: only the line breaks to handle
        plain = _spaces(s)
        return InlineText(plain, plain, [], [])
    tokens: list[list[str]] = []  # [kind, value]: kind is "text" or "tag"
    tags: list[str] = []
    data: list[int] = []
    opened: list[tuple[str, int]] = []  # (marker char, token index)
    stray = None
    reference = None
    eat = False
    pos = 0

    def add(chunk: str) -> None:
        nonlocal eat
        if eat:
            lead = len(chunk) - len(chunk.lstrip(" \t"))
            if lead:
                tokens.append(["text", " "])
                chunk = chunk[lead:]
            eat = False
        if chunk:
            tokens.append(["text", chunk])

    for m in INLINE.finditer(s):
        start = m.start()
        if start > pos:
            chunk = s[pos:start]
            if data and stray is None and chunk.strip():
                stray = pos + len(chunk) - len(chunk.lstrip())
            add(chunk)
        pos = m.end()
        eat = False
        kind = m.lastgroup
        if data and stray is None:
            stray = start
        if kind == "esc":
            tokens.append(["text", m.group("ec")])
        elif kind == "data":
            data.append(int(m.group("di")))
        elif kind == "mention":
            tokens.append(["text", m.group()])
            eat = True
        elif kind == "link":
            tokens.append(["text", m.group("lt")])
            eat = True
        elif kind in ("tagb", "tag"):
            name = m.group("tb") if kind == "tagb" else m.group("tn")
            if name not in tags:
                tags.append(name)
            tokens.append(["tag", m.group()])
            eat = True
        elif kind == "ref":
            if reference is None:
                reference = start
            tokens.append(["text", m.group()])
        elif kind == "sc":
            name = m.group("scd")
            if name is None:
                name = m.group("scc")
            tokens.append(["text", SHORTCODES.get(name, m.group())])
            eat = True
        else:  # a run of * or _: emphasis markers are dropped when they pair up
            run = m.group()
            char = run[0]
            before = s[start - 1] if start else ""
            after = s[pos] if pos < len(s) else ""
            if before and not before.isspace() and not after.isalnum() and opened and opened[-1][0] == char:
                tokens[opened.pop()[1]] = ["text", ""]
                eat = True
            elif after and not after.isspace():
                opened.append((char, len(tokens)))
                tokens.append(["text", run])
            else:
                tokens.append(["text", run])
    if pos < len(s):
        chunk = s[pos:]
        if data and stray is None and chunk.strip():
            stray = pos + len(chunk) - len(chunk.lstrip())
        add(chunk)
    text = "".join(v if k != "tag" else ("\x00" if remove_tags else v) for k, v in tokens)
    # argmap's text drops the hashtags before and after the words; those in
    # the middle of a sentence stay, as words
    words = [i for i, (k, v) in enumerate(tokens) if k == "text" and v.strip()]
    first, last = (words[0], words[-1]) if words else (len(tokens), -1)
    clean = "".join(v if k != "tag" or first < i < last else "\x00" for i, (k, v) in enumerate(tokens))
    return InlineText(_spaces(text), _spaces(clean), tags, data, stray, reference)


def _spaces(text: str) -> str:
    """Line breaks (with the next line's indentation) become one space unless
    one is there already; removed tags leave one space."""
    if "\n" in text:
        text = _BREAK.sub(lambda m: "" if m.start() and m.string[m.start() - 1] in " \t" else " ", text)
    if "\x00" in text:
        text = _SENTINEL.sub(" ", text)
    return text.strip()


class Content:
    """The text of an element spread over several logical lines, with positions."""

    def __init__(self, pieces: list[tuple[Line, int]], end: int | None = None) -> None:
        self.pieces = pieces
        texts = [line.text[start:] for line, start in pieces]
        if end is not None and pieces:
            texts[-1] = pieces[-1][0].text[pieces[-1][1] : end]
        self.starts = []
        total = 0
        for t in texts:
            self.starts.append(total)
            total += len(t) + 1
        self.text = "\n".join(texts)

    def pos(self, offset: int) -> tuple[int, int]:
        i = max(bisect_right(self.starts, offset) - 1, 0)
        line, start = self.pieces[i]
        return line.pos(start + offset - self.starts[i])


def strip_tags_and_data(s: str) -> int | None:
    """The offset of the first character in ``s`` that is not whitespace, a
    hashtag or a data placeholder; None when there is none."""
    pos = 0
    while pos < len(s):
        m = _TAGS_AND_DATA.match(s, pos)
        if not m:
            return pos
        pos = m.end()
    return None
