"""Validation: every kind of mistake in a map gives one located, actionable message."""

from __future__ import annotations

import pytest

from argmap.errors import MapInvalid
from argmap.loader import loads

from .conftest import TINY


def problems(text: str, fmt: str = "yaml") -> list[str]:
    with pytest.raises(MapInvalid) as info:
        loads(text, fmt, name="m.yaml")
    return info.value.lines()


def test_tiny_map_is_valid():
    m = loads(TINY)
    assert [s.id for s in m.statements] == ["rain", "wet", "take-umbrella", "wind"]
    assert m.attacks[0].from_ == "wind"


def test_unknown_field_names_line_and_suggests_the_right_one():
    text = TINY.replace("    text: It is raining.", "    text: It is raining.\n    speakr: me")
    [line] = problems(text)
    assert line.startswith("m.yaml:6:5:")
    assert "statements[0].speakr: unknown field 'speakr'" in line
    assert "Did you mean 'speaker'?" in line


def test_wrong_type_and_bad_kind_are_reported_together():
    text = TINY.replace("kind: claim", "kind: opinion").replace("text: Take an umbrella.", "text: 42")
    lines = problems(text)
    assert len(lines) == 2
    assert any(
        "statements[1].kind: 'opinion' is not a valid kind. Use one of: proposal, claim, premise." in line
        for line in lines
    )
    assert any(
        "statements[2].text: expected text, found a whole number 42. Put the value in quotes." in line for line in lines
    )


def test_malformed_id_gets_a_slug_suggestion():
    [line] = problems(TINY.replace("id: rain\n", "id: Heavy Rain\n"))
    assert "statements[0].id: 'Heavy Rain' is not a valid id" in line
    assert "e.g. 'heavy-rain'" in line


def test_duplicate_ids_across_sections():
    [line] = problems(TINY.replace("id: att-wind", "id: wet"))
    assert "attacks[0].id: id 'wet' is already used by statements[1]" in line
    assert line.startswith("m.yaml:23:5:")


def test_dangling_reference_suggests_closest_id():
    [line] = problems(TINY.replace("premises: [rain]", "premises: [rian]"))
    assert "arguments[0].premises[0]: premise 'rian' is not the id of any statement" in line
    assert "Did you mean 'rain'?" in line
    assert line.startswith("m.yaml:17:16:")


def test_argument_concluding_its_own_premise():
    [line] = problems(TINY.replace("premises: [rain]", "premises: [rain, wet]"))
    assert "argument 'arg-wet' concludes 'wet', which is also one of its premises" in line


def test_undercut_must_target_an_argument_and_rebut_a_statement():
    lines = problems(TINY.replace("to: arg-umbrella", "to: take-umbrella"))
    assert "undercut target 'take-umbrella' is not the id of any argument" in lines[0]
    assert "use rebut or undermine" in lines[0]
    lines = problems(TINY.replace("type: undercut", "type: rebut"))
    assert "rebut target 'arg-umbrella' is an argument, not a statement" in lines[0]
    assert "use type: undercut" in lines[0]


def test_missing_required_fields_and_empty_statements():
    lines = problems("title: T\nstatements:\n  - id: a\n    kind: claim\n")
    # the item is missing 'text': the problem points at the item
    assert lines == ["m.yaml:3:5: statements[0].text: missing required field 'text'. Add 'text'."]
    assert "a map needs at least one statement" in problems("title: T\nstatements: []\n")[0]
    assert "missing required field 'title'" in problems("statements:\n  - {id: a, kind: claim, text: A}\n")[0]


def test_every_problem_is_reported_at_once_and_in_file_order():
    text = (
        TINY.replace("kind: claim", "kind: clam")
        .replace("conclusion: take-umbrella", "conclusion: take-umbrela")
        .replace("type: undercut", "type: undercutt")
    )
    lines = problems(text)
    assert len(lines) == 3, lines
    numbers = [int(line.split(":")[1]) for line in lines]
    assert numbers == sorted(numbers)


def test_blank_text_and_bad_paragraph():
    lines = problems(TINY.replace("text: It is raining.", "text: '   '\n    paragraph: 0"))
    assert any("statements[0].text: is empty" in line for line in lines)
    assert any("statements[0].paragraph: 0 is too small" in line for line in lines)


