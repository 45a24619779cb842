"""Run the benchmark: ``python -m tests.bench [--sizes 1000,10000] [--runs 3]``.

Times whole processes of real ``argmap`` commands on generated maps (CPU
time, user plus system, from ``resource.getrusage``; wall time; peak memory)
and prints a Markdown table: one row per command, one column per map size,
each cell the median CPU time of ``--runs`` runs and the largest peak memory
(wall times go to stderr as the runs go). CPU time is what the table shows
because the machine is shared: other work stretches wall time, not CPU time.
Every run reads its map (``ARGMAP_CACHE=off``) except the rows marked
"cached", timed on a warm cache of graphs (:mod:`argmap.cache`). A command the installed argmap
does not have shows ``n/a``; one that crashes shows ``failed`` and makes the
runner exit 1 (so CI catches crashes, never slowness). Nothing is asserted
about time: read the numbers.

``--baseline PYTHON`` times a second interpreter (another checkout's
virtualenv) in the same run, alternating runs, so a before/after comparison
sees the same machine load; cells then read ``after (before)``.

``--readme README.md`` writes the table into the README's Performance
section, between its ``<!-- bench-table -->`` markers (the table there is
never typed by hand). ``--against-argdown`` times the reference Argdown CLI
instead (:mod:`tests.bench.reference`).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import resource
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

#: CPU seconds, wall seconds and peak MB of one run, or why it has none
Result = tuple[float, float, float] | str


def children_cpu() -> float:
    """CPU seconds (user + system) of all the finished child processes so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_once(python: str, args: list[str], cache: Path | None = None) -> Result:
    """CPU seconds, wall seconds and peak MB of one ``argmap args`` process, or why it has none."""
    cpu = children_cpu()
    start = time.perf_counter()
    # run from elsewhere: "-c" puts the current folder first on sys.path, and a checkout's
    # argmap/ there would shadow the argmap that ``python`` has installed
    proc = subprocess.run(
        [python, "-c", LAUNCH, *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tempfile.gettempdir(),
        # the cache of graphs is off unless a row asks for it, so that each run reads its map
        env={**os.environ, "ARGMAP_CACHE": str(cache) if cache else "off"},
    )
    elapsed = time.perf_counter() - start
    cpu = children_cpu() - cpu
    if proc.returncode != 0:
        if any(s in proc.stderr for s in MISSING):
            return "n/a"
        # exit 1 is an answer (check found errors, diff found changes); anything else is a crash
        if proc.returncode != 1 or "Traceback" in proc.stderr:
            sys.stderr.write(proc.stderr[-2000:])
            return "failed"
    peak = [line for line in proc.stderr.splitlines() if line.startswith("PEAK_KB ")]
    return cpu, elapsed, int(peak[-1].split()[1]) / 1024 if peak else float("nan")


def measure(pythons: list[str], args: list[str], runs: int, cache: Path | None = None) -> list[Result]:
    """Median CPU and wall seconds and largest peak MB per interpreter, runs interleaved."""
    samples: list[list[tuple[float, float, float]]] = [[] for _ in pythons]
    for _ in range(runs):
        for i, python in enumerate(pythons):
            got = run_once(python, args, cache)
            if isinstance(got, str):
                return [got] * len(pythons)
            samples[i].append(got)
    return [
        (statistics.median(c for c, _, _ in s), statistics.median(w for _, w, _ in s), max(m for _, _, m in s))
        for s in samples
    ]


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


def cached_rows(paths: dict[str, Path], proposal: str, out: Path) -> list[tuple[str, list[str]]]:
    """Commands timed again on a warm cache of graphs (:mod:`argmap.cache`): the map
    read twice before, so each timed run loads its graph instead of reading it."""
    rows = []
    for fmt in ("json", "yaml"):
        if fmt in paths:
            rows.append((f"supports ({fmt}, cached)", ["supports", proposal, "-m", str(paths[fmt]), "--json"]))
    if "argdown" in paths:
        rows.append(
            (
                "export dot (from argdown, cached)",
                ["export", "--format", "dot", "-m", str(paths["argdown"]), "-o", str(out / "out.dot")],
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


def cell(result: Result) -> str:
    """A table cell: CPU seconds and peak MB (or why there are none)."""
    return result if isinstance(result, str) else f"{result[0]:.2f} s, {result[2]:.0f} MB"


def wall(result: Result) -> str:
    """The wall time of a result, for the progress lines on stderr."""
    return "" if isinstance(result, str) else f"  (wall {result[1]:.2f} s)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time argmap on generated maps.")
    parser.add_argument("--sizes", default="1000,10000,100000,1000000", help="comma-separated statement counts")
    parser.add_argument("--runs", type=int, default=3, help="runs per cell (always 1 from a million statements)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--only", default="", help="a regular expression: time only the rows it matches")
    parser.add_argument("--baseline", default="", help="another Python with another argmap to time alongside")
    parser.add_argument("--out", type=Path, help="also write the table to this file")
    parser.add_argument(
        "--readme", type=Path, help="also write the table into this README, between its bench-table markers"
    )
    parser.add_argument(
        "--against-argdown",
        action="store_true",
        help="time the reference Argdown CLI (installed from npm into a cache folder) next to argmap instead; "
        "see python -m tests.bench --against-argdown --help",
    )
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
    argv = sys.argv[1:] if argv is None else argv
    if "--against-argdown" in argv:  # its own options: see tests/bench/reference.py
        from .reference import main as against

        return against(argv)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    pythons = [sys.executable] + ([args.baseline] if args.baseline else [])
    only = re.compile(args.only)
    table: dict[str, dict[int, str]] = {}
    order: list[str] = []
    failed = False

    def record(name: str, n: int, cmd: list[str], runs: int, cache: Path | None = None) -> None:
        nonlocal failed
        if not only.search(name):
            return
        if cache is not None:  # a row on a warm cache: two untimed runs read the map and keep its graph
            for python in pythons:
                for _ in range(2):
                    run_once(python, cmd, cache)
        results = measure(pythons, cmd, runs, cache)
        failed = failed or "failed" in results
        if name not in table:
            table[name] = {}
            order.append(name)
        table[name][n] = cell(results[0]) + (f" ({cell(results[1])})" if len(results) > 1 else "")
        print(f"{name:<34} N={n:<8} {table[name][n]}{wall(results[0])}", file=sys.stderr, flush=True)

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
            for name, cmd in cached_rows(paths, proposal, folder):
                with tempfile.TemporaryDirectory(prefix="argmap-bench-cache-") as cache:
                    record(name, n, cmd, runs, Path(cache))
            for path in folder.iterdir():
                path.unlink()
    text = table_text(table, order, sizes, args.runs, bool(args.baseline))
    print("\n" + text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    if args.readme:
        write_section(args.readme, "bench-table", text)
    if failed:
        print("a command crashed (see above)", file=sys.stderr)
    return 1 if failed else 0


def table_text(table: dict[str, dict[int, str]], order: list[str], sizes: list[int], runs: int, baseline: bool) -> str:
    """The Markdown table of the cells timed: one row per command, one column per size."""
    runs_note = f"median of {runs} runs" + (" (1 from a million statements)" if max(sizes) >= 1_000_000 else "")
    lines = [f"Machine: {machine()}; {runs_note}; CPU time (user + system), peak memory.", ""]
    if baseline:
        lines += ["Cells read: this argmap (the baseline's, timed in the same run).", ""]
    lines.append("| command | " + " | ".join(f"{n:,}" for n in sizes) + " |")
    lines.append("|---|" + "---:|" * len(sizes))
    lines += [f"| {name} | " + " | ".join(table[name].get(n, "") for n in sizes) + " |" for name in order]
    return "\n".join(lines) + "\n"


def write_section(readme: Path, marker: str, text: str) -> None:
    """Replace what stands between ``<!-- marker -->`` and ``<!-- /marker -->`` in ``readme``."""
    content = readme.read_text(encoding="utf-8")
    start, end = f"<!-- {marker} -->", f"<!-- /{marker} -->"
    if start not in content or end not in content:
        raise SystemExit(f"{readme}: has no {start} ... {end} section to write the table into.")
    head, rest = content.split(start, 1)
    _, tail = rest.split(end, 1)
    readme.write_text(f"{head}{start}\n{text.strip()}\n{end}{tail}", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
