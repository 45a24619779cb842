"""The bad-input matrix: every kind of bad (or merely unusual) input, through every
reader, through the real command line.

Each case is run as ``argmap export --map FILE --format json -o OUT`` with OUT an
existing file, so one run checks everything a user relies on:

- refused input: exit 1, every line of stderr is one problem naming the file
  (with ``:line:column`` where the case has a position), no traceback, and OUT
  is exactly as it was, with no temporary file beside it;
- accepted input (a byte-order mark, Windows line endings, right-to-left text,
  emoji...): exit 0 and the map written to OUT is the one the input says.

The test names say which of the two a demanding user should get. Where a case
cannot arise in a format (Kialo has no fields, so no unknown field), the format
is left out of that case's parameters and the comment says why.
"""

from __future__ import annotations

from itertools import pairwise
import json
import random
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, TINY

READERS = ["yaml", "json", "argdown", "aif", "kialo", "apx", "tgf"]
SUFFIX = {
    "yaml": ".yaml",
    "json": ".json",
    "argdown": ".argdown",
    "aif": ".aif.json",
    "kialo": ".txt",
    "apx": ".apx",
    "tgf": ".tgf",
}
PREVIOUS = '{"previous": "export"}\n'

# The same small debate in every format: take an umbrella, because walking out
# unprotected gets you wet, because it rains; but wind breaks umbrellas.
VALID = {
    "yaml": TINY,
    "json": json.dumps(
        {
            "title": "Umbrellas",
            "statements": [
                {"id": "rain", "kind": "premise", "text": "It is raining."},
                {"id": "wet", "kind": "claim", "text": "Walking out unprotected gets you wet."},
                {"id": "take-umbrella", "kind": "proposal", "text": "Take an umbrella."},
                {"id": "wind", "kind": "premise", "text": "It is windy; umbrellas break in wind."},
            ],
            "arguments": [
                {"id": "arg-wet", "premises": ["rain"], "conclusion": "wet"},
                {"id": "arg-umbrella", "premises": ["wet"], "conclusion": "take-umbrella"},
            ],
            "attacks": [{"id": "att-wind", "from": "wind", "to": "arg-umbrella", "type": "undercut"}],
        },
        indent=2,
    )
    + "\n",
    "argdown": (
        "===\ntitle: Umbrellas\n===\n\n"
        "[Take umbrella]: Take an umbrella. #proposal\n"
        "  + [Wet]: Walking out unprotected gets you wet.\n"
        "    + [Rain]: It is raining.\n"
        "  - [Wind]: It is windy; umbrellas break in wind.\n"
    ),
    "aif": json.dumps(
        {
            "nodes": [
                {"nodeID": "1", "type": "I", "text": "Take an umbrella."},
                {"nodeID": "2", "type": "I", "text": "Walking out unprotected gets you wet."},
                {"nodeID": "3", "type": "I", "text": "It is raining."},
                {"nodeID": "4", "type": "I", "text": "It is windy; umbrellas break in wind."},
                {"nodeID": "5", "type": "RA", "text": "Default Inference"},
                {"nodeID": "6", "type": "RA", "text": "Default Inference"},
                {"nodeID": "7", "type": "CA", "text": "Default Conflict"},
            ],
            "edges": [
                {"edgeID": "1", "fromID": "2", "toID": "5"},
                {"edgeID": "2", "fromID": "5", "toID": "1"},
                {"edgeID": "3", "fromID": "3", "toID": "6"},
                {"edgeID": "4", "fromID": "6", "toID": "2"},
                {"edgeID": "5", "fromID": "4", "toID": "7"},
                {"edgeID": "6", "fromID": "7", "toID": "5"},
            ],
        },
        indent=2,
    )
    + "\n",
    "kialo": (
        "Discussion Title: Umbrellas\n\n"
        "1. Take an umbrella.\n"
        "1.1. Pro: Walking out unprotected gets you wet.\n"
        "1.1.1. Pro: It is raining.\n"
        "1.2. Con: It is windy; umbrellas break in wind.\n"
    ),
    "apx": "arg(rain).\narg(wet).\narg(wind).\natt(wind,wet).\n",
    "tgf": "rain It is raining.\nwet Walking out unprotected gets you wet.\nwind It is windy.\n#\nwind wet\n",
}


# ------------------------------------------------------------------ helpers ---


def refused(run, tmp_path: Path, path: Path, where: str | None = None, words: str = "") -> list[str]:
    """Run the export; check it refuses ``path`` cleanly and wrote nothing. Returns
    the messages. ``where``: the ``line:column`` (or ``line``) the first one names."""
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    (out / "map.json").write_text(PREVIOUS, encoding="utf-8")
    result = run("export", "--map", path, "--format", "json", "-o", out / "map.json")
    assert result.exit_code == 1, (result.exit_code, result.output)
    assert isinstance(result.exception, SystemExit), result.exception  # no crash behind the message
    assert "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert lines and all(line.startswith(f"Error: {path}") for line in lines), lines
    assert result.stdout == ""
    if where is not None:
        assert lines[0].startswith(f"Error: {path}:{where}:"), lines[0]
    assert words in result.stderr, lines
    assert sorted(p.name for p in out.iterdir()) == ["map.json"]
    assert (out / "map.json").read_text(encoding="utf-8") == PREVIOUS
    return [line.removeprefix("Error: ") for line in lines]


