"""Shared by the apx and tgf formats: framework node names as written, and a
framework read back as a map.

Written names are safe for every ICCMA reader (ASPARTIX reads apx as logic
program facts, so a name must be a constant: lowercase letters, digits and
``_``, starting with a letter): ``-`` becomes ``_``, the auxiliary nodes
``not:P`` and ``unsupported:S`` become ``not__P`` and ``unsupported__S``, and
an id starting with a digit gets the prefix ``id__``. Slugs never contain
``_``, so the mapping is reversible.

Reading a framework back: when the names and attacks are exactly those argmap
writes, the map's statements, arguments (premises and conclusion) and attacks
come back (texts, kinds and quotes are not in these formats: each text is its
id, statements argued for are claims, the others premises). Any other
framework is read node for node: each argument a claim, each attack a rebut.
Either way the map evaluates to the same labels as the framework.

>>> written_name("not:6n-partnership"), written_name("6n-partnership"), written_name("sco-core")
('not__6n_partnership', 'id__6n_partnership', 'sco_core')
>>> read_name("unsupported__sco_core")
'unsupported:sco-core'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import MapInvalid, Problem

if TYPE_CHECKING:
    from ..graph import Graph

_AUX = ("not", "unsupported")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def written_name(name: str) -> str:
    """The name of a framework node as apx and tgf files spell it."""
    prefix, sep, rest = name.partition(":")
    if sep and prefix in _AUX:
        return f"{prefix}__{rest.replace('-', '_')}"
    name = name.replace("-", "_")
    return f"id__{name}" if name[:1].isdigit() else name


def read_name(token: str) -> str:
    """The framework node name a written name stands for (inverse of :func:`written_name`)."""
    prefix, sep, rest = token.partition("__")
    if sep and prefix in _AUX:
        return f"{prefix}:{rest.replace('_', '-')}"
    if sep and prefix == "id":
        token = rest
    return token.replace("_", "-")


def framework_lines(graph: Graph) -> tuple[list[str], list[tuple[str, str]]]:
    """The framework of a map's graph: written node names, and attacks as name pairs."""
    from ..analysis.framework import framework

    af = framework(graph)
    names = [written_name(n) for n in af.names]
    return names, [(names[u], names[v]) for u, v in af.attacks]


def framework_map(names: list[str], attacks: list[tuple[str, str]], labels: dict[str, str], *, name: str) -> Any:
    """A validated map for a framework read from a file: argmap's own structure
    when the file is one argmap wrote, otherwise one claim per node.

    ``labels`` gives a text for nodes that have one in the file (tgf labels).
    """
    from ..validate import validate

    title = f"Argumentation framework read from {name}"
    data = _as_argmap(names, attacks, labels, title)
    if data is not None:
        try:
            return validate(data, name=name)
        except MapInvalid:
            pass
    return validate(_node_for_node(names, attacks, labels, title), name=name)


@dataclass
class _Parts:
    """What the auxiliary nodes of a framework argmap wrote say (see :mod:`argmap.analysis.framework`)."""

    premises: dict[str, list[str]] = field(default_factory=dict)  # argument -> premises
    conclusion: dict[str, str] = field(default_factory=dict)  # argument -> conclusion
    rejected_by: dict[str, str] = field(default_factory=dict)  # not:P -> the P attacking it
    supporting: dict[str, list[str]] = field(default_factory=dict)  # unsupported:S -> the arguments attacking it
    concluded_target: dict[str, str] = field(default_factory=dict)  # unsupported:S -> S, as attacked
    plain_attacks: list[tuple[str, str]] = field(default_factory=list)


def _parts(decoded_attacks: list[tuple[str, str]]) -> _Parts | None:
    """Each attack sorted by the auxiliary nodes at its ends; None when one could
    not come from argmap's construction."""
    parts = _Parts()
    for u, v in decoded_attacks:
        if u == v and ":" in u:  # argmap's own nodes never attack themselves; a statement may
            return None
        ukind, _, urest = u.partition(":") if ":" in u else ("", "", u)
        vkind, _, vrest = v.partition(":") if ":" in v else ("", "", v)
        if vkind == "not":
            if ukind or u != vrest or v in parts.rejected_by:
                return None
            parts.rejected_by[v] = u
        elif ukind == "not":
            if vkind:
                return None
            parts.premises.setdefault(v, []).append(urest)
        elif vkind == "unsupported":
            if ukind or u in parts.conclusion:
                return None
            parts.conclusion[u] = vrest
            parts.supporting.setdefault(v, []).append(u)
        elif ukind == "unsupported":
            if vkind or v != urest or u in parts.concluded_target:
                return None
            parts.concluded_target[u] = v
        else:
            parts.plain_attacks.append((u, v))
    return parts


