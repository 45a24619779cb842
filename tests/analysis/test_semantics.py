"""Evaluation: the framework built from a map, and its grounded, preferred and
stable labellings, checked against brute force and classic hand-checked cases."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings

from argmap.analysis.explain import explanations
from argmap.analysis.framework import Framework, framework
from argmap.analysis.search import SearchTooLarge
from argmap.analysis.semantics import evaluate, evaluation_data, grounded, label, labellings

from ..analysis_maps import IN, OUT, UNDEC, complete_labellings, frameworks, graph, maps, select

SEMANTICS = ("grounded", "preferred", "stable")


def af(n_or_names, attacks):
    names = [str(i) for i in range(n_or_names)] if isinstance(n_or_names, int) else list(n_or_names)
    return Framework.from_attacks(names, [(names[u], names[v]) if isinstance(u, int) else (u, v) for u, v in attacks])


# ------------------------------------------------------------- brute force ---


@settings(max_examples=400, deadline=None)
@given(frameworks())
def test_every_semantics_matches_brute_force_on_random_frameworks(case):
    n, attacks = case
    every = complete_labellings(n, attacks)
    for semantics in SEMANTICS:
        assert sorted(labellings(af(n, attacks), semantics)) == select(every, semantics), semantics


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(maps())
def test_map_labellings_match_brute_force_over_the_map(data):
    """Enumerate labels of statements and arguments; the auxiliary nodes follow
    from them; keep the complete ones and select by semantics."""
    G = graph(data)
    f = framework(G)
    ids = list(G.nodes)
    every = []
    for values in itertools.product((IN, OUT, UNDEC), repeat=len(ids)):
        lab = dict(zip(ids, values, strict=True))
        full = [lab.get(name) or _aux(G, name, lab) for name in f.names]
        if all(full[v] == _legal(full, f.attackers[v]) for v in range(len(f))):
            every.append(tuple(full))
    for semantics in SEMANTICS:
        assert sorted(labellings(f, semantics)) == select(every, semantics), semantics


def _aux(G, name, lab):
    kind, _, base = name.partition(":")
    if kind == "not":
        return {IN: OUT, OUT: IN, UNDEC: UNDEC}[lab[base]]
    args = [lab[a] for a, _, t in G.in_edges(base, data="type") if t == "conclusion"]
    return OUT if IN in args else IN if all(x == OUT for x in args) else UNDEC


def _legal(full, attackers):
    labels = [full[u] for u in attackers]
    return IN if all(x == OUT for x in labels) else OUT if IN in labels else UNDEC


@settings(max_examples=200, deadline=None)
@given(maps(max_statements=8, max_arguments=6, max_attacks=6))
def test_labels_mean_what_the_readme_says(data):
    """In every labelling: an argument is IN iff all its premises are IN and every
    undercut fails; a statement is IN iff it is given or one of its arguments is
    IN, and every attack on it fails; OUT iff an attack on it succeeds or every
    argument for it is OUT."""
    G = graph(data)
    for semantics in SEMANTICS:
        ev = evaluate(G, semantics)
        for k in range(ev.count):
            lab = ev.result.labelling(k)
            value = {n: lab[ev.framework.index[n]] for n in G}
            for n, d in G.nodes(data=True):
                attackers = [
                    value[u] for u, _, t in G.in_edges(n, data="type") if t in ("rebut", "undermine", "undercut")
                ]
                if d["kind"] == "argument":
                    need = [value[p] for p in d["premises"]]
                    expect = (
                        IN
                        if all(x == IN for x in need) and all(x == OUT for x in attackers)
                        else OUT
                        if OUT in need or IN in attackers
                        else UNDEC
                    )
                else:
                    args = [value[a] for a, _, t in G.in_edges(n, data="type") if t == "conclusion"]
                    support = IN if not args or IN in args else OUT if all(x == OUT for x in args) else UNDEC
                    expect = (
                        OUT
                        if IN in attackers or support == OUT
                        else IN
                        if support == IN and all(x == OUT for x in attackers)
                        else UNDEC
                    )
                assert value[n] == expect, (semantics, n)


# --------------------------------------------------------- classic cases ---


def test_chain_reinstates():
    assert grounded(af(3, [(0, 1), (1, 2)]))[0] == [IN, OUT, IN]


def test_even_cycle_is_undecided_for_grounded_and_two_ways_for_preferred_and_stable():
    cycle = af(2, [(0, 1), (1, 0)])
    assert labellings(cycle, "grounded") == [[UNDEC, UNDEC]]
    assert labellings(cycle, "preferred") == [[IN, OUT], [OUT, IN]]
    assert labellings(cycle, "stable") == [[IN, OUT], [OUT, IN]]


def test_odd_cycle_has_no_stable_labelling():
    cycle = af(3, [(0, 1), (1, 2), (2, 0)])
    assert labellings(cycle, "grounded") == labellings(cycle, "preferred") == [[UNDEC] * 3]
    assert labellings(cycle, "stable") == []


def test_self_attack():
    f = af(3, [(0, 0), (0, 1), (2, 2), (2, 0)])
    assert labellings(f, "preferred") == [[UNDEC, UNDEC, UNDEC]]
    assert labellings(f, "stable") == []
    # attacked by an unattacked node, a self-attacker is simply OUT
    assert grounded(af(2, [(0, 0), (1, 0)]))[0] == [OUT, IN]


def test_floating_defeat_preferred_is_bolder_than_grounded():
    # a and b attack each other and both attack c; c attacks d
    f = af("abcd", [("a", "b"), ("b", "a"), ("a", "c"), ("b", "c"), ("c", "d")])
    assert grounded(f)[0] == [UNDEC] * 4
    assert [lab[2:] for lab in labellings(f, "preferred")] == [[OUT, IN], [OUT, IN]]


MAP = {
    "title": "T",
    "statements": [
        {"id": "p", "kind": "premise", "text": "P."},
        {"id": "q", "kind": "premise", "text": "Q."},
        {"id": "c", "kind": "claim", "text": "C."},
        {"id": "x", "kind": "claim", "text": "X."},
        {"id": "y", "kind": "claim", "text": "Y."},
    ],
}


def labels_of(data, semantics="grounded"):
    return evaluate(graph({**MAP, **data}), semantics).labels()


def test_undercut_defeats_the_argument_and_its_only_conclusion():
    got = labels_of(
        {
            "arguments": [{"id": "a", "premises": ["p"], "conclusion": "c"}],
            "attacks": [{"id": "t", "from": "x", "to": "a", "type": "undercut"}],
        }
    )
    assert (got["a"], got["c"], got["p"], got["x"]) == (OUT, OUT, IN, IN)


def test_a_convergent_argument_survives_an_undercut_of_the_other():
    got = labels_of(
        {
            "arguments": [
                {"id": "a", "premises": ["p"], "conclusion": "c"},
                {"id": "b", "premises": ["q"], "conclusion": "c"},
            ],
            "attacks": [{"id": "t", "from": "x", "to": "a", "type": "undercut"}],
        }
    )
    assert (got["a"], got["b"], got["c"]) == (OUT, IN, IN)


def test_a_linked_argument_falls_with_any_premise():
    got = labels_of(
        {
            "arguments": [{"id": "a", "premises": ["p", "q"], "conclusion": "c"}],
            "attacks": [{"id": "t", "from": "x", "to": "q", "type": "undermine"}],
        }
    )
    assert (got["q"], got["a"], got["c"], got["p"]) == (OUT, OUT, OUT, IN)


def test_reinstatement_through_the_support_chain():
    got = labels_of(
        {
            "arguments": [{"id": "a", "premises": ["p"], "conclusion": "c"}],
            "attacks": [
                {"id": "t", "from": "x", "to": "p", "type": "undermine"},
                {"id": "u", "from": "y", "to": "x", "type": "rebut"},
            ],
        }
    )
    assert (got["y"], got["x"], got["p"], got["a"], got["c"]) == (IN, OUT, IN, IN, IN)


def test_rebut_of_a_conclusion_leaves_its_argument_standing():
    got = labels_of(
        {
            "arguments": [{"id": "a", "premises": ["p"], "conclusion": "c"}],
            "attacks": [{"id": "t", "from": "x", "to": "c", "type": "rebut"}],
        }
    )
    assert (got["a"], got["c"]) == (IN, OUT)


def test_mutual_rebut_is_undecided_then_two_ways():
    data = {
        "attacks": [
            {"id": "t", "from": "x", "to": "y", "type": "rebut"},
            {"id": "u", "from": "y", "to": "x", "type": "rebut"},
        ]
    }
    assert (labels_of(data)["x"], labels_of(data)["y"]) == (UNDEC, UNDEC)
    ev = evaluate(graph({**MAP, **data}), "preferred")
    assert ev.count == 2 and ev.statuses("x") == [IN, OUT] and ev.label("x") == UNDEC
    assert ev.label("p") == IN


def test_support_that_only_goes_round_in_a_circle_is_undecided():
    got = labels_of(
        {
            "arguments": [
                {"id": "a", "premises": ["x"], "conclusion": "y"},
                {"id": "b", "premises": ["y"], "conclusion": "x"},
            ]
        }
    )
    assert (got["x"], got["y"], got["a"], got["b"]) == (UNDEC,) * 4


def test_the_framework_is_linear_in_the_map():
    G = graph(
        {
            **MAP,
            "arguments": [{"id": "a", "premises": ["p", "q"], "conclusion": "c"}],
            "attacks": [{"id": "t", "from": "x", "to": "a", "type": "undercut"}],
        }
    )
    f = framework(G)
    # 5 statements + 1 argument + not:p, not:q + unsupported:c
    assert len(f) == 9
    assert sorted(f.attack_names()) == sorted(
        [
            ("p", "not:p"),
            ("q", "not:q"),
            ("not:p", "a"),
            ("not:q", "a"),
            ("a", "unsupported:c"),
            ("unsupported:c", "c"),
            ("x", "a"),
        ]
    )


# ------------------------------------------------------------ the search ---


def test_independent_regions_are_counted_not_enumerated():
    pairs = [(2 * k, 2 * k + 1) for k in range(40)]
    f = af(80, pairs + [(v, u) for u, v in pairs])
    result = label(f, "preferred")
    assert result.count == 2**40
    assert len(result.parts) == 40
    assert result.labelling(0)[:4] == [IN, OUT, IN, OUT]
    assert result.labelling(2**40 - 1)[:4] == [OUT, IN, OUT, IN]


def test_the_guard_stops_an_exponential_search_with_a_clear_message():
    # 20 even cycles all attacking one node: one region with 2^20 labellings
    pairs = [(2 * k, 2 * k + 1) for k in range(20)]
    attacks = pairs + [(v, u) for u, v in pairs] + [(u, 40) for u, _ in pairs]
    with pytest.raises(SearchTooLarge) as err:
        label(af(41, attacks), "preferred", budget=5000)
    assert "beyond what exact enumeration can do" in err.value.message
    assert "--semantics grounded" in err.value.hint
    assert label(af(41, attacks), "grounded").count == 1  # grounded needs no search


def test_long_chains_need_no_recursion():
    n = 50_000
    chain = Framework(list(map(str, range(n))), ["statement"] * n, [(i, i + 1) for i in range(n - 1)])
    assert grounded(chain)[0][-2:] == [IN, OUT]  # 49,998 is even: IN
    n = 20_000
    cycle = Framework(list(map(str, range(n))), ["statement"] * n, [(i, (i + 1) % n) for i in range(n)])
    assert label(cycle, "preferred").count == 2  # an even cycle of 20,000, one component


# ----------------------------------------------------------- explanations ---


def test_explanation_of_reinstatement_is_a_chain_of_defenders():
    G = graph(
        {
            **MAP,
            "arguments": [{"id": "a", "premises": ["p"], "conclusion": "c"}],
            "attacks": [
                {"id": "t", "from": "x", "to": "p", "type": "undermine"},
                {"id": "u", "from": "y", "to": "x", "type": "rebut"},
            ],
        }
    )
    [tree] = explanations(evaluate(G), G, "c")
    assert (tree["id"], tree["label"]) == ("c", IN)
    chain = []
    node = tree
    while node["because"]:
        node = node["because"][-1] if node["id"] == "p" else node["because"][0]
        chain.append((node.get("relation"), node["id"], node["label"]))
    assert chain == [("reason", "a", IN), ("premise", "p", IN), ("undermined by", "x", OUT), ("rebutted by", "y", IN)]
    assert node["note"].startswith("given")


def test_explanation_of_an_undecided_cycle_comes_back_round():
    G = graph(
        {
            **MAP,
            "attacks": [
                {"id": "t", "from": "x", "to": "y", "type": "rebut"},
                {"id": "u", "from": "y", "to": "x", "type": "rebut"},
            ],
        }
    )
    [tree] = explanations(evaluate(G), G, "x")
    assert tree["label"] == UNDEC
    back = tree["because"][0]["because"][0]
    assert (back["id"], back["note"]) == ("x", "shown above")


def test_explanations_cover_each_label_a_node_takes():
    G = graph(
        {
            **MAP,
            "attacks": [
                {"id": "t", "from": "x", "to": "y", "type": "rebut"},
                {"id": "u", "from": "y", "to": "x", "type": "rebut"},
            ],
        }
    )
    trees = explanations(evaluate(G, "preferred"), G, "y")
    assert [t["label"] for t in trees] == [IN, OUT]
    assert trees[1]["because"][0]["id"] == "x" and trees[1]["because"][0]["label"] == IN


def test_json_data_is_complete_and_sorted():
    G = graph(
        {
            **MAP,
            "attacks": [
                {"id": "t", "from": "x", "to": "y", "type": "rebut"},
                {"id": "u", "from": "y", "to": "x", "type": "rebut"},
            ],
        }
    )
    data = evaluation_data(evaluate(G, "stable"), G)
    assert data["count"] == 2
    assert set(data["statements"]) == {"p", "q", "c", "x", "y"}
    assert data["statements"]["x"] == {"kind": "claim", "label": UNDEC, "labels": [IN, OUT]}
    # each labelling lists the nodes whose label varies; the others are in "statements"
    assert data["labellings"] == [{"in": ["x"], "out": ["y"], "undec": []}, {"in": ["y"], "out": ["x"], "undec": []}]
    assert data["statements"]["p"]["labels"] == [IN]
