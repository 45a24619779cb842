"""YAML maps are read from libyaml's events (no node tree): whatever that road
accepts, it must read exactly as the general road (``yaml.load`` with argmap's
loader) does; whatever it declines, the general road reads and explains."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.errors import MapInvalid
from argmap.formats.yaml import _DECLINED, _from_events, _Loader, parse
from tests.bench.generate import generate
from tests.map_strategies import maps

DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def general(text: str):
    return yaml.load(text, Loader=_Loader)  # noqa: S506 (argmap's safe loader)


def same(text: str) -> bool:
    """Read by the events road, it is what the general road reads (typed alike); declining is allowed."""
    got = _from_events(text)
    if got is _DECLINED:
        return False
    expected = general(text)
    assert got == expected
    assert repr(got) == repr(expected)  # 1 and True and 1.0 are ==, but not the same value
    return True


SCALARS = [
    "a: 1\nb: [x, 'y', yes, No, on, null, ~, '', 1.5, .inf, -.NaN, 0x10, 0o17, 1_000, 1:30, 2001-01-01, +1]\n",
    "text: It's 12:30 - and so?\nn: -0\nf: 1e3\ng: 6.8523015e+5\nh: 190:20:30.15\n",
    'q: "tab\\tand \\u00e9 and \\x41"\nfolded: >\n  one\n  two\n\n  three\nlit: |-\n  keep\n   this\n',
    "- - - deep\n    - [1, {a: [2, {b: c}]}]\n- {}\n- []\n",
    "plain: a long plain scalar\n  that goes on the next line\n  and another\n",
    "explicit: !!str 12\nalso: ! 12\n",
    "---\na: 1\n...\n",
    "x",
    "- 1\n- 2\n",
]


@pytest.mark.parametrize("text", SCALARS)
def test_plain_yaml_reads_as_the_general_road_reads_it(text):
    assert same(text)


DECLINED = {
    "a: &x 1\nb: *x\n": None,  # anchors and aliases (the general road refuses alias bombs)
    "a: 1\na: 2\n": "key 'a' appears twice",
    "1: a\n1.0: b\n": "appears twice",
    "--- 1\n--- 2\n": "expected a single document",
    "<<: {a: 1}\nb: 2\n": "is not allowed",
    "? [a]\n: 1\n": "unhashable key",
    "a: b: c\n": "invalid YAML",
    "a: !!python/object:os.system x\n": "is not allowed",
    "a: !!int x\n": "m.yaml:1:4: invalid YAML: a tagged value cannot be read as its tag says",
    "a: 1\nb: !!float y\n": "m.yaml:2:4: invalid YAML: a tagged value cannot be read as its tag says",
    "": None,
    "# only a comment\n": None,
}


@pytest.mark.parametrize("text", sorted(DECLINED))
def test_anything_else_is_left_to_the_general_road(text):
    assert _from_events(text) is _DECLINED
    message = DECLINED[text]
    try:
        data = parse(text, name="m.yaml")
    except MapInvalid as err:
        assert message is not None and message in "\n".join(err.lines()), err.lines()
    else:
        assert message is None
        assert data == general(text)


def test_generated_map_reads_alike():
    data = generate(600, seed=2)
    for width in (40, 100, 10_000):
        assert same(yaml.dump(data, Dumper=DUMPER, sort_keys=False, allow_unicode=True, width=width))
    assert same(yaml.dump(data, Dumper=DUMPER, default_flow_style=True))
    assert same(yaml.dump(data, Dumper=DUMPER, allow_unicode=False, default_style='"'))


@settings(max_examples=40, deadline=None)
@given(
    maps(), st.integers(10, 120), st.booleans(), st.sampled_from([None, False, True]), st.sampled_from([None, "'", '"'])
)
def test_random_maps_read_alike(amap, width, unicode, flow, style):
    data = amap.model_dump(by_alias=True, exclude_none=True)
    text = yaml.dump(
        data,
        Dumper=DUMPER,
        sort_keys=False,
        allow_unicode=unicode,
        width=width,
        default_flow_style=flow,
        default_style=style,
    )
    assert same(text)


YAMLISH = st.text(st.sampled_from(list("ab1 :-[]{},'\"#&*!|>?\n\t~.%@`yn0x")), max_size=60)


@settings(max_examples=150, deadline=None)
@given(YAMLISH)
def test_arbitrary_text_reads_alike_or_is_declined(text):
    got = _from_events(text)
    if got is _DECLINED:
        return
    try:
        expected = general(text)
    except yaml.YAMLError:  # the events road accepted what the general road refuses
        raise AssertionError(f"accepted {text!r}, which yaml.load refuses") from None
    assert repr(got) == repr(expected)
