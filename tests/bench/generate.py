"""A seeded generator of realistic synthetic argument maps of any size.

Proposals on top, layers of claims beneath, premises at the bottom; each
proposal and claim has one to three independent (convergent) arguments of one
to four linked premises drawn from the layer below; about a quarter of all
relations are attacks of the three types; speakers and tags throughout.
Everything is linear in the number of statements.

>>> data = generate(200, seed=1)
>>> len(data["statements"])
200
>>> from argmap.validate import validate
>>> validate(data, name="generated").title
'Synthetic map of 200 statements (seed 1)'
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

WORDS = [
    "security",
    "cooperation",
    "terrorism",
    "region",
    "trade",
    "border",
    "policy",
    "reform",
    "treaty",
    "budget",
    "members",
    "forces",
    "exercise",
    "law",
    "extradition",
    "agency",
    "capacity",
    "trust",
    "strategy",
    "summit",
    "council",
    "funding",
    "oversight",
    "energy",
    "water",
    "migration",
    "health",
    "schools",
    "transport",
    "rights",
    "court",
    "framework",
    "data",
]
SPEAKERS = ("author", "author", "author", "ministry", "scholar", "council", "opposition")
TAGS = ("economy", "security", "legal", "social", "future", "history")
SCHEMES = ("practical-reasoning", "from-consequences", "causal", "from-example", "from-expert-opinion")
LAYERS = 4


def _sentence(rng: random.Random, kind: str) -> str:
    words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 11)))
    if kind == "proposal":
        return f"We should act on {words}."
    return words[0].upper() + words[1:] + "."


def generate(n: int, seed: int = 0) -> dict[str, Any]:
    """A valid map of ``n`` statements (plain data in the map format)."""
    rng = random.Random(seed)
    n_prop = max(1, n // 50)
    n_premise = max(1, int(n * 0.5))
    n_claim = max(0, n - n_prop - n_premise)
    statements: list[dict[str, Any]] = []
    layers: list[list[str]] = [[] for _ in range(LAYERS + 2)]  # 0 proposals, 1..LAYERS claims, last premises

    def add(kind: str, layer: int, i: int) -> None:
        sid = f"{kind[:4]}-{i}"
        statements.append(
            {
                "id": sid,
                "kind": kind,
                "text": _sentence(rng, kind),
                "paragraph": rng.randint(1, 40),
                "speaker": rng.choice(SPEAKERS),
                "tags": rng.sample(TAGS, rng.randint(0, 2)),
            }
        )
        layers[layer].append(sid)

    for i in range(n_prop):
        add("proposal", 0, i)
    for i in range(n_claim):
        # more claims in deeper layers, as in real maps
        add("claim", min(LAYERS, 1 + int(rng.random() ** 0.7 * LAYERS)), i)
    for i in range(n_premise):
        add("premise", LAYERS + 1, i)
    layers = [layer for layer in layers if layer]

    arguments: list[dict[str, Any]] = []
    for depth, conclusions in enumerate(layers[:-1]):
        below = layers[depth + 1][:]
        rng.shuffle(below)
        cursor = 0
        per = max(1, round(len(below) / max(1, len(conclusions)) / 2.2))
        for c in conclusions:
            for _ in range(rng.randint(1, 3)):
                k = min(len(below), rng.randint(1, min(4, per + 1)))
                premises = []
                for _ in range(k):
                    p = below[cursor % len(below)]
                    cursor += 1
                    if p not in premises:
                        premises.append(p)
                arguments.append(
                    {
                        "id": f"arg-{len(arguments)}",
                        "premises": premises,
                        "conclusion": c,
                        "scheme": rng.choice(SCHEMES),
                    }
                )
    attacks: list[dict[str, Any]] = []
    n_attacks = len(arguments) // 3
    premises_of = {a["id"]: set(a["premises"]) for a in arguments}
    ids = [s["id"] for s in statements]
    claims = [s["id"] for s in statements if s["kind"] != "premise"]
    premises_only = layers[-1]
    seen: set[tuple[str, str]] = set()
    while len(attacks) < n_attacks:
        kind = rng.choice(("rebut", "rebut", "undermine", "undercut"))
        source = rng.choice(ids)
        if kind == "undercut":
            target = rng.choice(arguments)["id"]
            if source in premises_of[target]:
                continue
        elif kind == "rebut":
            target = rng.choice(claims)
        else:
            target = rng.choice(premises_only)
        if source == target or (source, target) in seen:
            continue
        seen.add((source, target))
        attacks.append({"id": f"att-{len(attacks)}", "from": source, "to": target, "type": kind})
    return {
        "title": f"Synthetic map of {n} statements (seed {seed})",
        "statements": statements,
        "arguments": arguments,
        "attacks": attacks,
    }


def deepest_proposal(data: dict[str, Any]) -> str:
    """The proposal with the most arguments (all proposals reach the same depth)."""
    count: dict[str, int] = {}
    for a in data["arguments"]:
        count[a["conclusion"]] = count.get(a["conclusion"], 0) + 1
    proposals = [s["id"] for s in data["statements"] if s["kind"] == "proposal"]
    return max(proposals, key=lambda p: (count.get(p, 0), p))


def write(
    data: dict[str, Any], folder: Path, stem: str, formats: tuple[str, ...] = ("yaml", "json", "argdown", "aif")
) -> dict[str, Path]:
    """Write ``data`` in each of ``formats`` (the map format as YAML and JSON,
    and what argmap's own writers make of it); returns the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    out: dict[str, Path] = {}
    if "json" in formats:
        out["json"] = folder / f"{stem}.json"
        out["json"].write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    if "yaml" in formats:
        import yaml

        dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
        out["yaml"] = folder / f"{stem}.yaml"
        with out["yaml"].open("w", encoding="utf-8") as f:
            yaml.dump(data, f, Dumper=dumper, sort_keys=False, allow_unicode=True, width=100)
    others = [fmt for fmt in formats if fmt not in ("json", "yaml")]
    if others:
        from argmap.formats import FORMATS
        from argmap.graph import build_graph
        from argmap.validate import validate

        graph = build_graph(validate(data, name=stem))
        for fmt in others:
            spec = FORMATS.get(fmt)
            if spec is not None and spec.write and spec.read:
                out[fmt] = folder / f"{stem}.{fmt}"
                out[fmt].write_text(spec.writer()(graph, None), encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of statements")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    data = generate(args.n, args.seed)
    for fmt, path in write(data, args.folder, f"map-{args.n}").items():
        print(f"{fmt}: {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
