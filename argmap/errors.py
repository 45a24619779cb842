"""Errors argmap raises, and how each one reads.

The library raises these; the command line turns them into messages in one place
(:func:`argmap.cli.report_error`). Every error says what is wrong and, where it can,
what to do about it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: where it is, what it is, what to do.

    ``path`` is the field path inside the map (``("statements", 3, "kind")``),
    ``line``/``column`` the 1-based position in the file when known.
    """

    message: str
    path: tuple[str | int, ...] = ()
    line: int | None = None
    column: int | None = None
    hint: str = ""

    def field(self) -> str:
        """The field path in the form a reader types: ``statements[3].kind``."""
        out = ""
        for part in self.path:
            if isinstance(part, int):
                out += f"[{part}]"
            else:
                out += f".{part}" if out else str(part)
        return out

    def format(self, file: str | None) -> str:
        """``file:line:col: field: message. hint`` with the parts that are known."""
        where = file or "<map>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        text = self.message.rstrip()
        if self.hint:
            if not text.endswith((".", "?", "!", ":")):
                text += "."
            text += " " + self.hint.rstrip()
        loc = self.field()
        return f"{where}: {loc}: {text}" if loc else f"{where}: {text}"


class ArgmapError(Exception):
    """Base of every error argmap reports to a user. ``exit_code`` 1 = bad input."""

    exit_code = 1

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def lines(self) -> list[str]:
        """The message as the lines a user sees (without the ``Error:`` prefix)."""
        text = self.message
        if self.hint:
            text += " " + self.hint
        return [text]


class UsageError(ArgmapError):
    """The command was used wrongly (bad option combination, unknown format...)."""

    exit_code = 2


class InputError(ArgmapError):
    """An input could not be read: missing, unreadable, not text, wrong syntax."""


class NotFound(ArgmapError):
    """An id named on the command line is not in the map."""


class MapInvalid(ArgmapError):
    """A map that was read but is not valid: one :class:`Problem` per mistake."""

    def __init__(self, file: str | None, problems: list[Problem]) -> None:
        count = len(problems)
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"{file or '<map>'}: {count} {noun}")
        self.file = file
        self.problems = problems

    def __str__(self) -> str:
        return "\n".join(self.lines())

    def lines(self) -> list[str]:
        return [p.format(self.file) for p in self.problems]


class MapProblems(Exception):
    """Raised inside model validation to carry cross-reference problems out.

    It is deliberately not a ``ValueError`` so that Pydantic lets it through
    unchanged; :mod:`argmap.load` turns it into :class:`MapInvalid`.
    """

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problems")
        self.problems = problems
