"""`argmap supports | attacks | path | find | stats`: human views, --json, errors."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.cli import app

BRIDGE = """\
title: Bridge
statements:
  - {id: go, kind: proposal, text: Build the bridge.}
  - {id: jobs, kind: claim, text: The bridge brings jobs.}
  - {id: trade, kind: claim, text: The bridge brings trade.}
  - {id: survey, kind: premise, text: A survey found strong demand., speaker: council, tags: [polls]}
  - {id: cost, kind: premise, text: The budget allows it.}
  - {id: flood, kind: premise, text: The river floods every spring.}
  - {id: doubt, kind: premise, text: The survey asked only drivers.}
arguments:
  - {id: a-jobs, premises: [jobs, cost], conclusion: go}
  - {id: a-trade, premises: [trade], conclusion: go}
  - {id: a-survey-jobs, premises: [survey], conclusion: jobs}
  - {id: a-survey-trade, premises: [survey], conclusion: trade}
  - {id: a-trade-jobs, premises: [trade], conclusion: jobs}
  - {id: a-go-trade, premises: [go], conclusion: trade}
attacks:
  - {id: t-flood, from: flood, to: a-trade, type: undercut}
  - {id: t-doubt, from: doubt, to: survey, type: undermine}
  - {id: t-rebut, from: flood, to: jobs, type: rebut}
