"""Errors for authors: YAML mistakes explained with what to do, at their line and column."""

from __future__ import annotations

import json

import pytest

HEAD = "title: T\nstatements:\n"


@pytest.mark.parametrize(
    "body, where, says, advice",
    [
        (
            "  - id: a\n    kind: claim\n    text: Note: this is it\n",
            "5:15",
            "a text holding ': ' must be in quotes",
            'Write it as: text: "Note: this is it"',
        ),
        ("\t- id: a\n", "3:1", "a tab: YAML indents with spaces only", "Replace the tab with spaces."),
        (
            "  - id: a\n   kind: claim\n    text: A.\n",
            "4:4",
            "'kind' is not indented under the list item above",
            "Indent it as far as the item's first field: 4 spaces, then 'kind:'.",
        ),
        ("  - id: a\n  kind: claim\n", "4:3", "'kind' is not indented under the list item above", "4 spaces"),
        (
            "  - id: a\n      kind: claim\n",
            "4:11",
            "this line is indented deeper than the fields above it",
            "(4 spaces)",
        ),
        ("  -id: a\n    kind: claim\n", "4:9", "a list item needs a space after its '-'", "Write '- id: a' on line 3."),
        (
            '  - id: a\n    text: "He said "no" to it"\n',
            "4:21",
            "a quoted text ends before its line does",
            'write each " inside it as \\"',
        ),
        ("  - id: a\n    tags: [a, b\n", "5:1", "a list in [ ] is not closed", "End it with ]"),
        (
            "  - id: a\n    text: @home\n",
            "4:11",
            "a text cannot start with '@' unless it is in quotes",
            'Put the text in double quotes: "@home"',
        ),
    ],
)
def test_yaml_syntax_errors_say_what_to_do(run, write, body, where, says, advice):
    path = write("m.yaml", HEAD + body)
    result = run("validate", path)
    assert result.exit_code == 1
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"Error: {path}:{where}: invalid YAML: {says}"), line
    assert advice in line
    assert "Traceback" not in result.output


def test_an_unclosed_quote_is_named_where_it_opens(run, write):
    path = write("m.yaml", 'title: "T\nstatements: []\n')
    result = run("validate", path)
    assert f"{path}:1:8: invalid YAML: a quote is opened here and never closed" in result.stderr


# ------------------------------------------------ drafts can be drawn, one pass ---

ARTICLE = "Rain\n\nIt rains all day. The roof leaks.\n\nSo we stay in.\n"
MAP = """\
title: Rain
source:
  file: article.txt
statements:
  - id: rain
    kind: premise
    text: It rains.
    quote: It rains all day
    paragraph: 1
  - id: stay
    kind: proposal
    text: Stay in.
    quote: So we stay in
    paragraph: 2
arguments:
  - id: arg-stay
    premises: [rain]
    conclusion: stay
"""


@pytest.fixture
def article(write):
    write("article.txt", ARTICLE)
    return write


def test_show_and_export_draw_a_map_whose_only_problems_are_quotes(run, article):
    path = article(
        "m.yaml",
        MAP.replace("quote: It rains all day", "quote: It pours all day").replace("paragraph: 2", "paragraph: 1"),
    )
    shown = run("show", "--map", path)
    assert shown.exit_code == 0, shown.output
    assert "PROPOSAL stay" in shown.stdout and "PREMISE rain" in shown.stdout
    warnings = shown.stderr.strip().splitlines()
    assert len(warnings) == 2
    assert warnings[0].startswith(f"Warning: {path}:8:5: statements[0].quote: quote of 'rain' does not occur")
    assert warnings[1].startswith(
        f"Warning: {path}:14:5: statements[1].paragraph: quote of 'stay' is in paragraph 2, not paragraph 1"
    )
    exported = run("export", "--map", path, "-f", "mermaid")
    assert exported.exit_code == 0 and "flowchart" in exported.stdout and "Warning:" in exported.stderr
    checked = run("validate", path)  # validate stays strict
    assert checked.exit_code == 1
    assert checked.stderr.count("Error:") == 2 and "Warning" not in checked.stderr


def test_validate_reports_structural_and_quote_problems_in_one_pass(run, article):
    path = article(
        "m.yaml",
        MAP.replace("kind: proposal", "kind: opinion").replace("quote: It rains all day", "quote: It pours all day"),
    )
    result = run("validate", path)
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2
    assert "statements[0].quote: quote of 'rain' does not occur in the source text" in lines[0]
    assert "statements[1].kind: 'opinion' is not a valid kind" in lines[1]


