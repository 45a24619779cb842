"""The argument map: frozen Pydantic models and their cross-reference checks.

A map holds statements (proposals, claims, premises), arguments (premises that
together support one conclusion) and attacks (rebut, undermine, undercut). The
field names are a contract shared by every reader, writer and command.

Examples
--------
>>> m = ArgumentMap.model_validate({
...     "title": "Tiny",
...     "statements": [
...         {"id": "p", "kind": "premise", "text": "It rains."},
...         {"id": "c", "kind": "proposal", "text": "Take an umbrella."},
...     ],
...     "arguments": [{"id": "a", "premises": ["p"], "conclusion": "c"}],
... })
>>> [s.id for s in m.statements]
['p', 'c']
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from .errors import MapProblems, Problem
from .terms import ATTACK_VERBS


SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=200)]
#: text with something visible in it and no NUL character (no text file can carry one)
Text = Annotated[str, StringConstraints(pattern=r"^[^\x00]*[^\s\x00][^\x00]*$")]
Kind = Literal["proposal", "claim", "premise"]
AttackType = Literal["rebut", "undermine", "undercut"]


class Base(BaseModel):
    """Shared configuration: unknown fields are errors, objects never change."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        serialize_by_alias=True,
        revalidate_instances="never",
    )


class Source(Base):
    """The text a map is made from. ``file`` is relative to the map file."""

    title: Text | None = None
    file: Text | None = None
    url: Text | None = None
    author: Text | None = None
    date: Text | None = None


class Statement(Base):
    """A proposal, claim or premise, with the words of the source it stands for."""

    id: Slug
    kind: Kind
    text: Text
    quote: Text | None = None
    paragraph: Annotated[int, Field(ge=1)] | None = None
    speaker: Text | None = None
    tags: tuple[Text, ...] = ()
    note: Text | None = None
    #: a human name from another format (an Argdown title), kept so it can be written back
    title: Text | None = None


class Argument(Base):
    """Premises that together (linked) support one conclusion."""

    id: Slug
    premises: Annotated[tuple[Slug, ...], Field(min_length=1)]
    conclusion: Slug
    scheme: Text | None = None
    text: Text | None = None
    quote: Text | None = None
    paragraph: Annotated[int, Field(ge=1)] | None = None
    speaker: Text | None = None
    tags: tuple[Text, ...] = ()
    note: Text | None = None
    #: a human name from another format (an Argdown title), kept so it can be written back
    title: Text | None = None


def derived_attack_id(source: str, kind: str, target: str) -> str:
    """The id of an attack that has none: its ends joined by its verb.

    >>> derived_attack_id("wind", "undercut", "arg-umbrella")
    'wind-undercuts-arg-umbrella'
    """
    return f"{source}-{ATTACK_VERBS.get(kind, kind)}-{target}"


def fill_attack_ids(data: object) -> object:
    """Raw map data with an id given to each attack that has none (derived from
    its ``from``, ``type`` and ``to``); data it cannot tell about is left as it is."""
    if not isinstance(data, dict) or not isinstance(data.get("attacks"), list):
        return data
    attacks = data["attacks"]
    if all(not isinstance(t, dict) or "id" in t for t in attacks):
        return data
    filled = []
    for t in attacks:
        if isinstance(t, dict) and "id" not in t and all(isinstance(t.get(k), str) for k in ("from", "to", "type")):
            t = {"id": derived_attack_id(t["from"], t["type"], t["to"]), **t}
        filled.append(t)
    return {**data, "attacks": filled}


class Attack(Base):
    """An objection: a statement attacking a statement (rebut, undermine) or an
    argument (undercut). Without an ``id``, it gets one from its ends and type
    (:func:`derived_attack_id`)."""

    id: Slug
    from_: Slug = Field(alias="from")
    to: Slug
    type: AttackType
    text: Text | None = None
    quote: Text | None = None
    paragraph: Annotated[int, Field(ge=1)] | None = None
    speaker: Text | None = None
    tags: tuple[Text, ...] = ()
    note: Text | None = None

    @model_validator(mode="before")
    @classmethod
    def _derive_id(cls, data: object) -> object:
        if (
            isinstance(data, dict)
            and "id" not in data
            and all(isinstance(data.get(k), str) for k in ("from", "to", "type"))
        ):
            return {"id": derived_attack_id(data["from"], data["type"], data["to"]), **data}
        return data


