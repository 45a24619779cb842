"""The map as a networkx graph, and small queries over it.

Nodes are statements (``kind`` proposal, claim or premise) and arguments
(``kind`` "argument"), each carrying every field of the map as attributes.
Edges are typed by their ``type`` attribute:

- ``premise``: statement -> argument it is a premise of;
- ``conclusion``: argument -> the statement it concludes;
- ``rebut`` / ``undermine`` / ``undercut``: attacking statement -> target
  (a statement, or an argument for undercut), with the attack's fields.

Examples
--------
>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap.model_validate({"title": "T", "statements": [
...     {"id": "p", "kind": "premise", "text": "P."},
...     {"id": "c", "kind": "proposal", "text": "C."},
...     {"id": "x", "kind": "claim", "text": "X."}],
...   "arguments": [{"id": "a", "premises": ["p"], "conclusion": "c"}],
...   "attacks": [{"id": "t", "from": "x", "to": "a", "type": "undercut"}]})
>>> G = build_graph(m)
>>> sorted((u, v, d["type"]) for u, v, d in G.edges(data=True))
[('a', 'c', 'conclusion'), ('p', 'a', 'premise'), ('x', 'a', 'undercut')]
"""

from __future__ import annotations

from typing import Any

from .collector import collector_paused
from .terms import ARGUMENT, ARGUMENT_FIELDS, ATTACK_FIELDS, ATTACK_TYPES, PREMISE_TOO, SOURCE_FIELDS, STATEMENT_FIELDS

#: a map's graph: the ``networkx.DiGraph`` :func:`build_graph` makes, or a view of
#: one (networkx ships no type information, so this is ``Any`` to the type checker)
Graph = Any


def build_graph(amap: Any) -> Graph:
    """A directed graph of the map's statements, arguments, supports and attacks.

    Graph attributes: ``title``, ``description``, ``source`` (a dict) and
    ``attacks`` (attack edges in map order, so writers keep the map's order).

    Nodes come in map order (statements, then arguments); edges in the order
    premise edges (argument by argument), conclusion edges, attack edges, so
    every adjacency dict lists them that way too.
    """
    import networkx as nx

    source = amap.source.model_dump(exclude_none=True) if amap.source else None
    G = nx.DiGraph(title=amap.title, description=amap.description, source=source, speakers=amap.speakers)
    with collector_paused():
        _fill(
            G,
            [{k: v for k, v in s.__dict__.items() if v is not None} for s in amap.statements],
            [{k: v for k, v in a.__dict__.items() if v is not None} for a in amap.arguments],
            [{k: v for k, v in t.__dict__.items() if v is not None} for t in amap.attacks],
            "from_",
        )
    return G


