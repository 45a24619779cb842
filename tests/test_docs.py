"""The README stays true: two set-up commands, CI runs the second, every command documented."""

from __future__ import annotations

import re

from argmap.cli import app

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def setup_commands() -> list[str]:
    section = README.split("## Set-up", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)\n```", section, flags=re.S)


def test_readme_has_exactly_two_single_line_setup_commands():
    commands = setup_commands()
    assert len(commands) == 2
    assert all("\n" not in c for c in commands)
    assert commands[0].endswith("argmap show")
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert setup_commands()[1] in ci


def test_every_command_is_documented():
    names = [c.name or c.callback.__name__ for c in app.registered_commands]
    for name in names:
        assert f"### {name}" in README, name


def test_readme_python_examples_run_and_print_what_they_say():
    import doctest

    blocks = re.findall(r"```python\n(.*?)```", README, flags=re.S)
    examples = [b for b in blocks if ">>>" in b]
    assert examples
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    for i, block in enumerate(examples):
        test = parser.get_doctest(block, {}, f"README python block {i}", "README.md", 0)
        runner.run(test)
    assert runner.failures == 0, f"{runner.failures} README example(s) print something else"


def test_ci_runs_the_slow_tests_the_readme_command_leaves_out():
    """The README's command skips the tests marked slow; CI must still run them."""
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")  # (tomllib is Python 3.11+)
    assert re.search(r"^addopts = .*-m 'not slow'", pyproject, flags=re.M)
    assert re.search(r'^markers = \["slow: ', pyproject, flags=re.M)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    readme_at = ci.index(setup_commands()[1])
    assert ".venv/bin/python -m pytest -m slow" in ci[readme_at + 1 :]


def test_ci_runs_the_lint_and_type_gates():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    for gate in (".venv/bin/ruff check .", ".venv/bin/ruff format --check .", ".venv/bin/mypy"):
        assert gate in ci, gate
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'"ruff==[\d.]+"', pyproject) and re.search(r'"mypy==[\d.]+"', pyproject)  # pinned
    assert "[tool.ruff.lint]" in pyproject and "[tool.mypy]" in pyproject
