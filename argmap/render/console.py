"""Where argmap's output goes: consoles, messages on stderr, JSON and exports on
stdout, and a fast two-column layout for long listings. Every view prints
through these functions: the one place that prints.

Consoles are made per call so that they follow whatever ``sys.stdout`` is at
that moment (a terminal, a pipe, a test runner), and Rich honours ``NO_COLOR``.
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any

from rich.color import ColorSystem
from rich.console import Console, RenderHook
from rich.text import Text


#: what a terminal acts on instead of showing: C0 controls but line breaks and
#: tabs, DEL and C1 controls (escape sequences start with them)
_TERMINAL_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _stand_in(match: re.Match) -> str:
    code = ord(match.group())
    return chr(0x2400 + code) if code < 0x20 else "\u2421" if code == 0x7F else "\ufffd"


def harmless(text: str) -> str:
    r"""Text from a map as a terminal may receive it: each control character is
    replaced by a visible stand-in (``␛`` for escape), so a map's text can
    neither clear the screen, set the window title or clipboard, nor hide words.

    >>> harmless("a\x1b[2Jb\tc\x9b")
    'a␛[2Jb\tc�'
    """
    return _TERMINAL_CONTROL.sub(_stand_in, text) if _TERMINAL_CONTROL.search(text) else text


class _Harmless:
    """Whatever a renderable draws, with :func:`harmless` text (Rich's own
    escapes for colours come later, from the styles, and are untouched)."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def __rich_console__(self, console: Console, options: Any) -> Any:
        from rich.segment import Segment

        for segment in console.render(self.inner, options):
            if segment.control or not _TERMINAL_CONTROL.search(segment.text):
                yield segment
            else:
                yield Segment(harmless(segment.text), segment.style)


class _HarmlessHook(RenderHook):
    def process_renderables(self, renderables: list[Any]) -> list[Any]:
        return [_Harmless(r) for r in renderables]


def stdout() -> Console:
    """A console on the current stdout (80 columns when it is not a terminal)."""
    console = Console(file=sys.stdout, highlight=False, soft_wrap=False)
    console.push_render_hook(_HarmlessHook())
    return console


def emit(console: Console, *renderables: Any) -> None:
    """Print renderables without the trailing spaces Rich leaves where it wraps."""
    with console.capture() as captured:
        for renderable in renderables:
            console.print(renderable)
    console.file.write("\n".join(line.rstrip() for line in captured.get().split("\n")))


def stderr() -> Console:
    """A console on the current stderr; long messages are not broken into lines."""
    return Console(file=sys.stderr, highlight=False, soft_wrap=True)


#: what a message shows escaped: control characters (line breaks, escape
#: sequences) and the invisible marks that reorder or split a line
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def one_line(message: str) -> str:
    """A message made safe to print as one line: text quoted from a file can
    neither break it into several (faking another message) nor send the
    terminal escape sequences; such characters are shown as Python escapes.

    >>> print(one_line("id 'a\\nError: fake' has \\x1b[2J"))
    id 'a\\nError: fake' has \\x1b[2J
    """
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), message)


def error(lines: list[str]) -> None:
    """Print an error, one problem per line, each prefixed ``Error:``."""
    console = stderr()
    for line in lines:
        console.print(Text("Error: ", style="bold red") + Text(one_line(line)))


def warning(message: str) -> None:
    """Print a warning on stderr."""
    stderr().print(Text("Warning: ", style="bold yellow") + Text(one_line(message)))


def info(message: str) -> None:
    """Print a plain result line on stdout (not broken into lines)."""
    stdout().print(Text(one_line(message)), soft_wrap=True)


