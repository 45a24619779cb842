"""Run Graphviz on DOT text: the renderer behind the svg, png and pdf formats.

The renderer is ``dot`` when Graphviz is on PATH, otherwise ``graphviz-pure``
(a dot-compatible program installed with argmap from PyPI; it makes svg and
png but not pdf). ``ARGMAP_GRAPHVIZ`` names another program, or forces one of
these. Formats a renderer does not know are passed on to the next one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

from ..errors import ArgmapError

PROGRAMS = ("dot", "graphviz-pure")
INSTALL_GRAPHVIZ = (
    "install Graphviz, which puts `dot` on PATH (Debian/Ubuntu: `sudo apt-get install graphviz`; "
    "macOS: `brew install graphviz`; Windows: `winget install graphviz`)"
)


class RenderError(ArgmapError):
    """No renderer can make the format, or the renderer failed."""


def _scripts_dirs() -> list[Path]:
    """Folders where pip puts the programs of this Python's packages."""
    dirs = [Path(sys.executable).parent]
    for scheme in (None, f"{os.name}_user"):
        try:
            path = sysconfig.get_path("scripts", scheme) if scheme else sysconfig.get_path("scripts")
        except KeyError:
            continue
        if path:
            dirs.append(Path(path))
    return dirs


def find(name: str) -> str | None:
    """The full path of program ``name``: on PATH, or beside this Python."""
    found = shutil.which(name)
    if found:
        return found
    for folder in _scripts_dirs():
        found = shutil.which(name, path=str(folder))
        if found:
            return found
    return None


def renderers(prefer: str | None = None) -> list[str]:
    """The renderer programs to try, best first (full paths)."""
    wanted = prefer or os.environ.get("ARGMAP_GRAPHVIZ")
    if wanted:
        found = find(wanted)
        if found is None:
            raise RenderError(
                f"the Graphviz program '{wanted}' was not found.",
                hint="Check ARGMAP_GRAPHVIZ, or unset it to use `dot` or `graphviz-pure`.",
            )
        return [found]
    return [p for p in (find(name) for name in PROGRAMS) if p]


def render(dot: str, fmt: str, *, prefer: str | None = None) -> bytes:
    """Lay out and draw DOT text as ``fmt`` (svg, png, pdf) with the first renderer that can.

    Raises :class:`RenderError` naming what to install when none can.
    """
    programs = renderers(prefer)
    if not programs:
        raise RenderError(
            f"no Graphviz renderer found to make {fmt}.",
            hint="Reinstall argmap (it brings `graphviz-pure`): `pip install graphviz-pure`; or "
            + INSTALL_GRAPHVIZ
            + ".",
        )
    refused = []
    args = [f"-T{fmt}"] + (["-Gdpi=144"] if fmt == "png" else [])
    for program in programs:
        try:
            done = subprocess.run([program, *args], input=dot.encode("utf-8"), capture_output=True, check=False)
        except OSError as err:
            raise RenderError(
                f"could not run {program}: {err.strerror or err}.",
                hint="Check the installation, or set ARGMAP_GRAPHVIZ to another renderer.",
            ) from None
        if done.returncode == 0 and done.stdout:
            return done.stdout
        message = done.stderr.decode("utf-8", "replace").strip()
        if "not recognized" in message or "Format:" in message:
            refused.append(Path(program).name)
            continue
        raise RenderError(
            f"{Path(program).name} could not draw the diagram: {message or 'no output'}.",
            hint="This is a bug in argmap's DOT output; please report it with the map.",
        )
    raise RenderError(
        f"{' and '.join(refused)} cannot make {fmt}.",
        hint=f"To export {fmt}, " + INSTALL_GRAPHVIZ + "; or export svg or png instead.",
    )
