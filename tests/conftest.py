"""Shared fixtures: small hand-made maps, a CLI runner that keeps stderr apart."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.cli import app


@pytest.fixture(autouse=True)
def _no_graph_cache(monkeypatch):
    """The tests never read nor write the user's cache of graphs (tests/test_cache.py sets its own)."""
    monkeypatch.setenv("ARGMAP_CACHE", "off")


ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"

TINY = """\
title: Umbrellas
statements:
  - id: rain
    kind: premise
    text: It is raining.
  - id: wet
    kind: claim
    text: Walking out unprotected gets you wet.
  - id: take-umbrella
    kind: proposal
    text: Take an umbrella.
  - id: wind
    kind: premise
    text: It is windy; umbrellas break in wind.
arguments:
  - id: arg-wet
    premises: [rain]
    conclusion: wet
  - id: arg-umbrella
    premises: [wet]
    conclusion: take-umbrella
attacks:
  - id: att-wind
    from: wind
    to: arg-umbrella
    type: undercut
"""


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    """A four-statement map with one undercut, written to a temporary file."""
    path = tmp_path / "tiny.yaml"
    path.write_text(TINY, encoding="utf-8")
    return path


@pytest.fixture
def write(tmp_path: Path):
    """Write text (dedented) to a file in the temporary folder and return its path."""

    def _write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return _write


@pytest.fixture
def run():
    """Invoke the CLI; returns the result with ``.stdout``, ``.stderr``, ``.exit_code``."""
    runner = CliRunner()

    def _run(*args: str, input: str | None = None):
        return runner.invoke(app, [str(a) for a in args], input=input)

    return _run
