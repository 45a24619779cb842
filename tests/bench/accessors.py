"""The queries at scale, timed in-process: ``python -m tests.bench.accessors [--size N] [--runs R]``.

Builds one generated map's graph and times each query over it (CPU seconds,
median of ``--runs``), so the cost of how the queries read the graph (for
instance networkx's public views against its private dicts) shows without
the minutes of reading the map that the process benchmark (``python -m
tests.bench``) spends around it. ``--baseline DIR`` times the argmap package
found in DIR (another checkout) too, alternating runs, and prints both.
Nothing is asserted: read the numbers.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

PROBE = r"""
import json, statistics, sys, time
sys.path.insert(0, sys.argv[1])
from tests.bench.generate import deepest_proposal, generate
from argmap.graph import graph_from_validated
from argmap.validate import validate_plain
from argmap import query, stats
data = generate(int(sys.argv[2]), 1)
target = deepest_proposal(data)
G = graph_from_validated(validate_plain(data, name="generated"))
jobs = {
    "supporters": lambda: query.supporters(G, target),
    "attackers --deep": lambda: query.attackers(G, target, deep=True),
    "find": lambda: query.find(G, "security council"),
    "stats": lambda: stats.stats(G),
}
out = {}
for name, job in jobs.items():
    started = time.process_time()
    job()
    out[name] = time.process_time() - started
print(json.dumps(out))
"""


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.accessors")
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--baseline", type=Path, help="a checkout whose argmap/ to time too")
    args = parser.parse_args()
    here = Path(__file__).resolve().parents[2]
    trees = {"this": here} | ({"baseline": args.baseline.resolve()} if args.baseline else {})
    samples: dict[str, list[dict[str, float]]] = {k: [] for k in trees}
    for _ in range(args.runs):
        for name, tree in trees.items():
            done = subprocess.run(
                [sys.executable, "-c", PROBE, str(tree), str(args.size)], capture_output=True, text=True, check=True
            )
            samples[name].append(json.loads(done.stdout))
    jobs = list(samples["this"][0])
    print(f"| query ({args.size:,} statements, CPU s, median of {args.runs}) | " + " | ".join(trees) + " |")
    print("|---|" + "---:|" * len(trees))
    for job in jobs:
        cells = [f"{statistics.median(s[job] for s in samples[name]):.3f}" for name in trees]
        print(f"| {job} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    time.sleep(0)
    main()
