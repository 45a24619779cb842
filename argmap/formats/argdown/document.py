"""The Argdown-level reading of a document, as the reference implementation
reads it: sections (headings), equivalence classes of statements, arguments
with their premise-conclusion structures, and typed relations.
:mod:`~argmap.formats.argdown.mapping` maps it onto argmap's model.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field


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
        return {
            "type": self.type,
            "from": self.source[1],
            "fromType": names[self.source[0]],
            "to": self.target[1],
            "toType": names[self.target[0]],
        }


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
            "arguments": {
                t: {
                    "description": a.description,
                    "tags": sorted(a.tags),
                    "pcs": [{"title": p.title, "role": p.role} for p in a.pcs],
                }
                for t, a in self.arguments.items()
            },
            "relations": [json.loads(r) for r in sorted(relations)],
        }
