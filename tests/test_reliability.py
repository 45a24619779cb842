"""Reliability beyond the reader matrix: messages that stay one line each, limits
that protect the user, and outputs that are never half written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

# ---------------------------------------------------------------- messages ---


def test_text_quoted_in_a_message_cannot_fake_another_message_or_drive_the_terminal(tmp_path, run):
    """An id holding a line break and a kind holding escape sequences are quoted back escaped: one
    problem stays one line, and no escape sequence reaches the terminal."""
    path = tmp_path / "sneaky.json"
    statement = {"id": "a\nError: x.yaml:1: fine", "kind": "\x1b[2J\x1b]0;t\x07\u202e", "text": "A."}
    path.write_text(json.dumps({"title": "T", "statements": [statement]}), encoding="utf-8")
    result = run("validate", path)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 2 and all(line.startswith(f"Error: {path}:1:") for line in lines)
    assert "'a\\nError: x.yaml:1: fine' is not a valid id" in lines[0]
    assert "'\\x1b[2J\\x1b]0;t\\x07\\u202e' is not a valid kind" in lines[1]
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr


def test_a_file_name_with_a_line_break_is_shown_escaped(tmp_path, run):
    path = tmp_path / "two\nlines.yaml"
    result = run("validate", path)
    assert result.exit_code == 1
    shown = str(path).replace("\n", "\\n")
    assert result.stderr.splitlines() == [f"Error: {shown}: no such file. Check the path."]


def test_a_control_character_in_yaml_is_located(tmp_path, run):
    """YAML refuses raw control characters; the message says which and where
    (it used to give only the parser's byte offset, over two lines)."""
    path = tmp_path / "bell.yaml"
    path.write_text("title: Café\nstatements:\n  - {id: a, kind: claim, text: ring \x07 ring}\n", encoding="utf-8")
    result = run("validate", path)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"Error: {path}:3:37: invalid YAML: the character U+0007 is not allowed in YAML as it is. "
        'Remove it, or write it as the escape "\\u0007" inside a double-quoted string.'
    ]
    path.write_text('title: Café\nstatements:\n  - {id: a, kind: claim, text: "ring \\u0007 ring"}\n', encoding="utf-8")
    assert run("validate", path).exit_code == 0  # the escape the hint suggests works


# ------------------------------------------------------------ nothing lost ---


@pytest.mark.parametrize(
    "text, line",
    [
        ("[A]: a\n  + [A]\n", "2:3: [A] supports itself"),
        ("<A>: a\n  +> <A>\n", "2:3: <A> supports itself"),
    ],
)
def test_an_argdown_relation_of_something_to_itself_is_refused_not_dropped(write, run, text, line):
    """It used to vanish without a word; a map written by hand has a mistake there."""
    path = write("loop.argdown", text)
    result = run("validate", path)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"Error: {path}:{line}. Relate it to another statement or argument, or remove the line."
    ]


def test_an_argdown_attack_of_something_on_itself_is_kept(write, run):
    """A self-defeating claim is no mistake (issue 15, item 4): kept, and `check` warns."""
    path = write("loop.argdown", "[A]: a\n  + [B]: b\n    - [B]\n")
    assert run("validate", path).exit_code == 0
    result = run("check", "--json", "--map", path)
    assert [f["ids"] for f in json.loads(result.stdout) if f["code"] == "self-attack"] == [["att-b", "b"]]


def test_an_argdown_argument_supporting_its_own_conclusion_is_still_fine(write, run):
    """The idiom `<A> +> [C]` where C is A's conclusion says the same thing twice: not a loop."""
    path = write("idiom.argdown", "<A>: a\n  +> [C]\n\n<A>\n\n(1) p\n----\n(2) [C]\n")
    assert run("validate", path).exit_code == 0


