"""A map written as Argdown that the reference CLI reads, and that reads back as the same map."""

from __future__ import annotations

import json
import re
from typing import Any, TYPE_CHECKING

from ...terms import KINDS
from .._common import attack_type, slugify
from .lexer import inline
from .mapping import ATTACK_FIELDS, FIELDS, generated_id

if TYPE_CHECKING:
    from ...graph import Graph
    from .. import ExportOptions


_ESCAPE = re.compile(r"[\\\[\]<>#*_{}@]|/(?=[/*])|={2,}")  # the reference reads "===" anywhere as front matter

_CANDIDATE = re.compile(r"(?<!\\)[.:](?=[^\s.:]+[.:])")

_SAFE_TITLE = re.compile(r"[^\x00\[\]<>{}\\/#\n\r\t\ue000\ue001]+")

_SAFE_TAG = re.compile(r"[^\x00()\[\]<>{}\\/#\n\r\t\ue000\ue001]+")

_WORD_TAG = re.compile(r"[\w-]+")

_YAML_UNSAFE = re.compile("[\x7f-\x9f\ud800-\udfff\ufffe\uffff{}=]")


def dumps(graph: Graph, options: ExportOptions | None = None) -> str:
    """The map held by ``graph`` as Argdown, readable by the reference CLI.

    Statements become definitions (``[title]: text #kind {quote: ...}``),
    arguments premise-conclusion structures (the scheme as inference rule),
    attacks relations (``-`` or ``_`` below their target); the front matter
    keeps the title, description and source. Reading it back gives the same
    map.

    >>> from argmap.graph import _demo
    >>> print(dumps(_demo()))
    ===
    title: "T"
    model:
      removeTagsFromText: true
    ===
    <BLANKLINE>
    [p]: P. #premise
    <BLANKLINE>
    [c]: C. #proposal
    <BLANKLINE>
    [x]: X. #claim
    <BLANKLINE>
    <a>
    <BLANKLINE>
    (1) [p]
    ----
    (2) [c]
    <BLANKLINE>
    <a>
        _ [x] {attack: {id: "t"}}
    <BLANKLINE>
    """
    from ...graph import map_data

    return _Writer(map_data(graph, source_file=options.source_file if options else None)).run()


def escape(text: str) -> str | None:
    """``text`` written so that Argdown reads it back unchanged, or None when
    it cannot be (a line break, for instance).

    >>> escape("Use [brackets], #hashtags and *stars* freely.")
    'Use \\\\[brackets\\\\], \\\\#hashtags and \\\\*stars\\\\* freely.'
    """
    if "\n" in text or "\r" in text:
        return None
    out = _ESCAPE.sub(lambda m: "".join("\\" + c for c in m.group()), text)
    for _ in range(4):
        if inline(out).clean == text:
            return out
        out = _CANDIDATE.sub(lambda m: "\\" + m.group(), out, count=1)
    return None


