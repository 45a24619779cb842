"""The Argdown conformance suite: argmap reads every file as the reference CLI does.

tests/conformance/argdown/ holds files from the reference implementation's own
tests and examples with its reading (X.expected.json) or its refusal
(X.expected-error.txt); see the README there.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.errors import MapInvalid
from argmap.formats import argdown

SUITE = Path(__file__).parent.parent / "conformance" / "argdown"
FILES = sorted(SUITE.glob("*.argdown"))
READ = [f for f in FILES if f.with_suffix(".expected.json").exists()]
REFUSED = [f for f in FILES if f.with_suffix(".expected-error.txt").exists()]


def test_the_suite_is_complete():
    assert len(FILES) == 35
    assert len(READ) + len(REFUSED) == len(FILES)


@pytest.mark.parametrize("path", READ, ids=lambda p: p.stem)
def test_statements_arguments_and_relations_match_the_reference(path: Path):
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    view = argdown.parse(path.read_text(encoding="utf-8"), name=path.name).view()
    assert view["statements"] == expected["statements"]
    assert view["arguments"] == expected["arguments"]
    key = lambda r: json.dumps(r, sort_keys=True)  # noqa: E731
    assert sorted(view["relations"], key=key) == sorted(expected["relations"], key=key)


@pytest.mark.parametrize("path", READ, ids=lambda p: p.stem)
def test_every_readable_file_becomes_a_valid_map(path: Path):
    amap = argdown.loads(path.read_text(encoding="utf-8"), name=path.name)
    view = argdown.parse(path.read_text(encoding="utf-8"), name=path.name).view()
    sketched = [t for t, a in view["arguments"].items() if not a["pcs"]]
    # every equivalence class, and every sketched argument, is a statement
    assert len(amap.statements) == len(view["statements"]) + len(sketched)


@pytest.mark.parametrize("path", REFUSED, ids=lambda p: p.stem)
def test_refused_files_get_a_located_error(path: Path):
    with pytest.raises(MapInvalid) as caught:
        argdown.parse(path.read_text(encoding="utf-8"), name=path.name)
    problems = caught.value.problems
    assert problems
    for p in problems:
        assert p.line is not None and p.column is not None
        assert p.message and p.hint
    assert all(line.startswith(f"{path.name}:") for line in caught.value.lines())


def test_refusals_point_where_the_reference_does():
    # the reference CLI rejects these at the same line and column
    where = {
        "ArgVu__demo": (10, 8),
        "argdown-core__test__lexer-statements-by-number": (1, 4),
        "argdown-core__test__lexer-definitions-references": (2, 1),
    }
    for stem, (line, column) in where.items():
        text = (SUITE / f"{stem}.argdown").read_text(encoding="utf-8")
        with pytest.raises(MapInvalid) as caught:
            argdown.parse(text, name=stem)
        assert (caught.value.problems[0].line, caught.value.problems[0].column) == (line, column), stem