@pytest.mark.parametrize(
    "text, line, message",
    [
        (
            "1. A\n1.1. Pro: -> See 1.\n",
            4,
            "claim 1.1. (-> See 1.) is a Pro of claim 1., the same claim: a claim cannot support itself",
        ),
        (
            "1. A\n1.1. Con: B\n1.1.1. Con: -> See 1.1.\n",
            5,
            "claim 1.1.1. (-> See 1.1.) is a Con of claim 1.1., the same claim: a claim cannot attack itself",
        ),
    ],
)
def test_a_kialo_link_back_to_its_own_parent_is_refused_not_dropped(write, run, text, line, message):
    path = write("loop.txt", "Discussion Title: T\n\n" + text)
    result = run("validate", path)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"Error: {path}:{line}:1: {message}. Link it to another claim, or remove it."]


@pytest.mark.parametrize("name", ["map.json", "map.aif.json"])
def test_json_messages_do_not_end_in_a_dangling_at(tmp_path, run, name):
    """Python's JSON messages end in "at" before the position it leaves out; argmap
    gives the position as line:column instead."""
    path = tmp_path / name
    path.write_text('{"title": "a\ttab", "nodes": [], "edges": []}', encoding="utf-8")
    result = run("validate", path)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"Error: {path}:1:13: invalid JSON: Invalid control character. Fix the syntax at that position."
    ]


# ------------------------------------------------------------------ limits ---


def kialo_chain(levels: int) -> str:
    lines = ["Discussion Title: Deep", "", "1. Level 1."]
    lines += [".".join(["1"] * n) + f". Pro: Level {n}." for n in range(2, levels + 1)]
    return "\n".join(lines) + "\n"


def argdown_chain(levels: int) -> str:
    return "[n1]: Level 1.\n" + "".join(" " * n + f"+ [n{n + 1}]: Level {n + 1}.\n" for n in range(1, levels))


def yaml_tags(levels: int) -> str:  # the map, its statements, one statement: 3 levels before the tags
    return (
        "title: T\nstatements:\n  - id: a\n    kind: claim\n    text: A.\n    tags: "
        + "[" * (levels - 3)
        + "]" * (levels - 3)
        + "\n"
    )


def json_tags(levels: int) -> str:
    return (
        '{"title": "T", "statements": [{"id": "a", "kind": "claim", "text": "A.",\n "tags": '
        + "[" * (levels - 3)
        + "]" * (levels - 3)
        + "}]}"
    )


def aif_extra(levels: int) -> str:  # the file, its nodes, one node: 3 levels before the extra field
    return (
        '{"nodes": [{"nodeID": 1, "type": "I", "text": "A.",\n "extra": '
        + "[" * (levels - 3)
        + "]" * (levels - 3)
        + '}], "edges": []}'
    )


NESTED = {  # format: (file name, text nested `levels` deep, where level 101 starts, message once accepted)
    "kialo": ("deep.txt", kialo_chain, "103:1: claim 1.1.1.1.1.1.1.1.1.1.… is nested", None),
    "argdown": ("deep.argdown", argdown_chain, "101:101: nested", None),
    "yaml": ("deep.yaml", yaml_tags, "6:108: nested", "statements[0].tags[0]: expected text, found a list"),
    "json": ("deep.json", json_tags, "2:107: nested", "statements[0].tags[0]: expected text, found a list"),
    "aif": ("deep.aif", aif_extra, "2:108: nested", None),
}


@pytest.mark.parametrize("fmt", sorted(NESTED))
def test_nesting_beyond_the_limit_is_refused_where_it_starts_and_the_limit_can_be_raised(
    tmp_path, run, monkeypatch, fmt
):
    name, make, where, then = NESTED[fmt]
    path = tmp_path / name
    path.write_text(make(150), encoding="utf-8")
    result = run("validate", path)
    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert line.startswith(f"Error: {path}:{where}")
    assert line.endswith(
        "nested more than 100 levels deep. Check this is the right file: an argument map nests "
        "only a few levels. If it is, raise the limit with ARGMAP_MAX_NESTING=<levels>."
    )
    path.write_text(make(100), encoding="utf-8")  # exactly at the limit: read as usual
    assert "nested" not in run("validate", path).stderr
    monkeypatch.setenv("ARGMAP_MAX_NESTING", "150")
    path.write_text(make(150), encoding="utf-8")
    result = run("validate", path)
    assert "nested" not in result.stderr
    if then is None:
        assert result.exit_code == 0, result.stderr
    else:
        assert result.exit_code == 1 and then in result.stderr


