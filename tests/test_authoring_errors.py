"""Errors for authors: YAML mistakes explained with what to do, at their line and column."""

from __future__ import annotations

import pytest

HEAD = "title: T\nstatements:\n"


@pytest.mark.parametrize("body, where, says, advice", [
    ("  - id: a\n    kind: claim\n    text: Note: this is it\n", "5:15",
     "a text holding ': ' must be in quotes", 'Write it as: text: "Note: this is it"'),
    ("\t- id: a\n", "3:1", "a tab: YAML indents with spaces only", "Replace the tab with spaces."),
    ("  - id: a\n   kind: claim\n    text: A.\n", "4:4", "'kind' is not indented under the list item above",
     "Indent it as far as the item's first field: 4 spaces, then 'kind:'."),
    ("  - id: a\n  kind: claim\n", "4:3", "'kind' is not indented under the list item above", "4 spaces"),
    ("  - id: a\n      kind: claim\n", "4:11", "this line is indented deeper than the fields above it", "(4 spaces)"),
    ("  -id: a\n    kind: claim\n", "4:9", "a list item needs a space after its '-'", "Write '- id: a' on line 3."),
    ('  - id: a\n    text: "He said "no" to it"\n', "4:21", "a quoted text ends before its line does",
     'write each " inside it as \\"'),
    ("  - id: a\n    tags: [a, b\n", "4:11", "a list in [ ] is not closed", "End it with ]"),
    ("  - id: a\n    text: @home\n", "4:11", "a text cannot start with '@' unless it is in quotes",
     'Put the text in double quotes: "@home"'),
])
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
