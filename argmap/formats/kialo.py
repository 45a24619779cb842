"""Kialo discussion exports (the plain-text file Kialo writes).

The file starts with ``Discussion Title: ...``; after it every claim is a
numbered line, the thesis ``1.`` first, then ``1.2.3. Pro: text`` or
``Con: text`` below the claim numbered ``1.2.``. Lines that do not start a
claim continue the previous one. A claim reading ``-> See 1.4.2.`` places an
existing claim in a second spot: the same statement, another relation.

- every claim is a statement (its id made from its first words);
- a Pro claim is an argument for its parent, a Con claim an attack on it
  (an undermine when the parent is a premise some argument uses, else a rebut);
- the thesis is a proposal when it is phrased as one (``should``, ``must``,
  ``ought to``...), otherwise a claim; other claims are claims when something
  supports them and premises otherwise. A discussion with several theses lists
  them as unlabelled ``1.1.``, ``1.2.``... below the question ``1.``.

>>> m = loads("Discussion Title: Umbrellas\\n\\n1. We should take an umbrella.\\n"
...           "1.1. Pro: It is raining.\\n1.2. Con: It is windy.\\n")
>>> [(s.kind, s.text) for s in m.statements]
[('proposal', 'We should take an umbrella.'), ('premise', 'It is raining.'), ('premise', 'It is windy.')]
>>> [(t.from_, t.type, t.to) for t in m.attacks]
[('it-is-windy', 'rebut', 'we-should-take-an-umbrella')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..errors import MapInvalid, Problem
from ..limits import max_nesting, nesting_problem
from ..locate import positions_locator
from ._common import PROPOSAL_WORDS, Ids, attack_types, infer_kinds, text_slug, title_from_name

SUFFIXES = (".txt",)
_TITLE = re.compile(r"\s*Discussion Title:[ \t]*(.*)$")
_CLAIM = re.compile(r"[ \t]*(\d+(?:\.\d+)*)\.[ \t]+(?:(Pro|Con):[ \t]*)?(.*)$")
_SEE = re.compile(r"->\s*See\s+(\d+(?:\.\d+)*)\.?\s*$", re.I)
_PROPOSAL = PROPOSAL_WORDS
#: Kialo writes claims as Markdown: a backslash before ASCII punctuation stands for that character
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def unescape(text: str) -> str:
    r"""A claim's text with Kialo's Markdown escapes resolved.

    >>> unescape(r"Faith \(theology\) and science, 1\) a \\ b")
    'Faith (theology) and science, 1) a \\ b'
    """
    return _ESCAPE.sub(r"\1", text)


@dataclass
class _Claim:
    number: str
    label: str | None  # "Pro", "Con" or None
    line: int
    column: int
    lines: list[str] = field(default_factory=list)
    see: str | None = None

    @property
    def parent(self) -> str | None:
        return self.number.rsplit(".", 1)[0] if "." in self.number else None

    @cached_property
    def text(self) -> str:
        """The claim's lines joined, whitespace runs made one space (read once
        parsing has added every line: a long claim is not joined again and again)."""
        return unescape(" ".join(" ".join(self.lines).split()))


def parse(text: str, *, name: str = "<string>") -> tuple[str, list[_Claim]]:
    """The discussion title and its claims in file order; a located error otherwise."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")
    first, title = _title(lines, name)
    problems: list[Problem] = []
    claims, numbers = _claims(lines, first, name, problems)
    if not claims and not problems:
        problems.append(
            Problem("the discussion has no claims", line=first + 1, column=1, hint="Add the thesis on a line '1. ...'.")
        )
    _check_links(claims, numbers, problems)
    if problems:
        problems.sort(key=lambda p: (p.line or 0, p.column or 0))
        raise MapInvalid(name, problems[:50])
    return title, claims


