"""The JSON writer's text is ``json.dumps(data, indent=2, ensure_ascii=False)``
byte for byte, whichever encoder writes it (orjson, or argmap's own indenter for
what orjson refuses)."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.formats.json import _indented, indented
from tests.map_strategies import maps

TEXT = st.text(st.characters(exclude_categories=()), max_size=20)  # lone surrogates and controls included
VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**80), 2**80) | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(VALUES)
def test_any_map_like_value_is_written_as_json_writes_it(value):
    expected = json.dumps(value, indent=2, ensure_ascii=False)
    assert indented(value) == expected
    assert _indented(value, 0) == expected


@settings(max_examples=40, deadline=None)
@given(maps())
def test_random_maps_are_written_as_json_writes_them(amap):
    data = amap.model_dump(by_alias=True, exclude_none=True)
    assert indented(data) == json.dumps(data, indent=2, ensure_ascii=False)
