"""Argdown: reading onto argmap's model, writing, round trips, errors, the CLI."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import HealthCheck, given, settings

import argmap
from argmap.errors import MapInvalid
from argmap.formats import FORMATS, argdown, detect
from argmap.graph import build_graph
from tests.map_strategies import maps


def read(text: str) -> argmap.ArgumentMap:
    return argdown.loads(textwrap.dedent(text), name="test.argdown")


def error_of(text: str) -> MapInvalid:
    with pytest.raises(MapInvalid) as caught:
        read(text)
    return caught.value


def by_id(items) -> dict:
    return {i.id: i for i in items}


# ------------------------------------------------------------------ reading ---


def test_front_matter_gives_title_description_and_source():
    m = read("""\
        ===
        title: Meat or no meat
        subTitle: A classroom debate
        source: {title: The debate, file: debate.txt}
        author: Somebody
        ===

        [Meat]: Eating meat is fine.
        """)
    assert m.title == "Meat or no meat"
    assert m.description == "A classroom debate"
    assert m.source.file == "debate.txt"


def test_without_front_matter_the_title_is_the_file_name():
    m = argdown.loads("[A]: a\n", name="maps/veggie-debate.argdown")
    assert m.title == "veggie-debate"


def test_titles_become_slug_ids_and_are_kept():
    m = read("""\
        [Fleisch OK!]: Es gibt Fleisch, das man essen darf.

        [fleisch-ok]: Another class whose slug collides.

        Untitled statements get ids from their first words.
        """)
    assert [(s.id, s.title) for s in m.statements] == [
        ("fleisch-ok", "Fleisch OK!"),
        ("fleisch-ok-2", "fleisch-ok"),
        ("untitled-statements-get-ids-from", None),
    ]


def test_equivalence_class_text_comes_from_its_first_definition():
    m = read("""\
        [Life]: Life moves pretty fast.

        [Life]: A second member of the same class.

        [Life] #ferris {speaker: Ferris}
        """)
    assert len(m.statements) == 1
    s = m.statements[0]
    assert (s.text, s.tags, s.speaker) == ("Life moves pretty fast.", ("ferris",), "Ferris")


def test_references_before_definitions_and_mentions():
    m = read("""\
        [God]: God exists.
          + <Ontological Proof>
          + <Teleological Proof>

        <Teleological Proof>: The world is designed, so someone designed it; see @[God].
        """)
    statements = by_id(m.statements)
    # a sketched argument stands for its description; mentions stay text
    assert statements["teleological-proof"].text == "The world is designed, so someone designed it; see @[God]."
    assert statements["ontological-proof"].text == "Ontological Proof"
    assert sorted((a.premises, a.conclusion) for a in m.arguments) == [
        (("ontological-proof",), "god"),
        (("teleological-proof",), "god"),
    ]


def test_a_pcs_gives_one_argument_per_inference_step():
    m = read("""\
        <Teleological proof>: Why God exists.

        (1) The world seems designed.
        (2) The best explanation is a designer.
        -----
        (3) [Designer]: Some designer exists.
        (4) The only possible designer is God.
        -- Modus ponens --
        (5) [God]: God exists.
        """)
    first, second = m.arguments
    assert first.id == "teleological-proof-1" and first.conclusion == "designer"
    assert len(first.premises) == 2 and first.scheme is None and first.title is None
    assert second.premises[0] == "designer" and second.conclusion == "god"
    assert (second.scheme, second.text, second.title) == ("Modus ponens", "Why God exists.", "Teleological proof")
    kinds = {s.id: s.kind for s in m.statements}
    assert kinds["designer"] == kinds["god"] == "claim"
    assert [k for k in kinds.values()].count("premise") == 3


def test_uses_data_picks_the_premises_of_a_step():
    m = read("""\
        <Complex>

        (1) p1
        (2) p2
        ----
        (3) c1
        (4) p4
        --
        {uses: [1, 4]}
        --
        (5) c2
        ----
        (6) c3 {uses: [3, 5]}
        """)
    ids = [s.id for s in m.statements]
    steps = [(a.premises, a.conclusion) for a in m.arguments]
    assert steps == [((ids[0], ids[1]), ids[2]), ((ids[0], ids[3]), ids[4]), ((ids[2], ids[4]), ids[5])]


def test_an_untitled_pcs_is_an_argument_for_its_conclusion():
    m = read("""\
        (1) [P]: p
        ----
        (2) [C]: c
        """)
    assert [(a.id, a.premises, a.conclusion, a.title) for a in m.arguments] == [("arg-c", ("p",), "c", None)]


@pytest.mark.parametrize(
    ("symbol", "child_is_source", "relation"),
    [
        ("+", True, "support"),
        ("<+", True, "support"),
        ("+>", False, "support"),
        ("-", True, "attack"),
        ("<-", True, "attack"),
        ("->", False, "attack"),
    ],
)
def test_relation_symbols_and_directions(symbol, child_is_source, relation):
    m = read(f"""\
        [Parent]: The parent.
          {symbol} [Child]: The child.
        """)
    source, target = ("child", "parent") if child_is_source else ("parent", "child")
    if relation == "support":
        assert [(a.premises, a.conclusion) for a in m.arguments] == [((source,), target)]
        assert m.attacks == ()
    else:
        assert [(t.from_, t.to) for t in m.attacks] == [(source, target)]
        assert m.arguments == ()


def test_undercuts_below_an_argument_an_inference_and_a_conclusion():
    m = read("""\
        <A>

        (1) [P1]: p1
        ----
            <_ [U1]: Not a good inference.
        (2) [C1]: c1
        (3) [P3]: p3
        ----
        (4) [C2]: c2
            _ [U2]: Below the conclusion: undercuts its inference.

        <A>
          _ [U3]: Undercuts the argument as a whole.
        """)
    attacks = {t.from_: (t.type, t.to) for t in m.attacks}
    assert attacks == {"u1": ("undercut", "a-1"), "u2": ("undercut", "a-2"), "u3": ("undercut", "a-2")}


def test_relations_of_sketched_arguments_go_through_their_statement():
    m = read("""\
        [Legal]: Soft drugs should be legal. #proposal
          - <Addiction>: Soft drugs are addictive.
            _ <No reason>: Addiction is no reason to ban.
            + <Studies>: Studies show addiction.
        """)
    statements = by_id(m.statements)
    assert statements["legal"].kind == "proposal"
    assert [(t.from_, t.type, t.to) for t in m.attacks] == [
        ("addiction", "rebut", "legal"),
        # nothing argues from <Addiction>, so the undercut falls on its statement
        ("no-reason", "rebut", "addiction"),
    ]
    assert [(a.premises, a.conclusion) for a in m.arguments] == [(("studies",), "addiction")]


def test_an_attack_on_a_reconstructed_argument_undercuts_it():
    m = read("""\
        [Intro]: intro
          -> <Arg>

        <Arg>

        (1) p
        ----
        (2) c
        """)
    assert [(t.from_, t.type, t.to) for t in m.attacks] == [("intro", "undercut", "arg")]


def test_contrary_and_contradictory_are_attacks_both_ways():
    m = read("""\
        ===
        model:
          mode: strict
        ===

        [H1]: Hypothesis one. #claim
          -> [H2]: Hypothesis two. #claim
          >< [H3]: Not hypothesis one. #claim
        """)
    assert sorted((t.from_, t.to, t.type) for t in m.attacks) == [
        ("h1", "h2", "rebut"),
        ("h1", "h3", "rebut"),
        ("h2", "h1", "rebut"),
        ("h3", "h1", "rebut"),
    ]


def test_attacks_on_premises_undermine_and_on_conclusions_rebut():
    m = read("""\
        <A>

        (1) [P]: A premise.
            - [X]: Attacks the premise.
        ----
        (2) [C]: The conclusion.
            - [Y]: Attacks the conclusion.
        """)
    assert {t.from_: t.type for t in m.attacks} == {"x": "undermine", "y": "rebut"}


def test_kind_tags_and_data_set_the_fields():
    m = read("""\
        [A]: Build more parks. #proposal #green

        [B]: Parks cool cities. {kind: claim, quote: "parks cool", paragraph: 3, speaker: mayor, note: "check"}
        """)
    a, b = m.statements
    assert (a.kind, a.tags) == ("proposal", ("green",))
    assert (b.kind, b.quote, b.paragraph, b.speaker, b.note) == ("claim", "parks cool", 3, "mayor", "check")


def test_headings_become_tags_unless_they_are_not_groups():
    m = read("""\
        # Health

        [A]: a

        ## Details {isGroup: false}

        [B]: b

        # Money #finance

        [C]: c
        """)
    assert [s.tags for s in m.statements] == [("Health",), ("Health",), ("Money",)]


def test_inline_yaml_block_data_and_comments():
    m = read("""\
        [Nietzsche]: God is dead. // a line comment
        /* a block
           comment */ {
        sources:
          - Zarathustra
        speaker: Nietzsche
        }

        <!-- an HTML comment -->
        [Other]: Other <!-- hidden --> text.
        """)
    assert [(s.text, s.speaker) for s in m.statements] == [("God is dead.", "Nietzsche"), ("Other text.", None)]


def test_escapes_shortcodes_emphasis_and_links():
    m = read(r"""
        [A]: 1 \< 3, \[not a title\], \#not-a-tag, **bold**, _it_ and a [link](http://x.org) .A.x .~.p
        """)
    assert m.statements[0].text == "1 < 3, [not a title], #not-a-tag, bold, it and a link ∀x ¬p"
    assert m.statements[0].tags == ()


def test_windows_line_endings_read_the_same():
    text = "[A]: first\n  + [B]: second\n    continued\n\n[C]: third\n"
    assert argdown.loads(text.replace("\n", "\r\n")) == argdown.loads(text)


def test_deep_nesting_reads_without_recursion(monkeypatch):
    monkeypatch.setenv("ARGMAP_MAX_NESTING", "5000")  # the default limit (100 levels) refuses this
    depth = 3000
    lines = ["[n0]: level 0"] + [" " * (i + 1) + f"+ [n{i + 1}]: level {i + 1}" for i in range(depth)]
    m = argdown.loads("\n".join(lines) + "\n")
    assert len(m.arguments) == depth
    assert m.arguments[-1].premises == (f"n{depth}",)


def test_every_conformance_file_maps_onto_the_model(tmp_path):
    # the veggie debate: claims with pros and cons, sketched arguments, headings
    from tests.formats.test_argdown_conformance import SUITE

    m = argdown.loads((SUITE / "argdown-core__test__veggie_debate.argdown").read_text(encoding="utf-8"))
    statements = by_id(m.statements)
    assert statements["fleisch-ok"].kind == "claim"
    assert statements["fleisch-ok"].tags == ("Zentrale Thesen",)
    assert "tierschutz-argument" in statements
    assert ("alles-esser",) in [a.premises for a in m.arguments if a.conclusion == "fleisch-ok"]


# ------------------------------------------- the Argdown-level reading ---
# cases checked by hand against the reference CLI (1.7.5), beyond the conformance suite


def relations(text: str) -> set[tuple]:
    return {
        (r["type"], r["from"], r["fromType"], r["to"], r["toType"])
        for r in argdown.parse(textwrap.dedent(text)).view()["relations"]
    }


def test_a_child_definition_counts_before_its_parent():
    # the reference registers a statement after the statements nested below it
    view = argdown.parse("[X]: first\n  - [X]: second\n").view()
    assert view["statements"]["X"]["text"] == "second"


def test_an_undercut_of_a_reconstructed_argument_targets_its_inference():
    assert relations("""\
        <b>: b
          _> <a>

        <a>

        (1) p
        ----
        (2) q
        """) == {("undercut", "b", "argument", "a", "inference")}


def test_a_relation_said_twice_is_kept_once():
    # [S2] already attacks premise [L] of <A1>, so "[S2] attacks <A1>" adds nothing
    found = relations("""\
        a
          -> [L]
            - [S2]: two

        <A1>: desc
          <- [S2]: two

        (1) [L]
        ----
        (2) plain text
        """)
    assert ("attack", "S2", "equivalence-class", "L", "equivalence-class") in found
    assert not any(r[3] == "A1" for r in found)


# ------------------------------------------------------------------- errors ---


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        ("[A]: a\n\n  + [B]: b\n", (3, 3), "must follow the statement"),
        ("[A]: a\n+ [B]: b\n", (2, 1), "must be indented"),
        ("[A]: a\n[B]: b\n", (2, 1), "empty line"),
        ("[A] trailing words\n", (1, 5), "reference"),
        ("(1) p\n(2) q\n", (2, 1), "missing inference"),
        ("(1) p\n----\n", (2, 1), "must end with its conclusion"),
        ("(1) p\n----\nplain text\n(2) q\n", (3, 1), "expected a numbered statement"),
        ("(1) p\n-- Modus ponens\n(2) q\n", (2, 1), "invalid inference"),
        ("(1) <A>\n----\n(2) q\n", (1, 5), "argument cannot be a premise"),
        ("----\n", (1, 1), "inference line"),
        ("* a\n  * b\n", (2, 3), "nested lists"),
        ("* a\n1. b\n", (2, 1), "mixes"),
        ("[A]: a\n  >< <B>\n", (2, 6), "contradiction"),
        ("[A]: a {x: 1} more\n", (1, 15), "data"),
        ("[A]: a {x: [1, 2}\n", (1, 17), "invalid YAML"),
        ("===\ntitle: [unclosed\n===\n\n[A]: a\n", (3, 1), "front matter"),
        ("[A]: a <!-- never closed\n", (1, 8), "never closed"),
        ("[A]: a {x: 1\n", (1, 8), "never closed"),
    ],
)
def test_syntax_errors_are_located(text, where, words):
    err = error_of(text)
    first = err.problems[0]
    assert (first.line, first.column) == where, err.lines()
    assert words in first.message
    assert err.lines()[0].startswith(f"test.argdown:{where[0]}:{where[1]}: ")


def test_invalid_fields_are_reported_at_their_argdown_line():
    err = error_of("""\
        [A]: a

        [B]: b {paragraph: two, kind: thesis}
        """)
    assert {(p.line, p.field()) for p in err.problems} == {(3, "statements[1].paragraph"), (3, "statements[1].kind")}


def test_a_second_pcs_for_one_argument_is_an_error():
    err = error_of("<A>\n\n(1) p\n----\n(2) q\n\n<A>\n\n(1) r\n----\n(2) s\n")
    assert "already has a premise-conclusion structure (line 3)" in err.problems[0].message


# ------------------------------------------------------------------ writing ---


def test_the_embedded_map_round_trips_exactly():
    m = argmap.load()
    text = argdown.dumps(build_graph(m))
    assert argdown.loads(text, name="sco.argdown") == m


def test_written_argdown_reads_as_the_reference_would():
    m = argmap.load()
    doc = argdown.parse(argdown.dumps(build_graph(m)))
    view = doc.view()
    assert set(view["statements"]) == {s.id for s in m.statements}
    assert {t: a["pcs"][-1]["title"] for t, a in view["arguments"].items()} == {a.id: a.conclusion for a in m.arguments}
    assert len(view["relations"]) == len(m.attacks)
    assert all(r["type"] in ("attack", "undercut") for r in view["relations"])
    # the front matter asks the reference to keep tags out of statement texts
    texts = {s.id: s.text for s in m.statements}
    assert all(view["statements"][i]["text"] == texts[i] for i in texts)


def test_writer_escapes_what_argdown_would_read_as_markup():
    m = argmap.ArgumentMap.model_validate(
        {
            "title": "T",
            "statements": [
                {
                    "id": "a",
                    "kind": "claim",
                    "text": "Use [x](y), #tags, *stars*, {braces}, // and .A. as text",
                    "title": "Title with: colon",
                    "tags": ["two words", "x"],
                },
                {"id": "b", "kind": "premise", "text": "Line one\nline two", "title": "[bad]"},
            ],
        }
    )
    text = argdown.dumps(build_graph(m))
    assert "[Title with: colon]: Use \\[x\\](y), \\#tags" in text
    assert "#claim #(two words) #x" in text
    assert '[b]: Line one line two #premise {title: "[bad]", text: "Line one\\nline two"}' in text
    assert argdown.loads(text) == m


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(maps())
def test_random_maps_round_trip_through_argdown(m):
    assert argdown.loads(argdown.dumps(build_graph(m)), name="random.argdown") == m


def test_the_writer_is_registered():
    assert FORMATS["argdown"].write and FORMATS["argdown"].read
    assert FORMATS["argdown"].writer()(build_graph(argmap.load()), None).startswith("===\n")


# ---------------------------------------------------------------------- CLI ---


def test_show_and_list_read_argdown_files(write, run):
    path = write(
        "debate.argdown",
        """\
        [Parks]: Build more parks. #proposal
          + [Cool]: Parks cool cities.
          - [Cost]: Parks cost money.
        """,
    )
    result = run("show", "--map", path)
    assert result.exit_code == 0, result.output
    assert "PROPOSAL parks" in result.stdout and "cool" in result.stdout
    result = run("list", "--map", path, "--kind", "premise", "--json")
    assert result.exit_code == 0, result.output
    assert [r["id"] for r in __import__("json").loads(result.stdout)] == ["cool", "cost"]


def test_from_overrides_the_suffix(write, run):
    path = write("notes.txt", "Parks are good.\n  + Trees cool cities.\n")
    assert detect(str(path), path.read_text()).name == "kialo"
    assert run("list", "--map", path).exit_code == 1
    result = run("list", "--map", path, "--from", "argdown", "--json")
    assert result.exit_code == 0, result.output
    assert len(__import__("json").loads(result.stdout)) == 2
    result = run("validate", str(path), "--from", "argdown")
    assert result.exit_code == 0, result.output


def test_stdin_argdown_is_detected_by_content(run):
    result = run("list", "--map", "-", "--json", input="[A]: a\n  - [B]: b\n")
    assert result.exit_code == 0, result.output


def test_syntax_errors_reach_the_user_with_a_position(write, run):
    path = write("bad.argdown", "[A]: a\n\n  + [B]: b\n")
    result = run("show", "--map", path)
    assert result.exit_code == 1
    assert f"{path}:3:3: a relation ('+') must follow" in result.stderr
    assert "Traceback" not in result.output


def test_unknown_from_format_is_a_usage_error(run, tiny):
    result = run("show", "--map", tiny, "--from", "docx")
    assert result.exit_code == 2
    assert "unknown format 'docx'" in result.stderr
    result = run("show", "--map", tiny, "--from", "pdf")  # a format argmap writes but cannot read
    assert result.exit_code == 2
    assert (
        "argmap cannot read the 'pdf' format. Use one of: yaml, json, argdown, aif, kialo, apx, tgf." in result.stderr
    )
    result = run("show", "--from", "argdown")
    assert result.exit_code == 2
    assert "--from names the format of the file given with --map" in result.stderr


def test_a_self_attacking_argument_is_read_evaluated_and_flagged():
    # the reference CLI reads it; Dung-style frameworks rely on it (issue 15, item 4)
    from argmap.analysis.semantics import evaluate
    from argmap.graph import build_graph
    from argmap.analysis.lint import check

    m = argdown.loads("<S>: A self-defeating argument.\n  - <S>\n", name="s.argdown")
    assert [(t.from_, t.to) for t in m.attacks] == [("s", "s")]
    G = build_graph(m)
    assert evaluate(G).label("s") == "undec"
    assert evaluate(G, "preferred").label("s") == "undec"
    assert [(f.severity, f.code) for f in check(G) if f.code == "self-attack"] == [("warning", "self-attack")]
    defeated = build_graph(
        argdown.loads("<S>: A self-defeating argument.\n  - <S>\n  - <T>: A defeater.\n", name="t.argdown")
    )
    assert (evaluate(defeated).label("s"), evaluate(defeated).label("t")) == ("out", "in")


def test_support_of_itself_is_still_refused():
    with pytest.raises(MapInvalid) as caught:
        argdown.loads("[A]: Alpha.\n  + [A]\n", name="a.argdown")
    assert "[A] supports itself" in caught.value.lines()[0]


# ---- silent losses found in real files (issue 15, item 2): each refused at the position
# the reference CLI 1.7.5 names, or read as it reads them


@pytest.mark.parametrize(
    "text, where, words",
    [
        # a heading swallowed the lines under it: "valid: 1 statement" (the reference: 2:1)
        (
            "# Facts\n[A]: Alpha.\n  + [B]: Beta.\n\n[C]: Gamma.\n",
            (2, 1),
            "a heading must be followed by an empty line",
        ),
        ("# Facts\n<A>: arg.\n", (2, 1), "a heading must be followed by an empty line"),
        ("# Facts\n  + [B]: Beta.\n", (2, 3), "a heading must be followed by an empty line"),
        ("# H1\n## H2\n\n[C]: Gamma.\n", (2, 1), "a heading must be followed by an empty line"),
        # a heading right under a statement became part of its text (the reference: 2:1)
        ("[C]: Gamma.\n# Heading\n", (2, 1), "a heading must start after an empty line"),
        ("[C]: Gamma.\n  + [D]: delta\n  # heading\n", (3, 3), "a heading must start after an empty line"),
        # a reference inside a text (the reference: 1:12, 1:18, 2:12, 1:9, 3:7)
        ("[C]: Gamma <A> delta.\n", (1, 12), "'<A>' inside a text is read as a reference"),
        ("[C]: Gamma [D] delta.\n", (1, 12), "'[D]' inside a text is read as a reference"),
        ("<A>: description <B> more.\n", (1, 18), "'<B>' inside a text"),
        ("[A]: x\n  + [B]: b <C>\n", (2, 12), "'<C>' inside a text"),
        ("# Facts [A] x\n\n[C]: Gamma.\n", (1, 9), "'[A]' inside a text"),
        ("<A>\n\n(1) p <B> q\n----\n(2) c\n", (3, 7), "'<B>' inside a text"),
        # an inference line outside a premise-conclusion structure (the reference: 2:1)
        ("[A]: text\n  -- more\n", (2, 3), "an inference line (--) may only stand between"),
        # the include directive the reference CLI follows (it fails when the file is missing)
        ("[A]: text\n\n@include(other.argdown)\n", (3, 1), "@include(other.argdown) is not supported"),
    ],
)
def test_what_the_reference_refuses_is_refused_where_it_is(text, where, words):
    with pytest.raises(MapInvalid) as caught:
        argdown.loads(text, name="t.argdown")
    first = caught.value.problems[0]
    assert (first.line, first.column) == where
    assert words in first.message


def test_a_relation_needs_no_space_after_its_symbol():
    # "+[B]" is a support for the reference; it was read as more text of [A] (five real lines lost)
    m = argdown.loads("[A]: text\n  +[B]: b\n  -[C]: c\n", name="t.argdown")
    assert {s.id: s.text for s in m.statements} == {"a": "text", "b": "b", "c": "c"}
    assert [(a.premises, a.conclusion) for a in m.arguments if a.conclusion == "a"] == [(("b",), "a")]
    assert [(t.from_, t.to) for t in m.attacks] == [("c", "a")]


def test_what_the_reference_reads_as_text_stays_text():
    m = argdown.loads(
        "# Facts\nmore of the title #tag\n\n[A]: Gamma @[B] delta @<E>, use [-x], 1 \\< 2 and 3 \\> 2.\n"
        "  -5 degrees is cold.\n",
        name="t.argdown",
    )
    texts = {s.id: s.text for s in m.statements}
    assert texts["a"] == "Gamma @[B] delta @<E>, use [-x], 1 < 2 and 3 > 2."
    assert "5 degrees is cold." in texts.values()  # "-5" at a line's start is an attack, as the reference reads it
    assert m.statements[0].tags == ("Facts more of the title",)  # a heading's text goes on to the end of its block


def test_a_premise_undercutting_its_own_argument_is_read():
    # the reference CLI reads it; argmap refused the whole map (issue 15, item 4)
    m = argdown.loads("<A>\n\n(1) [P]: p\n----\n(2) [C]: c\n\n[P]\n  _> <A>\n", name="u.argdown")
    assert [(t.from_, t.to, t.type) for t in m.attacks] == [("p", "a", "undercut")]
    assert argdown.loads(argdown.dumps(build_graph(m)), name="again.argdown") == m