"""


@pytest.fixture
def bridge(write):
    """A map with a linked reason, a cycle (go -> trade -> go), and all three attack types."""
    return write("bridge.yaml", BRIDGE)


@pytest.fixture
def run80():
    """Invoke the CLI at 80 columns without colour."""
    runner = CliRunner()

    def _run(*args: str, **env: str):
        return runner.invoke(app, [str(a) for a in args], env={"COLUMNS": "80", "NO_COLOR": "1", **env})

    return _run


def lines(text: str) -> list[str]:
    return text.splitlines()


# ------------------------------------------------------------------ supports ---


def test_supports_shows_a_tree_with_linked_co_premises_as_one_reason(run80, bridge):
    result = run80("supports", "go", "-m", bridge)
    assert result.exit_code == 0, result.output
    out = lines(result.stdout)
    assert out[0] == "◆ PROPOSAL go: Build the bridge."
    reason = next(i for i, line in enumerate(out) if "linked reason a-jobs" in line)
    # the two co-premises hang from that one reason
    assert "● CLAIM jobs" in out[reason + 1] and "○ PREMISE cost" in "\n".join(out[reason + 1 : reason + 12])
    assert any("↺ ◆ PROPOSAL go (a cycle" in line for line in out)
    assert "4 supporters: 3 direct, 1 indirect; the farthest is 2 steps away." in result.stdout
    assert "survey → a-survey-trade → trade → a-trade → go" in result.stdout  # a second chain


def test_supports_json_has_target_and_supporters_with_chains(run80, bridge):
    result = run80("supports", "go", "-m", bridge, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["target"]["id"] == "go" and data["paths_limit"] == 3
    rows = {r["id"]: r for r in data["supporters"]}
    assert {n: r["depth"] for n, r in rows.items()} == {"cost": 1, "jobs": 1, "trade": 1, "survey": 2}
    assert rows["survey"]["arguments"] == ["a-survey-jobs", "a-survey-trade"]
    assert rows["survey"]["paths"][0] == ["survey", "a-survey-jobs", "jobs", "a-jobs", "go"]
    assert result.stdout == json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def test_supports_direct_and_depth(run80, bridge):
    direct = json.loads(run80("supports", "go", "-m", bridge, "--direct", "--json").stdout)
    assert [r["id"] for r in direct["supporters"]] == ["cost", "jobs", "trade"]
    assert direct["depth"] == 1
    result = run80("supports", "go", "-m", bridge, "--depth", "1")
    assert "… 2 more reasons deeper than --depth 1" in result.stdout
    result = run80("supports", "go", "-m", bridge, "--direct", "--depth", "2")
    assert result.exit_code == 2
    assert "--direct means --depth 1" in result.stderr


def test_supports_paths_option_bounds_chains_and_says_so(run80, bridge):
    result = run80("supports", "go", "-m", bridge, "--paths", "1")
    assert "more chains than the 1 listed" in result.stdout
    data = json.loads(run80("supports", "go", "-m", bridge, "--paths", "1", "--json").stdout)
    assert all(len(r["paths"]) == 1 for r in data["supporters"])
    assert {r["id"] for r in data["supporters"] if r["more_paths"]} == {"trade", "survey"}


def test_supports_on_the_embedded_map_answers_the_6n_question(run80):
    result = run80("supports", "prop-6n-partnership")
    assert result.exit_code == 0, result.output
    for node in (
        "arg-mechanism-6n",
        "prop-improve-mechanism",
        "prop-improve-performance",
        "reason arg-tasks-performance",
        "future-tough-tasks",
        "reason arg-deepen-performance",
        "prop-deepen-ct",
        "ct-deepening-meaningful",
        "arg-6n-framework",
        "sixn-framework-issues",
    ):
        assert node in result.stdout
    assert "linked reason" not in result.stdout  # every reason on the way is independent
    # the means rests on everything its goals rest on: the thesis and its reasons
    assert "16 supporters: 2 direct, 14 indirect; the farthest is 6 steps away." in result.stdout
    spokesman = run80("supports", "prop-china-ready").stdout
    assert "4 supporters: 3 direct, 1 indirect; the farthest is 2 steps away." in spokesman


def test_views_fit_80_columns_carry_no_colour_and_no_trailing_blanks(run80, bridge):
    for args in (
        ["supports", "prop-deepen-ct"],
        ["attacks", "go", "--deep", "-m", bridge],
        ["attacks", "go", "-m", bridge],
        ["path", "cost", "survey", "-m", bridge],
        ["supports", "go", "--paths", "1", "-m", bridge],
        ["path", "survey", "go", "-m", bridge],
        ["find", "terror"],
        ["stats"],
    ):
        result = run80(*args)
        assert result.exit_code == 0, (args, result.output)
        assert "\x1b[" not in result.stdout
        for line in lines(result.stdout):
            assert len(line) <= 80, (args, line)
            assert line == line.rstrip(), (args, line)


def test_json_is_the_same_whatever_the_terminal_width(run80, bridge):
    for args in (
        ["supports", "go"],
        ["attacks", "go", "--deep"],
        ["path", "survey", "go"],
        ["find", "survey"],
        ["stats"],
    ):
        narrow = run80(*args, "-m", bridge, "--json", COLUMNS="40")
        wide = run80(*args, "-m", bridge, "--json", COLUMNS="200", FORCE_COLOR="1")
        assert narrow.exit_code == 0, narrow.output
        assert narrow.stdout == wide.stdout
        json.loads(narrow.stdout)


# ------------------------------------------------------------------- attacks ---


def test_attacks_groups_by_type(run80, bridge):
    result = run80("attacks", "go", "-m", bridge)
    assert result.exit_code == 0, result.output
    assert "✗ undercut by (1)" in result.stdout
    assert "t-flood on a-trade (trade → go)" in result.stdout
    assert "rebutted by" not in result.stdout  # the rebuttal of jobs is deep
    assert "--deep also looks further" in result.stdout


def test_attacks_deep_gives_the_chain_to_the_target(run80, bridge):
    result = run80("attacks", "go", "--deep", "-m", bridge)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.index("✗ rebutted by (1)") < out.index("✗ undermined by (1)") < out.index("✗ undercut by (1)")
    assert "t-doubt on survey, 2 steps down: survey → jobs → go" in out
    assert "3 attacks: 0 on go itself, 3 on the reasons for it." in out


def test_attacks_json(run80, bridge):
    data = json.loads(run80("attacks", "go", "--deep", "-m", bridge, "--json").stdout)
    assert data["target"]["id"] == "go" and data["deep"] is True
    assert [(r["id"], r["type"], r["on"], r["depth"]) for r in data["attackers"]] == [
        ("flood", "rebut", "jobs", 1),
        ("flood", "undercut", "a-trade", 1),
        ("doubt", "undermine", "survey", 2),
    ]
    assert {"id", "kind", "text", "type", "on", "depth"} <= set(data["attackers"][0])


def test_attacks_on_the_embedded_map(run80):
    result = run80("attacks", "prop-china-ready", "--deep", "--json")
    data = json.loads(result.stdout)
    assert [(r["id"], r["type"], r["on"], r["depth"], r["attack"]) for r in data["attackers"]] == [
        ("bin-laden-progress", "rebut", "prop-intl-reinforce-cooperation", 1, "att-progress-concession")
    ]
    assert json.loads(run80("attacks", "prop-deepen-ct", "--deep", "--json").stdout)["attackers"] == []
    result = run80("attacks", "sco-core-task")
    assert "Nothing in the map attacks sco-core-task (--deep also looks at what it rests on)." in " ".join(
        result.stdout.split()
    )


# ---------------------------------------------------------------------- path ---


def test_path_human_and_json(run80, bridge):
    result = run80("path", "doubt", "go", "-m", bridge)
    assert result.exit_code == 0, result.output
    assert "Chain 1: 5 links" in result.stdout
    assert "undermines ○ PREMISE survey" in result.stdout
    data = json.loads(run80("path", "doubt", "go", "-m", bridge, "--json").stdout)
    assert data["paths"][0]["nodes"] == ["doubt", "survey", "a-survey-jobs", "jobs", "a-jobs", "go"]
    assert data["paths"][0]["edges"] == ["undermine", "premise", "conclusion", "premise", "conclusion"]
    assert [p["length"] for p in data["paths"]] == sorted(p["length"] for p in data["paths"])


def test_path_with_no_chain_says_so_and_suggests_the_other_way(run80, bridge):
    result = run80("path", "cost", "survey", "-m", bridge)
    assert result.exit_code == 0, result.output
    assert "No chain of support or attack leads from cost to survey." in result.stdout
    assert json.loads(run80("path", "cost", "survey", "-m", bridge, "--json").stdout)["paths"] == []


# ---------------------------------------------------------------------- find ---


def test_find_ranks_ids_and_text_first(run80, bridge):
    data = json.loads(run80("find", "SURVEY", "-m", bridge, "--json").stdout)
    assert data["query"] == "SURVEY"
    ids = [r["id"] for r in data["matches"]]
    assert ids[0] == "survey"  # the id itself
    assert ids.index("doubt") > ids.index("a-survey-jobs")  # a text match after id matches
    result = run80("find", "polls", "-m", bridge)
    assert "○ PREMISE survey: A survey found strong demand." in result.stdout
    assert "matched in tags" in result.stdout and "1 match" in result.stdout
    assert "Nothing in the map mentions 'snow'." in run80("find", "snow", "-m", bridge).stdout


# --------------------------------------------------------------------- stats ---


def test_stats_human_and_json(run80, bridge):
    result = run80("stats", "-m", bridge)
    assert result.exit_code == 0, result.output
    assert "statements             7: 1 proposal, 2 claims, 4 premises" in result.stdout
    assert "arguments              6: 1 linked, 5 single-premise" in result.stdout
    assert "attacks                3: 1 rebut, 1 undermine, 1 undercut" in result.stdout
    assert "support cycles" in result.stdout
    data = json.loads(run80("stats", "-m", bridge, "--json").stdout)
    assert data["statements"]["by_speaker"] == {"(none)": 6, "council": 1}
    assert data["unsupported_claims"] == [] and data["unsupported_proposals"] == []
    assert data["longest_chain"]["exact"] is False


def test_stats_on_the_embedded_map(run80):
    data = json.loads(run80("stats", "--json").stdout)
    assert data["statements"]["total"] == sum(data["statements"]["by_kind"].values())
    assert data["longest_chain"]["exact"] is True and data["longest_chain"]["length"] >= 3


# -------------------------------------------------------------------- errors ---


@pytest.mark.parametrize(
    "args",
    [
        ["supports", "prop-6n-partnerhsip"],
        ["attacks", "6n-partnership"],
        ["path", "prop-6n", "prop-deepen-ct"],
        ["path", "prop-deepen-ct", "prop-6n-partnership-mechanism"],
    ],
)
def test_unknown_ids_exit_1_with_a_suggestion_on_stderr(run80, args):
    result = run80(*args)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "Error: no statement or argument has the id" in result.stderr
    assert "Did you mean 'prop-6n-partnership'" in result.stderr
    assert "Traceback" not in result.output


def test_an_attack_id_is_explained(run80):
    result = run80("attacks", "att-progress-concession")
    assert result.exit_code == 1
    assert (
        "'att-progress-concession' is an attack (bin-laden-progress rebuts prop-intl-reinforce-cooperation)"
        in " ".join(result.stderr.split())
    )


def test_queries_read_a_map_from_stdin(bridge):
    result = CliRunner().invoke(app, ["supports", "jobs", "-m", "-", "--json"], input=bridge.read_text())
    assert result.exit_code == 0, result.output
    assert {r["id"] for r in json.loads(result.stdout)["supporters"]} == {"survey", "trade", "go", "cost"}


README = Path(__file__).resolve().parent.parent / "README.md"
QUERIES = ("supports", "attacks", "path", "find", "stats")


def readme_examples() -> list[tuple[str, str]]:
    """``(command line, output)`` of every README console block running a query command."""
    text = README.read_text(encoding="utf-8")
    blocks = re.findall(r"```console\n\$ argmap (.*?)\n(.*?)```", text, flags=re.S)
    return [(line, out) for line, out in blocks if line.split()[0] in QUERIES]


def test_every_query_command_has_a_readme_example():
    shown = {line.split()[0] for line, _ in readme_examples()}
    assert shown == set(QUERIES)


@pytest.mark.parametrize("line,expected", readme_examples())
def test_readme_shows_real_output(run80, line, expected):
    result = run80(*shlex.split(line))
    assert result.exit_code == 0, result.output
    assert result.stdout == expected, f"README output of `argmap {line}` is stale: paste the output above"
