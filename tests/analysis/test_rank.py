"""rank (statements by how many proposals rest on them, then centrality) against direct counting."""

from __future__ import annotations

from hypothesis import given, settings

from argmap.analysis.critical import support_ancestry
from argmap.analysis.rank import rank

from ..analysis_maps import graph, maps
from .test_critical import LINKED


@settings(max_examples=100, deadline=None)
@given(maps(max_statements=8, max_arguments=8, max_attacks=0))
def test_rank_counts_the_proposals_resting_on_each_statement(data):
    G = graph(data)
    proposals = [n for n, k in G.nodes(data="kind") if k == "proposal"]
    rows = rank(G)
    assert [r["rank"] for r in rows] == list(range(1, len(rows) + 1))
    for r in rows:
        want = sum(1 for p in proposals if p != r["id"] and r["id"] in support_ancestry(G, p))
        assert r["proposals"] == want, r["id"]
        assert r["centrality"] >= 0
        assert (r["centrality"] > 0) <= (r["proposals"] > 0)
    keys = [(-r["proposals"], -r["centrality"]) for r in rows]
    assert keys == sorted(keys)


def test_centrality_splits_over_convergent_and_copies_over_linked():
    rows = {r["id"]: r for r in rank(graph(LINKED))}
    # c has two arguments: each carries half; d has one: m carries it whole
    assert rows["r"]["centrality"] == 0.5
    assert rows["m"]["centrality"] == 1.5
    assert rows["p"]["centrality"] == rows["q"]["centrality"] == 1.5  # linked: each the whole of a1
    assert (rows["m"]["proposals"], rows["p"]["proposals"], rows["r"]["proposals"]) == (2, 2, 1)
    assert rows["x"]["proposals"] == 0
