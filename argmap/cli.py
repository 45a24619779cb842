"""The ``argmap`` command line: thin commands over the library.

Only typer and the standard library are imported at the top, so that
``argmap --help`` starts fast; each command imports what it needs. Errors
are turned into messages in one place, :func:`report_errors`.
"""

from __future__ import annotations

import functools
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Callable, Optional

import typer

app = typer.Typer(
    name="argmap",
    help="Map the arguments of policy texts: show them, question them, export them.\n\n"
    "Every command reads the embedded map of 'The Shanghai Cooperation Organization in the "
    "War on Terror' unless --map names another.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

# ------------------------------------------------------------ options, once ---

MapOption = Annotated[
    Optional[Path],
    typer.Option(
        "--map",
        "-m",
        help="Map file (.yaml, .json, .argdown, .aif, Kialo .txt, .apx, .tgf); '-' reads stdin. "
        "Default: the embedded SCO map.",
        show_default=False,
    ),
]
FromOption = Annotated[
    Optional[str],
    typer.Option(
        "--from",
        help="Read the map as this format (yaml, json, argdown, aif, kialo, apx, tgf) instead of "
        "guessing it from the file name and content.",
        show_default=False,
        metavar="FORMAT",
    ),
]
LenientOption = Annotated[
    bool,
    typer.Option(
        "--lenient",
        help="AIF: skip malformed nodes (each reported on stderr with its node id) instead of refusing the file.",
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts instead of a view.")]
FocusOption = Annotated[
    Optional[str], typer.Option("--focus", "-f", help="Show only the tree under this statement or argument id.")
]
DepthOption = Annotated[
    Optional[int], typer.Option("--depth", "-d", min=0, help="Levels of statements to show below each root.")
]
QuotesOption = Annotated[bool, typer.Option("--quotes/--no-quotes", "-q", help="Show each quote and its paragraph.")]
EvaluateOption = Annotated[
    bool, typer.Option("--evaluate", "-e", help="Mark each node IN, OUT or UNDEC (grounded semantics; see evaluate).")
]


class Kind(str, Enum):
    proposal = "proposal"
    claim = "claim"
    premise = "premise"


# ------------------------------------------------------ errors, in one place ---


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program is, so that it ends like Ctrl-C does:
    a file being written is left as it was and its temporary file removed."""


def _terminate(signum: int, frame: Any) -> None:
    raise Terminated()


def report_errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Run a command; turn argmap's errors into messages on stderr and an exit code.

    1 = bad input (a map that cannot be read or is invalid, an unknown id),
    2 = bad usage, 130 = interrupted, 143 = terminated. A user never sees a
    traceback for these.
    """

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from .render.console import error
        from .errors import ArgmapError

        try:
            return fn(*args, **kwargs)
        except ArgmapError as err:
            error(err.lines())
            raise typer.Exit(err.exit_code) from None
        except KeyboardInterrupt as err:  # Ctrl-C, or SIGTERM (see main): files are cleaned up by now
            terminated = isinstance(err, Terminated)
            error(["terminated." if terminated else "interrupted."])
            raise typer.Exit(143 if terminated else 130) from None
        except BrokenPipeError:
            # the reader went away (`argmap show | head`): not an error of ours
            sys.stderr.close()
            raise typer.Exit(0) from None
        finally:
            from .collector import unsettle

            unsettle()

    return wrapper


def command(*args: Any, **kwargs: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``@app.command`` with argmap's error handling around the function."""

    def register(fn: Callable[..., Any]) -> Callable[..., Any]:
        return app.command(*args, **kwargs)(report_errors(fn))

    return register


def open_map(path: Path | None, fmt: str | None = None, *, verify: bool = False, lenient: bool = False) -> Any:
    """Read a command's map (:func:`argmap.loader.read_graph`): the one opener.
    Warnings go to stderr; ``fmt`` overrides detection; ``verify`` validates
    even the embedded map (``argmap validate``)."""
    from .collector import settle
    from .errors import UsageError
    from .loader import read_graph
    from .render.console import warning

    if fmt is not None and path is None:
        raise UsageError("--from names the format of the file given with --map.", hint="Add --map PATH.")
    loaded = read_graph(path, fmt=fmt, verify=verify, lenient=lenient)
    for message in loaded.warnings:
        warning(message)
    settle()  # the map lives as long as the command: the collector stops walking it (report_errors undoes it)
    return loaded


# ----------------------------------------------------------------- commands ---


@command()
def show(
    map_path: MapOption = None,
    from_format: FromOption = None,
    lenient: LenientOption = False,
    focus: FocusOption = None,
    depth: DepthOption = None,
    quotes: QuotesOption = False,
    evaluate: EvaluateOption = False,
) -> None:
    """Show the map as a tree: each proposal with its reasons and the attacks on them.

    Example: argmap show --focus prop-6n-partnership --quotes
    """
    from .analysis.semantics import evaluate as evaluate_map
    from .graph import require
    from .render.tree import show_map

    G = open_map(map_path, from_format, lenient=lenient).graph
    if focus is not None:
        require(G, focus)
    labels = evaluate_map(G, "grounded").labels() if evaluate else None
    show_map(G, focus=focus, depth=depth, quotes=quotes, labels=labels)


@command("list")
def list_(
    map_path: MapOption = None,
    from_format: FromOption = None,
    lenient: LenientOption = False,
    kind: Annotated[Optional[Kind], typer.Option("--kind", "-k", help="Only statements of this kind.")] = None,
    speaker: Annotated[Optional[str], typer.Option("--speaker", "-s", help="Only statements by this speaker.")] = None,
    tag: Annotated[Optional[str], typer.Option("--tag", "-t", help="Only statements with this tag.")] = None,
    as_json: JsonOption = False,
) -> None:
    """List statements as a table, sorted by id, optionally filtered.

    Example: argmap list --kind proposal --json
    """
    from .render.console import write_json
    from .render.queries import statement_table
    from .graph import statement_rows

    G = open_map(map_path, from_format, lenient=lenient).graph
    rows = statement_rows(G, kind=kind.value if kind else None, speaker=speaker, tag=tag)
    if as_json:
        write_json(rows)
    else:
        statement_table(rows)


@command()
def validate(
    paths: Annotated[
        Optional[list[Path]],
        typer.Argument(help="Map files; '-' reads stdin. Default: the embedded map.", show_default=False),
    ] = None,
    from_format: FromOption = None,
    lenient: LenientOption = False,
) -> None:
    """Check maps: fields, ids, references, and every quote against the source text.

    Prints every problem at once, one per line, with file, line and field.
    Exit 0 when all are valid, 1 otherwise (2 for bad usage).

    Example: argmap validate my-map.yaml other.json
    """
    from .render.console import error, info
    from .errors import ArgmapError
    from .stats import summary

    failed = 0  # the exit code: 1 for a bad map, 2 for bad usage
    for path in paths or [None]:
        try:
            loaded = open_map(path, from_format, verify=True, lenient=lenient)
        except ArgmapError as err:
            error(err.lines())
            failed = max(failed, err.exit_code)
            continue
        checked = "quotes checked" if loaded.source is not None else "quotes not checked"
        info(f"{loaded.name}: valid: {summary(loaded.graph)}; {checked}.")
    if failed:
        raise typer.Exit(failed)


@command()
def schema() -> None:
    """Print the JSON Schema of the map format (for editor completion and checks).

    Example: argmap schema > argmap.schema.json
    """
    from .render.console import write_json
    from .model import ArgumentMap

    write_json(ArgumentMap.model_json_schema(by_alias=True))


# ------------------------------------------------------- export (issue 4) ---

ExportFormatOption = Annotated[
    Optional[str],
    typer.Option(
        "--format",
        "-t",
        metavar="FORMAT",
        show_default=False,
        help="json, yaml, nodelink, dot, svg, png, pdf, mermaid, graphml, md, html, argdown, aif, "
        "apx or tgf. "
        "Default: the one -o's suffix names, else dot.",
    ),
]
OutputOption = Annotated[
    Optional[Path],
    typer.Option("--output", "-o", show_default=False, help="File to write (atomically); '-' or none: stdout."),
]
ExportFocusOption = Annotated[
    Optional[str], typer.Option("--focus", "-f", help="Export only this statement or argument and what bears on it.")
]
ExportDepthOption = Annotated[
    Optional[int], typer.Option("--depth", "-d", min=0, help="Levels below the focus (or the proposals) to keep.")
]


@command()
def export(
    map_path: MapOption = None,
    from_format: FromOption = None,
    lenient: LenientOption = False,
    fmt: ExportFormatOption = None,
    output: OutputOption = None,
    focus: ExportFocusOption = None,
    depth: ExportDepthOption = None,
    wrap: Annotated[int, typer.Option("--wrap", "-w", min=8, help="Columns of text per line in diagrams.")] = 28,
    quotes: Annotated[bool, typer.Option("--quotes/--no-quotes", "-q", help="Show quotes in diagrams.")] = False,
    ids: Annotated[bool, typer.Option("--ids", help="Show ids in diagrams.")] = False,
    speakers: Annotated[bool, typer.Option("--speakers", help="Show speakers in diagrams.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Allow -o to overwrite the map being read.")] = False,
) -> None:
    """Export the map, or a focused part of it, as a diagram, a report or data.

    Example: argmap export -o map.svg; argmap export --focus prop-6n-partnership --format mermaid
    """
    from .render.console import write_export, wrote
    from .errors import UsageError
    from .export import ExportOptions, choose_format, export_loaded
    from .output import check_target, write_atomic

    spec = choose_format(fmt, output)
    to_stdout = output is None or str(output) == "-"
    if to_stdout and spec.binary and sys.stdout.isatty():
        raise UsageError(f"{spec.name} is binary and stdout is a terminal.", hint=f"Use -o map.{spec.name}.")
    loaded = open_map(map_path, from_format, lenient=lenient)
    if not to_stdout:
        check_target(output, input_path=loaded.path, force=force)
    options = ExportOptions(wrap=wrap, quotes=quotes, ids=ids, speakers=speakers)
    data = export_loaded(loaded, spec.name, output=output, focus=focus, depth=depth, options=options)
    if to_stdout:
        write_export(data)
    else:
        write_atomic(output, data)
        wrote(str(output), spec.name, len(data.encode("utf-8") if isinstance(data, str) else data))


# ----------------------------------------------------- end of export block ---


# ------------------------------------------------- queries (issue 3) ---

IdArgument = Annotated[
    str,
    typer.Argument(
        metavar="ID", show_default=False, help="A statement id (or an argument id); `argmap find` looks one up."
    ),
]
PathsOption = Annotated[
    int, typer.Option("--paths", "-p", min=1, help="At most this many chains per supporter, shortest first.")
]


@command()
def supports(
    node: IdArgument,
    map_path: MapOption = None,
    from_format: FromOption = None,
    lenient: LenientOption = False,
    direct: Annotated[bool, typer.Option("--direct", help="Only direct supporters (the same as --depth 1).")] = False,
    depth: Annotated[
        Optional[int], typer.Option("--depth", "-d", min=1, help="Only supporters at most N steps away.")
    ] = None,
    paths: PathsOption = 3,
    as_json: JsonOption = False,
) -> None:
    """Which statements support ID, directly and through others, and by which chains.

    Co-premises of one linked argument are shown together as one reason.

    Example: argmap supports prop-6n-partnership
    """
    from .render.console import write_json
    from .render.queries import supports_view
    from .errors import UsageError
    from .query import support_report

    if direct and depth not in (None, 1):
        raise UsageError(f"--direct means --depth 1; it cannot go with --depth {depth}.", hint="Give one of them.")
    G = open_map(map_path, from_format, lenient=lenient).graph
    report = support_report(G, node, depth=1 if direct else depth, limit=paths)
    if as_json:
        write_json(report)
    else:
        supports_view(G, report)


@command()
def attacks(
    node: IdArgument,
    map_path: MapOption = None,
    from_format: FromOption = None,
    lenient: LenientOption = False,
    deep: Annotated[bool, typer.Option("--deep", help="Also attacks on everything ID rests on.")] = False,
    as_json: JsonOption = False,
) -> None:
    """What challenges ID: rebuttals of it and undercuts of the arguments for it.

    With --deep, also attacks on its supporters and on the arguments further
    down, each with the chain that links it to ID.

    Example: argmap attacks prop-deepen-ct --deep
    """
    from .render.console import write_json
    from .render.queries import attacks_view
    from .query import attack_report

    G = open_map(map_path, from_format, lenient=lenient).graph
    report = attack_report(G, node, deep=deep)
    if as_json:
        write_json(report)
    else:
        attacks_view(G, report)


@command()
def path(
    source: Annotated[
        str, typer.Argument(metavar="FROM", help="The statement the chains start from.", show_default=False)
    ],
    target: Annotated[str, typer.Argument(metavar="TO", help="The statement they lead to.", show_default=False)],
    map_path: MapOption = None,
    from_format: FromOption = None,
    lenient: LenientOption = False,
    paths: Annotated[int, typer.Option("--paths", "-p", min=1, help="At most this many chains.")] = 3,
    as_json: JsonOption = False,
) -> None:
    """The chains of support and attack edges from FROM to TO, shortest first.

    Example: argmap path ct-deepening-meaningful prop-6n-partnership
    """
    from .render.console import write_json
    from .render.queries import path_view
    from .query import paths as find_paths

    G = open_map(map_path, from_format, lenient=lenient).graph
    report = find_paths(G, source, target, limit=paths)
    if as_json:
        write_json(report)
    else:
        path_view(G, report)


@command()
def find(
    text: Annotated[str, typer.Argument(help="Words to look for (case does not matter).", show_default=False)],
    map_path: MapOption = None,
    from_format: FromOption = None,
    lenient: LenientOption = False,
    as_json: JsonOption = False,
) -> None:
    """Search ids, texts, quotes, speakers and tags; id and text matches first.

    Example: argmap find extradition
    """
    from .render.console import write_json
    from .render.queries import find_view
    from .query import find as search

    G = open_map(map_path, from_format, lenient=lenient).graph
    rows = search(G, text)
    if as_json:
        write_json({"query": text, "matches": rows})
    else:
        find_view(rows, text)


@command()
def stats(
    map_path: MapOption = None,
    from_format: FromOption = None,
    lenient: LenientOption = False,
    as_json: JsonOption = False,
) -> None:
    """Counts and gaps: statements by kind and speaker, arguments, attacks, the
    longest support chain, and proposals and claims nothing supports.

    Example: argmap stats --json
    """
    from .render.console import write_json
    from .render.queries import stats_view
    from .stats import stats as count

    G = open_map(map_path, from_format, lenient=lenient).graph
    report = count(G)
    if as_json:
        write_json(report)
    else:
        stats_view(G, report)


# --------------------------------------------------- end of queries (issue 3) ---
# ------------------------------------------- analysis: check, evaluate, ... ---
# check, evaluate, critical, rank, diff (library: argmap/analysis/;
# views in render/analysis.py).


class Semantics(str, Enum):
    grounded = "grounded"
    preferred = "preferred"
    stable = "stable"


SemanticsOption = Annotated[
    Semantics, typer.Option("--semantics", help="grounded (one sceptical labelling, always fast), preferred or stable.")
]
BudgetOption = Annotated[
    int, typer.Option("--budget", min=1, help="Most search steps for preferred/stable before giving up.")
]
TimeoutOption = Annotated[
    float, typer.Option("--timeout", min=0, help="Most seconds for preferred/stable before giving up (0: no limit).")
]


@command()
def check(
    map_path: MapOption = None,
    from_format: FromOption = None,
    lenient: LenientOption = False,
    as_json: JsonOption = False,
) -> None:
    """Lint the map: what an analyst should look at that validation allows.

    Unsupported proposals and claims, isolated statements, circular support,
    unanswered attacks, arguments resting on one attacked premise, duplicate
    texts, repeated quotes. Exit 1 when any finding is an error.

    Example: argmap check --json
    """
    from .render.analysis import check_view
    from .render.console import write_json
    from .analysis.lint import check as lint
    from .analysis.lint import has_errors

    findings = lint(open_map(map_path, from_format, lenient=lenient).graph)
    if as_json:
        write_json([f.as_dict() for f in findings])
    else:
        check_view(findings)
    if has_errors(findings):
        raise typer.Exit(1)


@command()
def evaluate(
    map_path: MapOption = None,
    from_format: FromOption = None,
    lenient: LenientOption = False,
    semantics: SemanticsOption = Semantics.grounded,
    explain: Annotated[
        Optional[str],
        typer.Option(
            "--explain", "-x", help="Explain why this statement or argument has its label.", show_default=False
        ),
    ] = None,
    as_json: JsonOption = False,
    budget: BudgetOption = 2_000_000,
    timeout: TimeoutOption = 60.0,
) -> None:
    """Label every statement and argument IN, OUT or UNDEC: which stand, given the objections.

    The map becomes an abstract argumentation framework (see the README);
    grounded is the sceptical labelling, preferred and stable are computed
    exactly. --explain ID shows the attackers that defeat ID or the
    defenders that reinstate it.

    Example: argmap evaluate --explain prop-deepen-ct
    """
    from .render.analysis import evaluation_view, explanation_view
    from .render.console import write_json
    from .analysis.explain import explanations
    from .analysis.semantics import evaluate as run
    from .analysis.semantics import evaluation_data
    from .graph import require

    G = open_map(map_path, from_format, lenient=lenient).graph
    if explain is not None:
        require(G, explain)
    ev = run(G, semantics.value, budget=budget, timeout=timeout or None)
    if explain is None and as_json:
        write_json(evaluation_data(ev, G))
    elif explain is None:
        evaluation_view(G, ev)
    elif as_json:
        write_json({"id": explain, "semantics": ev.semantics, "explanations": explanations(ev, G, explain)})
    else:
        explanation_view(G, ev, explain, explanations(ev, G, explain))


@command()
def critical(
    node: Annotated[str, typer.Argument(metavar="ID", help="A statement or argument id.", show_default=False)],
    map_path: MapOption = None,
    from_format: FromOption = None,
    lenient: LenientOption = False,
    max_size: Annotated[int, typer.Option("--max-size", min=1, help="Largest set size to look for.")] = 12,
    as_json: JsonOption = False,
) -> None:
    """Find the load-bearing premises of ID: the smallest sets of premises whose loss leaves it unsupported.

    Losing any one premise of a linked argument disables that argument;
    convergent arguments must all be disabled.

    Example: argmap critical prop-6n-partnership
    """
    from .render.analysis import critical_view
    from .render.console import write_json
    from .analysis.critical import critical as find

    G = open_map(map_path, from_format, lenient=lenient).graph
    result = find(G, node, max_size=max_size)
    if as_json:
        write_json(result.as_dict())
    else:
        critical_view(G, result, max_size)


@command()
def rank(
    map_path: MapOption = None,
    from_format: FromOption = None,
    lenient: LenientOption = False,
    top: Annotated[Optional[int], typer.Option("--top", "-n", min=1, help="Show only the first N.")] = None,
    as_json: JsonOption = False,
) -> None:
    """Rank statements by how many proposals depend on them, with a centrality score.

    Example: argmap rank --top 10
    """
    from .render.analysis import rank_view
    from .render.console import write_json
    from .analysis.rank import rank as ranking

    rows = ranking(open_map(map_path, from_format, lenient=lenient).graph)[:top]
    if as_json:
        write_json(rows)
    else:
        rank_view(rows)


@command()
def diff(
    old: Annotated[Path, typer.Argument(help="The old map ('-' reads stdin).", show_default=False)],
    new: Annotated[Path, typer.Argument(help="The new map ('-' reads stdin).", show_default=False)],
    as_json: JsonOption = False,
) -> None:
    """Compare two maps: statements, arguments and attacks added, removed and
    changed (matched by id), and proposals whose grounded label changed.

    Exit 0 when the maps are the same, 1 when they differ, 2 on error (like diff).

    Example: argmap diff old.yaml new.yaml
    """
    from .render.analysis import diff_view
    from .render.console import error, write_json
    from .analysis.diff import diff as compare
    from .errors import ArgmapError

    try:
        if str(old) == "-" and str(new) == "-":
            from .errors import UsageError

            raise UsageError("only one of OLD and NEW can be '-' (stdin).")
        result = compare(open_map(old).graph, open_map(new).graph)
    except ArgmapError as err:
        error(err.lines())
        raise typer.Exit(2) from None
    if as_json:
        write_json(result)
    else:
        diff_view(result, str(old), str(new))
    raise typer.Exit(0 if result["identical"] else 1)


# ------------------------------------------------------- end of analysis ---


def version_callback(value: bool) -> None:
    if value:
        from . import __version__

        typer.echo(f"argmap {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=version_callback, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    """Map the arguments of policy texts: show them, question them, export them."""


def main() -> None:
    """Entry point of the ``argmap`` console script.

    Once the command has finished and its output is flushed, the process ends
    at once (:func:`os._exit`, as mypy does): freeing a big map's millions of
    objects one by one on the way out took a tenth of a second per 100,000
    statements and changes nothing anyone can see.
    """
    import os
    import signal

    signal.signal(signal.SIGTERM, _terminate)
    try:
        app(prog_name="argmap")
    except SystemExit as done:
        code = done.code
        if code is not None and not isinstance(code, int):
            raise  # a message to print: leave it to the interpreter
    else:
        code = 0
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):  # the reader went away, or the stream is closed
        pass
    os._exit(code or 0)
