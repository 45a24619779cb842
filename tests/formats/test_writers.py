"""Every export is valid whatever the map's texts hold: the renderer accepts every
DOT export, XML parses, JSON parses, and the words come out as they went in."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

import argmap
from argmap.export import ExportOptions, export, neighbourhood
from argmap.formats import FORMATS
from argmap.formats.diagram import clean, wrap
from argmap.formats.graphviz import find, render

from ..conftest import ROOT
from ..export_helpers import AWKWARD, SMALL, awkward_map, exported

SVG = "{http://www.w3.org/2000/svg}"
# graphviz-pure always (it comes with argmap); Graphviz's dot too where it is installed
RENDERERS = ["graphviz-pure"] + (["dot"] if find("dot") else [])


@pytest.fixture(scope="module")
def awkward(tmp_path_factory):
    return awkward_map(tmp_path_factory.mktemp("awkward"))


def svg_lines(svg: str) -> set[str]:
    """The text of every line drawn in an SVG."""
    root = ET.fromstring(svg)
    return {"".join(t.itertext()) for t in root.iter(f"{SVG}text")}


# --------------------------------------------------- the renderer accepts it ---


EMBEDDED_VARIANTS = [
    {},
    {"quotes": True, "ids": True, "speakers": True},
    {"wrap": 8},
    {"wrap": 80, "quotes": True},
]


@pytest.mark.parametrize("renderer", RENDERERS)
@pytest.mark.parametrize(
    "variant", EMBEDDED_VARIANTS, ids=lambda v: ",".join(f"{k}={x}" for k, x in v.items()) or "default"
)
def test_every_dot_export_of_the_embedded_map_renders(renderer, variant):
    G = argmap.build_graph(argmap.load())
    dot = export(G, "dot", ExportOptions(**variant))
    lines = svg_lines(render(dot, "svg", prefer=renderer).decode("utf-8"))
    width = variant.get("wrap", 28)
    for n, d in G.nodes(data=True):
        if d["kind"] != "argument":
            assert set(wrap(d["text"], width)) <= lines, n


@pytest.mark.parametrize("renderer", RENDERERS)
def test_every_focused_part_of_the_embedded_map_renders(renderer):
    G = argmap.build_graph(argmap.load())
    dots = [export(neighbourhood(G, n, depth), "dot") for n in G for depth in (0, 2)]
    # one renderer run for all of them: the parts as clusters of one graph would change
    # the layout, so render each, but only the distinct ones
    for dot in sorted(set(dots)):
        assert render(dot, "svg", prefer=renderer).startswith(b"<?xml")


@pytest.mark.parametrize("renderer", RENDERERS)
@pytest.mark.parametrize("settings", [{}, {"ids": True, "speakers": True, "quotes": True, "wrap": 8}])
def test_awkward_texts_make_valid_dot_and_come_out_verbatim(awkward, renderer, settings):
    dot = exported(awkward, "dot", **settings)
    svg = render(dot, "svg", prefer=renderer).decode("utf-8")
    lines = svg_lines(svg)
    width = settings.get("wrap", 28)
    G = argmap.build_graph(argmap.load(awkward))
    for n, d in G.nodes(data=True):
        if d["kind"] != "argument":
            assert set(wrap(d["text"], width)) <= lines, (n, d["text"])
    title = clean(G.graph["title"])
    assert title in lines  # backslash sequences such as \N and \G stay as typed


# ---------------------------------------------- awkward texts, every format ---


def test_awkward_map_is_awkward():
    """The texts under test really hold what they claim to."""
    joined = "".join(AWKWARD)
    for needle in (
        '"',
        "'",
        "\\",
        "<",
        ">",
        "{",
        "}",
        "|",
        "\n",
        "\t",
        "\x07",
        "😀",
        "\u200d",
        "مرحبا",
        "\u202e",
        "</script>",
        "-->",
        "#quot;",
        "`",
        "$",
        "\u2028",
        "\u0301",
    ):
        assert needle in joined, repr(needle)


@pytest.mark.parametrize("fmt", [f for f in FORMATS if FORMATS[f].write and f != "pdf"])
def test_awkward_map_exports_in_every_format(awkward, fmt, tmp_path):
    data = exported(awkward, fmt, output=tmp_path / f"out.{fmt}", ids=True, speakers=True, quotes=True)
    m = argmap.load(awkward)
    texts = [s.text for s in m.statements]
    if fmt in ("json", "yaml"):
        back = argmap.loads(data, fmt)  # equal but for source.file, rewritten to resolve from tmp_path
        assert back.model_copy(update={"source": m.source}) == m
        assert (tmp_path / back.source.file).resolve() == awkward.parent / "awkward.txt"
    elif fmt == "nodelink":
        nodes = {n["id"]: n for n in json.loads(data)["nodes"]}
        assert [nodes[s.id]["text"] for s in m.statements] == texts
    elif fmt == "graphml":
        root = ET.fromstring(data.encode("utf-8"))
        assert root.tag.endswith("graphml")
        import networkx as nx

        back = nx.parse_graphml(data)
        assert [back.nodes[s.id]["text"] for s in m.statements] == [
            re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f]", "\ufffd", t) for t in texts
        ]
    elif fmt == "svg":
        assert set(wrap(texts[0], 28)) <= svg_lines(data)
    elif fmt == "png":
        assert data.startswith(b"\x89PNG\r\n\x1a\n")
    elif fmt == "dot":
        assert data.startswith('digraph "argmap" {') and data.endswith("}\n")
    elif fmt == "mermaid":
        check_mermaid(data, len(m.statements))
    elif fmt == "md":
        check_markdown(data, texts)
    elif fmt == "html":
        check_html(data, texts)
    elif fmt in ("argdown", "aif"):  # interchange formats: read back, every text intact
        back = argmap.loads(data, fmt)
        assert sorted(s.text for s in back.statements) == sorted(texts)
        assert len(back.arguments) == len(m.arguments) and len(back.attacks) == len(m.attacks)
    elif fmt in ("apx", "tgf"):  # frameworks: the structure reads back, texts are not kept
        back = argmap.loads(data, fmt)
        assert [s.id for s in back.statements] == [s.id for s in m.statements]
        assert {(a.conclusion, tuple(sorted(a.premises))) for a in back.arguments} == {
            (a.conclusion, tuple(sorted(a.premises))) for a in m.arguments
        }
        assert {(t.from_, t.to) for t in back.attacks} == {(t.from_, t.to) for t in m.attacks}
    else:  # pragma: no cover - a new format needs a check here
        pytest.fail(f"no validity check for {fmt}")


def check_mermaid(text: str, count: int) -> None:
    """Each node is one line ``nN<shape>"label"<shape>:::kind`` whose label holds
    no quote, no markup but ours and no line break: nothing can end it early."""
    nodes = [line for line in text.splitlines() if re.match(r"  n\d+[\[(]", line)]
    assert len(nodes) >= count
    for line in nodes:
        match = re.fullmatch(
            r'  n\d+(\[\[|\[|\(\(|\()"([^"]*)"(\]\]|\]|\)\)|\)):::(proposal|claim|premise|argument)', line
        )
        assert match, line
        label = re.sub(r"</?(small|b|i|br)>", "", match[2])
        assert re.fullmatch(r"[\w .,:!?'()\-/+=#;]*", label), label
    for line in text.splitlines():
        if line.startswith("%%") and not line.startswith("%%{"):
            assert "\n" not in line and "}%%" not in line


def check_markdown(text: str, texts: list[str]) -> None:
    """No raw markup from the map: every < and > is an entity, and each text
    appears escaped, on one line, after the bullet or heading it belongs to."""
    prose = text.split("```mermaid", 1)[0] + text.split("```\n", 1)[1]
    assert "<script" not in prose and "</b>" not in prose
    for t in texts:
        escaped = clean(t).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        escaped = re.sub(r"([\\`*_\[\]|~$#])", r"\\\1", escaped)
        assert escaped in prose, t


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.cells: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts += 1
        if tag == "td":
            self.cells.append("")
        self.stack.append(tag)

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop() != tag:
            pass

    def handle_data(self, data):
        if "td" in self.stack and self.cells:
            self.cells[-1] += data


def check_html(text: str, texts: list[str]) -> None:
    """One script (ours), and every statement's text in a table cell as typed."""
    parser = _Collect()
    parser.feed(text)
    assert parser.scripts == 1
    assert text.count("</script>") == 1
    for t in texts:
        assert any(cell.startswith(clean(t).replace("\x07", "\ufffd").replace("\x0b", " ")) for cell in parser.cells), t


