"""Argdown: read and write the argumentation syntax of https://argdown.org.

Reading has two steps. :func:`parse` turns Argdown text into a
:class:`Document`, the Argdown-level view (equivalence classes of statements,
arguments with their premise-conclusion structures, typed relations), exactly
as the reference implementation reads it. :func:`loads` then maps that view
onto argmap's model:

- every equivalence class becomes a statement (id from its title, ``title``
  kept); an argument that is only sketched (no premise-conclusion structure)
  becomes a statement holding its description;
- a premise-conclusion structure becomes one argument per inference step
  (premises: the statements since the previous conclusion, or the step's
  ``uses: [...]`` data), so intermediary conclusions chain;
- support relations become arguments, attack relations attacks (undercut when
  they target an argument or inference), contrary and contradictory relations
  attacks in both directions;
- ``#proposal``/``#claim``/``#premise`` tags and ``{kind: ..., quote: ...,
  paragraph: ..., speaker: ..., note: ..., id: ...}`` data set those fields;
  otherwise a statement some argument concludes is a claim, any other a premise;
- headings become tags of the statements and arguments defined under them.

The parser is one pass over the lines with an explicit indentation stack: no
recursion, linear in the size of the file.

>>> m = loads("[Rain]: It rains.\\n  + [Forecast]: The forecast says so.\\n")
>>> [(s.id, s.kind, s.text) for s in m.statements]
[('rain', 'claim', 'It rains.'), ('forecast', 'premise', 'The forecast says so.')]
>>> [(a.premises, a.conclusion) for a in m.arguments]
[(('forecast',), 'rain')]
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from ..errors import MapInvalid, Problem
from ..limits import max_nesting, nesting_problem
from ._common import KINDS, Ids, attack_type, attack_types, infer_kinds, locator, slugify, text_slug, title_from_name

SUFFIXES = (".argdown", ".ad")

#: shortcodes the reference replaces by default (dots or colons around the name)
SHORTCODES = {
    "~": "¬", "A": "∀", "E": "∃", "->": "→", "<->": "↔", "^": "∧", "v": "∨", "v_": "⊻",
    "<>": "◇", "[]": "◻", "O": "𝗢", "P": "𝗣", "+1": "👍", "up": "👍", "-1": "👎", "down": "👎",
    "y": "✔", "check": "✔", "n": "❌", "cross": "❌", "?": "❓", "question": "❓", "star": "⭐",
    "heart": "❤", "happy": "😀", "smile": "☺️", "smiley": "☺️", "laugh": "😆", "lol": "😆",
    "rofl": "🤣", "joy": "😂", "love": "😍", "wink": "😉", "shush": "🤫", "sush": "🤫",
    "meh": "😐", "eye-roll": "🙄", "sad": "😢", "disappointed": "😞", "scream": "😱",
    "think": "🤔",
}

#: relation symbol -> (relation, direction): "in" means the child relates to
#: its parent (``+ x``: x supports the parent), "out" the parent to the child
SYMBOLS = {
    "+": ("support", "in"), "<+": ("support", "in"), "+>": ("support", "out"),
    "-": ("attack", "in"), "<-": ("attack", "in"), "->": ("attack", "out"),
    "_": ("undercut", "in"), "<_": ("undercut", "in"), "_>": ("undercut", "out"),
    "><": ("contradictory", "out"),
}

_SPECIAL = re.compile(r"(?=[\\\[</{])(?:\\|\[[^\]\n]*\]\([^)\n]*\)|<!--|/\*|//|\{)")
_HEADING = re.compile(r"(#+)(?:[ \t]+|$)")
_PCS_ITEM = re.compile(r"\((\d+)\)(?:[ \t]+|$)")
_LIST_ITEM = re.compile(r"(?:\*|\d+\.)(?:[ \t]+|$)")
_RELATION = re.compile(r"(<\+|\+>|<-|->|<_|_>|><|\+|-|_)(?:[ \t]+|$)")
_NEW_ELEMENT = re.compile(r"\[[^\]\n]+\](?!\()|<[^>\n]+>|\(\d+\)(?:[ \t]|$)|\*[ \t]|\d+\.[ \t]")
_COLLAPSED = re.compile(r"-{4,}[ \t]*$")
_EXPANDED_LINE = re.compile(r"(-{2,})[ \t]+(.*?)[ \t]+-{2,}[ \t]*$")
_EXPANDED_START = re.compile(r"-{2,3}[ \t]*$")
_EXPANDED_END = re.compile(r"-{2,}[ \t]*$")
_STATEMENT_HEAD = re.compile(r"\[([^\]\n]+)\](:?)")
_ARGUMENT_HEAD = re.compile(r"<([^>\n]+)>(:?)")
_INLINE = re.compile(  # the lookahead lets the engine skip plain text fast
    "(?=[\\\\\ue000@\\[#.:*_])(?:"
    r"(?P<esc>\\(?P<ec>[^\s\\]|\\))"
    "|(?P<data>\ue000(?P<di>\\d+)\ue001)"
    r"|(?P<mention>@(?:\[[^\]\n]*\]|<[^>\n]*>))"
    r"|(?P<link>\[(?P<lt>[^\]\n]*)\]\([^)\n]*\))"
    r"|(?P<tagb>#\((?P<tb>[^)\n]*)\))"
    r"|(?P<tag>#(?P<tn>[\w-]+))"
    r"|(?P<sc>\.(?P<scd>[^\s.]+)\.|:(?P<scc>[^\s:]+):)"
    r"|(?P<em>\*+|_+))"
)
_TAGS_AND_DATA = re.compile("\\s+|#\\([^)\\n]*\\)|#[\\w-]+|\ue000\\d+\ue001")
_BREAK = re.compile(r"\n[ \t]*")
_SENTINEL = re.compile("[ \t]*\x00[ \t]*")


# ---------------------------------------------------------------- the model ---


@dataclass
class Section:
    """A heading and the part of the document under it."""

    title: str
    level: int
    parent: Section | None
    data: dict = field(default_factory=dict)
    tags: list[str] = field(default_factory=list)

    def group(self) -> str | None:
        """The group (tag) its elements belong to: itself, or the nearest
        enclosing section, skipping sections marked ``{isGroup: false}``."""
        s: Section | None = self
        while s is not None and s.data.get("isGroup") is False:
            s = s.parent
        return s.title if s is not None else None


@dataclass
class EquivalenceClass:
    """A statement title and its members: Argdown's unit of "the same statement"."""

    title: str
    untitled: bool
    line: int
    column: int
    text: str | None = None  # of the first member that defines it, as the reference reads it
    clean: str | None = None  # the same without hashtags (argmap's text)
    tags: list[str] = field(default_factory=list)
    data: dict = field(default_factory=dict)
    defined: bool = False
    section: Section | None = None


@dataclass
class PcsStatement:
    """One numbered line of a premise-conclusion structure."""

    title: str
    number: int
    role: str  # premise | intermediary-conclusion | main-conclusion
    line: int
    column: int
    data: dict = field(default_factory=dict)


@dataclass
class Inference:
    """An inference line (or block) before a conclusion; ``conclusion`` indexes
    :attr:`Argument.pcs`."""

    rules: str
    data: dict
    conclusion: int
    line: int
    column: int


@dataclass
class Argument:
    """An argument: its descriptions, and its premise-conclusion structure once reconstructed."""

    title: str
    untitled: bool
    line: int
    column: int
    description: str | None = None
    clean: str | None = None
    tags: list[str] = field(default_factory=list)
    data: dict = field(default_factory=dict)
    pcs: list[PcsStatement] = field(default_factory=list)
    inferences: list[Inference] = field(default_factory=list)
    defined: bool = False
    section: Section | None = None

    @property
    def reconstructed(self) -> bool:
        return bool(self.pcs)


@dataclass
class Relation:
    """A typed relation between statements (equivalence classes), arguments and inferences.

    ``source``/``target`` are ``("s", title)``, ``("a", title)`` or
    ``("i", argument title, inference index)``.
    """

    type: str  # support attack undercut entails contrary contradictory
    source: tuple
    target: tuple
    line: int
    column: int
    meta: dict | None = None

    def view(self) -> dict:
        names = {"s": "equivalence-class", "a": "argument", "i": "inference"}
        return {"type": self.type, "from": self.source[1], "fromType": names[self.source[0]],
                "to": self.target[1], "toType": names[self.target[0]]}


