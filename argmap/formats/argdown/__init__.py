"""Argdown: read and write the argumentation syntax of https://argdown.org.

Reading has two steps. :func:`parse` turns Argdown text into a
:class:`Document`, the Argdown-level view (equivalence classes of statements,
arguments with their premise-conclusion structures, typed relations), exactly
as the reference implementation reads it. :func:`loads` then maps that view
onto argmap's model:

- every equivalence class becomes a statement (id from its title, ``title``
  kept); an argument that is only sketched (no premise-conclusion structure)
  becomes a statement holding its description;
- a premise-conclusion structure becomes one argument per inference step
  (premises: the statements since the previous conclusion, or the step's
  ``uses: [...]`` data), so intermediary conclusions chain;
- support relations become arguments, attack relations attacks (undercut when
  they target an argument or inference), contrary and contradictory relations
  attacks in both directions;
- ``#proposal``/``#claim``/``#premise`` tags and ``{kind: ..., quote: ...,
  paragraph: ..., speaker: ..., note: ..., id: ...}`` data set those fields;
  otherwise a statement some argument concludes is a claim, any other a premise;
- headings become tags of the statements and arguments defined under them.

The parser is one pass over the lines with an explicit indentation stack: no
recursion, linear in the size of the file.

>>> m = loads("[Rain]: It rains.\\n  + [Forecast]: The forecast says so.\\n")
>>> [(s.id, s.kind, s.text) for s in m.statements]
[('rain', 'claim', 'It rains.'), ('forecast', 'premise', 'The forecast says so.')]
>>> [(a.premises, a.conclusion) for a in m.arguments]
[(('forecast',), 'rain')]
"""

from __future__ import annotations

from .document import Document
from .mapping import SUFFIXES, loads, loads_plain, to_map_data
from .parser import parse
from .writer import dumps, escape

__all__ = ["SUFFIXES", "Document", "dumps", "escape", "loads", "loads_plain", "parse", "to_map_data"]
