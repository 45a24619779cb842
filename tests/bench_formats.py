"""Benchmark: read and write 100,000-statement maps in every foreign format.

Run it by hand (it is not a test: timings are not asserted)::

    .venv/bin/python tests/bench_formats.py [statements]
"""

from __future__ import annotations

import json
import sys
import time


def _clock(label: str, fn):
    started = time.perf_counter()
    result = fn()
    print(f"{label:<44} {time.perf_counter() - started:6.2f} s")
    return result


def main(n: int = 100_000) -> None:
    from argmap.formats import aif, argdown, kialo
    from argmap.graph import build_graph

    parts = [
        f"[S{i}]: Statement number {i} is *important* #t{i % 9}.\n  + [S{i + 1}]: Because of reason {i}.\n"
        for i in range(0, n, 2)
    ]
    parts += [f"<A{i}>\n\n(1) [S{i}]\n(2) [S{i + 1}]\n----\n(3) [S{(i + 2) % n}]\n" for i in range(0, n // 5, 2)]
    text = "\n".join(parts)
    m = _clock(f"Argdown read ({len(text) / 1e6:.1f} MB, {n} statements)", lambda: argdown.loads(text))
    G = build_graph(m)
    _clock(f"  {len(m.arguments)} arguments; Argdown write", lambda: argdown.dumps(G))
    written = _clock("AIF write", lambda: aif.dumps(G))
    _clock(f"AIF read ({len(written) / 1e6:.0f} MB)", lambda: aif.loads(written))
    plain = json.loads(written)
    del plain["argmap"]
    plain_text = json.dumps(plain)
    _clock("AIF read, no argmap block (ids from texts)", lambda: aif.loads(plain_text))
    lines = ["Discussion Title: Big", "", "1. We should do it."]
    lines += [f"1.{i}. {'Pro' if i % 2 else 'Con'}: Claim number {i} with some words." for i in range(1, n)]
    export = "\n".join(lines)
    _clock(f"Kialo read ({n} claims)", lambda: kialo.loads(export))
    deep = "\n".join(["[n0]: root"] + [" " * (i + 1) + f"+ [n{i + 1}]: level {i + 1}" for i in range(5000)])
    _clock("Argdown read, 5,000 levels of nesting", lambda: argdown.loads(deep))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