def graph_from_trusted(data: dict[str, Any]) -> Graph:
    """The graph of a map given as plain data that is already known to be valid.

    Makes exactly what ``build_graph(ArgumentMap.model_validate(data))`` makes
    (fields in schema order, lists as tuples, empty ``tags`` where none are
    given) without building the models. Only for data that needs no
    validation: the embedded map, which ships with argmap and which the test
    suite validates, quotes included; user input always goes through
    :mod:`argmap.validate`.

    >>> G = graph_from_trusted({"title": "T", "statements": [{"text": "P.", "kind": "premise", "id": "p"}]})
    >>> G.nodes["p"]
    {'id': 'p', 'kind': 'premise', 'text': 'P.', 'tags': ()}
    """

    def plain(item: dict[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
        out = {}
        for k in fields:
            v = item.get(k, () if k == "tags" else None)
            if v is not None:
                out[k] = tuple(v) if isinstance(v, list) else v
        return out

    import networkx as nx

    source = data.get("source")
    G = nx.DiGraph(
        title=data["title"],
        description=data.get("description"),
        source=plain(source, SOURCE_FIELDS) if source else None,
        speakers=data.get("speakers"),
    )
    with collector_paused():
        _fill(
            G,
            [plain(s, STATEMENT_FIELDS) for s in data["statements"]],
            [plain(a, ARGUMENT_FIELDS) for a in data.get("arguments") or ()],
            [plain(t, ATTACK_FIELDS) for t in data.get("attacks") or ()],
            "from",
        )
    return G


def graph_from_validated(data: dict[str, Any]) -> Graph:
    """The graph of a map validated by :func:`argmap.validate.validate_plain`:
    exactly what :func:`build_graph` makes of the same map's models.

    The graph takes the item dicts over as its node and edge attribute dicts
    (arguments gain ``kind``, attacks lose ``from`` and ``to``), so ``data``
    must not be used afterwards: nothing is copied.

    >>> from argmap.validate import validate_plain
    >>> G = graph_from_validated(validate_plain({"title": "T", "statements": [
    ...     {"id": "p", "kind": "premise", "text": "P."}, {"id": "c", "kind": "claim", "text": "C."}],
    ...     "arguments": [{"id": "a", "premises": ["p"], "conclusion": "c"}]}, name="x"))
    >>> G.nodes["a"]
    {'id': 'a', 'premises': ('p',), 'conclusion': 'c', 'tags': (), 'kind': 'argument'}
    """
    import networkx as nx

    G = nx.DiGraph(
        title=data["title"],
        description=data.get("description"),
        source=data.get("source"),
        speakers=data.get("speakers"),
    )
    with collector_paused():
        _fill(G, data["statements"], data["arguments"], data["attacks"], "from")
    return G


def _fill(G: Graph, statements: list[dict], arguments: list[dict], attacks: list[dict], source: str) -> None:
    """Fill an empty DiGraph's own dicts in one pass from the items' attribute
    dicts (``source`` names the attacks' "from" key): what ``add_nodes_from``
    and ``add_edges_from`` would make, without their per-item checks, copies
    and ``update`` calls, which took most of the time on big maps.

    networkx documents this structure (``G._node[n]`` is n's attribute dict,
    ``G._succ[u][v] is G._pred[v][u]`` the edge's attribute dict; DiGraph's
    dict factories are plain ``dict``). It is valid for a map that passed
    validation: every id is unique, every edge's ends exist and no two edges
    join the same pair, so nothing is merged or overwritten, except that a
    premise undercutting its own argument makes one edge, the premise edge updated
    with the undercut and marked ``PREMISE_TOO`` (see :func:`argmap.terms.is_support`).
    ``tests/test_fast_paths.py`` checks it against the networkx methods. At
    100,000 statements it fills the graph in 0.75-1.0 s of CPU; the same graph
    made with ``add_nodes_from``/``add_edges_from`` took 1.4-1.6 s (collector
    paused for both, three runs).
    """
    node, succ, pred = G._node, G._succ, G._pred
    for attrs in statements:
        n = attrs["id"]
        node[n] = attrs
        succ[n] = {}
        pred[n] = {}
    for attrs in arguments:
        n = attrs["id"]
        attrs["kind"] = ARGUMENT
        node[n] = attrs
        succ[n] = {}
        pred[n] = {}
    for attrs in arguments:
        a = attrs["id"]
        into = pred[a]
        for p in attrs["premises"]:
            d = {"type": "premise"}
            succ[p][a] = d
            into[p] = d
    for attrs in arguments:
        a, c = attrs["id"], attrs["conclusion"]
        d = {"type": "conclusion"}
        succ[a][c] = d
        pred[c][a] = d
    edges = []
    for attrs in attacks:
        u = attrs.pop(source)
        v = attrs.pop("to")
        premise = succ[u].get(v)
        if premise is not None:  # a premise undercutting its own argument: one edge for both
            premise.update(attrs)  # as networkx's add_edges_from does, and marked
            premise[PREMISE_TOO] = True
            attrs = premise
        succ[u][v] = attrs
        pred[v][u] = attrs
        edges.append((u, v))
    G.graph["attacks"] = edges


def map_source(G: Graph, source_file: str | None = None) -> dict[str, Any] | None:
    """The map's ``source`` (a dict), with ``file`` replaced by ``source_file`` when
    that is given (a map written to another folder: see
    :func:`argmap.export.relocated_source`); None when the map names no source.

    >>> map_source(_demo()) is None
    True
    """
    source = G.graph.get("source")
    if not source:
        return None
    return {**source, "file": source_file} if source_file and "file" in source else source


def map_data(G: Graph, *, source_file: str | None = None) -> dict[str, Any]:
    """The map a graph holds, as plain data in the map format (schema order),
    ``source.file`` replaced by ``source_file`` when that is given.

    ``load(map_data(build_graph(m))) == m``; it works on subgraph views too
    (arguments keep only premises still in the view). Every writer of the
    map itself (YAML, JSON, Argdown, AIF) writes what this returns.
    """

    plans: dict[tuple[str, ...], tuple[str, ...]] = {}  # the keys an item has -> the fields to write, in order

    def ordered(attrs: dict[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
        keys = tuple(attrs)
        plan = plans.get(keys)
        if plan is None:  # items come in a few shapes only: each is planned once
            plan = plans[keys] = tuple(name for name in fields if name in attrs)
        return {
            name: list(value) if type(value) is tuple else value
            for name in plan
            if (value := attrs[name]) is not None and value != ()
        }

    data: dict[str, Any] = {"title": G.graph["title"]}
    if G.graph.get("description"):
        data["description"] = G.graph["description"]
    source = map_source(G, source_file)
    if source:
        data["source"] = source
    if G.graph.get("speakers"):
        data["speakers"] = dict(G.graph["speakers"])
    nodes = G.nodes
    present = G._node  # the node dict (a filtered one in a view): membership without NodeView's call
    data["statements"] = [ordered(d, STATEMENT_FIELDS) for _, d in nodes(data=True) if d["kind"] != ARGUMENT]
    arguments = []
    for _, d in nodes(data=True):
        if d["kind"] == ARGUMENT:
            kept = tuple(p for p in d["premises"] if p in present)  # a view may leave some out
            arguments.append(ordered(d if len(kept) == len(d["premises"]) else dict(d, premises=kept), ARGUMENT_FIELDS))
    if arguments:
        data["arguments"] = arguments
    attacks = [
        ordered({**G.edges[u, v], "from": u, "to": v}, ATTACK_FIELDS)
        for u, v in G.graph.get("attacks", ())
        if G.has_edge(u, v)
    ]
    if attacks:
        data["attacks"] = attacks
    return data


def is_argument(G: Graph, node: str) -> bool:
    """Whether ``node`` is an argument (rather than a statement)."""
    return G.nodes[node]["kind"] == ARGUMENT


def statements(G: Graph, kind: str | None = None) -> list[str]:
    """Statement ids in map order, optionally only those of one kind.

    >>> statements(_demo(), "premise")
    ['p']
    """
    return [n for n, k in G.nodes(data="kind") if k != ARGUMENT and (kind is None or k == kind)]


def arguments_for(G: Graph, node: str) -> list[str]:
    """The arguments concluding statement ``node``, in map order.

    >>> arguments_for(_demo(), "c")
    ['a']
    """
    return [u for u, _, t in G.in_edges(node, data="type") if t == "conclusion"]


def premises(G: Graph, argument: str) -> list[str]:
    """The premises of an argument, in the order the map lists them.

    >>> premises(_demo(), "a")
    ['p']
    """
    nodes = G._node  # the node dict (a filtered one in a view): no view object per call
    return [p for p in nodes[argument]["premises"] if p in nodes]


def conclusion(G: Graph, argument: str) -> str:
    """The statement an argument concludes.

    >>> conclusion(_demo(), "a")
    'c'
    """
    return G.nodes[argument]["conclusion"]


def is_means_step(G: Graph, argument: str) -> bool:
    """Whether an argument runs from goal to means: it concludes a proposal from
    premises of which at least one is a proposal (the goal the conclusion serves).

    >>> G = _means_demo()
    >>> is_means_step(G, "a-bike"), is_means_step(G, "a-health")
    (True, False)
    """
    d = G.nodes[argument]
    kinds = G.nodes
    return kinds[d["conclusion"]]["kind"] == "proposal" and any(
        p in kinds and kinds[p]["kind"] == "proposal" for p in d["premises"]
    )


def means_of(G: Graph, proposal: str) -> list[str]:
    """The goal-to-means arguments that start from ``proposal``, in map order:
    each concludes a proposal that serves it.

    >>> means_of(_means_demo(), "fitter"), means_of(_means_demo(), "health")
    (['a-bike'], [])
    """
    if G.nodes[proposal]["kind"] != "proposal":
        return []
    return [a for a, t in G.succ[proposal].items() if t["type"] == "premise" and is_means_step(G, a)]


def goals_of(G: Graph, proposal: str) -> list[str]:
    """The goal-to-means arguments that conclude ``proposal``, in map order: a
    proposal with none serves no other proposal.

    >>> goals_of(_means_demo(), "bike"), goals_of(_means_demo(), "fitter")
    (['a-bike'], [])
    """
    return [a for a in arguments_for(G, proposal) if is_means_step(G, a)]


def _means_demo() -> Graph:
    """A goal, a means to it and a reason for the goal, for the doctests."""
    return _doctest_graph(
        [
            ("fitter", "proposal", "Get fitter."),
            ("bike", "proposal", "Cycle to work."),
            ("health", "premise", "Fitness keeps you healthy."),
        ],
        [
            {"id": "a-bike", "premises": ["fitter"], "conclusion": "bike"},
            {"id": "a-health", "premises": ["health"], "conclusion": "fitter"},
        ],
    )


def attacks_on(G: Graph, node: str) -> list[tuple[str, str, str]]:
    """``(attacker, type, attack id)`` for every attack on ``node``, in map order.

    >>> attacks_on(_demo(), "a")
    [('x', 'undercut', 't')]
    """
    return [(u, d["type"], d["id"]) for u, _, d in G.in_edges(node, data=True) if d["type"] in ATTACK_TYPES]


def upstream(G: Graph, roots: list[str]) -> set[str]:
    """``roots`` and everything that bears on them, recursively: their reasons,
    premises and attackers (what a tree of ``argmap show`` rooted there can reach).

    >>> sorted(upstream(_demo(), ["c"]))
    ['a', 'c', 'p', 'x']
    """
    seen = set(roots)
    stack = list(roots)
    pred = G.pred
    while stack:
        for parent in pred[stack.pop()]:
            if parent not in seen:
                seen.add(parent)
                stack.append(parent)
    return seen


def means_below(G: Graph, goals: list[str], seen: set[str]) -> set[str]:
    """``seen`` with ``goals`` and every proposal that serves them, directly or
    through other means, added in place (what ``seen`` holds is not walked again).

    >>> sorted(means_below(_means_demo(), ["fitter"], set()))
    ['bike', 'fitter']
    """
    stack = [g for g in goals if g not in seen]
    seen.update(stack)
    while stack:
        for a in means_of(G, stack.pop()):
            c = G.nodes[a]["conclusion"]
            if c not in seen:
                seen.add(c)
                stack.append(c)
    return seen


def _demo() -> Graph:
    """The small graph the doctests use."""
    return _doctest_graph(
        [("p", "premise", "P."), ("c", "proposal", "C."), ("x", "claim", "X.")],
        [{"id": "a", "premises": ["p"], "conclusion": "c"}],
        ({"id": "t", "from": "x", "to": "a", "type": "undercut"},),
    )


def _doctest_graph(
    statements: list[tuple[str, str, str]], arguments: list[dict], attacks: tuple[dict, ...] = ()
) -> Graph:
    """The graph of a small map given as ``(id, kind, text)`` statements, arguments and attacks."""
    from .model import ArgumentMap

    return build_graph(
        ArgumentMap.model_validate(
            {
                "title": "T",
                "statements": [{"id": i, "kind": k, "text": t} for i, k, t in statements],
                "arguments": arguments,
                "attacks": list(attacks),
            }
        )
    )


def require(G: Graph, node: str) -> str:
    """``node`` if the map has it; otherwise a :class:`~argmap.errors.NotFound`
    error suggesting the closest ids (or, for an attack's id, what it joins).

    >>> require(_demo(), "c")
    'c'
    """
    if node in G:
        return node
    from .errors import NotFound

    for u, v in G.graph.get("attacks", ()):
        if G.has_edge(u, v) and G.edges[u, v].get("id") == node:
            kind = G.edges[u, v]["type"]
            raise NotFound(
                f"'{node}' is an attack ({u} {kind}s {v}), not a statement or argument.",
                hint=f"Ask about '{v}' (what it attacks) or '{u}' (the attacker).",
            )
    raise NotFound(f"no statement or argument has the id '{node}'.", hint=suggest(G, node))


def suggest(G: Graph, node: str) -> str:
    """``Did you mean ...?`` naming up to three ids close to ``node``.

    Tried in turn: ids containing ``node`` (statements first, then the
    shortest), ids containing all its words, ids spelled alike, statements whose text contains it.

    >>> suggest(_demo(), "X ")
    "Did you mean 'x'? (`argmap find TEXT` searches the map.)"
    >>> suggest(_demo(), "nothing like it")
    'No id or text is close to it: `argmap find TEXT` searches the map, `argmap list` shows every id.'
    """
    import difflib
    import re

    query = "-".join(node.lower().replace("_", "-").split())
    words = [w for w in re.split(r"[^a-z0-9]+", query) if w]
    ids = list(G.nodes)

    def rank(n: str) -> tuple[bool, int, str]:  # statements first, then shorter ids
        return G.nodes[n]["kind"] == ARGUMENT, len(n), n

    close: list[str] = []
    if query:
        close = sorted((n for n in ids if query in n), key=rank) if len(query) >= 2 else []
        if not close and len(words) > 1:
            close = sorted((n for n in ids if all(w in n for w in words)), key=rank)
        if not close:
            close = difflib.get_close_matches(query, ids, n=3, cutoff=0.6)
        if not close:
            needle = " ".join(node.lower().split())
            close = sorted(n for n, t in G.nodes(data="text") if t and needle in t.lower())
    if close:
        return "Did you mean " + ", ".join(f"'{c}'" for c in close[:3]) + "? (`argmap find TEXT` searches the map.)"
    return "No id or text is close to it: `argmap find TEXT` searches the map, `argmap list` shows every id."


def speaker_name(G: Graph, speaker: str | None) -> str | None:
    """The name to show for ``speaker``: the map's ``speakers`` entry, else the speaker as written.

    >>> import networkx as nx
    >>> G = nx.DiGraph(speakers={"chinese-scholar": "a Chinese scholar"})
    >>> speaker_name(G, "chinese-scholar"), speaker_name(G, "author"), speaker_name(G, None)
    ('a Chinese scholar', 'author', None)
    """
    if speaker is None:
        return None
    return (G.graph.get("speakers") or {}).get(speaker, speaker)


def _require_value(G: Graph, what: str, value: str, values: list[Any]) -> None:
    """A :class:`~argmap.errors.NotFound` naming the ones there are, unless some
    item of the map has ``value`` (ignoring case) among ``values``."""
    import difflib

    from .errors import NotFound

    known = sorted({v for v in values if v})
    if value.lower() in (v.lower() for v in known):
        return
    close = [v for v in known if value.lower() in v.lower()] or difflib.get_close_matches(value, known, n=3)
    hint = f"Did you mean {', '.join(repr(c) for c in close[:3])}? " if close else ""
    listed = ", ".join(known[:30]) + (f" and {len(known) - 30} more" if len(known) > 30 else "")
    hint += f"The map's {what}s: {listed}." if known else f"No item of the map has a {what}."
    raise NotFound(f"no statement has the {what} '{value}'.", hint=hint)


def statement_rows(
    G: Graph, *, kind: str | None = None, speaker: str | None = None, tag: str | None = None
) -> list[dict[str, Any]]:
    """Statements as plain rows sorted by id, optionally filtered by kind, speaker, tag.

    Every row has ``id, kind, text, quote, paragraph, speaker, tags`` (None or
    [] where the map says nothing).

    >>> [r["id"] for r in statement_rows(_demo())]
    ['c', 'p', 'x']
    """
    names = G.graph.get("speakers") or {}
    if speaker:
        # a speaker is asked for by its id or by the name the map gives it
        speaker = next((k for k, v in names.items() if v.lower() == speaker.lower()), speaker)
        _require_value(G, "speaker", speaker, [d.get("speaker") for _, d in G.nodes(data=True)])
    if tag:
        _require_value(G, "tag", tag, [t for _, d in G.nodes(data=True) for t in d.get("tags", ())])
    rows = []
    for n, d in G.nodes(data=True):
        if d["kind"] == ARGUMENT or (kind and d["kind"] != kind):
            continue
        if speaker and (d.get("speaker") or "").lower() != speaker.lower():
            continue
        if tag and tag.lower() not in (t.lower() for t in d.get("tags", ())):
            continue
        rows.append(
            {
                "id": n,
                "kind": d["kind"],
                "text": d["text"],
                "quote": d.get("quote"),
                "paragraph": d.get("paragraph"),
                "speaker": d.get("speaker"),
                "tags": list(d.get("tags", ())),
                **({"note": d["note"]} if d.get("note") else {}),
            }
        )
    rows.sort(key=lambda r: r["id"])
    return rows