def accepted(run, tmp_path: Path, path: Path) -> dict:
    """Run the export; check it succeeded; return the map it wrote (as plain data)."""
    out = tmp_path / "accepted.json"
    result = run("export", "--map", path, "--format", "json", "-o", out)
    assert result.exit_code == 0, result.output
    assert "Error" not in result.stderr
    return json.loads(out.read_text(encoding="utf-8"))


def shape(data: dict) -> tuple:
    """What a map says, without the ids readers of foreign formats make up."""
    text = {s["id"]: s["text"] for s in data["statements"]}
    text.update({a["id"]: "(argument for) " + text[a["conclusion"]] for a in data.get("arguments", [])})
    return (
        data["title"],
        sorted((s["kind"], s["text"]) for s in data["statements"]),
        sorted((sorted(text[p] for p in a["premises"]), text[a["conclusion"]]) for a in data.get("arguments", [])),
        sorted((text[t["from"]], t["type"], text[t["to"]]) for t in data.get("attacks", [])),
    )


def untitled(data: dict, fmt: str) -> dict:
    """The map without its title when the title comes from the file name (AIF,
    apx and TGF files have none of their own)."""
    return {k: v for k, v in data.items() if k != "title" or fmt not in ("aif", "apx", "tgf")}


def write(tmp_path: Path, fmt: str, content: str | bytes, stem: str = "map") -> Path:
    path = tmp_path / (stem + SUFFIX[fmt])
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


# --------------------------------------------------- the file itself is bad ---


@pytest.mark.parametrize("fmt", READERS)
def test_a_missing_file_is_refused(run, tmp_path, fmt):
    path = tmp_path / f"nowhere{SUFFIX[fmt]}"
    assert refused(run, tmp_path, path) == [f"{path}: no such file. Check the path."]


@pytest.mark.parametrize("fmt", READERS)
def test_a_folder_is_refused(run, tmp_path, fmt):
    path = tmp_path / f"folder{SUFFIX[fmt]}"
    path.mkdir()
    refused(run, tmp_path, path, words="is a folder, not a map file")


@pytest.mark.parametrize("fmt", READERS)
def test_a_file_over_the_size_limit_is_refused_unread(run, tmp_path, monkeypatch, fmt):
    monkeypatch.setenv("ARGMAP_MAX_INPUT_MB", "0.00001")  # about 10 bytes
    [message] = refused(run, tmp_path, write(tmp_path, fmt, VALID[fmt]))
    assert message.endswith(
        "more than the 0.0 MB limit. Check it is the right file, or raise the limit "
        "with ARGMAP_MAX_INPUT_MB=<megabytes>."
    )


@pytest.mark.parametrize("fmt", READERS)
def test_an_empty_file_is_refused(run, tmp_path, fmt):
    refused(run, tmp_path, write(tmp_path, fmt, b""), words="is empty")


@pytest.mark.parametrize("fmt", READERS)
def test_a_file_of_whitespace_only_is_refused(run, tmp_path, fmt):
    refused(run, tmp_path, write(tmp_path, fmt, " \n\t\r\n  \n"), words="is empty")


@pytest.mark.parametrize("nul", [True, False], ids=["with-nul", "without-nul"])
@pytest.mark.parametrize("fmt", READERS)
def test_random_binary_bytes_are_refused(run, tmp_path, fmt, nul):
    """A NUL byte marks a binary file; without one, the first byte that is not
    UTF-8 gives the position."""
    rng = random.Random(fmt)
    if nul:
        data = bytes(rng.randrange(256) for _ in range(4096)) + b"\x00"
        refused(run, tmp_path, write(tmp_path, fmt, data), words="is binary, not a text map file")
    else:
        data = bytes(rng.randrange(0x80, 0x100) for _ in range(4096))
        refused(run, tmp_path, write(tmp_path, fmt, data), where="1:1", words="is not UTF-8 text")


@pytest.mark.parametrize("fmt", READERS)
def test_text_that_is_not_utf8_is_refused_with_line_and_column(run, tmp_path, fmt):
    """A Latin-1 'é' in the third line of an otherwise valid file."""
    lines = VALID[fmt].encode("utf-8").split(b"\n")
    lines[2] = lines[2][:3] + b"\xe9" + lines[2][3:]
    [message] = refused(run, tmp_path, write(tmp_path, fmt, b"\n".join(lines)), where="3:4")
    assert message.endswith("is not UTF-8 text (byte 0xe9). Save the file as UTF-8.")


@pytest.mark.parametrize("fmt", READERS)
def test_a_utf8_byte_order_mark_is_accepted_and_changes_nothing(run, tmp_path, fmt):
    plain = accepted(run, tmp_path, write(tmp_path, fmt, VALID[fmt], "plain"))
    marked = accepted(run, tmp_path, write(tmp_path, fmt, b"\xef\xbb\xbf" + VALID[fmt].encode("utf-8"), "bom"))
    assert untitled(marked, fmt) == untitled(plain, fmt)