@pytest.mark.parametrize(
    "variable, value",
    [
        ("ARGMAP_MAX_NESTING", "deep"),
        ("ARGMAP_MAX_NESTING", "5"),
        ("ARGMAP_MAX_NESTING", "1.5"),
        ("ARGMAP_MAX_INPUT_MB", "big"),
        ("ARGMAP_MAX_INPUT_MB", "inf"),
        ("ARGMAP_MAX_INPUT_MB", "1e400"),
        ("ARGMAP_MAX_INPUT_MB", "0"),
        ("ARGMAP_MAX_INPUT_MB", "-5"),
    ],
)
def test_a_limit_that_is_not_a_usable_number_is_a_usage_error_not_a_crash(tiny, run, monkeypatch, variable, value):
    monkeypatch.setenv(variable, value)
    result = run("validate", tiny)
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"Error: {variable} must be a") and f"'{value}'" in line


# ----------------------------------------------------------- large inputs ---


def slow_match_brace(text: str, start: int) -> int | None:
    """The obvious character-by-character reading of an Argdown data block (the oracle)."""
    depth, quote, last, i = 0, "", "", start
    while i < len(text):
        c = text[i]
        if quote:
            if c == "\\" and quote == '"':
                i += 2
                continue
            if c == quote:
                if quote == "'" and text.startswith("'", i + 1):
                    i += 2
                    continue
                quote = ""
        elif c in "\"'" and last in ("", "{", "[", ",", ":", "-", "?"):
            quote = c
        elif c in "{}":
            depth += 1 if c == "{" else -1
            if depth == 0:
                return i + 1
        if not quote and not c.isspace():
            last = c
        i += 1
    return None


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from(list("{}\"'\\ ,:-?[a\n\t")), max_size=30))
def test_the_argdown_data_block_scanner_agrees_with_the_obvious_one(text):
    """The scanner jumps from brace to quote (a 50 MB line with an unclosed '{' took
    14 s a character at a time, 4 s now); it must find the same closing brace."""
    from argmap.formats.argdown.lexer import match_brace

    assert match_brace("{" + text, 0) == slow_match_brace("{" + text, 0)


def whole_text_slug(text: str, limit: int) -> str:
    """The id a text gives when all of it is folded (the oracle for the shortcut)."""
    import re
    import unicodedata

    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    if len(slug) > limit:
        cut = slug.rfind("-", 0, limit + 1)
        slug = slug[: cut if cut > 0 else limit].strip("-")
    return slug


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["word", "Ünïcödé", "مرحبا", "e\u0301", " ", "--", "x" * 70, "😀", ".", "A1"]), max_size=120
    ),
    st.sampled_from([12, 32, 60]),
)
def test_ids_from_long_texts_read_only_their_start_but_are_the_same(parts, limit):
    """Readers make ids from the first words of a text; a 50 MB statement used to
    be folded whole (4 s) for a 32-character id."""
    from argmap.formats._common import slugify

    text = "".join(parts)
    assert slugify(text, limit) == whole_text_slug(text, limit)


# ----------------------------------------------------------------- outputs ---

# A child process that runs `argmap export` and stops in the middle of the
# write (after the data reached the temporary file, before the rename) until
# it is killed: the signal arrives at a real point of argmap.output.write_atomic.
# The child starts as from a terminal, with Python's own Ctrl-C handler: a test
# suite run as a background job (`pytest &`) inherits SIGINT ignored, and the
# child would then sleep through the signal (issue 15, item 10).
STOP_MID_WRITE = """
import os, pathlib, signal, sys, time
signal.signal(signal.SIGINT, signal.default_int_handler)
real_fsync = os.fsync
marker, sys.argv = sys.argv[1], ["argmap"] + sys.argv[2:]
def stalled(fd):
    real_fsync(fd)
    pathlib.Path(marker).touch()
    time.sleep(120)
os.fsync = stalled
from argmap.cli import main
main()
"""


