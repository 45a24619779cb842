"""Reading maps: files, stdin, encodings, formats, and quotes checked against the source."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.errors import InputError, MapInvalid
from argmap.loader import load, portable_source, read_map

ARTICLE = """A Small Article

It rains a lot here. Everyone says “take an umbrella” when they leave.

Umbrellas are cheap. But the wind breaks them.
"""

MAP = """\
title: A Small Article
source: {{title: A Small Article, file: article.txt}}
statements:
  - id: rain
    kind: premise
    text: It rains a lot.
    quote: "{q1}"
    paragraph: {p1}
  - id: umbrella
    kind: proposal
    text: Take an umbrella.
    quote: "{q2}"
    paragraph: 1
arguments:
  - {{id: a, premises: [rain], conclusion: umbrella}}
"""


@pytest.fixture
def article(tmp_path: Path) -> Path:
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def write_map(folder: Path, q1="It rains a lot here.", p1=1, q2="take an umbrella") -> Path:
    path = folder / "map.yaml"
    path.write_text(MAP.format(q1=q1, p1=p1, q2=q2.replace('"', '\\"')), encoding="utf-8")
    return path


def test_quotes_are_checked_and_found(article):
    loaded = read_map(write_map(article))
    assert loaded.source is not None and loaded.warnings == []
    assert loaded.source.paragraphs[0].startswith("It rains")  # the title line is not a paragraph


def test_quote_matching_ignores_whitespace_runs_and_quote_styles(article):
    read_map(write_map(article, q1="It rains   a lot\\nhere.", q2='says "take an umbrella"'))


def test_quote_not_in_source_shows_closest_passage(article):
    with pytest.raises(MapInvalid) as info:
        read_map(write_map(article, q1="It rains a lot there."))
    [line] = info.value.lines()
    assert line.startswith(f"{article / 'map.yaml'}:7:")
    assert "statements[0].quote: quote of 'rain' does not occur in the source text" in line
    assert 'Closest passage (paragraph 1): "It rains a lot here."' in line


def test_quote_in_another_paragraph_names_it(article):
    with pytest.raises(MapInvalid) as info:
        read_map(write_map(article, q1="the wind breaks them", p1=1))
    [line] = info.value.lines()
    assert "quote of 'rain' is in paragraph 2, not paragraph 1. Set paragraph: 2." in line


def test_paragraph_out_of_range(article):
    with pytest.raises(MapInvalid) as info:
        read_map(write_map(article, p1=9))
    assert "paragraph 9 is out of range: the source has 2 paragraphs" in info.value.lines()[0]


def test_missing_source_warns_once_and_skips_quote_checks(tmp_path):
    loaded = read_map(write_map(tmp_path, q1="not in any text"))
    assert len(loaded.warnings) == 1
    assert "source file 'article.txt' not found" in loaded.warnings[0]
    assert "quotes were not checked" in loaded.warnings[0]


def test_source_reference_rewritten_for_another_folder_still_resolves(article, tmp_path):
    other = tmp_path / "elsewhere" / "deeper"
    other.mkdir(parents=True)
    rel = portable_source("article.txt", article, other)
    assert (other / rel).resolve() == (article / "article.txt").resolve()


def test_embedded_source_written_elsewhere_is_a_package_reference(tmp_path):
    from argmap.loader import data_dir

    ref = portable_source("seeds/sco-in-the-war-on-terror.txt", data_dir(), tmp_path)
    assert ref == "argmap:seeds/sco-in-the-war-on-terror.txt"
    text = tmp_path / "m.yaml"
    text.write_text(
        f"title: T\nsource: {{file: '{ref}'}}\nstatements:\n"
        "  - {id: a, kind: claim, text: A, quote: 'its core task was to fight', paragraph: 2}\n"
    )
    assert read_map(text).source is not None


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "is empty"),
        (b"  \n\t\n", "is empty"),
        (b"\x00\x01\x02binary", "is binary"),
        (b"title: caf\xe9\n", ":1:11: is not UTF-8 text (byte 0xe9)"),
    ],
)
def test_unreadable_content(tmp_path, content, message):
    path = tmp_path / "bad.yaml"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        load(path)
    assert message in str(info.value.lines()[0])
    assert str(path) in info.value.lines()[0]


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load(tmp_path / "nope.yaml")
    with pytest.raises(InputError, match="is a folder"):
        load(tmp_path)


def test_bom_and_windows_line_endings_are_accepted(tmp_path):
    from .conftest import TINY

    path = tmp_path / "crlf.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + TINY.replace("\n", "\r\n").encode())
    assert load(path).title == "Umbrellas"


def test_format_is_detected_by_suffix_and_content(tmp_path):
    from argmap.graph import build_graph, map_data

    data = map_data(build_graph(load()))
    for name in ("map.json", "map.data", "map.yaml"):
        path = tmp_path / name
        path.write_text(json.dumps(data), encoding="utf-8")
        loaded = read_map(path, check_source=False)
        assert loaded.map == load()
    assert read_map(tmp_path / "map.data", check_source=False).format == "json"


def test_input_size_limit_is_configurable(tiny, monkeypatch):
    monkeypatch.setenv("ARGMAP_MAX_INPUT_MB", "0.0001")  # about 100 bytes
    with pytest.raises(InputError) as info:
        load(tiny)
    assert "MB limit" in info.value.lines()[0] and "ARGMAP_MAX_INPUT_MB" in info.value.lines()[0]
    monkeypatch.setenv("ARGMAP_MAX_INPUT_MB", "1")
    assert load(tiny).title == "Umbrellas"
