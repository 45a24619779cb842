"""Where a field sits in a file (argmap.locate): the line and column every message names."""

from __future__ import annotations

from argmap.locate import json_positions, nearest, positions_locator, text_locator, yaml_positions

YAML = "title: T\nstatements:\n  - id: a\n    kind: claim\n  - id: b\n    kind: bad\n"
JSON = '{"title": "T",\n "statements": [\n  {"id": "a"},\n  {"id": "b", "kind": "bad"}]}'


def test_yaml_and_json_positions_of_keys_and_items():
    assert yaml_positions(YAML)[("statements", 1, "kind")] == (6, 5)
    assert json_positions(JSON)[("statements", 1, "kind")] == (4, 15)
    assert json_positions(JSON)[("statements", 1)] == (4, 3)


def test_a_path_not_in_the_file_is_placed_at_its_closest_enclosing_field():
    positions = yaml_positions(YAML)
    assert nearest(positions, ("statements", 1, "speaker")) == positions[("statements", 1)]
    assert nearest({}, ("x",)) is None


def test_malformed_text_gives_what_was_found_before_the_fault():
    assert json_positions('{"a": [1, {"b": ')[("a", 1, "b")] == (1, 12)
    assert yaml_positions("a: [unclosed") == {}


def test_locators_over_text_and_over_a_readers_table():
    assert text_locator(YAML, "yaml")(("statements", 0, "kind")) == (4, 5)
    assert text_locator(JSON, "json")(("title",)) == (1, 2)
    assert positions_locator({("statements", 2): (9, 1)})(("statements", 2, "text")) == (9, 1)