@pytest.mark.parametrize("signal_name, code, word", [("SIGTERM", 143, "terminated."), ("SIGINT", 130, "interrupted.")])
def test_a_process_killed_mid_write_leaves_the_old_file_and_no_temporary_file(tmp_path, signal_name, code, word):
    import signal
    import subprocess
    import sys
    import time

    from .conftest import ROOT
    from .export_helpers import SMALL

    out = tmp_path / "map.svg"
    out.write_text("the old drawing\n", encoding="utf-8")
    marker = tmp_path.parent / f"{tmp_path.name}.writing"
    child = subprocess.Popen(
        [sys.executable, "-c", STOP_MID_WRITE, str(marker), "export", "-m", str(SMALL), "-f", "dot", "-o", str(out)],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while not marker.exists():  # waiting for the child, not timing argmap
            assert child.poll() is None, child.stderr.read()
            assert time.monotonic() < deadline, "the child never reached the write"
            time.sleep(0.05)
        assert len(list(tmp_path.iterdir())) == 2  # the old file and the temporary one, full
        child.send_signal(getattr(signal, signal_name))
        stderr = child.communicate(timeout=60)[1]
    finally:
        child.kill()
    assert child.returncode == code, stderr
    assert stderr.splitlines() == [f"Error: {word}"]
    assert out.read_text(encoding="utf-8") == "the old drawing\n"
    assert [p.name for p in tmp_path.iterdir()] == ["map.svg"]


def same_file_spellings(tmp_path):
    """Ways to name the map being read as the output: (input, output)."""
    folder = tmp_path / "maps"
    folder.mkdir()
    real = folder / "map.yaml"
    (tmp_path / "link.yaml").symlink_to(real)
    return {
        "the same path": (real, real),
        "a dot in the way": (real, folder / "." / "map.yaml"),
        "up and down again": (real, folder / ".." / "maps" / "map.yaml"),
        "doubled slashes": (real, str(folder) + "//map.yaml"),
        "relative and absolute": (Path("maps") / "map.yaml", real),
        "a symbolic link to it": (real, tmp_path / "link.yaml"),
        "read through a link": (tmp_path / "link.yaml", real),
    }


SPELLINGS = [
    "the same path",
    "a dot in the way",
    "up and down again",
    "doubled slashes",
    "relative and absolute",
    "a symbolic link to it",
    "read through a link",
    "a hard link to it",
]


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_writing_over_the_map_being_read_is_refused_unless_forced(tmp_path, run, monkeypatch, spelling):
    from .conftest import TINY

    monkeypatch.chdir(tmp_path)
    spellings = same_file_spellings(tmp_path)
    real = tmp_path / "maps" / "map.yaml"
    real.write_text(TINY, encoding="utf-8")
    if spelling == "a hard link to it":
        (tmp_path / "hard.yaml").hardlink_to(real)
        spellings[spelling] = (real, tmp_path / "hard.yaml")
    source, target = spellings[spelling]
    before = sorted(p.name for p in (tmp_path / "maps").iterdir())
    result = run("export", "-m", source, "-f", "json", "-o", target)
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines() == [
        f"Error: {Path(target)}: is the map being read; writing there would replace it. Choose another file name, "
        "or add --force to overwrite it."
    ]
    assert real.read_text(encoding="utf-8") == TINY
    assert sorted(p.name for p in (tmp_path / "maps").iterdir()) == before
    result = run("export", "-m", source, "-f", "json", "-o", target, "--force")
    assert result.exit_code == 0, result.output
    assert json.loads(Path(target).read_text(encoding="utf-8"))["title"] == "Umbrellas"
    assert (tmp_path / "link.yaml").is_symlink()  # a link is followed, never replaced


def test_a_map_named_like_the_output_but_elsewhere_is_not_the_same_file(tmp_path, run, tiny):
    other = tmp_path / "elsewhere"
    other.mkdir()
    (other / "tiny.yaml").write_text("old\n", encoding="utf-8")
    result = run("export", "-m", tiny, "-f", "yaml", "-o", other / "tiny.yaml")
    assert result.exit_code == 0, result.output
    assert "Umbrellas" in (other / "tiny.yaml").read_text(encoding="utf-8")


def failing(error: int, after: int = 0):
    """A replacement for os.fdopen whose file fails with ``error`` once ``after``
    bytes are written (a full disk fails part way through)."""
    import io
    import os

    real = os.fdopen

    def fdopen(fd, *args, **kwargs):
        handle = real(fd, *args, **kwargs)

        class Failing(io.RawIOBase):
            written = 0

            def write(self, data):
                room = max(after - self.written, 0)
                if len(data) > room:
                    handle.write(bytes(data[:room]))
                    handle.flush()
                    raise OSError(error, os.strerror(error))
                self.written += len(data)
                return handle.write(data)

            def fileno(self):
                return handle.fileno()

            def flush(self):
                handle.flush()

            def close(self):
                if not self.closed:
                    super().close()  # flushes
                    handle.close()

        return Failing()

    return fdopen


@pytest.mark.parametrize(
    "error, after, words",
    [
        ("ENOSPC", 1000, "no space left on the device. Free some space and try again."),
        ("EDQUOT", 0, "no space left on the device. Free some space and try again."),
        ("EACCES", 0, "permission denied. Choose a folder you can write to, or check its permissions."),
        ("EROFS", 0, "the file system is read-only. Choose another folder."),
        ("EIO", 10, "cannot be written (Input/output error)."),
    ],
)
def test_a_write_that_fails_part_way_keeps_the_old_file_and_says_why(tmp_path, run, monkeypatch, error, after, words):
    """The operating system's errors, simulated (tests may run as root, whom no
    permission stops, and on a disk with room to spare)."""
    import errno

    from argmap import output

    from .export_helpers import SMALL

    out = tmp_path / "report.html"
    out.write_text("the old report\n", encoding="utf-8")
    monkeypatch.setattr(output.os, "fdopen", failing(getattr(errno, error), after))
    result = run("export", "-m", SMALL, "-o", out)
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines() == [f"Error: {out}: {words}"]
    assert out.read_text(encoding="utf-8") == "the old report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_a_folder_that_cannot_be_written_is_explained(tmp_path, run, monkeypatch):
    import errno

    from argmap import output

    from .export_helpers import SMALL

    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(output.tempfile, "mkstemp", denied)
    result = run("export", "-m", SMALL, "-o", tmp_path / "map.svg")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"Error: {tmp_path / 'map.svg'}: permission denied. Choose a folder you can write to, or check its permissions."
    ]
    assert list(tmp_path.iterdir()) == []


