"""Fuzz every reader: ``python -m tests.fuzz [--inputs 100000] [--seed 1] [--readers yaml,json]``.

Run by hand, not in CI (the property tests in tests/test_fuzz_readers.py are the
CI share). For each reader it pushes ``--inputs`` inputs through the same path a
file on the command line takes (bytes -> :func:`argmap.loader.read_map` with the
format named), in process, and counts what happened:

- *refused*: an :class:`~argmap.errors.ArgmapError` (a message for the user);
- *accepted*: a map, which is then built into a graph, linted and exported as
  JSON, so that what a reader lets through cannot crash what comes after;
- *crashed*: any other exception, or a disagreement between the model path
  (read_map, build_graph) and the graph-only path the commands take
  (read_graph): another graph, or other messages. Each distinct crash (type and place) is saved
  under ``--out`` with the input that caused it and its traceback;
- *slow*: inputs that took more than ``--slow`` seconds (a hang shows up here).

The inputs: one in ten is random bytes; for YAML, JSON and AIF three in ten are
valid files edited as data (wrong types, fields removed, renamed or added, items
repeated, references redirected) and written back, so the edits get past the
parser; the rest are mutations of valid files as bytes (bit flips, bytes and
format tokens inserted, ranges deleted, duplicated or swapped, truncation, two
files spliced, line endings and encodings changed).
Everything is seeded, so a run can be repeated exactly.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
import traceback
from collections import Counter
from typing import Any
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
GOLDEN = ROOT / "tests" / "golden"

SUFFIX = {
    "yaml": ".yaml",
    "json": ".json",
    "argdown": ".argdown",
    "aif": ".aif.json",
    "kialo": ".txt",
    "apx": ".apx",
    "tgf": ".tgf",
}

# Tokens that mean something to some reader: inserted at random places they make
# mutations that reach deeper than random bytes do.
COMMON = [
    b"\n",
    b"\r\n",
    b"\r",
    b"\t",
    b" ",
    b"  ",
    b"\x00",
    b"\xef\xbb\xbf",
    b"\xff",
    b"\xc3",
    b"\xe2\x80\xae",
    b"\x1b[2J",
    b"\x0b",
    b"\xc2\x85",
    "\u2028".encode(),
    b"\\",
    b'"',
    b"'",
    b"#",
    b"%",
    b":",
    b",",
    b".",
    b"-",
    b"0",
    b"-1",
    b"1e999",
    b"99999999999999999999",
    b"null",
    b"true",
    "😀".encode(),
    "e\u0301".encode(),
    "مرحبا".encode(),
]
TOKENS = {
    "yaml": [
        b"{",
        b"}",
        b"[",
        b"]",
        b"- ",
        b": ",
        b"? ",
        b"&a ",
        b"*a",
        b"<<: *a",
        b"!!python/object:os.system ",
        b"!!binary ",
        b"!tag ",
        b"|\n",
        b">-\n",
        b"---\n",
        b"...\n",
        b"%YAML 1.1\n",
        b"id: ",
        b"kind: ",
        b"premises: [",
        b"from: ",
        b"to: ",
        b"type: undercut",
        b"paragraph: ",
        b"tags: ",
        b"statements:\n",
    ],
    "json": [
        b"{",
        b"}",
        b"[",
        b"]",
        b'": ',
        b'", "',
        b'{"id": "a"}',
        b'"premises": [',
        b'"type": "rebut"',
        b"\\u0000",
        b"\\ud800",
        b"NaN",
        b"Infinity",
        b'"statements": []',
    ],
    "argdown": [
        b"[A]: ",
        b"<A>: ",
        b"[A]",
        b"<A>",
        b"\n  + ",
        b"\n  - ",
        b"\n  _ ",
        b"\n  +> ",
        b"\n  <- ",
        b"\n  >< ",
        b"\n(1) ",
        b"\n----\n",
        b"\n--\nrule\n--\n",
        b"===\n",
        b"#tag ",
        b"#(a b) ",
        b"{",
        b"}",
        b"{a: &x [*x]}",
        b"{tags: [",
        b"# Heading\n",
        b"* ",
        b"1. ",
        b"//",
        b"/*",
        b"*/",
        b"<!--",
        b"-->",
        b"@[A]",
        b"@<A>",
        b"*",
        b"_",
        b"[x](y)",
    ],
    "aif": [
        b"{",
        b"}",
        b"[",
        b"]",
        b'"nodeID": ',
        b'"fromID": ',
        b'"toID": ',
        b'"type": "RA"',
        b'"type": "CA"',
        b'"type": "I"',
        b'"type": "YA"',
        b'"type": "L"',
        b'"text": ',
        b'"AIF": {',
        b'"argmap": {',
        b'"locutions": [',
        b'"participants": [',
        b'"personID": ',
        b'"scheme": ',
    ],
    "kialo": [
        b"Discussion Title: ",
        b"\n1. ",
        b"\n1.1. Pro: ",
        b"\n1.1. Con: ",
        b"\n1.2.3. Pro: ",
        b"-> See 1.",
        b"-> See 1.1.",
        b"Pro: ",
        b"Con: ",
        b"\n\n",
    ],
    "apx": [b"arg(", b"att(", b").", b"(", b")", b",", b'"', b"a", b"not__a", b"unsupported__a", b"id__1"],
    "tgf": [b"#\n", b"\n#\n", b"a ", b"b", b" a b\n", b"not__a", b"unsupported__a"],
}


def seeds(fmt: str) -> list[bytes]:
    """Valid files to mutate: small hand-made ones, the test data, and (rarely
    picked, it is big) the embedded map written in the format."""
    import argmap
    from argmap.export import export
    from argmap.formats import get

    from .test_reliability_matrix import VALID

    found = [VALID[fmt].encode("utf-8")]
    files = {
        "yaml": [DATA / "small.yaml", GOLDEN / "yaml" / "small.yaml"],
        "json": [GOLDEN / "json" / "small.json"],
        "argdown": [DATA / "parks.argdown", *sorted((ROOT / "tests" / "conformance" / "argdown").glob("*.argdown"))],
        "aif": [DATA / "aif-aifdb-nuclear.json", DATA / "aif-ova3-fees.json"],
        "kialo": [DATA / "kialo-school-uniforms.txt"],
        "apx": [GOLDEN / "apx" / "tiny.apx"],
        "tgf": [GOLDEN / "tgf" / "tiny.tgf"],
    }[fmt]
    found += [f.read_bytes() for f in files if f.exists()]
    if get(fmt).write:
        small = argmap.build_graph(argmap.load(DATA / "small.yaml"))
        found.append(_bytes(export(small, fmt)))
        found.append(_bytes(export(argmap.build_graph(argmap.load()), fmt)))  # the last seed: the big one
    return found


def _bytes(data: str | bytes) -> bytes:
    return data.encode("utf-8") if isinstance(data, str) else data


def mutate(rng: random.Random, data: bytes, tokens: list[bytes], other: bytes) -> bytes:
    """One to eight random edits of ``data``."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        n = len(out)
        op = rng.randrange(11)
        if op == 0 and n:  # flip bits of a byte
            out[rng.randrange(n)] ^= 1 << rng.randrange(8)
        elif op == 1 and n:  # replace a byte
            out[rng.randrange(n)] = rng.randrange(256)
        elif op in (2, 3):  # insert a token
            i = rng.randrange(n + 1)
            out[i:i] = rng.choice(tokens)
        elif op == 4 and n:  # delete a range
            i = rng.randrange(n)
            del out[i : i + rng.choice((1, 2, 8, 64, 512))]
        elif op == 5 and n:  # duplicate a range
            i = rng.randrange(n)
            j = min(n, i + rng.choice((1, 16, 256, 4096)))
            k = rng.randrange(n + 1)
            out[k:k] = out[i:j]
        elif op == 6 and n:  # swap two lines
            lines = bytes(out).split(b"\n")
            a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
            lines[a], lines[b] = lines[b], lines[a]
            out = bytearray(b"\n".join(lines))
        elif op == 7 and n:  # truncate
            del out[rng.randrange(n) :]
        elif op == 8:  # splice with another seed
            cut = rng.randrange(n + 1)
            out = out[:cut] + bytearray(other[rng.randrange(len(other) + 1) :])
        elif op == 9 and n:  # random bytes in place
            i = rng.randrange(n)
            out[i : i + 4] = bytes(rng.randrange(256) for _ in range(4))
        elif op == 10:  # another encoding or line ending for the whole input
            text = bytes(out).decode("utf-8", "replace")
            out = bytearray(
                rng.choice(
                    [
                        lambda t: t.encode("utf-16"),
                        lambda t: t.encode("latin-1", "replace"),
                        lambda t: t.replace("\n", "\r\n").encode(),
                        lambda t: b"\xef\xbb\xbf" + t.encode(),
                        lambda t: t.encode("utf-8", "surrogatepass"),
                    ]
                )(text)
            )
    return bytes(out)


