"""The argmap map format written as JSON.

>>> loads('{"title": "T", "statements": [{"id": "a", "kind": "claim", "text": "A."}]}').title
'T'
"""

from __future__ import annotations

import json
from typing import Any

from ..locate import locator
from ..validate import validate_json, validate_plain_json


def loads(text: str, *, name: str = "<string>") -> Any:
    """Read and validate a map written in JSON (one pass through Pydantic)."""
    return validate_json(text, name=name, locate=locator(text, "json"))


def loads_plain(text: str, *, name: str = "<string>") -> dict[str, Any]:
    """Read and validate a map written in JSON into plain data
    (:func:`argmap.validate.validate_plain`), for commands that need only its graph."""
    return validate_plain_json(text, name=name, locate=locator(text, "json"))


def dumps(graph: Any, options: Any = None) -> str:
    """The map held by ``graph`` as indented JSON, fields in schema order
    (``source.file`` as ``options.source_file`` says, when set)."""
    from ..export import map_data

    return json.dumps(map_data(graph, options), indent=2, ensure_ascii=False) + "\n"