def test_duplicate_attack():
    extra = (
        "  - id: att-2\n    from: wind\n    to: arg-umbrella\n    type: undercut\n"
        "  - id: att-3\n    from: rain\n    to: rain\n    type: rebut\n"
        "  - id: att-4\n    from: wet\n    to: arg-umbrella\n    type: undercut\n"
    )
    [line] = problems(TINY + extra)
    assert "'wind' already attacks 'arg-umbrella' in attacks[0]" in line
    # a self-attack and a premise undercutting its own argument are self-defeating, not mistakes


SELF_UNDERCUT = TINY + "  - id: att-wet\n    from: wet\n    to: arg-umbrella\n    type: undercut\n"


def test_a_premise_may_undercut_its_own_argument():
    # the reference Argdown CLI reads it (issue 15, item 4); `check` flags it
    m = loads(SELF_UNDERCUT, "yaml", name="m.yaml")
    assert [(t.from_, t.to, t.type) for t in m.attacks if t.id == "att-wet"] == [("wet", "arg-umbrella", "undercut")]


def test_a_statement_may_attack_itself():
    # Dung-style self-attacking arguments are standard (issue 15, item 4); `check` flags them
    extra = "  - id: att-3\n    from: rain\n    to: rain\n    type: rebut\n"
    m = loads(TINY + extra, "yaml", name="m.yaml")
    assert [(t.from_, t.to) for t in m.attacks if t.id == "att-3"] == [("rain", "rain")]


def test_yaml_syntax_error_has_line_and_column():
    [line] = problems("title: T\nstatements:\n  - id: a\n   kind: [claim\n")
    assert line.startswith("m.yaml:")
    assert "invalid YAML" in line
    assert line.split(":")[1].isdigit() and line.split(":")[2].isdigit()


def test_yaml_python_tags_are_refused():
    [line] = problems("title: !!python/object/apply:os.system ['echo hi']\nstatements: []\n")
    assert "is not allowed" in line and "plain YAML" in line


def test_yaml_repeated_key_is_refused():
    [line] = problems("title: T\ntitle: U\nstatements:\n  - {id: a, kind: claim, text: A}\n")
    assert line.startswith("m.yaml:2:1:")
    assert "key 'title' appears twice" in line


def test_yaml_dates_stay_text():
    m = loads("title: T\nsource: {date: 2011-06-15}\nstatements:\n  - {id: a, kind: claim, text: A}\n")
    assert m.source.date == "2011-06-15"


def test_top_level_must_be_a_mapping():
    assert "expected a map" in problems("- a\n- b\n")[0]


def test_json_errors_are_located_too():
    text = (
        '{\n  "title": "T",\n  "statements": [\n    {"id": "a", "kind": "claim", "text": "A"},\n'
        '    {"id": "b", "kind": "claim", "text": "B", "colour": 1}\n  ]\n}\n'
    )
    [line] = problems(text, "json")
    assert line.startswith("m.yaml:5:47:")
    assert "statements[1].colour: unknown field 'colour'" in line
    [line] = problems('{"title": "T",\n "statements": [}', "json")
    assert line.startswith("m.yaml:2:17:") and "invalid JSON" in line


def test_yaml_alias_bomb_is_refused_quickly():
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    text = "\n".join(lines) + "\ntitle: T\nstatements:\n  - {id: a, kind: claim, text: A, tags: *i}\n"
    found = problems(text)  # 9**9 strings if expanded: finishing at all proves it is not
    assert any("unknown field 'a'" in line for line in found)
    assert any("statements[0].tags[0]: expected text, found a list" in line for line in found)


@pytest.mark.parametrize(
    "fmt, text",
    [
        ("yaml", "title: " + "[" * 100_000 + "]" * 100_000 + "\n"),
        ("json", '{"title": ' + "[" * 100_000 + "]" * 100_000 + "}"),
    ],
)
def test_deep_nesting_is_an_error_not_a_crash(fmt, text):
    [line] = problems(text, fmt)
    assert "nest" in line


def test_a_nul_character_in_a_text_is_refused_where_it_is(tmp_path, run):
    """JSON can carry U+0000 as an escape, but no text format can (an Argdown or
    YAML file holding it would read as binary), so a map's texts may not."""
    path = tmp_path / "nul.json"
    path.write_text(
        '{"title": "T", "statements": [{"id": "a", "kind": "claim", "text": "A\\u0000b"}]}', encoding="utf-8"
    )
    result = run("validate", path)
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines() == [
        f"Error: {path}:1:60: statements[0].text: contains the NUL character (U+0000). "
        "Remove it: YAML, Argdown and other text formats cannot carry it."
    ]