FIELDS = [
    "title",
    "description",
    "source",
    "statements",
    "arguments",
    "attacks",
    "id",
    "kind",
    "text",
    "quote",
    "paragraph",
    "speaker",
    "tags",
    "note",
    "premises",
    "conclusion",
    "from",
    "to",
    "type",
    "scheme",
    "file",
    "nodes",
    "edges",
    "nodeID",
    "fromID",
    "toID",
    "edgeID",
    "AIF",
    "argmap",
    "locutions",
    "participants",
    "personID",
    "participantID",
    "firstname",
    "surname",
]
WORDS = [
    "a",
    "b",
    "rain",
    "Rain",
    "",
    " ",
    "claim",
    "premise",
    "proposal",
    "rebut",
    "undermine",
    "undercut",
    "I",
    "RA",
    "CA",
    "L",
    "YA",
    "Default Inference",
    "arg-a",
    "att-a",
    "x" * 300,
    "مرحبا",
    "😀",
    "<b>",
    "-a",
    "a--b",
]


def _value(rng: random.Random, depth: int = 0):
    """A random JSON value, mostly small, sometimes nested."""
    r = rng.random()
    if depth > 3 or r < 0.45:
        return rng.choice(WORDS)
    if r < 0.6:
        return rng.choice([0, 1, -1, 7, 2.5, 10**30, True, False, None])
    if r < 0.8:
        return [_value(rng, depth + 1) for _ in range(rng.randrange(4))]
    return {rng.choice(FIELDS): _value(rng, depth + 1) for _ in range(rng.randrange(4))}