@dataclass
class Document:
    """An Argdown document as the reference reads it."""

    frontmatter: dict
    statements: dict[str, EquivalenceClass]
    arguments: dict[str, Argument]
    relations: list[Relation]
    sections: list[Section]
    strict: bool = False

    def view(self) -> dict:
        """Statements, arguments and relations in the shape of the reference
        CLI's JSON export (tags sorted, relations deduplicated and sorted)."""
        relations = {json.dumps(r.view(), sort_keys=True) for r in self.relations}
        return {
            "statements": {t: {"text": s.text, "tags": sorted(s.tags)} for t, s in self.statements.items()},
            "arguments": {t: {"description": a.description, "tags": sorted(a.tags),
                              "pcs": [{"title": p.title, "role": p.role} for p in a.pcs]}
                          for t, a in self.arguments.items()},
            "relations": [json.loads(r) for r in sorted(relations)],
        }


# ------------------------------------------------------------- the scanner ---


@dataclass(slots=True)
class _Line:
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
class _Data:
    raw: str
    line: int
    column: int


#: a one-line data block with no nested braces, no single quotes and no backslash outside
#: double-quoted strings, each string opening right after "{", "[", "," or ":" (and one space):
#: where _match_brace's loop would end, found by one regular expression
_SIMPLE_BLOCK = re.compile(r"""\{(?:[^{}"'\\\n]|(?<=[:,\[{] )"(?:[^"\\\n]|\\.)*"|(?<=[:,\[{])"(?:[^"\\\n]|\\.)*")*\}""")


#: a brace, or a character after which a YAML quoted scalar may start, with that scalar
_DATA_TOKEN = re.compile(r"""[{}\[,:\-?]((?<!\})\s*(?:"(?:[^"\\]|\\.)*(")?|'(?:[^']|'')*(')?))?""", re.S)


def _match_brace(text: str, start: int) -> int | None:
    """The offset just after the ``}`` closing the ``{`` at ``start`` (YAML-quote aware).

    One regular expression walks from brace to quoted scalar, so a block that is
    never closed costs one pass at the speed of the regex engine.

    >>> _match_brace("{a: '}', b: {c: \\"}\\"}} rest", 0)
    21
    """
    simple = _SIMPLE_BLOCK.match(text, start)
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


def _scan(text: str, first_line: int) -> tuple[list[_Line], list[_Data], list[Problem]]:
    """Split text into logical lines, cutting out comments and data blocks."""
    lines: list[_Line] = []
    datas: list[_Data] = []
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
        lines.append(_Line("".join(parts), offsets, where, commented))
        line, j = line + 1, i + 1
        k = text.find("\n", j, b)
        while k >= 0:  # lines with nothing special in them
            lines.append(_Line(text[j:k], [0], [(line, 1)], False))
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
                problems.append(Problem(f"the comment opened here ({token}) is never closed",
                                        line=line, column=s - start + 1, hint=f"Close it with {close}."))
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
            end = _match_brace(text, s) if braces else None
            if end is None:
                if braces:
                    problems.append(Problem(
                        "the data block opened here with '{' is never closed", line=line,
                        column=s - start + 1, hint="Close it with '}', or write \\{ for a literal brace."))
                braces = False
                copy(s, pos)
                continue
            placeholder = f"\ue000{len(datas)}\ue001"
            datas.append(_Data(text[s:end], line, s - start + 1))
            offsets.append(size)
            where.append((line, s - start + 1))
            parts.append(placeholder)
            size += len(placeholder)
            skip(s, end)
            pos, raw_next = end, -1
    lines.append(_Line("".join(parts), offsets, where, commented))
    return lines, datas, problems


# ------------------------------------------------------------------ inline ---


@dataclass(slots=True)
class _Text:
    text: str  # as the reference reads it (hashtags kept)
    clean: str  # without the hashtags that lead or trail the words
    tags: list[str]
    data: list[int]  # data placeholder indices
    stray: int | None = None  # offset of text after a data block (an error)


def _inline(s: str, remove_tags: bool = False) -> _Text:
    """Resolve the inline elements of statement text: escapes, links, mentions,
    hashtags, shortcodes, bold and italic markers, data placeholders.

    Whitespace follows the reference: runs of spaces inside a line stay, a
    line break becomes one space, and the spaces after a tag, link, mention,
    shortcode or closing marker shrink to one.

    >>> _inline("**pros & cons**   in  #tag  Argdown").text
    'pros & cons in  #tag Argdown'
    """
    if _INLINE.search(s) is None:  # plain text: only the line breaks to handle
        plain = _spaces(s)
        return _Text(plain, plain, [], [])
    tokens: list[list[str]] = []  # [kind, value]: kind is "text" or "tag"
    tags: list[str] = []
    data: list[int] = []
    opened: list[tuple[str, int]] = []  # (marker char, token index)
    stray = None
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

    for m in _INLINE.finditer(s):
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
    return _Text(_spaces(text), _spaces(clean), tags, data, stray)


def _spaces(text: str) -> str:
    """Line breaks (with the next line's indentation) become one space unless
    one is there already; removed tags leave one space."""
    if "\n" in text:
        text = _BREAK.sub(lambda m: "" if m.start() and m.string[m.start() - 1] in " \t" else " ", text)
    if "\x00" in text:
        text = _SENTINEL.sub(" ", text)
    return text.strip()


# ------------------------------------------------------------------ parser ---


@dataclass(slots=True)
class _Element:
    """A statement or argument being read: where its text is, what it is."""

    kind: str  # "s" or "a"
    title: str
    definition: bool  # has text of its own (titled definition or untitled statement)
    pieces: list[tuple[_Line, int]]
    line: int
    column: int
    relation: Relation | None = None  # the relation it is the child of
    number: int | None = None  # pcs statement number
    context: str = "top"
    data: dict = field(default_factory=dict)
    start: tuple[int, int] | None = None  # where its line starts (pcs statements)
    result: _Text | None = None  # its text, once read, when it defines its statement or argument

    @property
    def member(self) -> tuple:
        return (self.kind, self.title)


