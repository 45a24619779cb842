"""check (lint): each finding fires on a map that has the problem, and not on one without."""

from __future__ import annotations

from itertools import pairwise
import pytest
from hypothesis import given, settings

from argmap.analysis.lint import check, has_errors

from ..analysis_maps import graph, maps

CLEAN = {
    "title": "T",
    "statements": [
        {"id": "p", "kind": "premise", "text": "It rains.", "quote": "it rains", "paragraph": 1},
        {"id": "q", "kind": "premise", "text": "We walk.", "quote": "we walk", "paragraph": 1},
        {"id": "c", "kind": "proposal", "text": "Take an umbrella."},
        {"id": "x", "kind": "premise", "text": "Umbrellas break in wind."},
        {"id": "y", "kind": "premise", "text": "This umbrella is sturdy."},
    ],
    "arguments": [{"id": "a", "premises": ["p", "q"], "conclusion": "c"}],
    "attacks": [
        {"id": "t", "from": "x", "to": "a", "type": "undercut"},
        {"id": "u", "from": "y", "to": "x", "type": "undermine"},
    ],
}


def codes(data):
    return [(f.severity, f.code, f.ids) for f in check(graph(data))]


def with_(**changes):
    data = {k: list(v) if isinstance(v, list) else v for k, v in CLEAN.items()}
    for key, extra in changes.items():
        data[key] = data.get(key, []) + extra
    return data


def test_a_clean_map_has_only_the_unanswered_note():
    assert codes(CLEAN) == [("info", "unanswered-attack", ("u", "y", "x"))]


@pytest.mark.parametrize(
    "extra, expected",
    [
        (
            {
                "statements": [{"id": "d", "kind": "claim", "text": "Dry is better."}],
                "arguments": [{"id": "b", "premises": ["d"], "conclusion": "c"}],
            },
            ("warning", "unsupported", ("d",)),
        ),
        ({"statements": [{"id": "lone", "kind": "premise", "text": "An aside."}]}, ("warning", "isolated", ("lone",))),
        (
            {
                "statements": [{"id": "d", "kind": "claim", "text": "D."}, {"id": "e", "kind": "claim", "text": "E."}],
                "arguments": [
                    {"id": "b", "premises": ["d"], "conclusion": "e"},
                    {"id": "b2", "premises": ["e"], "conclusion": "d"},
                    {"id": "b3", "premises": ["e"], "conclusion": "c"},
                ],
            },
            ("error", "circular-support", ("d", "e", "b", "b2")),
        ),
        (
            {
                "statements": [{"id": "d", "kind": "claim", "text": "take an  UMBRELLA"}],
                "arguments": [{"id": "b", "premises": ["p"], "conclusion": "d"}],
            },
            ("error", "duplicate-text", ("c", "d")),
        ),
        (
            {
                "statements": [{"id": "d", "kind": "claim", "text": "D.", "quote": "It rains", "paragraph": 1}],
                "arguments": [{"id": "b", "premises": ["p"], "conclusion": "d"}],
            },
            ("warning", "repeated-quote", ("p", "d")),
        ),
        (
            {
                "statements": [{"id": "d", "kind": "claim", "text": "D.", "quote": "if it rains hard", "paragraph": 1}],
                "arguments": [{"id": "b", "premises": ["p"], "conclusion": "d"}],
            },
            ("warning", "repeated-quote", ("p", "d")),
        ),
        (
            {
                "statements": [
                    {"id": "d", "kind": "claim", "text": "D."},
                    {"id": "w", "kind": "premise", "text": "W."},
                ],
                "arguments": [
                    {"id": "b", "premises": ["w"], "conclusion": "d"},
                    {"id": "b2", "premises": ["d"], "conclusion": "c"},
                ],
                "attacks": [{"id": "v", "from": "y", "to": "w", "type": "undermine"}],
            },
            ("warning", "fragile-argument", ("b", "w", "y")),
        ),
        ({"attacks": [{"id": "v", "from": "q", "to": "p", "type": "rebut"}]}, ("info", "attack-type", ("v", "p"))),
        ({"attacks": [{"id": "v", "from": "q", "to": "c", "type": "undermine"}]}, ("info", "attack-type", ("v", "c"))),
        (
            {
                "statements": [{"id": "d", "kind": "premise", "text": "D."}],
                "arguments": [{"id": "b", "premises": ["p"], "conclusion": "d"}],
            },
            ("info", "argued-premise", ("d",)),
        ),
    ],
)
def test_each_check_finds_its_problem(extra, expected):
    found = codes(with_(**extra))
    assert expected in found
    assert len(found) >= 2  # plus the unanswered note of the clean map


def test_errors_come_first_and_decide_the_exit():
    data = with_(
        statements=[{"id": "d", "kind": "claim", "text": "It rains"}],
        arguments=[{"id": "b", "premises": ["q"], "conclusion": "d"}],
    )
    findings = check(graph(data))
    assert findings[0].severity == "error" and has_errors(findings)
    assert not has_errors(check(graph(CLEAN)))


def test_messages_name_the_ids_and_say_what_to_do():
    data = with_(
        statements=[{"id": "d", "kind": "claim", "text": "D."}, {"id": "e", "kind": "claim", "text": "E."}],
        arguments=[
            {"id": "b", "premises": ["d"], "conclusion": "e"},
            {"id": "b2", "premises": ["e"], "conclusion": "d"},
        ],
    )
    [circle] = [f for f in check(graph(data)) if f.code == "circular-support"]
    assert circle.message == "'d' supports itself: d -> b -> e -> b2 -> d; nothing outside the circle establishes it."
    assert circle.as_dict() == {
        "severity": "error",
        "code": "circular-support",
        "ids": ["d", "e", "b", "b2"],
        "message": circle.message,
    }


def test_the_embedded_map_has_no_errors():
    from argmap import build_graph, load

    findings = check(build_graph(load()))
    assert not has_errors(findings)
    # every claim is argued for and every premise given (no "unsupported", no "argued-premise");
    # what is left is the one statement the text ties to nothing, the concession's answer that
    # nothing answers, and the spokesman's goal-to-means step that his conceded point attacks
    assert sorted((f.code, f.ids) for f in findings) == [
        ("fragile-argument", ("arg-call-china-ready", "prop-intl-reinforce-cooperation", "bin-laden-progress")),
        ("isolated", ("ct-most-active-efficient",)),
        ("unanswered-attack", ("att-still-frequent-answer", "terror-still-frequent", "bin-laden-progress")),
    ]


@settings(max_examples=150, deadline=None)
@given(maps(max_statements=8, max_arguments=8, max_attacks=2))
def test_circular_support_finds_exactly_the_support_cycles(data):
    import networkx as nx

    G = graph(data)
    support = G.edge_subgraph([(u, v) for u, v, t in G.edges(data="type") if t in ("premise", "conclusion")])
    want = sorted(sorted(c) for c in nx.strongly_connected_components(support) if len(c) > 1)
    found = [f for f in check(G) if f.code == "circular-support"]
    assert sorted(sorted(f.ids) for f in found) == want
    for f in found:  # the cycle in the message is a real one
        cycle = f.message.split(": ", 1)[1].split(";")[0].split(" -> ")
        assert cycle[0] == cycle[-1] and all(support.has_edge(u, v) for u, v in pairwise(cycle))
