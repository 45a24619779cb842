"""The format table (argmap.formats): each row names a module that keeps the
Reader / Writer protocols, so a format is one row and one file."""

from __future__ import annotations

import inspect
from importlib import import_module

import pytest

import argmap
from argmap.formats import DEFAULT_FORMAT, FORMATS, ExportOptions, detect, for_suffix, get
from argmap.graph import build_graph


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_each_row_names_a_module_with_the_functions_it_promises(name):
    f = FORMATS[name]
    module = import_module(f"argmap.formats.{f.module}")
    assert hasattr(module, "loads") == f.read and hasattr(module, "dumps") == f.write
    if f.read:
        params = inspect.signature(module.loads).parameters
        # a row marked lenient promises the keyword that skips malformed items (--lenient)
        assert list(params) == ["text", "name", "warnings"] + (["lenient"] if f.lenient else [])
        assert params["name"].kind is params["warnings"].kind is inspect.Parameter.KEYWORD_ONLY
        if f.lenient:
            assert params["lenient"].kind is inspect.Parameter.KEYWORD_ONLY and params["lenient"].default is False
    if f.write:
        assert list(inspect.signature(module.dumps).parameters) == [
            next(iter(inspect.signature(module.dumps).parameters)),
            "options",
        ]


@pytest.mark.parametrize("name", [n for n, f in FORMATS.items() if f.write and n not in ("pdf",)])
def test_every_writer_writes_the_embedded_map_with_and_without_options(name):
    G = build_graph(argmap.load())
    data = get(name).writer()(G, None)
    assert data and data == get(name).writer()(G, ExportOptions())
    assert isinstance(data, bytes) == FORMATS[name].binary


def test_readers_read_what_the_writers_of_their_format_write():
    G = build_graph(argmap.load())
    for name, f in FORMATS.items():
        if f.read and f.write and name not in ("apx", "tgf"):  # the frameworks keep only the structure
            text = f.writer()(G, None)
            assert f.reader()(text, name=f"m{f.suffixes[0]}") == argmap.load(), name


def test_suffixes_and_content_choose_the_format():
    assert DEFAULT_FORMAT in FORMATS and FORMATS[DEFAULT_FORMAT].write
    assert for_suffix("m.aif.json").name == "aif" and for_suffix("m.json").name == "json"
    assert detect("m.json", '{"nodes": [], "edges": []}').name == "aif"  # AIF inside .json
    assert detect("", "Discussion Title: x\n").name == "kialo"
    assert detect("notes.txt", "title: T\n").name == "kialo"  # the suffix decides when the content is silent
    # every format that reads a map reads it into plain data for the graph too (tests/test_plain_path.py)
    assert [n for n, f in FORMATS.items() if f.plain_reader() is not None] == [
        "yaml",
        "json",
        "argdown",
        "aif",
        "kialo",
    ]