def mutate_data(rng: random.Random, data):
    """One to five edits of parsed map data: values of the wrong type, fields
    removed, renamed or added, items repeated, references pointed elsewhere."""
    import copy

    data = copy.deepcopy(data)
    for _ in range(rng.randint(1, 5)):
        parent, key = None, None
        node = data
        for _ in range(rng.randrange(5)):  # walk down to a random place
            if isinstance(node, dict) and node:
                parent, key = node, rng.choice(list(node))
            elif isinstance(node, list) and node:
                parent, key = node, rng.randrange(len(node))
            else:
                break
            node = parent[key]
        if parent is None:
            continue
        op = rng.randrange(6)
        if op == 0:
            parent[key] = _value(rng)
        elif op == 1 and isinstance(parent, dict):
            del parent[key]
        elif op == 2 and isinstance(parent, dict):
            parent[rng.choice(FIELDS)] = parent.pop(key)
        elif op == 3 and isinstance(parent, list):
            parent.insert(rng.randrange(len(parent) + 1), copy.deepcopy(parent[key]))
        elif op == 4:  # a reference to another item's id, or to nothing
            parent[key] = rng.choice([node, rng.choice(WORDS), str(rng.randrange(10))])
        elif op == 5 and isinstance(parent, list):
            del parent[key]
    return data


def structured(rng: random.Random, fmt: str, seed: bytes) -> bytes | None:
    """A seed of a YAML, JSON or AIF reader, parsed, edited as data and written
    back: valid syntax, so the edits reach validation (None for other formats)."""
    import yaml

    if fmt not in ("yaml", "json", "aif"):
        return None
    try:
        data = yaml.safe_load(seed.decode("utf-8")) if fmt == "yaml" else json.loads(seed)
    except (ValueError, yaml.YAMLError):
        return None
    data = mutate_data(rng, data)
    if fmt == "yaml":
        return yaml.safe_dump(data, allow_unicode=True, default_flow_style=rng.choice([None, True, False])).encode()
    return json.dumps(data, ensure_ascii=rng.random() < 0.5, indent=rng.choice([None, 1])).encode()


class Disagreement(AssertionError):
    """The graph-only path the commands take (read_graph) and the model path
    (read_map + build_graph) gave different answers for one input."""


def _same_refusal(refusal: Exception, path: Path, fmt: str, read_graph: Any) -> None:
    """read_graph refuses what read_map refuses, with the same messages."""
    try:
        read_graph(path, fmt=fmt)
    except type(refusal) as other:
        if other.lines() != refusal.lines():  # type: ignore[attr-defined]
            raise Disagreement(f"messages differ: {refusal.lines()} != {other.lines()}") from None
        return
    raise Disagreement("read_graph accepted what read_map refused")


def _same_graph(G: Any, H: Any) -> None:
    """Both paths built the same graph: nodes, edges, their data and order."""
    if (
        G.graph != H.graph
        or list(G.nodes(data=True)) != list(H.nodes(data=True))
        or list(G.edges(data=True)) != list(H.edges(data=True))
    ):
        raise Disagreement("read_graph built another graph than read_map + build_graph")


