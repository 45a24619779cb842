"""The Argdown-level document mapped onto argmap's model (see :mod:`argmap.formats.argdown`)."""

from __future__ import annotations

from typing import Any

from ...errors import MapInvalid, Problem
from ...locate import positions_locator
from ...terms import KINDS
from .._common import Ids, attack_types, infer_kinds, slugify, text_slug, title_from_name
from .document import Argument, Document, Relation
from .parser import parse


SUFFIXES = (".argdown", ".ad")

FIELDS = ("quote", "paragraph", "speaker", "note")

ATTACK_FIELDS = ("text", "quote", "paragraph", "speaker", "note")


def loads(text: str, *, name: str = "<string>", warnings: list[str] | None = None) -> Any:
    """Read Argdown text into a validated :class:`~argmap.model.ArgumentMap`."""
    from ...validate import validate

    data, positions = to_map_data(parse(text, name=name), name=name)
    return validate(data, name=name, locate=positions_locator(positions))


def loads_plain(text: str, *, name: str = "<string>", warnings: list[str] | None = None) -> dict[str, Any]:
    """Read Argdown text into plain validated data (:func:`argmap.validate.validate_plain`),
    for commands that need only the graph; the same messages as :func:`loads` on a mistake."""
    from ...validate import validate_plain

    data, positions = to_map_data(parse(text, name=name), name=name)
    return validate_plain(data, name=name, locate=positions_locator(positions))


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


def generated_id(prefix: str, id_: str) -> str:
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
        self.pairs: set[tuple[Any, Any]] = set()
        self.concluding: dict[str, list[int]] | None = None  # statement -> arguments concluding it
        self.using: dict[str, list[int]] = {}  # statement -> arguments using it as a premise

    def run(self, name: str) -> tuple[dict, dict]:  # noqa: C901 (the mapping's passes in the order the reference applies them)
        doc = self.doc
        self._refuse_loops(name)
        for statement in doc.statements.values():
            self.ids.reserve(statement.data.get("id"))
        for argument in doc.arguments.values():
            self.ids.reserve(argument.data.get("id"))
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
                a["id"] = self.ids.allocate(a.pop("generated_id"), "argument")
            a.pop("generated_id", None)
            if a.get("title") == a["id"] and not a.pop("_title_given", False):
                a["title"] = None
            a.pop("_title_given", None)
        for a in self.attacks:
            if "_argument" in a:
                a["to"] = self.arguments[a.pop("_argument")]["id"]
            if a["id"] is None:
                a["id"] = self.ids.allocate(a.pop("generated_id"), "attack")
            a.pop("generated_id", None)
        data: dict[str, Any] = {"title": self._title(name)}
        front = doc.frontmatter
        description = front.get("description", front.get("subTitle", front.get("subtitle")))
        if description is not None:
            data["description"] = description
        if front.get("source") is not None:
            data["source"] = front["source"]
        if front.get("speakers") is not None:
            data["speakers"] = front["speakers"]
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
                problems.append(
                    Problem(
                        f"{shown} supports itself",
                        line=r.line,
                        column=r.column,
                        hint="Relate it to another statement or argument, or remove the line.",
                    )
                )
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
                for k in FIELDS:
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
        base = generated_id("arg", self.of_statement[pcs[-1].title]) if argument.untitled else slugify(argument.title)
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
                "generated_id": base if count == 1 else f"{base}-{k + 1}",
                "title": extra.get("title", None if argument.untitled else argument.title) if last else None,
                "_title_given": last and "title" in extra,
                "premises": premises,
                "conclusion": of_statement[pcs[j].title],
                "scheme": extra.get("scheme", inference.rules or None),
                "text": extra.get("text", argument.clean or None) if last else extra.get("text"),
                "quote": extra.get("quote"),
                "paragraph": extra.get("paragraph"),  # FIELDS
                "speaker": extra.get("speaker"),
                "note": extra.get("note"),
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
        self.arguments.append(
            {"id": None, "generated_id": generated_id("arg", source), "premises": [source], "conclusion": target}
        )

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
            found = (self.concluding if target[0] == "s" else self.using).get(stand_in, []) if stand_in else []
            for i in found:
                self._add_attack(source, None, "undercut", relation, index=i)
            if found:
                return
        self._add_attack(source, self._statement_of(target), None, relation)

    def _add_attack(
        self,
        source: Any,
        target: Any,
        kind: str | None,
        relation: Relation,
        index: int | None = None,
        meta: bool = True,
    ) -> None:
        """An attack; ``index`` names a target argument whose id is not known yet."""
        if target is None and index is None or source is None:
            return
        key_target = target if index is None else ("argument", index)
        if (source, key_target) in self.pairs:  # an attack on itself is kept: a self-defeating claim
            return
        self.pairs.add((source, key_target))
        info = relation.meta if meta and isinstance(relation.meta, dict) else {}
        entry = {
            "id": info.get("id"),
            "generated_id": generated_id("att", source),
            "from": source,
            "to": target,
            "type": info.get("type", kind),
            **{f: info.get(f) for f in ATTACK_FIELDS},
            "tags": info.get("tags", []),
        }
        if index is not None:
            entry["_argument"] = index
        self.positions[("attacks", len(self.attacks))] = (relation.line, relation.column)
        self.attacks.append(entry)
