"""Run the benchmark: ``python -m tests.bench [--sizes 1000,10000] [--runs 3]``.

Times whole processes (wall time and peak memory, from ``/usr/bin/time`` or
``resource``) of real ``argmap`` commands on generated maps, and prints a
Markdown table: one row per command, one column per map size. A command the
installed argmap does not have yet shows ``n/a``; one that fails shows
``failed``. Nothing is asserted: read the numbers.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .generate import deepest_proposal, generate, write

# argmap's own entry point, reporting the process's peak memory on the way out
LAUNCH = (
    "import atexit, resource, sys\n"
    "atexit.register(lambda: sys.stderr.write("
    "f'\\nPEAK_KB {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}\\n'))\n"
    "sys.argv = ['argmap'] + sys.argv[1:]\n"
    "from argmap.cli import main\n"
    "main()\n"
)
ARGMAP = [sys.executable, "-c", LAUNCH]


def measure(args: list[str], runs: int) -> tuple[float, float] | str:
    """Median wall seconds and peak MB of ``argmap args`` over ``runs`` runs."""
    times, peaks = [], []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(ARGMAP + args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        elapsed = time.perf_counter() - start
        if proc.returncode != 0:
            if any(s in proc.stderr for s in ("No such command", "No such option", "Invalid value for '--format'",
                                               "unknown format")):
                return "n/a"
            if proc.returncode not in (0, 1) or "Traceback" in proc.stderr:
                return "failed"
        times.append(elapsed)
        peak = [line for line in proc.stderr.splitlines() if line.startswith("PEAK_KB ")]
        peaks.append(int(peak[-1].split()[1]) / 1024 if peak else float("nan"))
    return statistics.median(times), max(peaks)


def rows_for(paths: dict[str, Path], proposal: str, out: Path) -> list[tuple[str, list[str]]]:
    rows = [
        (f"validate ({fmt})", ["validate", str(path)]) for fmt, path in paths.items()
    ]
    json_map = str(paths["json"])
    rows += [
        ("supports (json)", ["supports", proposal, "-m", json_map, "--json"]),
        ("attacks --deep (json)", ["attacks", proposal, "--deep", "-m", json_map, "--json"]),
        ("find (json)", ["find", "security council", "-m", json_map, "--json"]),
        ("stats (json)", ["stats", "-m", json_map, "--json"]),
        ("evaluate grounded (json)", ["evaluate", "-m", json_map, "--json"]),
        ("check (json)", ["check", "-m", json_map, "--json"]),
    ]
    for fmt in ("json", "dot", "mermaid", "argdown"):
        source = paths.get("argdown", paths["json"]) if fmt == "dot" else paths["json"]
        rows.append((f"export {fmt} (from {'argdown' if source.suffix == '.argdown' else 'json'})",
                     ["export", "--format", fmt, "-m", str(source), "-o", str(out / f"out.{fmt}")]))
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Time argmap on generated maps.")
    parser.add_argument("--sizes", default="1000,10000,100000,1000000")
    parser.add_argument("--runs", type=int, default=3, help="runs per cell (1 for a million)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    table: dict[str, dict[int, str]] = {}
    order: list[str] = []

    def record(name: str, n: int, result: tuple[float, float] | str) -> None:
        if name not in table:
            table[name] = {}
            order.append(name)
        table[name][n] = result if isinstance(result, str) else f"{result[0]:.2f} s, {result[1]:.0f} MB"
        print(f"{name:<34} N={n:<8} {table[name][n]}", file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="argmap-bench-") as tmp:
        folder = Path(tmp)
        for n in sizes:
            runs = 1 if n >= 1_000_000 else args.runs
            record("argmap --help", n, measure(["--help"], runs))
            record("argmap show (embedded map)", n, measure(["show"], runs))
            data = generate(n, args.seed)
            paths = write(data, folder, f"map-{n}")
            proposal = deepest_proposal(data)
            del data
            for name, cmd in rows_for(paths, proposal, folder):
                record(name, n, measure(cmd, runs))
            for path in folder.iterdir():
                path.unlink()
    print(f"\nMachine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.platform()}; median of {args.runs} runs (1 at a million statements).\n")
    print("| command | " + " | ".join(f"{n:,}" for n in sizes) + " |")
    print("|---|" + "---|" * len(sizes))
    for name in order:
        print(f"| {name} | " + " | ".join(table[name].get(n, "") for n in sizes) + " |")


if __name__ == "__main__":
    main()
