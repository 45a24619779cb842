"""AIF JSON: the Argument Interchange Format of AIFdb and OVA.

Reads both the AIFdb form (``nodes``, ``edges``, ``locutions``,
``participants`` at the top level) and the OVA3/xAIF form (``{"AIF": {...},
"text": ..., "OVA": {...}}``); node ids may be strings or integers.

- I-nodes (propositions) are statements; their text is kept;
- an RA-node (inference) is one argument: its incoming I-nodes are the linked
  premises, its one outgoing I-node the conclusion; its text, unless it is the
  default ``Default Inference``, is the scheme (a ``scheme`` field wins);
- a CA-node (conflict) from an I-node to an I-node is a rebut, or an undermine
  when the attacked statement is a premise some argument uses and none
  concludes; a CA-node into an RA-node is an undercut;
- an L-node (locution) anchored to an I-node by a YA-node gives the speaker
  (through ``locutions`` and ``participants``) and the quote (the locution's
  text without its ``Speaker:`` prefix);
- TA, MA, PA and other dialogue nodes are not part of argmap's model and are skipped.

The writer produces AIFdb-form JSON that keeps the format's rules (I-nodes
never connect directly: every support goes through an RA-node, every attack
through a CA-node) plus an ``argmap`` block holding what AIF has no place for
(ids, kinds, paragraphs, tags, notes); AIF tools ignore it, and argmap reads it
back so a round trip changes nothing.

>>> m = loads('{"nodes": [{"nodeID": 1, "text": "It rains.", "type": "I"},'
...           ' {"nodeID": 2, "text": "Take an umbrella.", "type": "I"},'
...           ' {"nodeID": 3, "text": "Default Inference", "type": "RA"}],'
...           ' "edges": [{"edgeID": 1, "fromID": 1, "toID": 3}, {"edgeID": 2, "fromID": 3, "toID": 2}]}')
>>> [(a.premises, a.conclusion) for a in m.arguments]
[(('it-rains',), 'take-an-umbrella')]
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any
from collections.abc import Callable

from ..errors import MapInvalid, Problem
from ..limits import check_nesting, json_nesting_problem
from ..locate import json_positions, nearest
from ._common import Ids, attack_types, infer_kinds, mark_proposals, text_slug, title_from_name

if TYPE_CHECKING:
    from ..graph import Graph
    from . import ExportOptions

SUFFIXES = (".aif.json", ".aif", ".json")
DEFAULT_INFERENCE = "Default Inference"
DEFAULT_CONFLICT = "Default Conflict"
DEFAULT_REPHRASE = "Default Rephrase"
#: keys of the writer's extension block and of each entry in it
EXTENSION = "argmap"
_STATEMENT_KEYS = ("id", "kind", "title", "quote", "paragraph", "speaker", "tags", "note")
_ARGUMENT_KEYS = ("id", "title", "scheme", "text", "quote", "paragraph", "speaker", "tags", "note")
#: "Chris Philp : We follow the advice": a name of at most six words, then a colon
_SPEAKER_PREFIX = re.compile(r"^\s*([^\s:]+(?:[ \t]+[^\s:]+){0,5})[ \t]*:[ \t]+(.*)$", re.S)
_ATTACK_KEYS = ("id", "type", "text", "quote", "paragraph", "speaker", "tags", "note")


def _key(value: Any) -> str | None:
    """A node id as text (AIF files use strings and integers alike)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, str)):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return None