class ArgumentMap(Base):
    """A whole map. Valid means: every id unique, every reference resolves, and
    when ``speakers`` (speaker -> the name to show) is given, every speaker is in it."""

    title: Text
    description: Text | None = None
    source: Source | None = None
    speakers: dict[Text, Text] | None = None
    statements: Annotated[tuple[Statement, ...], Field(min_length=1)]
    arguments: tuple[Argument, ...] = ()
    attacks: tuple[Attack, ...] = ()

    @model_validator(mode="after")
    def _check_references(self) -> ArgumentMap:
        problems = reference_problems(
            [s.id for s in self.statements],
            [(a.id, a.premises, a.conclusion) for a in self.arguments],
            [(t.id, t.from_, t.to, t.type) for t in self.attacks],
        )
        if self.speakers is not None:
            problems += speaker_problems(
                self.speakers,
                [
                    (section, i, item.speaker)
                    for section in ("statements", "arguments", "attacks")
                    for i, item in enumerate(getattr(self, section))
                    if item.speaker is not None
                ],
            )
        if problems:
            raise MapProblems(problems)
        return self


def speaker_problems(speakers: dict[str, str], used: list[tuple[str, int, str]]) -> list[Problem]:
    """A problem for each speaker (``(section, index, speaker)``) that a map's
    ``speakers`` does not name.

    >>> [p.format("m.yaml") for p in speaker_problems({"author": "The author"}, [("statements", 0, "autor")])]
    ["m.yaml: statements[0].speaker: 'autor' is not one of the speakers the map names. Did you mean 'author'?"]
    """
    problems = []
    known = set(speakers)
    for section, i, speaker in used:
        if speaker not in known:
            hint = _suggest(speaker, known) if known else ""
            if not hint.startswith("Did you mean"):
                hint = f"Add '{speaker}' to speakers:, or use one of: {', '.join(sorted(known))}."
            problems.append(
                Problem(f"'{speaker}' is not one of the speakers the map names", (section, i, "speaker"), hint=hint)
            )
    return problems


def reference_problems(
    statements: list[str],
    arguments: list[tuple[str, tuple[str, ...], str]],
    attacks: list[tuple[str, str, str, str]],
) -> list[Problem]:
    """Every cross-reference mistake in a map, given only its ids and links.

    Works on plain values so it can run on a map whose fields failed to
    validate too (the loader then reports both kinds of problem at once).

    Examples
    --------
    >>> [p.message for p in reference_problems(["a"], [("x", ("a",), "b")], [])]
    ["conclusion 'b' is not the id of any statement"]
    """
    if _all_resolve(statements, arguments, attacks):
        return []
    return _search(statements, arguments, attacks)


def _search(
    statements: list[str],
    arguments: list[tuple[str, tuple[str, ...], str]],
    attacks: list[tuple[str, str, str, str]],
) -> list[Problem]:
    """Every cross-reference mistake, item by item (:func:`reference_problems` without its quick check):
    ids used twice, then each argument's references, then each attack's."""
    problems: list[Problem] = []
    where: dict[str, tuple[str, int]] = {}
    for section, ids in (
        ("statements", statements),
        ("arguments", [a[0] for a in arguments]),
        ("attacks", [t[0] for t in attacks]),
    ):
        for i, id_ in enumerate(ids):
            if id_ in where:
                first_section, first_i = where[id_]
                problems.append(
                    Problem(
                        f"id '{id_}' is already used by {first_section}[{first_i}]",
                        (section, i, "id"),
                        hint="Ids must be unique across statements, arguments and attacks; rename one.",
                    )
                )
            else:
                where[id_] = (section, i)
    statement_ids = set(statements)
    argument_ids = {a[0] for a in arguments}

    def what(id_: str) -> str:
        if id_ in argument_ids:
            return f"'{id_}' is an argument, not a statement"
        if id_ in where:
            return f"'{id_}' is an attack, not a statement"
        return f"'{id_}' is not the id of any statement"

    problems += _argument_problems(arguments, statement_ids, what)
    problems += _attack_problems(attacks, statement_ids, argument_ids, what)
    return problems


