"""The words of the map format, in one place: kinds, edge types, field orders,
and how attacks read. No imports, so every layer can use them.

>>> KINDS, ATTACK_TYPES
(('proposal', 'claim', 'premise'), ('rebut', 'undermine', 'undercut'))
>>> plural(1, "claim"), plural(2, "claim")
('1 claim', '2 claims')
"""

from __future__ import annotations

#: the kinds of statement
KINDS = ("proposal", "claim", "premise")
#: the ``kind`` of an argument's node in the graph (arguments have no kind in the map)
ARGUMENT = "argument"
#: the types of support edge: statement -> argument it is a premise of, argument -> its conclusion
SUPPORT_EDGES = ("premise", "conclusion")
#: the types of attack, which are also the types of the attack edges
ATTACK_TYPES = ("rebut", "undermine", "undercut")
#: the key marking an undercut edge from a premise of the very argument it undercuts (a
#: self-defeating argument): the graph holds one edge per node pair, so that undercut edge
#: also stands for the premise edge; :func:`is_support` reads it as both
PREMISE_TOO = "premise_too"


def is_support(edge: dict, types: tuple[str, ...] = SUPPORT_EDGES) -> bool:
    """Whether a graph edge (its attribute dict) is one of the support ``types``:
    an undercut from a premise of its target counts as a premise edge too.

    >>> is_support({"type": "premise"}), is_support({"type": "undercut", PREMISE_TOO: True})
    (True, True)
    >>> is_support({"type": "undercut"}), is_support({"type": "premise"}, ("conclusion",))
    (False, False)
    """
    return edge["type"] in types or (PREMISE_TOO in edge and "premise" in types)


#: how an attack reads from its source: "rebuts" ... (a derived attack id: ``wind-undercuts-arg-umbrella``)
ATTACK_VERBS = {"rebut": "rebuts", "undermine": "undermines", "undercut": "undercuts"}
#: how an attack reads from its target: "rebutted by" ...
ATTACKED_BY = {"rebut": "rebutted by", "undermine": "undermined by", "undercut": "undercut by"}

#: the fields of each kind of item, in schema order (tests check them against argmap.model)
STATEMENT_FIELDS = ("id", "kind", "text", "quote", "paragraph", "speaker", "tags", "note", "title")
ARGUMENT_FIELDS = (
    "id",
    "premises",
    "conclusion",
    "scheme",
    "text",
    "quote",
    "paragraph",
    "speaker",
    "tags",
    "note",
    "title",
)
ATTACK_FIELDS = ("id", "from", "to", "type", "text", "quote", "paragraph", "speaker", "tags", "note")
SOURCE_FIELDS = ("title", "file", "url", "author", "date")


def plural(count: int, noun: str) -> str:
    """``1 claim``, ``2 claims``."""
    return f"{count} {noun}{'' if count == 1 else 's'}"