class _Reader:
    def __init__(self, text: str, name: str, lenient: bool = False) -> None:
        self.text = text
        self.name = name
        self.lenient = lenient
        self.problems: list[Problem] = []
        self._positions: dict | None = None
        self.prefix: tuple = ()
        #: what was read past without a place in the map, each naming its AIF node
        self.warnings: list[str] = []

    def where(self, *path: Any) -> tuple[int, int] | None:
        if self._positions is None:
            self._positions = json_positions(self.text)
        return nearest(self._positions, self.prefix + path)

    def error(self, message: str, path: tuple, hint: str = "") -> None:
        at = self.where(*path)
        self.problems.append(Problem(message, line=at[0] if at else None, column=at[1] if at else None, hint=hint))

    def bad(self, message: str, path: tuple, hint: str = "", skipped: str = "skipped") -> None:
        """A malformed node or edge: an error, or with ``lenient`` a warning (at its
        position, naming its AIF id) and the item skipped."""
        if not self.lenient:
            self.error(message, path, hint)
            return
        at = self.where(*path)
        self.warnings.append(f"{at[0]}:{at[1]}: {message}: {skipped}" if at else f"{message}: {skipped}")

    def _check_extension(self, notes: dict) -> None:
        """The writer's extension entries name ids, kinds and attack types as text:
        anything else there is an error at its place (it would be used as a key)."""
        for key, entry in notes.items():
            if not isinstance(entry, dict):
                continue
            for field in ("id", "kind", "type"):
                value = entry.get(field)
                if value is not None and not isinstance(value, str):
                    at = nearest(json_positions(self.text), (EXTENSION, "nodes", key, field))
                    self.problems.append(
                        Problem(
                            f"'{EXTENSION}.nodes.{key}.{field}' must be text, not {type(value).__name__}",
                            line=at[0] if at else None,
                            column=at[1] if at else None,
                            hint=f'Write it as "{field}": "...", or leave it out.',
                        )
                    )
        self.fail()

    def fail(self) -> None:
        if self.problems:
            self.problems.sort(key=lambda p: (p.line or 0, p.column or 0))
            raise MapInvalid(self.name, self.problems[:50])

    def run(self) -> tuple[dict, dict]:
        try:
            root = json.loads(self.text)
        except json.JSONDecodeError as err:
            raise MapInvalid(
                self.name,
                [
                    Problem(
                        f"invalid JSON: {err.msg.removesuffix(' at')}",
                        line=err.lineno,
                        column=err.colno,
                        hint="Fix the syntax at that position.",
                    )
                ],
            ) from None
        except RecursionError:
            raise MapInvalid(self.name, [json_nesting_problem(self.text)]) from None
        check_nesting(root, self.name, lambda path: nearest(json_positions(self.text), path))
        if not isinstance(root, dict):
            raise MapInvalid(
                self.name,
                [
                    Problem(
                        "expected a JSON object with nodes and edges",
                        line=1,
                        column=1,
                        hint='An AIF file is {"nodes": [...], "edges": [...]}.',
                    )
                ],
            )
        body = root
        if isinstance(root.get("AIF"), dict):  # the OVA3 / xAIF form
            body, self.prefix = root["AIF"], ("AIF",)
        for key in ("nodes", "edges"):
            if not isinstance(body.get(key), list):
                self.error(
                    f"an AIF file needs a list of {key}",
                    (),
                    hint='Expected {"nodes": [...], "edges": [...]} (AIFdb) or '
                    '{"AIF": {"nodes": ..., "edges": ...}} (OVA).',
                )
        for key in ("locutions", "participants"):  # optional, but a list when given
            if body.get(key) is not None and not isinstance(body[key], list):
                self.error(f"'{key}' must be a list", (key,), hint=f'Write "{key}": [...], or leave it out.')
        self.fail()
        found = root.get(EXTENSION)
        extension = found if isinstance(found, dict) else {}
        return self._read(body, extension)

    def _read(self, body: dict, extension: dict) -> tuple[dict, dict]:
        """The map data of a well-formed AIF body, in steps: index the nodes and
        edges, check the I-nodes, then make the statements, arguments and attacks."""
        self._index(body)
        self._check_propositions()
        speakers = self._speakers(body, self.nodes, self.type_of, self.incoming, self.outgoing)
        notes = extension.get("nodes")
        self.notes: dict = notes if isinstance(notes, dict) else {}
        self._check_extension(self.notes)
        self.ids = Ids()
        for entry in self.notes.values():
            if isinstance(entry, dict):
                self.ids.reserve(entry.get("id"))
        self.positions: dict[tuple, tuple] = {}
        statements = self._statements(speakers)
        arguments, argument_of = self._arguments()
        attacks = self._attacks(arguments, argument_of)
        self.fail()
        explicit = {s["id"] for s in statements if s.get("kind")}
        infer_kinds(statements, arguments)
        mark_proposals(statements, arguments, explicit)
        attack_types(statements, arguments, attacks, explicit)
        for entry in attacks:
            if entry["id"] is None:
                entry["id"] = self.ids.allocate(f"att-{entry['from']}"[:180].rstrip("-"), "attack")
        data: dict[str, Any] = {"title": extension.get("title", title_from_name(self.name, SUFFIXES))}
        for key in ("description", "source", "speakers"):
            if extension.get(key) is not None:
                data[key] = extension[key]
        data["statements"] = statements
        if arguments:
            data["arguments"] = arguments
        if attacks:
            data["attacks"] = attacks
        return data, self.positions

    def _index(self, body: dict) -> None:
        """Every node by its id (with its place in the file) and the edges into and out of it."""
        nodes: dict[str, dict] = {}
        index: dict[str, int] = {}
        for i, node in enumerate(body["nodes"]):
            if not isinstance(node, dict):
                self.bad("a node must be an object", ("nodes", i))
                continue
            key = _key(node.get("nodeID"))
            if key is None:
                self.bad("this node has no nodeID", ("nodes", i), hint="Give every node a nodeID (text or number).")
                continue
            if key in nodes:
                self.bad(f"nodeID {key} is used twice", ("nodes", i, "nodeID"), hint="Node ids must be unique.")
                continue
            if not isinstance(node.get("type"), str):
                self.bad(f"node {key} has no type", ("nodes", i), hint="Use I, RA, CA, L, YA, TA or MA.")
                continue
            nodes[key], index[key] = node, i
        incoming: dict[str, list[str]] = {k: [] for k in nodes}
        outgoing: dict[str, list[str]] = {k: [] for k in nodes}
        for j, edge in enumerate(body["edges"]):
            if not isinstance(edge, dict):
                self.bad("an edge must be an object", ("edges", j))
                continue
            a, b = _key(edge.get("fromID")), _key(edge.get("toID"))
            if a not in nodes or b not in nodes:
                missing = a if a not in nodes else b
                self.bad(
                    f"edge {edge.get('edgeID', j)} points to node {missing}, which does not exist",
                    ("edges", j),
                    hint="Every fromID and toID must be the nodeID of a node.",
                )
                continue
            outgoing[a].append(b)
            incoming[b].append(a)
        self.fail()
        body["edges"] = None  # all read into incoming and outgoing: half a million dicts on a big map, freed now
        self.nodes, self.index, self.incoming, self.outgoing = nodes, index, incoming, outgoing
        self.type_of = {k: str(n["type"]).upper() for k, n in nodes.items()}

    def _check_propositions(self) -> None:
        """Every I-node has text and connects to other I-nodes only through RA- or CA-nodes."""
        for k in self.nodes:
            if self.type_of[k] != "I":
                continue
            text = self.nodes[k].get("text")
            if not isinstance(text, str) or not text.strip():
                hint = "Every proposition needs its text."
                self.bad(f"I-node {k} has no text", ("nodes", self.index[k]), hint=hint)
                self.type_of[k] = "skipped"  # (lenient) what it connects to no longer sees an I-node
                continue
            for other in self.outgoing[k]:
                if self.type_of[other] == "I":
                    self.bad(
                        f"I-node {k} connects directly to I-node {other}",
                        ("nodes", self.index[k]),
                        hint="In AIF, statements connect through an RA-node (support) or a CA-node (attack).",
                        skipped="the edge is skipped",
                    )
        self.fail()

    def _extra(self, k: str) -> dict:
        """What the writer's extension block says about node ``k`` (nothing for other files)."""
        extra = self.notes.get(k)
        return extra if isinstance(extra, dict) else {}

    def _statements(self, speakers: dict[str, tuple[str | None, str | None]]) -> list[dict]:
        """One statement per I-node, with its speaker and quote from the locutions."""
        out: list[dict] = []
        self.id_of: dict[str, str] = {}
        for k in self.nodes:
            if self.type_of[k] != "I":
                continue
            node, extra = self.nodes[k], self._extra(k)
            text = " ".join(node["text"].split()) if not extra else node["text"]
            entry: dict[str, Any] = {"id": None, "kind": None, "text": text}
            speaker, quote = speakers.get(k, (None, None))
            if quote is not None and " ".join(quote.split()) != text:
                entry["quote"] = quote
            if speaker:
                entry["speaker"] = speaker
            if extra:
                entry.pop("quote", None)
                entry.pop("speaker", None)
                entry.update({f: extra[f] for f in _STATEMENT_KEYS if f in extra})
            entry["id"] = entry["id"] if entry["id"] is not None else self.ids.allocate(text_slug(text), "statement")
            self.id_of[k] = entry["id"]
            self.positions[("statements", len(out))] = ("nodes", self.index[k])
            out.append(entry)
        return out

    def _inference_problem(self, k: str, premises: list[str], conclusions: list[str]) -> tuple[str, str] | None:
        """What keeps RA-node ``k`` from being an argument (message, hint), if anything."""
        others = [x for x in self.outgoing[k] if self.type_of[x] in ("RA", "CA")]
        others += [x for x in self.incoming[k] if self.type_of[x] == "RA"]
        if len(conclusions) != 1:
            return f"RA-node {k} has {len(conclusions)} conclusions", "An inference (RA) leads to exactly one I-node."
        if not premises:
            return f"RA-node {k} has no premises", "An inference (RA) needs at least one incoming I-node."
        if conclusions[0] in premises:
            return (
                f"RA-node {k} concludes I-node {conclusions[0]}, which is also one of its premises",
                "A statement cannot support itself; remove one of the two edges.",
            )
        if others:
            return (
                f"RA-node {k} is linked to {self.type_of[others[0]]}-node {others[0]}",
                "argmap can only represent inferences between statements (I-nodes); "
                "an inference supporting or attacking another cannot be read.",
            )
        return None

    def _arguments(self) -> tuple[list[dict], dict[str, int]]:
        """One argument per RA-node, and each RA-node's place among them."""
        arguments: list[dict] = []
        argument_of: dict[str, int] = {}
        for k in self.nodes:
            if self.type_of[k] != "RA":
                continue
            premises = [p for p in self.incoming[k] if self.type_of[p] == "I"]
            conclusions = [c for c in self.outgoing[k] if self.type_of[c] == "I"]
            problem = self._inference_problem(k, premises, conclusions)
            if problem is not None:
                self.bad(problem[0], ("nodes", self.index[k]), hint=problem[1])
                continue
            node, extra = self.nodes[k], self._extra(k)
            scheme = node.get("scheme") if isinstance(node.get("scheme"), str) else node.get("text")
            entry = {
                "id": None,
                "premises": list(dict.fromkeys(self.id_of[p] for p in premises)),
                "conclusion": self.id_of[conclusions[0]],
            }
            if isinstance(scheme, str) and scheme.strip() and scheme != DEFAULT_INFERENCE:
                entry["scheme"] = scheme
            if extra:
                entry.pop("scheme", None)
                entry.update({f: extra[f] for f in _ARGUMENT_KEYS if f in extra})
            argument_of[k] = len(arguments)
            self.positions[("arguments", len(arguments))] = ("nodes", self.index[k])
            arguments.append(entry)
        arguments += self._rephrases(len(arguments))
        for entry in arguments:
            if entry["id"] is None:
                entry["id"] = self.ids.allocate(f"arg-{entry['conclusion']}"[:180].rstrip("-"), "argument")
        return arguments, argument_of

    def _rephrases(self, first: int) -> list[dict]:
        """One argument per MA-node (a rephrase): the restatement stands on what it
        restates; an MA-node that relates no two I-nodes is skipped with a warning.
        ``first``: how many arguments come before them."""
        out: list[dict] = []
        for k in self.nodes:
            if self.type_of[k] != "MA":
                continue
            sources = list(dict.fromkeys(p for p in self.incoming[k] if self.type_of[p] == "I"))
            targets = [c for c in self.outgoing[k] if self.type_of[c] == "I"]
            if len(targets) != 1 or not sources or targets[0] in sources:
                self.warnings.append(
                    f"MA-node {k} (a rephrase) leads from {len(sources)} I-node(s) to "
                    f"{len(targets)}, so it relates no two statements: skipped"
                )
                continue
            extra = self._extra(k)
            text = self.nodes[k].get("text")
            entry = {
                "id": None,
                "premises": [self.id_of[p] for p in sources],
                "conclusion": self.id_of[targets[0]],
                "scheme": text if isinstance(text, str) and text.strip() else DEFAULT_REPHRASE,
            }
            if extra:
                entry.update({f: extra[f] for f in _ARGUMENT_KEYS if f in extra})
            self.positions[("arguments", first + len(out))] = ("nodes", self.index[k])
            out.append(entry)
        return out

    def _attacks(self, arguments: list[dict], argument_of: dict[str, int]) -> list[dict]:
        """One attack per CA-node: an undercut when it points at an RA-node."""
        attacks: list[dict] = []
        for k in self.nodes:
            if self.type_of[k] != "CA":
                continue
            sources = [s for s in self.incoming[k] if self.type_of[s] == "I"]
            targets = [t for t in self.outgoing[k] if self.type_of[t] in ("I", "RA")]
            if len(sources) != 1 or len(targets) != 1:
                self.bad(
                    f"CA-node {k} must have one attacking I-node and one target "
                    f"(has {len(sources)} and {len(targets)})",
                    ("nodes", self.index[k]),
                    hint="A conflict (CA) goes from one statement to one statement or inference.",
                )
                continue
            target = targets[0]
            undercut = self.type_of[target] == "RA"
            if undercut and target not in argument_of:
                if self.lenient:  # strict: the inference it undercuts was reported, and the file refused
                    self.bad(f"CA-node {k} undercuts RA-node {target}, which was skipped", ("nodes", self.index[k]))
                continue
            entry = {
                "id": None,
                "from": self.id_of[sources[0]],
                "to": arguments[argument_of[target]]["id"] if undercut else self.id_of[target],
                "type": "undercut" if undercut else None,
            }
            extra = self._extra(k)
            if extra:
                entry.update({f: extra[f] for f in _ATTACK_KEYS if f in extra})
            self.positions[("attacks", len(attacks))] = ("nodes", self.index[k])
            attacks.append(entry)
        return attacks

    def _speakers(
        self, body: dict, nodes: dict, type_of: dict, incoming: dict, outgoing: dict
    ) -> dict[str, tuple[str | None, str | None]]:
        """Who asserted each I-node, and in what words: L-node -> YA-node -> I-node.

        The speaker is the participant a locution's ``personID`` names; AIFdb's
        corpus files (QT30 and most AIFdb downloads) have no ``participants``, and
        there the speaker is the name before the colon of the L-node's text
        (``"Chris Philp : We follow the advice"``). The quote is the text after it.
        """
        names: dict[str, str] = {}
        for p in body.get("participants") or []:
            if isinstance(p, dict) and _key(p.get("participantID")) is not None:
                full = " ".join(str(p.get(f) or "").strip() for f in ("firstname", "surname")).strip()
                if full:
                    names[_key(p.get("participantID"))] = full  # type: ignore[index]
        person: dict[str, str | None] = {}
        for loc in body.get("locutions") or []:
            node = _key(loc.get("nodeID")) if isinstance(loc, dict) else None
            if node is not None:
                who = _key(loc.get("personID"))
                person.setdefault(node, names.get(who) if who is not None else None)
        found: dict[str, tuple[str | None, str | None]] = {}
        for ya in nodes:
            if type_of[ya] != "YA":
                continue
            locutions = [x for x in incoming[ya] if type_of[x] == "L"]
            for target in outgoing[ya]:
                if type_of[target] != "I" or target in found or not locutions:
                    continue
                # a YA-node may anchor several L-nodes (an utterance and its copy): one naming a speaker wins
                l_node = next(
                    (x for x in locutions if person.get(x) or _SPEAKER_PREFIX.match(str(nodes[x].get("text") or ""))),
                    locutions[0],
                )
                text = nodes[l_node].get("text")
                if not isinstance(text, str) or not text.strip():
                    found[target] = (person.get(l_node), None)
                    continue
                speaker = person.get(l_node)
                quote: str | None = text
                named = _SPEAKER_PREFIX.match(text)
                if named and (speaker is None or named.group(1).strip() == speaker):
                    speaker, quote = named.group(1).strip(), named.group(2).strip() or None
                found[target] = (speaker, quote)
        return found


