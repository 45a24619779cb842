"""Read every third-party file in a folder through argmap and hold the result
against an independent count of what the file holds.

    python -m tests.corpus.sweep [FOLDER ...] [--reference ARGDOWN_CLI] [--write-reference]
                                 [--lenient] [--verbose] [--json]

Without a folder, the corpus in tests/corpus/ is swept. Files are found by
suffix (``.argdown``/``.ad``, ``.json``/``.aif``, ``.txt``) and read as argmap
reads them (format detected from name and content). For each file:

- **read**, **refused** (argmap's own located error) or **crashed** (any
  other exception: a traceback a user would see);
- **disagreements** with the independent count (tests/corpus/independent.py):
  for AIF the I-, RA-, CA- and MA-nodes and the speakers and quotes of the
  locutions; for Kialo the claims, pros, cons and their unescaped texts; for
  Argdown the reference CLI's reading (statements, arguments, relations), or
  its refusal. A file argmap accepts while the reference reports errors, or
  refuses while the reference reads it, is a disagreement too;
- **round trip**: the map written in its own format (when argmap writes it)
  and as JSON reads back as the very same map.

The reference reading of an Argdown file ``X.argdown`` is kept beside it as
``X.reference.json`` (reduced) or ``X.reference-error.txt``; ``--reference
PATH`` runs the reference CLI (``npm install @argdown/cli`` in a scratch
folder, then ``PATH`` is its ``node_modules/.bin/argdown``) instead, and
``--write-reference`` stores what it says.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.corpus import independent

CORPUS = Path(__file__).parent
#: the reference reading beside an Argdown file (and the conformance suite's names for it)
REFERENCE_FILES = (".reference.json", ".reference-error.txt", ".expected.json", ".expected-error.txt")
#: a warning of argmap --lenient: "12:1: RA-node 7 has no premises: skipped" (after the file name)
_SKIPPED = re.compile(r"(?:\S*?:\d+:\d+: )?(RA|CA|I)-node (\S+) ")
SUFFIXES = {".argdown": "argdown", ".ad": "argdown", ".json": "aif", ".aif": "aif", ".txt": "kialo"}


@dataclass
class Outcome:
    path: Path
    format: str
    status: str = "read"  # read | refused | crashed
    message: str = ""
    disagreements: list[str] = field(default_factory=list)
    round_trip: bool | None = None  # None: not tried (not read)
    speakers: tuple[int, int] = (0, 0)  # (statements the file names a speaker for, argmap gives that speaker)
    warnings: list[str] = field(default_factory=list)


def files(folders: list[Path]) -> list[Path]:
    found = []
    for folder in folders:
        candidates = [folder] if folder.is_file() else sorted(folder.rglob("*"))
        for p in candidates:
            if (
                p.is_file()
                and p.suffix.lower() in SUFFIXES
                and not p.name.endswith(REFERENCE_FILES)
                and p.name != "MANIFEST.md"
                and "LICENSES" not in p.parts
            ):
                found.append(p)
    return found


def _map_data(amap: Any) -> dict:
    return amap.model_dump(mode="json", exclude_none=True)


def round_trip(amap: Any, fmt: str) -> list[str]:
    """What changes when the map is written (own format, JSON) and read back."""
    from argmap import build_graph
    from argmap.formats import FORMATS

    problems = []
    before = _map_data(amap)
    for target in dict.fromkeys([fmt, "json"]):
        spec = FORMATS[target]
        if not (spec.read and spec.write):
            continue
        text = spec.writer()(build_graph(amap), None)
        again = spec.reader()(text, name=f"round-trip.{target}")
        if _map_data(again) != before:
            problems.append(f"round trip through {target} changes the map")
    return problems


def _reference(path: Path, cli: str | None, write: bool) -> dict | str | None:
    stored_view = path.with_name(path.name[: -len(path.suffix)] + ".reference.json")
    stored_error = path.with_name(path.name[: -len(path.suffix)] + ".reference-error.txt")
    if cli:
        run = subprocess.run([cli, "json", str(path), "--stdout"], capture_output=True, text=True, timeout=120)
        said = independent.parse_reference_output(run.stdout + run.stderr)
        result = independent.reference_view(said) if isinstance(said, dict) else said.replace(f"{path.parent}/", "")
        if write:
            stored_view.unlink(missing_ok=True)
            stored_error.unlink(missing_ok=True)
            if isinstance(result, dict):
                stored_view.write_text(
                    json.dumps(result, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
                )
            else:
                stored_error.write_text(result + "\n", encoding="utf-8")
        return result
    stem = path.name[: -len(path.suffix)]
    for view, error in (
        (stored_view, stored_error),
        (path.with_name(stem + ".expected.json"), path.with_name(stem + ".expected-error.txt")),
    ):
        if view.exists():
            return json.loads(view.read_text(encoding="utf-8"))
        if error.exists():
            return error.read_text(encoding="utf-8").strip()
    return None


def check_argdown(out: Outcome, text: str, amap: Any | None, reference: dict | str | None) -> None:
    from argmap.formats import argdown

    if reference is None:
        out.disagreements.append("no reference reading stored (run with --reference)")
        return
    if amap is None:
        if isinstance(reference, dict):
            out.disagreements.append("refused, but the reference CLI reads it")
        return
    if isinstance(reference, str):
        first = next((line for line in reference.splitlines() if line.strip().startswith("At ")), "")
        out.disagreements.append(
            f"accepted, but the reference CLI reports errors ({first.strip() or 'see its output'})"
        )
        return
    view = argdown.parse(text, name=out.path.name).view()
    for part in ("statements", "arguments"):
        if view[part] != reference[part]:
            ours, theirs = set(view[part]), set(reference[part])
            detail = f"{len(ours)} vs the reference's {len(theirs)}"
            differ = sorted(t for t in ours & theirs if view[part][t] != reference[part][t])
            if ours - theirs or theirs - ours:
                detail += f"; only argmap: {sorted(ours - theirs)[:3]}, only the reference: {sorted(theirs - ours)[:3]}"
            if differ:
                detail += f"; read differently: {differ[:3]}"
            out.disagreements.append(f"{part}: {detail}")
    key = lambda r: json.dumps(r, sort_keys=True)  # noqa: E731
    if sorted(view["relations"], key=key) != sorted(reference["relations"], key=key):
        out.disagreements.append(
            f"relations: {len(view['relations'])} vs the reference's {len(reference['relations'])}"
        )
    sketched = sum(1 for a in reference["arguments"].values() if not a["pcs"])
    if len(amap.statements) != len(reference["statements"]) + sketched:
        out.disagreements.append(
            f"{len(amap.statements)} statements in the map, but the reference has "
            f"{len(reference['statements'])} statements and {sketched} sketched arguments"
        )


def check_aif(out: Outcome, text: str, amap: Any | None) -> None:  # noqa: C901 (one file's checks, in order)
    counts = independent.aif_counts(text)
    if amap is None:
        if counts["malformed"] == 0:
            out.disagreements.append("refused, but every RA- and CA-node is well formed")
        return
    if len(amap.statements) != len(counts["statements"]):
        out.disagreements.append(f"{len(amap.statements)} statements, {len(counts['statements'])} I-nodes")
    kept = sum(1 for a in amap.arguments if "rephrase" in (a.scheme or "").lower())
    if len(amap.arguments) - kept != counts["inferences"]:
        out.disagreements.append(f"{len(amap.arguments) - kept} arguments, {counts['inferences']} inferences (RA)")
    if len(amap.attacks) != counts["conflicts"]:
        out.disagreements.append(f"{len(amap.attacks)} attacks, {counts['conflicts']} conflicts (CA)")
    if kept != counts["rephrases"]:
        out.disagreements.append(f"{counts['rephrases'] - kept} rephrases (MA) dropped without a word")
    # --lenient: every malformed node the independent count finds is reported as skipped, by its id
    skipped = {m.group(1, 2) for w in out.warnings if w.endswith("skipped") and (m := _SKIPPED.match(w))}
    if len(skipped) != counts["malformed"]:
        out.disagreements.append(f"{counts['malformed']} malformed nodes, {len(skipped)} reported as skipped")
    dangling = counts["types"].get("MA", 0) - counts["rephrases"]
    reported = sum("MA-node" in w for w in out.warnings)
    if dangling != reported:
        out.disagreements.append(f"{dangling} MA-nodes relate no two I-nodes, {reported} reported")
    by_text: dict[str, list[Any]] = {}
    for s in amap.statements:
        by_text.setdefault(" ".join(s.text.split()), []).append(s)
    named = right = 0
    wrong_quotes = 0
    # argmap's statements follow the I-nodes in order; two I-nodes may have one text
    statement_of = {}
    for node, text_of in counts["statements"].items():
        queue = by_text.get(text_of, [])
        if queue:
            statement_of[node] = queue.pop(0)
    for node, said in counts["said"].items():
        s = statement_of.get(node)
        if s is None:
            continue
        speakers = {who for who, _ in said if who}
        if speakers:
            named += 1
            right += s.speaker in speakers
        words = {" ".join(w.split()) for _, w in said}
        quote = " ".join((s.quote or s.text).split())
        if quote not in words:
            wrong_quotes += 1
    out.speakers = (named, right)
    if named != right:
        out.disagreements.append(f"speakers: {right} of {named} statements get the speaker the file names")
    if wrong_quotes:
        out.disagreements.append(f"quotes: {wrong_quotes} statements quote other words than their locution")


def check_kialo(out: Outcome, text: str, amap: Any | None) -> None:
    counts = independent.kialo_counts(text)
    if amap is None:
        return
    if len(amap.statements) != counts["statements"]:
        out.disagreements.append(f"{len(amap.statements)} statements, {counts['statements']} claims")
    if len(amap.arguments) != counts["supports"]:
        out.disagreements.append(f"{len(amap.arguments)} arguments, {counts['supports']} pros")
    if len(amap.attacks) != counts["attacks"]:
        out.disagreements.append(f"{len(amap.attacks)} attacks, {counts['attacks']} cons")
    ours = sorted(" ".join(s.text.split()) for s in amap.statements)
    if ours != sorted(counts["texts"]):
        differ = len(set(ours) ^ set(counts["texts"])) // 2
        out.disagreements.append(f"texts: {differ} statements read differently (escapes: {counts['escapes']})")


def sweep_file(path: Path, *, cli: str | None = None, write: bool = False, lenient: bool = False) -> Outcome:
    from argmap.errors import ArgmapError
    from argmap.formats import detect
    from argmap.loader import read_text

    try:
        text, name = read_text(path)
    except ArgmapError as err:
        return Outcome(path, SUFFIXES[path.suffix.lower()], "refused", err.lines()[0])
    fmt = detect(path.name, text).name
    out = Outcome(path, fmt)
    amap = None
    try:
        amap = _read(text, fmt, path.name, lenient, out)
    except ArgmapError as err:
        out.status, out.message = "refused", err.lines()[0]
    except Exception as err:  # noqa: BLE001 - a crash is what the sweep looks for
        out.status, out.message = "crashed", f"{type(err).__name__}: {err}"
        return out
    try:
        if fmt == "argdown":
            check_argdown(out, text, amap, _reference(path, cli, write))
        elif fmt == "aif":
            check_aif(out, text, amap)
        elif fmt == "kialo":
            check_kialo(out, text, amap)
        if amap is not None:
            problems = round_trip(amap, fmt)
            out.round_trip = not problems
            out.disagreements += problems
    except ArgmapError as err:
        out.status, out.message = "crashed", f"while checking: {err.lines()[0]}"
    except Exception as err:  # noqa: BLE001
        out.status, out.message = "crashed", f"while checking: {type(err).__name__}: {err}"
    return out


def _read(text: str, fmt: str, name: str, lenient: bool, out: Outcome) -> Any:
    from argmap.formats import FORMATS

    return FORMATS[fmt].reader(lenient=lenient and FORMATS[fmt].lenient)(text, name=name, warnings=out.warnings)


def table(outcomes: list[Outcome]) -> str:
    rows = [("format", "files", "read", "refused", "crashed", "disagree", "round trips exact", "speakers")]
    for fmt in ("argdown", "aif", "kialo", "total"):
        group = [o for o in outcomes if fmt in ("total", o.format)]
        if not group:
            continue
        read = [o for o in group if o.status == "read"]
        named = sum(o.speakers[0] for o in group)
        right = sum(o.speakers[1] for o in group)
        rows.append(
            (
                fmt,
                str(len(group)),
                str(len(read)),
                str(sum(o.status == "refused" for o in group)),
                str(sum(o.status == "crashed" for o in group)),
                str(sum(bool(o.disagreements) for o in group)),
                f"{sum(o.round_trip is True for o in group)}/{len(read)}",
                f"{right}/{named}" if named else "-",
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = [
        "| "
        + " | ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True)))
        + " |"
        for r in rows
    ]
    lines.insert(
        1, "|" + "|".join("-" * (w + 2) if i == 0 else "-" * (w + 1) + ":" for i, w in enumerate(widths)) + "|"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.corpus.sweep", description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", type=Path, help="folders (or files) to sweep; default: tests/corpus")
    parser.add_argument("--reference", metavar="ARGDOWN_CLI", help="run this reference Argdown CLI")
    parser.add_argument("--write-reference", action="store_true", help="store the reference readings beside the files")
    parser.add_argument("--lenient", action="store_true", help="read AIF files as argmap --lenient does")
    parser.add_argument("--verbose", "-v", action="store_true", help="one line per file with a finding")
    parser.add_argument("--json", action="store_true", help="every outcome as JSON")
    args = parser.parse_args(argv)
    outcomes = [
        sweep_file(p, cli=args.reference, write=args.write_reference, lenient=args.lenient)
        for p in files(args.folders or [CORPUS])
    ]
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "file": str(o.path),
                        "format": o.format,
                        "status": o.status,
                        "message": o.message,
                        "disagreements": o.disagreements,
                        "round_trip": o.round_trip,
                        "speakers": list(o.speakers),
                        "warnings": o.warnings,
                    }
                    for o in outcomes
                ],
                indent=1,
            )
        )
        return 0
    if args.verbose:
        for o in outcomes:
            if o.status != "read" or o.disagreements:
                print(f"{o.path.name}: {o.status}{': ' + o.message if o.message else ''}")
                for d in o.disagreements:
                    print(f"    {d}")
        print()
    print(table(outcomes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