def test_a_missing_source_is_an_error_for_validate_and_a_warning_elsewhere(run, article, tmp_path):
    path = article("m.yaml", MAP.replace("file: article.txt", "file: articel.txt"))
    result = run("validate", path)
    assert result.exit_code == 1
    assert (
        f"Error: {path}:3:3: source.file: source file 'articel.txt' not found (looked for {tmp_path / 'articel.txt'})"
    ) in result.stderr
    shown = run("show", "--map", path)
    assert shown.exit_code == 0
    assert "source file 'articel.txt' not found" in shown.stderr and "quotes were not checked" in shown.stderr
    broken = article(
        "b.yaml", MAP.replace("file: article.txt", "file: articel.txt").replace("kind: proposal", "kind: opinion")
    )
    both = run("validate", broken)
    assert "source file 'articel.txt' not found" in both.stderr and "'opinion' is not a valid kind" in both.stderr


# ------------------------------------------------------ speakers, attack ids ---

SPEAKERS = """\
title: Umbrellas
speakers:
  author: The author
  forecaster: The forecaster
statements:
  - {id: rain, kind: premise, text: It rains., speaker: forecaster}
  - {id: take, kind: proposal, text: Take an umbrella., speaker: author}
  - {id: wind, kind: premise, text: It is windy., speaker: forecaster}
arguments:
  - {id: arg-take, premises: [rain], conclusion: take}
attacks:
  - {from: wind, to: arg-take, type: undercut}
"""


def test_speakers_are_shown_by_the_names_the_map_gives_them(run, write, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    path = write("m.yaml", SPEAKERS)
    assert "It rains. [The forecaster]" in run("show", "--map", path).stdout
    listed = run("list", "--map", path, "--speaker", "the forecaster")
    assert listed.exit_code == 0 and "premise · The forecaster" in listed.stdout and "2 statements" in listed.stdout
    assert "The forecaster 2" in run("stats", "--map", path).stdout
    assert "— *The forecaster*" in run("export", "--map", path, "-f", "md").stdout
    assert "The forecaster" in run("export", "--map", path, "-f", "dot", "--speakers").stdout
    assert "rain · The forecaster" in run("export", "--map", path, "-f", "html").stdout
    # the data keeps the speakers' ids, and the names round-trip
    assert json.loads(run("list", "--map", path, "--json").stdout)[0]["speaker"] == "forecaster"
    again = write("again.yaml", run("export", "--map", path, "-f", "yaml").stdout)
    assert "speakers:\n  author: The author\n  forecaster: The forecaster\n" in again.read_text(encoding="utf-8")


def test_a_speaker_missing_from_speakers_is_an_error_with_a_suggestion(run, write):
    path = write("m.yaml", SPEAKERS.replace("speaker: author}", "speaker: autor}"))
    result = run("validate", path)
    assert result.exit_code == 1
    assert (
        f"{path}:7:57: statements[1].speaker: 'autor' is not one of the speakers the map names. "
        "Did you mean 'author'?" in result.stderr
    )


def test_attack_ids_are_optional_and_derived_from_the_attack(run, write):
    path = write("m.yaml", SPEAKERS)
    data = json.loads(run("export", "--map", path, "-f", "json").stdout)
    assert data["attacks"][0]["id"] == "wind-undercuts-arg-take"
    assert run("attacks", "--map", path, "take").exit_code == 0
    clash = write(
        "c.yaml",
        SPEAKERS.replace(
            "  - {id: wind,", "  - {id: wind-undercuts-arg-take, kind: claim, text: Odd.}\n  - {id: wind,"
        ),
    )
    result = run("validate", clash)
    assert result.exit_code == 1 and "id 'wind-undercuts-arg-take' is already used by statements[2]" in result.stderr


def test_speakers_round_trip_through_argdown(run, write):
    path = write("m.yaml", SPEAKERS)
    argdown = write("m.argdown", run("export", "--map", path, "-f", "argdown").stdout)
    assert "speakers: " in argdown.read_text(encoding="utf-8").split("===")[1]
    back = json.loads(run("export", "--map", argdown, "-f", "json").stdout)
    assert back["speakers"] == {"author": "The author", "forecaster": "The forecaster"}
    assert "It rains. [The forecaster]" in run("show", "--map", argdown).stdout