def _complete(parts: _Parts, aux: list[str], plain: set[str]) -> bool:
    """Whether every auxiliary node, premise and argument is wired as argmap wires them."""
    for a in aux:
        kind, _, base = a.partition(":")
        if base not in plain:
            return False
        if kind == "not" and parts.rejected_by.get(a) != base:
            return False
        if kind == "unsupported" and (parts.concluded_target.get(a) != base or not parts.supporting.get(a)):
            return False
    if set(parts.premises) != set(parts.conclusion):
        return False
    if any(f"not:{p}" not in parts.rejected_by for ps in parts.premises.values() for p in ps):
        return False
    return not any(u in parts.conclusion for u, _ in parts.plain_attacks)


def _as_argmap(
    names: list[str], attacks: list[tuple[str, str]], labels: dict[str, str], title: str
) -> dict[str, Any] | None:
    """The map argmap wrote this framework from, or None if it is not one of
    ours (or has no arguments, so node for node says the same)."""
    decoded = {n: read_name(n) for n in names}
    if len(set(decoded.values())) != len(names) or not any(":" in d for d in decoded.values()):
        return None
    plain = [decoded[n] for n in names if ":" not in decoded[n]]
    aux = [decoded[n] for n in names if ":" in decoded[n]]
    if not all(_SLUG.match(p) for p in plain) or not all(_SLUG.match(a.partition(":")[2]) for a in aux):
        return None
    parts = _parts([(decoded[u], decoded[v]) for u, v in attacks])
    if parts is None or not _complete(parts, aux, set(plain)):
        return None
    arguments = set(parts.conclusion)
    concluded = set(parts.conclusion.values())
    written = {decoded[n]: n for n in names}
    statements = [
        {"id": p, "kind": "claim" if p in concluded else "premise", "text": labels.get(written[p]) or p}
        for p in plain
        if p not in arguments
    ]
    data: dict[str, Any] = {"title": title, "statements": statements}
    if arguments:
        data["arguments"] = [
            {"id": a, "premises": parts.premises[a], "conclusion": parts.conclusion[a]} for a in plain if a in arguments
        ]
    if parts.plain_attacks:
        taken = set(plain)
        data["attacks"] = [
            {
                "id": _fresh(f"attack-{i}", taken),
                "from": u,
                "to": v,
                "type": "undercut" if v in arguments else "rebut" if v in concluded else "undermine",
            }
            for i, (u, v) in enumerate(parts.plain_attacks, 1)
        ]
    return data


def _node_for_node(
    names: list[str], attacks: list[tuple[str, str]], labels: dict[str, str], title: str
) -> dict[str, Any]:
    """Any framework as a map: each node a claim no argument concludes, each
    attack a rebut (a node attacking itself too: a self-defeating claim)."""
    taken: set[str] = set()
    ids = {n: _fresh(_slugify(read_name(n)), taken) for n in names}
    statements = [{"id": ids[n], "kind": "claim", "text": labels.get(n) or n} for n in names]
    out_attacks = [
        {"id": _fresh(f"attack-{i}", taken), "from": ids[u], "to": ids[v], "type": "rebut"}
        for i, (u, v) in enumerate(attacks, 1)
    ]
    data: dict[str, Any] = {"title": title, "statements": statements}
    if out_attacks:
        data["attacks"] = out_attacks
    return data


def _slugify(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug[:180] or "node"


def _fresh(candidate: str, taken: set[str]) -> str:
    """``candidate``, or ``candidate-2``, ``-3``... whichever is not taken yet (then taken)."""
    out, k = candidate, 1
    while out in taken:
        k += 1
        out = f"{candidate}-{k}"
    taken.add(out)
    return out


def problem(name: str, message: str, line: int, column: int | None = None, hint: str = "") -> MapInvalid:
    """A one-problem :class:`MapInvalid` at a line of a framework file."""
    return MapInvalid(name, [Problem(message, line=line, column=column, hint=hint)])