@pytest.mark.parametrize("ending", ["\r\n", "\r"], ids=["windows", "old-mac"])
@pytest.mark.parametrize("fmt", READERS)
def test_windows_and_old_mac_line_endings_are_accepted_and_change_nothing(run, tmp_path, fmt, ending):
    plain = accepted(run, tmp_path, write(tmp_path, fmt, VALID[fmt], "plain"))
    other = accepted(run, tmp_path, write(tmp_path, fmt, VALID[fmt].replace("\n", ending), "other"))
    assert untitled(other, fmt) == untitled(plain, fmt)


def test_the_valid_files_all_say_the_same_thing(run, tmp_path):
    """The matrix's starting point: the small debate reads alike from every format
    that can say all of it (apx and tgf keep no texts or kinds)."""
    shapes = {
        fmt: shape(accepted(run, tmp_path, write(tmp_path, fmt, VALID[fmt], fmt)))
        for fmt in READERS
        if fmt not in ("apx", "tgf")
    }
    assert shapes["yaml"] == shapes["json"]
    for fmt in ("argdown", "aif", "kialo"):
        # the same texts and supports; kinds are inferred from the structure and
        # the wording, and the wind undercuts only where an argument can be named
        assert sorted(text for _, text in shapes[fmt][1]) == sorted(text for _, text in shapes["yaml"][1]), fmt
        assert shapes[fmt][2] == shapes["yaml"][2], fmt
        assert len(shapes[fmt][3]) == 1, fmt


# ------------------------------------------------------------------ syntax ---

SYNTAX = {  # format: (text, where the message points, what it says)
    "yaml": ("title: T\nstatements:\n  - id: a\n   kind: [claim\n", "4:4", "invalid YAML"),
    "json": ('{"title": "T",\n "statements": [}', "2:17", "invalid JSON: Expecting value"),
    "argdown": ("[A]: a\n\n  + [B]: b\n", "3:3", "a relation ('+') must follow the statement"),
    "aif": (
        '{"nodes": [\n  {"nodeID": 1, "type": "I" "text": "x"}\n], "edges": []}',
        "2:29",
        "invalid JSON: Expecting ',' delimiter",
    ),
    "kialo": ("Discussion Title: T\n\n1. A\n1.1. Pro: B\n1.3.1. Con: C\n", "5:1", "has no parent claim 1.3."),
    "apx": ("arg(a).\narg(b\n", "2:1", "expected arg(name). or att(name,name). but found 'arg(b'"),
    "tgf": ("a\nb\n#\na\n", "4", "expected an edge 'attacker target', found 'a'"),
}


@pytest.mark.parametrize("fmt", READERS)
def test_a_syntax_error_is_refused_with_its_line_and_column(run, tmp_path, fmt):
    """TGF is line-based: the line is the position."""
    text, where, words = SYNTAX[fmt]
    assert len(refused(run, tmp_path, write(tmp_path, fmt, text), where=where, words=words)) == 1


# ------------------------------------------------------------ hostile YAML ---


def yaml_bomb(levels: int = 12) -> tuple[str, str]:
    """'Billion laughs': each anchor lists the previous one ten times; the last
    one, expanded, is 10**12 strings. Returns its definitions and the last name."""
    names = [f"l{i}" for i in range(levels)]
    lines = [f'{names[0]}: &{names[0]} ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]" for prev, name in pairwise(names)]
    return "\n".join(lines), names[-1]


BOMBS = {
    "yaml": lambda: (
        lambda d, last: f"{d}\ntitle: T\nstatements:\n  - {{id: a, kind: claim, text: A, tags: *{last}}}\n"
    )(*yaml_bomb()),
    # in Argdown the YAML sits in a statement's data
    "argdown": lambda: (lambda d, last: "[A]: a {" + d.replace("\n", ", ") + f", tags: *{last}}}\n")(*yaml_bomb()),
}


@pytest.mark.parametrize("fmt", sorted(BOMBS))
def test_a_yaml_alias_bomb_is_refused_in_bounded_memory(tmp_path, fmt):
    """Run in a process that may use at most 1 GB of address space: expanding the
    aliases would need terabytes, so finishing at all proves argmap never does."""
    path = write(tmp_path, fmt, BOMBS[fmt]())
    out = tmp_path / "out.json"

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30))

    result = subprocess.run(
        [sys.executable, "-m", "argmap", "export", "-m", str(path), "-f", "json", "-o", str(out)],
        capture_output=True,
        text=True,
        preexec_fn=cap,
        cwd=ROOT,
        timeout=600,
    )
    assert result.returncode == 1, result.stderr
    lines = result.stderr.splitlines()
    assert lines and all(line.startswith(f"Error: {path}:") for line in lines), lines
    assert "tags[0]: expected text, found a list" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()


PYTHON_TAGS = [
    "!!python/object/apply:os.system ['touch {marker}']",
    "!!python/object/new:os.system ['touch {marker}']",
    "!!python/name:os.system",
    "!!python/module:os",
    "!!python/tuple [1, 2]",
    "!<tag:yaml.org,2002:python/object/apply:os.system> ['touch {marker}']",
]
TAG_PLACES = {  # where YAML can hide in a map: a YAML map, Argdown front matter, Argdown data
    "yaml": lambda tag: f"title: {tag}\nstatements:\n  - {{id: a, kind: claim, text: A}}\n",
    "argdown-front-matter": lambda tag: f"===\ntitle: {tag}\n===\n\n[A]: a\n",
    "argdown-data": lambda tag: f"[A]: a {{note: {tag} }}\n",
}


