"""argmap export: choosing the format, focused parts, the map formats round trip,
golden files, source references that still resolve, and the command's errors."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.errors import NotFound, UsageError
from argmap.export import choose_format, export, neighbourhood
from argmap.formats import FORMATS
from argmap.graph import build_graph
from argmap.loader import loads, read_map

from .export_helpers import DATA, GOLDEN, GOLDEN_FILES, SMALL, awkward_map, exported

# ------------------------------------------------------------------ formats ---


def test_every_export_format_is_a_writer_in_the_table():
    for name in ("json", "yaml", "nodelink", "dot", "svg", "png", "pdf", "mermaid", "graphml", "md", "html"):
        assert FORMATS[name].write, name
    assert [f.name for f in FORMATS.values() if f.read] == ["yaml", "json", "argdown", "aif", "kialo", "apx", "tgf"]


@pytest.mark.parametrize(
    ("output", "name"),
    [
        ("map.svg", "svg"),
        ("MAP.PNG", "png"),
        ("out/r.html", "html"),
        ("d.gv", "dot"),
        ("d.dot", "dot"),
        ("x.mmd", "mermaid"),
        ("x.md", "md"),
        ("x.graphml", "graphml"),
        ("g.nodelink.json", "nodelink"),
        ("m.json", "json"),
        ("m.yml", "yaml"),
        ("m.pdf", "pdf"),
    ],
)
def test_the_format_comes_from_the_output_suffix(output, name):
    assert choose_format(None, output).name == name


def test_format_option_wins_and_stdout_defaults_to_dot():
    assert choose_format("mermaid", "x.svg").name == "mermaid"
    assert choose_format(None, None).name == "dot"
    assert choose_format(None, "-").name == "dot"


def test_unknown_formats_and_suffixes_are_usage_errors():
    with pytest.raises(UsageError, match="unknown format 'jpeg'"):
        choose_format("jpeg", None)
    with pytest.raises(UsageError, match="cannot tell the format") as err:
        choose_format(None, "map.txt")
    assert ".svg (svg)" in err.value.hint


# ------------------------------------------------------------ focused parts ---


def small_graph():
    return argmap.build_graph(argmap.load(SMALL))


def test_focus_depth_counts_statement_levels_like_show():
    G = small_graph()
    assert set(neighbourhood(G, "charge", 0)) == {"charge"}
    one = set(neighbourhood(G, "charge", 1))
    assert one == {
        "charge",
        "arg-congestion",
        "arg-cuts-traffic",
        "traffic-doubled",
        "buses-late",
        "charge-cuts-traffic",
        "customers-leave",
    }
    two = set(neighbourhood(G, "charge", 2)) - one
    assert two == {
        "arg-analogy",
        "elsewhere-worked",
        "centres-alike",
        "better-buses",
        "counters-moved",
        "shoppers-bus-foot",
    }
    assert set(neighbourhood(G, "charge")) == set(G)


def test_focus_on_an_argument_keeps_its_conclusion_so_the_part_is_a_valid_map():
    G = small_graph()
    part = neighbourhood(G, "arg-analogy", 1)
    assert set(part) == {"arg-analogy", "charge-cuts-traffic", "elsewhere-worked", "centres-alike", "better-buses"}
    again = loads(export(part, "yaml"))
    assert {s.id for s in again.statements} == {
        "charge-cuts-traffic",
        "elsewhere-worked",
        "centres-alike",
        "better-buses",
    }
    assert [(t.from_, t.to, t.type) for t in again.attacks] == [("better-buses", "arg-analogy", "undercut")]


def test_a_focused_part_is_a_view_in_map_order():
    G = small_graph()
    part = neighbourhood(G, "charge-cuts-traffic", 1)
    assert list(part) == [n for n in G if n in part]
    G.nodes["charge-cuts-traffic"]["text"] = "changed"  # a view, not a copy
    assert part.nodes["charge-cuts-traffic"]["text"] == "changed"


def test_depth_without_focus_starts_at_the_proposals():
    assert set(neighbourhood(small_graph(), None, 0)) == {"charge"}


def test_focus_on_an_unknown_id_suggests_close_ones():
    with pytest.raises(NotFound, match="'chrage'"):
        neighbourhood(small_graph(), "chrage", 1)


# ------------------------------------------------- map formats round trip ---


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_embedded_map_round_trips_exactly(fmt):
    m = argmap.load()
    assert loads(export(argmap.build_graph(m), fmt), fmt) == m


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_awkward_map_round_trips_exactly(fmt, tmp_path):
    m = argmap.load(awkward_map(tmp_path))
    assert loads(export(argmap.build_graph(m), fmt), fmt) == m


slugs = st.from_regex(r"[a-z][a-z0-9]{0,6}", fullmatch=True)
texts = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), min_size=1, max_size=30).filter(
    lambda s: s.strip()
)


@st.composite
def maps(draw):
    ids = draw(st.lists(slugs, min_size=2, max_size=6, unique=True))
    statements = [
        {
            "id": i,
            "kind": draw(st.sampled_from(["proposal", "claim", "premise"])),
            "text": draw(texts),
            **({"speaker": draw(texts)} if draw(st.booleans()) else {}),
            "tags": draw(st.lists(texts, max_size=2)),
        }
        for i in ids
    ]
    conclusion, premise = ids[0], ids[1]
    data = {
        "title": draw(texts),
        "statements": statements,
        "arguments": [
            {
                "id": "arg-x",
                "premises": [premise],
                "conclusion": conclusion,
                **({"scheme": draw(texts)} if draw(st.booleans()) else {}),
            }
        ],
    }
    if len(ids) > 2:
        data["attacks"] = [{"id": "att-x", "from": ids[2], "to": "arg-x", "type": "undercut", "note": draw(texts)}]
    if draw(st.booleans()):
        data["description"] = draw(texts)
    return argmap.ArgumentMap.model_validate(data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(m=maps(), fmt=st.sampled_from(["yaml", "json"]))
def test_any_map_round_trips_exactly(m, fmt):
    assert loads(export(argmap.build_graph(m), fmt), fmt) == m


# -------------------------------------------------------------- golden files ---


@pytest.mark.parametrize("fmt", sorted(GOLDEN_FILES))
def test_golden_files(fmt):
    """Every text format of the small map, byte for byte. After a deliberate change,
    rewrite them with ARGMAP_UPDATE_GOLDEN=1 and read the diff."""
    path = GOLDEN / GOLDEN_FILES[fmt]
    got = exported(SMALL, fmt, output=path)
    if os.environ.get("ARGMAP_UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(got.encode("utf-8"))
    assert got == path.read_bytes().decode("utf-8"), f"{path.name} differs; see the test's docstring"


def test_golden_diagram_shows_ids_speakers_and_quotes_only_on_request():
    plain = exported(SMALL, "dot")
    full = exported(SMALL, "dot", ids=True, speakers=True, quotes=True)
    for words in (
        "PROPOSAL · charge · author",
        "CLAIM · customers-leave · shop owners",
        "<I>“The council should charge",
    ):
        assert words not in plain and words in full


def test_a_focused_argument_at_depth_0_exports_a_valid_map(tmp_path, run):
    """Issue 15 item 7: map_data took a filtered view for the whole graph (it compared
    the view's node count with itself), kept premises the view leaves out, and the
    written map failed validation; an argument also needs its premises to be one."""
    out = tmp_path / "f.yaml"
    result = run("export", "--focus", "arg-differences-investigate", "--depth", "0", "--format", "yaml", "-o", out)
    assert result.exit_code == 0, result.output
    checked = run("validate", out)
    assert checked.exit_code == 0, checked.output
    back = read_map(out).map
    assert [a.id for a in back.arguments] == ["arg-differences-investigate"]
    assert set(back.arguments[0].premises) | {back.arguments[0].conclusion} == {s.id for s in back.statements}


@pytest.mark.parametrize("depth", [0, 1, 2])
def test_every_focused_part_of_the_embedded_map_is_a_valid_map(depth):
    G = build_graph(argmap.load())
    for node in G:
        text = export(neighbourhood(G, node, depth), "yaml")
        part = loads(text, "yaml", name=f"{node} at depth {depth}")
        assert node in {s.id for s in part.statements} | {a.id for a in part.arguments}


# ------------------------------------------------- source.file still resolves ---


def test_a_map_written_to_another_folder_still_finds_its_source(tmp_path, run):
    out = tmp_path / "deeper" / "copy.yaml"
    out.parent.mkdir()
    result = run("export", "-m", SMALL, "-o", out)
    assert result.exit_code == 0, result.output
    copy = read_map(out)
    assert copy.source is not None, copy.warnings  # found, and every quote checked against it
    assert copy.map.source.file == os.path.relpath(DATA / "small.txt", out.parent).replace(os.sep, "/")


@pytest.mark.parametrize("suffix", [".yaml", ".json", ".argdown", ".aif"])
def test_every_map_format_written_to_another_folder_still_finds_its_source(tmp_path, run, suffix):
    """Issue 15 item 8: Argdown and AIF kept source.file as it was (the writers
    used another map_data than YAML and JSON), so the copy skipped its quote checks."""
    out = tmp_path / "sub" / f"m{suffix}"
    out.parent.mkdir()
    result = run("export", "-m", SMALL, "-o", out)
    assert result.exit_code == 0, result.output
    checked = run("validate", out)
    assert checked.exit_code == 0, checked.output
    assert "quotes checked" in checked.stdout and "not found" not in checked.stderr
    copy = read_map(out)
    assert copy.map.source.file == os.path.relpath(DATA / "small.txt", out.parent).replace(os.sep, "/")


def test_the_embedded_map_exported_anywhere_points_at_the_packaged_text(tmp_path, run):
    result = run("export", "-o", tmp_path / "sco.json")
    assert result.exit_code == 0, result.output
    copy = read_map(tmp_path / "sco.json")
    assert copy.map.source.file == "argmap:seeds/sco-in-the-war-on-terror.txt"
    assert copy.source is not None and copy.map.statements == argmap.load().statements


# ------------------------------------------------------------------- command ---


def test_export_writes_the_file_the_suffix_names(tmp_path, run):
    out = tmp_path / "map.mmd"
    result = run("export", "-o", out)
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").splitlines()[2] == "flowchart BT"
    assert "Wrote" in result.stderr and result.stdout == ""


def test_export_without_output_prints_dot(run):
    result = run("export", "-m", SMALL)
    assert result.exit_code == 0, result.output
    assert result.stdout == exported(SMALL, "dot", output=None)


def test_export_png_to_a_pipe_is_the_png_bytes(run):
    result = run("export", "-m", SMALL, "--format", "png")
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.startswith(b"\x89PNG\r\n\x1a\n")


def test_export_options_reach_the_writer(run):
    result = run(
        "export",
        "-m",
        SMALL,
        "--format",
        "mermaid",
        "--focus",
        "charge-cuts-traffic",
        "--depth",
        "1",
        "--ids",
        "--quotes",
        "--wrap",
        "12",
    )
    assert result.exit_code == 0, result.output
    assert "<small>charge-cuts-traffic</small>" in result.stdout  # the id, in the header (wrapped at 18)
    assert "counters" not in result.stdout  # outside the focus
    assert "A charge<br>here would<br>cut traffic." in result.stdout  # wrapped at 12 columns


def test_export_refuses_to_overwrite_the_map_it_reads(tmp_path, run):
    path = tmp_path / "map.yaml"
    path.write_text(SMALL.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "small.txt").write_text((DATA / "small.txt").read_text(encoding="utf-8"), encoding="utf-8")
    before = path.read_bytes()
    result = run("export", "-m", path, "-o", path)
    assert result.exit_code == 2
    assert "is the map being read" in result.stderr and "--force" in result.stderr
    assert path.read_bytes() == before
    result = run("export", "-m", path, "-o", path, "--force")
    assert result.exit_code == 0, result.output
    assert loads(path.read_text(encoding="utf-8")) == argmap.load(SMALL)


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["--format", "jpeg"], 2, "unknown format 'jpeg'"),
        (["-o", "map.txt"], 2, "cannot tell the format"),
        (["--focus", "chrage"], 1, "Did you mean 'charge'"),
        (["--wrap", "3"], 2, "--wrap"),
    ],
)
def test_export_usage_errors_say_what_to_do(args, code, words, run):
    result = run("export", "-m", SMALL, *args)
    assert result.exit_code == code, result.output
    assert words in result.stderr
    assert "Traceback" not in result.output


def test_pdf_without_graphviz_names_the_command_that_fixes_it(tmp_path, run, monkeypatch):
    monkeypatch.setenv("ARGMAP_GRAPHVIZ", "graphviz-pure")
    out = tmp_path / "map.pdf"
    result = run("export", "-m", SMALL, "-o", out)
    assert result.exit_code == 1
    assert "graphviz-pure cannot make pdf" in result.stderr
    assert "apt-get install graphviz" in result.stderr and "brew install graphviz" in result.stderr
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_no_renderer_at_all_is_a_clear_error(tmp_path, run, monkeypatch):
    from argmap.formats import graphviz

    monkeypatch.delenv("ARGMAP_GRAPHVIZ", raising=False)
    monkeypatch.setattr(graphviz, "find", lambda name: None)
    result = run("export", "-m", SMALL, "-o", tmp_path / "map.svg")
    assert result.exit_code == 1
    assert "no Graphviz renderer found" in result.stderr and "pip install graphviz-pure" in result.stderr


@pytest.mark.parametrize("program", ["dot", "graphviz-pure"])
def test_a_text_of_brackets_draws_with_every_renderer(program, run, write, tmp_path, monkeypatch):
    """Graphviz's `dot` refused an HTML label that was only "]" (found by the
    hostile-text property test once `dot` was on PATH)."""
    from argmap.formats import graphviz

    if graphviz.find(program) is None:
        pytest.skip(f"{program} is not installed")
    monkeypatch.setenv("ARGMAP_GRAPHVIZ", program)
    path = write(
        "brackets.yaml",
        """\
        title: "]"
        statements:
          - {id: a, kind: proposal, text: "]", quote: "[", speaker: "]["}
          - {id: b, kind: premise, text: "[x]"}
        arguments:
          - {id: c, premises: [b], conclusion: a}
        """,
    )
    result = run("export", "-m", path, "--quotes", "--speakers", "-o", tmp_path / "out.svg")
    assert result.exit_code == 0, result.output
    assert "&#93;" in run("export", "-m", path, "--format", "dot").stdout


def test_the_renderer_found_beside_python_when_not_on_path(monkeypatch):
    from argmap.formats import graphviz

    monkeypatch.setenv("PATH", "")
    monkeypatch.delenv("ARGMAP_GRAPHVIZ", raising=False)
    programs = graphviz.renderers()
    assert programs and os.path.basename(programs[0]).startswith("graphviz-pure")
