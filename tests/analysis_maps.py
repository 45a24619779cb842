"""Random small maps and frameworks for the analysis tests (hypothesis strategies),
and brute-force references to check the fast algorithms against."""

from __future__ import annotations

import itertools

from hypothesis import strategies as st

from argmap.graph import build_graph
from argmap.model import ArgumentMap

IN, OUT, UNDEC = "in", "out", "undec"


@st.composite
def frameworks(draw, max_nodes: int = 7):
    """(n, attacks) with self-attacks and cycles allowed."""
    n = draw(st.integers(0, max_nodes))
    pairs = [(u, v) for u in range(n) for v in range(n)]
    attacks = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=3 * n)) if pairs else []
    return n, attacks


@st.composite
def maps(draw, max_statements: int = 6, max_arguments: int = 4, max_attacks: int = 4):
    """A valid map: statements, arguments (possibly cyclic support), and attacks
    (rebut/undermine on statements, undercut on arguments)."""
    n = draw(st.integers(1, max_statements))
    ids = [f"s{i}" for i in range(n)]
    kinds = [draw(st.sampled_from(["proposal", "claim", "premise"])) for _ in ids]
    arguments = []
    for j in range(draw(st.integers(0, max_arguments if n > 1 else 0))):
        conclusion = draw(st.sampled_from(ids))
        others = [i for i in ids if i != conclusion]
        premises = draw(st.lists(st.sampled_from(others), min_size=1, max_size=3, unique=True))
        arguments.append({"id": f"a{j}", "premises": premises, "conclusion": conclusion})
    attacks, pairs = [], set()
    for k in range(draw(st.integers(0, max_attacks))):
        source = draw(st.sampled_from(ids))
        targets = [i for i in ids if i != source] + [a["id"] for a in arguments if source not in a["premises"]]
        if not targets:
            continue
        target = draw(st.sampled_from(targets))
        if (source, target) in pairs:
            continue
        pairs.add((source, target))
        kind = "undercut" if target.startswith("a") else draw(st.sampled_from(["rebut", "undermine"]))
        attacks.append({"id": f"t{k}", "from": source, "to": target, "type": kind})
    return {
        "title": "Random",
        "statements": [{"id": i, "kind": k, "text": f"Statement {i}."} for i, k in zip(ids, kinds, strict=True)],
        "arguments": arguments,
        "attacks": attacks,
    }


def graph(data: dict) -> object:
    return build_graph(ArgumentMap.model_validate(data))


def complete_labellings(n: int, attacks: list[tuple[int, int]]) -> list[tuple[str, ...]]:
    """Every complete labelling, by trying all 3^n (Caminada's definition)."""
    attackers = [[u for u, v in attacks if v == w] for w in range(n)]
    out = []
    for lab in itertools.product((IN, OUT, UNDEC), repeat=n):
        ok = True
        for v in range(n):
            labels = [lab[u] for u in attackers[v]]
            want = IN if all(x == OUT for x in labels) else OUT if IN in labels else UNDEC
            if lab[v] != want:
                ok = False
                break
        if ok:
            out.append(lab)
    return out


def select(labellings: list[tuple[str, ...]], semantics: str) -> list[list[str]]:
    """Grounded (least IN), preferred (maximal IN) or stable (no UNDEC) among complete labellings."""
    ins = [frozenset(i for i, x in enumerate(lab) if x == IN) for lab in labellings]
    if semantics == "grounded":
        chosen = [lab for lab, s in zip(labellings, ins, strict=True) if all(s <= t for t in ins)]
    elif semantics == "preferred":
        chosen = [lab for lab, s in zip(labellings, ins, strict=True) if not any(s < t for t in ins)]
    else:
        chosen = [lab for lab in labellings if UNDEC not in lab]
    return sorted(list(lab) for lab in chosen)