def _title(lines: list[str], name: str) -> tuple[int, str]:
    """The index of the ``Discussion Title:`` line (the first that is not blank) and the title."""
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    m = _TITLE.match(lines[first]) if first is not None else None
    if first is None or m is None:
        raise MapInvalid(
            name,
            [
                Problem(
                    "a Kialo export starts with 'Discussion Title: ...'",
                    line=(first or 0) + 1,
                    column=1,
                    hint="Export the discussion from Kialo as text, or name the format with --from.",
                )
            ],
        )
    return first, unescape(m.group(1).strip())


def _claims(lines: list[str], first: int, name: str, problems: list[Problem]) -> tuple[list[_Claim], dict[str, _Claim]]:
    """The claims after the title line, each with its continuation lines, and
    the first claim of each number; numbering mistakes go to ``problems``."""
    claims: list[_Claim] = []
    numbers: dict[str, _Claim] = {}
    limit = max_nesting()
    for i in range(first + 1, len(lines)):
        line = lines[i]
        claim = _claim_at(line, i + 1, claims)
        if claim is None:
            if claims:
                claims[-1].lines.append(line)
            elif line.strip():
                problems.append(
                    Problem(
                        "expected the thesis, a line like '1. ...'",
                        line=i + 1,
                        column=1,
                        hint="After the title comes the thesis numbered 1.",
                    )
                )
            continue
        if claim.number.count(".") + 1 > limit:  # deeper claims are only more of the same: stop here
            deep = nesting_problem(limit)
            shown = claim.number if len(claim.number) < 24 else claim.number[:20] + "…"
            raise MapInvalid(
                name,
                sorted(problems, key=lambda p: p.line or 0)[:49]
                + [Problem(f"claim {shown} is {deep.message}", line=i + 1, column=claim.column, hint=deep.hint)],
            )
        problem = _numbering_problem(claim, claims, numbers)
        if problem is not None:
            problems.append(problem)
        numbers.setdefault(claim.number, claim)
        claims.append(claim)
    return claims, numbers


def _claim_at(line: str, number: int, claims: list[_Claim]) -> _Claim | None:
    """The claim line ``number`` starts, or None when it continues the claim before it."""
    c = _CLAIM.match(line)
    if c is None:
        return None
    label = c.group(2)
    depth = c.group(1).count(".") + 1
    if label is None and depth > 2:
        return None
    if depth == 1 and claims:
        return None  # a second "2." is text, a Kialo file has one root
    if label is None and depth == 2 and not (claims and c.group(1).startswith(claims[0].number + ".")):
        return None
    return _Claim(c.group(1), label, number, len(line) - len(line.lstrip()) + 1, [c.group(3)])


def _numbering_problem(claim: _Claim, claims: list[_Claim], numbers: dict[str, _Claim]) -> Problem | None:
    """What is wrong with a new claim's number, given the claims before it."""
    if claim.number in numbers:
        return Problem(
            f"claim {claim.number}. appears twice (first on line {numbers[claim.number].line})",
            line=claim.line,
            column=claim.column,
            hint="Number every claim once.",
        )
    if not claims and claim.number.count(".") != 0:
        return Problem(
            f"the first claim must be the thesis '1.', not {claim.number}.", line=claim.line, column=claim.column
        )
    if claim.parent is not None and claim.parent not in numbers:
        return Problem(
            f"claim {claim.number}. has no parent claim {claim.parent}.",
            line=claim.line,
            column=claim.column,
            hint="Check the numbering.",
        )
    return None