def to_map_data(text: str, *, name: str = "<string>") -> tuple[dict, dict]:
    """Plain map data from AIF JSON text, and for each item the JSON path of its node."""
    return _Reader(text, name).run()


def loads(text: str, *, name: str = "<string>", warnings: list[str] | None = None, lenient: bool = False) -> Any:
    """Read AIF JSON (AIFdb or OVA3 form) into a validated map.

    What has no place in the map is reported in ``warnings`` when a list is
    given (``file: MA-node 7 ...``). A malformed node refuses the file, unless
    ``lenient``: then it is skipped (and what rested on it, such as an attack on
    a skipped inference) with a warning naming its AIF node id. Every message
    names AIF nodes, never argmap's own field paths.
    """
    from ..validate import validate

    return _validated(text, name, warnings, lenient, validate)


def loads_plain(text: str, *, name: str = "<string>", warnings: list[str] | None = None) -> dict[str, Any]:
    """Read AIF JSON into plain validated data (:func:`argmap.validate.validate_plain`),
    for commands that need only the graph; the same messages and warnings as :func:`loads`."""
    from ..validate import validate_plain

    return _validated(text, name, warnings, False, validate_plain)


def _validated(text: str, name: str, warnings: list[str] | None, lenient: bool, validate: Callable[..., Any]) -> Any:
    """The map read by :class:`_Reader` and validated by ``validate`` (into models or plain data)."""
    reader = _Reader(text, name, lenient)
    data, nodes = reader.run()
    named = _NodeNames(reader, nodes, data)
    for _ in range(_ROUNDS):
        try:
            amap = validate(data, name=name, locate=named.locate)
            break
        except MapInvalid as err:
            if not lenient or not named.skip(data, err.problems):
                raise MapInvalid(name, [named.problem(p) for p in err.problems]) from None
    else:  # pragma: no cover - each round skips an item; this many only on a pathological file
        raise MapInvalid(name, [Problem(f"more than {_ROUNDS} rounds of malformed nodes", line=1, column=1)])
    if warnings is not None:
        warnings.extend(f"{name}:{w}" if w[:1].isdigit() else f"{name}: {w}" for w in reader.warnings)
    return amap


