"""AIF JSON: AIFdb and OVA3 files, the writer, round trips, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import argmap
from argmap.errors import MapInvalid
from argmap.formats import FORMATS, aif, detect
from argmap.graph import build_graph
from tests.map_strategies import maps

DATA = Path(__file__).parent.parent / "data"
NUCLEAR = DATA / "aif-aifdb-nuclear.json"
FEES = DATA / "aif-ova3-fees.json"


def load(path: Path) -> argmap.ArgumentMap:
    return aif.loads(path.read_text(encoding="utf-8"), name=path.name)


def error_of(doc: dict | list | str) -> MapInvalid:
    """The error reading ``doc``, written with one node or edge per line."""
    if isinstance(doc, dict):
        text = (
            "{\n"
            + ",\n".join(
                f'"{key}": [\n' + ",\n".join(json.dumps(x) for x in value) + "\n]" for key, value in doc.items()
            )
            + "\n}"
        )
    else:
        text = doc if isinstance(doc, str) else json.dumps(doc)
    with pytest.raises(MapInvalid) as caught:
        aif.loads(text, name="bad.json")
    return caught.value


def test_aifdb_statements_keep_their_text():
    m = load(NUCLEAR)
    assert len(m.statements) == 8  # the L, YA, TA and MA nodes are dialogue, not statements
    assert m.statements[0].text == "We should build more nuclear power plants."
    assert m.title == "aif-aifdb-nuclear"


def test_linked_and_convergent_support():
    m = load(NUCLEAR)
    linked, convergent, rephrase = m.arguments
    assert rephrase.scheme == "Default Rephrase"  # the MA-node, kept (issue 15, item 6)
    texts = {s.id: s.text for s in m.statements}
    assert [texts[p] for p in linked.premises] == [
        "Nuclear power emits almost no CO2.",
        "Cutting CO2 emissions is urgent.",
    ]
    assert linked.scheme == "Practical Reasoning"
    assert [texts[p] for p in convergent.premises] == ["Nuclear plants supply power around the clock."]
    assert convergent.scheme is None  # "Default Inference" is no scheme
    assert linked.conclusion == convergent.conclusion


def test_each_attack_type():
    m = load(NUCLEAR)
    texts = {s.id: s.text for s in m.statements}
    found = {texts[t.from_]: (t.type, texts.get(t.to, t.to)) for t in m.attacks}
    assert found == {
        "Nuclear waste stays dangerous for thousands of years.": (
            "rebut",
            "We should build more nuclear power plants.",
        ),
        "Over their life cycle, plants emit more CO2 than is claimed.": (
            "undermine",
            "Nuclear power emits almost no CO2.",
        ),
        "Urgency argues against a technology that takes fifteen years to build.": ("undercut", m.arguments[0].id),
    }


def test_speakers_and_quotes_come_from_locutions():
    m = load(NUCLEAR)
    said = {s.text: (s.speaker, s.quote) for s in m.statements if s.speaker}
    assert said == {
        "We should build more nuclear power plants.": ("Bob Jones", "we must build more nuclear plants"),
        "Nuclear power emits almost no CO2.": ("Bob Jones", "they emit almost no CO2"),
        "Nuclear plants supply power around the clock.": ("Alice", "the plants run day and night"),
        "Nuclear waste stays dangerous for thousands of years.": (
            "Carol Ng",
            "the waste stays dangerous for thousands of years",
        ),
    }


def _nodeset(*nodes, edges=(), locutions=()):
    return json.dumps(
        {
            "nodes": [{"nodeID": i, "text": t, "type": k} for i, t, k in nodes],
            "edges": [{"edgeID": str(n), "fromID": a, "toID": b} for n, (a, b) in enumerate(edges)],
            "locutions": [{"nodeID": i, "personID": p} for i, p in locutions],
        }
    )


def test_aifdb_corpus_files_name_the_speaker_in_the_locution_text():
    # QT30 and most AIFdb downloads: locutions with a personID, no participants (issue 15, item 1)
    text = _nodeset(
        ("1", "Chris Philp : We follow the advice", "L"),
        ("2", "we follow the advice", "I"),
        ("3", "Asserting", "YA"),
        edges=[("1", "3"), ("3", "2")],
        locutions=[("1", "3861")],
    )
    [s] = aif.loads(text).statements
    assert (s.text, s.speaker, s.quote) == ("we follow the advice", "Chris Philp", "We follow the advice")


def test_a_locution_without_a_name_gives_no_speaker():
    text = _nodeset(
        ("1", "We follow the advice", "L"),
        ("2", "We follow the advice.", "I"),
        ("3", "Asserting", "YA"),
        edges=[("1", "3"), ("3", "2")],
    )
    [s] = aif.loads(text).statements
    assert (s.speaker, s.quote) == (None, "We follow the advice")


def test_of_two_locutions_anchored_together_the_one_naming_a_speaker_wins():
    # QT30 keeps an utterance both bare and with its speaker, under one YA-node
    text = _nodeset(
        ("1", "Track and trace is slow", "L"),
        ("2", "Matthew   : Track and trace is slow", "L"),
        ("3", "track and trace is slow", "I"),
        ("4", "Asserting", "YA"),
        edges=[("1", "4"), ("2", "4"), ("4", "3")],
    )
    [s] = aif.loads(text).statements
    assert (s.speaker, s.quote) == ("Matthew", "Track and trace is slow")


def test_a_rephrase_is_kept_as_an_argument_and_written_back_as_an_ma_node():
    # issue 15, item 6: QT30 holds thousands of MA-nodes; none may vanish without a word
    text = _nodeset(
        ("1", "Taxes must rise.", "I"),
        ("2", "We need higher taxes.", "I"),
        ("3", "Default Rephrase", "MA"),
        ("4", "Default Rephrase", "MA"),
        edges=[("1", "3"), ("3", "2"), ("4", "1")],
    )
    warnings: list[str] = []
    m = aif.loads(text, name="qt.json", warnings=warnings)
    [a] = m.arguments
    assert (a.premises, a.conclusion, a.scheme) == (("taxes-must-rise",), "we-need-higher-taxes", "Default Rephrase")
    assert warnings == [
        "qt.json: MA-node 4 (a rephrase) leads from 0 I-node(s) to 1, so it relates no two statements: skipped"
    ]
    doc = json.loads(aif.dumps(build_graph(m)))
    assert sorted(n["type"] for n in doc["nodes"]) == ["I", "I", "MA"]
    assert aif.loads(aif.dumps(build_graph(m))) == m


def test_skipped_nodes_are_reported_on_stderr(tmp_path, run):
    path = tmp_path / "qt.json"
    path.write_text(
        _nodeset(("1", "Taxes must rise.", "I"), ("4", "Default Rephrase", "MA"), edges=[("4", "1")]), encoding="utf-8"
    )
    result = run("validate", str(path))
    assert result.exit_code == 0, result.output
    assert "MA-node 4 (a rephrase)" in result.stderr
    assert "arguments[" not in result.stderr


def test_an_inference_concluding_its_own_premise_is_named_by_its_node():
    # QT30 has three; the message named argmap's internal path (issue 15, item 5)
    text = _nodeset(
        ("1", "A.", "I"), ("2", "B.", "I"), ("3", "Default Inference", "RA"), edges=[("1", "3"), ("2", "3"), ("3", "1")]
    )
    with pytest.raises(MapInvalid) as caught:
        aif.loads(text, name="qt.json")
    [line] = caught.value.lines()
    assert "RA-node 3 concludes I-node 1, which is also one of its premises" in line
    assert "arguments[" not in line


def test_kinds_are_inferred_from_the_structure_and_the_wording():
    kinds = {s.text: s.kind for s in load(NUCLEAR).statements}
    # a top conclusion saying what should be done is a proposal; AIF has no such notion
    assert kinds["We should build more nuclear power plants."] == "proposal"
    assert kinds["Nuclear power emits almost no CO2."] == "premise"
    assert kinds["Cutting CO2 emissions is urgent."] in ("claim", "premise")


def test_ova3_form_with_integer_ids():
    m = load(FEES)
    assert [a.scheme for a in m.arguments] == ["Argument From Consequences"]
    assert len(m.arguments[0].premises) == 2
    assert {t.type for t in m.attacks} == {"undermine", "undercut"}
    speakers = {s.text: s.speaker for s in m.statements}
    assert speakers["Fees deter students from poor families."] == "Student"
    assert speakers["Free tuition mostly benefits the well-off."] == "Minister"


def test_detection_by_suffix_and_content(tmp_path):
    text = NUCLEAR.read_text(encoding="utf-8")
    assert detect("debate.json", text).name == "aif"  # nodes and edges outweigh .json
    assert detect("debate.aif", text).name == "aif"
    assert detect("", text).name == "aif"
    assert detect("map.json", '{"title": "T", "statements": []}').name == "json"


def test_cli_reads_aif_json(run):
    result = run("list", "--map", NUCLEAR, "--speaker", "Alice", "--json")
    assert result.exit_code == 0, result.output
    assert [r["text"] for r in json.loads(result.stdout)] == ["Nuclear plants supply power around the clock."]
    result = run("show", "--map", FEES)
    assert result.exit_code == 0, result.output
    assert "Consequences" in result.stdout


# ------------------------------------------------------------------- errors ---


def test_invalid_json_is_located():
    err = error_of('{"nodes": [\n  {"nodeID": 1,}\n]}')
    assert (err.problems[0].line, err.problems[0].column) == (2, 16)


def test_missing_nodes_and_edges():
    err = error_of({"nodes": []})
    assert "needs a list of edges" in err.problems[0].message


def test_structure_errors_name_the_node_and_its_line():
    doc = {
        "nodes": [
            {"nodeID": "1", "text": "A", "type": "I"},
            {"nodeID": "2", "text": "B", "type": "I"},
            {"nodeID": "3", "text": "C", "type": "I"},
            {"nodeID": "4", "text": "Default Inference", "type": "RA"},
        ],
        "edges": [
            {"edgeID": "1", "fromID": "1", "toID": "2"},
            {"edgeID": "2", "fromID": "2", "toID": "4"},
            {"edgeID": "3", "fromID": "4", "toID": "1"},
            {"edgeID": "4", "fromID": "4", "toID": "3"},
        ],
    }
    err = error_of(doc)
    assert "I-node 1 connects directly to I-node 2" in err.problems[0].message
    assert err.problems[0].line == 3  # where node 1 is in the file
    doc["edges"] = doc["edges"][1:]
    err = error_of(doc)
    assert "RA-node 4 has 2 conclusions" in err.problems[0].message
    assert err.problems[0].line == 6


@pytest.mark.parametrize(
    ("doc", "words"),
    [
        (
            {"nodes": [{"nodeID": 1, "text": "A", "type": "I"}], "edges": [{"edgeID": 1, "fromID": 1, "toID": 9}]},
            "points to node 9, which does not exist",
        ),
        (
            {"nodes": [{"nodeID": 1, "text": "A", "type": "I"}, {"nodeID": 1, "text": "B", "type": "I"}], "edges": []},
            "nodeID 1 is used twice",
        ),
        ({"nodes": [{"nodeID": 1, "text": " ", "type": "I"}], "edges": []}, "has no text"),
        (
            {
                "nodes": [
                    {"nodeID": 1, "text": "A", "type": "I"},
                    {"nodeID": 2, "text": "Default Conflict", "type": "CA"},
                ],
                "edges": [{"edgeID": 1, "fromID": 1, "toID": 2}],
            },
            "one attacking I-node and one target",
        ),
        (
            {
                "nodes": [
                    {"nodeID": 1, "text": "A", "type": "I"},
                    {"nodeID": 2, "text": "B", "type": "I"},
                    {"nodeID": 3, "text": "x", "type": "RA"},
                    {"nodeID": 4, "text": "y", "type": "RA"},
                ],
                "edges": [{"fromID": 1, "toID": 3}, {"fromID": 3, "toID": 2}, {"fromID": 4, "toID": 3}],
            },
            "linked to RA-node 4",
        ),
        ([1, 2], "expected a JSON object"),
    ],
)
def test_malformed_aif_gets_a_clear_error(doc, words):
    err = error_of(doc)
    assert words in err.problems[0].message
    assert err.problems[0].line is not None


# ------------------------------------------------------------------ writing ---


def test_written_aif_follows_the_structure_rules():
    doc = json.loads(aif.dumps(build_graph(argmap.load())))
    types = {n["nodeID"]: n["type"] for n in doc["nodes"]}
    edges = [(types[e["fromID"]], types[e["toID"]]) for e in doc["edges"]]
    assert ("I", "I") not in edges
    assert set(edges) <= {("I", "RA"), ("RA", "I"), ("I", "CA"), ("CA", "I"), ("CA", "RA"), ("L", "YA"), ("YA", "I")}
    for key, kind in types.items():
        out = [e for e in doc["edges"] if e["fromID"] == key]
        into = [e for e in doc["edges"] if e["toID"] == key]
        if kind == "RA":
            assert len(out) == 1 and len(into) >= 1
        if kind == "CA":
            assert len(out) == 1 and len(into) == 1
    m = argmap.load()
    # participants carry the map's display names (speakers:), so AIF tools show people, not slugs
    assert {p["firstname"] for p in doc["participants"]} == {m.speakers[s.speaker] for s in m.statements}
    assert "A Chinese scholar" in {p["firstname"] for p in doc["participants"]}


def test_the_embedded_map_round_trips_exactly():
    m = argmap.load()
    assert aif.loads(aif.dumps(build_graph(m)), name="sco.aif.json") == m


def test_without_argmap_block_the_structure_survives():
    m = argmap.load()
    doc = json.loads(aif.dumps(build_graph(m)))
    del doc["argmap"]
    back = aif.loads(json.dumps(doc), name="plain.json")
    sid = {a.id: b.id for a, b in zip(m.statements, back.statements, strict=True)}
    aid = {a.id: b.id for a, b in zip(m.arguments, back.arguments, strict=True)}
    # without argmap's block a reader has only the participants: the people's names
    assert [(s.text, m.speakers[s.speaker], s.quote) for s in m.statements] == [
        (s.text, s.speaker, s.quote) for s in back.statements
    ]
    assert [([sid[p] for p in a.premises], sid[a.conclusion], a.scheme) for a in m.arguments] == [
        (list(a.premises), a.conclusion, a.scheme) for a in back.arguments
    ]
    assert [(sid[t.from_], sid.get(t.to) or aid[t.to]) for t in m.attacks] == [(t.from_, t.to) for t in back.attacks]
    # AIF carries no attack types: they are read back by the format's rule, which
    # calls an attack on a statement no argument uses a rebut, so the answer to
    # the spokesman's concession (an undermine of a conceded point) reads as one
    assert [t.type for t in m.attacks] == ["rebut", "undermine"]
    assert [t.type for t in back.attacks] == ["rebut", "rebut"]


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(maps())
def test_random_maps_round_trip_through_aif(m):
    assert aif.loads(aif.dumps(build_graph(m)), name="random.aif") == m


def test_the_writer_is_registered():
    assert FORMATS["aif"].write and FORMATS["aif"].read


# ---- one malformed node (issue 15, item 5): strict by default, --lenient reads the rest

#: one malformed node of each kind QT30 holds: (extra nodes, extra edges, what the message says)
MALFORMED = [
    ([("11", "RA")], [("11", "3")], "RA-node 11 has no premises"),
    (
        [("12", "CA")],
        [("1", "12"), ("2", "12"), ("12", "3")],
        "CA-node 12 must have one attacking I-node and one target (has 2 and 1)",
    ),
    ([], [("1", "3")], "I-node 1 connects directly to I-node 3"),
    ([("13", "RA")], [("3", "13"), ("13", "3")], "RA-node 13 concludes I-node 3, which is also one of its premises"),
]


def _with(nodes, edges) -> str:
    """Three statements and one good inference (RA 10: A -> B), plus ``nodes`` and ``edges``."""
    base = [("1", "A.", "I"), ("2", "B.", "I"), ("3", "C.", "I"), ("10", "Default Inference", "RA")]
    return _nodeset(*base, *((k, f"Default {t}", t) for k, t in nodes), edges=[("1", "10"), ("10", "2"), *edges])


@pytest.mark.parametrize("nodes, edges, words", MALFORMED)
def test_a_malformed_node_refuses_the_file_naming_its_node(nodes, edges, words):
    with pytest.raises(MapInvalid) as caught:
        aif.loads(_with(nodes, edges), name="qt.json")
    [line] = caught.value.lines()
    assert line.startswith("qt.json:") and words in line
    assert "[" not in line  # no field path such as arguments[0].conclusion


@pytest.mark.parametrize("nodes, edges, words", MALFORMED)
def test_lenient_skips_a_malformed_node_with_a_warning_naming_it(nodes, edges, words):
    warnings: list[str] = []
    m = aif.loads(_with(nodes, edges), name="qt.json", warnings=warnings, lenient=True)
    assert [s.text for s in m.statements] == ["A.", "B.", "C."]
    assert [(a.premises, a.conclusion) for a in m.arguments] == [(("a",), "b")]
    assert m.attacks == ()
    [warning] = warnings
    assert warning.startswith("qt.json:1:") and warning.endswith("skipped")  # at its node in the file
    assert words in warning


def test_lenient_skips_an_attack_on_a_skipped_inference_and_says_so():
    text = _with([("11", "RA"), ("14", "CA")], [("11", "3"), ("3", "14"), ("14", "11")])
    warnings: list[str] = []
    m = aif.loads(text, name="qt.json", warnings=warnings, lenient=True)
    assert (len(m.arguments), len(m.attacks)) == (1, 0)
    assert [w.split(": ", 1)[1] for w in warnings] == [
        "RA-node 11 has no premises: skipped",
        "CA-node 14 undercuts RA-node 11, which was skipped: skipped",
    ]


def test_what_validation_refuses_is_named_by_aif_nodes_too():
    # two CA-nodes between one pair: found after reading, where the message named attacks[0]
    text = _with([("15", "CA"), ("16", "CA")], [("3", "15"), ("15", "1"), ("3", "16"), ("16", "1")])
    with pytest.raises(MapInvalid) as caught:
        aif.loads(text, name="qt.json")
    [line] = caught.value.lines()
    assert "CA-node 16: I-node 3 already attacks I-node 1 in CA-node 15" in line
    assert "attacks[" not in line and "'c'" not in line
    warnings: list[str] = []
    m = aif.loads(text, name="qt.json", warnings=warnings, lenient=True)
    assert [(t.from_, t.to) for t in m.attacks] == [("c", "a")]
    assert [w.split(": ", 1)[1] for w in warnings] == [
        "CA-node 16: I-node 3 already attacks I-node 1 in CA-node 15: skipped"
    ]


def test_lenient_on_the_command_line(write, run):
    path = write("qt.json", _with(*MALFORMED[0][:2]))
    refused = run("validate", path)
    assert refused.exit_code == 1 and "RA-node 11 has no premises" in refused.stderr
    result = run("stats", "--lenient", "--map", path)
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [f"Warning: {path}:1:205: RA-node 11 has no premises: skipped"]
    assert "statements             3" in result.stdout
    usage = run("stats", "--lenient", "--map", write("m.argdown", "[A]: a.\n"))
    assert usage.exit_code == 2
    assert "--lenient applies to AIF files only" in usage.stderr