def write_json(data: Any) -> None:
    """Machine output: sorted keys, two-space indent, UTF-8, the same on a terminal or a pipe."""
    sys.stdout.write(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n")


def write_text(text: str) -> None:
    """Raw text (an export) to stdout, unchanged."""
    sys.stdout.write(text)
    if text and not text.endswith("\n"):
        sys.stdout.write("\n")


def write_export(data: str | bytes) -> None:
    """An export to stdout: text as it is (UTF-8), bytes unchanged."""
    if isinstance(data, str):
        write_text(data)
        return
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def wrote(path: str, fmt: str, size: int) -> None:
    """Say on stderr what an export wrote (stdout stays free for data)."""
    kb = f"{size / 1024:.0f} kB" if size >= 1024 else f"{size} bytes"
    stderr().print(Text(one_line(f"Wrote {path} ({fmt}, {kb})."), style="dim"))


Segments = list  # [(text, style)], style "" for plain


#: Rich's colour systems by the names ``Console.color_system`` gives
_COLOR_SYSTEMS = {
    "standard": ColorSystem.STANDARD,
    "256": ColorSystem.EIGHT_BIT,
    "truecolor": ColorSystem.TRUECOLOR,
    "windows": ColorSystem.WINDOWS,
}


def two_columns(console: Console, rows: list[tuple[Segments, Segments, str]], first: int = 0) -> list[str]:
    """Lines of a two-column layout, fast enough for 100,000 rows: each row is
    (first column, head, rest); the head (an id: short) starts the second
    column and is styled, the rest is plain text wrapped under it. Wrapping is
    by words like Rich's; colour is written only when the console has it."""
    from rich.cells import cell_len as rich_cell_len
    from rich.style import Style

    def cell_len(text: str) -> int:
        return len(text) if text.isascii() else rich_cell_len(text)

    color = _COLOR_SYSTEMS.get(console.color_system or "")
    styles: dict[str, Style] = {}

    def paint(segments: Segments) -> str:
        if color is None:
            return "".join(text for text, _ in segments)
        out = []
        for text, style in segments:
            if style:
                if style not in styles:  # NO_COLOR keeps bold and dim, like Rich
                    parsed = Style.parse(style)
                    styles[style] = parsed.without_color if console.no_color else parsed
                out.append(styles[style].render(text, color_system=color))
            else:
                out.append(text)
        return "".join(out)

    width = max([first] + [sum(cell_len(t) for t, _ in f) for f, _, _ in rows]) + 1
    room = max(console.width - width, 20)
    lines: list[str] = []
    for lead, head, rest in rows:
        lead = [(harmless(t), style) for t, style in lead]
        head = [(harmless(t), style) for t, style in head]
        rest = harmless(rest)
        head_text = "".join(t for t, _ in head)
        body = head_text + rest
        if cell_len(body) == len(body):
            wrapped = _wrap(body, room)
        else:  # wide characters: let Rich measure cells
            wrapped = [line.plain.rstrip() for line in Text(body).wrap(console, room)]
        pad = " " * (width - sum(cell_len(t) for t, _ in lead))
        first_line = wrapped[0]
        if first_line.startswith(head_text):
            first_line = paint(head) + first_line[len(head_text) :]
        lines.append(paint(lead) + pad + first_line)
        lines.extend(" " * width + line for line in wrapped[1:])
    return lines


def _wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap (like Rich's for one-cell characters): break at the last
    space that fits; a word longer than the line stays whole."""
    text = " ".join(text.split())
    lines = []
    while len(text) > width:
        cut = text.rfind(" ", 0, width + 1)
        if cut <= 0:
            cut = text.find(" ", width)
            if cut < 0:
                break
        lines.append(text[:cut])
        text = text[cut + 1 :]
    lines.append(text)
    return lines


def write_lines(console: Console, lines: list[str]) -> None:
    console.file.write("".join(line.rstrip() + "\n" for line in lines))


def plain_lines(console: Console, text: Text) -> list[str]:
    """A short Rich text rendered to lines (headings, tallies)."""
    with console.capture() as captured:
        console.print(text)
    return captured.get().rstrip("\n").split("\n")


def paint_line(console: Console, segments: Segments) -> str:
    """One line of styled segments (no wrapping)."""
    return two_columns(console, [([], segments, "")])[0].lstrip()