#: rounds of skipping what validation refuses (``lenient``): each round's skips can leave
#: an attack on a skipped argument, which the next round skips
_ROUNDS = 8

_FIELD_PATH = re.compile(r"\b(statements|arguments|attacks)\[(\d+)\]")
_QUOTED_ID = re.compile(r"'([^'\s]+)'")


class _NodeNames:
    """Turns validation's problems, which name the map's fields
    (``attacks[1].to``), into messages about the AIF nodes they were read from."""

    def __init__(self, reader: _Reader, nodes: dict, data: dict) -> None:
        self.reader, self.nodes, self.data = reader, nodes, data
        self._body: dict | None = None

    def node(self, section: str, index: int) -> str | None:
        """``CA-node 7`` for the item ``(section, index)`` of the map read."""
        where = self.nodes.get((section, index))
        if where is None:
            return None
        if self._body is None:  # parsed again only when something is wrong
            root = json.loads(self.reader.text)
            self._body = root["AIF"] if isinstance(root.get("AIF"), dict) else root
        node = self._body["nodes"][where[1]]
        return f"{str(node.get('type')).upper()}-node {_key(node.get('nodeID'))}"

    def locate(self, path: tuple) -> tuple[int, int] | None:  # only asked when something is wrong
        node = self.nodes.get(tuple(path[:2]))
        return self.reader.where(*node) if node else None

    def words(self, message: str) -> str:
        """``message`` naming AIF nodes: field paths and the ids argmap gave them."""
        message = _FIELD_PATH.sub(lambda m: self.node(m.group(1), int(m.group(2))) or "another node", message)
        if "'" not in message:
            return message
        ids = {
            item["id"]: (section, i)
            for section in ("statements", "arguments")
            for i, item in enumerate(self.data.get(section, []))
        }
        return _QUOTED_ID.sub(
            lambda m: self.node(*ids[m.group(1)]) or m.group() if m.group(1) in ids else m.group(), message
        )

    def problem(self, p: Problem) -> Problem:
        """The problem with the AIF node in place of the field path."""
        node = self.node(str(p.path[0]), p.path[1]) if len(p.path) >= 2 and isinstance(p.path[1], int) else None
        if p.path == ("statements",):
            node = "no I-node"
        message = self.words(p.message)
        return Problem(f"{node}: {message}" if node else message, (), p.line, p.column, self.words(p.hint))

    def skip(self, data: dict, problems: list[Problem]) -> bool:
        """Drop the arguments and attacks the problems are about, each with a
        warning; False when a problem is about anything else (nothing dropped)."""
        doomed: dict[str, set[int]] = {"arguments": set(), "attacks": set()}
        for p in problems:
            if len(p.path) < 2 or p.path[0] not in doomed or not isinstance(p.path[1], int):
                return False
            doomed[str(p.path[0])].add(p.path[1])
        for p in problems:
            at = p.line, p.column
            fixed = self.problem(p)
            self.reader.warnings.append(f"{at[0]}:{at[1]}: {fixed.message}: skipped" if at[0] else fixed.message)
        for section, gone in doomed.items():
            if gone:
                kept = [(i, item) for i, item in enumerate(data.get(section, [])) if i not in gone]
                data[section] = [item for _, item in kept]
                self.nodes = {
                    **{k: v for k, v in self.nodes.items() if k[0] != section},
                    **{(section, new): self.nodes[(section, old)] for new, (old, _) in enumerate(kept)},
                }
        return True


