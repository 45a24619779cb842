"""argmap next to the reference Argdown CLI: ``python -m tests.bench --against-argdown``.

Installs the reference CLI (``@argdown/cli``, default version 1.7.5) from the
npm registry into a cache folder outside the repository the first time it is
asked (``$ARGMAP_BENCH_CACHE``, else ``$XDG_CACHE_HOME/argmap-bench``, else
``~/.cache/argmap-bench``); its code is never part of argmap. Then, for each
size and each map shape, it converts the same Argdown file to JSON and to DOT
with both programs, whole processes, runs interleaved (argmap, reference,
argmap, ...), and prints CPU time (user + system, per process from
``os.wait4``), wall time and peak memory (``ru_maxrss``) of each, and how many
times faster argmap is by CPU and by wall time (medians).

Two shapes of map, both read by both programs:

- ``pcs``: the map ``tests/bench/generate.py`` makes, written by argmap's
  Argdown writer: statements with hashtags and data, arguments as
  premise-conclusion structures, relation lines for attacks;
- ``relations``: statements and arguments joined only by relation lines
  (``+>``, ``->``, ``_>``), no premise-conclusion structures, made here.

A reference run that takes longer than ``--timeout`` seconds is stopped and
shown as ``> N s`` (argmap is then faster by more than the ratio shown); one
that ends without writing its file (``RangeError: Invalid string length`` on
big maps) shows ``failed``. Nothing is asserted: read the numbers.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

DEFAULT_VERSION = "1.7.5"
SHAPES = ("pcs", "relations")
CONVERSIONS = ("json", "dot")


@dataclass(frozen=True)
class Timing:
    """CPU seconds, wall seconds and peak MB of one run (or the median of several);
    ``stopped``: the run took longer than the timeout and was stopped, so the
    times are lower bounds."""

    cpu: float
    wall: float
    peak: float
    stopped: bool = False


#: what one run gave, or why it gave nothing ("failed")
Run = Timing | str


def cache_folder() -> Path:
    """Where the reference CLI is installed: outside the repository, per user."""
    if os.environ.get("ARGMAP_BENCH_CACHE"):
        return Path(os.environ["ARGMAP_BENCH_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "argmap-bench"


def reference_cli(version: str) -> Path:
    """The reference CLI's entry script, installed from the npm registry when missing."""
    folder = cache_folder() / f"argdown-cli-{version}"
    script = folder / "node_modules" / "@argdown" / "cli" / "dist" / "cli.js"
    if script.exists():
        return script
    for tool in ("node", "npm"):
        if shutil.which(tool) is None:
            raise SystemExit(f"--against-argdown needs {tool} on PATH (Debian: apt-get install nodejs npm).")
    folder.mkdir(parents=True, exist_ok=True)
    print(f"(installing @argdown/cli@{version} into {folder})", file=sys.stderr, flush=True)
    subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "--silent", "--prefix", str(folder), f"@argdown/cli@{version}"],
        check=True,
    )
    if not script.exists():
        raise SystemExit(f"npm installed @argdown/cli@{version}, but {script} is not there.")
    return script


