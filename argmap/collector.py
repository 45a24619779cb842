"""The cyclic garbage collector and big maps.

Reading a map of 100,000 statements makes millions of small objects (parsed
values, models, graph dicts), none of them in a reference cycle, so the
cyclic collector can free none of them; but it runs every few hundred
allocations and each full pass walks every object alive, which made reading
and building the graph of such a map about twice as slow. Reference
counting still frees everything as usual; only the cycle search waits.

>>> import gc
>>> with collector_paused():
...     gc.isenabled()
False
>>> gc.isenabled()
True
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic collector while building large acyclic data; restore it after.

    Nested uses are fine: only the outermost one turns the collector back on.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def settle() -> None:
    """Tell the collector that everything alive now stays alive until :func:`unsettle`.

    For a command, once it has read the map and built the graph: later
    collections (while a query or writer runs) then skip the map's objects
    instead of walking all of them again (:func:`gc.freeze`).

    >>> settle(); unsettle()
    """
    gc.freeze()


def unsettle() -> None:
    """Hand everything :func:`settle` kept back to the collector (:func:`gc.unfreeze`),
    so a process that runs many commands (the tests) still frees their maps."""
    gc.unfreeze()
