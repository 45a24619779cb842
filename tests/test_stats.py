"""Counts and gaps (argmap.stats): hand-made maps worked out by hand, random maps
against networkx, and the one-line summary every command prints."""

from __future__ import annotations

from itertools import pairwise
import networkx as nx
import pytest
from hypothesis import given, settings

import argmap
from argmap.graph import build_graph
from argmap.stats import longest_chain, stats, summary

from .test_query import CYCLE, LINKED, graph, random_maps, support_view


@pytest.fixture
def linked() -> nx.DiGraph:
    return graph(**LINKED)


def test_stats_counts_kinds_arguments_attacks_and_gaps(linked):
    s = stats(linked)
    assert s["statements"]["by_kind"] == {"proposal": 1, "claim": 3, "premise": 5}
    assert s["statements"]["by_speaker"] == {"(none)": 9}
    assert s["arguments"] == {"total": 3, "linked": 1, "single_premise": 2}
    assert s["attacks"] == {"total": 4, "by_type": {"rebut": 1, "undermine": 1, "undercut": 2}}
    assert s["unsupported_proposals"] == []
    assert s["unsupported_claims"] == ["r", "z"]
    assert s["longest_chain"] == {"length": 2, "path": ["w", "a-w", "x", "a-xy", "p"], "exact": True}


def test_stats_with_a_cycle_gives_a_real_chain_and_says_it_may_not_be_the_longest():
    chain = longest_chain(graph(**CYCLE))
    assert chain["exact"] is False
    assert chain["length"] == 3 and chain["path"] == ["e", "b4", "c1", "b1", "c2", "b3", "p"]


def test_stats_of_a_map_without_arguments():
    s = stats(graph(statements=[("p", "proposal"), ("c", "claim")]))
    assert s["longest_chain"] == {"length": 0, "path": [], "exact": True}
    assert s["unsupported_proposals"] == ["p"] and s["unsupported_claims"] == ["c"]


@settings(max_examples=150, deadline=None)
@given(random_maps())
def test_longest_chain_is_a_real_chain_and_exact_on_acyclic_maps(G):
    chain = longest_chain(G)
    support = support_view(G)
    path = chain["path"]
    assert len(path) == len(set(path))
    assert all(support.has_edge(u, v) for u, v in pairwise(path))
    assert chain["length"] == sum(1 for n in path if G.nodes[n]["kind"] == "argument")
    assert chain["exact"] == nx.is_directed_acyclic_graph(support)
    if chain["exact"]:
        assert chain["length"] == nx.dag_longest_path_length(support) // 2


def test_summary_counts_statements_by_kind_arguments_and_attacks(linked):
    assert summary(linked) == "9 statements (1 proposal, 3 claims, 5 premises), 3 arguments, 4 attacks"
    one = graph(statements=[("p", "proposal")])
    assert summary(one) == "1 statement (1 proposal, 0 claims, 0 premises), 0 arguments, 0 attacks"


def test_summary_of_the_embedded_map_is_what_validate_prints(run):
    line = summary(build_graph(argmap.load()))
    assert f"valid: {line}; quotes checked." in run("validate").stdout
