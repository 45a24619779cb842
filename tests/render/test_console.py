"""Where output goes (argmap.render.console): data on stdout, messages on stderr,
and nothing from a map that a terminal would act on."""

from __future__ import annotations

import json

from argmap.render.console import error, harmless, info, one_line, warning, write_export, write_json


def test_json_is_sorted_indented_and_utf8(capsys):
    write_json({"b": 1, "a": ["é"]})
    out = capsys.readouterr().out
    assert out == '{\n  "a": [\n    "é"\n  ],\n  "b": 1\n}\n' and json.loads(out) == {"a": ["é"], "b": 1}


def test_messages_go_to_stderr_one_problem_a_line(capsys, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    error(["m.yaml:3:5: first", "m.yaml:4:5: second"])
    warning("source not found")
    info("m.yaml: valid")
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        "Error: m.yaml:3:5: first",
        "Error: m.yaml:4:5: second",
        "Warning: source not found",
    ]
    assert captured.out == "m.yaml: valid\n"


def test_text_from_a_map_cannot_fake_a_message_or_drive_the_terminal():
    assert one_line("x\nError: fake \x1b[2J") == "x\\nError: fake \\x1b[2J"
    assert harmless("a\x1b]0;title\x07b\tc") == "a␛]0;title␇b\tc"


def test_an_export_goes_out_unchanged(capsysbinary):
    write_export(b"\x89PNG\r\n")
    write_export("text without a newline")
    assert capsysbinary.readouterr().out == b"\x89PNG\r\ntext without a newline\n"