def _yaml_value(value: Any) -> str:
    """A value as YAML flow text (JSON, with braces and unprintables escaped)."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_yaml_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_yaml_value(v) for v in value) + "]"
    if isinstance(value, str):
        return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False))
    return json.dumps(value)


class _Writer:
    def __init__(self, data: dict) -> None:
        self.data = data
        self.out: list[str] = []

    def run(self) -> str:
        data = self.data
        front = [f"title: {_yaml_value(data['title'])}"]
        for key in ("description", "source", "speakers"):
            if data.get(key) is not None:
                front.append(f"{key}: {_yaml_value(data[key])}")
        front += ["model:", "  removeTagsFromText: true"]
        self.out.append("===\n" + "\n".join(front) + "\n===")
        statements = data.get("statements", [])
        arguments = data.get("arguments", [])
        stitles = self._titles(statements, avoid="+-_")
        atitles = self._titles(arguments, avoid="+-_")  # "<+ x>" would read as a relation
        kinds = {s["id"]: s["kind"] for s in statements}
        for s, title in zip(statements, stitles, strict=True):
            self._statement(s, title)
        name_of = {s["id"]: t for s, t in zip(statements, stitles, strict=True)}
        arg_name = {a["id"]: t for a, t in zip(arguments, atitles, strict=True)}
        for a, title in zip(arguments, atitles, strict=True):
            self._argument(a, title, name_of)
        sources: set[str] = set()
        for t in data.get("attacks", []):
            meta: dict[str, Any] = {}
            base = generated_id("att", t["from"])
            if t["id"] != base or t["from"] in sources:
                meta["id"] = t["id"]
            sources.add(t["from"])
            if t["type"] == "undercut":
                head, symbol = f"<{arg_name[t['to']]}>", "_"
            else:
                head, symbol = f"[{name_of[t['to']]}]", "-"
                if t["type"] != attack_type(kinds.get(t["to"])):
                    meta["type"] = t["type"]
            for f in (*ATTACK_FIELDS, "tags"):
                if t.get(f) not in (None, [], ()):
                    meta[f] = t[f]
            tail = f" {_yaml_value({'attack': meta})}" if meta else ""
            self.out.append(f"{head}\n    {symbol} [{name_of[t['from']]}]{tail}")
        return "\n\n".join(self.out) + "\n"

    @staticmethod
    def _titles(items: list[dict], avoid: str = "") -> list[str]:
        """Unique Argdown titles: an item's ``title`` when it is safe to write, else its id."""
        used = {i["id"] for i in items}  # any item may need its id as title
        titles = []
        for i in items:
            title = i.get("title")
            if (
                title
                and _SAFE_TITLE.fullmatch(title)
                and title == title.strip()
                and title not in used
                and "//" not in title
                and "/*" not in title
                and "==" not in title
                and title[0] not in avoid
            ):
                used.add(title)
                titles.append(title)
            else:
                titles.append(i["id"])
        return titles

    def _common(self, item: dict, title: str, data: dict) -> str:
        """Text, hashtags and data of a statement or argument; fills ``data``."""
        if slugify(title) != item["id"]:
            data["id"] = item["id"]
        if item.get("title") is not None and (item["title"] != title or title == item["id"]):
            data["title"] = item["title"]
        text = ""
        if item.get("text") is not None:
            written = escape(item["text"])
            if written is None:
                written = escape(" ".join(item["text"].split())) or "(see data)"
                data["text"] = item["text"]
            text = " " + written
        tags = list(item.get("tags", []))
        marks = []
        kind = item.get("kind")
        if kind and any(t in KINDS for t in tags):
            data["kind"] = kind
        elif kind:
            marks.append(f"#{kind}")
        if len(set(tags)) == len(tags) and all(
            _SAFE_TAG.fullmatch(t) and t == t.strip() and "==" not in t for t in tags
        ):
            marks += [f"#{t}" if _WORD_TAG.fullmatch(t) else f"#({t})" for t in tags]
        elif tags:
            data["tags"] = tags
        for f in FIELDS:
            if item.get(f) is not None:
                data[f] = item[f]
        return text + "".join(" " + m for m in marks)

    def _statement(self, s: dict, title: str) -> None:
        data: dict[str, Any] = {}
        body = self._common(s, title, data)
        tail = f" {_yaml_value(data)}" if data else ""
        self.out.append(f"[{title}]:{body}{tail}")

    def _argument(self, a: dict, title: str, name_of: dict[str, str]) -> None:
        data: dict[str, Any] = {}
        body = self._common(a, title, data)
        inference = "----"
        scheme = a.get("scheme")
        if scheme is not None:
            written = escape(scheme)
            if written and written == written.strip() and not written.endswith("-") and inline(written).text == scheme:
                inference = f"-- {written} --"
            else:
                data["scheme"] = scheme
        tail = f" {_yaml_value(data)}" if data else ""
        colon = ":" if a.get("text") is not None else ""
        lines = [f"({i}) [{name_of[p]}]" for i, p in enumerate(a["premises"], 1)]
        lines += [inference, f"({len(a['premises']) + 1}) [{name_of[a['conclusion']]}]"]
        self.out.append(f"<{title}>{colon}{body}{tail}")
        self.out.append("\n".join(lines))
