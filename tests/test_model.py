"""The models (argmap.model): frozen, strict about fields, and one check of every
cross-reference; the same rules whether a map arrives as models or plain dicts."""

from __future__ import annotations

import pydantic
import pytest
from pydantic import TypeAdapter

from argmap.errors import MapProblems
from argmap.model import ArgumentMap, Attack, Statement, plain_schema, reference_problems

MAP = {
    "title": "T",
    "statements": [{"id": "p", "kind": "premise", "text": "P."}, {"id": "c", "kind": "claim", "text": "C."}],
    "arguments": [{"id": "a", "premises": ["p"], "conclusion": "c"}],
    "attacks": [{"id": "t", "from": "c", "to": "p", "type": "rebut"}],
}


def test_a_map_is_frozen_and_holds_tuples():
    m = ArgumentMap.model_validate(MAP)
    with pytest.raises(pydantic.ValidationError):
        m.statements[0].text = "changed"  # type: ignore[misc]
    assert isinstance(m.statements, tuple) and m.arguments[0].premises == ("p",)
    assert m.attacks[0].from_ == "c"  # the field is 'from' in the map format


def test_unknown_fields_and_bad_values_are_refused():
    with pytest.raises(pydantic.ValidationError) as err:
        Statement.model_validate({"id": "Big Idea", "kind": "opinion", "text": " ", "speakr": "x"})
    kinds = {e["type"] for e in err.value.errors()}
    assert kinds == {"string_pattern_mismatch", "literal_error", "extra_forbidden"}


def test_cross_references_are_checked_once_the_fields_are_valid():
    bad = {**MAP, "arguments": [{"id": "a", "premises": ["p", "nope"], "conclusion": "c"}]}
    with pytest.raises(MapProblems) as err:
        ArgumentMap.model_validate(bad)
    assert [p.path for p in err.value.problems] == [("arguments", 0, "premises", 1)]


@pytest.mark.parametrize(
    "statements, arguments, attacks, message",
    [
        (["a", "a"], [], [], "id 'a' is already used by statements[0]"),
        (["a", "b"], [("x", ("a",), "a")], [], "concludes 'a', which is also one of its premises"),
        (["a", "b"], [("x", ("a",), "b")], [("t", "b", "x", "rebut")], "(to attack an argument, use type: undercut)"),
    ],
)
def test_each_reference_mistake_has_its_message(statements, arguments, attacks, message):
    problems = reference_problems(statements, arguments, attacks)
    assert any(message in p.message for p in problems), [p.message for p in problems]


def test_a_self_attack_is_no_reference_mistake():
    # a self-defeating claim (issue 15, item 4): the map holds it and `check` flags it
    assert reference_problems(["a", "b"], [("x", ("a",), "b")], [("t", "b", "b", "rebut")]) == []
    # nor a premise undercutting its own argument (a self-defeating argument)
    assert reference_problems(["a", "b"], [("x", ("a",), "b")], [("t", "a", "x", "undercut")]) == []


def test_the_plain_schema_validates_into_dicts_with_the_models_rules():
    plain = TypeAdapter(plain_schema(Attack))
    assert plain.validate_python({"id": "t", "from": "a", "to": "b", "type": "rebut"}) == {
        "id": "t",
        "from": "a",
        "to": "b",
        "type": "rebut",
        "tags": (),
    }
    with pytest.raises(pydantic.ValidationError):
        plain.validate_python({"id": "t", "from": "a", "to": "b", "type": "agree"})
