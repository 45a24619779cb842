"""Property tests: whatever goes in, readers answer with a map or an argmap error;
whatever a map holds, writers keep it (or keep it inside their syntax).

The CI share of the fuzzing (modest example counts); ``python -m tests.fuzz``
pushes hundreds of thousands of inputs through every reader by hand.
"""

from __future__ import annotations

import contextlib
import json
import re
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.errors import ArgmapError
from argmap.export import ExportOptions, export
from argmap.formats import FORMATS
from argmap.formats.diagram import wrap
from argmap.formats.graphviz import render
from argmap.loader import decode, loads, read_map

from .conftest import ROOT
from .fuzz import TOKENS, mutate
from .map_strategies import maps
from .formats.test_writers import RENDERERS, check_mermaid, svg_lines
from .test_reliability_matrix import SUFFIX, VALID

READERS = [name for name, f in FORMATS.items() if f.read]
# what every map may say, in the formats that hold texts and kinds
FULL_ROUND_TRIP = ["yaml", "json", "argdown", "aif"]
QUICK = settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
SLOW = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))


def read_bytes(data: bytes, fmt: str):
    """What ``argmap --map FILE --from FMT`` does with a file's bytes, short of opening it."""
    return loads(decode(data, f"fuzz{SUFFIX[fmt]}"), fmt, name=f"fuzz{SUFFIX[fmt]}")


def test_every_reader_is_fuzzed():
    """A new reader joins these tests (and tests/fuzz.py) by being in the format table."""
    assert sorted(READERS) == sorted(SUFFIX) == sorted(TOKENS)


# ------------------------------------------- only argmap's own errors escape ---


@pytest.mark.slow
@pytest.mark.parametrize("fmt", READERS)
@QUICK
@given(data=st.binary(max_size=600))
def test_arbitrary_bytes_raise_only_argmap_errors(fmt, data):
    with contextlib.suppress(ArgmapError):
        read_bytes(data, fmt)


@pytest.mark.slow
@pytest.mark.parametrize("fmt", READERS)
@QUICK
@given(text=st.text(max_size=300))
def test_arbitrary_text_raises_only_argmap_errors(fmt, text):
    with contextlib.suppress(ArgmapError):
        loads(text, fmt, name="fuzz")


@st.composite
def mutated(draw, fmt: str) -> bytes:
    """A valid file of the format with random edits (the fuzz script's mutations,
    driven by hypothesis so that a failure shrinks to a small example)."""
    import random

    seed = draw(st.sampled_from([VALID[fmt].encode("utf-8"), *EXTRA_SEEDS.get(fmt, [])]))
    rng = random.Random(draw(st.integers(0, 2**32)))
    return mutate(rng, seed, TOKENS[fmt], VALID[draw(st.sampled_from(READERS))].encode("utf-8"))


EXTRA_SEEDS = {
    "argdown": [(ROOT / "tests" / "data" / "parks.argdown").read_bytes()],
    "aif": [(ROOT / "tests" / "data" / "aif-ova3-fees.json").read_bytes()],
    "kialo": [(ROOT / "tests" / "data" / "kialo-school-uniforms.txt").read_bytes()],
    "yaml": [(ROOT / "tests" / "data" / "small.yaml").read_bytes()],
    "json": [(ROOT / "tests" / "golden" / "json" / "small.json").read_bytes()],
}


@pytest.mark.slow
@pytest.mark.parametrize("fmt", READERS)
@QUICK
@given(data=st.data())
def test_mutated_valid_files_raise_only_argmap_errors_and_what_is_read_can_be_used(fmt, data):
    """An accepted mutant is a real map: it builds, lints and exports."""
    from argmap.analysis.lint import check

    try:
        m = read_bytes(data.draw(mutated(fmt)), fmt)
    except ArgmapError:
        return
    G = argmap.build_graph(m)
    check(G)
    assert json.loads(export(G, "json"))["statements"]


@pytest.mark.slow
@pytest.mark.parametrize("fmt", READERS)
@SLOW
@given(data=st.data())
def test_a_mutated_file_through_the_command_line_is_a_map_or_a_message(fmt, data, tmp_path_factory):
    """The same through ``argmap show``: exit 0 with a view, or exit 1 with messages
    naming the file, never a traceback."""
    from typer.testing import CliRunner

    from argmap.cli import app

    path = tmp_path_factory.mktemp("mutant") / f"mutant{SUFFIX[fmt]}"
    path.write_bytes(data.draw(mutated(fmt)))
    result = CliRunner().invoke(app, ["show", "--map", str(path), "--from", fmt])
    assert isinstance(result.exception, SystemExit) or result.exception is None, result.exception
    if result.exit_code == 0:
        assert result.stdout
    else:
        assert result.exit_code == 1, result.output
        assert all(line.startswith(f"Error: {path}") for line in result.stderr.splitlines()), result.stderr