def _check_links(claims: list[_Claim], numbers: dict[str, _Claim], problems: list[Problem]) -> None:
    """``-> See`` links that name no claim or another link, claims without text,
    and claims that would support or attack themselves."""
    for claim in claims:
        see = _SEE.match(claim.text)
        if see:
            claim.see = see.group(1)
            if claim.see not in numbers:
                problems.append(
                    Problem(
                        f"'-> See {claim.see}.' names no claim of this discussion",
                        line=claim.line,
                        column=claim.column,
                        hint="Check the number.",
                    )
                )
            elif _SEE.match(numbers[claim.see].text):
                problems.append(
                    Problem(
                        f"'-> See {claim.see}.' points to another link, not to a claim",
                        line=claim.line,
                        column=claim.column,
                        hint="Point it to the claim itself.",
                    )
                )
        elif not claim.text:
            problems.append(
                Problem(
                    f"claim {claim.number}. has no text",
                    line=claim.line,
                    column=claim.column,
                    hint="Write the claim after its number.",
                )
            )
    for claim in claims:  # a link back to the claim it is a pro or con of
        parent = numbers.get(claim.parent) if claim.parent is not None and claim.label else None
        if parent is not None and (claim.see or claim.number) == (parent.see or parent.number):
            verb = "support" if claim.label == "Pro" else "attack"
            who, of = (f"{c.number}." + (f" (-> See {c.see}.)" if c.see else "") for c in (claim, parent))
            problems.append(
                Problem(
                    f"claim {who} is a {claim.label} of claim {of}, the same claim: a claim cannot {verb} itself",
                    line=claim.line,
                    column=claim.column,
                    hint="Link it to another claim, or remove it.",
                )
            )


def loads(text: str, *, name: str = "<string>", warnings: list[str] | None = None) -> Any:
    """Read a Kialo text export into a validated map."""
    from ..validate import validate

    data, positions = to_map_data(text, name=name)
    return validate(data, name=name, locate=positions_locator(positions))


def loads_plain(text: str, *, name: str = "<string>", warnings: list[str] | None = None) -> dict[str, Any]:
    """Read a Kialo text export into plain validated data (:func:`argmap.validate.validate_plain`),
    for commands that need only the graph; the same messages as :func:`loads` on a mistake."""
    from ..validate import validate_plain

    data, positions = to_map_data(text, name=name)
    return validate_plain(data, name=name, locate=positions_locator(positions))


def to_map_data(text: str, *, name: str = "<string>") -> tuple[dict, dict]:
    """Plain map data from a Kialo export, and the line of every item."""
    title, claims = parse(text, name=name)
    numbers = {c.number: c for c in claims}

    def real(number: str) -> _Claim:  # a "-> See" link stands for the claim it names
        claim = numbers[number]
        return numbers[claim.see] if claim.see is not None else claim

    ids = Ids()
    statements: list[dict] = []
    positions: dict[tuple, tuple[int, int]] = {}
    id_of: dict[str, str] = {}
    explicit: set[str] = set()
    for claim in claims:
        if claim.see is not None:
            continue
        entry: dict[str, Any] = {"id": ids.allocate(text_slug(claim.text), "claim"), "kind": None, "text": claim.text}
        if claim.parent is None or (claim.label is None and claim.parent == claims[0].number):
            entry["kind"] = "proposal" if _PROPOSAL.search(claim.text) else "claim"
            explicit.add(entry["id"])
        id_of[claim.number] = entry["id"]
        positions[("statements", len(statements))] = (claim.line, claim.column)
        statements.append(entry)
    arguments: list[dict] = []
    attacks: list[dict] = []
    pairs: set[tuple[str, str, str]] = set()
    for claim in claims:
        if claim.label is None or claim.parent is None:
            continue
        source, target = id_of[real(claim.number).number], id_of[real(claim.parent).number]
        if source == target or (claim.label, source, target) in pairs:
            continue
        pairs.add((claim.label, source, target))
        if claim.label == "Pro":
            positions[("arguments", len(arguments))] = (claim.line, claim.column)
            arguments.append({"id": None, "premises": [source], "conclusion": target})
        else:
            positions[("attacks", len(attacks))] = (claim.line, claim.column)
            attacks.append({"id": None, "from": source, "to": target, "type": None})
    infer_kinds(statements, arguments)
    attack_types(statements, arguments, attacks, explicit)
    for a in arguments:
        a["id"] = ids.allocate(f"arg-{a['premises'][0]}"[:180].rstrip("-"), "argument")
    for t in attacks:
        t["id"] = ids.allocate(f"att-{t['from']}"[:180].rstrip("-"), "attack")
    data: dict[str, Any] = {"title": title or title_from_name(name, SUFFIXES), "statements": statements}
    if arguments:
        data["arguments"] = arguments
    if attacks:
        data["attacks"] = attacks
    return data, positions