class _Parser:
    """Reads Argdown block by block (blocks are separated by empty lines);
    inside a block, an indentation stack relates each line to its parent.
    Problems are collected and raised together at the end."""

    def __init__(self, text: str, name: str) -> None:
        self.name = name
        self.text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
        self.problems: list[Problem] = []
        self.statements: dict[str, EquivalenceClass] = {}
        self.arguments: dict[str, Argument] = {}
        self.raw: list[tuple[str, str, tuple, tuple, int, int, tuple | None, Relation]] = []
        self.sections: list[Section] = []
        self.section: Section | None = None
        self.untitled = 0
        self.datas: list[_Data] = []
        self.frontmatter: dict = {}
        self.remove_tags = False
        self.max_nesting = max_nesting()

    # ---- errors

    def error(self, message: str, where: tuple[int, int] | None, hint: str = "") -> None:
        line, col = where if where else (None, None)
        self.problems.append(Problem(message, line=line, column=col, hint=hint))

    # ---- the document

    def run(self) -> Document:
        body, first = self._frontmatter()
        model = self.frontmatter.get("model") if isinstance(self.frontmatter.get("model"), dict) else {}
        strict = model.get("mode") == "strict"
        self.remove_tags = model.get("removeTagsFromText") is True
        if self.problems or not _Regular(self).read(body, first):
            self._general(body, first)
        relations = self._relations(strict)
        if self.problems:
            self.problems.sort(key=lambda p: (p.line or 0, p.column or 0))
            raise MapInvalid(self.name, self.problems[:50])
        return Document(self.frontmatter, self.statements, self.arguments, relations, self.sections, strict)

    def _general(self, body: str, first: int) -> None:
        """Read the body in full generality: scan, then block by block."""
        lines, self.datas, problems = _scan(body, first)
        self.problems += problems
        previous: _Element | None = None
        block: list[_Line] = []
        for line in lines + [_Line("", [0], [(0, 1)])]:
            if line.text.strip():
                block.append(line)
            elif not line.commented and block:
                previous = self._block(block, previous)
                block = []

    def _frontmatter(self) -> tuple[str, int]:
        text = self.text
        lead = len(text) - len(text.lstrip(" \t\n"))
        skipped = text.count("\n", 0, lead)
        m = re.match(r"===[ \t]*\n", text[lead:])
        if not m:
            return text, 1
        start = lead + m.end()
        end = re.compile(r"^===[ \t]*$", re.M).search(text, start)
        first = skipped + 1
        if end is None:
            self.error("the front matter opened with === is never closed", (first, 1),
                       hint="End it with a line of three equals signs (===).")
            return "", 1
        data = self._yaml(text[start:end.start()], first + 1, 1, block=True, what="front matter")
        self.frontmatter = data if isinstance(data, dict) else {}
        line_after = text.count("\n", 0, end.end()) + 1
        return text[end.end():], line_after

    def _yaml(self, source: str, line: int, col: int, *, block: bool, what: str) -> Any:
        from . import yaml as yaml_format

        try:
            data = yaml_format.parse(source, name=self.name)
        except MapInvalid as err:
            for p in err.problems:
                at_line = line + (p.line or 1) - 1
                at_col = (p.column or 1) + (col - 1 if (p.line or 1) == 1 and not block else 0)
                self.problems.append(Problem(f"invalid YAML in the {what}: " + p.message.removeprefix("invalid YAML: "),
                                             line=at_line, column=at_col, hint=p.hint))
            return {}
        if data is None:
            return {}
        if not isinstance(data, dict):
            self.error(f"the {what} must be a mapping of keys to values, like {{key: value}}", (line, col))
            return {}
        return data

    def _data(self, index: int) -> dict:
        d = self.datas[index]
        simple = flow_data(d.raw)
        if simple is not None:
            return simple
        inner = d.raw[1:-1]
        if inner.lstrip(" \t").startswith("\n"):  # block style: YAML between the braces
            return self._yaml(inner, d.line, d.column + 1, block=True, what="data")
        return self._yaml(d.raw, d.line, d.column, block=False, what="data")

    # ---- blocks

    def _block(self, lines: list[_Line], previous: _Element | None) -> _Element | None:
        first = lines[0]
        stripped = first.text.lstrip()
        indent = len(first.text) - len(stripped)
        if _HEADING.match(stripped):
            self._heading(lines, indent)
            return None
        if _PCS_ITEM.match(stripped):
            target = previous if previous is not None and previous.kind == "a" else None
            self._pcs(lines, target)
            return None
        if _LIST_ITEM.match(stripped):
            self._list(lines, indent)
            return None
        m = _RELATION.match(stripped)
        if m:
            self.error(f"a relation ('{m.group(1)}') must follow the statement or argument it relates to",
                       first.pos(indent), hint="Remove the empty line above it, or put a statement first.")
            return None
        if stripped.startswith("--"):
            self.error("an inference line (----) may only stand between the numbered statements of a "
                       "premise-conclusion structure", first.pos(indent),
                       hint="Put numbered statements like '(1) ...' before and after it.")
            return None
        root = self._start(first, indent, "top")
        if root is None:
            return None
        self._tree(lines[1:], [(0, root.member, None, root)], root)
        return root

    def _heading(self, lines: list[_Line], indent: int) -> None:
        first = lines[0]
        m = _HEADING.match(first.text, indent)
        assert m is not None
        level = len(m.group(1))
        content = _Content([(first, m.end())] + [(line, 0) for line in lines[1:]])
        text = _inline(content.text)
        data: dict = {}
        for i in text.data:
            data.update(self._data(i))
        parent = self.section
        while parent is not None and parent.level >= level:
            parent = parent.parent
        self.section = Section(text.clean or text.text, level, parent, data, text.tags)
        self.sections.append(self.section)

    def _list(self, lines: list[_Line], indent: int) -> None:
        stack: list = []
        marker: bool | None = None  # numbered items?
        current: _Element | None = None
        for line in lines:
            stripped = line.text.lstrip()
            at = len(line.text) - len(stripped)
            item = _LIST_ITEM.match(stripped)
            relation = _RELATION.match(stripped)
            if item and not relation:
                ordered = stripped[0] != "*"
                if marker is None:
                    marker = ordered
                elif ordered != marker:
                    self.error("a list mixes '*' items and numbered items", line.pos(at),
                               hint="Put an empty line between the two lists.")
                    return
                if at != indent:
                    self.error("nested lists are not supported in Argdown", line.pos(at),
                               hint="Indent every list item alike, or use relations (+, -) to nest statements.")
                    return
                self._finish(current)
                self._close(stack)
                current = self._start(line, at + item.end(), "list")
                if current is None:
                    return
                stack = [(0, current.member, None, current)]
                continue
            current = self._line(line, stack, current)
            if current is None:
                return
        self._finish(current)
        self._close(stack)

    def _tree(self, lines: list[_Line], stack: list, current: _Element) -> None:
        for line in lines:
            current = self._line(line, stack, current)
            if current is None:
                return
        self._finish(current)
        self._close(stack)

    def _close(self, stack: list) -> None:
        """Close the elements of a finished relation tree, deepest first: the
        reference registers a statement after its children (so a child's
        definition is the "first" one)."""
        while stack:
            self._define(stack.pop()[3])

    def _define(self, element: _Element | None) -> None:
        if element is None or element.result is None:
            return
        registry: Any = self.statements if element.kind == "s" else self.arguments
        item = registry[element.title]
        if element.kind == "s" and item.text is None:
            item.text, item.clean = element.result.text, element.result.clean
        elif element.kind == "a" and item.description is None:
            item.description, item.clean = element.result.text, element.result.clean
        item.defined = True

    def _line(self, line: _Line, stack: list, current: _Element | None) -> _Element | None:
        """One line below a tree's root: a relation to a new child, or more text."""
        stripped = line.text.lstrip()
        at = len(line.text) - len(stripped)
        m = _RELATION.match(stripped)
        if m is None:
            if _NEW_ELEMENT.match(stripped):
                self._finish(current)
                self.error("a new statement, argument or list item must start after an empty line",
                           line.pos(at), hint="Insert an empty line before it, or a relation symbol such as '+'.")
                return None
            if current is not None:
                current.pieces.append((line, 0))
            return current
        self._finish(current)
        symbol = m.group(1)
        if at > stack[-1][0]:
            if len(stack) >= self.max_nesting:  # a relation tree deeper than anyone writes
                deep = nesting_problem(self.max_nesting)
                self.error(deep.message, line.pos(at), deep.hint)
                return None
            parent = stack[-1]
            stack.append((at, None, None, None))
        else:
            while len(stack) > 1 and at < stack[-1][0]:
                self._define(stack.pop()[3])
            if len(stack) == 1:
                self.error(f"the relation '{symbol}' must be indented further than the line it relates to",
                           line.pos(at), hint="Indent it, e.g. by two spaces.")
                return None
            parent = stack[-2]
            self._define(stack[-1][3])  # a sibling follows: the previous one is complete
        child = self._start(line, at + m.end(), "relation")
        if child is None:
            return None
        stack[-1] = (stack[-1][0], child.member, None, child)
        child.relation = self._relate(symbol, parent, child, line.pos(at))
        return child

    # ---- elements

    def _start(self, line: _Line, offset: int, context: str) -> _Element | None:
        """Read the head of a statement or argument (its title, if any) and register it."""
        rest = line.text[offset:]
        where = line.pos(offset)
        if not rest.strip() and context == "relation":
            self.error("a relation needs a statement or argument after its symbol", where)
            return None
        m = _STATEMENT_HEAD.match(rest)
        untitled = False
        if m and (m.group(2) or not rest.startswith("(", m.end())):  # "[text](url)" is a link, not a title
            kind, title, definition, head = "s", m.group(1).strip(), bool(m.group(2)), m.end()
        elif (m := _ARGUMENT_HEAD.match(rest)) is not None:
            kind, title, definition, head = "a", m.group(1).strip(), bool(m.group(2)), m.end()
            if context == "pcs":
                self.error("an argument cannot be a premise or conclusion", where,
                           hint="Use a statement: [Title]: text, or a reference [Title].")
                return None
        else:
            self.untitled += 1
            kind, title, definition, head, untitled = "s", f"Untitled {self.untitled}", True, 0, True
        element = _Element(kind, title, definition, [(line, offset + head)], *where, context=context)
        registry: Any = self.statements if kind == "s" else self.arguments
        item = registry.get(title)
        if item is None:
            cls = EquivalenceClass if kind == "s" else Argument
            item = registry[title] = cls(title, untitled, *where)
            item.section = self.section
        elif definition and not item.defined and context != "pcs":
            item.section = self.section
        return element

    def _finish(self, element: _Element | None) -> None:
        """Read an element's text once all its lines are known."""
        if element is None:
            return
        if len(element.pieces) == 1:
            line, start = element.pieces[0]
            if not line.text[start:].strip():
                element.data = {}  # nothing after the head: no text, tags or data to read
                return
        content = _Content(element.pieces)
        text = _inline(content.text, self.remove_tags)
        if text.stray is not None:
            self.error("nothing may follow a data block {...} in a statement or argument",
                       content.pos(text.stray), hint="Move the data to the end.")
        data: dict = {}
        for i in text.data:
            data.update(self._data(i))
        registry: Any = self.statements if element.kind == "s" else self.arguments
        item = registry[element.title]
        if element.definition and (text.text or text.tags):
            element.result = text
        elif not element.definition:
            leftover = _strip_tags_and_data(content.text)
            if leftover is not None:
                what = "a statement" if element.kind == "s" else "an argument"
                self.error(f"text after {what} reference; only tags and data may follow it",
                           content.pos(leftover),
                           hint="Add a colon after the title to define it ([Title]: text), or start a new line.")
        for tag in text.tags:
            if tag not in item.tags:
                item.tags.append(tag)
        meta = data.pop("attack", None) if element.relation is not None else None
        if isinstance(meta, dict) and element.relation is not None:
            element.relation.meta = meta
        item.data.update(data)
        element.data = data

    # ---- relations

    def _relate(self, symbol: str, parent: tuple, child: _Element, where: tuple[int, int]) -> Relation:
        kind, direction = SYMBOLS[symbol]
        parent_member, step = parent[1], parent[2]
        if parent_member[0] == "i" and not (kind == "undercut" and direction == "in"):
            self.error(f"'{symbol}' cannot relate to an inference: an inference can only be undercut",
                       where, hint="Use '_' or '<_' below an inference line.")
        if kind == "contradictory" and (parent_member[0] != "s" or child.kind != "s"):
            self.error("'><' (contradiction) can only connect two statements", (child.line, child.column),
                       hint="Use '-' or '->' for an attack involving an argument.")
        source, target = (child.member, parent_member) if direction == "in" else (parent_member, child.member)
        if kind == "undercut" and direction == "in" and step is not None:
            target = ("i",) + step  # below a conclusion: undercuts the inference leading to it
        relation = Relation(kind, source, target, *where)
        self.raw.append((kind, direction, source, target, *where, step, relation))
        return relation

    def _relations(self, strict: bool) -> list[Relation]:
        """Type the relations as the reference does: outgoing relations of a
        reconstructed argument become relations of its main conclusion, and an
        attack or support aimed at a reconstructed argument is dropped when the
        same statement already attacks or supports one of its premises (the
        same relation said twice)."""
        typed = []
        for kind, _, source, target, line, col, _step, relation in self.raw:
            if source[0] == "a":
                argument = self.arguments[source[1]]
                if argument.reconstructed:
                    source = ("s", argument.pcs[-1].title)
                    if source == target:  # an argument for its own conclusion says nothing new
                        continue
            if target[0] == "a" and kind == "undercut" and self.arguments[target[1]].reconstructed:
                # undercutting a reconstructed argument undercuts its (last) inference
                target = ("i", target[1], len(self.arguments[target[1]].inferences) - 1)
            t = kind
            if kind in ("support", "attack") and source[0] == "s" and target[0] == "s" and strict:
                t = "entails" if kind == "support" else "contrary"
            relation.type, relation.source, relation.target = t, source, target
            typed.append(relation)
        said: set[tuple] = set()  # (polarity, source, target statement)
        for r in typed:
            if r.target[0] == "s":
                polarity = "+" if r.type in ("support", "entails") else "-" if r.type != "undercut" else ""
                said.add((polarity, r.source, r.target[1]))
                if r.type in ("contrary", "contradictory") and r.source[0] == "s":
                    said.add(("-", ("s", r.target[1]), r.source[1]))
        out = []
        for r in typed:
            if r.target[0] == "a" and r.type in ("support", "attack") and self.arguments[r.target[1]].reconstructed:
                polarity = "+" if r.type == "support" else "-"
                premises = (p.title for p in self.arguments[r.target[1]].pcs if p.role == "premise")
                if any((polarity, r.source, p) in said for p in premises):
                    continue
            out.append(r)
        return out

    # ---- premise-conclusion structures

    def _pcs(self, lines: list[_Line], target: _Element | None) -> None:
        first = lines[0]
        start = first.pos(len(first.text) - len(first.text.lstrip()))
        if target is not None:
            argument = self.arguments[target.title]
            if argument.pcs:
                self.error(f"the argument <{argument.title}> already has a premise-conclusion structure "
                           f"(line {argument.pcs[0].line})", start,
                           hint="Give this one another title, or remove one of them.")
                return
        else:
            self.untitled += 1
            title = f"Untitled {self.untitled}"
            argument = self.arguments[title] = Argument(title, True, *start)
        argument.section = self.section
        items: list[_Element] = []
        sequence: list[Any] = []  # _Element or Inference, in order
        stack: list = []
        current: _Element | None = None
        expanded: list | None = None  # pieces of an open expanded inference
        expanded_at: tuple[int, int] = start
        for line in lines:
            stripped = line.text.lstrip()
            at = len(line.text) - len(stripped)
            if expanded is not None:
                if _EXPANDED_END.match(stripped):
                    inference = self._inference(expanded, expanded_at, len(items))
                    sequence.append(inference)
                    stack = [(0, ("i", argument.title, len(argument.inferences)), None, None)]
                    argument.inferences.append(inference)
                    expanded = None
                elif _PCS_ITEM.match(stripped):
                    self.error("this inference is never closed", expanded_at,
                               hint="End it with a line of two hyphens (--) before the next statement.")
                    return
                else:
                    expanded.append((line, 0))
                continue
            item = _PCS_ITEM.match(stripped)
            if item:
                self._finish(current)
                self._close(stack)
                current = self._start(line, at + item.end(), "pcs")
                if current is None:
                    return
                current.number = int(item.group(1))
                current.start = line.pos(at)
                step = (argument.title, len(argument.inferences) - 1) if sequence and isinstance(
                    sequence[-1], Inference) else None
                items.append(current)
                sequence.append(current)
                stack = [(0, current.member, step, current)]
                continue
            if stripped.startswith("--") and not _RELATION.match(stripped):
                self._finish(current)
                self._close(stack)
                current = None
                if not items or isinstance(sequence[-1], Inference):
                    self.error("an inference must stand between two numbered statements", line.pos(at),
                               hint="Put a numbered statement like '(2) ...' before it.")
                    return
                if _COLLAPSED.match(stripped):
                    inference = self._inference([], line.pos(at), len(items))
                elif (single := _EXPANDED_LINE.match(stripped)) is not None:
                    inference = self._inference([(line, at + single.start(2))], line.pos(at), len(items),
                                                end=at + single.end(2))
                elif _EXPANDED_START.match(stripped):
                    expanded, expanded_at = [], line.pos(at)
                    continue
                else:
                    self.error("invalid inference line", line.pos(at),
                               hint="Use four hyphens (----), or '-- rule --', or a block between two lines of '--'.")
                    return
                sequence.append(inference)
                argument.inferences.append(inference)
                stack = [(0, ("i", argument.title, len(argument.inferences) - 1), None, None)]
                continue
            if isinstance(sequence[-1], Inference) and not _RELATION.match(stripped):
                self.error("expected a numbered statement like '(3) ...' after the inference", line.pos(at),
                           hint="A premise-conclusion structure lists numbered statements and inference lines only.")
                return
            current = self._line(line, stack, current)
            if current is None:
                return
        self._finish(current)
        self._close(stack)
        if expanded is not None:
            self.error("this inference is never closed", expanded_at,
                       hint="End it with a line of two hyphens (--).")
            return
        if isinstance(sequence[-1], Inference):
            self.error("a premise-conclusion structure must end with its conclusion",
                       (sequence[-1].line, sequence[-1].column),
                       hint="Add a numbered statement after the last inference line.")
            return
        if len(sequence) < 2 or not isinstance(sequence[-2], Inference):
            last = items[-1]
            self.error("missing inference before the conclusion", last.start or (last.line, last.column),
                       hint="Put a line of four hyphens (----) before the last numbered statement.")
            return
        conclusions = {inference.conclusion for inference in argument.inferences}
        for i, element in enumerate(items):
            role = "premise"
            if i == len(items) - 1:
                role = "main-conclusion"
            elif i in conclusions:
                role = "intermediary-conclusion"
            argument.pcs.append(PcsStatement(element.title, element.number or i + 1, role, element.line,
                                             element.column, element.data))

    def _inference(self, pieces: list, where: tuple[int, int], conclusion: int, end: int | None = None) -> Inference:
        content = _Content(pieces, end)
        text = _inline(content.text)
        data: dict = {}
        for i in text.data:
            data.update(self._data(i))
        return Inference(text.text, data, conclusion, *where)


