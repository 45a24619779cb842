"""Hypothesis strategies for random valid argument maps (used by the round-trip tests)."""

from __future__ import annotations

from hypothesis import strategies as st

from argmap.model import ArgumentMap

IDS = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,5}){0,3}", fullmatch=True)
# any text a map may hold (something visible, no NUL): markup characters, line
# breaks, other control characters and other scripts included
TEXTS = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), min_size=1, max_size=40),
    st.text(st.sampled_from(list("ab .:,;!?-_*#@[]<>{}()/\\'\"\n\t~^+=ü😀")), min_size=1, max_size=30),
    st.sampled_from(
        [
            "A plain sentence.",
            "It's *so* #important: see [this](x) @[T].",
            "U.S.A. .A. :happy:",
            "// not a comment",
            "a  b",
            " padded ",
            "(1) numbered",
            "+ relation-like",
            "--",
            "===",
        ]
    ),
).filter(lambda t: t.strip())
KINDS = st.sampled_from(["proposal", "claim", "premise"])


def _optional(draw, strategy):
    return draw(st.one_of(st.none(), strategy))


@st.composite
def maps(draw) -> ArgumentMap:
    """A random map that passes validation: statements, linked arguments,
    attacks of every type, and every optional field sometimes set."""
    n = draw(st.integers(1, 7))
    m = draw(st.integers(0, 5))
    all_ids = draw(st.lists(IDS, min_size=n + 2 * m + 6, max_size=n + 2 * m + 6, unique=True))
    sids, aids, tids = all_ids[:n], all_ids[n : n + m], all_ids[n + m :]
    statements = []
    for sid in sids:
        s = {"id": sid, "kind": draw(KINDS), "text": draw(TEXTS)}
        for key, strategy in (
            ("quote", TEXTS),
            ("speaker", TEXTS),
            ("note", TEXTS),
            ("title", TEXTS),
            ("paragraph", st.integers(1, 60)),
            ("tags", st.lists(TEXTS, max_size=3)),
        ):
            value = _optional(draw, strategy)
            if value is not None:
                s[key] = value
        statements.append(s)
    arguments = []
    if n >= 2:
        for aid in aids:
            conclusion = draw(st.sampled_from(sids))
            others = [s for s in sids if s != conclusion]
            premises = draw(st.lists(st.sampled_from(others), min_size=1, max_size=3, unique=True))
            a = {"id": aid, "premises": premises, "conclusion": conclusion}
            for key, strategy in (
                ("scheme", TEXTS),
                ("text", TEXTS),
                ("title", TEXTS),
                ("quote", TEXTS),
                ("tags", st.lists(TEXTS, max_size=2)),
            ):
                value = _optional(draw, strategy)
                if value is not None:
                    a[key] = value
            arguments.append(a)
    attacks = []
    pairs = set()
    targets = sids + [a["id"] for a in arguments]
    for tid in tids[: draw(st.integers(0, 4))]:
        source = draw(st.sampled_from(sids))
        target = draw(st.sampled_from(targets))
        argument = next((a for a in arguments if a["id"] == target), None)
        if (source, target) in pairs:  # self-attacks and premises undercutting their argument too (issue 15)
            continue
        pairs.add((source, target))
        t = {
            "id": tid,
            "from": source,
            "to": target,
            "type": "undercut" if argument else draw(st.sampled_from(["rebut", "undermine"])),
        }
        for key, strategy in (("text", TEXTS), ("speaker", TEXTS), ("tags", st.lists(TEXTS, max_size=2))):
            value = _optional(draw, strategy)
            if value is not None:
                t[key] = value
        attacks.append(t)
    data = {"title": draw(TEXTS), "statements": statements, "arguments": arguments, "attacks": attacks}
    description = _optional(draw, TEXTS)
    if description is not None:
        data["description"] = description
    if draw(st.booleans()):
        data["source"] = {"title": draw(TEXTS), "file": "seeds/text.txt"}
    return ArgumentMap.model_validate(data)