def relations_argdown(n: int, seed: int = 0) -> str:
    """A map of ``n`` statements joined by relation lines only: each statement after
    the first supports or attacks an earlier one; one argument per ten statements
    supports a statement and is undercut by another.

    >>> print(relations_argdown(3, seed=1).split(2 * chr(10))[2])
    [s1]: Water law policy framework cooperation water schools security transport trust.
        -> [s0]
    """
    from .generate import WORDS

    rng = random.Random(seed)
    out = ["===", f"title: Relations among {n} statements (seed {seed})", "===", ""]
    for i in range(n):
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 11)))
        out.append(f"[s{i}]: {words[0].upper()}{words[1:]}.")
        if i:
            out.append(f"    {rng.choice('++-')}> [s{rng.randrange(i)}]")
        out.append("")
    for k in range(n // 10):
        out += [f"<a{k}>: Argument number {k}.", f"    +> [s{rng.randrange(n)}]", ""]
        out += [f"[s{rng.randrange(n)}]", f"    _> <a{k}>", ""]
    return "\n".join(out)


def make_map(shape: str, n: int, seed: int, folder: Path) -> Path:
    """The Argdown file of one shape and size (reused when an earlier run left it)."""
    path = folder / f"{shape}-{n}-seed{seed}.argdown"
    if path.exists():
        return path
    started = time.perf_counter()
    if shape == "pcs":
        from .generate import generate, write

        written = write(generate(n, seed), folder, f"{shape}-{n}-seed{seed}", ("argdown",))["argdown"]
        assert written == path
    else:
        path.write_text(relations_argdown(n, seed), encoding="utf-8")
    print(f"(made the {shape} map of {n:,} statements in {time.perf_counter() - started:.0f} s)", file=sys.stderr)
    return path


def run(cmd: list[str], produced: Path, timeout: float) -> Run:
    """CPU seconds, wall seconds and peak MB of one process that must write ``produced``."""
    produced.unlink(missing_ok=True)
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        # run from elsewhere: a checkout's argmap/ in the current folder would shadow the installed one
        # and with the cache of graphs off: each run reads its map, as the reference does
        proc = subprocess.Popen(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=err,  # the reference reports its errors on stdout
            stderr=err,
            cwd=tempfile.gettempdir(),
            env={**os.environ, "ARGMAP_CACHE": "off"},
        )
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if elapsed >= timeout and proc.returncode < 0:
            return Timing(usage.ru_utime + usage.ru_stime, elapsed, usage.ru_maxrss / 1024, stopped=True)
        err.seek(0)
        message = err.read().decode("utf-8", "replace")
    if proc.returncode != 0 or not produced.exists() or produced.stat().st_size == 0:
        reason = next((line for line in message.splitlines() if "Error" in line), message.strip()[-200:])
        print(f"  {cmd[0]} failed: {reason}", file=sys.stderr)
        return "failed"
    # ru_maxrss is in kilobytes on Linux
    return Timing(usage.ru_utime + usage.ru_stime, elapsed, usage.ru_maxrss / 1024)


def argmap_command(conversion: str, source: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "argmap", "export", "--format", conversion, "-m", str(source), "-o", str(out)]


def reference_command(cli: Path, conversion: str, source: Path, out: Path) -> list[str]:
    # a deep enough stack for big maps, as the reference needs (node's own limit crashes at 100,000)
    command = "json" if conversion == "json" else "map"
    return [
        "sh",
        "-c",
        'ulimit -s unlimited 2>/dev/null || ulimit -s 4000000; exec "$@"',
        "sh",
        "node",
        "--stack-size=65500",
        str(cli),
        command,
        str(source),
        str(out.parent),
        "--silent",
        *(["--format", "dot"] if conversion == "dot" else []),  # `map` writes PDF by default
    ]


def median(runs: list[Run]) -> Run:
    done = [r for r in runs if isinstance(r, Timing)]
    if not done:
        return runs[0]
    return Timing(
        statistics.median(r.cpu for r in done),
        statistics.median(r.wall for r in done),
        max(r.peak for r in done),
        any(r.stopped for r in done),
    )


def cell(result: Run) -> str:
    if isinstance(result, str):
        return result
    more = "> " if result.stopped else ""
    return f"{more}{result.cpu:.2f} s ({more}{result.wall:.2f} s), {result.peak:.0f} MB"


def ratio(ours: Run, theirs: Run, what: str) -> str:
    """How many times faster argmap is, by ``what`` ("cpu" or "wall")."""
    if isinstance(ours, str):
        return "argmap " + ours
    if isinstance(theirs, str):
        return "reference " + theirs
    times = getattr(theirs, what) / getattr(ours, what)
    return f"> {times:.1f}x (stopped)" if theirs.stopped else f"{times:.1f}x"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="argmap next to the reference Argdown CLI.")
    parser.add_argument("--against-argdown", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated statement counts")
    parser.add_argument("--runs", type=int, default=3, help="interleaved runs of each program per cell")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--shapes", default=",".join(SHAPES), help="map shapes: pcs, relations")
    parser.add_argument("--argdown-version", default=DEFAULT_VERSION, help="the @argdown/cli version to install")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds before a reference run is stopped")
    parser.add_argument("--maps", type=Path, help="keep the Argdown files in this folder and reuse them")
    parser.add_argument("--readme", type=Path, help="also write the table into this README, between --section markers")
    parser.add_argument("--section", default="bench-argdown", help="the README section's marker name")
    parser.add_argument("--out", type=Path, help="also write the table to this file")
    args, _ = parser.parse_known_args(argv)
    cli = reference_cli(args.argdown_version)
    sizes = [int(s) for s in args.sizes.split(",")]
    shapes = [s for s in args.shapes.split(",") if s]
    rows = []
    with tempfile.TemporaryDirectory(prefix="argmap-vs-argdown-") as tmp:
        work = Path(tmp)
        folder = args.maps.absolute() if args.maps else work
        folder.mkdir(parents=True, exist_ok=True)
        for n in sizes:
            for shape in shapes:
                source = make_map(shape, n, args.seed, folder)
                for conversion in CONVERSIONS:
                    ours_out = work / "argmap" / f"{source.stem}.{conversion}"
                    ours_out.parent.mkdir(exist_ok=True)
                    theirs_out = work / "reference" / f"{source.stem}.{conversion}"
                    theirs_out.parent.mkdir(exist_ok=True)
                    ours: list[Run] = []
                    theirs: list[Run] = []
                    for _ in range(args.runs):
                        ours.append(run(argmap_command(conversion, source, ours_out), ours_out, args.timeout))
                        if not theirs or isinstance(theirs[-1], Timing) and not theirs[-1].stopped:
                            # no second wait on a stopped or failed run
                            command = reference_command(cli, conversion, source, theirs_out)
                            theirs.append(run(command, theirs_out, args.timeout))
                    a, b = median(ours), median(theirs)
                    row = (f"{shape}, Argdown to {conversion.upper()}", n, a, b)
                    rows.append(row)
                    print(
                        f"{row[0]:<28} N={n:<7} argmap {cell(a)}  reference {cell(b)}  "
                        f"CPU {ratio(a, b, 'cpu')}  wall {ratio(a, b, 'wall')}",
                        file=sys.stderr,
                        flush=True,
                    )
    from .__main__ import machine, write_section

    lines = [
        f"Machine: {machine()}; median of {args.runs} interleaved runs; reference: @argdown/cli "
        f"{args.argdown_version} on node {node_version()}.",
        "",
        "Cells: CPU time (wall time), peak memory; faster by: the reference's time over argmap's.",
        "",
        "| map, conversion | statements | argmap | reference Argdown CLI | faster by (CPU) | faster by (wall) |",
        "|---|---:|---|---|---:|---:|",
    ]
    for name, n, a, b in rows:
        lines.append(f"| {name} | {n:,} | {cell(a)} | {cell(b)} | {ratio(a, b, 'cpu')} | {ratio(a, b, 'wall')} |")
    text = "\n".join(lines) + "\n"
    print("\n" + text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    if args.readme:
        write_section(args.readme, args.section, text)
    return 1 if any(isinstance(a, str) for _, _, a, _ in rows) else 0


def node_version() -> str:
    try:
        return subprocess.run(["node", "--version"], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
