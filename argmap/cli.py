"""The ``argmap`` command line: thin commands over the library.

Only typer, the standard library and argmap's light modules (the format
table, the vocabulary and the modules whose defaults the options show, none
of which imports networkx, Pydantic, YAML or Rich) are imported at the top,
so that ``argmap --help`` starts fast; each command imports what it needs.
Errors are turned into messages in one place, :func:`report_errors`.
"""

from __future__ import annotations

import functools
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any
from collections.abc import Callable

import click
import typer
from typer.core import TyperGroup

from .analysis.critical import MAX_SIZE
from .analysis.semantics import BUDGET, TIMEOUT
from .formats import DEFAULT_FORMAT, FORMATS, ExportOptions, names
from .query import CHAIN_LIMIT


class ArgmapGroup(TyperGroup):
    """Typer's command group, saying "Did you mean ...?" once for an unknown
    command: Typer writes it into the message, and Click from 8.4 adds it
    again when the error is shown."""

    def resolve_command(self, ctx: click.Context, args: list[str]) -> Any:
        try:
            return super().resolve_command(ctx, args)
        except click.UsageError as err:
            if "Did you mean" in err.message and getattr(err, "possibilities", None):
                err.possibilities = None  # type: ignore[attr-defined]
            raise


app = typer.Typer(
    name="argmap",
    cls=ArgmapGroup,
    help="Map the arguments of policy texts: show them, question them, export them.\n\n"
    "Every command reads the embedded map of 'The Shanghai Cooperation Organization in the "
    "War on Terror' unless --map names another.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

# ------------------------------------------------------------ options, once ---

#: the formats argmap reads and writes, as the help lists them (from the format table)
READABLE = ", ".join(names(read=True))
WRITABLE = ", ".join(names(write=True))
READ_SUFFIXES = ", ".join(
    f.suffixes[0] if f.name in f.suffixes[0] else f"{f.name} {f.suffixes[0]}" for f in FORMATS.values() if f.read
)

MapOption = Annotated[
    Path | None,
    typer.Option(
        "--map",
        "-m",
        help=f"Map file ({READ_SUFFIXES}); '-' reads stdin. Default: the embedded SCO map.",
        show_default=False,
    ),
]
FromOption = Annotated[
    str | None,
    typer.Option(
        "--from",
        help=f"Read the map as this format ({READABLE}) instead of guessing it from the file name and content.",
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
    list[str] | None,
    typer.Option(
        "--focus",
        metavar="ID",
        show_default=False,
        help="Show only the tree under this statement or argument id; repeat for several trees.",
    ),
]
DepthOption = Annotated[
    int | None, typer.Option("--depth", "-d", min=0, help="Levels of statements to show below each root.")
]
QuotesOption = Annotated[bool, typer.Option("--quotes/--no-quotes", "-q", help="Show each quote and its paragraph.")]
EvaluateOption = Annotated[
    bool, typer.Option("--evaluate", "-e", help="Mark each node IN, OUT or UNDEC (grounded semantics; see evaluate).")
]


class Kind(str, Enum):  # Typer's choices are an Enum; a test checks these are terms.KINDS
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


def open_map(
    path: Path | None, fmt: str | None = None, *, verify: bool = False, strict: bool = False, lenient: bool = False
) -> Any:
    """Read a command's map (:func:`argmap.loader.read_graph`): the one opener.
    Warnings go to stderr; ``fmt`` overrides detection; ``verify`` validates
    even the embedded map (``argmap validate``). Quotes not in the source, and
    a source file not found, are warnings: a draft can be drawn; ``strict``
    (``argmap validate``) makes them problems."""
    from .collector import collector_paused, settle
    from .errors import UsageError
    from .loader import read_graph
    from .render.console import warning

    if fmt is not None and path is None:
        raise UsageError("--from names the format of the file given with --map.", hint="Add --map PATH.")
    with collector_paused():  # until the map is settled: a full collection in between walks all of it
        loaded = read_graph(path, fmt=fmt, verify=verify, strict=strict, require_source=strict, lenient=lenient)
        settle()  # the map lives as long as the command: the collector stops walking it (report_errors undoes it)
    for message in loaded.warnings:
        warning(message)
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
    for node in focus or ():
        require(G, node)
    labels = evaluate_map(G, "grounded").labels() if evaluate else None
    show_map(G, focus=focus, depth=depth, quotes=quotes, labels=labels)


@command("list")
def list_(
    map_path: MapOption = None,
    from_format: FromOption = None,
    lenient: LenientOption = False,
    kind: Annotated[Kind | None, typer.Option("--kind", "-k", help="Only statements of this kind.")] = None,
    speaker: Annotated[str | None, typer.Option("--speaker", "-s", help="Only statements by this speaker.")] = None,
    tag: Annotated[str | None, typer.Option("--tag", "-t", help="Only statements with this tag.")] = None,
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
        statement_table(rows, G.graph.get("speakers"))


@command()
def validate(
    paths: Annotated[
        list[Path] | None,
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
    targets: list[Path | None] = list(paths) if paths else [None]
    for path in targets:
        try:
            loaded = open_map(path, from_format, verify=True, strict=True, lenient=lenient)
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
    str | None,
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        show_default=False,
        help=f"{WRITABLE}. Default: the one -o's suffix names, else {DEFAULT_FORMAT}.",
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", show_default=False, help="File to write (atomically); '-' or none: stdout."),
]
ExportFocusOption = Annotated[
    list[str] | None,
    typer.Option(
        "--focus",
        metavar="ID",
        show_default=False,
        help="Export only this statement or argument and what bears on it; repeat to keep several.",
    ),
]
ExportDepthOption = Annotated[
    int | None, typer.Option("--depth", "-d", min=0, help="Levels below the focus (or the proposals) to keep.")
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
    wrap: Annotated[
        int, typer.Option("--wrap", "-w", min=8, help="Columns of text per line in diagrams.")
    ] = ExportOptions.wrap,
    quotes: Annotated[bool, typer.Option("--quotes/--no-quotes", "-q", help="Show quotes in diagrams.")] = False,
    ids: Annotated[bool, typer.Option("--ids", help="Show ids in diagrams.")] = False,
    speakers: Annotated[bool, typer.Option("--speakers", help="Show speakers in diagrams.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Allow -o to overwrite the map being read.")] = False,
    watch: Annotated[
        bool, typer.Option("--watch", help="Export again each time the map or its source text is saved, until Ctrl-C.")
    ] = False,
) -> None:
    """Export the map, or a focused part of it, as a diagram, a report or data.

    Example: argmap export -o map.svg; argmap export --focus prop-6n-partnership --format mermaid
    """
    from .errors import UsageError
    from .export import ExportOptions, choose_format

    spec = choose_format(fmt, output)
    to_stdout = output is None or str(output) == "-"
    if to_stdout and spec.binary and sys.stdout.isatty():
        raise UsageError(f"{spec.name} is binary and stdout is a terminal.", hint=f"Use -o map.{spec.name}.")
    options = ExportOptions(wrap=wrap, quotes=quotes, ids=ids, speakers=speakers)
    if not watch:
        export_once(map_path, from_format, spec, output, focus, depth, options, force, lenient)
        return
    if map_path is None or str(map_path) == "-" or output is None or to_stdout:
        raise UsageError(
            "--watch re-exports a map file to a file each time the map is saved.", hint="Give --map FILE and -o FILE."
        )
    export_watching(map_path, from_format, spec, output, focus, depth, options, force, lenient)


def export_once(
    map_path: Path | None,
    from_format: str | None,
    spec: Any,
    output: Path | None,
    focus: list[str] | None,
    depth: int | None,
    options: Any,
    force: bool,
    lenient: bool = False,
) -> Any:
    """Read the map and write one export of it (to stdout when ``output`` is None or '-'); the loaded map."""
    from .export import export_loaded
    from .output import check_target, write_atomic
    from .render.console import write_export, wrote

    to_stdout = output is None or str(output) == "-"
    loaded = open_map(map_path, from_format, lenient=lenient)
    if output is not None and not to_stdout:
        check_target(output, input_path=loaded.path, force=force)
    data = export_loaded(loaded, spec.name, output=output, focus=focus, depth=depth, options=options)
    if output is None or to_stdout:
        write_export(data)
    else:
        wrote(str(output), spec.name, write_atomic(output, data))
    return loaded


def export_watching(
    map_path: Path,
    from_format: str | None,
    spec: Any,
    output: Path,
    focus: list[str] | None,
    depth: int | None,
    options: Any,
    force: bool,
    lenient: bool = False,
) -> None:
    """:func:`export_once` now and on every save of the map or its source, until Ctrl-C;
    a map with mistakes gets its messages and is exported again once they are fixed."""
    from .authoring.preview import watch, watched_files
    from .errors import ArgmapError
    from .render.authoring import note
    from .render.console import error

    files = [map_path]

    def again() -> list[Path]:
        nonlocal files
        try:
            files = watched_files(
                export_once(map_path, from_format, spec, output, focus, depth, options, force, lenient)
            )
        except ArgmapError as err:
            error(err.lines())
            note("Fix it and save; argmap exports again then.")
        return files

    note(f"Watching {map_path} and its source text; Ctrl-C to stop.")
    try:
        watch(again, files)
    except KeyboardInterrupt as err:
        if isinstance(err, Terminated):
            raise
        note(f"Stopped watching {map_path}.")


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
        int | None, typer.Option("--depth", "-d", min=1, help="Only supporters at most N steps away.")
    ] = None,
    paths: PathsOption = CHAIN_LIMIT,
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
    paths: Annotated[int, typer.Option("--paths", "-p", min=1, help="At most this many chains.")] = CHAIN_LIMIT,
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


class Semantics(str, Enum):  # a test checks these are analysis.semantics.SEMANTICS
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
        str | None,
        typer.Option(
            "--explain", "-x", help="Explain why this statement or argument has its label.", show_default=False
        ),
    ] = None,
    as_json: JsonOption = False,
    budget: BudgetOption = BUDGET,
    timeout: TimeoutOption = TIMEOUT,
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
    max_size: Annotated[int, typer.Option("--max-size", min=1, help="Largest set size to look for.")] = MAX_SIZE,
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
    top: Annotated[int | None, typer.Option("--top", "-n", min=1, help="Show only the first N.")] = None,
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


# ------------------------------------------------ authoring (issue 14) ---
# init, quote, coverage, draft, preview (library: argmap.authoring).

SourceArgument = Annotated[
    Path,
    typer.Argument(
        metavar="SOURCE",
        show_default=False,
        help="The source text: plain UTF-8 text, paragraphs separated by blank lines.",
    ),
]
NewMapOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", show_default=False, help="The map file to write (atomically); '-' or none: stdout."),
]
OverwriteOption = Annotated[bool, typer.Option("--force", help="Overwrite the -o file if it exists.")]


def write_new(output: Path | None, text: str, force: bool, what: str) -> None:
    """Write a new map to ``output`` (stdout when None or '-'), never over an existing file unless ``force``."""
    from .errors import UsageError
    from .output import check_target, write_atomic
    from .render.authoring import wrote
    from .render.console import write_text

    if output is None or str(output) == "-":
        write_text(text)
        return
    check_target(output)
    if output.exists() and not force:
        raise UsageError(
            f"{output}: already exists; argmap will not overwrite a map you may have edited.",
            hint="Choose another name, or add --force to replace it.",
        )
    write_atomic(output, text)
    wrote(str(output), what)


@command()
def init(source: SourceArgument, output: NewMapOption = None, force: OverwriteOption = False) -> None:
    """Start a map of a new source text: title, source, its paragraphs numbered
    (as comments) and one example of each item, quoting the text; it validates.

    Example: argmap init article.txt -o article.yaml
    """
    from .authoring.scaffold import starter, title_of
    from .authoring.sources import file_from, read_source

    text, _ = read_source(source)
    title = title_of(text, source)
    map_name = str(output) if output is not None and str(output) != "-" else "MAP.yaml"
    data = starter(text, title=title, source_file=file_from(source, output), map_name=map_name)
    count = len(text.paragraphs)
    write_new(
        output,
        data,
        force,
        f"a starter map of '{title}' ({count} paragraph{'s' if count != 1 else ''}); overwrite its examples.",
    )


@command()
def quote(
    words: Annotated[
        list[str],
        typer.Argument(
            metavar="WORDS...", show_default=False, help="Words of the passage as you remember them; '...' skips words."
        ),
    ],
    map_path: MapOption = None,
    from_format: FromOption = None,
    source: Annotated[
        Path | None,
        typer.Option("--source", "-s", show_default=False, help="Search this text instead of the map's source."),
    ] = None,
    as_yaml: Annotated[bool, typer.Option("--yaml", help="Print quote: and paragraph: to paste into a map.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Find a passage of the source: its exact words and paragraph, to quote.

    Case, curly quotes, line breaks and small typos do not matter; '...' stands
    for the words in between. Several equally good passages are all listed.

    Example: argmap quote hot issues remain --yaml
    """
    from .authoring.coverage import quoted_by, quoted_items, quoted_spans
    from .authoring.quotes import find_passages, nearest, passage_data
    from .authoring.sources import read_source, source_of
    from .errors import InputError, UsageError
    from .render.authoring import passages
    from .render.console import write_json

    if source is not None and (map_path is not None or from_format is not None):
        raise UsageError("--source and --map both name the text to search.", hint="Give one of them.")
    loaded = open_map(map_path, from_format) if source is None else None
    text, name = read_source(source) if source is not None else source_of(loaded)
    typed = " ".join(words)
    found = find_passages(text, typed)
    if not found:
        near = nearest(text, typed)
        hint = f'Closest passage (paragraph {near[0]}): "{near[1]}". ' if near else ""
        raise InputError(
            f"{name}: no passage matches '{typed}'.", hint=hint + "Check the words, or type fewer of them."
        )
    spans = quoted_spans(text, quoted_items(loaded.graph)) if loaded is not None else {}
    quoted = [quoted_by(spans, p.paragraph, p.start, p.end) for p in found]
    if as_json:
        write_json([{**passage_data(p, name), "quoted_by": ids} for p, ids in zip(found, quoted, strict=True)])
    else:
        passages(found, typed, snippet=as_yaml, quoted=quoted)


@command("coverage")
def coverage_(map_path: MapOption = None, from_format: FromOption = None, as_json: JsonOption = False) -> None:
    """What of the source the map quotes: by paragraph, the share of words covered
    and each sentence or clause no statement, argument or attack quotes.

    Passages left out on purpose are named as such: a standfirst that repeats
    the text, a disclaimer.

    Example: argmap coverage --map my-map.yaml
    """
    from .authoring.coverage import coverage as measure
    from .authoring.coverage import quoted_items
    from .authoring.sources import source_of
    from .render.authoring import coverage_view
    from .render.console import write_json

    loaded = open_map(map_path, from_format)
    text, name = source_of(loaded)
    cov = measure(text, quoted_items(loaded.graph))
    if as_json:
        write_json({"map": loaded.name, "source": name, **cov.as_dict()})
    else:
        coverage_view(cov, name, loaded.name)


@command("draft")
def draft_(
    source: SourceArgument,
    output: NewMapOption = None,
    force: OverwriteOption = False,
    against: Annotated[
        Path | None,
        typer.Option(
            "--against",
            show_default=False,
            metavar="MAP",
            help="Score the draft against this curated map of the same "
            "text: precision and recall of proposals and arguments.",
        ),
    ] = None,
) -> None:
    """Draft a map of a source text for an analyst to correct: proposals, arguments,
    attacks and speakers proposed from the words that mark them, each quoting the
    text verbatim. The draft validates.

    Example: argmap draft article.txt -o article.yaml
    """
    from .authoring.draft import checked, draft, score, to_yaml
    from .authoring.scaffold import title_of
    from .authoring.sources import file_from, read_source
    from .render.authoring import scores
    from .stats import summary

    text, name = read_source(source)
    title = title_of(text, source)
    made = draft(text, title=title, source_file=file_from(source, output), source_title=text.title_line)
    G = checked(made, text, name)
    data = to_yaml(made, source_name=name)
    write_new(output, data, force, summary(G) + "; every quote checked against the source.")
    if against is not None:
        curated = open_map(against)
        scores(score(G, curated.graph, text), curated.name)


@command()
def preview(
    map_path: MapOption = None,
    from_format: FromOption = None,
    port: Annotated[
        int, typer.Option("--port", "-p", min=0, max=65535, help="Port on 127.0.0.1 to serve on (0: any free port).")
    ] = 8765,
) -> None:
    """Serve the map's HTML report on this computer (127.0.0.1 only) and reload it
    in the browser each time the map or its source text is saved; Ctrl-C stops.

    A map with mistakes shows them on the page until they are fixed.

    Example: argmap preview --map my-map.yaml
    """
    from .authoring.preview import HOST, Report, html_report, server
    from .errors import UsageError
    from .render.authoring import note

    if map_path is not None and str(map_path) == "-":
        raise UsageError("preview reloads a map file when it is saved; stdin cannot be.", hint="Give --map FILE.")
    if from_format is not None and map_path is None:
        raise UsageError("--from names the format of the file given with --map.", hint="Add --map PATH.")
    name = str(map_path) if map_path is not None else "the embedded map"
    report = Report(name, lambda: html_report(map_path, from_format), [map_path] if map_path else [])
    report.current()  # build once now: a map that cannot be read at all is said here too
    try:
        httpd = server(report, port)
    except OSError as err:
        raise UsageError(
            f"cannot serve on {HOST}:{port} ({err.strerror or err}).",
            hint="Another program may be using it: give --port N, or --port 0 for any free one.",
        ) from None
    url = f"http://{HOST}:{httpd.server_address[1]}/"
    note(f"Serving the report of {name} at {url} ; it reloads when the map or its source is saved. Ctrl-C to stop.")
    try:
        httpd.serve_forever(poll_interval=0.25)
    except KeyboardInterrupt as err:
        if isinstance(err, Terminated):
            raise
        note("Stopped.")
    finally:
        httpd.server_close()


# ------------------------------------------------- end of authoring ---


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
