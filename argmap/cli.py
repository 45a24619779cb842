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
        help="Map file (.yaml, .json, .argdown, .aif, Kialo .txt); '-' reads stdin. "
        "Default: the embedded SCO map.",
        show_default=False,
    ),
]
FromOption = Annotated[
    Optional[str],
    typer.Option(
        "--from",
        help="Read the map as this format (yaml, json, argdown, aif, kialo) instead of "
        "guessing it from the file name and content.",
        show_default=False,
        metavar="FORMAT",
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


def open_map(path: Optional[Path], fmt: Optional[str] = None) -> Any:
    """Read a map for a command (warnings go to stderr); ``fmt`` overrides detection."""
    from . import render
    from .errors import UsageError
    from .loader import read_map

    if fmt is not None and path is None:
        raise UsageError("--from names the format of the file given with --map.", hint="Add --map PATH.")
    loaded = read_map(path, fmt=fmt)
    for message in loaded.warnings:
        render.warning(message)
    return loaded


def open_graph(path: Optional[Path], fmt: Optional[str] = None) -> Any:
    """Read a map and build its graph."""
    from .graph import build_graph

    return build_graph(open_map(path, fmt).map)


# ----------------------------------------------------------------- commands ---


@command()
def show(
    map_path: MapOption = None,
    from_format: FromOption = None,
    focus: FocusOption = None,
    depth: DepthOption = None,
    quotes: QuotesOption = False,
) -> None:
    """Show the map as a tree: each proposal with its reasons and the attacks on them.

    Example: argmap show --focus prop-6n-partnership --quotes
    """
    from . import render
    from .graph import require

    G = open_graph(map_path, from_format)
    if focus is not None:
        require(G, focus)
    render.show_map(G, focus=focus, depth=depth, quotes=quotes)


@command("list")
def list_(
    map_path: MapOption = None,
    from_format: FromOption = None,
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

    G = open_graph(map_path, from_format)
    rows = statement_rows(G, kind=kind.value if kind else None, speaker=speaker, tag=tag)
    if as_json:
        render.write_json(rows)
    else:
        render.statement_table(rows)


@command()
def validate(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Map files; '-' reads stdin. Default: the embedded map.",
                                                        show_default=False)] = None,
    from_format: FromOption = None,
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
            loaded = open_map(path, from_format)
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
