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
        "--map", "-m",
        help="Map file (.yaml, .json); '-' reads stdin. Default: the embedded SCO map.",
        show_default=False,
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


def report_errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Run a command; turn argmap's errors into messages on stderr and an exit code.

    1 = bad input (a map that cannot be read or is invalid, an unknown id),
    2 = bad usage, 130 = interrupted. A user never sees a traceback for these.
    """

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from . import render
        from .errors import ArgmapError

        try:
            return fn(*args, **kwargs)
        except ArgmapError as err:
            render.error(err.lines())
            raise typer.Exit(err.exit_code) from None
        except KeyboardInterrupt:
            render.error(["interrupted."])
            raise typer.Exit(130) from None
        except BrokenPipeError:
            # the reader went away (`argmap show | head`): not an error of ours
            sys.stderr.close()
            raise typer.Exit(0) from None

    return wrapper


def command(*args: Any, **kwargs: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``@app.command`` with argmap's error handling around the function."""

    def register(fn: Callable[..., Any]) -> Callable[..., Any]:
        return app.command(*args, **kwargs)(report_errors(fn))

    return register


def open_map(path: Optional[Path]) -> Any:
    """Read a map for a command (warnings go to stderr)."""
    from . import render
    from .loader import read_map

    loaded = read_map(path)
    for message in loaded.warnings:
        render.warning(message)
    return loaded


def open_graph(path: Optional[Path]) -> Any:
    """Read a map and build its graph."""
    from .graph import build_graph

    return build_graph(open_map(path).map)


# ----------------------------------------------------------------- commands ---


@command()
def show(
    map_path: MapOption = None,
    focus: FocusOption = None,
    depth: DepthOption = None,
    quotes: QuotesOption = False,
    evaluate: EvaluateOption = False,
) -> None:
    """Show the map as a tree: each proposal with its reasons and the attacks on them.

    Example: argmap show --focus prop-6n-partnership --quotes
    """
    from . import render
    from .graph import require

    G = open_graph(map_path)
    if focus is not None:
        require(G, focus)
    labels = grounded_labels(G) if evaluate else None
    render.show_map(G, focus=focus, depth=depth, quotes=quotes, labels=labels)


@command("list")
def list_(
    map_path: MapOption = None,
    kind: Annotated[Optional[Kind], typer.Option("--kind", "-k", help="Only statements of this kind.")] = None,
    speaker: Annotated[Optional[str], typer.Option("--speaker", "-s", help="Only statements by this speaker.")] = None,
    tag: Annotated[Optional[str], typer.Option("--tag", "-t", help="Only statements with this tag.")] = None,
    as_json: JsonOption = False,
) -> None:
    """List statements as a table, sorted by id, optionally filtered.

    Example: argmap list --kind proposal --json
    """
    from . import render
    from .graph import statement_rows

    G = open_graph(map_path)
    rows = statement_rows(G, kind=kind.value if kind else None, speaker=speaker, tag=tag)
    if as_json:
        render.write_json(rows)
    else:
        render.statement_table(rows)


@command()
def validate(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Map files; '-' reads stdin. Default: the embedded map.",
                                                        show_default=False)] = None,
) -> None:
    """Check maps: fields, ids, references, and every quote against the source text.

    Prints every problem at once, one per line, with file, line and field.
    Exit 0 when all are valid, 1 otherwise.

    Example: argmap validate my-map.yaml other.json
    """
    from . import render
    from .errors import ArgmapError

    failed = False
    for path in paths or [None]:
        try:
            loaded = open_map(path)
        except ArgmapError as err:
            render.error(err.lines())
            failed = True
            continue
        from .graph import build_graph

        checked = "quotes checked" if loaded.source is not None else "quotes not checked"
        render.info(f"{loaded.name}: valid: {render.summary(build_graph(loaded.map))}; {checked}.")
    if failed:
        raise typer.Exit(1)


