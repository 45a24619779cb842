"""critical (smallest sets of grounds whose loss leaves a node unsupported) against
brute force."""

from __future__ import annotations

import itertools

from hypothesis import given, settings

from argmap.analysis.critical import critical, support_ancestry

from ..analysis_maps import graph, maps


def stands(G, node, removed):
    """Whether ``node`` has well-founded support once ``removed`` are gone (forward chaining)."""
    have = {
        n
        for n, d in G.nodes(data=True)
        if d["kind"] != "argument"
        and n not in removed
        and not any(t == "conclusion" for _, _, t in G.in_edges(n, data="type"))
    }
    changed = True
    while changed:
        changed = False
        for n, d in G.nodes(data=True):
            if d["kind"] == "argument" and n not in have and all(p in have for p in d["premises"]):
                have |= {n, d["conclusion"]}
                changed = True
    return node in have


@settings(max_examples=150, deadline=None)
@given(maps(max_statements=7, max_arguments=7, max_attacks=0))
def test_critical_matches_brute_force(data):
    G = graph(data)
    for node in G:
        result = critical(G, node)
        if not stands(G, node, set()):
            assert (result.size, result.cuts) == (0, []), node
            continue
        grounds = result.grounds
        for k in range(1, len(grounds) + 1):
            want = sorted(sorted(c) for c in itertools.combinations(grounds, k) if not stands(G, node, set(c)))
            if want:
                break
        assert result.size == k, node
        assert sorted(sorted(c) for c in result.cuts) == want, node
        # grounds are exactly the unargued statements the node rests on
        ancestry = set(support_ancestry(G, node))
        assert set(grounds) == {
            n
            for n in ancestry
            if G.nodes[n]["kind"] != "argument" and not any(t == "conclusion" for _, _, t in G.in_edges(n, data="type"))
        }


LINKED = {
    "title": "T",
    "statements": [
        {"id": "p", "kind": "premise", "text": "P."},
        {"id": "q", "kind": "premise", "text": "Q."},
        {"id": "r", "kind": "premise", "text": "R."},
        {"id": "m", "kind": "claim", "text": "M."},
        {"id": "c", "kind": "proposal", "text": "C."},
        {"id": "d", "kind": "proposal", "text": "D."},
        {"id": "x", "kind": "claim", "text": "X."},
    ],
    "arguments": [
        {"id": "a1", "premises": ["p", "q"], "conclusion": "m"},
        {"id": "a2", "premises": ["m"], "conclusion": "c"},
        {"id": "a3", "premises": ["r"], "conclusion": "c"},
        {"id": "a4", "premises": ["m"], "conclusion": "d"},
    ],
    "attacks": [{"id": "t", "from": "x", "to": "q", "type": "undermine"}],
}


def test_linked_premises_each_bear_the_load_and_attacks_are_reported():
    G = graph(LINKED)
    single = critical(G, "d")
    assert (single.size, single.cuts) == (1, [["p"], ["q"]])
    assert single.as_dict()["load_bearing"] == ["p", "q"]
    assert single.attacked == {"q": ["x"]}
    both = critical(G, "c")
    assert (both.size, both.cuts) == (2, [["p", "r"], ["q", "r"]])
    assert both.grounds == ["p", "q", "r"]


def test_critical_of_a_ground_and_of_circular_support():
    G = graph(LINKED)
    assert critical(G, "r").cuts == [["r"]]
    circle = graph(
        {
            "title": "T",
            "statements": [{"id": "a", "kind": "claim", "text": "A."}, {"id": "b", "kind": "claim", "text": "B."}],
            "arguments": [
                {"id": "x", "premises": ["a"], "conclusion": "b"},
                {"id": "y", "premises": ["b"], "conclusion": "a"},
            ],
        }
    )
    assert (critical(circle, "a").size, critical(circle, "a").cuts) == (0, [])


def test_critical_gives_up_on_size_rather_than_searching_forever():
    G = graph(LINKED)
    assert critical(G, "c", max_size=1).size is None