@pytest.mark.parametrize("tag", PYTHON_TAGS)
@pytest.mark.parametrize("place", sorted(TAG_PLACES))
def test_yaml_tags_that_would_build_python_objects_are_refused_and_never_run(run, tmp_path, place, tag):
    marker = tmp_path / "PWNED"
    fmt = place.split("-")[0]
    path = write(tmp_path, fmt, TAG_PLACES[place](tag.format(marker=marker)))
    [message] = refused(run, tmp_path, path, words="is not allowed")
    assert "argmap reads plain YAML only; remove the tag." in message
    assert not marker.exists()


# ----------------------------------------------------------------- nesting ---

N = 100_000
DEEP = {  # case: (format, text nested N levels deep, where the limit is passed, what it says)
    "yaml-flow": ("yaml", "title: " + "[" * N + "]" * N + "\n", "1:1007", "nested more than 100 levels deep"),
    "yaml-block": ("yaml", "title: T\nstatements:\n" + "- " * N + "x\n", "3:1999", "nested more than 100 levels deep"),
    "json": ("json", '{"title": ' + "[" * N + "]" * N + "}", "1:110", "nested more than 100 levels deep"),
    "aif": ("aif", '{"nodes": ' + "[" * N + "]" * N + ', "edges": []}', "1:110", "nested more than 100 levels deep"),
    "argdown-data": ("argdown", "[A]: a {x: " + "[" * N + "]" * N + "}\n", "1:1011", "nested more than 100 levels"),
    "argdown-front-matter": (
        "argdown",
        "===\ntitle: " + "{a: " * N + "b" + "}" * N + "\n===\n\n[A]: a\n",
        "2:4004",
        "nested more than 100 levels deep",
    ),
    # a Kialo file nests by claim numbers; one claim N levels deep
    "kialo": (
        "kialo",
        "Discussion Title: T\n\n1. A\n" + ".".join(["1"] * N) + ". Pro: B\n",
        "4:1",
        "claim 1.1.1.1.1.1.1.1.1.1.… is nested more than 100 levels deep",
    ),
    # apx facts do not nest: the brackets are a syntax error
    "apx": ("apx", "arg(" + "(" * N + "a" + ")" * N + ").\n", "1:1", "expected arg(name). or att(name,name)."),
}


@pytest.mark.parametrize("case", sorted(DEEP))
def test_nesting_100000_levels_deep_is_refused_without_recursion_error(run, tmp_path, case):
    """(TGF has no nesting at all: a line is a node or an edge.) An Argdown relation
    tree 100,000 levels deep would be a 10 GB file; tests/test_reliability.py
    checks the limit on relation trees at 150 levels."""
    fmt, text, where, words = DEEP[case]
    [message] = refused(run, tmp_path, write(tmp_path, fmt, text), where=where, words=words)
    assert len(message) < 400  # the message does not quote the nesting back


# ------------------------------------------------------------ a long line ---

LONG = 50 * 2**20  # characters on one line


def one_long_line(fmt: str, text: str) -> str:
    """A valid file whose one statement is ``text`` on a single line."""
    return {
        "yaml": f"title: T\nstatements:\n  - {{id: a, kind: claim, text: {text}}}\n",
        "json": json.dumps({"title": "T", "statements": [{"id": "a", "kind": "claim", "text": text}]}),
        "argdown": f"[A]: {text}\n",
        "aif": json.dumps({"nodes": [{"nodeID": 1, "type": "I", "text": text}], "edges": []}),
        "kialo": f"Discussion Title: T\n\n1. {text}\n",
        "tgf": f"a {text}\n#\n",
    }[fmt]


