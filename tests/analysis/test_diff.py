"""diff: pairs of maps differing in each way."""

from __future__ import annotations

import copy

import pytest

from argmap.analysis.diff import counts, diff

from ..analysis_maps import graph

BASE = {
    "title": "T",
    "statements": [
        {"id": "p", "kind": "premise", "text": "P.", "quote": "p", "tags": ["a", "b"]},
        {"id": "q", "kind": "premise", "text": "Q."},
        {"id": "c", "kind": "proposal", "text": "C."},
        {"id": "x", "kind": "claim", "text": "X."},
    ],
    "arguments": [{"id": "a", "premises": ["p", "q"], "conclusion": "c"}],
    "attacks": [{"id": "t", "from": "x", "to": "p", "type": "undermine"}],
}


def changed(edit):
    new = copy.deepcopy(BASE)
    edit(new)
    return diff(graph(BASE), graph(new))


def test_identical_maps_even_reordered():
    new = copy.deepcopy(BASE)
    new["statements"].reverse()
    new["statements"][-1]["tags"] = ["b", "a"]  # p, now last
    new["arguments"][0]["premises"] = ["q", "p"]
    d = diff(graph(BASE), graph(new))
    assert d["identical"] and counts(d) == {"added": 0, "removed": 0, "changed": 0, "labels": 0}


@pytest.mark.parametrize(
    "section, field, edit, old, new",
    [
        ("statements", "text", lambda m: m["statements"][1].update(text="Q!"), "Q.", "Q!"),
        ("statements", "kind", lambda m: m["statements"][3].update(kind="premise"), "claim", "premise"),
        ("statements", "quote", lambda m: m["statements"][0].update(quote="pp"), "p", "pp"),
        ("statements", "tags", lambda m: m["statements"][0].update(tags=["a"]), ["a", "b"], ["a"]),
        ("arguments", "premises", lambda m: m["arguments"][0].update(premises=["p"]), ["p", "q"], ["p"]),
        ("arguments", "conclusion", lambda m: m["arguments"][0].update(conclusion="x"), "c", "x"),
        ("attacks", "to", lambda m: m["attacks"][0].update(to="q"), "p", "q"),
        ("attacks", "from", lambda m: m["attacks"][0].update({"from": "c"}), "x", "c"),
        ("attacks", "type", lambda m: m["attacks"][0].update(type="rebut"), "undermine", "rebut"),
    ],
)
def test_a_change_of_each_field(section, field, edit, old, new):
    d = changed(edit)
    assert not d["identical"]
    [item] = d[section]["changed"]
    assert item["changes"][field] == {"old": old, "new": new}
    assert counts(d)["changed"] == 1


def test_added_and_removed_in_each_section():
    def edit(m):
        m["statements"].append({"id": "y", "kind": "claim", "text": "Y."})
        m["arguments"].append({"id": "b", "premises": ["y"], "conclusion": "c"})
        m["attacks"] = [{"id": "u", "from": "y", "to": "x", "type": "rebut"}]

    d = changed(edit)
    assert [i["id"] for i in d["statements"]["added"]] == ["y"]
    assert d["arguments"]["added"] == [{"id": "b", "premises": ["y"], "conclusion": "c"}]
    assert [i["id"] for i in d["attacks"]["added"]] == ["u"]
    assert [i["id"] for i in d["attacks"]["removed"]] == ["t"]
    assert counts(d) == {"added": 3, "removed": 1, "changed": 0, "labels": 1}
    assert d["labels"] == [{"id": "c", "old": "out", "new": "in"}]  # p is no longer undermined


def test_a_proposal_whose_label_changes():
    # removing the undermine of p lets the argument for c stand
    d = changed(lambda m: m.pop("attacks"))
    assert d["labels"] == [{"id": "c", "old": "out", "new": "in"}]


def test_map_fields():
    d = changed(lambda m: m.update(title="U"))
    assert d["map"] == {"title": {"old": "T", "new": "U"}} and not d["identical"]
