"""What the authoring commands (init, quote, coverage, draft, preview) print:
passages found, coverage, scores, what was written. Data to stdout, messages
to stderr, through :mod:`argmap.render.console`.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text

from ..terms import plural
from .console import emit, one_line, stderr, stdout


def passages(found: list[Any], words: str, *, snippet: bool, quoted: list[list[str]] | None = None) -> None:
    """The passages ``words`` match: ``¶N  quote`` per line (or, with ``snippet``,
    the YAML fields to paste); a note on stderr when several match, when typos
    were forgiven, and naming the items of the map that quote a passage already
    (``quoted``: their ids, per passage)."""
    from ..authoring.quotes import yaml_snippet

    out = stdout()
    if snippet:
        blocks = []
        for k, p in enumerate(found, 1):
            head = f"    # passage {k} of {len(found)}\n" if len(found) > 1 else ""
            blocks.append(head + yaml_snippet(p))
        out.file.write("\n".join(blocks) + "\n")
    else:
        for p in found:
            out.print(Text(f"¶{p.paragraph}  ", style="bold") + Text(one_line(p.quote)), soft_wrap=True)
    note = stderr()
    for p, ids in zip(found, quoted or [], strict=False):
        if ids:
            shown = ", ".join(ids[:5]) + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")
            note.print(Text(one_line(f"¶{p.paragraph}: already quoted by {shown}."), style="dim"))
    if len(found) > 1:
        where = ", ".join(f"¶{p.paragraph}" for p in found)
        note.print(
            Text(
                one_line(
                    f"{len(found)} passages match '{words}' ({where}): add words to pick one, "
                    "or set paragraph: to the one you mean."
                ),
                style="yellow",
            )
        )
    if found and found[0].edits:
        note.print(
            Text(
                one_line(
                    f"Not an exact match: {plural(found[0].edits, 'edit')} from the words typed; "
                    "the quote above is the source's own."
                ),
                style="dim",
            )
        )


def coverage_view(cov: Any, source_name: str, map_name: str) -> None:
    """Per paragraph the share mapped and what is not, then the total."""
    from rich.padding import Padding
    from rich.table import Table

    console = stdout()
    parts: list[Any] = [Text(one_line(f"Coverage of {source_name} by {map_name}"), style="bold")]
    for p in cov.paragraphs:
        share = round(100 * p.covered / p.words) if p.words else 100
        head = Text(f"¶{p.number:<3}", style="bold") + Text(f"{share:>4}%  ")
        gaps = p.unmapped()
        if p.note:
            head.append(one_line(p.note), style="dim")
            parts.append(head)
            continue
        if gaps:
            head.append(f"{plural(len(gaps), 'passage')} unmapped:", style="yellow")
        parts.append(head)
        if gaps:
            listing = Table.grid(padding=(0, 1))
            listing.add_column(no_wrap=True)
            listing.add_column(ratio=1)
            for c in gaps:
                line = Text(one_line(c.text))
                if c.reason:
                    line.append(f"  ({c.reason})", style="dim")
                elif c.covered:
                    line.append(f"  ({c.covered} of {c.words} words quoted)", style="dim")
                listing.add_row("-", line)
            parts.append(Padding(listing, (0, 0, 0, 6), expand=False))
    set_aside = [f"¶{p.number} {p.note.split(':')[0]}" for p in cov.paragraphs if p.note]
    total = f"{round(100 * cov.share())}% of the text mapped ({cov.covered:,} of {cov.words - cov.set_aside():,} words"
    total += f"; left out on purpose: {', '.join(set_aside)})" if set_aside else ")"
    gaps = cov.gaps()
    total += "; nothing else to map." if not gaps else f"; {plural(len(gaps), 'passage')} left to map."
    parts += [Text(""), Text(one_line(total))]
    emit(console, *parts)


def scores(found: dict[str, Any], curated: str) -> None:
    """A draft's precision and recall against a curated map, on stderr."""
    from ..authoring.draft import MATCH_RULE

    console = stderr()
    console.print(Text(one_line(f"The draft against {curated}:"), style="bold"))
    for what, s in found.items():
        console.print(
            Text(
                f"  {what}: {s.drafted} drafted, {s.curated} curated, {s.matched} matched: "
                f"precision {100 * s.precision:.0f}%, recall {100 * s.recall:.0f}%"
            )
        )
    console.print(Text(f"  (matching: {MATCH_RULE}.)", style="dim"))


def wrote(path: str, what: str) -> None:
    """Say on stderr what a command wrote."""
    stderr().print(Text(one_line(f"Wrote {path}: {what}"), style="dim"))


def note(message: str) -> None:
    """A line of advice on stderr."""
    stderr().print(Text(one_line(message), style="dim"))
