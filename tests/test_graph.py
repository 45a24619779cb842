"""The map as a graph (argmap.graph): what build_graph makes, the accessors the
queries and writers use, and map_data, the one way back to the map format."""

from __future__ import annotations

import networkx as nx
import pytest

import argmap
from argmap.errors import NotFound
from argmap.graph import (
    arguments_for,
    attacks_on,
    build_graph,
    conclusion,
    map_data,
    map_source,
    premises,
    require,
    statements,
    upstream,
)

from .export_helpers import SMALL


@pytest.fixture(scope="module")
def small() -> nx.DiGraph:
    return build_graph(argmap.load(SMALL))


def test_nodes_are_statements_then_arguments_in_map_order_with_every_field(small):
    m = argmap.load(SMALL)
    assert list(small) == [s.id for s in m.statements] + [a.id for a in m.arguments]
    assert small.nodes["charge"] == {
        "id": "charge",
        "kind": "proposal",
        "text": "Charge drivers who enter the centre at peak hours.",
        "quote": "The council should charge drivers who enter the centre at peak hours",
        "paragraph": 1,
        "speaker": "author",
        "tags": ("policy",),
    }
    assert small.nodes["arg-congestion"]["kind"] == "argument"


def test_edges_are_typed_premise_conclusion_or_attack_with_the_attacks_fields(small):
    assert small.edges["traffic-doubled", "arg-congestion"] == {"type": "premise"}
    assert small.edges["arg-congestion", "charge"] == {"type": "conclusion"}
    attack = small.edges["better-buses", "arg-analogy"]
    assert attack["type"] == "undercut" and attack["id"] and "from" not in attack and "to" not in attack
    assert [small.edges[u, v]["type"] for u, v in small.graph["attacks"]] == [
        t.type for t in argmap.load(SMALL).attacks
    ]


def test_accessors_answer_in_map_order(small):
    assert statements(small, "proposal") == ["charge"]
    assert arguments_for(small, "charge") == ["arg-congestion", "arg-cuts-traffic"]
    assert premises(small, "arg-congestion") == ["traffic-doubled", "buses-late"]
    assert conclusion(small, "arg-analogy") == "charge-cuts-traffic"
    assert [(u, t) for u, t, _ in attacks_on(small, "charge")] == [("customers-leave", "rebut")]


def test_upstream_is_everything_that_bears_on_the_roots(small):
    assert upstream(small, ["charge-cuts-traffic"]) == {
        "charge-cuts-traffic",
        "arg-analogy",
        "elsewhere-worked",
        "centres-alike",
        "better-buses",
    }
    assert upstream(small, ["charge"]) == set(small)  # every statement bears on the one proposal


def test_map_data_gives_back_the_map_it_was_built_from(small):
    assert argmap.ArgumentMap.model_validate(map_data(small)) == argmap.load(SMALL)


def test_map_data_of_a_view_keeps_only_the_premises_in_it(small):
    view = nx.subgraph_view(small, filter_node=lambda n: n not in ("buses-late", "counters-moved"))
    data = map_data(view)
    congestion = next(a for a in data["arguments"] if a["id"] == "arg-congestion")
    assert congestion["premises"] == ["traffic-doubled"]
    assert all(t["from"] != "counters-moved" for t in data["attacks"])
    argmap.ArgumentMap.model_validate(data)  # still a valid map


def test_map_source_rewrites_only_the_file(small):
    assert map_source(small) == {"title": "A Congestion Charge for the City Centre", "file": "small.txt"}
    assert map_source(small, "../data/small.txt")["file"] == "../data/small.txt"
    assert map_data(small, source_file="x.txt")["source"]["file"] == "x.txt"
    assert small.graph["source"]["file"] == "small.txt"  # the graph itself is not changed


def test_require_names_what_an_attack_id_joins_and_suggests_close_ids(small):
    assert require(small, "charge") == "charge"
    attack = small.edges["better-buses", "arg-analogy"]["id"]
    with pytest.raises(NotFound) as err:
        require(small, attack)
    assert "is an attack (better-buses undercuts arg-analogy)" in err.value.message
    with pytest.raises(NotFound) as err:
        require(small, "chrage")
    assert "Did you mean 'charge'?" in err.value.hint


def test_a_premise_undercutting_its_own_argument_is_one_edge_that_is_both():
    # issue 15, item 4: the graph holds one edge per node pair, so the undercut stands for the premise edge too
    from argmap.analysis.lint import check
    from argmap.analysis.semantics import evaluate
    from argmap.graph import graph_from_validated
    from argmap.loader import loads
    from argmap.stats import longest_chain
    from argmap.terms import PREMISE_TOO, is_support
    from argmap.validate import validate_plain

    from .test_validate import SELF_UNDERCUT

    m = loads(SELF_UNDERCUT, "yaml", name="m.yaml")
    G = build_graph(m)
    edge = G.edges["wet", "arg-umbrella"]
    assert (edge["type"], edge["id"], edge[PREMISE_TOO]) == ("undercut", "att-wet", True)
    assert is_support(edge) and premises(G, "arg-umbrella") == ["wet"]
    assert longest_chain(G)["path"] == ["rain", "arg-wet", "wet", "arg-umbrella", "take-umbrella"]
    import yaml

    assert nx.utils.graphs_equal(graph_from_validated(validate_plain(yaml.safe_load(SELF_UNDERCUT), name="m")), G)
    assert argmap.ArgumentMap.model_validate(map_data(G)) == m  # written back as the premise and undercut it was
    # the argument can never stand: the premise stands and undercuts it
    ev = evaluate(G)
    assert (ev.label("wet"), ev.label("arg-umbrella"), ev.label("take-umbrella")) == ("in", "out", "out")
    assert [(f.code, f.ids) for f in check(G) if f.code == "self-attack"] == [("self-attack", ("att-wet", "wet"))]
