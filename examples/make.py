"""Make examples/: the embedded SCO map exported in every format argmap writes.

Run it from anywhere after changing a writer (a test fails while these files are stale):

    python examples/make.py

The pictures are drawn with graphviz-pure, the renderer installed with argmap, so they
come out the same on every machine (Graphviz's own `dot` lays out slightly differently).
PDF is not among them: graphviz-pure cannot make it; `argmap export -o map.pdf` needs
Graphviz's `dot`.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
RENDERER = "graphviz-pure"

#: file name, format, export options (focus, depth and ExportOptions fields)
EXAMPLES: list[tuple[str, str, dict]] = [
    ("sco.yaml", "yaml", {}),
    ("sco.json", "json", {}),
    ("sco.nodelink.json", "nodelink", {}),
    ("sco.graphml", "graphml", {}),
    ("sco.dot", "dot", {}),
    ("sco.svg", "svg", {}),
    ("sco.png", "png", {}),
    ("sco.mmd", "mermaid", {}),
    ("sco.md", "md", {}),
    ("sco.html", "html", {}),
    ("sco.argdown", "argdown", {}),
    ("sco.aif.json", "aif", {}),
    ("sco.apx", "apx", {}),
    ("sco.tgf", "tgf", {}),
    # a figure one page wide: one proposal and what bears on it, with quotes
    ("sco-china-ready.svg", "svg", {"focus": "prop-china-ready", "quotes": True}),
    ("sco-china-ready.png", "png", {"focus": "prop-china-ready", "quotes": True}),
]


def build(folder: Path = HERE) -> dict[str, bytes]:
    """Every example file's name and bytes, as written to ``folder``."""
    from argmap.export import ExportOptions, export_loaded
    from argmap.loader import read_map

    loaded = read_map()
    out = {}
    for name, fmt, settings in EXAMPLES:
        settings = dict(settings)
        focus, depth = settings.pop("focus", None), settings.pop("depth", None)
        options = ExportOptions(renderer=RENDERER, **settings)
        data = export_loaded(loaded, fmt, output=folder / name, focus=focus, depth=depth, options=options)
        out[name] = data.encode("utf-8") if isinstance(data, str) else data
    return out


def main() -> None:
    from argmap.output import write_atomic

    for name, data in build(HERE).items():
        path = HERE / name
        if not path.exists() or path.read_bytes() != data:
            write_atomic(path, data)
            print(f"wrote {path.relative_to(HERE.parent)}", file=sys.stderr)


if __name__ == "__main__":
    main()