def _argument_problems(
    arguments: list[tuple[str, tuple[str, ...], str]], statement_ids: set[str], what: Callable[[str], str]
) -> list[Problem]:
    """Premises and conclusions that name no statement, premises listed twice, and
    arguments concluding one of their own premises."""
    problems: list[Problem] = []
    for i, (arg_id, premises, conclusion) in enumerate(arguments):
        seen: set[str] = set()
        for j, premise in enumerate(premises):
            if premise not in statement_ids:
                problems.append(
                    Problem(
                        f"premise {what(premise)}",
                        ("arguments", i, "premises", j),
                        hint=_suggest(premise, statement_ids),
                    )
                )
            if premise in seen:
                problems.append(
                    Problem(
                        f"premise '{premise}' is listed twice",
                        ("arguments", i, "premises", j),
                        hint="Remove the repeated id.",
                    )
                )
            seen.add(premise)
        if conclusion not in statement_ids:
            problems.append(
                Problem(
                    f"conclusion {what(conclusion)}",
                    ("arguments", i, "conclusion"),
                    hint=_suggest(conclusion, statement_ids),
                )
            )
        elif conclusion in seen:
            problems.append(
                Problem(
                    f"argument '{arg_id}' concludes '{conclusion}', which is also one of its premises",
                    ("arguments", i, "conclusion"),
                    hint="A statement cannot support itself; remove it from the premises.",
                )
            )
    return problems


def _attack_problems(
    attacks: list[tuple[str, str, str, str]],
    statement_ids: set[str],
    argument_ids: set[str],
    what: Callable[[str], str],
) -> list[Problem]:
    """Attacks from or to what cannot be attacked, and the same pair attacked
    twice (a statement may attack itself, and a premise undercut its own
    argument: both are self-defeating, which ``argmap check`` flags)."""
    problems: list[Problem] = []
    pairs: dict[tuple[str, str], int] = {}
    for i, (_att_id, source, target, kind) in enumerate(attacks):
        if source not in statement_ids:
            problems.append(
                Problem(
                    f"'from' {what(source)}",
                    ("attacks", i, "from"),
                    hint="An attack comes from a statement. " + _suggest(source, statement_ids),
                )
            )
        if kind == "undercut":
            if target not in argument_ids:
                extra = (
                    (
                        " (undercut attacks the step from premises to conclusion; "
                        "use rebut or undermine to attack a statement)"
                    )
                    if target in statement_ids
                    else ""
                )
                problems.append(
                    Problem(
                        f"undercut target '{target}' is not the id of any argument{extra}",
                        ("attacks", i, "to"),
                        hint=_suggest(target, argument_ids),
                    )
                )
        elif target not in statement_ids:
            extra = " (to attack an argument, use type: undercut)" if target in argument_ids else ""
            problems.append(
                Problem(
                    f"{kind} target {what(target)}{extra}", ("attacks", i, "to"), hint=_suggest(target, statement_ids)
                )
            )
        pair = (source, target)
        if pair in pairs:
            problems.append(
                Problem(
                    f"'{source}' already attacks '{target}' in attacks[{pairs[pair]}]",
                    ("attacks", i),
                    hint="Keep one attack per pair; merge the two.",
                )
            )
        else:
            pairs[pair] = i
    return problems