def dumps(graph: Graph, options: ExportOptions | None = None) -> str:
    """The map held by ``graph`` as AIFdb-form JSON.

    Each statement is an I-node (with an L-node and a YA-node "Asserting"
    when it has a speaker or a quote), each argument an RA-node, each attack
    a CA-node; node and edge ids are numbers written as text.

    >>> from argmap.graph import _demo
    >>> doc = json.loads(dumps(_demo()))
    >>> sorted((n["type"], n["text"]) for n in doc["nodes"])
    [('CA', 'Default Conflict'), ('I', 'C.'), ('I', 'P.'), ('I', 'X.'), ('RA', 'Default Inference')]
    >>> len(doc["edges"])
    4
    """
    from ..graph import map_data

    data = map_data(graph, source_file=options.source_file if options else None)
    nodes: list[dict] = []
    edges: list[dict] = []
    locutions: list[dict] = []
    participants: dict[str, str] = {}
    notes: dict[str, dict] = {}
    node_of: dict[str, str] = {}
    names = data.get("speakers") or {}

    def node(kind: str, text: str) -> str:
        key = str(len(nodes) + 1)
        nodes.append({"nodeID": key, "text": text, "type": kind, "timestamp": ""})
        return key

    def edge(a: str, b: str) -> None:
        edges.append({"edgeID": str(len(edges) + 1), "fromID": a, "toID": b, "formEdgeID": None})

    for s in data["statements"]:
        key = node_of[s["id"]] = node("I", s["text"])
        notes[key] = {f: s[f] for f in _STATEMENT_KEYS if s.get(f) is not None}
        speaker, quote = s.get("speaker"), s.get("quote")
        if speaker or quote:
            said = quote if quote is not None else s["text"]
            l_node = node("L", f"{names.get(speaker, speaker)}: {said}" if speaker else said)
            ya = node("YA", "Asserting")
            edge(l_node, ya)
            edge(ya, key)
            if speaker:
                person = participants.setdefault(names.get(speaker, speaker), str(len(participants) + 1))
                locutions.append({"nodeID": l_node, "personID": person, "timestamp": ""})
    for a in data.get("arguments", []):
        rephrase = "rephrase" in (a.get("scheme") or "").lower()
        key = node_of[a["id"]] = node("MA" if rephrase else "RA", a.get("scheme") or DEFAULT_INFERENCE)
        if a.get("scheme"):
            nodes[-1]["scheme"] = a["scheme"]
        notes[key] = {f: a[f] for f in _ARGUMENT_KEYS if a.get(f) is not None}
        for p in a["premises"]:
            edge(node_of[p], key)
        edge(key, node_of[a["conclusion"]])
    for t in data.get("attacks", []):
        key = node("CA", DEFAULT_CONFLICT)
        notes[key] = {f: t[f] for f in _ATTACK_KEYS if t.get(f) is not None}
        edge(node_of[t["from"]], key)
        edge(key, node_of[t["to"]])
    extension: dict[str, Any] = {"version": 1, "title": data["title"]}
    for key in ("description", "source", "speakers"):
        if data.get(key) is not None:
            extension[key] = data[key]
    extension["nodes"] = notes
    doc = {
        "nodes": nodes,
        "edges": edges,
        "locutions": locutions,
        "participants": [
            {"participantID": pid, "firstname": name, "surname": ""} for name, pid in participants.items()
        ],
        EXTENSION: extension,
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
