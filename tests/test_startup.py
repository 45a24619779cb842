"""Start-up stays fast: `argmap --help` loads neither networkx nor Pydantic."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
sys.argv = ["argmap"] + {args!r}
from argmap.cli import app  # main() would end the process before the probe looks
try:
    app(prog_name="argmap")
except SystemExit:
    pass
heavy = sorted(m for m in ("networkx", "pydantic", "yaml", "rich") if m in sys.modules)
print("HEAVY", heavy)
"""


def loaded_after(*args: str) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=list(args))], capture_output=True, text=True, check=True
    ).stdout
    line = next(line for line in out.splitlines() if line.startswith("HEAVY"))
    return eval(line[len("HEAVY ") :])  # noqa: S307 (our own probe's output)


def test_help_imports_neither_networkx_nor_pydantic():
    heavy = loaded_after("--help")
    assert "networkx" not in heavy and "pydantic" not in heavy and "yaml" not in heavy


def test_command_help_does_not_build_graphs():
    heavy = loaded_after("show", "--help")
    assert "networkx" not in heavy and "pydantic" not in heavy and "yaml" not in heavy


def test_commands_on_the_embedded_map_do_not_build_models():
    """The embedded map's graph comes straight from its (tested) YAML: no Pydantic."""
    heavy = loaded_after("show")
    assert "pydantic" not in heavy and "networkx" in heavy


def test_the_probe_can_see_heavy_imports():
    """The checks above would notice: a real command does load them."""
    assert {"networkx", "pydantic"} <= set(loaded_after("validate"))
