"""The foundation commands, as a user meets them: stdout, stderr and exit codes."""

from __future__ import annotations

import json
import re

from argmap.loader import load


def proposals() -> list[str]:
    return [s.id for s in load().statements if s.kind == "proposal"]


def test_show_lists_every_proposal_and_every_statement(run):
    result = run("show")
    assert result.exit_code == 0, result.output
    for p in proposals():
        assert f"PROPOSAL {p}:" in result.stdout
    for s in load().statements:
        assert s.id in result.stdout, s.id
    assert result.stderr == ""


def test_show_fits_80_columns_and_has_no_colour_codes_when_piped(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    result = run("show", "--quotes")
    assert result.exit_code == 0
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    assert "\x1b[" not in result.stdout


def test_show_marks_attacks_by_symbol_and_word(run, tiny):
    result = run("show", "-m", tiny)
    assert result.exit_code == 0, result.output
    assert "✗ undercut by ○ PREMISE wind: It is windy; umbrellas break in wind." in result.stdout
    # the undercut sits under the argument it attacks, which sits under the proposal
    lines = result.stdout.splitlines()
    order = [
        next(i for i, line in enumerate(lines) if key in line)
        for key in ("PROPOSAL take-umbrella", "reason arg-umbrella", "CLAIM wet", "undercut by")
    ]
    assert order == sorted(order)


def test_show_focus_depth_and_quotes(run):
    result = run("show", "--focus", "prop-6n-partnership", "--depth", "1", "--quotes")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.splitlines()[0].startswith("◆ PROPOSAL prop-6n-partnership")
    assert "“to construct 6+N SCO anti-terrorism partnership mechanism” ¶7" in out
    assert "sixn-framework-issues" in out
    # depth 1: the supporters of the supporters are not expanded
    assert "prop-improve-performance" not in out


def test_show_keeps_statements_no_proposal_reaches(run, write):
    path = write(
        "m.yaml",
        """\
        title: T
        statements:
          - {id: p, kind: proposal, text: Do it.}
          - {id: lone, kind: claim, text: An aside.}
        """,
    )
    result = run("show", "-m", path)
    assert "Not under any proposal" in result.stdout
    assert "CLAIM lone: An aside." in result.stdout


def test_show_survives_support_cycles(run, write):
    path = write(
        "cycle.yaml",
        """\
        title: Cycle
        statements:
          - {id: a, kind: proposal, text: A.}
          - {id: b, kind: claim, text: B.}
          - {id: c, kind: claim, text: C.}
        arguments:
          - {id: ab, premises: [b], conclusion: a}
          - {id: bc, premises: [c], conclusion: b}
          - {id: cb, premises: [a], conclusion: c}
        """,
    )
    result = run("show", "-m", path)
    assert result.exit_code == 0, result.output
    assert "↑ a (shown above)" in result.stdout


def test_unknown_focus_is_an_error_with_suggestions(run):
    result = run("show", "--focus", "6n-partnership")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "Error: no statement or argument has the id '6n-partnership'." in result.stderr
    assert "'prop-6n-partnership'" in result.stderr


def test_list_json_is_sorted_and_complete(run):
    result = run("list", "--json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["id"] for r in rows] == sorted(s.id for s in load().statements)
    for key in ("id", "kind", "text", "quote", "paragraph", "speaker", "tags"):
        assert all(key in r for r in rows), key


def test_list_filters(run):
    rows = json.loads(run("list", "--kind", "proposal", "--speaker", "chinese-scholar", "--json").stdout)
    assert {r["id"] for r in rows} == {
        "prop-regular-military-mechanism",
        "prop-6n-partnership",
        "prop-prosecution-not-extradition",
    }
    rows = json.loads(run("list", "--tag", "founding", "--json").stdout)
    assert rows and all("founding" in r["tags"] for r in rows)


def test_list_is_readable_at_80_columns_and_a_table_when_wide(run, tiny, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    result = run("list", "-m", tiny)
    assert result.exit_code == 0
    assert "◆ take-umbrella  proposal\n    Take an umbrella.\n" in result.stdout
    assert result.stdout.rstrip().endswith("4 statements")
    monkeypatch.setenv("COLUMNS", "140")
    result = run("list", "-m", tiny)
    assert re.search(r"take-umbrella\s+proposal\s+Take an umbrella\.", result.stdout)


def test_bad_usage_exits_2(run):
    result = run("list", "--kind", "opinion")
    assert result.exit_code == 2
    assert "opinion" in result.stderr


def test_validate_valid_and_invalid_maps(run, tiny, write):
    result = run("validate", tiny)
    assert result.exit_code == 0, result.output
    assert "valid: 4 statements (1 proposal, 1 claim, 2 premises), 2 arguments, 1 attack" in result.stdout
    bad = write(
        "bad.yaml",
        "title: T\nstatements:\n  - {id: a, kind: claim, text: A}\n"
        "arguments:\n  - {id: x, premises: [b], conclusion: a}\n",
    )
    result = run("validate", tiny, bad)
    assert result.exit_code == 1
    assert f"Error: {bad}:5:" in result.stderr
    assert "premise 'b' is not the id of any statement" in result.stderr
    assert "Traceback" not in result.stderr


def test_validate_embedded_map_checks_quotes(run):
    result = run("validate")
    assert result.exit_code == 0, result.output
    assert "quotes checked" in result.stdout


def test_map_from_stdin(run):
    from .conftest import TINY

    result = run("list", "-m", "-", "--json", input=TINY)
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == 4
    result = run("validate", "-", input="title: [\n")
    assert result.exit_code == 1
    assert "Error: <stdin>:" in result.stderr


def test_missing_map_file(run, tmp_path):
    result = run("show", "-m", tmp_path / "none.yaml")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {tmp_path / 'none.yaml'}: no such file.")


def test_schema_is_json_schema_with_the_contract_fields(run):
    schema = json.loads(run("schema").stdout)
    assert set(schema["required"]) == {"title", "statements"}
    assert {"from", "to", "type", "id"} <= set(schema["$defs"]["Attack"]["properties"])
    assert schema["$defs"]["Statement"]["properties"]["kind"]["enum"] == ["proposal", "claim", "premise"]


def test_version(run):
    assert run("--version").stdout.startswith("argmap ")


def test_show_depth_does_not_list_cut_statements_again(run):
    result = run("show", "--depth", "1")
    assert result.exit_code == 0, result.output
    # sco-ten-years sits four levels under a proposal: cut by --depth 1, not a leftover
    rest = result.stdout.split("Not under any proposal", 1)[1]
    assert "sco-ten-years" not in result.stdout
    assert "summit-agenda" in rest  # under no proposal at all: still shown


def test_the_choices_are_the_librarys():
    """Typer needs Enums for choices; they must name exactly what the library knows."""
    from argmap.analysis.semantics import SEMANTICS
    from argmap.cli import Kind, Semantics
    from argmap.terms import KINDS

    assert tuple(k.value for k in Kind) == KINDS
    assert tuple(s.value for s in Semantics) == SEMANTICS


def test_the_help_lists_every_format_from_the_format_table(run):
    """A format added to the table shows in --map, --from and --format without touching the CLI."""
    from argmap.formats import FORMATS

    export_help = " ".join(run("export", "--help").stdout.split())
    for name, f in FORMATS.items():
        if f.read:
            assert name in export_help.split("--from", 1)[1].split("--format", 1)[0], name
            assert f.suffixes[0] in export_help, f.suffixes[0]
        if f.write:
            assert name in export_help.split("--format", 1)[1], name