def run(fmt: str, count: int, seed: int, out: Path, slow: float) -> dict:
    """Fuzz one reader; returns its counts."""
    from argmap.errors import ArgmapError
    from argmap.export import export
    from argmap.graph import build_graph
    from argmap.analysis.lint import check
    from argmap.loader import read_graph, read_map

    rng = random.Random(f"{seed}:{fmt}")
    pool = seeds(fmt)
    weights = [10] * (len(pool) - 1) + [1]  # the big embedded map: one pick in ten or so
    tokens = TOKENS[fmt] + COMMON
    folder = Path(tempfile.mkdtemp(prefix=f"argmap-fuzz-{fmt}-"))
    (folder / "seeds").mkdir()  # the source text the embedded map cites, so quotes get checked too
    shutil.copy(ROOT / "argmap" / "data" / "seeds" / "sco-in-the-war-on-terror.txt", folder / "seeds")
    path = folder / f"input{SUFFIX[fmt]}"
    counts: Counter = Counter()
    crashes: dict[str, dict] = {}
    started = time.monotonic()
    for i in range(count):
        if i % 10 == 0:
            data = bytes(rng.randrange(256) for _ in range(rng.choice((0, 1, 8, 64, 512, 4096))))
        elif i % 10 < 4 and fmt in ("yaml", "json", "aif"):
            data = structured(rng, fmt, rng.choices(pool, weights)[0]) or b""
        else:
            data = mutate(rng, rng.choices(pool, weights)[0], tokens, rng.choice(pool))
        path.write_bytes(data)
        began = time.monotonic()
        try:
            try:
                loaded = read_map(path, fmt=fmt)
            except ArgmapError as refusal:
                _same_refusal(refusal, path, fmt, read_graph)
                raise
            G = build_graph(loaded.map)
            _same_graph(G, read_graph(path, fmt=fmt).graph)
            check(G)
            export(G, "json")
            counts["accepted"] += 1
        except ArgmapError:
            counts["refused"] += 1
        except Exception as err:  # noqa: BLE001 - counting what escapes is the point
            counts["crashed"] += 1
            frame = traceback.extract_tb(err.__traceback__)[-1]
            key = f"{type(err).__name__} at {Path(frame.filename).name}:{frame.lineno}"
            if key not in crashes:
                crashes[key] = {"input": i, "count": 0}
                stem = out / f"{fmt}-{len(crashes)}"
                stem.with_suffix(SUFFIX[fmt]).write_bytes(data)
                stem.with_suffix(".traceback.txt").write_text(traceback.format_exc(), encoding="utf-8")
            crashes[key]["count"] += 1
        if time.monotonic() - began > slow:
            counts["slow"] += 1
    shutil.rmtree(folder, ignore_errors=True)
    return {
        "reader": fmt,
        "inputs": count,
        "accepted": counts["accepted"],
        "refused": counts["refused"],
        "crashed": counts["crashed"],
        "slow": counts["slow"],
        "seconds": round(time.monotonic() - started, 1),
        "crashes": crashes,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz", description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=100_000, help="inputs per reader (default 100000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--readers", default=",".join(SUFFIX), help="comma-separated reader names")
    parser.add_argument("--out", type=Path, default=Path("fuzz-crashes"), help="where crashing inputs go")
    parser.add_argument("--slow", type=float, default=2.0, help="seconds after which an input counts as slow")
    parser.add_argument("--jobs", type=int, default=1, help="readers fuzzed in parallel processes")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    readers = [r for r in args.readers.split(",") if r]
    jobs = [(fmt, args.inputs, args.seed, args.out, args.slow) for fmt in readers]
    if args.jobs > 1:
        from multiprocessing import Pool

        with Pool(args.jobs) as pool:
            results = pool.starmap(run, jobs)
    else:
        results = [run(*job) for job in jobs]
    print("| reader | inputs | accepted | refused | crashed | slow | seconds |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for r in results:
        print(
            f"| {r['reader']} | {r['inputs']:,} | {r['accepted']:,} | {r['refused']:,} | {r['crashed']:,} "
            f"| {r['slow']:,} | {r['seconds']:,} |"
        )
    for r in results:
        for key, found in r["crashes"].items():
            print(f"{r['reader']}: {found['count']} x {key} (first at input {found['input']})")
    (args.out / "summary.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 1 if any(r["crashed"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
