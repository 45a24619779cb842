"""examples/ holds the embedded map exported in every format, as examples/make.py makes
it today; the README shows the diagram."""

from __future__ import annotations

import importlib.util

from argmap.formats import FORMATS

from .conftest import ROOT

EXAMPLES = ROOT / "examples"


def load_make():
    spec = importlib.util.spec_from_file_location("examples_make", EXAMPLES / "make.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_examples_are_up_to_date():
    """Fails when a writer changed but examples/ was not remade: run `python examples/make.py`."""
    made = load_make().build(EXAMPLES)
    stale = [
        name for name, data in made.items() if not (EXAMPLES / name).exists() or (EXAMPLES / name).read_bytes() != data
    ]
    assert stale == [], "stale examples; run: python examples/make.py"
    extra = sorted(p.name for p in EXAMPLES.iterdir() if p.is_file() and p.name not in made and p.name != "make.py")
    assert extra == []


def test_examples_cover_every_format_but_pdf():
    formats = {fmt for _, fmt, _ in load_make().EXAMPLES}
    assert formats == {name for name, f in FORMATS.items() if f.write} - {"pdf"}


def test_readme_shows_the_svg_and_documents_every_format():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### export", 1)[1].split("\n## ", 1)[0]
    assert "](examples/sco.svg)" in section
    for name, f in FORMATS.items():
        if f.write:
            assert f"`{name}`" in section, name
