"""Data blocks of plain values (``{paragraph: 3, speaker: "the author"}``) read
without YAML: the flow mappings argmap's writer emits. Anything else is left
to the YAML reader (:func:`flow_data` returns None).
"""

from __future__ import annotations

import json
import re
from typing import Any


_FLOW_TOKEN = re.compile(
    r' +|(?P<s>"(?:[^"\\\x00-\x1f]|\\["\\/bfnrt]|\\u(?![dD][89abAB])[0-9a-fA-F]{4})*")'
    r"|(?P<i>-?(?:0|[1-9][0-9]{0,15}))(?![\w.])|(?P<w>[A-Za-z_][A-Za-z0-9_]*)|(?P<c>: +)|(?P<p>[{}\[\],])"
)


#: characters PyYAML takes as they are: printable, and none of its line breaks (NEL, U+2028,
#: U+2029); anything else goes to YAML, which folds or refuses it
_YAML_PRINTABLE = re.compile("[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]*")

#: plain words YAML 1.1 reads as booleans or null, not as text
_YAML_WORDS = {
    "yes": True,
    "Yes": True,
    "YES": True,
    "no": False,
    "No": False,
    "NO": False,
    "true": True,
    "True": True,
    "TRUE": True,
    "false": False,
    "False": False,
    "FALSE": False,
    "on": True,
    "On": True,
    "ON": True,
    "off": False,
    "Off": False,
    "OFF": False,
    "null": None,
    "Null": None,
    "NULL": None,
}


def flow_data(raw: str) -> dict | None:
    """A one-line data block in the plain JSON-like form argmap writes (``{key:
    "text", n: 3, tags: ["a"], attack: {id: "x"}}``) read without YAML; None for
    anything else, which then goes to the YAML parser.

    Reads exactly what YAML reads for the forms it accepts: keys are plain
    words (not YAML's booleans or null) or JSON strings, each followed by
    ``": "``; values are JSON strings (no surrogate escapes), whole numbers,
    true/false/null, lists and mappings of these; no repeated keys. A test
    compares it with YAML on generated blocks. Parsing each block with YAML
    took most of the time of reading a big Argdown file.

    >>> flow_data('{paragraph: 3, speaker: "the author", tags: ["a", "b"]}')
    {'paragraph': 3, 'speaker': 'the author', 'tags': ['a', 'b']}
    >>> flow_data('{speaker: author}') is None  # a plain scalar: YAML's job
    True
    """
    if "\n" in raw or _YAML_PRINTABLE.fullmatch(raw) is None:
        return None
    tokens = []
    pos, n = 0, len(raw)
    while pos < n:
        m = _FLOW_TOKEN.match(raw, pos)
        if m is None:
            return None
        pos = m.end()
        if m.lastgroup is not None:
            tokens.append((m.lastgroup, m.group()))
    tokens.append(("end", ""))
    try:
        value, at = _flow_value(tokens, 0, key=False)
    except (ValueError, IndexError):
        return None
    return value if isinstance(value, dict) and tokens[at][0] == "end" else None


#: blocks nested deeper than this go to YAML, which applies the nesting limit
_FLOW_DEPTH = 8


def _flow_value(tokens: list[tuple[str, str]], at: int, *, key: bool, depth: int = 0) -> tuple[Any, int]:
    """The value starting at ``tokens[at]`` and the index after it; ValueError outside the subset."""
    kind, text = tokens[at]
    if kind == "s":
        return (text[1:-1] if "\\" not in text else json.loads(text)), at + 1
    if kind == "i" and not key:
        return int(text), at + 1
    if kind == "w":
        if text in _YAML_WORDS:
            if key or text not in ("true", "false", "null"):
                raise ValueError(text)
            return _YAML_WORDS[text], at + 1
        if key:
            return text, at + 1
        raise ValueError(text)  # a plain scalar value: YAML resolves it
    if key or kind != "p" or text not in "{[" or depth >= _FLOW_DEPTH:
        raise ValueError(text)
    close = "}" if text == "{" else "]"
    items: Any = {} if text == "{" else []
    at += 1
    if tokens[at][1] == close:
        return items, at + 1
    while True:
        if close == "}":
            name, at = _flow_value(tokens, at, key=True)
            if tokens[at][0] != "c" or name in items:
                raise ValueError(name)
            items[name], at = _flow_value(tokens, at + 1, key=False, depth=depth + 1)
        else:
            value, at = _flow_value(tokens, at, key=False, depth=depth + 1)
            items.append(value)
        if tokens[at][1] == close:
            return items, at + 1
        if tokens[at][1] != ",":
            raise ValueError(tokens[at][1])
        at += 1