# ------------------------------------------------ the regular form, quickly ---

#: a body holding any of these is read by the general parser: comments (which the scanner
#: cuts out, across lines), the characters it uses as placeholders, NUL
_IRREGULAR = re.compile("//|/\\*|<!--|[\x00\ue000\ue001]")
#: a block: consecutive lines that are not blank
_FAST_BLOCK = re.compile(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*")
#: the head line of a block: a statement or argument (not a relation "<+ x>"), and what
#: follows it, with at most one data block, at the end
_FAST_HEAD = re.compile(r"(?:\[([^\]\n{}]+)\]|<(?![+\-_](?:[ \t]|$))([^>\n{}]+)>)(:?)([^{}\n]*)(\{.*)?")
#: a relation line below the head: the child is a statement or argument reference
_FAST_CHILD = re.compile(r"([ \t]+)([-+_])[ \t]+(?:\[([^\]\n{}]+)\]|<([^>\n{}]+)>)([^{}\n]*)(\{.*)?")
#: a numbered line of a premise-conclusion structure: a statement reference only
_FAST_PCS = re.compile(r"\((\d+)\)[ \t]+\[([^\]\n{}]+)\]")
#: the usual structure: numbered premises, one inference line, the numbered conclusion
_FAST_STEP = re.compile(r"((?:\(\d+\) \[[^\]\n{}]+\]\n)+)(?:-{4,}[ \t]*|-{2,}[ \t]+(.*?)[ \t]+-{2,}[ \t]*)"
                        r"\n\((\d+)\) \[([^\]\n{}]+)\]")
_FAST_PREMISE = re.compile(r"\((\d+)\) \[([^\]\n{}]+)\]")
#: text after a head: words without inline markup, hashtags, in that order
_FAST_TEXT = re.compile(r" ?([^#\n]*?)((?: #[\w-]+)*)")


class _Irregular(Exception):
    """Raised inside :class:`_Regular` when the text is not in the regular form."""


def _quick_text(rest: str, data: int | None, remove_tags: bool) -> _Text:
    """What :func:`_inline` reads in ``rest`` followed by data block ``data`` (if any):
    computed directly for plain words followed by hashtags, else by :func:`_inline`.

    >>> _quick_text(" It rains. #a #b ", 0, False)
    _Text(text='It rains. #a #b', clean='It rains.', tags=['a', 'b'], data=[0], stray=None)
    """
    if data is None or rest.endswith(" "):
        m = _FAST_TEXT.fullmatch(rest if data is None else rest[:-1])
        if m is not None:
            words, marks = m.group(1), m.group(2)
            if words == words.strip() and (not words or _INLINE.search(words) is None):
                names = marks.split(" #")[1:]
                text = words if remove_tags or not marks else (words + marks if words else marks[1:])
                return _Text(text, words, list(dict.fromkeys(names)), [] if data is None else [data])
    return _inline(rest if data is None else f"{rest}\ue000{data}\ue001", remove_tags)


class _Regular:
    """Reads a body written in the regular form argmap's own writer emits, straight from
    its lines, with the effects the general parser has on the same text: statements,
    arguments and raw relations registered in the same order, at the same positions.

    Blocks are statement or argument lines (with hashtags and one data block at the end),
    a reference with one relation below it, or premise-conclusion structures of numbered
    references and inference lines after an argument. Anything else (comments, headings,
    lists, multi-line data, errors...) makes :meth:`read` return False having changed
    nothing, and the general parser reads the whole body: it stays the reference, and a
    property test checks that both read the same.
    """

    def __init__(self, parser: _Parser) -> None:
        self.parser = parser
        self.remove_tags = parser.remove_tags
        self.statements: dict[str, EquivalenceClass] = {}
        self.arguments: dict[str, Argument] = {}
        self.raw: list[tuple] = []
        self.known: dict[str, dict] = {}  # data blocks of plain values, read

    def read(self, body: str, first: int) -> bool:
        if _IRREGULAR.search(body) is not None:
            return False
        try:
            self._blocks(body, first)
        except _Irregular:
            return False
        parser = self.parser
        parser.statements, parser.arguments, parser.raw = self.statements, self.arguments, self.raw
        return True

    def _blocks(self, body: str, first: int) -> None:
        line, at = first, 0
        previous: tuple | None = None  # the member at the root of the previous block
        for m in _FAST_BLOCK.finditer(body):
            start = m.start()
            line += body.count("\n", at, start)
            at = start
            block = m.group()
            c = block[0]
            if c == "(":
                if previous is None or previous[0] != "a":
                    raise _Irregular
                self._pcs(block, line, previous[1])
                previous = None
            elif c == "[" or c == "<":
                previous = self._tree(block, line)
            else:
                raise _Irregular

    def _element(self, kind: str, title: str, line: int, column: int) -> Any:
        registry: Any = self.statements if kind == "s" else self.arguments
        item = registry.get(title)
        if item is None:
            item = registry[title] = (EquivalenceClass if kind == "s" else Argument)(title, False, line, column)
        return item

    def _finish(self, item: Any, definition: bool, rest: str, raw: str | None) -> tuple[_Text | None, dict]:
        """Read the text after a head as :meth:`_Parser._finish` does; the text when it defines the item."""
        if raw is None and not rest.strip():
            return None, {}
        if raw is not None and rest.endswith("\\"):  # "\{": an escaped brace, not data
            raise _Irregular
        data = None if raw is None else self._data(raw)
        text = _quick_text(rest, None if raw is None else 0, self.remove_tags)
        if text.stray is not None:
            raise _Irregular
        if not definition and (rest.startswith("(") or _strip_tags_and_data(
                rest if raw is None else rest + "\ue0000\ue001") is not None):
            raise _Irregular
        for tag in text.tags:
            if tag not in item.tags:
                item.tags.append(tag)
        return (text if definition and (text.text or text.tags) else None), ({} if data is None else data)

    def _data(self, raw: str) -> dict:
        """A data block read by :func:`flow_data`; blocks of plain values repeat (the same
        speaker and paragraph), so each is read once and copied."""
        known = self.known.get(raw)
        if known is not None:
            return dict(known)
        if _match_brace(raw, 0) != len(raw):  # where the scanner would end the block
            raise _Irregular
        data = flow_data(raw)
        if data is None:
            raise _Irregular
        if all(v is None or type(v) in (str, int, bool) for v in data.values()):
            self.known[raw] = data
            return dict(data)
        return data

    @staticmethod
    def _define(item: Any, kind: str, text: _Text | None) -> None:
        if text is None:
            return
        if kind == "s" and item.text is None:
            item.text, item.clean = text.text, text.clean
        elif kind == "a" and item.description is None:
            item.description, item.clean = text.text, text.clean
        item.defined = True

    def _tree(self, block: str, line: int) -> tuple:
        """A statement or argument, and at most one relation below it."""
        head, _, below = block.partition("\n")
        m = _FAST_HEAD.fullmatch(head)
        if m is None or "\n" in below:
            raise _Irregular
        title, kind = (m.group(1), "s") if m.group(1) is not None else (m.group(2), "a")
        title = title.strip()
        definition = bool(m.group(3))
        root = self._element(kind, title, line, 1)
        text, data = self._finish(root, definition, m.group(4), m.group(5))
        root.data.update(data)
        if below:
            c = _FAST_CHILD.fullmatch(below)
            if c is None:
                raise _Irregular
            child_title, child_kind = (c.group(3), "s") if c.group(3) is not None else (c.group(4), "a")
            child_title = child_title.strip()
            child = self._element(child_kind, child_title, line + 1, c.start(3 if child_kind == "s" else 4))
            relation = self._relate(c.group(2), (kind, title), (child_kind, child_title), line + 1, c.end(1) + 1)
            _, child_data = self._finish(child, False, c.group(5), c.group(6))
            meta = child_data.pop("attack", None)
            if isinstance(meta, dict):
                relation.meta = meta
            child.data.update(child_data)
        self._define(root, kind, text)
        return (kind, title)

    def _relate(self, symbol: str, parent: tuple, child: tuple, line: int, column: int) -> Relation:
        kind, direction = SYMBOLS[symbol]  # "+", "-", "_": the child relates to its parent
        relation = Relation(kind, child, parent, line, column)
        self.raw.append((kind, direction, child, parent, line, column, None, relation))
        return relation

    def _pcs(self, block: str, line: int, title: str) -> None:
        """A premise-conclusion structure of numbered references and inference lines."""
        argument = self.arguments[title]
        if argument.pcs:
            raise _Irregular
        m = _FAST_STEP.fullmatch(block)
        if m is None:
            self._pcs_lines(block.split("\n"), line, argument)
            return
        premises = _FAST_PREMISE.findall(m.group(1))
        count = len(premises)
        element, pcs = self._element, argument.pcs
        for k, (number, name) in enumerate(premises):
            name = name.strip()
            element("s", name, line + k, len(number) + 4)
            pcs.append(PcsStatement(name, int(number) or k + 1, "premise", line + k, len(number) + 4, {}))
        rules = m.group(2)
        if rules is not None:
            if "{" in rules:
                raise _Irregular
            rules = _inline(rules).text
        argument.inferences.append(Inference(rules or "", {}, count, line + count, 1))
        number, name = m.group(3), m.group(4).strip()
        element("s", name, line + count + 1, len(number) + 4)
        pcs.append(PcsStatement(name, int(number) or count + 1, "main-conclusion", line + count + 1,
                                len(number) + 4, {}))

    def _pcs_lines(self, lines: list[str], line: int, argument: Argument) -> None:
        """A premise-conclusion structure read line by line (several inferences)."""
        items: list[tuple[str, int, int, int]] = []  # title, number, line, column
        last_inference = False
        for k, text in enumerate(lines, line):
            if text[0] == "(":
                m = _FAST_PCS.fullmatch(text)
                if m is None:
                    raise _Irregular
                name = m.group(2).strip()
                column = m.start(2)
                self._element("s", name, k, column)
                items.append((name, int(m.group(1)), k, column))
                last_inference = False
            elif text.startswith("--"):
                if not items or last_inference or "{" in text:
                    raise _Irregular
                if _COLLAPSED.match(text):
                    rules = ""
                else:
                    single = _EXPANDED_LINE.match(text)
                    if single is None:
                        raise _Irregular
                    rules = _inline(single.group(2)).text
                argument.inferences.append(Inference(rules, {}, len(items), k, 1))
                last_inference = True
            else:
                raise _Irregular
        if last_inference or not argument.inferences or argument.inferences[-1].conclusion != len(items) - 1:
            raise _Irregular
        conclusions = {inference.conclusion for inference in argument.inferences}
        count = len(items)
        for i, (name, number, k, column) in enumerate(items):
            role = "main-conclusion" if i == count - 1 else "intermediary-conclusion" if i in conclusions \
                else "premise"
            argument.pcs.append(PcsStatement(name, number or i + 1, role, k, column, {}))


# ------------------------------------------------- data blocks, quickly ---

_FLOW_TOKEN = re.compile(
    r' +|(?P<s>"(?:[^"\\\x00-\x1f]|\\["\\/bfnrt]|\\u(?![dD][89abAB])[0-9a-fA-F]{4})*")'
    r"|(?P<i>-?(?:0|[1-9][0-9]{0,15}))(?![\w.])|(?P<w>[A-Za-z_][A-Za-z0-9_]*)|(?P<c>: +)|(?P<p>[{}\[\],])"
)
#: characters PyYAML takes as they are: printable, and none of its line breaks (NEL, U+2028,
#: U+2029); anything else goes to YAML, which folds or refuses it
_YAML_PRINTABLE = re.compile("[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]*")
#: plain words YAML 1.1 reads as booleans or null, not as text
_YAML_WORDS = {"yes": True, "Yes": True, "YES": True, "no": False, "No": False, "NO": False,
               "true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False,
               "on": True, "On": True, "ON": True, "off": False, "Off": False, "OFF": False,
               "null": None, "Null": None, "NULL": None}


def flow_data(raw: str) -> dict | None:
    """A one-line data block in the plain JSON-like form argmap writes (``{key:
    "text", n: 3, tags: ["a"], attack: {id: "x"}}``) read without YAML; None for
    anything else, which then goes to the YAML parser.

    Reads exactly what YAML reads for the forms it accepts: keys are plain
    words (not YAML's booleans or null) or JSON strings, each followed by
    ``": "``; values are JSON strings (no surrogate escapes), whole numbers,
    true/false/null, lists and mappings of these; no repeated keys. A test
    compares it with YAML on generated blocks. Parsing each block with YAML
    took most of the time of reading a big Argdown file.

    >>> flow_data('{paragraph: 3, speaker: "the author", tags: ["a", "b"]}')
    {'paragraph': 3, 'speaker': 'the author', 'tags': ['a', 'b']}
    >>> flow_data('{speaker: author}') is None  # a plain scalar: YAML's job
    True
    """
    if "\n" in raw or _YAML_PRINTABLE.fullmatch(raw) is None:
        return None
    tokens = []
    pos, n = 0, len(raw)
    while pos < n:
        m = _FLOW_TOKEN.match(raw, pos)
        if m is None:
            return None
        pos = m.end()
        if m.lastgroup is not None:
            tokens.append((m.lastgroup, m.group()))
    tokens.append(("end", ""))
    try:
        value, at = _flow_value(tokens, 0, key=False)
    except (ValueError, IndexError):
        return None
    return value if isinstance(value, dict) and tokens[at][0] == "end" else None


#: blocks nested deeper than this go to YAML, which applies the nesting limit
_FLOW_DEPTH = 8


def _flow_value(tokens: list[tuple[str, str]], at: int, *, key: bool, depth: int = 0) -> tuple[Any, int]:
    """The value starting at ``tokens[at]`` and the index after it; ValueError outside the subset."""
    kind, text = tokens[at]
    if kind == "s":
        return (text[1:-1] if "\\" not in text else json.loads(text)), at + 1
    if kind == "i" and not key:
        return int(text), at + 1
    if kind == "w":
        if text in _YAML_WORDS:
            if key or text not in ("true", "false", "null"):
                raise ValueError(text)
            return _YAML_WORDS[text], at + 1
        if key:
            return text, at + 1
        raise ValueError(text)  # a plain scalar value: YAML resolves it
    if key or kind != "p" or text not in "{[" or depth >= _FLOW_DEPTH:
        raise ValueError(text)
    close = "}" if text == "{" else "]"
    items: Any = {} if text == "{" else []
    at += 1
    if tokens[at][1] == close:
        return items, at + 1
    while True:
        if close == "}":
            name, at = _flow_value(tokens, at, key=True)
            if tokens[at][0] != "c" or name in items:
                raise ValueError(name)
            items[name], at = _flow_value(tokens, at + 1, key=False, depth=depth + 1)
        else:
            value, at = _flow_value(tokens, at, key=False, depth=depth + 1)
            items.append(value)
        if tokens[at][1] == close:
            return items, at + 1
        if tokens[at][1] != ",":
            raise ValueError(tokens[at][1])
        at += 1


class _Content:
    """The text of an element spread over several logical lines, with positions."""

    def __init__(self, pieces: list[tuple[_Line, int]], end: int | None = None) -> None:
        self.pieces = pieces
        texts = [line.text[start:] for line, start in pieces]
        if end is not None and pieces:
            texts[-1] = pieces[-1][0].text[pieces[-1][1]:end]
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


def _strip_tags_and_data(s: str) -> int | None:
    """The offset of the first character in ``s`` that is not whitespace, a
    hashtag or a data placeholder; None when there is none."""
    pos = 0
    while pos < len(s):
        m = _TAGS_AND_DATA.match(s, pos)
        if not m:
            return pos
        pos = m.end()
    return None


def parse(text: str, *, name: str = "<string>") -> Document:
    """The Argdown-level reading of ``text``.

    Raises :class:`~argmap.errors.MapInvalid` with one located problem per
    syntax error.

    >>> doc = parse("[A]: a\\n  - <B>: b\\n")
    >>> [r.view()["type"] for r in doc.relations]
    ['attack']
    """
    return _Parser(text, name).run()


# ---------------------------------------------------------- onto argmap ---

_FIELDS = ("quote", "paragraph", "speaker", "note")
_ATTACK_FIELDS = ("text", "quote", "paragraph", "speaker", "note")


def loads(text: str, *, name: str = "<string>") -> Any:
    """Read Argdown text into a validated :class:`~argmap.model.ArgumentMap`."""
    from ..validate import validate

    data, positions = to_map_data(parse(text, name=name), name=name)
    return validate(data, name=name, locate=locator(positions))


def to_map_data(doc: Document, *, name: str = "<string>") -> tuple[dict, dict]:
    """Plain map data (ready for validation) from an Argdown document, and the
    position of every statement, argument and attack in the Argdown text.

    >>> data, _ = to_map_data(parse("<A>: Because.\\n  +> [B]: So.\\n"))
    >>> [(s["id"], s["kind"]) for s in data["statements"]]
    [('a', 'premise'), ('b', 'claim')]
    >>> data["arguments"]
    [{'id': 'arg-a', 'premises': ['a'], 'conclusion': 'b'}]
    """
    return _Mapper(doc).run(name)


def _base(prefix: str, id_: str) -> str:
    """A generated id made from another: ``arg-x``, ``att-x`` (short enough to stay valid)."""
    return f"{prefix}-{id_}"[:180].rstrip("-")


def _tags_and_kind(tags: list[str], data: dict) -> tuple[list[str], Any]:
    """Hashtags and data ``tags`` as argmap tags; the kind from data or a kind hashtag."""
    kind = data.get("kind")
    out = list(tags)
    if kind is None:
        kind = next((t for t in tags if t in KINDS), None)
        if kind is not None:
            out.remove(kind)
    extra = data.get("tags")
    if isinstance(extra, list):
        out += extra
    elif extra is not None:
        out.append(extra)  # let validation say what is wrong with it
    return out, kind


class _Mapper:
    """Maps the Argdown-level view onto argmap statements, arguments and attacks."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.ids = Ids()
        self.statements: list[dict] = []
        self.arguments: list[dict] = []
        self.attacks: list[dict] = []
        self.positions: dict[tuple, tuple[int, int]] = {}
        self.of_statement: dict[str, str] = {}  # equivalence class title -> id
        self.of_sketch: dict[str, str] = {}  # sketched argument title -> id of the statement standing for it
        self.steps: dict[str, list[int]] = {}  # reconstructed argument title -> indices in self.arguments
        self.supports: set[tuple] = set()
        self.pairs: set[tuple[str, str]] = set()
        self.concluding: dict[str, list[int]] | None = None  # statement -> arguments concluding it
        self.using: dict[str, list[int]] = {}  # statement -> arguments using it as a premise

    def run(self, name: str) -> tuple[dict, dict]:
        doc = self.doc
        self._refuse_loops(name)
        for item in [*doc.statements.values(), *doc.arguments.values()]:
            self.ids.reserve(item.data.get("id"))
        for argument in doc.arguments.values():
            for inference in argument.inferences:
                self.ids.reserve(inference.data.get("id"))
        for relation in doc.relations:
            if relation.meta:
                self.ids.reserve(relation.meta.get("id"))
        self._statements()
        for argument in doc.arguments.values():
            if argument.reconstructed:
                self._steps(argument)
        pending = []
        for relation in doc.relations:
            if relation.type in ("support", "entails"):
                self._support(relation)
            else:
                pending.append(relation)
        for relation in pending:
            self._attack(relation)
        explicit = {s["id"] for s in self.statements if s.get("kind")}
        infer_kinds(self.statements, self.arguments)
        attack_types(self.statements, self.arguments, self.attacks, explicit)
        for a in self.arguments:
            if a["id"] is None:
                a["id"] = self.ids.allocate(a.pop("_base"), "argument")
            a.pop("_base", None)
            if a.get("title") == a["id"] and not a.pop("_title_given", False):
                a["title"] = None
            a.pop("_title_given", None)
        for a in self.attacks:
            if "_argument" in a:
                a["to"] = self.arguments[a.pop("_argument")]["id"]
            if a["id"] is None:
                a["id"] = self.ids.allocate(a.pop("_base"), "attack")
            a.pop("_base", None)
        data: dict[str, Any] = {"title": self._title(name)}
        front = doc.frontmatter
        description = front.get("description", front.get("subTitle", front.get("subtitle")))
        if description is not None:
            data["description"] = description
        if front.get("source") is not None:
            data["source"] = front["source"]
        data["statements"] = self.statements
        if self.arguments:
            data["arguments"] = [{k: v for k, v in a.items() if v not in (None, [])} for a in self.arguments]
        if self.attacks:
            data["attacks"] = [{k: v for k, v in a.items() if v not in (None, [])} for a in self.attacks]
        return data, self.positions

    def _refuse_loops(self, name: str) -> None:
        """Argdown can relate a statement or argument to itself. An attack on itself is a
        self-defeating claim, which a map holds (``argmap check`` flags it); support of
        itself a map cannot hold."""
        problems = []
        for r in self.doc.relations:
            if r.source == r.target and r.type in ("support", "entails"):
                shown = f"[{r.source[1]}]" if r.source[0] == "s" else f"<{r.source[1]}>"
                verb = "supports" if r.type in ("support", "entails") else "attacks"
                problems.append(Problem(f"{shown} {verb} itself", line=r.line, column=r.column,
                                        hint="Relate it to another statement or argument, or remove the line."))
        if problems:
            raise MapInvalid(name, problems[:50])

    def _title(self, name: str) -> Any:
        title = self.doc.frontmatter.get("title")
        return title if title is not None else title_from_name(name, SUFFIXES)

    # ---- statements

    def _statements(self) -> None:
        """Equivalence classes, and the sketched arguments standing in as statements, in document order."""
        items: list[Any] = list(self.doc.statements.values())
        sketches = [a for a in self.doc.arguments.values() if not a.reconstructed]
        items += sketches
        items.sort(key=lambda x: (x.line, x.column))
        for item in items:
            data = item.data
            tags, kind = _tags_and_kind(item.tags, data) if (data or item.tags) else ([], None)
            if item.section is not None:
                group = item.section.group()
                if group and group not in tags:
                    tags.append(group)
            title = None if item.untitled else item.title
            text = item.clean or None
            if data:
                title, text = data.get("title", title), data.get("text", text)
            if not text:
                text = title if isinstance(title, str) and title else item.title
            explicit = data.get("id") if data else None
            if explicit is not None:
                id_ = explicit
            elif item.untitled:
                id_ = self.ids.allocate(text_slug(text if isinstance(text, str) else ""), "statement")
            else:
                id_ = self.ids.allocate(slugify(item.title), "statement")
            entry = {"id": id_, "kind": kind, "text": text}
            if title is not None and (title != id_ or "title" in data):
                entry["title"] = title
            if data:
                for k in _FIELDS:
                    if data.get(k) is not None:
                        entry[k] = data[k]
            if tags:
                entry["tags"] = tags
            self.positions[("statements", len(self.statements))] = (item.line, item.column)
            self.statements.append(entry)
            (self.of_sketch if isinstance(item, Argument) else self.of_statement)[item.title] = id_

    # ---- arguments

    def _steps(self, argument: Argument) -> None:
        """One argmap argument per inference step of a premise-conclusion structure."""
        pcs = argument.pcs
        tags, _ = _tags_and_kind(argument.tags, argument.data)
        group = argument.section.group() if argument.section is not None else None
        if group and group not in tags:
            tags.append(group)
        steps = self.steps[argument.title] = []
        start, count = 0, len(argument.inferences)
        of_statement = self.of_statement
        base = _base("arg", self.of_statement[pcs[-1].title]) if argument.untitled else slugify(argument.title)
        for k, inference in enumerate(argument.inferences):
            j = inference.conclusion
            uses = inference.data.get("uses", pcs[j].data.get("uses")) if inference.data or pcs[j].data else None
            chosen = pcs[start:j]
            if isinstance(uses, list) and uses:
                numbers = {p.number: i for i, p in enumerate(pcs)}
                if all(isinstance(u, int) and u in numbers for u in uses):
                    chosen = [pcs[numbers[u]] for u in uses]
            premises: list[str] = []
            for p in chosen:
                sid = of_statement[p.title]
                if sid not in premises:
                    premises.append(sid)
            last = k == count - 1
            extra = {**argument.data, **inference.data} if last else inference.data
            entry = {
                "id": extra.get("id"),
                "_base": base if count == 1 else f"{base}-{k + 1}",
                "title": extra.get("title", None if argument.untitled else argument.title) if last else None,
                "_title_given": last and "title" in extra,
                "premises": premises,
                "conclusion": of_statement[pcs[j].title],
                "scheme": extra.get("scheme", inference.rules or None),
                "text": extra.get("text", argument.clean or None) if last else extra.get("text"),
                "quote": extra.get("quote"), "paragraph": extra.get("paragraph"),  # _FIELDS
                "speaker": extra.get("speaker"), "note": extra.get("note"),
                "tags": tags if last else [],
            }
            self.positions[("arguments", len(self.arguments))] = (inference.line, inference.column)
            steps.append(len(self.arguments))
            self.supports.add((tuple(premises), entry["conclusion"]))
            self.arguments.append(entry)
            start = j

    def _statement_of(self, member: tuple) -> str | None:
        """The statement standing for a relation member (None for an inference)."""
        if member[0] == "s":
            return self.of_statement[member[1]]
        if member[0] == "a":
            argument = self.doc.arguments[member[1]]
            if argument.reconstructed:
                return self.of_statement[argument.pcs[-1].title]
            return self.of_sketch[member[1]]
        return None

    def _support(self, relation: Relation) -> None:
        source, target = self._statement_of(relation.source), self._statement_of(relation.target)
        if source is None or target is None or source == target:
            return
        key = ((source,), target)
        if key in self.supports:
            return
        self.supports.add(key)
        self.positions[("arguments", len(self.arguments))] = (relation.line, relation.column)
        self.arguments.append({"id": None, "_base": _base("arg", source), "premises": [source], "conclusion": target})

    # ---- attacks

    def _attack(self, relation: Relation) -> None:
        source = self._statement_of(relation.source)
        if source is None:
            return
        target = relation.target
        if relation.type in ("contrary", "contradictory"):
            self._add_attack(source, self._statement_of(target), None, relation)
            self._add_attack(self._statement_of(target), source, None, relation, meta=False)
            return
        if target[0] == "i":
            step = self.steps.get(target[1], [])
            if target[2] < len(step):
                self._add_attack(source, None, "undercut", relation, index=step[target[2]])
            return
        if target[0] == "a" and self.doc.arguments[target[1]].reconstructed:
            last = self.steps[target[1]][-1]
            self._add_attack(source, None, "undercut", relation, index=last)
            return
        if relation.type == "undercut":
            if self.concluding is None:  # built once, after every support is known
                self.concluding, self.using = {}, {}
                for i, a in enumerate(self.arguments):
                    self.concluding.setdefault(a["conclusion"], []).append(i)
                    for p in a["premises"]:
                        self.using.setdefault(p, []).append(i)
            stand_in = self._statement_of(target)
            found = (self.concluding if target[0] == "s" else self.using).get(stand_in, [])
            for i in found:
                self._add_attack(source, None, "undercut", relation, index=i)
            if found:
                return
        self._add_attack(source, self._statement_of(target), None, relation)

    def _add_attack(self, source: Any, target: Any, kind: str | None, relation: Relation,
                    index: int | None = None, meta: bool = True) -> None:
        """An attack; ``index`` names a target argument whose id is not known yet."""
        if target is None and index is None or source is None:
            return
        key_target = target if index is None else ("argument", index)
        if (source, key_target) in self.pairs:  # an attack on itself is kept: a self-defeating claim
            return
        self.pairs.add((source, key_target))
        info = relation.meta if meta and isinstance(relation.meta, dict) else {}
        entry = {"id": info.get("id"), "_base": _base("att", source), "from": source, "to": target,
                 "type": info.get("type", kind), **{f: info.get(f) for f in _ATTACK_FIELDS},
                 "tags": info.get("tags", [])}
        if index is not None:
            entry["_argument"] = index
        self.positions[("attacks", len(self.attacks))] = (relation.line, relation.column)
        self.attacks.append(entry)


# ------------------------------------------------------------------ writer ---

_ESCAPE = re.compile(r"[\\\[\]<>#*_{}@]|/(?=[/*])|={2,}")  # the reference reads "===" anywhere as front matter
_CANDIDATE = re.compile(r"(?<!\\)[.:](?=[^\s.:]+[.:])")
_SAFE_TITLE = re.compile(r"[^\x00\[\]<>{}\\/#\n\r\t\ue000\ue001]+")
_SAFE_TAG = re.compile(r"[^\x00()\[\]<>{}\\/#\n\r\t\ue000\ue001]+")
_WORD_TAG = re.compile(r"[\w-]+")
_YAML_UNSAFE = re.compile("[\x7f-\x9f\ud800-\udfff\ufffe\uffff{}=]")


def dumps(graph: Any, options: Any = None) -> str:
    """The map held by ``graph`` as Argdown, readable by the reference CLI.

    Statements become definitions (``[title]: text #kind {quote: ...}``),
    arguments premise-conclusion structures (the scheme as inference rule),
    attacks relations (``-`` or ``_`` below their target); the front matter
    keeps the title, description and source. Reading it back gives the same
    map.

    >>> from argmap.graph import _demo
    >>> print(dumps(_demo()))
    ===
    title: "T"
    model:
      removeTagsFromText: true
    ===
    <BLANKLINE>
    [p]: P. #premise
    <BLANKLINE>
    [c]: C. #proposal
    <BLANKLINE>
    [x]: X. #claim
    <BLANKLINE>
    <a>
    <BLANKLINE>
    (1) [p]
    ----
    (2) [c]
    <BLANKLINE>
    <a>
        _ [x] {attack: {id: "t"}}
    <BLANKLINE>
    """
    from ..graph import map_data

    return _Writer(map_data(graph)).run()


def escape(text: str) -> str | None:
    """``text`` written so that Argdown reads it back unchanged, or None when
    it cannot be (a line break, for instance).

    >>> escape("Use [brackets], #hashtags and *stars* freely.")
    'Use \\\\[brackets\\\\], \\\\#hashtags and \\\\*stars\\\\* freely.'
    """
    if "\n" in text or "\r" in text:
        return None
    out = _ESCAPE.sub(lambda m: "".join("\\" + c for c in m.group()), text)
    for _ in range(4):
        if _inline(out).clean == text:
            return out
        out = _CANDIDATE.sub(lambda m: "\\" + m.group(), out, count=1)
    return None


def _yaml_value(value: Any) -> str:
    """A value as YAML flow text (JSON, with braces and unprintables escaped)."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_yaml_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_yaml_value(v) for v in value) + "]"
    if isinstance(value, str):
        return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False))
    return json.dumps(value)