# ------------------------------------------------------------- determinism ---


def test_dot_output_is_the_same_in_every_process():
    """No set or hash order leaks into the diagrams."""
    code = (
        "import argmap; from argmap.export import export, neighbourhood; G = argmap.build_graph(argmap.load());"
        "import sys; sys.stdout.write(export(neighbourhood(G, 'prop-deepen-ct', 3), 'dot')"
        " + export(G, 'mermaid') + export(G, 'md'))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
            cwd=ROOT,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1


def test_svg_is_byte_identical_on_a_second_run():
    assert exported(SMALL, "svg") == exported(SMALL, "svg")


def test_a_long_chain_of_reasons_exports(tmp_path):
    """No writer recurses along the map: 3000 levels of reasons are fine."""
    n = 3000
    m = argmap.ArgumentMap.model_validate(
        {
            "title": "Chain",
            "statements": [
                {"id": f"s{i}", "kind": "proposal" if i == 0 else "claim", "text": f"Step {i}."} for i in range(n)
            ],
            "arguments": [{"id": f"a{i}", "premises": [f"s{i}"], "conclusion": f"s{i - 1}"} for i in range(1, n)],
        }
    )
    G = argmap.build_graph(m)
    for fmt in ("yaml", "json", "nodelink", "graphml", "dot", "mermaid", "md"):
        assert f"Step {n - 1}." in export(G, fmt), fmt
    assert export(G, "md").count("\n") > n
    assert len(neighbourhood(G, "s0", n)) == 2 * n - 1


def test_missing_source_text_is_a_warning_and_the_report_says_so(tmp_path, run):
    path = tmp_path / "map.yaml"
    path.write_text(SMALL.read_text(encoding="utf-8"), encoding="utf-8")  # small.txt is not beside it
    out = tmp_path / "report.html"
    result = run("export", "-m", path, "-o", out)
    assert result.exit_code == 0, result.output
    assert "source file 'small.txt' not found" in result.stderr
    assert "The source text was not found" in out.read_text(encoding="utf-8")
