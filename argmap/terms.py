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