@command()
def schema() -> None:
    """Print the JSON Schema of the map format (for editor completion and checks).

    Example: argmap schema > argmap.schema.json
    """
    from . import render
    from .model import ArgumentMap

    render.write_json(ArgumentMap.model_json_schema(by_alias=True))


# ------------------------------------------- analysis: check, evaluate, ... ---
# check, evaluate, critical, rank, diff (library: lint, evaluate, support, diff;
# views at the end of render.py). `show --evaluate` uses grounded_labels().


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


def grounded_labels(G: Any) -> dict[str, str]:
    """The grounded label of every statement and argument (for `show --evaluate`)."""
    from .evaluate import evaluate as run

    return run(G).labels()


@command()
def check(map_path: MapOption = None, as_json: JsonOption = False) -> None:
    """Lint the map: what an analyst should look at that validation allows.

    Unsupported proposals and claims, isolated statements, circular support,
    unanswered attacks, arguments resting on one attacked premise, duplicate
    texts, repeated quotes. Exit 1 when any finding is an error.

    Example: argmap check --json
    """
    from . import render
    from .lint import check as lint
    from .lint import has_errors

    findings = lint(open_graph(map_path))
    if as_json:
        render.write_json([f.as_dict() for f in findings])
    else:
        render.findings(findings)
    if has_errors(findings):
        raise typer.Exit(1)


@command()
def evaluate(
    map_path: MapOption = None,
    semantics: SemanticsOption = Semantics.grounded,
    explain: Annotated[Optional[str], typer.Option("--explain", "-x", help="Explain why this statement or "
                                                   "argument has its label.", show_default=False)] = None,
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
    from . import render
    from .evaluate import evaluate as run
    from .evaluate import evaluation_data, explanations
    from .graph import require

    G = open_graph(map_path)
    if explain is not None:
        require(G, explain)
    ev = run(G, semantics.value, budget=budget, timeout=timeout or None)
    if explain is None and as_json:
        render.write_json(evaluation_data(ev, G))
    elif explain is None:
        render.evaluation(G, ev)
    elif as_json:
        render.write_json({"id": explain, "semantics": ev.semantics, "explanations": explanations(ev, G, explain)})
    else:
        render.explanation(G, ev, explain, explanations(ev, G, explain))


@command()
def critical(
    node: Annotated[str, typer.Argument(metavar="ID", help="A statement or argument id.", show_default=False)],
    map_path: MapOption = None,
    max_size: Annotated[int, typer.Option("--max-size", min=1, help="Largest set size to look for.")] = 12,
    as_json: JsonOption = False,
) -> None:
    """Find the load-bearing premises of ID: the smallest sets of premises whose loss leaves it unsupported.

    Losing any one premise of a linked argument disables that argument;
    convergent arguments must all be disabled.

    Example: argmap critical prop-6n-partnership
    """
    from . import render
    from .support import critical as find

    G = open_graph(map_path)
    result = find(G, node, max_size=max_size)
    if as_json:
        render.write_json(result.as_dict())
    else:
        render.critical(G, result, max_size)


@command()
def rank(
    map_path: MapOption = None,
    top: Annotated[Optional[int], typer.Option("--top", "-n", min=1, help="Show only the first N.")] = None,
    as_json: JsonOption = False,
) -> None:
    """Rank statements by how many proposals depend on them, with a centrality score.

    Example: argmap rank --top 10
    """
    from . import render
    from .support import rank as ranking

    rows = ranking(open_graph(map_path))[:top]
    if as_json:
        render.write_json(rows)
    else:
        render.ranking(rows)


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
    from . import render
    from .diff import diff as compare
    from .errors import ArgmapError

    try:
        if str(old) == "-" and str(new) == "-":
            from .errors import UsageError

            raise UsageError("only one of OLD and NEW can be '-' (stdin).")
        result = compare(open_graph(old), open_graph(new))
    except ArgmapError as err:
        render.error(err.lines())
        raise typer.Exit(2) from None
    if as_json:
        render.write_json(result)
    else:
        render.differences(result, str(old), str(new))
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
    """Entry point of the ``argmap`` console script."""
    app(prog_name="argmap")
