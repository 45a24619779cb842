"""Flags people trip on: none of them silently does the wrong thing."""

from __future__ import annotations

import json


def test_export_f_is_the_format_and_t_is_no_option_of_export(run, tiny):
    result = run("export", "--map", tiny, "-f", "mermaid")
    assert result.exit_code == 0, result.output
    assert "flowchart BT" in result.stdout
    assert run("export", "--map", tiny, "-t", "mermaid").exit_code == 2  # -t is list's --tag


def test_an_id_given_as_the_format_points_to_focus(run, tiny):
    result = run("export", "--map", tiny, "-f", "take-umbrella")
    assert result.exit_code == 2
    assert "unknown format 'take-umbrella'" in result.stderr and "use --focus ID" in result.stderr


def test_the_format_error_lists_only_formats_that_can_be_written(run):
    for args in (["export", "--format", "kialo"], ["export", "--format", "nope"]):
        result = run(*args)
        assert result.exit_code == 2
        listed = result.stderr.split("Use one of: ", 1)[1]
        assert "kialo" not in listed and "html" in listed
    result = run("validate", "--from", "svg", "-", input="x")
    assert "cannot read the 'svg' format" in result.stderr and "svg" not in result.stderr.split("Use one of:")[1]


def test_repeating_focus_keeps_every_one(run, tiny):
    data = json.loads(run("export", "--map", tiny, "-f", "json", "--focus", "wet", "--focus", "wind").stdout)
    assert sorted(s["id"] for s in data["statements"]) == ["rain", "wet", "wind"]
    shown = run("show", "--map", tiny, "--focus", "wet", "--focus", "wind").stdout
    assert "CLAIM wet" in shown and "PREMISE wind" in shown
    assert run("show", "--map", tiny, "--focus", "wet", "--focus", "nope").exit_code == 1


def test_list_names_the_speakers_there_are_when_none_matches(run):
    result = run("list", "--speaker", "scholar")
    assert result.exit_code == 1
    assert "no statement has the speaker 'scholar'" in result.stderr
    assert (
        "Did you mean 'chinese-scholar'?" in result.stderr
        and "author, chinese-defense-ministry-spokesman, chinese-scholar." in result.stderr
    )
    assert "0 statements" not in result.stdout
    assert run("list", "--speaker", "CHINESE-SCHOLAR").exit_code == 0
    tagged = run("list", "--tag", "nosuchtag")
    assert tagged.exit_code == 1 and "The map's tags:" in tagged.stderr


def test_a_mistyped_command_suggests_once(run):
    result = run("shw")
    assert result.exit_code == 2
    assert result.stderr.count("Did you mean 'show'?") == 1
