"""The query library (argmap.query) on small hand-made maps whose answers are
worked out by hand, on random maps against brute force, and on the embedded map."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.errors import NotFound
from argmap.graph import arguments_for, build_graph, premises
from argmap.terms import ATTACK_TYPES, SUPPORT_EDGES
from argmap.model import ArgumentMap
from argmap.query import attack_report, attackers, find, paths, support_report, supporters
from argmap.stats import stats


def graph(statements: list[tuple[str, str]], arguments=(), attacks=(), **extra) -> nx.DiGraph:
    """A graph from compact rows: statements (id, kind), arguments (id, premises,
    conclusion), attacks (id, from, to, type); text is the id in capitals."""
    return build_graph(
        ArgumentMap.model_validate(
            {
                "title": "test",
                "statements": [
                    {"id": i, "kind": k, "text": i.upper() + ".", **extra.get(i, {})} for i, k in statements
                ],
                "arguments": [{"id": i, "premises": list(p), "conclusion": c} for i, p, c in arguments],
                "attacks": [{"id": i, "from": f, "to": t, "type": k} for i, f, t, k in attacks],
            }
        )
    )


def by_id(rows: list[dict]) -> dict[str, dict]:
    return {r["id"]: r for r in rows}


# A proposal with a linked reason (x + y) and a convergent one (z); w supports x.
# u undercuts the linked argument, r rebuts the proposal, m undermines w,
# q undercuts the argument from w.
LINKED = dict(
    statements=[
        ("p", "proposal"),
        ("x", "claim"),
        ("y", "premise"),
        ("z", "claim"),
        ("w", "premise"),
        ("u", "premise"),
        ("r", "claim"),
        ("m", "premise"),
        ("q", "premise"),
    ],
    arguments=[("a-xy", ["x", "y"], "p"), ("a-z", ["z"], "p"), ("a-w", ["w"], "x")],
    attacks=[
        ("t-u", "u", "a-xy", "undercut"),
        ("t-r", "r", "p", "rebut"),
        ("t-m", "m", "w", "undermine"),
        ("t-q", "q", "a-w", "undercut"),
    ],
)


@pytest.fixture
def linked() -> nx.DiGraph:
    return graph(**LINKED)


# c1 and c2 support each other; c2 also supports the proposal.
CYCLE = dict(
    statements=[("p", "proposal"), ("c1", "claim"), ("c2", "claim"), ("e", "premise")],
    arguments=[("b1", ["c1"], "c2"), ("b2", ["c2"], "c1"), ("b3", ["c2"], "p"), ("b4", ["e"], "c1")],
)

# s supports p through two chains of two steps (via m1, via m2) and one of three (via m3, m1).
TWO_CHAINS = dict(
    statements=[("p", "proposal"), ("m1", "claim"), ("m2", "claim"), ("m3", "claim"), ("s", "premise")],
    arguments=[
        ("a1", ["s"], "m1"),
        ("a2", ["m1"], "p"),
        ("a3", ["s"], "m2"),
        ("a4", ["m2"], "p"),
        ("a5", ["s"], "m3"),
        ("a6", ["m3"], "m1"),
    ],
)


# ------------------------------------------------------------------ supports ---


def test_linked_premises_act_through_one_argument_convergent_through_another(linked):
    rows = by_id(supporters(linked, "p"))
    assert {n: r["depth"] for n, r in rows.items()} == {"x": 1, "y": 1, "z": 1, "w": 2}
    assert rows["x"]["arguments"] == rows["y"]["arguments"] == ["a-xy"]
    assert rows["z"]["arguments"] == ["a-z"]
    assert rows["w"]["arguments"] == ["a-w"]
    assert rows["w"]["paths"] == [["w", "a-w", "x", "a-xy", "p"]]
    assert rows["y"]["paths"] == [["y", "a-xy", "p"]]


def test_supporters_are_sorted_by_depth_then_id_and_carry_the_promised_keys(linked):
    rows = supporters(linked, "p")
    assert [r["id"] for r in rows] == ["x", "y", "z", "w"]
    assert {"id", "kind", "text", "depth", "arguments", "paths"} <= set(rows[0])
    assert rows[0]["kind"] == "claim" and rows[0]["text"] == "X."


def test_direct_and_depth_limit_what_is_listed(linked):
    assert [r["id"] for r in supporters(linked, "p", depth=1)] == ["x", "y", "z"]
    assert [r["id"] for r in supporters(linked, "x")] == ["w"]
    assert supporters(linked, "w") == []


def test_an_argument_as_target_has_its_premises_as_direct_supporters(linked):
    rows = by_id(supporters(linked, "a-xy"))
    assert {n: r["depth"] for n, r in rows.items()} == {"x": 1, "y": 1, "w": 2}
    assert rows["w"]["paths"] == [["w", "a-w", "x", "a-xy"]]


def test_a_cycle_terminates_and_the_target_never_supports_itself():
    G = graph(**CYCLE)
    assert {r["id"]: r["depth"] for r in supporters(G, "p")} == {"c2": 1, "c1": 2, "e": 3}
    rows = by_id(supporters(G, "c1"))
    assert set(rows) == {"c2", "e"}  # not c1 itself, though c1 -> c2 -> c1
    assert rows["c2"]["paths"] == [["c2", "b2", "c1"]]  # not round the cycle again
    assert rows["e"]["paths"] == [["e", "b4", "c1"]]


def test_a_statement_supporting_through_two_chains_lists_both_shortest_first():
    G = graph(**TWO_CHAINS)
    s = by_id(supporters(G, "p"))["s"]
    assert s["depth"] == 2
    assert s["arguments"] == ["a1", "a3", "a5"]
    assert s["paths"] == [
        ["s", "a1", "m1", "a2", "p"],
        ["s", "a3", "m2", "a4", "p"],
        ["s", "a5", "m3", "a6", "m1", "a2", "p"],
    ]
    assert s["more_paths"] is False


def test_chains_are_bounded_and_the_bound_is_reported():
    G = graph(**TWO_CHAINS)
    s = by_id(supporters(G, "p", limit=2))["s"]
    assert s["paths"] == [["s", "a1", "m1", "a2", "p"], ["s", "a3", "m2", "a4", "p"]]
    assert s["more_paths"] is True
    report = support_report(G, "p", limit=2)
    assert report["paths_limit"] == 2 and report["target"]["id"] == "p"


def test_the_depth_limit_also_bounds_chains():
    G = graph(**TWO_CHAINS)
    s = by_id(supporters(G, "p", depth=2))["s"]
    assert [len(p) for p in s["paths"]] == [5, 5]  # the 3-step chain is beyond --depth 2
    assert s["arguments"] == ["a1", "a3"]


def test_unknown_ids_raise_not_found_with_a_suggestion(linked):
    with pytest.raises(NotFound) as err:
        supporters(linked, "a-x")
    assert "Did you mean 'a-xy'" in err.value.hint
    with pytest.raises(NotFound, match="is an attack"):
        attackers(linked, "t-u")


# ------------------------------------------------------------------- attacks ---


def test_attacks_name_rebuttals_and_undercuts_of_the_arguments_for_it(linked):
    rows = attackers(linked, "p")
    assert [(r["id"], r["type"], r["on"], r["depth"]) for r in rows] == [
        ("r", "rebut", "p", 0),
        ("u", "undercut", "a-xy", 1),
    ]
    assert rows[1]["attack"] == "t-u"
    assert rows[1]["path"] == ["u", "a-xy", "p"]


def test_deep_attacks_reach_what_the_target_rests_on_with_the_chain(linked):
    rows = attackers(linked, "p", deep=True)
    assert [(r["id"], r["type"], r["on"], r["depth"]) for r in rows] == [
        ("r", "rebut", "p", 0),
        ("u", "undercut", "a-xy", 1),
        ("m", "undermine", "w", 2),
        ("q", "undercut", "a-w", 2),
    ]
    deep = by_id(rows)
    assert deep["m"]["path"] == ["m", "w", "a-w", "x", "a-xy", "p"]
    assert deep["q"]["path"] == ["q", "a-w", "x", "a-xy", "p"]


def test_attacks_on_a_premise_are_deep_but_on_the_target_itself_are_not(linked):
    assert [r["id"] for r in attackers(linked, "w")] == ["m"]
    assert [(r["id"], r["on"], r["depth"]) for r in attackers(linked, "x")] == [("q", "a-w", 1)]
    assert [(r["id"], r["on"], r["depth"]) for r in attackers(linked, "x", deep=True)] == [
        ("m", "w", 1),
        ("q", "a-w", 1),
    ]
    report = attack_report(linked, "x", deep=True)
    assert report["deep"] is True and report["target"]["id"] == "x"


def test_deep_attacks_in_a_cycle_terminate():
    G = graph(
        statements=CYCLE["statements"] + [("k", "premise")],
        arguments=CYCLE["arguments"],
        attacks=[("t-k", "k", "b2", "undercut")],
    )
    # b2 (c2 -> c1) is a step in p's support: c1 supports c2, which supports p
    rows = attackers(G, "p", deep=True)
    assert [(r["id"], r["on"], r["depth"]) for r in rows] == [("k", "b2", 3)]
    assert rows[0]["path"] == ["k", "b2", "c1", "b1", "c2", "b3", "p"]


# ---------------------------------------------------------------------- path ---


def test_path_follows_support_and_attack_edges_shortest_first(linked):
    found = paths(linked, "m", "p")
    assert found["paths"] == [
        {
            "nodes": ["m", "w", "a-w", "x", "a-xy", "p"],
            "edges": ["undermine", "premise", "conclusion", "premise", "conclusion"],
            "length": 5,
        }
    ]
    assert found["from"]["id"] == "m" and found["to"]["id"] == "p" and found["more_paths"] is False


def test_path_lists_both_chains_and_none_backwards():
    G = graph(**TWO_CHAINS)
    assert [p["length"] for p in paths(G, "s", "p")["paths"]] == [4, 4, 6]
    assert paths(G, "p", "s")["paths"] == []
    assert paths(G, "s", "s")["paths"] == []
    limited = paths(G, "s", "p", limit=1)
    assert [p["nodes"] for p in limited["paths"]] == [["s", "a1", "m1", "a2", "p"]] and limited["more_paths"]


# ---------------------------------------------------------------------- find ---


def test_find_ranks_id_then_text_then_quote_matches_case_insensitively():
    G = graph(
        statements=[("rain", "premise"), ("wet", "claim"), ("forecast", "premise"), ("go", "proposal")],
        arguments=[("a-go", ["wet"], "go")],
        wet={"text": "Rain makes you wet."},
        forecast={
            "text": "The forecast.",
            "quote": "heavy RAIN tomorrow",
            "speaker": "met-office",
            "tags": ["weather"],
        },
    )
    assert [(r["id"], r["rank"]) for r in find(G, "Rain")] == [("rain", 0), ("wet", 2), ("forecast", 3)]
    assert [r["id"] for r in find(G, "met-office")] == ["forecast"]
    assert [r["id"] for r in find(G, "WEATHER")] == ["forecast"]
    assert [(r["id"], r["matched"]) for r in find(G, "tomorrow forecast")] == [("forecast", ["id", "text", "quote"])]
    assert find(G, "snow") == [] and find(G, "  ") == []


def test_find_covers_arguments_and_attacks(linked):
    assert [(r["id"], r["kind"]) for r in find(linked, "t-q")] == [("t-q", "attack")]
    assert [r["id"] for r in find(linked, "a-w")] == ["a-w"]


# -------------------------------------------------- random maps, brute force ---


@st.composite
def random_maps(draw):
    n = draw(st.integers(2, 7))
    ids = [f"s{i}" for i in range(n)]
    kinds = draw(st.lists(st.sampled_from(["proposal", "claim", "premise"]), min_size=n, max_size=n))
    arguments = []
    for j in range(draw(st.integers(0, 8))):
        conclusion = draw(st.sampled_from(ids))
        choices = [i for i in ids if i != conclusion]
        chosen = draw(st.lists(st.sampled_from(choices), min_size=1, max_size=3, unique=True))
        arguments.append((f"a{j}", chosen, conclusion))
    nodes = ids + [a for a, _, _ in arguments]
    attacks = []
    for k in range(draw(st.integers(0, 4))):
        source = draw(st.sampled_from(ids))
        to = draw(st.sampled_from([x for x in nodes if x != source]))
        kind = "undercut" if to.startswith("a") else draw(st.sampled_from(["rebut", "undermine"]))
        if kind == "undercut" and source in next(p for a, p, _ in arguments if a == to):
            continue  # a premise cannot undercut its own argument
        if (source, to) not in {(f, t) for _, f, t, _ in attacks}:
            attacks.append((f"t{k}", source, to, kind))
    return graph(list(zip(ids, kinds, strict=True)), arguments, attacks)


def support_view(G):
    return nx.subgraph_view(G, filter_edge=lambda u, v: G.edges[u, v]["type"] in SUPPORT_EDGES)


def all_chains(G, source, target):
    return sorted((p for p in nx.all_simple_paths(G, source, target)), key=lambda p: (len(p), p))


@settings(max_examples=150, deadline=None)
@given(random_maps(), st.integers(1, 4))
def test_supporters_agree_with_brute_force(G, limit):
    support = support_view(G)
    for target in [n for n in G if G.nodes[n]["kind"] != "argument"]:
        rows = by_id(supporters(G, target, limit=limit))
        expected = {n for n in nx.ancestors(support, target) if G.nodes[n]["kind"] != "argument"}
        assert set(rows) == expected
        for n, r in rows.items():
            chains = all_chains(support, n, target)
            assert r["depth"] == (len(chains[0]) - 1) // 2
            assert len(r["paths"]) <= limit
            assert all(p in chains for p in r["paths"])  # every listed chain is a real simple chain
            assert r["paths"] == sorted(r["paths"], key=lambda p: (len(p), p))
            assert len(r["paths"][0]) == len(chains[0])  # the first is a shortest one
            if not r["more_paths"]:
                assert r["paths"] == chains  # complete when it says so


@settings(max_examples=150, deadline=None)
@given(random_maps())
def test_deep_attackers_agree_with_brute_force(G):
    support = support_view(G)
    attacks = [(u, v) for u, v, t in G.edges(data="type") if t in ATTACK_TYPES]
    for target in [n for n in G if G.nodes[n]["kind"] != "argument"]:
        rests_on = nx.ancestors(support, target) | {target}
        got = sorted((r["id"], r["on"]) for r in attackers(G, target, deep=True))
        assert got == sorted((u, v) for u, v in attacks if v in rests_on)
        shallow = {target} | set(arguments_for(G, target))
        got = sorted((r["id"], r["on"]) for r in attackers(G, target))
        assert got == sorted((u, v) for u, v in attacks if v in shallow)


@settings(max_examples=150, deadline=None)
@given(random_maps(), st.integers(1, 4))
def test_paths_agree_with_brute_force(G, limit):
    statements_ = [n for n in G if G.nodes[n]["kind"] != "argument"]
    for source in statements_:
        for target in statements_:
            if source == target:
                continue
            found = paths(G, source, target, limit=limit)
            listed = [p["nodes"] for p in found["paths"]]
            chains = all_chains(G, source, target)
            assert all(p in chains for p in listed)
            # exactly the `limit` shortest (which of equally long ones is a free choice)
            assert [len(p) for p in listed] == [len(p) for p in chains[:limit]]
            assert listed == sorted(listed, key=lambda p: (len(p), p))
            assert found["more_paths"] == (len(chains) > limit)


# ------------------------------------------------------------ embedded map ---


@pytest.fixture(scope="module")
def sco() -> nx.DiGraph:
    return build_graph(argmap.load())


def test_what_supports_the_6n_partnership_proposal(sco):
    # The scholar's 6+N mechanism is offered "for instance" of improving the
    # mechanism, which improving overall performance "necessitates"; that task
    # is one of the tough tasks ahead and a means to the thesis, deepening the
    # cooperation, with everything that supports it (paragraphs 3-7).
    # Separately, "this would provide the framework for handling a variety of
    # issues from extradition to terrorism ...".
    rows = by_id(supporters(sco, "prop-6n-partnership"))
    assert {n: r["depth"] for n, r in rows.items()} == {
        "prop-improve-mechanism": 1,
        "sixn-framework-issues": 1,
        "prop-improve-performance": 2,
        "future-tough-tasks": 3,
        "prop-deepen-ct": 3,
        "coop-beneficial": 4,
        "ct-deepening-meaningful": 4,
        "peace-building-complex": 4,
        "ct-reputation-concept-model": 5,
        "ct-supports-other-cooperation": 5,
        "hot-issue-disputes-recur": 5,
        "hot-issues-unsolved": 5,
        "threats-fused": 5,
        "ct-builds-trust": 6,
        "ct-much-to-gain": 6,
        "ct-scope": 6,
    }
    # the tough tasks and the thesis are separate (convergent) reasons for the task
    assert rows["future-tough-tasks"]["arguments"] == ["arg-tasks-performance"]
    assert rows["prop-deepen-ct"]["arguments"] == ["arg-deepen-performance"]
    assert rows["future-tough-tasks"]["paths"] == [
        [
            "future-tough-tasks",
            "arg-tasks-performance",
            "prop-improve-performance",
            "arg-necessitates-mechanism",
            "prop-improve-mechanism",
            "arg-mechanism-6n",
            "prop-6n-partnership",
        ]
    ]


def test_what_supports_deepening_cooperation(sco):
    # Paragraph 6: "Against this backdrop" (peace building stays complex:
    # three separate reasons before "Therefore"), "especially" important for
    # the benefits the article has argued, and paragraph 7's "meaningful task".
    # The spokesman's call is his own argument, not a reason for the thesis.
    rows = by_id(supporters(sco, "prop-deepen-ct"))
    direct = {n for n, r in rows.items() if r["depth"] == 1}
    assert direct == {"peace-building-complex", "coop-beneficial", "ct-deepening-meaningful"}
    assert {"hot-issue-disputes-recur", "hot-issues-unsolved", "threats-fused", "ct-builds-trust"} <= set(rows)
    assert "prop-intl-reinforce-cooperation" not in rows and "terror-still-frequent" not in rows
    assert rows["hot-issues-unsolved"]["arguments"] == ["arg-unsolved-peace"]
    assert rows["hot-issue-disputes-recur"]["arguments"] == ["arg-disputes-peace"]


def test_what_the_article_raises_against_the_spokesmans_call(sco):
    # "although the killing of bin Laden is an important event ... terrorist
    # activities are still quite frequent": the concession, and its answer
    rows = attackers(sco, "prop-intl-reinforce-cooperation", deep=True)
    assert [(r["id"], r["type"], r["on"]) for r in rows] == [
        ("bin-laden-progress", "rebut", "prop-intl-reinforce-cooperation")
    ]
    assert [(r["id"], r["type"]) for r in attackers(sco, "bin-laden-progress")] == [
        ("terror-still-frequent", "undermine")
    ]
    # the members' differences are a task, not an objection: nothing attacks the thesis
    assert attackers(sco, "prop-deepen-ct", deep=True) == []


def test_every_proposal_with_reasons_has_their_premises_as_direct_supporters(sco):
    for node in [n for n, k in sco.nodes(data="kind") if k == "proposal"]:
        direct = {r["id"] for r in supporters(sco, node, depth=1)}
        assert direct == {p for a in arguments_for(sco, node) for p in premises(sco, a)}


def test_find_and_stats_on_the_embedded_map(sco):
    assert find(sco, "6+N")[0]["id"] == "prop-6n-partnership"
    assert find(sco, "bin Laden")[0]["id"] == "bin-laden-progress"
    s = stats(sco)
    assert s["statements"]["total"] == len([n for n, k in sco.nodes(data="kind") if k != "argument"])
    assert sum(s["statements"]["by_speaker"].values()) == s["statements"]["total"]
    assert "chinese-scholar" in s["statements"]["by_speaker"]
    assert s["longest_chain"]["exact"] is True
