"""The general Argdown parser: logical lines to a :class:`~argmap.formats.argdown.document.Document`.

One pass over the lines with an explicit indentation stack: no recursion,
linear in the size of the file. A body in the regular form argmap's own
writer emits is read by :mod:`~argmap.formats.argdown.regular` instead,
which registers the same elements at the same positions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ...errors import MapInvalid, Problem
from ...limits import max_nesting, nesting_problem
from .document import Argument, Document, EquivalenceClass, Inference, PcsStatement, Relation, Section
from .flow import flow_data
from .lexer import (
    ARGUMENT_HEAD,
    COLLAPSED,
    EXPANDED_END,
    EXPANDED_LINE,
    EXPANDED_START,
    HEADING,
    HEADING_START,
    LIST_ITEM,
    NEW_ELEMENT,
    PCS_ITEM,
    RELATION,
    STATEMENT_HEAD,
    SYMBOLS,
    Content,
    Data,
    InlineText,
    Line,
    inline,
    scan,
    strip_tags_and_data,
)
from .regular import Regular


#: the reference CLI's include directive
_INCLUDE = re.compile(r"@include\(([^)]+)\)")


@dataclass(slots=True)
class _Element:
    """A statement or argument being read: where its text is, what it is."""

    kind: str  # "s" or "a"
    title: str
    definition: bool  # has text of its own (titled definition or untitled statement)
    pieces: list[tuple[Line, int]]
    line: int
    column: int
    relation: Relation | None = None  # the relation it is the child of
    number: int | None = None  # pcs statement number
    context: str = "top"
    data: dict = field(default_factory=dict)
    start: tuple[int, int] | None = None  # where its line starts (pcs statements)
    result: InlineText | None = None  # its text, once read, when it defines its statement or argument

    @property
    def member(self) -> tuple:
        return (self.kind, self.title)


class Parser:
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
        self.datas: list[Data] = []
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
        found = self.frontmatter.get("model")
        model = found if isinstance(found, dict) else {}
        strict = model.get("mode") == "strict"
        self.remove_tags = model.get("removeTagsFromText") is True
        if "@include(" in body:
            self._refuse_includes(body, first)
        if self.problems or not Regular(self).read(body, first):
            self._general(body, first)
        relations = self._relations(strict)
        if self.problems:
            self.problems.sort(key=lambda p: (p.line or 0, p.column or 0))
            raise MapInvalid(self.name, self.problems[:50])
        return Document(self.frontmatter, self.statements, self.arguments, relations, self.sections, strict)

    def _refuse_includes(self, body: str, first: int) -> None:
        """``@include(file)``: the reference CLI pastes the file in its place before it
        parses; argmap reads one file, so it says so rather than keep the line as text."""
        for m in _INCLUDE.finditer(body):
            line = first + body.count("\n", 0, m.start())
            column = m.start() - (body.rfind("\n", 0, m.start()) + 1) + 1
            self.error(
                f"{m.group()} is not supported: argmap reads a single file",
                (line, column),
                hint=f"Put the text of {m.group(1).strip()} in its place.",
            )

    def _general(self, body: str, first: int) -> None:
        """Read the body in full generality: scan, then block by block."""
        lines, self.datas, problems = scan(body, first)
        self.problems += problems
        previous: _Element | None = None
        block: list[Line] = []
        for line in lines + [Line("", [0], [(0, 1)])]:
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
            self.error(
                "the front matter opened with === is never closed",
                (first, 1),
                hint="End it with a line of three equals signs (===).",
            )
            return "", 1
        data = self._yaml(text[start : end.start()], first + 1, 1, block=True, what="front matter")
        self.frontmatter = data if isinstance(data, dict) else {}
        line_after = text.count("\n", 0, end.end()) + 1
        return text[end.end() :], line_after

    def _yaml(self, source: str, line: int, col: int, *, block: bool, what: str) -> Any:
        from .. import yaml as yaml_format

        try:
            data = yaml_format.parse(source, name=self.name)
        except MapInvalid as err:
            for p in err.problems:
                at_line = line + (p.line or 1) - 1
                at_col = (p.column or 1) + (col - 1 if (p.line or 1) == 1 and not block else 0)
                self.problems.append(
                    Problem(
                        f"invalid YAML in the {what}: " + p.message.removeprefix("invalid YAML: "),
                        line=at_line,
                        column=at_col,
                        hint=p.hint,
                    )
                )
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

    def _block(self, lines: list[Line], previous: _Element | None) -> _Element | None:
        first = lines[0]
        stripped = first.text.lstrip()
        indent = len(first.text) - len(stripped)
        if HEADING.match(stripped):
            self._heading(lines, indent)
            return None
        if PCS_ITEM.match(stripped):
            target = previous if previous is not None and previous.kind == "a" else None
            self._pcs(lines, target)
            return None
        if LIST_ITEM.match(stripped):
            self._list(lines, indent)
            return None
        m = RELATION.match(stripped)
        if m:
            self.error(
                f"a relation ('{m.group(1)}') must follow the statement or argument it relates to",
                first.pos(indent),
                hint="Remove the empty line above it, or put a statement first.",
            )
            return None
        if stripped.startswith("--"):
            self.error(
                "an inference line (----) may only stand between the numbered statements of a "
                "premise-conclusion structure",
                first.pos(indent),
                hint="Put numbered statements like '(1) ...' before and after it.",
            )
            return None
        root = self._start(first, indent, "top")
        if root is None:
            return None
        self._tree(lines[1:], [(0, root.member, None, root)], root)
        return root

    def _heading(self, lines: list[Line], indent: int) -> None:
        first = lines[0]
        m = HEADING.match(first.text, indent)
        assert m is not None
        level = len(m.group(1))
        for line in lines[1:]:  # the text of a heading goes on to the end of its block
            stripped = line.text.lstrip()
            if NEW_ELEMENT.match(stripped) or RELATION.match(stripped) or HEADING_START.match(stripped):
                at = len(line.text) - len(stripped)
                self.error(
                    "a heading must be followed by an empty line: this line would be read as more of its title",
                    line.pos(at),
                    hint="Insert an empty line after the heading.",
                )
                return
        content = Content([(first, m.end())] + [(line, 0) for line in lines[1:]])
        text = inline(content.text)
        if text.reference is not None:
            self._reference_in_text(content, text.reference)
        data: dict = {}
        for i in text.data:
            data.update(self._data(i))
        parent = self.section
        while parent is not None and parent.level >= level:
            parent = parent.parent
        self.section = Section(text.clean or text.text, level, parent, data, text.tags)
        self.sections.append(self.section)

    def _list(self, lines: list[Line], indent: int) -> None:
        stack: list = []
        marker: bool | None = None  # numbered items?
        current: _Element | None = None
        for line in lines:
            stripped = line.text.lstrip()
            at = len(line.text) - len(stripped)
            item = LIST_ITEM.match(stripped)
            relation = RELATION.match(stripped)
            if item and not relation:
                ordered = stripped[0] != "*"
                if marker is None:
                    marker = ordered
                elif ordered != marker:
                    self.error(
                        "a list mixes '*' items and numbered items",
                        line.pos(at),
                        hint="Put an empty line between the two lists.",
                    )
                    return
                if at != indent:
                    self.error(
                        "nested lists are not supported in Argdown",
                        line.pos(at),
                        hint="Indent every list item alike, or use relations (+, -) to nest statements.",
                    )
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

    def _tree(self, lines: list[Line], stack: list, current: _Element | None) -> None:
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

    def _line(self, line: Line, stack: list, current: _Element | None) -> _Element | None:
        """One line below a tree's root: a relation to a new child, or more text."""
        stripped = line.text.lstrip()
        at = len(line.text) - len(stripped)
        m = RELATION.match(stripped)
        if m is None:
            misplaced = _misplaced(stripped, current)
            if misplaced is not None:
                self._finish(current)
                self.error(misplaced[0], line.pos(at), hint=misplaced[1])
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
                self.error(
                    f"the relation '{symbol}' must be indented further than the line it relates to",
                    line.pos(at),
                    hint="Indent it, e.g. by two spaces.",
                )
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

    def _start(self, line: Line, offset: int, context: str) -> _Element | None:
        """Read the head of a statement or argument (its title, if any) and register it."""
        rest = line.text[offset:]
        where = line.pos(offset)
        if not rest.strip() and context == "relation":
            self.error("a relation needs a statement or argument after its symbol", where)
            return None
        m = STATEMENT_HEAD.match(rest)
        untitled = False
        if m and (m.group(2) or not rest.startswith("(", m.end())):  # "[text](url)" is a link, not a title
            kind, title, definition, head = "s", m.group(1).strip(), bool(m.group(2)), m.end()
        elif (m := ARGUMENT_HEAD.match(rest)) is not None:
            kind, title, definition, head = "a", m.group(1).strip(), bool(m.group(2)), m.end()
            if context == "pcs":
                self.error(
                    "an argument cannot be a premise or conclusion",
                    where,
                    hint="Use a statement: [Title]: text, or a reference [Title].",
                )
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
        content = Content(element.pieces)
        text = inline(content.text, self.remove_tags)
        if text.stray is not None:
            self.error(
                "nothing may follow a data block {...} in a statement or argument",
                content.pos(text.stray),
                hint="Move the data to the end.",
            )
        if text.reference is not None:
            self._reference_in_text(content, text.reference)
        data: dict = {}
        for i in text.data:
            data.update(self._data(i))
        registry: Any = self.statements if element.kind == "s" else self.arguments
        item = registry[element.title]
        if element.definition and (text.text or text.tags):
            element.result = text
        elif not element.definition:
            leftover = strip_tags_and_data(content.text)
            if leftover is not None:
                what = "a statement" if element.kind == "s" else "an argument"
                self.error(
                    f"text after {what} reference; only tags and data may follow it",
                    content.pos(leftover),
                    hint="Add a colon after the title to define it ([Title]: text), or start a new line.",
                )
        for tag in text.tags:
            if tag not in item.tags:
                item.tags.append(tag)
        meta = data.pop("attack", None) if element.relation is not None else None
        if isinstance(meta, dict) and element.relation is not None:
            element.relation.meta = meta
        item.data.update(data)
        element.data = data

    def _reference_in_text(self, content: Content, offset: int) -> None:
        """``[A]`` or ``<A>`` inside a text: Argdown reads it as a reference, which
        cannot stand there (the reference CLI refuses it too)."""
        found = re.match(r"\[[^\n]*?\]|<[^\n]*?>", content.text[offset:])
        shown = found.group() if found else content.text[offset]
        escaped = r"\[ \]" if shown.startswith("[") else r"\< \>"
        self.error(
            f"'{shown}' inside a text is read as a reference to a statement or argument, which cannot stand there",
            content.pos(offset),
            hint=f"Write @{shown} to mention it, or escape the brackets ({escaped}) to keep them as text.",
        )

    # ---- relations

    def _relate(self, symbol: str, parent: tuple, child: _Element, where: tuple[int, int]) -> Relation:
        kind, direction = SYMBOLS[symbol]
        parent_member, step = parent[1], parent[2]
        if parent_member[0] == "i" and not (kind == "undercut" and direction == "in"):
            self.error(
                f"'{symbol}' cannot relate to an inference: an inference can only be undercut",
                where,
                hint="Use '_' or '<_' below an inference line.",
            )
        if kind == "contradictory" and (parent_member[0] != "s" or child.kind != "s"):
            self.error(
                "'><' (contradiction) can only connect two statements",
                (child.line, child.column),
                hint="Use '-' or '->' for an attack involving an argument.",
            )
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
        for kind, _, source, target, _line, _col, _step, relation in self.raw:
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

    def _pcs(self, lines: list[Line], target: _Element | None) -> None:  # noqa: C901 (one pass over a premise-conclusion structure's lines, as the grammar reads them)
        first = lines[0]
        start = first.pos(len(first.text) - len(first.text.lstrip()))
        if target is not None:
            argument = self.arguments[target.title]
            if argument.pcs:
                self.error(
                    f"the argument <{argument.title}> already has a premise-conclusion structure "
                    f"(line {argument.pcs[0].line})",
                    start,
                    hint="Give this one another title, or remove one of them.",
                )
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
                if EXPANDED_END.match(stripped):
                    inference = self._inference(expanded, expanded_at, len(items))
                    sequence.append(inference)
                    stack = [(0, ("i", argument.title, len(argument.inferences)), None, None)]
                    argument.inferences.append(inference)
                    expanded = None
                elif PCS_ITEM.match(stripped):
                    self.error(
                        "this inference is never closed",
                        expanded_at,
                        hint="End it with a line of two hyphens (--) before the next statement.",
                    )
                    return
                else:
                    expanded.append((line, 0))
                continue
            item = PCS_ITEM.match(stripped)
            if item:
                self._finish(current)
                self._close(stack)
                current = self._start(line, at + item.end(), "pcs")
                if current is None:
                    return
                current.number = int(item.group(1))
                current.start = line.pos(at)
                step = (
                    (argument.title, len(argument.inferences) - 1)
                    if sequence and isinstance(sequence[-1], Inference)
                    else None
                )
                items.append(current)
                sequence.append(current)
                stack = [(0, current.member, step, current)]
                continue
            if stripped.startswith("--") and not RELATION.match(stripped):
                self._finish(current)
                self._close(stack)
                current = None
                if not items or isinstance(sequence[-1], Inference):
                    self.error(
                        "an inference must stand between two numbered statements",
                        line.pos(at),
                        hint="Put a numbered statement like '(2) ...' before it.",
                    )
                    return
                if COLLAPSED.match(stripped):
                    inference = self._inference([], line.pos(at), len(items))
                elif (single := EXPANDED_LINE.match(stripped)) is not None:
                    inference = self._inference(
                        [(line, at + single.start(2))], line.pos(at), len(items), end=at + single.end(2)
                    )
                elif EXPANDED_START.match(stripped):
                    expanded, expanded_at = [], line.pos(at)
                    continue
                else:
                    self.error(
                        "invalid inference line",
                        line.pos(at),
                        hint="Use four hyphens (----), or '-- rule --', or a block between two lines of '--'.",
                    )
                    return
                sequence.append(inference)
                argument.inferences.append(inference)
                stack = [(0, ("i", argument.title, len(argument.inferences) - 1), None, None)]
                continue
            if isinstance(sequence[-1], Inference) and not RELATION.match(stripped):
                self.error(
                    "expected a numbered statement like '(3) ...' after the inference",
                    line.pos(at),
                    hint="A premise-conclusion structure lists numbered statements and inference lines only.",
                )
                return
            current = self._line(line, stack, current)
            if current is None:
                return
        self._finish(current)
        self._close(stack)
        if expanded is not None:
            self.error("this inference is never closed", expanded_at, hint="End it with a line of two hyphens (--).")
            return
        if isinstance(sequence[-1], Inference):
            self.error(
                "a premise-conclusion structure must end with its conclusion",
                (sequence[-1].line, sequence[-1].column),
                hint="Add a numbered statement after the last inference line.",
            )
            return
        if len(sequence) < 2 or not isinstance(sequence[-2], Inference):
            last = items[-1]
            self.error(
                "missing inference before the conclusion",
                last.start or (last.line, last.column),
                hint="Put a line of four hyphens (----) before the last numbered statement.",
            )
            return
        conclusions = {inference.conclusion for inference in argument.inferences}
        for i, element in enumerate(items):
            role = "premise"
            if i == len(items) - 1:
                role = "main-conclusion"
            elif i in conclusions:
                role = "intermediary-conclusion"
            argument.pcs.append(
                PcsStatement(element.title, element.number or i + 1, role, element.line, element.column, element.data)
            )

    def _inference(self, pieces: list, where: tuple[int, int], conclusion: int, end: int | None = None) -> Inference:
        content = Content(pieces, end)
        text = inline(content.text)
        data: dict = {}
        for i in text.data:
            data.update(self._data(i))
        return Inference(text.text, data, conclusion, *where)


def _misplaced(stripped: str, current: _Element | None) -> tuple[str, str] | None:
    """What a line inside a block cannot start with, unless it is a relation (message, hint)."""
    if HEADING_START.match(stripped):
        return (
            "a heading must start after an empty line",
            "Insert an empty line before it, or write \\# to begin the line with '#'.",
        )
    if stripped.startswith("--") and current is not None and current.context != "pcs":
        return (
            "an inference line (--) may only stand between the numbered statements of a premise-conclusion structure",
            "Write \\-- to begin the line with hyphens, or remove them.",
        )
    if NEW_ELEMENT.match(stripped):
        return (
            "a new statement, argument or list item must start after an empty line",
            "Insert an empty line before it, or a relation symbol such as '+'.",
        )
    return None


def parse(text: str, *, name: str = "<string>") -> Document:
    """The Argdown-level reading of ``text``.

    Raises :class:`~argmap.errors.MapInvalid` with one located problem per
    syntax error.

    >>> doc = parse("[A]: a\\n  - <B>: b\\n")
    >>> [r.view()["type"] for r in doc.relations]
    ['attack']
    """
    return Parser(text, name).run()