# ----------------------------------------------------------- round trips ---


@pytest.mark.slow
@pytest.mark.parametrize("fmt", FULL_ROUND_TRIP)
@SLOW
@given(m=maps())
def test_any_map_round_trips_unchanged_through_a_file(fmt, m, tmp_path_factory):
    """Written by ``argmap export -o map.<suffix>`` and read back by ``--map``
    (format found from the name and the content), the map is the same map.
    tests/test_export.py, formats/test_argdown.py and formats/test_aif.py check the text round
    trip in memory; this adds the file, its encoding and format detection."""
    folder = tmp_path_factory.mktemp("trip")
    source = folder / "map.json"
    source.write_text(json.dumps(m.model_dump(by_alias=True, exclude_none=True), ensure_ascii=False), encoding="utf-8")
    out = folder / f"out{SUFFIX[fmt]}"
    from typer.testing import CliRunner

    from argmap.cli import app

    result = CliRunner().invoke(app, ["export", "--map", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    loaded = read_map(out, check_source=False)
    assert loaded.format == fmt
    assert loaded.map.model_copy(update={"source": m.source}) == m
    if m.source is not None:
        assert loaded.map.source.title == m.source.title


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["apx", "tgf"])
@SLOW
@given(m=maps())
def test_any_map_keeps_its_structure_through_a_framework_file(fmt, m, tmp_path_factory):
    """apx and TGF hold the argumentation framework: statements, arguments and
    attacks come back by id (not texts or kinds)."""
    out = tmp_path_factory.mktemp("af") / f"out{SUFFIX[fmt]}"
    out.write_text(export(argmap.build_graph(m), fmt), encoding="utf-8")
    back = read_map(out, check_source=False)
    assert back.format == fmt
    assert [s.id for s in back.map.statements] == [s.id for s in m.statements]
    assert {(a.conclusion, frozenset(a.premises)) for a in back.map.arguments} == {
        (a.conclusion, frozenset(a.premises)) for a in m.arguments
    }
    assert {(t.from_, t.to) for t in back.map.attacks} == {(t.from_, t.to) for t in m.attacks}


# ------------------------------------------------------- diagrams are safe ---


@pytest.mark.slow
@pytest.mark.parametrize("renderer", RENDERERS)
@SLOW
@given(m=maps())
def test_every_dot_export_is_drawn_by_the_renderer_with_every_text(renderer, m):
    G = argmap.build_graph(m)
    svg = render(export(G, "dot", ExportOptions(ids=True, speakers=True, quotes=True)), "svg", prefer=renderer)
    lines = svg_lines(svg.decode("utf-8"))
    for n, d in G.nodes(data=True):
        if d["kind"] != "argument":
            assert set(wrap(d["text"], 28)) <= lines, (n, d["text"])


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(m=maps())
def test_every_mermaid_export_keeps_each_text_inside_its_label(m):
    check_mermaid(export(argmap.build_graph(m), "mermaid"), len(m.statements))


# --------------------------------------------------- HTML holds no injection ---

PAYLOADS = [
    "<script>alert(1)</script>",
    "</script><script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '" onmouseover="alert(1)',
    "' onfocus='alert(1)' autofocus='",
    "<svg onload=alert(1)>",
    "]]><x>",
    "<!-- x --><b>bold</b>",
    "javascript:alert(1)",
    "&amp; &lt;b&gt; & &#60;i&#62;",
    "<style>*{}</style>",
    '<a href="javascript:alert(1)">x</a>',
    "<iframe srcdoc='<script>alert(1)</script>'>",
    "\x01<b>\x0b</b>",
    "</textarea></title></style><b>",
    "<math><mi xlink:href=javascript:alert(1)>x",
]
HOSTILE = st.one_of(
    st.sampled_from(PAYLOADS),
    st.lists(st.sampled_from(PAYLOADS + ["plain words", "&", '"', "'", "<", ">"]), min_size=1, max_size=4).map(
        " ".join
    ),
    st.text(st.sampled_from(list("<>&\"'=/ ;:abcjs!-[]")), min_size=1, max_size=40),
).filter(lambda t: t.strip())
URLS = st.sampled_from(
    [
        'https://example.org/?a=<b>&c="d"',
        'https://x.org/" onclick="alert(1)',
        "javascript:alert(1)",
        "http://x.org/'><script>alert(1)</script>",
        "data:text/html,<b>x</b>",
    ]
)


@st.composite
def hostile_maps(draw) -> tuple[dict, dict, str]:
    """A map whose every text is hostile, its twin with plain texts (the same
    structure), and a source text in which every quote occurs."""
    m = draw(maps())
    data = m.model_dump(by_alias=True, exclude_none=True)
    twin = json.loads(json.dumps(data))
    quotes = []
    count = [0]

    def swap(item: dict, plain: dict, key: str) -> None:
        if key in item:
            count[0] += 1
            item[key], plain[key] = draw(HOSTILE), f"plain text {count[0]}"
            if key == "quote":
                quotes.append(item[key])

    for key in ("title", "description"):
        swap(data, twin, key)
    for section in ("statements", "arguments", "attacks"):
        for item, plain in zip(data.get(section, []), twin.get(section, []), strict=True):
            for key in ("text", "quote", "speaker", "note", "title", "scheme"):
                swap(item, plain, key)
            if "tags" in item:
                item["tags"] = [draw(HOSTILE) for _ in item["tags"]]
                plain["tags"] = [f"tag {i}" for i in range(len(item["tags"]))]
    data["source"] = {"title": draw(HOSTILE), "author": draw(HOSTILE), "url": draw(URLS), "file": "x.txt"}
    twin["source"] = {"title": "plain", "author": "plain", "url": "https://example.org", "file": "x.txt"}
    for item, plain in zip(data["statements"], twin["statements"], strict=True):  # quotes must sit in their paragraph
        item.pop("paragraph", None)
        plain.pop("paragraph", None)
    for section in ("arguments", "attacks"):
        for item, plain in zip(data.get(section, []), twin.get(section, []), strict=True):
            item.pop("paragraph", None)
            plain.pop("paragraph", None)
    paragraphs = [draw(HOSTILE) + " " + q + " " + draw(HOSTILE) for q in quotes] or [draw(HOSTILE)]
    return data, twin, "Title\n\n" + "\n\n".join(p.replace("\n", " ") for p in paragraphs)


class Markup(HTMLParser):
    """Everything in an HTML page that is markup rather than text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[tuple[str, str]] = set()  # (tag, attribute), attribute "" for the tag itself
        self.attributes: list[tuple[str, str, str]] = []
        self.comments: list[str] = []
        self.other: list[str] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.add((tag, ""))
        for name, value in attrs:
            self.tags.add((tag, name))
            self.attributes.append((tag, name, value or ""))
        self._in = tag if tag in ("script", "style") else None

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        self._in = None

    def handle_data(self, data):
        if self._in == "script":
            self.scripts.append(data)
        elif self._in == "style":
            self.styles.append(data)

    def handle_comment(self, data):
        self.comments.append(data)

    def handle_decl(self, decl):
        self.other.append(decl)

    def handle_pi(self, data):
        self.other.append(data)

    def unknown_decl(self, data):
        self.other.append(data)


def html_of(data: dict, source_text: str) -> Markup:
    from argmap.source import SourceText

    m = argmap.ArgumentMap.model_validate(data)
    options = ExportOptions(source=SourceText.from_text(source_text, "Title"), quotes=True, ids=True, speakers=True)
    page = Markup()
    page.feed(export(argmap.build_graph(m), "html", options))
    page.close()
    return page


BASELINE = html_of(
    json.loads((ROOT / "tests" / "golden" / "json" / "small.json").read_text(encoding="utf-8")),
    (ROOT / "tests" / "data" / "small.txt").read_text(encoding="utf-8"),
)


@pytest.mark.slow
@SLOW
@given(case=hostile_maps())
def test_html_export_of_hostile_texts_holds_only_argmaps_own_markup(case):
    """Texts full of tags, event handlers, quotes and ampersands: parsed, the page
    has no tag, attribute or comment the same map with plain texts would not have,
    one script and one style sheet (argmap's own), and links only to web pages."""
    from argmap.formats import html

    data, twin, source_text = case
    page, plain = html_of(data, source_text), html_of(twin, "Title\n\nplain text")
    assert page.tags <= plain.tags | BASELINE.tags, page.tags - plain.tags - BASELINE.tags
    assert not [a for a in page.attributes if a[1].startswith("on")]
    assert page.scripts == [html.SCRIPT] and page.styles == [html.STYLE]
    assert page.other == ["DOCTYPE html"]
    assert sorted(page.comments) == sorted(plain.comments)  # the diagram's, naming ids only
    for tag, name, value in page.attributes:
        if name in ("href", "xlink:href", "src"):
            assert re.match(r"https?://", value), (tag, name, value)
