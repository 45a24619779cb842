"""The analysis commands as a user meets them: check, evaluate, show --evaluate,
critical, rank, diff — stdout, stderr and exit codes, on the embedded map and on
small maps made for the purpose."""

from __future__ import annotations

import json
import re

import pytest

from argmap import build_graph, load
from argmap.analysis.semantics import evaluate

CYCLE = """\
title: Cycles
statements:
  - {id: a, kind: claim, text: A.}
  - {id: b, kind: claim, text: B.}
  - {id: c, kind: claim, text: C.}
attacks:
  - {id: t1, from: a, to: b, type: rebut}
  - {id: t2, from: b, to: c, type: rebut}
  - {id: t3, from: c, to: a, type: rebut}
"""

CIRCULAR = """\
title: Circular
statements:
  - {id: a, kind: claim, text: A.}
  - {id: b, kind: claim, text: B.}
arguments:
  - {id: x, premises: [a], conclusion: b}
  - {id: y, premises: [b], conclusion: a}
"""


def proposals():
    return [s.id for s in load().statements if s.kind == "proposal"]


@pytest.fixture
def narrow(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")


def fits(text: str) -> bool:
    return max(len(line) for line in text.splitlines()) <= 80 and "\x1b[" not in text


# ------------------------------------------------------------------ check ---


def test_check_embedded_map(run, narrow):
    result = run("check")
    assert result.exit_code == 0, result.output
    assert "! warning isolated: 'ct-most-active-efficient' supports, attacks and is attacked\n" in result.stdout
    assert "unsupported" not in result.stdout  # every claim of the map is argued for
    assert result.stdout.rstrip().endswith("0 errors, 2 warnings, 1 note")
    assert fits(result.stdout) and result.stderr == ""


def test_check_json_and_exit_1_on_errors(run, write):
    result = run("check", "-m", write("c.yaml", CIRCULAR), "--json")
    assert result.exit_code == 1
    findings = json.loads(result.stdout)
    assert findings[0] == {
        "severity": "error",
        "code": "circular-support",
        "ids": ["a", "b", "x", "y"],
        "message": "'a' supports itself: a -> x -> b -> y -> a; nothing outside the circle establishes it.",
    }
    assert [f["severity"] for f in findings] == sorted(
        (f["severity"] for f in findings), key=["error", "warning", "info"].index
    )


# --------------------------------------------------------------- evaluate ---


def test_evaluate_embedded_map_labels_every_statement_and_argument(run, narrow):
    result = run("evaluate")
    assert result.exit_code == 0, result.output
    out = result.stdout
    # every proposal stands; the one OUT is the spokesman's conceded point, answered
    assert "Proposals: 12 in, 0 out, 0 undecided" in out
    assert "[IN]    prop-deepen-ct: Anti-terrorism cooperation" in out
    assert "[IN]    prop-6n-partnership: Construct a 6+N" in out
    assert "Premises: 25 in, 1 out, 0 undecided" in out
    assert "[OUT]   bin-laden-progress: The killing of bin Laden" in out
    G = build_graph(load())
    for n in G:
        assert f" {n}" in out, n
    assert fits(out)


def test_evaluate_json_agrees_with_the_library_and_is_stable(run):
    result = run("evaluate", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    labels = evaluate(build_graph(load())).labels()
    assert {p: data["statements"][p]["label"] for p in proposals()} == {p: labels[p] for p in proposals()}
    assert data["count"] == 1 and data["semantics"] == "grounded"
    assert run("evaluate", "--json").stdout == result.stdout


@pytest.mark.parametrize("semantics", ["preferred", "stable"])
def test_other_semantics_agree_on_the_embedded_map(run, semantics):
    # no attack cycles in the article's map: every semantics gives the grounded labelling
    data = json.loads(run("evaluate", "--semantics", semantics, "--json").stdout)
    grounded = json.loads(run("evaluate", "--json").stdout)
    assert data["statements"] == grounded["statements"] and data["count"] == 1


def test_explain_names_the_defeater(run, narrow):
    result = run("evaluate", "--explain", "bin-laden-progress")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Why bin-laden-progress is OUT (grounded):"
    assert "└── ✗ undermined by [IN] ○ PREMISE terror-still-frequent:" in result.stdout
    assert "given: no argument concludes it, and nothing attacks it" in result.stdout
    assert fits(result.stdout)
    # the call the concession was raised against is reinstated by the answer
    reinstated = run("evaluate", "--explain", "prop-intl-reinforce-cooperation").stdout
    assert reinstated.splitlines()[0] == "Why prop-intl-reinforce-cooperation is IN (grounded):"
    assert "└── ✗ rebutted by [OUT] ○ PREMISE bin-laden-progress:" in reinstated


def test_explain_json_and_unknown_id(run):
    data = json.loads(run("evaluate", "-x", "prop-6n-partnership", "--json").stdout)
    [tree] = data["explanations"]
    assert (tree["id"], tree["label"], tree["because"][0]["relation"]) == ("prop-6n-partnership", "in", "reason")
    result = run("evaluate", "--explain", "deepen-ct")
    assert result.exit_code == 1 and result.stdout == ""
    assert "no statement or argument has the id 'deepen-ct'" in result.stderr and "prop-deepen-ct" in result.stderr


def test_odd_cycle_stable_has_no_labelling_and_preferred_is_undecided(run, write):
    path = write("cycle.yaml", CYCLE)
    result = run("evaluate", "-m", path, "--semantics", "stable")
    assert result.exit_code == 0, result.output
    assert "There is no stable labelling" in result.stdout
    assert json.loads(run("evaluate", "-m", path, "--semantics", "stable", "--json").stdout)["count"] == 0
    result = run("evaluate", "-m", path, "--semantics", "preferred", "-x", "a")
    assert "Why a is UNDEC (preferred):" in result.stdout and "↑" not in result.stdout
    assert "shown above" in result.stdout


def test_a_search_beyond_the_budget_is_a_message_not_a_hang(run, write):
    claims = "".join(f"  - {{id: s{i}, kind: claim, text: S{i}.}}\n" for i in range(21))
    attacks = "".join(
        f"  - {{id: t{i}, from: s{i}, to: s{i + 1}, type: rebut}}\n"
        f"  - {{id: u{i}, from: s{i + 1}, to: s{i}, type: rebut}}\n"
        f"  - {{id: v{i}, from: s{i}, to: s20, type: rebut}}\n"
        for i in range(0, 20, 2)
    )
    path = write("many.yaml", f"title: Many\nstatements:\n{claims}attacks:\n{attacks}")
    result = run("evaluate", "-m", path, "--semantics", "preferred", "--budget", "50")
    assert result.exit_code == 1
    assert "Error: the exact search for preferred labellings needs more than 50 search steps" in result.stderr
    assert "Traceback" not in result.stderr
    assert run("evaluate", "-m", path, "--semantics", "preferred").exit_code == 0


def test_show_evaluate_marks_every_node(run, narrow):
    result = run("show", "--evaluate", "--focus", "prop-intl-reinforce-cooperation")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("[IN] ◆ PROPOSAL prop-intl-reinforce-cooperation")
    assert "├── [IN] + reason arg-frequent-reinforce" in result.stdout
    assert "✗ rebutted by [OUT] ○ PREMISE bin-laden-progress" in result.stdout
    assert "✗ undermined by [IN] ↑ terror-still-frequent (shown above)" in result.stdout
    assert "└── [IN] → means arg-call-china-ready (practical-reasoning)" in result.stdout
    nodes = [
        line
        for line in lines
        if any(w in line for w in ("◆ PROPOSAL", "● CLAIM", "○ PREMISE", "+ reason", "→ means", "↑ "))
    ]
    assert len(nodes) == 11 and all("[IN]" in s or "[OUT]" in s for s in nodes)
    assert fits(result.stdout)
    plain = run("show", "--focus", "prop-intl-reinforce-cooperation").stdout
    assert "[IN]" not in plain


# --------------------------------------------------------- critical, rank ---


def test_critical_embedded(run, narrow):
    result = run("critical", "prop-china-ready")
    assert result.exit_code == 0, result.output
    out = result.stdout
    # three independent reasons: only losing all three leaves the commitment unsupported
    assert "It rests on 3 grounds (statements no argument concludes)." in out
    assert "Losing 3 grounds together leaves it with no support; 1 smallest set:" in out
    assert "1. terror-still-frequent, security-major-element, stable-environment" in out
    assert "(in every set)" in out and fits(out)
    # the linked argument: the investigation hinges on the members' differences alone
    single = run("critical", "prop-investigate-practices").stdout
    assert "It rests on 9 grounds" in single
    assert "Load-bearing: losing this one ground leaves it with no support:\n○ members-differ:" in single


def test_critical_json_and_errors(run, write):
    data = json.loads(run("critical", "prop-deepen-ct", "--json").stdout)
    assert data["size"] == 8 and len(data["cuts"]) == 1 and data["complete"]
    assert data["load_bearing"] == []
    result = run("critical", "nope")
    assert result.exit_code == 1 and "no statement or argument has the id 'nope'" in result.stderr
    circular = run("critical", "a", "-m", write("c.yaml", CIRCULAR))
    assert circular.exit_code == 0 and "go round in a circle" in circular.stdout


def test_rank(run, narrow):
    result = run("rank", "--top", "3")
    assert result.exit_code == 0, result.output
    rows = [line for line in result.stdout.splitlines() if re.match(r"\s*\d+\s+\d+\s+[\d.]+ ", line)]
    # the thesis's three direct reasons carry the ten proposals that rest on it
    assert len(rows) == 3 and "coop-beneficial" in rows[0] and "ct-deepening-meaningful" in rows[2]
    assert fits(result.stdout)
    data = json.loads(run("rank", "--json").stdout)
    assert len(data) == len(load().statements)
    assert data[0] == {
        "rank": 1,
        "id": "coop-beneficial",
        "kind": "claim",
        "proposals": 10,
        "centrality": 1.791667,
        "text": "Cooperating with other SCO members against terrorism helps "
        "solve military and security issues and removes obstacles "
        "in the economic and social spheres.",
    }


# ------------------------------------------------------------------- diff ---


def test_diff_identical_different_and_errors(run, write, tiny):
    same = write(
        "same.json",
        json.dumps(
            {
                "title": "Umbrellas",
                "statements": [
                    {"id": s, "kind": k, "text": t}
                    for s, k, t in (
                        ("wind", "premise", "It is windy; umbrellas break in wind."),
                        ("rain", "premise", "It is raining."),
                        ("wet", "claim", "Walking out unprotected gets you wet."),
                        ("take-umbrella", "proposal", "Take an umbrella."),
                    )
                ],
                "arguments": [
                    {"id": "arg-umbrella", "premises": ["wet"], "conclusion": "take-umbrella"},
                    {"id": "arg-wet", "premises": ["rain"], "conclusion": "wet"},
                ],
                "attacks": [{"id": "att-wind", "from": "wind", "to": "arg-umbrella", "type": "undercut"}],
            }
        ),
    )
    result = run("diff", tiny, same)
    assert (result.exit_code, result.stdout) == (0, "No differences.\n")
    changed = write(
        "changed.yaml",
        tiny.read_text().replace(
            "type: undercut", "type: undercut\n  - {id: att-x, from: rain, to: wind, type: undermine}"
        ),
    )
    result = run("diff", tiny, changed)
    assert result.exit_code == 1, result.output
    assert "attacks: 1 added, 0 removed, 0 changed" in result.stdout
    assert "take-umbrella: [OUT] → [IN]" in result.stdout
    data = json.loads(run("diff", tiny, changed, "--json").stdout)
    assert data["labels"] == [{"id": "take-umbrella", "old": "out", "new": "in"}] and not data["identical"]
    missing = run("diff", tiny, tiny.parent / "none.yaml")
    assert missing.exit_code == 2 and "no such file" in missing.stderr and missing.stdout == ""
    invalid = run("diff", write("bad.yaml", "title: [\n"), tiny)
    assert invalid.exit_code == 2 and "Error: " in invalid.stderr
    assert run("diff", "-", "-").exit_code == 2


def test_diff_reads_stdin(run, tiny):
    from .conftest import TINY

    result = run("diff", "-", tiny, input=TINY.replace("It is raining.", "It pours."))
    assert result.exit_code == 1
    assert "text: 'It pours.' → 'It is raining.'" in result.stdout


def test_every_analysis_command_reads_at_80_columns(run, narrow):
    for args in (
        ["check"],
        ["evaluate"],
        ["evaluate", "-x", "prop-uniform-understanding"],
        ["critical", "prop-deepen-ct"],
        ["rank"],
        ["show", "-e"],
    ):
        result = run(*args)
        assert result.exit_code == 0, (args, result.output)
        assert fits(result.stdout), args


# ---------------------------------------------------------- the README ---


def readme_examples() -> list[tuple[str, str]]:
    """(command, shown output) for each console example of the analysis sections."""
    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    sections = [
        (readme.index("### check"), readme.index("### init")),  # authoring: test_walkthrough.py
        (readme.index("## How evaluate works"), readme.index("## Using argmap from Python")),
    ]
    blocks = [
        b
        for start, end in sections
        for b in re.findall(r"```console\n\$ (argmap [^\n]*)\n(.*?)```", readme[start:end], flags=re.S)
    ]
    return [(command, shown) for command, shown in blocks]


def test_readme_examples_are_real_output(run, tmp_path, monkeypatch):
    """Each example, run at 80 columns, prints what the README shows ("..." skips lines)."""
    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    umbrella = re.search(r"```yaml\n(title: Umbrellas\n.*?)```", readme, flags=re.S).group(1)
    (tmp_path / "umbrella.yaml").write_text(umbrella)
    (tmp_path / "umbrella-sturdy.yaml").write_text(
        umbrella.replace(
            "arguments:", "  - {id: sturdy, kind: premise, text: This umbrella is built for wind.}\narguments:"
        )
        + "  - {id: att-sturdy, from: sturdy, to: wind, type: undermine}\n"
    )
    (tmp_path / "floating.apx").write_text(
        "arg(a).\narg(b).\narg(c).\narg(d).\natt(a,b).\natt(b,a).\natt(a,c).\natt(b,c).\natt(c,d).\n"
    )
    sco = (ROOT / "argmap" / "data" / "sco.yaml").read_text(encoding="utf-8")
    (tmp_path / "argmap" / "data").mkdir(parents=True)
    (tmp_path / "argmap" / "data" / "sco.yaml").write_text(sco)
    revised = sco[: sco.index("  - id: att-still-frequent-answer")].rstrip() + "\n"
    (tmp_path / "sco-revised.yaml").write_text(
        revised.replace(
            'text: "Other tough tasks will emerge in the future."', 'text: "The future will bring other tough tasks."'
        )
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "80")
    examples = readme_examples()
    assert len(examples) >= 10
    for command, shown in examples:
        result = run(*command.split()[1:])
        assert result.exit_code in (0, 1), (command, result.output)
        out = result.stdout.splitlines()
        at = 0
        for chunk in re.split(r"^\.\.\.\n", shown, flags=re.M):
            lines = chunk.splitlines()
            if not lines:
                continue
            found = next((i for i in range(at, len(out) - len(lines) + 1) if out[i : i + len(lines)] == lines), None)
            assert found is not None, f"{command}: README shows lines not in the output:\n{chunk}"
            at = found + len(lines)


def test_cli_defaults_are_the_library_defaults():
    import inspect

    from argmap import cli
    from argmap.analysis import critical, semantics

    options = inspect.signature(cli.evaluate).parameters
    assert options["budget"].default == semantics.BUDGET
    assert options["timeout"].default == semantics.TIMEOUT
    assert inspect.signature(cli.critical).parameters["max_size"].default == critical.MAX_SIZE


def test_colour_follows_the_terminal_and_no_color(run, monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")
    coloured = run("evaluate").stdout
    assert "\x1b[1;31m[OUT]\x1b[0m" in coloured
    monkeypatch.setenv("NO_COLOR", "1")
    plain = run("evaluate").stdout
    assert "\x1b[1m[OUT]\x1b[0m" in plain and "\x1b[1;31m" not in plain