@pytest.mark.slow
@pytest.mark.parametrize("fmt", [f for f in READERS if f != "apx"])
def test_a_50_mb_line_of_text_is_accepted_whole(run, tmp_path, fmt):
    """One statement of 50 MB on one line. (apx holds names, not texts: see the next test.)"""
    text = "word " * (LONG // 5 - 1) + "end."
    data = accepted(run, tmp_path, write(tmp_path, fmt, one_long_line(fmt, text)))
    assert [s["text"] for s in data["statements"]] == [text]


@pytest.mark.slow
@pytest.mark.parametrize("fmt", READERS)
def test_a_50_mb_line_of_garbage_is_refused_with_a_short_message(run, tmp_path, fmt):
    """Brackets, quotes and braces that never close, on one 50 MB line. TGF reads
    any line before '#' as a node, so its garbage ends in a malformed edge."""
    garbage = '{["(<' + "x'y\"z" * (LONG // 6)
    text = garbage + "\n#\nx\n" if fmt == "tgf" else garbage
    messages = refused(run, tmp_path, write(tmp_path, fmt, text))
    assert len(messages) <= 2 and all(len(m) < 600 for m in messages), messages


# ------------------------------------------------- fields, types, and ids ---

UNKNOWN_FIELDS = {
    "yaml": (
        "title: T\ncolour: red\nstatements:\n  - {id: a, kind: claim, text: A, weight: 3}\n",
        ["2:1: colour: unknown field 'colour'", "4:35: statements[0].weight: unknown field 'weight'"],
    ),
    "json": (
        '{"title": "T",\n "statements": [{"id": "a", "kind": "claim", "text": "A", "speakr": "me"}]}',
        ["2:59: statements[0].speakr: unknown field 'speakr'. Did you mean 'speaker'?"],
    ),
    "apx": ("arg(a).\nsupport(a,b).\n", ["2:1: expected arg(name). or att(name,name). but found 'support(a,b).'"]),
}


@pytest.mark.parametrize("fmt", sorted(UNKNOWN_FIELDS))
def test_unknown_fields_are_refused_each_with_its_line(run, tmp_path, fmt):
    """In argmap's own formats every field is known; apx knows two predicates."""
    text, expected = UNKNOWN_FIELDS[fmt]
    path = write(tmp_path, fmt, text)
    messages = refused(run, tmp_path, path)
    assert len(messages) == len(expected)
    for message, words in zip(messages, expected, strict=True):
        assert message.startswith(f"{path}:{words}"), message


@pytest.mark.parametrize("fmt", ["argdown", "aif"])
def test_unknown_fields_of_open_formats_are_accepted_as_those_formats_allow(run, tmp_path, fmt):
    """Argdown data and front matter are free-form, and AIF tools add fields of
    their own (OVA's layout, AIFdb's timestamps): both are read, the extras ignored.
    (Kialo and TGF have no fields to be unknown.)"""
    text = {
        "argdown": "===\ntitle: T\nlayout: wide\n===\n\n[A]: It rains. {colour: red}\n",
        "aif": json.dumps(
            {
                "nodes": [{"nodeID": 1, "type": "I", "text": "It rains.", "x": 10}],
                "edges": [],
                "OVA": {"zoom": 2},
                "timestamp": "2020-01-01",
            }
        ),
    }[fmt]
    data = accepted(run, tmp_path, write(tmp_path, fmt, text))
    assert [s["text"] for s in data["statements"]] == ["It rains."]


WRONG_TYPES = {
    "yaml": (
        "title: 5\nstatements:\n  - {id: a, kind: claim, text: [A], paragraph: first, tags: x}\n",
        [
            "1:1: title: expected text, found a whole number 5. Put the value in quotes.",
            "3:26: statements[0].text: expected text, found a list",
            "3:37: statements[0].paragraph: expected a whole number, found text 'first'",
            "3:55: statements[0].tags: expected a list, found text 'x'",
        ],
    ),
    "json": ('{"title": "T", "statements": {"id": "a"}}', ["1:16: statements: expected a list, found a mapping"]),
    "argdown": (
        "[A]: a {paragraph: first, speaker: [x]}\n",
        [
            "1:1: statements[0].paragraph: expected a whole number, found text 'first'",
            "1:1: statements[0].speaker: expected text, found a list",
        ],
    ),
    "aif": (
        '{"nodes": [{"nodeID": [1], "type": "I", "text": "x"},\n {"nodeID": 2, "type": 5}], "edges": []}',
        [
            "1:12: this node has no nodeID. Give every node a nodeID (text or number).",
            "2:2: node 2 has no type. Use I, RA, CA, L, YA, TA or MA.",
        ],
    ),
}


@pytest.mark.parametrize("fmt", sorted(WRONG_TYPES))
def test_values_of_the_wrong_type_are_refused_each_with_its_line(run, tmp_path, fmt):
    """Kialo, apx and TGF hold only text: no value can have the wrong type."""
    text, expected = WRONG_TYPES[fmt]
    path = write(tmp_path, fmt, text)
    messages = refused(run, tmp_path, path)
    assert messages == [f"{path}:{words}" for words in expected]


DUPLICATES = {
    "yaml": (
        "title: T\nstatements:\n  - {id: a, kind: claim, text: A}\n  - {id: a, kind: claim, text: B}\n",
        "4:6",
        "statements[1].id: id 'a' is already used by statements[0]",
    ),
    "json": (
        '{"title": "T", "statements": [{"id": "a", "kind": "claim", "text": "A"}],\n'
        ' "arguments": [{"id": "a", "premises": ["a"], "conclusion": "a"}]}',
        "2:17",
        "arguments[0].id: id 'a' is already used by statements[0]",
    ),
    "aif": (
        '{"nodes": [{"nodeID": 1, "type": "I", "text": "A"},\n {"nodeID": 1, "type": "I", "text": "B"}], "edges": []}',
        "2:3",
        "nodeID 1 is used twice",
    ),
    "kialo": (
        "Discussion Title: T\n\n1. A\n1.1. Pro: B\n1.1. Con: C\n",
        "5:1",
        "claim 1.1. appears twice (first on line 4)",
    ),
}


@pytest.mark.parametrize("fmt", sorted(DUPLICATES))
def test_duplicate_ids_are_refused_at_the_second_one(run, tmp_path, fmt):
    text, where, words = DUPLICATES[fmt]
    refused(run, tmp_path, write(tmp_path, fmt, text), where=where, words=words)


@pytest.mark.parametrize("fmt", ["argdown", "apx", "tgf"])
def test_a_repeated_name_is_the_same_item_where_the_format_says_so(run, tmp_path, fmt):
    """In Argdown a title names one statement wherever it appears (its first
    definition gives the text); apx facts and TGF lines are sets: saying one twice
    says it once."""
    text = {
        "argdown": "[A]: It rains.\n\n[A]: It rains, again.\n  + [B]: Clouds.\n",
        "apx": "arg(a).\narg(a).\narg(b).\natt(b,a).\natt(b,a).\n",
        "tgf": "a\na\nb\n#\nb a\nb a\n",
    }[fmt]
    data = accepted(run, tmp_path, write(tmp_path, fmt, text))
    assert len(data["statements"]) == 2
    assert len(data.get("arguments", [])) + len(data.get("attacks", [])) == 1


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_ids_that_differ_only_in_case_are_refused_because_ids_are_lowercase(run, tmp_path, fmt):
    statements = [{"id": "rain", "kind": "claim", "text": "A"}, {"id": "Rain", "kind": "claim", "text": "B"}]
    text = json.dumps({"title": "T", "statements": statements}, indent=1)
    [message] = refused(run, tmp_path, write(tmp_path, fmt, text), words="statements[1].id: 'Rain' is not a valid id")
    assert "e.g. 'rain'" in message


@pytest.mark.parametrize("fmt", ["argdown", "aif", "apx", "tgf"])
def test_names_that_differ_only_in_case_are_two_items_with_two_ids(run, tmp_path, fmt):
    """Argdown titles, AIF node ids, apx and TGF names are case-sensitive: 'Rain'
    and 'rain' are two statements, and argmap keeps them apart."""
    text = {
        "argdown": "[Rain]: It rains.\n\n[rain]: It pours.\n",
        "aif": json.dumps(
            {
                "nodes": [
                    {"nodeID": "r", "type": "I", "text": "It rains."},
                    {"nodeID": "R", "type": "I", "text": "It pours."},
                ],
                "edges": [],
            }
        ),
        "apx": "arg(rain).\narg(Rain).\natt(rain,Rain).\n",
        "tgf": "rain\nRain\n#\nrain Rain\n",
    }[fmt]
    data = accepted(run, tmp_path, write(tmp_path, fmt, text))
    ids = [s["id"] for s in data["statements"]]
    assert len(ids) == 2 and len(set(ids)) == 2


DANGLING = {
    "yaml": (
        "title: T\nstatements:\n  - {id: a, kind: claim, text: A}\narguments:\n"
        "  - {id: x, premises: [b], conclusion: a}\n",
        "5:24",
        "arguments[0].premises[0]: premise 'b' is not the id of any statement",
    ),
    "json": (
        '{"title": "T", "statements": [{"id": "a", "kind": "claim", "text": "A"}],\n'
        ' "attacks": [{"id": "t", "from": "a", "to": "ghost", "type": "rebut"}]}',
        "2:39",
        "attacks[0].to: rebut target 'ghost' is not the id of any statement",
    ),
    "aif": (
        '{"nodes": [{"nodeID": 1, "type": "I", "text": "A"}],\n "edges": [{"edgeID": 1, "fromID": 1, "toID": 9}]}',
        "2:12",
        "edge 1 points to node 9, which does not exist",
    ),
    "kialo": (
        "Discussion Title: T\n\n1. A\n1.1. Pro: -> See 1.7.\n",
        "4:1",
        "'-> See 1.7.' names no claim of this discussion",
    ),
    "apx": ("arg(a).\natt(a,b).\n", "2:1", "att names 'b', which no arg fact declares"),
    "tgf": ("a\n#\na b\n", "3:3", "edge names 'b', which is not a node"),
}


@pytest.mark.parametrize("fmt", sorted(DANGLING))
def test_a_reference_to_nothing_is_refused_where_it_is_made(run, tmp_path, fmt):
    text, where, words = DANGLING[fmt]
    refused(run, tmp_path, write(tmp_path, fmt, text), where=where, words=words)


def test_an_argdown_reference_to_an_undefined_statement_defines_it(run, tmp_path):
    """Argdown's own rule: a title used before (or without) its definition is a
    statement whose text is the title."""
    data = accepted(run, tmp_path, write(tmp_path, "argdown", "[Parks]: Build parks.\n  + [Shade]\n"))
    assert sorted(s["text"] for s in data["statements"]) == ["Build parks.", "Shade"]


SELF_SUPPORT = {
    "yaml": (
        "title: T\nstatements:\n  - {id: a, kind: claim, text: A}\narguments:\n"
        "  - {id: x, premises: [a], conclusion: a}\n",
        "5:28",
        "argument 'x' concludes 'a', which is also one of its premises",
    ),
    "json": (
        '{"title": "T", "statements": [{"id": "a", "kind": "claim", "text": "A"}],\n'
        ' "arguments": [{"id": "x", "premises": ["a"], "conclusion": "a"}]}',
        "2:47",
        "argument 'x' concludes 'a', which is also one of its premises",
    ),
    "argdown": ("[A]: a\n  + [A]\n", "2:3", "[A] supports itself"),
    "aif": (
        json.dumps(
            {
                "nodes": [{"nodeID": 1, "type": "I", "text": "A"}, {"nodeID": 2, "type": "RA"}],
                "edges": [{"fromID": 1, "toID": 2}, {"fromID": 2, "toID": 1}],
            }
        ),
        "1:53",
        "RA-node 2 concludes I-node 1, which is also one of its premises",
    ),  # AIF's own words (issue 15)
    "kialo": ("Discussion Title: T\n\n1. A\n1.1. Pro: -> See 1.\n", "4:1", "a claim cannot support itself"),
}


@pytest.mark.parametrize("fmt", sorted(SELF_SUPPORT))
def test_a_statement_supporting_itself_is_refused(run, tmp_path, fmt):
    """(apx and TGF hold attacks only; a self-attack there is a meaningful framework.)"""
    text, where, words = SELF_SUPPORT[fmt]
    refused(run, tmp_path, write(tmp_path, fmt, text), where=where, words=words)


CYCLES = {
    "yaml": "title: T\nstatements:\n  - {id: a, kind: proposal, text: A.}\n  - {id: b, kind: claim, text: B.}\n"
    "arguments:\n  - {id: x, premises: [b], conclusion: a}\n  - {id: y, premises: [a], conclusion: b}\n",
    "json": json.dumps(
        {
            "title": "T",
            "statements": [{"id": "a", "kind": "proposal", "text": "A."}, {"id": "b", "kind": "claim", "text": "B."}],
            "arguments": [
                {"id": "x", "premises": ["b"], "conclusion": "a"},
                {"id": "y", "premises": ["a"], "conclusion": "b"},
            ],
        }
    ),
    "argdown": "[A]: A. #proposal\n  + [B]: B.\n    + [A]\n",
    "aif": json.dumps(
        {
            "nodes": [
                {"nodeID": 1, "type": "I", "text": "A."},
                {"nodeID": 2, "type": "I", "text": "B."},
                {"nodeID": 3, "type": "RA"},
                {"nodeID": 4, "type": "RA"},
            ],
            "edges": [
                {"fromID": 2, "toID": 3},
                {"fromID": 3, "toID": 1},
                {"fromID": 1, "toID": 4},
                {"fromID": 4, "toID": 2},
            ],
        }
    ),
    "kialo": "Discussion Title: T\n\n1. A.\n1.1. Pro: B.\n1.1.1. Pro: -> See 1.\n",
}


@pytest.mark.parametrize("fmt", sorted(CYCLES))
def test_a_support_cycle_is_a_valid_map_that_check_reports_as_an_error(run, tmp_path, fmt):
    """The foundation's decision: circular support can be written down (texts do
    argue in circles), every query is safe on it, and `argmap check` flags it as an
    error-level finding (exit 1)."""
    path = write(tmp_path, fmt, CYCLES[fmt])
    data = accepted(run, tmp_path, path)
    assert len(data["arguments"]) == 2
    for command in (["show"], ["stats"], ["evaluate"], ["rank"]):
        result = run(*command, "-m", path)
        assert result.exit_code == 0, (command, result.output)
    result = run("check", "-m", path, "--json")
    assert result.exit_code == 1
    findings = json.loads(result.stdout)
    circular = [f for f in findings if f["code"] == "circular-support"]
    assert circular and all(f["severity"] == "error" for f in circular)


EMPTY = {
    "yaml": (
        "title: T\nstatements: []\narguments: []\nattacks: []\n",
        "2:1",
        "statements: a map needs at least one statement",
    ),
    "json": (
        '{"title": "T", "statements": [], "arguments": [], "attacks": []}',
        "1:16",
        "statements: a map needs at least one statement",
    ),
    "argdown": ("===\ntitle: T\n===\n", None, "statements: a map needs at least one statement"),
    "aif": ('{"nodes": [], "edges": []}', None, "no I-node: a map needs at least one statement"),  # AIF's words
    "kialo": ("Discussion Title: T\n", "1:1", "the discussion has no claims"),
    "apx": ("% no facts\n", "1", "no arg facts: the framework is empty"),
    "tgf": ("#\n", "1", "no nodes: the framework is empty"),
}


@pytest.mark.parametrize("fmt", READERS)
def test_a_map_with_nothing_in_it_is_refused(run, tmp_path, fmt):
    text, where, words = EMPTY[fmt]
    refused(run, tmp_path, write(tmp_path, fmt, text), where=where, words=words)


def test_empty_lists_where_a_map_may_have_none_are_accepted(run, tmp_path):
    path = write(
        tmp_path,
        "yaml",
        "title: T\nstatements:\n  - {id: a, kind: claim, text: A, tags: []}\narguments: []\nattacks: []\n",
    )
    data = accepted(run, tmp_path, path)
    assert data["statements"][0]["id"] == "a" and data.get("arguments", []) == []


def test_an_empty_list_of_premises_is_refused(run, tmp_path):
    path = write(
        tmp_path,
        "yaml",
        "title: T\nstatements:\n  - {id: a, kind: claim, text: A}\n"
        "arguments:\n  - {id: x, premises: [], conclusion: a}\n",
    )
    refused(run, tmp_path, path, where="5:13", words="arguments[0].premises: needs at least 1 item")


NO_PROPOSAL = {
    "yaml": "title: T\nstatements:\n  - {id: wet, kind: claim, text: The ground is wet.}\n"
    "  - {id: rain, kind: premise, text: It rains.}\narguments:\n"
    "  - {id: x, premises: [rain], conclusion: wet}\n",
    "json": json.dumps(
        {
            "title": "T",
            "statements": [
                {"id": "wet", "kind": "claim", "text": "The ground is wet."},
                {"id": "rain", "kind": "premise", "text": "It rains."},
            ],
            "arguments": [{"id": "x", "premises": ["rain"], "conclusion": "wet"}],
        }
    ),
    "argdown": "[Wet]: The ground is wet.\n  + [Rain]: It rains.\n",
    "aif": json.dumps(
        {
            "nodes": [
                {"nodeID": 1, "type": "I", "text": "The ground is wet."},
                {"nodeID": 2, "type": "I", "text": "It rains."},
                {"nodeID": 3, "type": "RA"},
            ],
            "edges": [{"fromID": 2, "toID": 3}, {"fromID": 3, "toID": 1}],
        }
    ),
    "kialo": "Discussion Title: T\n\n1. The ground is wet.\n1.1. Pro: It rains.\n",
    "apx": "arg(wet).\narg(rain).\natt(rain,wet).\n",
    "tgf": "wet\nrain\n#\nrain wet\n",
}


@pytest.mark.parametrize("fmt", READERS)
def test_a_map_without_proposals_is_accepted_and_shown_whole(run, tmp_path, fmt):
    """A map of claims only is still a map: nothing is dropped for want of a root."""
    path = write(tmp_path, fmt, NO_PROPOSAL[fmt])
    data = accepted(run, tmp_path, path)
    assert not any(s["kind"] == "proposal" for s in data["statements"])
    result = run("show", "-m", path)
    assert result.exit_code == 0, result.output
    assert "Not under any proposal" in result.stdout
    for s in data["statements"]:
        assert s["id"] in result.stdout


# --------------------------------------------------------- other scripts ---

SCRIPTS = [
    "مرحبا بالعالم: الحدائق تبرّد المدينة",  # Arabic, right to left
    "שלום עולם, עם סימן כיוון \u200f באמצע",  # Hebrew, with a right-to-left mark
    "e\u0301te\u0301 and Zalgo z\u0351\u0335\u0322a\u0349\u0308",  # combining marks, not normalised
    "Emoji 😀 👩‍⚕️ 🇺🇳 1️⃣ and a skin tone 👍🏽",  # joiners, flags, keycaps, modifiers
]


def script_file(fmt: str) -> str:
    a, b = SCRIPTS[0], " / ".join(SCRIPTS[1:])
    return {
        "yaml": f'title: "{a}"\nstatements:\n  - {{id: a, kind: proposal, text: "{a}"}}\n'
        f'  - {{id: b, kind: premise, text: "{b}"}}\narguments:\n  - {{id: x, premises: [b], conclusion: a}}\n',
        "json": json.dumps(
            {
                "title": a,
                "statements": [{"id": "a", "kind": "proposal", "text": a}, {"id": "b", "kind": "premise", "text": b}],
                "arguments": [{"id": "x", "premises": ["b"], "conclusion": "a"}],
            },
            ensure_ascii=False,
        ),
        "argdown": f'===\ntitle: "{a}"\n===\n\n[{a[:5]}]: {a} #proposal\n  + [{SCRIPTS[1][:4]}]: {b}\n',
        "aif": json.dumps(
            {
                "nodes": [
                    {"nodeID": "ا", "type": "I", "text": a},
                    {"nodeID": "😀", "type": "I", "text": b},
                    {"nodeID": "→", "type": "RA"},
                ],
                "edges": [{"fromID": "😀", "toID": "→"}, {"fromID": "→", "toID": "ا"}],
            },
            ensure_ascii=False,
        ),
        "kialo": f"Discussion Title: {a}\n\n1. {a}\n1.1. Pro: {b}\n",
        "tgf": f"a {a}\nb {b}\n#\nb a\n",
    }[fmt]


@pytest.mark.parametrize("fmt", [f for f in READERS if f != "apx"])
def test_right_to_left_scripts_combining_marks_and_emoji_are_accepted_exactly(run, tmp_path, fmt):
    """Texts come out code point for code point as they went in: no normalisation,
    no marks dropped. (apx holds names, not texts: the next test.)"""
    path = write(tmp_path, fmt, script_file(fmt))
    data = accepted(run, tmp_path, path)
    texts = {s["text"] for s in data["statements"]}
    assert texts == {SCRIPTS[0], " / ".join(SCRIPTS[1:])}
    result = run("show", "-m", path)
    assert result.exit_code == 0 and SCRIPTS[0] in result.stdout


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_ids_in_other_scripts_are_refused_because_ids_are_ascii_slugs(run, tmp_path, fmt):
    text = json.dumps(
        {"title": "T", "statements": [{"id": "مرحبا", "kind": "claim", "text": "A"}]}, ensure_ascii=False, indent=1
    )
    refused(run, tmp_path, write(tmp_path, fmt, text), words="statements[0].id: 'مرحبا' is not a valid id")


def test_apx_names_in_other_scripts_are_kept_as_the_statement_texts(run, tmp_path):
    path = write(tmp_path, "apx", "arg(مرحبا).\narg(😀).\narg(e\u0301).\natt(مرحبا,😀).\n")
    data = accepted(run, tmp_path, path)
    assert [s["text"] for s in data["statements"]] == ["مرحبا", "😀", "e\u0301"]
    ids = [s["id"] for s in data["statements"]]
    assert len(set(ids)) == 3
