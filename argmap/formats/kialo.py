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
    problems: list[Problem] = []
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    m = _TITLE.match(lines[first]) if first is not None else None
    if m is None:
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
    title = unescape(m.group(1).strip())
    claims: list[_Claim] = []
    numbers: dict[str, _Claim] = {}
    limit = max_nesting()
    for i in range(first + 1, len(lines)):
        line = lines[i]
        c = _CLAIM.match(line)
        if c is not None:
            number, label = c.group(1), c.group(2)
            depth = number.count(".") + 1
            is_claim = (
                label is not None or depth == 1 or (depth == 2 and claims and number.startswith(claims[0].number + "."))
            )
            if is_claim and claims and depth == 1:
                is_claim = False  # a second "2." is text, a Kialo file has one root
            if is_claim:
                column = len(line) - len(line.lstrip()) + 1
                claim = _Claim(number, label, i + 1, column, [c.group(3)])
                if depth > limit:  # deeper claims are only more of the same: stop here
                    deep = nesting_problem(limit)
                    shown = number if len(number) < 24 else number[:20] + "…"
                    raise MapInvalid(
                        name,
                        sorted(problems, key=lambda p: p.line or 0)[:49]
                        + [Problem(f"claim {shown} is {deep.message}", line=i + 1, column=column, hint=deep.hint)],
                    )
                if number in numbers:
                    problems.append(
                        Problem(
                            f"claim {number}. appears twice (first on line {numbers[number].line})",
                            line=i + 1,
                            column=column,
                            hint="Number every claim once.",
                        )
                    )
                elif not claims and depth != 1:
                    problems.append(
                        Problem(f"the first claim must be the thesis '1.', not {number}.", line=i + 1, column=column)
                    )
                elif claim.parent is not None and claim.parent not in numbers:
                    problems.append(
                        Problem(
                            f"claim {number}. has no parent claim {claim.parent}.",
                            line=i + 1,
                            column=column,
                            hint="Check the numbering.",
                        )
                    )
                numbers.setdefault(number, claim)
                claims.append(claim)
                continue
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
    if not claims and not problems:
        problems.append(
            Problem("the discussion has no claims", line=first + 1, column=1, hint="Add the thesis on a line '1. ...'.")
        )
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
    if problems:
        problems.sort(key=lambda p: (p.line or 0, p.column or 0))
        raise MapInvalid(name, problems[:50])
    return title, claims


def loads(text: str, *, name: str = "<string>") -> Any:
    """Read a Kialo text export into a validated map."""
    from ..validate import validate

    data, positions = to_map_data(text, name=name)
    return validate(data, name=name, locate=positions_locator(positions))


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
        entry = {"id": ids.allocate(text_slug(claim.text), "claim"), "kind": None, "text": claim.text}
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
