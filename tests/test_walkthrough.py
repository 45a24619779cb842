"""The README's "Map a new text" walk-through runs, and prints what it says it prints.

Each ``$ argmap ...`` line of the section's console blocks runs in order, in one
folder holding ``article.txt`` (examples/school-meals/school-meals.txt), at 80
columns; what it prints (stdout, then stderr) must be the lines under it, where
``...`` in a line stands for any text (doctest's ELLIPSIS).
"""

from __future__ import annotations

import doctest
import re
import shlex
import shutil

from typer.testing import CliRunner

from argmap.cli import app

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
ARTICLE = ROOT / "examples" / "school-meals" / "school-meals.txt"


def walkthrough() -> list[tuple[str, str]]:
    """The section's commands and the output under each."""
    section = README.split("\n## Map a new text\n", 1)[1].split("\n## ", 1)[0]
    steps: list[tuple[str, str]] = []
    for block in re.findall(r"```console\n(.*?)```", section, flags=re.DOTALL):
        for line in block.splitlines():
            if line.startswith("$ "):
                steps.append((line[2:], ""))
            else:
                command, out = steps[-1]
                steps[-1] = (command, out + line + "\n")
    return steps


def test_the_walkthrough_covers_each_authoring_step():
    commands = [shlex.split(c)[1] for c, _ in walkthrough()]
    for name in ("init", "quote", "draft", "coverage", "validate", "export"):
        assert name in commands, name


def test_the_walkthrough_runs_and_prints_what_the_readme_shows(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "80")
    shutil.copy(ARTICLE, tmp_path / "article.txt")
    checker = doctest.OutputChecker()
    runner = CliRunner()
    for command, expected in walkthrough():
        args = shlex.split(command)
        assert args[0] == "argmap"
        result = runner.invoke(app, args[1:])
        assert result.exit_code == 0, (command, result.output)
        got = result.stdout + result.stderr
        assert checker.check_output(expected, got, doctest.ELLIPSIS), (
            f"$ {command}\n--- README says\n{expected}--- argmap prints\n{got}"
        )
    assert (tmp_path / "draft.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_the_authoring_command_examples_print_what_the_readme_shows(tmp_path, monkeypatch):
    """The console examples of the init, quote and coverage sections (preview serves until stopped:
    tests/test_authoring_preview.py runs it)."""
    section = README[README.index("\n### init\n") : README.index("\n### draft\n")]
    examples = re.findall(r"```console\n(.*?)```", section, flags=re.DOTALL)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "80")
    shutil.copy(ARTICLE, tmp_path / "article.txt")
    checker = doctest.OutputChecker()
    runner = CliRunner()
    ran = 0
    for block in examples:
        steps = re.split(r"^\$ ", block, flags=re.MULTILINE)[1:]
        for step in steps:
            command, _, expected = step.partition("\n")
            result = runner.invoke(app, shlex.split(command)[1:])
            assert result.exit_code == 0, (command, result.output)
            got = result.stdout + result.stderr
            assert checker.check_output(expected, got, doctest.ELLIPSIS), f"$ {command}\n{expected}---\n{got}"
            ran += 1
    assert ran >= 4