def _all_resolve(
    statements: list[str],
    arguments: list[tuple[str, tuple[str, ...], str]],
    attacks: list[tuple[str, str, str, str]],
) -> bool:
    """Whether :func:`reference_problems` would find nothing, decided with set
    operations and no per-item bookkeeping: the quick answer for the usual,
    valid map (the full search then only runs to explain what is wrong).

    >>> _all_resolve(["a", "b"], [("x", ("a",), "b")], [("t", "a", "b", "undercut")])
    False
    >>> _all_resolve(["a", "b", "c"], [("x", ("a",), "b")], [("t", "c", "x", "undercut")])
    True
    """
    statement_ids = set(statements)
    argument_ids = {a[0] for a in arguments}
    total = len(statements) + len(arguments) + len(attacks)
    ids = statement_ids | argument_ids
    ids.update(t[0] for t in attacks)
    if len(ids) != total:  # an id used twice
        return False
    for _, premises, conclusion in arguments:
        if conclusion not in statement_ids or conclusion in premises:
            return False
        if len(premises) > 1 and len(set(premises)) < len(premises):
            return False
    if not statement_ids.issuperset([p for a in arguments for p in a[1]]):
        return False
    for _, source, target, kind in attacks:
        if source not in statement_ids:  # a statement may attack itself (a self-defeating claim)
            return False
        if kind == "undercut":
            if target not in argument_ids:  # its own premise may undercut it (a self-defeating argument)
                return False
        elif target not in statement_ids:
            return False
    return len({(t[1], t[2]) for t in attacks}) == len(attacks)


def _suggest(name: str, choices: set[str]) -> str:
    """``Did you mean 'x'?`` for the closest id, or a plain instruction."""
    import difflib

    close = difflib.get_close_matches(name, choices, n=1, cutoff=0.6) if len(choices) < 5000 else []
    if close:
        return f"Did you mean '{close[0]}'?"
    return "Check the spelling or add the missing item."


def plain_schema(model: type[BaseModel]) -> type:
    """The fields of ``model`` as a ``TypedDict``: the same types, constraints,
    aliases and defaults, validated into plain dicts instead of model objects.

    Pydantic validates a map into these dicts (nested models become their own
    plain schemas) in about half the time and memory of the models, and the
    graph keeps each dict as a node's attributes; the models stay the one
    place the format is defined. An optional field without a default is left
    out of the dict when the input leaves it out, keys come in schema order,
    and the map-wide reference checks (``model_validator``) are not part of it:
    :func:`argmap.validate.validate_plain` runs them.

    >>> from pydantic import TypeAdapter
    >>> TypeAdapter(plain_schema(Attack)).validate_python({"id": "t", "from": "a", "to": "b", "type": "rebut"})
    {'id': 't', 'from': 'a', 'to': 'b', 'type': 'rebut', 'tags': ()}
    """
    from typing_extensions import NotRequired, TypedDict  # pydantic needs these on Python < 3.12

    fields = {}
    for name, info in model.model_fields.items():
        kind = _plain_type(info.annotation)
        if info.metadata:
            params = (kind, *info.metadata)
            kind = Annotated[params]
        if not info.is_required():
            if info.default is not None:
                kind = Annotated[kind, Field(default=info.default)]
            kind = NotRequired[kind]
        fields[info.alias or name] = kind
    plain = TypedDict(model.__name__ + "Data", fields)  # type: ignore[misc]
    plain.__pydantic_config__ = ConfigDict(extra=model.model_config.get("extra"))  # type: ignore[attr-defined]
    return plain


def _plain_type(kind: object) -> object:
    """``kind`` with every model class in it replaced by its :func:`plain_schema`."""
    import types
    import typing

    if isinstance(kind, type) and issubclass(kind, BaseModel):
        return plain_schema(kind)
    args = typing.get_args(kind)
    if not args:
        return kind
    origin = typing.get_origin(kind)
    if origin is Annotated:
        params = (_plain_type(args[0]), *kind.__metadata__)  # type: ignore[attr-defined]
        return Annotated[params]
    if origin in (typing.Union, types.UnionType):
        return typing.Union[tuple(_plain_type(a) for a in args)]  # noqa: UP007 (a Union built from a tuple)
    if origin is tuple:
        return tuple[tuple(_plain_type(a) if a is not Ellipsis else a for a in args)]  # type: ignore[misc]
    return kind
