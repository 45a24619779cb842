"""The Argdown reader's quick way through the regular form argmap writes must
read exactly what the general parser reads: the same document, the same map,
the same errors. The general parser is the reference; these tests compare the
two on written maps, on written maps edited at random, and on the text step.
"""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from argmap.errors import MapInvalid
from argmap.formats import argdown
from argmap.formats.argdown.lexer import inline
from argmap.formats.argdown.parser import Parser
from argmap.formats.argdown.regular import Regular, quick_text
from argmap.graph import build_graph
from argmap.validate import validate
from tests.bench.generate import generate
from tests.map_strategies import maps


def _document(doc: argdown.Document) -> tuple:
    """Everything a document holds, in order."""
    return (
        doc.frontmatter,
        [(k, dataclasses.asdict(v)) for k, v in doc.statements.items()],
        [(k, dataclasses.asdict(v)) for k, v in doc.arguments.items()],
        [dataclasses.asdict(r) for r in doc.relations],
        doc.strict,
    )


def _read(text: str, *, general: bool) -> tuple:
    """The document and map data read from ``text``, or the problems raised."""
    saved = Regular.read
    if general:
        Regular.read = lambda self, body, first: False
    try:
        doc = argdown.parse(text, name="t.argdown")
    except MapInvalid as err:
        return ("invalid", [(p.message, p.line, p.column, p.hint) for p in err.problems])
    finally:
        Regular.read = saved
    try:
        data = argdown.to_map_data(doc, name="t.argdown")
    except MapInvalid as err:
        data = ("invalid", [(p.message, p.line, p.column, p.hint) for p in err.problems])
    return _document(doc), data


def _quick(text: str) -> bool:
    """Whether the quick way reads ``text`` (rather than handing it to the general parser)."""
    parser = Parser(text, "t.argdown")
    body, first = parser._frontmatter()
    return Regular(parser).read(body, first)


def _same(text: str) -> None:
    assert _read(text, general=False) == _read(text, general=True)


def test_written_generated_maps_take_the_quick_way_and_read_the_same():
    for seed in range(3):
        text = argdown.dumps(build_graph(validate(generate(400, seed=seed), name="g")))
        assert _quick(text)
        _same(text)


@pytest.mark.slow
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps())
def test_any_written_map_reads_the_same_either_way(m):
    _same(argdown.dumps(build_graph(m)))


# what an editor might add to a written map: markup of every kind, at any place
SNIPPETS = st.sampled_from(
    [
        "",
        " ",
        "\n",
        "\n\n",
        "  ",
        "\t",
        "#tag",
        " #t-2",
        "{a: 1}",
        ' {b: "x"}',
        "{",
        "}",
        "[x]",
        "<y>",
        "[x]:",
        "<y>:",
        "(1) ",
        "(9) [z]",
        "----",
        "-- r --",
        "---",
        "--",
        "+ ",
        "- ",
        "_ ",
        "<+ ",
        "->",
        "><",
        "# H",
        "* ",
        "1. ",
        "//",
        "/*",
        "*/",
        "<!--",
        "-->",
        "\\",
        "\\{",
        "@[x]",
        "[l](u)",
        ":)",
        ".x.",
        "*e*",
        "_u_",
        "\ue000",
        "\r\n",
        "\u2028",
        "\xa0",
        "===",
        '{attack: {id: "q"}}',
        "{uses: [1]}",
        "{kind: claim}",
    ]
)


def _written(n: int, seed: int) -> str:
    return argdown.dumps(build_graph(validate(generate(n, seed=seed), name="g")))


#: written maps: random ones (any text, often not in the regular form) and generated
#: ones (plain words, hashtags and data: the regular form)
WRITTEN = st.one_of(
    maps().map(lambda m: argdown.dumps(build_graph(m))), st.builds(_written, st.integers(4, 30), st.integers(0, 10**6))
)


@st.composite
def edited(draw) -> str:
    """A written map with a few snippets inserted at random offsets."""
    text = draw(WRITTEN)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(SNIPPETS) + text[at:]
    return text


@pytest.mark.slow
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edited())
def test_edited_written_maps_read_the_same_either_way(text):
    _same(text)


@pytest.mark.parametrize(
    "text",
    [
        "[a]: A.\n\n<x>\n\n(1) [a]\n----\n(2) [b]\n",
        '[a]: A. #t {kind: claim}\n\n[b]\n    - [a] {attack: {id: "q"}}\n',
        "<x>: Because. #g\n\n(1) [a]\n(2) [b]\n-- modus ponens --\n(3) [c]\n----\n(4) [d]\n",
        "[a]\n    + <x>\n\n<x>: X.\n\n(1) [p]\n----\n(2) [a]\n",
        "<x>\n\n(1) [a]\n----\n(2) [b]\n\n<x>\n\n(1) [c]\n----\n(2) [d]\n",  # a second pcs: an error
        "[a]: A.\n[b]: B.\n",  # a new statement without an empty line: an error
        "[a]: A. {x: 1} more\n",  # text after data: an error
        "[a] text\n",  # text after a reference: an error
        "<--x>\n\n(1) [a]\n----\n(2) [b]\n",  # "<-" starts a relation, as in the reference: an error
        "[a]: A.\n  +[b]: B.\n",  # a relation with no space after its symbol
        "[a]: A <b> c.\n",  # a reference inside a text: an error
        "[a]: A. #t \\{b: 1}\n",  # an escaped brace: text, not data
        "[a]: A. \\\\{b: 1}\n",  # an escaped backslash, then data
    ],
)
def test_small_regular_and_broken_texts_read_the_same_either_way(text):
    _same(text)


WORDS = st.text(st.sampled_from(list("ab .:,;!?-_*#@[]<>(){}/\\'\"\t~^+=ü😀\xa0")), max_size=12)
TAGS = st.lists(st.from_regex(r"[\w-]{1,5}", fullmatch=True), max_size=3)


@settings(max_examples=500, deadline=None)
@given(st.one_of(WORDS, WORDS.map(lambda w: " " + w)), TAGS, st.booleans(), st.booleans(), st.booleans())
@example(" It rains.", ["a", "a"], True, False, False)
def test_quick_text_is_what_inline_reads(words, tags, data, space, remove_tags):
    rest = words + "".join(f" #{t}" for t in tags) + (" " if space else "")
    expected = inline(rest + ("\ue0000\ue001" if data else ""), remove_tags)
    assert quick_text(rest, 0 if data else None, remove_tags) == expected


def test_a_nul_character_in_a_title_or_tag_never_reaches_the_writer():
    """A file with a NUL in it is refused as binary, so no map may hold one:
    titles and tags with NUL are refused when the map is read."""
    import pytest

    from argmap.errors import MapInvalid

    with pytest.raises(MapInvalid) as refused:
        validate(
            {
                "title": "T",
                "statements": [{"id": "a", "kind": "proposal", "text": "A.", "title": "x\x00y", "tags": ["t\x00"]}],
            },
            name="m",
        )
    assert sorted(line.split(": ", 1)[1] for line in refused.value.lines()) == [
        "statements[0].tags[0]: contains the NUL character (U+0000). "
        "Remove it: YAML, Argdown and other text formats cannot carry it.",
        "statements[0].title: contains the NUL character (U+0000). "
        "Remove it: YAML, Argdown and other text formats cannot carry it.",
    ]
