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


MEANS = """\
    title: Fitter
    statements:
      - {id: fitter, kind: proposal, text: Get fitter.}
      - {id: health, kind: premise, text: Fitness keeps you healthy.}
      - {id: bike, kind: proposal, text: Cycle to work.}
      - {id: near, kind: premise, text: Work is 5 km away.}
      - {id: helmet, kind: proposal, text: Buy a helmet.}
      - {id: falls, kind: premise, text: Cyclists fall.}
      - {id: rain, kind: premise, text: It often rains.}
    arguments:
      - {id: a-health, premises: [health], conclusion: fitter}
      - {id: a-bike, premises: [fitter, near], conclusion: bike, scheme: practical-reasoning}
      - {id: a-helmet, premises: [bike], conclusion: helmet}
      - {id: a-falls, premises: [falls], conclusion: helmet}
    attacks:
      - {id: t-rain, from: rain, to: a-bike, type: undercut}
    """


def test_show_reads_from_goal_to_means(run, write, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    result = run("show", "-m", write("means.yaml", MEANS))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    # one root: the goal; each means under what it serves, never beside it
    assert [line for line in lines if line.startswith("◆")] == ["◆ PROPOSAL fitter: Get fitter."]
    assert lines[2:13] == [
        "◆ PROPOSAL fitter: Get fitter.",
        "├── + reason a-health",
        "│   └── ○ PREMISE health: Fitness keeps you healthy.",
        "└── → means a-bike (practical-reasoning): with 1 more premise",
        "    ├── with ○ PREMISE near: Work is 5 km away.",
        "    ├── ◆ PROPOSAL bike: Cycle to work.",
        "    │   └── → means a-helmet",
        "    │       └── ◆ PROPOSAL helmet: Buy a helmet.",
        "    │           └── + reason a-falls",
        "    │               └── ○ PREMISE falls: Cyclists fall.",
        "    └── ✗ undercut by ○ PREMISE rain: It often rains.",
    ]
    assert "shown above" not in result.stdout and "Not under any proposal" not in result.stdout


def test_show_reads_the_embedded_map_as_two_trees(run, monkeypatch):
    """The article's thesis and the spokesman's call; every other proposal hangs under the
    goal it serves (the first edition showed 15 proposals side by side)."""
    monkeypatch.setenv("COLUMNS", "80")
    out = run("show").stdout
    roots = [line.split(":")[0] for line in out.splitlines() if line.startswith("◆")]
    assert roots == ["◆ PROPOSAL prop-deepen-ct", "◆ PROPOSAL prop-intl-reinforce-cooperation"]
    tops = [
        line.split(":")[0]
        for line in out.split("Not under any proposal", 1)[1].splitlines()
        if line.startswith(("●", "○"))
    ]
    assert tops == [
        "● CLAIM sco-core-task",
        "● CLAIM sco-ct-expanding",
        "○ PREMISE ct-most-active-efficient",
        "● CLAIM china-pushes",
        "● CLAIM sco-highly-alert",
    ]
    assert out.count("→ means ") == 10 and out.count("(shown above)") == 2


def test_show_focus_on_a_means_names_the_goal_it_serves(run, write):
    path = write("means.yaml", MEANS)
    result = run("show", "-m", path, "--focus", "helmet")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "◆ PROPOSAL helmet: Buy a helmet.",
        "├── ↗ a means to ◆ PROPOSAL bike: Cycle to work. (through a-helmet)",
        "└── + reason a-falls",
        "    └── ○ PREMISE falls: Cyclists fall.",
    ]
    # --depth counts means like reasons: one level under the goal, then cut
    cut = run("show", "-m", path, "--depth", "1").stdout
    assert "◆ PROPOSAL bike: Cycle to work." in cut and "helmet" not in cut.split("Not under", 1)[0]
    # show --evaluate marks the means step and what hangs under it
    marked = run("show", "-m", path, "--evaluate").stdout
    assert "└── [OUT] → means a-bike (practical-reasoning): with 1 more premise" in marked
    assert "[OUT] ◆ PROPOSAL bike: Cycle to work." in marked and "[IN] ◆ PROPOSAL helmet" in marked


def test_show_keeps_proposals_that_only_serve_each_other(run, write):
    path = write(
        "circle.yaml",
        """\
        title: Circle
        statements:
          - {id: a, kind: proposal, text: Do A.}
          - {id: b, kind: proposal, text: Do B.}
        arguments:
          - {id: ab, premises: [a], conclusion: b}
          - {id: ba, premises: [b], conclusion: a}
        """,
    )
    result = run("show", "-m", path)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[2:8] == [
        "◆ PROPOSAL a: Do A.",
        "├── ↗ a means to ◆ PROPOSAL b: Do B. (through ba)",
        "└── → means ab",
        "    └── ◆ PROPOSAL b: Do B.",
        "        └── → means ba",
        "            └── ↑ a (shown above)",
    ]


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
    # ct-builds-trust sits three levels under the thesis: cut by --depth 1, not a leftover
    rest = result.stdout.split("Not under any proposal", 1)[1]
    assert "coop-beneficial" in result.stdout and "ct-builds-trust" not in result.stdout
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
