"""Benchmark of the authoring commands on long source texts (issue 14).

The embedded article (1,083 words), copied N times with each copy's "SCO" made
distinct so no sentence repeats, is drafted, and the draft's coverage, a fuzzy
quote search and the HTML report (which marks unmapped passages) are timed as
real processes: median CPU time (user + system) of ``--runs`` runs.

    python -m tests.bench.authoring --copies 10 100 --runs 3

It fails only if a command fails, never on time.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "argmap" / "data" / "seeds" / "sco-in-the-war-on-terror.txt"


def cpu_of(args: list[str], cwd: Path) -> float:
    """CPU seconds (user + system) one run of ``argmap ARGS`` takes."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run([sys.executable, "-m", "argmap", *args], cwd=cwd, capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"argmap {' '.join(args)} failed: {done.stderr}")
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, nargs="+", default=[10, 100])
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    title, body = SEED.read_text(encoding="utf-8").split("\n\n", 1)
    print("| copies | words | draft | coverage | quote (3 typos) | export html |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as folder:
        here = Path(folder)
        for n in options.copies:
            text = title + "\n\n" + "\n\n".join(body.replace("SCO", f"SCO{k}") for k in range(n))
            (here / "long.txt").write_text(text, encoding="utf-8")
            steps = [
                ["draft", "long.txt", "-o", "draft.yaml", "--force"],
                ["coverage", "--map", "draft.yaml", "--json"],
                ["quote", "--source", "long.txt", "peace bilding will remian a complex isue"],
                ["export", "--map", "draft.yaml", "-o", "draft.html"],
            ]
            times = [statistics.median(cpu_of(step, here) for _ in range(options.runs)) for step in steps]
            cells = " | ".join(f"{t:.2f} s" for t in times)
            print(f"| {n} | {len(text.split()):,} | {cells} |", flush=True)


if __name__ == "__main__":
    main()
