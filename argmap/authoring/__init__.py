"""Authoring: from a new source text to a checked map.

The commands ``init``, ``quote``, ``coverage``, ``draft`` and ``preview`` are
thin wrappers over these modules:

- :mod:`.text`: a source text's sentences and clauses, and where a quote sits in
  a paragraph (paragraphs are numbered by :class:`argmap.source.SourceText`, the
  one numbering argmap has);
- :mod:`.quotes`: find the exact words of a passage from a rough recollection;
- :mod:`.coverage`: what of the source no statement, argument or attack quotes;
- :mod:`.draft`: a first map proposed from the words that mark proposals,
  reasons and objections, and how it scores against a curated map;
- :mod:`.scaffold`: the starter map ``argmap init`` writes;
- :mod:`.preview`: re-export on save, and a local server that reloads the report.

Nothing here imports networkx or Pydantic at module level.
"""
