"""Helpers the foreign-format readers share: ids from titles, kinds and attack
types inferred from structure, and error locations for :func:`argmap.validate.validate`.

Argdown, AIF and Kialo files do not carry argmap's slug ids, statement kinds or
attack types. Their readers build plain map data with these helpers so that
every format derives them the same way.

>>> slugify("Fleischküche ist Kulturerbe!")
'fleischkuche-ist-kulturerbe'
>>> ids = Ids()
>>> [ids.allocate("a"), ids.allocate("a"), ids.allocate("")]
['a', 'a-2', 'item']
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any


#: the longest generated id base; suffixes ("-2") still fit the 200-character limit
MAX_BASE = 60
_NON_SLUG = re.compile(r"[^a-z0-9]+")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def slugify(text: str, limit: int = MAX_BASE) -> str:
    """A valid id made from ``text``: ASCII letters and digits joined by ``-``.

    Accents are dropped (``ü`` -> ``u``); the result is cut at a word boundary
    to at most ``limit`` characters; it is empty when nothing is left.

    >>> slugify('"Foreign Infiltration"')
    'foreign-infiltration'
    >>> slugify("A very long title indeed", limit=12)
    'a-very-long'
    """
    if len(text) <= limit and _SLUG.fullmatch(text):  # already a slug (a title argmap wrote): as it is
        return text
    size = 4 * limit + 64  # only the start of a long text matters: read more only when it is not enough
    while True:
        head = text[:size]
        folded = unicodedata.normalize("NFKD", head).encode("ascii", "ignore").decode("ascii")
        slug = _NON_SLUG.sub("-", folded.lower()).strip("-")
        if len(slug) > limit or len(head) == len(text):
            break
        size *= 4
    if len(slug) > limit:
        cut = slug.rfind("-", 0, limit + 1)
        slug = slug[: cut if cut > 0 else limit].strip("-")
    return slug


def text_slug(text: str) -> str:
    """A short id from the first words of a text (for statements without a title).

    >>> text_slug("Argdown is a simple syntax for defining argumentative structures.")
    'argdown-is-a-simple-syntax-for'
    """
    return slugify(text, limit=32)


class Ids:
    """Hands out unique ids: explicit ones are reserved first, then generated
    ones get ``-2``, ``-3``... on collision (in constant time per id)."""

    def __init__(self) -> None:
        self.used: set[str] = set()
        self._next: dict[str, int] = {}

    def reserve(self, id_: Any) -> None:
        """Mark an id given explicitly in the input as taken."""
        if isinstance(id_, str):
            self.used.add(id_)

    def allocate(self, base: str, fallback: str = "item") -> str:
        """``base`` (or ``fallback`` when empty) made unique."""
        base = base or fallback
        if base not in self.used:
            self.used.add(base)
            return base
        n = self._next.get(base, 2)
        while f"{base}-{n}" in self.used:
            n += 1
        self._next[base] = n + 1
        found = f"{base}-{n}"
        self.used.add(found)
        return found


def infer_kinds(statements: list[dict], arguments: Iterable[dict]) -> None:
    """Fill in the ``kind`` of statements that have none, in place.

    A statement some argument concludes is a claim; one that nothing supports
    is a premise. Proposals are never guessed: the input must say so.

    >>> s = [{"id": "p"}, {"id": "c"}, {"id": "x", "kind": "proposal"}]
    >>> infer_kinds(s, [{"premises": ["p"], "conclusion": "c"}])
    >>> [x["kind"] for x in s]
    ['premise', 'claim', 'proposal']
    """
    concluded = {a["conclusion"] for a in arguments}
    for s in statements:
        if not s.get("kind"):
            s["kind"] = "claim" if s["id"] in concluded else "premise"


PROPOSAL_WORDS = re.compile(r"\b(should|ought|must|shall|needs? to|has to|have to|let us|let's)\b", re.I)


def mark_proposals(statements: list[dict], arguments: Iterable[dict], explicit: set[str]) -> None:
    """Make proposals of the top conclusions phrased as recommendations, in place.

    For formats with no notion of a proposal (AIF): a statement whose kind the
    input did not give, that some argument concludes and that supports nothing
    further, and that says what should be done, is a proposal.

    >>> s = [{"id": "p", "kind": "premise", "text": "It rains."},
    ...      {"id": "c", "kind": "claim", "text": "We should take umbrellas."}]
    >>> mark_proposals(s, [{"premises": ["p"], "conclusion": "c"}], set())
    >>> s[1]["kind"]
    'proposal'
    """
    arguments = list(arguments)
    used = {p for a in arguments for p in a["premises"]}
    concluded = {a["conclusion"] for a in arguments}
    for s in statements:
        if (
            s["id"] not in explicit
            and s["id"] in concluded
            and s["id"] not in used
            and PROPOSAL_WORDS.search(s.get("text") or "")
        ):
            s["kind"] = "proposal"


def attack_type(target_kind: Any, used_as_premise: bool = True) -> str:
    """Rebut or undermine, for an attack on a statement of this kind.

    An attack on a statement offered as given (a premise that some argument
    uses, or that the input calls a premise) undermines it; an attack on
    anything argued for, proposed, or merely asserted rebuts it.

    >>> attack_type("premise"), attack_type("claim"), attack_type("premise", used_as_premise=False)
    ('undermine', 'rebut', 'rebut')
    """
    return "undermine" if target_kind == "premise" and used_as_premise else "rebut"


def attack_types(statements: list[dict], arguments: list[dict], attacks: list[dict], explicit: set[str]) -> None:
    """Fill in the ``type`` of attacks that have none, in place (after
    :func:`infer_kinds`); ``explicit`` holds the statements whose kind the input gave."""
    kinds = {s["id"]: s["kind"] for s in statements}
    used = {p for a in arguments for p in a["premises"]}
    for attack in attacks:
        if attack.get("type") is None:
            target = attack["to"]
            attack["type"] = attack_type(kinds.get(target), target in used or target in explicit)


def title_from_name(name: str, suffixes: Iterable[str] = ()) -> str:
    """A map title from a file name when the file has none.

    >>> title_from_name("maps/veggie-debate.argdown", (".argdown",))
    'veggie-debate'
    >>> title_from_name("<stdin>")
    'Untitled map'
    """
    if not name or name.startswith("<"):
        return "Untitled map"
    base = re.split(r"[\\/]", name)[-1]
    lower = base.lower()
    for suffix in sorted(suffixes, key=len, reverse=True):
        if lower.endswith(suffix) and len(base) > len(suffix):
            return base[: -len(suffix)]
    return base.rsplit(".", 1)[0] if "." in base[1:] else base
