"""Shared material for the export tests: the small golden map, a map whose texts
hold every awkward character, and a way to export like the command does."""

from __future__ import annotations

import json
from pathlib import Path

from argmap.export import ExportOptions, export_loaded
from argmap.loader import read_map

from .conftest import ROOT

GOLDEN = ROOT / "tests" / "golden"  # one folder per writer: golden/<format>/small.<suffix>
DATA = ROOT / "tests" / "data"
SMALL = DATA / "small.yaml"  # the small map the golden files are made from (its source text: small.txt)
RENDERER = "graphviz-pure"  # the renderer installed with argmap: the same bytes everywhere

#: text formats with a golden file for the small map: format -> file name under GOLDEN
GOLDEN_FILES = {
    "yaml": "yaml/small.yaml",
    "json": "json/small.json",
    "nodelink": "nodelink/small.nodelink.json",
    "graphml": "graphml/small.graphml",
    "dot": "dot/small.dot",
    "mermaid": "mermaid/small.mmd",
    "md": "md/small.md",
    "svg": "svg/small.svg",
    "html": "html/small.html",
    "argdown": "argdown/small.argdown",
    "aif": "aif/small.aif.json",
}

# Texts that break naive writers: quotes, backslashes (and DOT's escString
# sequences), markup, Markdown and Mermaid syntax, newlines and tabs, a control
# character, emoji (with joiners and flags), right-to-left scripts and
# direction marks, combining marks, odd spaces and a very long word.
AWKWARD = [
    'Quotes "double", \'single\', “curly” and ‘ones’ and a lone " here',
    "Back\\slash \\n \\N \\G \\E \\T \\H \\L \\l \\r \\\\ and a trailing backslash\\",
    "Angle <b>bold</b> & amp; &amp; &lt; {braces} [brackets](x) |pipes| ~tilde~ $math$ `code` *stars* _under_ #hash",
    "Line one\nline two\r\nline three\ttabbed",
    "Emoji 😀 👩‍⚕️ 🇺🇳, a bell \x07 and a vertical tab \x0b here",
    "Right-to-left: مرحبا بالعالم and עברית, a mark \u200f and an override \u202e here",
    "</script><script>alert(1)</script> <!-- comment --> ]]> </svg>",
    "Mermaid --> arrows ==> -.-> ;semicolons; #quot; #35; %% end subgraph click",
    'DOT: digraph { a -> b } node [label=<x>] "quoted" \\" escaped',
    "CJK 中文字, combining e\u0301, NBSP\u00a0here, zero\u200bwidth, LS\u2028PS\u2029 end",
    "A very long word " + "x" * 90 + " ends here",
]
AWKWARD_QUOTES = [
    'He said "<b>stop</b> & go" \\ then {left|right}',
    "مرحبا بالعالم 😀 and ‘curly’",
    "</script> ]]> --> #quot; *not bold*",
]


def awkward_map(folder: Path) -> Path:
    """Write the awkward map (JSON: it can hold control characters) and its source text."""
    paragraphs = ["Intro " + AWKWARD_QUOTES[0] + ".", "Then " + AWKWARD_QUOTES[1] + ".", AWKWARD_QUOTES[2] + " ok."]
    (folder / "awkward.txt").write_text('Awkward <Title> & "Co"\n\n' + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    statements = [
        {
            "id": f"s{i}",
            "kind": ("proposal", "claim", "premise")[i % 3],
            "text": text,
            "speaker": AWKWARD[(i + 1) % len(AWKWARD)],
            "tags": [AWKWARD[(i + 2) % len(AWKWARD)], "plain"],
            "note": AWKWARD[(i + 3) % len(AWKWARD)],
        }
        for i, text in enumerate(AWKWARD)
    ]
    for i, quote in enumerate(AWKWARD_QUOTES):
        statements[i].update(quote=quote, paragraph=i + 1)
    data = {
        "title": 'Awkward <Title> & "Co" ' + AWKWARD[1],
        "description": AWKWARD[2],
        "source": {
            "title": 'Awkward <Title> & "Co"',
            "file": "awkward.txt",
            "author": AWKWARD[5],
            "url": 'https://example.org/a?b=<c>&d="e"',
        },
        "statements": statements,
        "arguments": [
            {
                "id": "a-linked",
                "premises": ["s2", "s5"],
                "conclusion": "s0",
                "scheme": AWKWARD[6],
                "text": AWKWARD[7],
                "quote": "then {left|right}",
                "paragraph": 1,
            },
            {"id": "a-single", "premises": ["s8"], "conclusion": "s1"},
            {"id": "a-undercut", "premises": ["s4"], "conclusion": "s3"},
        ],
        "attacks": [
            {"id": "t-rebut", "from": "s6", "to": "s0", "type": "rebut", "text": AWKWARD[4]},
            {"id": "t-undermine", "from": "s7", "to": "s2", "type": "undermine", "quote": "*not bold*"},
            {"id": "t-undercut", "from": "s9", "to": "a-undercut", "type": "undercut", "note": AWKWARD[8]},
            {"id": "t-undercut-linked", "from": "s10", "to": "a-linked", "type": "undercut"},
        ],
    }
    path = folder / "awkward.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def exported(path: Path | None, fmt: str, output: Path | None = None, **settings) -> str | bytes:
    """Export the map at ``path`` (None: the embedded map) as the command would,
    for writing to ``output``, drawn with graphviz-pure."""
    focus, depth = settings.pop("focus", None), settings.pop("depth", None)
    options = ExportOptions(renderer=settings.pop("renderer", RENDERER), **settings)
    return export_loaded(read_map(path), fmt, output=output, focus=focus, depth=depth, options=options)