def test_a_writer_that_fails_leaves_the_previous_file_as_it_was(tmp_path, run, monkeypatch):
    """PDF needs Graphviz's dot: without it the export fails before anything is written."""
    from .export_helpers import SMALL

    monkeypatch.setenv("ARGMAP_GRAPHVIZ", "no-such-graphviz-program")
    out = tmp_path / "map.pdf"
    out.write_bytes(b"%PDF the old one")
    result = run("export", "-m", SMALL, "-o", out)
    assert result.exit_code in (1, 2), result.output
    assert result.stderr.startswith("Error: ") and "Traceback" not in result.output
    assert out.read_bytes() == b"%PDF the old one"
    assert [p.name for p in tmp_path.iterdir()] == ["map.pdf"]


# ------------------------------------------------- crashes found by fuzzing ---


@pytest.mark.parametrize("key", ["participants", "locutions"])
@pytest.mark.parametrize("value", [7, "Ann", {"participantID": 1}, True])
def test_aif_participants_and_locutions_that_are_not_lists_are_refused_not_a_crash(tmp_path, run, key, value):
    """Found by tests/fuzz.py: `"participants": 7` raised TypeError out of the reader."""
    doc = {"nodes": [{"nodeID": 1, "type": "I", "text": "It rains."}], "edges": [], key: value}
    path = tmp_path / "speakers.json"
    path.write_text(json.dumps(doc, indent=1), encoding="utf-8")
    result = run("validate", path)
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines() == [
        f"Error: {path}:10:2: '{key}' must be a list. Write \"{key}\": [...], or leave it out."
    ]


