"""The regular form argmap's writer emits, read quickly: straight from its lines,
with exactly the effects the general parser has on the same text (property
tests compare the two).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .document import Argument, EquivalenceClass, Inference, PcsStatement, Relation
from .flow import flow_data
from .lexer import COLLAPSED, EXPANDED_LINE, INLINE, SYMBOLS, InlineText, inline, match_brace, strip_tags_and_data

if TYPE_CHECKING:  # the parser runs this fast path; only its type is needed here
    from .parser import Parser


#: a body holding any of these is read by the general parser: comments (which the scanner
#: cuts out, across lines), the characters it uses as placeholders, NUL
_IRREGULAR = re.compile("//|/\\*|<!--|[\x00\ue000\ue001]")

#: a block: consecutive lines that are not blank
_FAST_BLOCK = re.compile(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*")

#: the head line of a block: a statement or argument (not a relation: "<+", "<-" or "<_"
#: starts one, with or without a space after it, as in the reference), and what
#: follows it, with at most one data block, at the end
_FAST_HEAD = re.compile(r"(?:\[([^\]\n{}]+)\]|<(?![+\-_])([^>\n{}]+)>)(:?)([^{}\n]*)(\{.*)?")

#: a relation line below the head: the child is a statement or argument reference
_FAST_CHILD = re.compile(r"([ \t]+)([-+_])[ \t]+(?:\[([^\]\n{}]+)\]|<([^>\n{}]+)>)([^{}\n]*)(\{.*)?")

#: a numbered line of a premise-conclusion structure: a statement reference only
_FAST_PCS = re.compile(r"\((\d+)\)[ \t]+\[([^\]\n{}]+)\]")

#: the usual structure: numbered premises, one inference line, the numbered conclusion
_FAST_STEP = re.compile(
    r"((?:\(\d+\) \[[^\]\n{}]+\]\n)+)(?:-{4,}[ \t]*|-{2,}[ \t]+(.*?)[ \t]+-{2,}[ \t]*)"
    r"\n\((\d+)\) \[([^\]\n{}]+)\]"
)


_FAST_PREMISE = re.compile(r"\((\d+)\) \[([^\]\n{}]+)\]")

#: text after a head: words without inline markup, hashtags, in that order
_FAST_TEXT = re.compile(r" ?([^#\n]*?)((?: #[\w-]+)*)")


class _Irregular(Exception):
    """Raised inside :class:`Regular` when the text is not in the regular form."""


def quick_text(rest: str, data: int | None, remove_tags: bool) -> InlineText:
    """What :func:`inline` reads in ``rest`` followed by data block ``data`` (if any):
    computed directly for plain words followed by hashtags, else by :func:`inline`.

    >>> quick_text(" It rains. #a #b ", 0, False)
    InlineText(text='It rains. #a #b', clean='It rains.', tags=['a', 'b'], data=[0], stray=None, reference=None)
    """
    if data is None or rest.endswith(" "):
        m = _FAST_TEXT.fullmatch(rest if data is None else rest[:-1])
        if m is not None:
            words, marks = m.group(1), m.group(2)
            if words == words.strip() and (not words or INLINE.search(words) is None):
                names = marks.split(" #")[1:]
                text = words if remove_tags or not marks else (words + marks if words else marks[1:])
                return InlineText(text, words, list(dict.fromkeys(names)), [] if data is None else [data])
    return inline(rest if data is None else f"{rest}\ue000{data}\ue001", remove_tags)


class Regular:
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

    def __init__(self, parser: Parser) -> None:
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

    def _finish(self, item: Any, definition: bool, rest: str, raw: str | None) -> tuple[InlineText | None, dict]:
        """Read the text after a head as :meth:`Parser._finish` does; the text when it defines the item."""
        if raw is None and not rest.strip():
            return None, {}
        if raw is not None and rest.endswith("\\"):  # "\{": an escaped brace, not data
            raise _Irregular
        data = None if raw is None else self._data(raw)
        text = quick_text(rest, None if raw is None else 0, self.remove_tags)
        if text.stray is not None or text.reference is not None:
            raise _Irregular  # the general parser reports it
        if not definition and (
            rest.startswith("(") or strip_tags_and_data(rest if raw is None else rest + "\ue0000\ue001") is not None
        ):
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
        if match_brace(raw, 0) != len(raw):  # where the scanner would end the block
            raise _Irregular
        data = flow_data(raw)
        if data is None:
            raise _Irregular
        if all(v is None or type(v) in (str, int, bool) for v in data.values()):
            self.known[raw] = data
            return dict(data)
        return data

    @staticmethod
    def _define(item: Any, kind: str, text: InlineText | None) -> None:
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
            rules = inline(rules).text
        argument.inferences.append(Inference(rules or "", {}, count, line + count, 1))
        number, name = m.group(3), m.group(4).strip()
        element("s", name, line + count + 1, len(number) + 4)
        pcs.append(
            PcsStatement(name, int(number) or count + 1, "main-conclusion", line + count + 1, len(number) + 4, {})
        )

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
                if COLLAPSED.match(text):
                    rules = ""
                else:
                    single = EXPANDED_LINE.match(text)
                    if single is None:
                        raise _Irregular
                    rules = inline(single.group(2)).text
                argument.inferences.append(Inference(rules, {}, len(items), k, 1))
                last_inference = True
            else:
                raise _Irregular
        if last_inference or not argument.inferences or argument.inferences[-1].conclusion != len(items) - 1:
            raise _Irregular
        conclusions = {inference.conclusion for inference in argument.inferences}
        count = len(items)
        for i, (name, number, k, column) in enumerate(items):
            role = "main-conclusion" if i == count - 1 else "intermediary-conclusion" if i in conclusions else "premise"
            argument.pcs.append(PcsStatement(name, number or i + 1, role, k, column, {}))
