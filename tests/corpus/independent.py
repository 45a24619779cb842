"""What a third-party file holds, counted straight from its text: the yardstick
the corpus sweep holds argmap's reading against.

Nothing here imports argmap. Each counter reads the raw file the way the
format's own documentation describes it, so a disagreement with argmap means
one of the two is wrong, not that both share a mistake:

- AIF (AIFdb corpus form, OVA3/xAIF form): I-nodes are propositions; an
  RA-node with at least one I-node in and exactly one I-node out is an
  inference; a CA-node from one I-node to one I-node or inference is a
  conflict; an MA-node from I-nodes to one other I-node is a rephrase; an L-node anchored to
  an I-node by a YA-node says who asserted it (the participant named by the
  locution's personID, or the name before the colon of the L-node's text) and
  in what words;
- Kialo: every numbered line is a claim, a Pro a support, a Con an attack,
  ``-> See N.`` a link to claim N; backslash escapes stand for the character;
- Argdown: the reference CLI's JSON export, reduced to the shape of
  ``argmap.formats.argdown.Document.view()`` (see
  tests/conformance/argdown/README.md).
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from typing import Any

#: "Chris Philp : We follow the advice", "AudienceMember 20210912QT02: My parents..."
_SPEAKER = re.compile(r"^\s*([^:\n]{1,80}?)\s*:\s+(.*)$", re.S)


def _key(value: Any) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value) if isinstance(value, (int, str)) else None


def split_speaker(text: str) -> tuple[str | None, str]:
    """The speaker named before the first colon of a locution, and the words.

    >>> split_speaker("Chris Philp : We follow the advice")
    ('Chris Philp', 'We follow the advice')
    >>> split_speaker("We follow the advice")
    (None, 'We follow the advice')
    """
    m = _SPEAKER.match(text)
    if not m or len(m.group(1).split()) > 6:
        return None, text.strip()
    return m.group(1).strip(), m.group(2).strip()


def aif_counts(text: str) -> dict[str, Any]:
    """Node counts, well-formed relations and the speakers of an AIF JSON file."""
    doc = json.loads(text)
    body = doc["AIF"] if isinstance(doc.get("AIF"), dict) else doc
    nodes = {_key(n.get("nodeID")): n for n in body.get("nodes", []) if isinstance(n, dict)}
    kind = {k: str(n.get("type", "")).upper() for k, n in nodes.items()}
    into: dict[str, list[str]] = defaultdict(list)
    out: dict[str, list[str]] = defaultdict(list)
    for e in body.get("edges", []):
        a, b = _key(e.get("fromID")), _key(e.get("toID"))
        if a in nodes and b in nodes:
            out[a].append(b)
            into[b].append(a)
    types = Counter(kind.values())

    def of(ids: list[str], *wanted: str) -> list[str]:
        return [x for x in ids if kind[x] in wanted]

    inferences = [
        k
        for k, t in kind.items()
        if t == "RA"
        and of(into[k], "I")
        and len(of(out[k], "I")) == 1
        and not of(out[k], "RA", "CA")
        and not of(into[k], "RA")
        and not set(of(out[k], "I")) & set(of(into[k], "I"))
    ]  # concluding its own premise
    good = set(inferences)
    conflicts = [
        k
        for k, t in kind.items()
        if t == "CA" and len(of(into[k], "I")) == 1 and len([x for x in out[k] if kind[x] == "I" or x in good]) == 1
    ]
    rephrases = [
        k
        for k, t in kind.items()
        if t == "MA"
        and of(into[k], "I")
        and len(of(out[k], "I")) == 1
        and not set(of(out[k], "I")) & set(of(into[k], "I"))
    ]
    self_attacks = [k for k in conflicts if of(into[k], "I") == of(out[k], "I")]
    names = {}
    for p in body.get("participants") or []:
        if isinstance(p, dict) and _key(p.get("participantID")) is not None:
            full = " ".join(str(p.get(f) or "").strip() for f in ("firstname", "surname")).strip()
            if full:
                names[_key(p.get("participantID"))] = full
    person = {}
    for loc in body.get("locutions") or []:
        if isinstance(loc, dict) and _key(loc.get("nodeID")) in nodes:
            person.setdefault(_key(loc.get("nodeID")), _key(loc.get("personID")))
    # every way the file says who asserted an I-node, and in what words
    said: dict[str, list[tuple[str | None, str]]] = defaultdict(list)
    for ya, t in kind.items():
        if t != "YA":
            continue
        for l_node in of(into[ya], "L"):
            raw = nodes[l_node].get("text")
            if not isinstance(raw, str) or not raw.strip():
                continue
            prefix, words = split_speaker(raw)
            who = names.get(person.get(l_node)) if person.get(l_node) in names else prefix
            if who is None:
                words = raw.strip()
            for i_node in of(out[ya], "I"):
                said[i_node].append((who, words))
    statements = {k: " ".join(str(nodes[k].get("text", "")).split()) for k, t in kind.items() if t == "I"}
    return {
        "types": dict(types),
        "statements": statements,
        "inferences": len(inferences),
        "conflicts": len(conflicts),
        "self_attacks": len(self_attacks),
        "rephrases": len(rephrases),
        "malformed": (types.get("RA", 0) - len(inferences))
        + (types.get("CA", 0) - len(conflicts))
        + sum(1 for k, t in kind.items() if t == "I" and of(out[k], "I")),  # I-nodes never connect directly
        "said": dict(said),
    }


_CLAIM = re.compile(r"^(\d+(?:\.\d+)*)\.\s+(?:(Pro|Con):\s+)?(.*)$")
_LINK = re.compile(r"^->\s*See\s+(\d+(?:\.\d+)*)\.?\s*$")
_ESCAPE = re.compile(r"\\(.)")


def kialo_counts(text: str) -> dict[str, Any]:
    """Claims, supports, attacks and links of a Kialo discussion export."""
    claims: list[dict[str, Any]] = []
    for line in text.splitlines():
        m = _CLAIM.match(line)
        if m:
            claims.append({"number": m.group(1), "stance": m.group(2), "text": m.group(3)})
        elif claims and line.strip():
            claims[-1]["text"] += "\n" + line
    links = [c for c in claims if _LINK.match(c["text"].strip())]
    texts = [" ".join(_ESCAPE.sub(r"\1", c["text"]).split()) for c in claims if c not in links]
    return {
        "statements": len(texts),
        "texts": texts,
        "supports": sum(c["stance"] == "Pro" for c in claims),
        "attacks": sum(c["stance"] == "Con" for c in claims),
        "links": len(links),
        "escapes": sum(len(_ESCAPE.findall(c["text"])) for c in claims),
    }


def _tags(items: list[dict]) -> list[str]:
    return sorted({t for m in items for t in (m.get("tags") or [])})


def reference_view(export: dict[str, Any]) -> dict[str, Any]:
    """The reference CLI's JSON export in the shape of argmap's ``Document.view()``:
    the text of the first member that has one (stripped; None when no member has
    text), tags sorted, relations deduplicated and sorted."""
    statements = {}
    for title, ec in export.get("statements", {}).items():
        members = ec.get("members") or []
        texts = [m["text"].strip() for m in members if (m.get("text") or "").strip()]
        statements[title] = {
            "text": texts[0] if texts else None,
            "tags": sorted(set(ec.get("tags") or []) | set(_tags(members))),
        }
    arguments = {}
    for title, arg in export.get("arguments", {}).items():
        members = arg.get("members") or []
        texts = [m["text"].strip() for m in members if (m.get("text") or "").strip()]
        arguments[title] = {
            "description": texts[0] if texts else None,
            "tags": sorted(set(arg.get("tags") or []) | set(_tags(members))),
            "pcs": [{"title": p.get("title"), "role": p.get("role")} for p in arg.get("pcs") or []],
        }
    relations = {
        json.dumps(
            {
                "type": r.get("relationType"),
                "from": r.get("from"),
                "fromType": r.get("fromType"),
                "to": r.get("to"),
                "toType": r.get("toType"),
            },
            sort_keys=True,
        )
        for r in export.get("relations", [])
    }
    return {"statements": statements, "arguments": arguments, "relations": [json.loads(r) for r in sorted(relations)]}


def parse_reference_output(stdout: str) -> dict[str, Any] | str:
    """The reference CLI's JSON export from its stdout, or its error report as text."""
    start = stdout.find("{")
    if "syntax error" in stdout.lower() or "canceled" in stdout.lower() or start < 0:
        return re.sub(r"\x1b\[[0-9;]*m", "", stdout).strip()
    export, _ = json.JSONDecoder().raw_decode(stdout[start:])
    return export
