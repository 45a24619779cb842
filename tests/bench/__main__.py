"""Run the benchmark: ``python -m tests.bench [--sizes 1000,10000] [--runs 3]``.

Times whole processes (wall time and peak memory, from ``resource``) of real
``argmap`` commands on generated maps, and prints a Markdown table: one row
per command, one column per map size, each cell the median wall time of
``--runs`` runs and the largest peak memory. A command the installed argmap
does not have shows ``n/a``; one that crashes shows ``failed`` and makes the
runner exit 1 (so CI catches crashes, never slowness). Nothing is asserted
about time: read the numbers.

``--baseline PYTHON`` times a second interpreter (another checkout's
virtualenv) in the same run, alternating runs, so a before/after comparison
sees the same machine load; cells then read ``after (before)``.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .generate import deepest_proposal, generate, write

# argmap's own entry point, reporting the process's peak memory on the way out: VmHWM
# (this program's own high-water mark; ru_maxrss would include the runner's size at fork)
LAUNCH = (
    "import atexit, re, resource, sys\n"
    "def peak():\n"
    "    try:\n"
    "        return int(re.search(r'VmHWM:\\s*(\\d+)', open('/proc/self/status').read()).group(1))\n"
    "    except (OSError, AttributeError):\n"
    "        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
    "def report():\n"
    "    sys.stderr.write(f'\\nPEAK_KB {peak()}\\n')\n"
    "    sys.stderr.flush()\n"
    "atexit.register(report)\n"
    "import os\n"
    "_exit = os._exit\n"
    "def reporting_exit(code):\n"  # argmap's main() ends with os._exit, which skips atexit
    "    report()\n"
    "    _exit(code)\n"
    "os._exit = reporting_exit\n"
    "sys.argv = ['argmap'] + sys.argv[1:]\n"
    "from argmap.cli import main\n"
    "main()\n"
)
MISSING = ("No such command", "No such option", "Invalid value for '--format'", "unknown format")

Result = tuple[float, float] | str


def run_once(python: str, args: list[str]) -> tuple[float, float] | str:
    """Wall seconds and peak MB of one ``argmap args`` process, or why it has none."""
    start = time.perf_counter()
    # run from elsewhere: "-c" puts the current folder first on sys.path, and a checkout's
    # argmap/ there would shadow the argmap that ``python`` has installed
    proc = subprocess.run(
        [python, "-c", LAUNCH, *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tempfile.gettempdir(),
    )
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        if any(s in proc.stderr for s in MISSING):
            return "n/a"
        # exit 1 is an answer (check found errors, diff found changes); anything else is a crash
        if proc.returncode != 1 or "Traceback" in proc.stderr:
            sys.stderr.write(proc.stderr[-2000:])
            return "failed"
    peak = [line for line in proc.stderr.splitlines() if line.startswith("PEAK_KB ")]
    return elapsed, int(peak[-1].split()[1]) / 1024 if peak else float("nan")


def measure(pythons: list[str], args: list[str], runs: int) -> list[Result]:
    """Median wall seconds and largest peak MB per interpreter, runs interleaved."""
    samples: list[list[tuple[float, float]]] = [[] for _ in pythons]
    for _ in range(runs):
        for i, python in enumerate(pythons):
            got = run_once(python, args)
            if isinstance(got, str):
                return [got] * len(pythons)
            samples[i].append(got)
    return [(statistics.median(t for t, _ in s), max(m for _, m in s)) for s in samples]


def rows_for(paths: dict[str, Path], proposal: str, out: Path) -> list[tuple[str, list[str]]]:
    """The commands timed on one generated map: name and arguments."""
    rows = [(f"validate ({fmt})", ["validate", str(path)]) for fmt, path in paths.items()]
    json_map = str(paths["json"])
    rows += [
        ("supports (json)", ["supports", proposal, "-m", json_map, "--json"]),
        ("attacks --deep (json)", ["attacks", proposal, "--deep", "-m", json_map, "--json"]),
        ("find (json)", ["find", "security council", "-m", json_map, "--json"]),
        ("stats (json)", ["stats", "-m", json_map, "--json"]),
        ("evaluate grounded (json)", ["evaluate", "-m", json_map, "--json"]),
        ("check (json)", ["check", "-m", json_map, "--json"]),
    ]
    # the DOT target is from the Argdown form, as the reference Argdown CLI is timed
    for fmt, source in (("json", "json"), ("dot", "argdown"), ("mermaid", "json"), ("argdown", "json")):
        path = paths.get(source)
        if path is None:  # that input form was not generated (--inputs)
            continue
        rows.append(
            (
                f"export {fmt} (from {source})",
                ["export", "--format", fmt, "-m", str(path), "-o", str(out / f"out.{fmt}")],
            )
        )
    return rows


INPUTS = ("yaml", "json", "argdown", "aif")


def maps(n: int, seed: int, folder: Path, formats: tuple[str, ...] = INPUTS) -> tuple[dict[str, Path], str]:
    """The generated map of ``n`` statements in each input format, and its deepest
    proposal; reused from ``folder`` when an earlier run left them there."""
    stem = f"map-{n}-seed{seed}"
    index = folder / f"{stem}.proposal"
    if index.exists() and all((folder / f"{stem}.{fmt}").exists() for fmt in formats):
        return {fmt: folder / f"{stem}.{fmt}" for fmt in formats}, index.read_text()
    started = time.perf_counter()
    data = generate(n, seed)
    paths = write(data, folder, stem, formats)
    proposal = deepest_proposal(data)
    index.write_text(proposal)
    print(f"(generated {n:,} statements in {time.perf_counter() - started:.0f} s)", file=sys.stderr)
    return paths, proposal


def machine() -> str:
    """Cores, CPU model, Python and the load average while the runner ran."""
    model = platform.processor() or platform.machine()
    try:
        found = re.search(r"^model name\s*:\s*(.+)$", Path("/proc/cpuinfo").read_text(), re.M)
        model = found.group(1) if found else model
    except OSError:
        pass
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "unknown"
    return (
        f"{os.cpu_count()} cores, {model}, Python {platform.python_version()}, {platform.platform()}; "
        f"load average at the end {load}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time argmap on generated maps.")
    parser.add_argument("--sizes", default="1000,10000,100000,1000000", help="comma-separated statement counts")
    parser.add_argument("--runs", type=int, default=3, help="runs per cell (always 1 from a million statements)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--only", default="", help="a regular expression: time only the rows it matches")
    parser.add_argument("--baseline", default="", help="another Python with another argmap to time alongside")
    parser.add_argument("--out", type=Path, help="also write the table to this file")
    parser.add_argument(
        "--inputs",
        default=",".join(INPUTS),
        help="the input forms to generate and time (AIF is ~16 bytes per byte of JSON)",
    )
    parser.add_argument(
        "--maps",
        type=Path,
        help="keep the generated maps in this folder and reuse them (they depend only on size and seed)",
    )
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    pythons = [sys.executable] + ([args.baseline] if args.baseline else [])
    only = re.compile(args.only)
    table: dict[str, dict[int, str]] = {}
    order: list[str] = []
    failed = False

    def cell(result: Result) -> str:
        return result if isinstance(result, str) else f"{result[0]:.2f} s, {result[1]:.0f} MB"

    def record(name: str, n: int, cmd: list[str], runs: int) -> None:
        nonlocal failed
        if not only.search(name):
            return
        results = measure(pythons, cmd, runs)
        failed = failed or "failed" in results
        if name not in table:
            table[name] = {}
            order.append(name)
        table[name][n] = cell(results[0]) + (f" ({cell(results[1])})" if len(results) > 1 else "")
        print(f"{name:<34} N={n:<8} {table[name][n]}", file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="argmap-bench-") as tmp:
        folder = Path(tmp)
        for n in sizes:
            runs = 1 if n >= 1_000_000 else args.runs
            record("argmap --help", n, ["--help"], runs)
            record("argmap show (embedded map)", n, ["show"], runs)
            paths, proposal = maps(
                n, args.seed, args.maps.absolute() if args.maps else folder, tuple(args.inputs.split(","))
            )
            for name, cmd in rows_for(paths, proposal, folder):
                record(name, n, cmd, runs)
            for path in folder.iterdir():
                path.unlink()
    runs_note = f"median of {args.runs} runs" + (" (1 from a million statements)" if max(sizes) >= 1_000_000 else "")
    lines = [f"Machine: {machine()}; {runs_note}; wall time, peak memory.", ""]
    if args.baseline:
        lines += ["Cells read: this argmap (the baseline's, timed in the same run).", ""]
    lines.append("| command | " + " | ".join(f"{n:,}" for n in sizes) + " |")
    lines.append("|---|" + "---|" * len(sizes))
    lines += [f"| {name} | " + " | ".join(table[name].get(n, "") for n in sizes) + " |" for name in order]
    text = "\n".join(lines) + "\n"
    print("\n" + text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    if failed:
        print("a command crashed (see above)", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