@pytest.mark.parametrize("field", ["id", "kind", "type"])
@pytest.mark.parametrize("value", [["a"], {"x": 1}, 3])
def test_aif_extension_ids_kinds_and_types_that_are_not_text_are_refused_not_a_crash(tmp_path, run, field, value):
    """Found by the 100,000-input fuzzing run: an id given as a list in argmap's AIF
    extension block raised TypeError (unhashable type) out of the reader."""
    doc = {
        "nodes": [
            {"nodeID": "1", "type": "I", "text": "It rains."},
            {"nodeID": "2", "type": "I", "text": "Take an umbrella."},
            {"nodeID": "3", "type": "RA", "text": "Default Inference"},
        ],
        "edges": [{"edgeID": "e1", "fromID": "1", "toID": "3"}, {"edgeID": "e2", "fromID": "3", "toID": "2"}],
        "argmap": {"nodes": {"1": {field: value}}},
    }
    path = tmp_path / "extended.aif.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    result = run("validate", path)
    assert result.exit_code == 1, result.output
    [message] = result.stderr.splitlines()
    assert message.startswith(f"Error: {path}:1:")
    assert f"'argmap.nodes.1.{field}' must be text, not {type(value).__name__}" in message


# ---------------------------------------------------- nothing is injected ---

SNEAKY_MAP = {
    "title": "Sneaky \x1b]0;window title\x07 map",
    "statements": [
        {
            "id": "p",
            "kind": "proposal",
            "text": "Do it \x1b[2J\x1b[H (screen cleared)",
            "speaker": "Ann\x1b[8m hidden",
            "tags": ["t\x1b[31m"],
        },
        {"id": "c", "kind": "claim", "text": "Because \x1b]52;c;Y2xpcGJvYXJk\x07 clipboard \x9b31m C1 \x7f del"},
        {"id": "q", "kind": "premise", "text": "Plain \x01 start of heading and \x05 enquiry"},
    ],
    "arguments": [{"id": "a", "premises": ["c"], "conclusion": "p", "scheme": "s\x1b[5m"}],
    "attacks": [{"id": "t", "from": "q", "to": "c", "type": "rebut"}],
}
VIEWS = [
    ["show", "--quotes"],
    ["show", "--evaluate"],
    ["list"],
    ["stats"],
    ["check"],
    ["evaluate"],
    ["evaluate", "--explain", "p"],
    ["rank"],
    ["find", "it"],
    ["supports", "p"],
    ["attacks", "c", "--deep"],
    ["critical", "p"],
    ["path", "c", "p"],
]


@pytest.mark.parametrize("colour", [False, True], ids=["piped", "terminal-colours"])
@pytest.mark.parametrize("view", VIEWS, ids=lambda v: " ".join(v))
def test_views_show_control_characters_from_a_map_but_never_send_them(tmp_path, run, monkeypatch, view, colour):
    """Escape sequences in a map's texts (clearing the screen, setting the window
    title or the clipboard, hiding text) reach the terminal as visible symbols,
    never as escapes; the only escapes in a view are argmap's own colours."""
    import re

    if colour:
        monkeypatch.setenv("FORCE_COLOR", "1")
        monkeypatch.delenv("NO_COLOR", raising=False)
    path = tmp_path / "sneaky.json"
    path.write_text(json.dumps(SNEAKY_MAP), encoding="utf-8")
    result = run(*view, "-m", path)
    assert result.exit_code in (0, 1), result.output
    shown = result.stdout
    assert ("\x1b[" in shown) == colour  # colours only when asked for
    without_colours = re.sub(r"\x1b\[[0-9;]*m", "", shown)
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", without_colours), repr(without_colours)
    if view[0] == "list":
        assert "Do it ␛[2J␛[H (screen cleared)" in without_colours
