"""Everything argmap prints: trees and tables for people, JSON for scripts, and
messages on stderr.

- :mod:`~argmap.render.console`: consoles, messages, raw output, the one place that prints;
- :mod:`~argmap.render.labels`: how statements, arguments and labels read in every view;
- :mod:`~argmap.render.tree`: ``show``;
- :mod:`~argmap.render.queries`: ``list``, ``supports``, ``attacks``, ``path``, ``find``, ``stats``;
- :mod:`~argmap.render.analysis`: ``check``, ``evaluate``, ``critical``, ``rank``, ``diff``;
- :mod:`~argmap.render.authoring`: ``init``, ``quote``, ``coverage``, ``draft``, ``preview``.
"""