class _Writer:
    def __init__(self, data: dict) -> None:
        self.data = data
        self.out: list[str] = []

    def run(self) -> str:
        data = self.data
        front = [f"title: {_yaml_value(data['title'])}"]
        for key in ("description", "source"):
            if data.get(key) is not None:
                front.append(f"{key}: {_yaml_value(data[key])}")
        front += ["model:", "  removeTagsFromText: true"]
        self.out.append("===\n" + "\n".join(front) + "\n===")
        statements = data.get("statements", [])
        arguments = data.get("arguments", [])
        stitles = self._titles(statements, avoid="+-_")
        atitles = self._titles(arguments, avoid="+-_")  # "<+ x>" would read as a relation
        kinds = {s["id"]: s["kind"] for s in statements}
        for s, title in zip(statements, stitles):
            self._statement(s, title)
        name_of = {s["id"]: t for s, t in zip(statements, stitles)}
        arg_name = {a["id"]: t for a, t in zip(arguments, atitles)}
        for a, title in zip(arguments, atitles):
            self._argument(a, title, name_of)
        sources: set[str] = set()
        for t in data.get("attacks", []):
            meta: dict[str, Any] = {}
            base = _base("att", t["from"])
            if t["id"] != base or t["from"] in sources:
                meta["id"] = t["id"]
            sources.add(t["from"])
            if t["type"] == "undercut":
                head, symbol = f"<{arg_name[t['to']]}>", "_"
            else:
                head, symbol = f"[{name_of[t['to']]}]", "-"
                if t["type"] != attack_type(kinds.get(t["to"])):
                    meta["type"] = t["type"]
            for f in (*_ATTACK_FIELDS, "tags"):
                if t.get(f) not in (None, [], ()):
                    meta[f] = t[f]
            tail = f" {_yaml_value({'attack': meta})}" if meta else ""
            self.out.append(f"{head}\n    {symbol} [{name_of[t['from']]}]{tail}")
        return "\n\n".join(self.out) + "\n"

    @staticmethod
    def _titles(items: list[dict], avoid: str = "") -> list[str]:
        """Unique Argdown titles: an item's ``title`` when it is safe to write, else its id."""
        used = {i["id"] for i in items}  # any item may need its id as title
        titles = []
        for i in items:
            title = i.get("title")
            if title and _SAFE_TITLE.fullmatch(title) and title == title.strip() and title not in used \
                    and "//" not in title and "/*" not in title and "==" not in title and title[0] not in avoid:
                used.add(title)
                titles.append(title)
            else:
                titles.append(i["id"])
        return titles

    def _common(self, item: dict, title: str, data: dict) -> str:
        """Text, hashtags and data of a statement or argument; fills ``data``."""
        if slugify(title) != item["id"]:
            data["id"] = item["id"]
        if item.get("title") is not None and (item["title"] != title or title == item["id"]):
            data["title"] = item["title"]
        text = ""
        if item.get("text") is not None:
            written = escape(item["text"])
            if written is None:
                written = escape(" ".join(item["text"].split())) or "(see data)"
                data["text"] = item["text"]
            text = " " + written
        tags = list(item.get("tags", []))
        marks = []
        kind = item.get("kind")
        if kind and any(t in KINDS for t in tags):
            data["kind"] = kind
        elif kind:
            marks.append(f"#{kind}")
        if len(set(tags)) == len(tags) and all(_SAFE_TAG.fullmatch(t) and t == t.strip() and "==" not in t
                                               for t in tags):
            marks += [f"#{t}" if _WORD_TAG.fullmatch(t) else f"#({t})" for t in tags]
        elif tags:
            data["tags"] = tags
        for f in _FIELDS:
            if item.get(f) is not None:
                data[f] = item[f]
        return text + "".join(" " + m for m in marks)

    def _statement(self, s: dict, title: str) -> None:
        data: dict[str, Any] = {}
        body = self._common(s, title, data)
        tail = f" {_yaml_value(data)}" if data else ""
        self.out.append(f"[{title}]:{body}{tail}")

    def _argument(self, a: dict, title: str, name_of: dict[str, str]) -> None:
        data: dict[str, Any] = {}
        body = self._common(a, title, data)
        inference = "----"
        scheme = a.get("scheme")
        if scheme is not None:
            written = escape(scheme)
            if written and written == written.strip() and not written.endswith("-") \
                    and _inline(written).text == scheme:
                inference = f"-- {written} --"
            else:
                data["scheme"] = scheme
        tail = f" {_yaml_value(data)}" if data else ""
        colon = ":" if a.get("text") is not None else ""
        lines = [f"({i}) [{name_of[p]}]" for i, p in enumerate(a["premises"], 1)]
        lines += [inference, f"({len(a['premises']) + 1}) [{name_of[a['conclusion']]}]"]
        self.out.append(f"<{title}>{colon}{body}{tail}")
        self.out.append("\n".join(lines))
