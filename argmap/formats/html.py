"""The map as one self-contained HTML page: the diagram (inline SVG), the
statements as a table, and the source text with every quoted passage
highlighted. Clicking a box in the diagram or a row of the table scrolls to
its passage and highlights it; clicking a passage finds its box. The page
loads nothing from anywhere (no fonts, scripts or images), so it opens
offline and can be mailed as one file. All text from the map is escaped.

>>> spans("It’s  raining, said Ann.", ["it's raining"])
[(0, 13, 0)]
"""

from __future__ import annotations

from itertools import pairwise
from html import escape
from typing import Any, TYPE_CHECKING

from ..authoring.text import fold
from ..graph import speaker_name
from ..terms import ARGUMENT
from .diagram import KIND_LOOKS, clean, xml_safe
from . import ExportOptions

if TYPE_CHECKING:
    from ..source import SourceText
    from ..graph import Graph

STYLE = """
:root { --ink: #1a1a1a; --muted: #5f5f5f; --rule: #d9d9d9; --hit: #ffe27a; --pick: #d81b60; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
       color: var(--ink); background: #fafafa; }
header, main { max-width: 1500px; margin: 0 auto; padding: 0 20px; }
header { padding-top: 18px; }
h1 { font-size: 1.6em; margin: 0 0 4px; }
h2 { font-size: 1.15em; margin: 0 0 8px; }
.meta, .hint { color: var(--muted); margin: 2px 0; }
section { background: #fff; border: 1px solid var(--rule); border-radius: 6px; padding: 14px 16px; margin: 14px 0; }
.toolbar { display: flex; gap: 12px; align-items: baseline; flex-wrap: wrap; }
.toolbar button { font: inherit; font-size: .9em; padding: 2px 10px; cursor: pointer; }
#diagram .canvas { overflow: auto; max-height: 78vh; border-top: 1px solid var(--rule); margin-top: 8px; }
.zoom { margin-left: auto; white-space: nowrap; }
.zoom output { display: inline-block; min-width: 3.5em; text-align: center; color: var(--muted); }
#diagram g.node, #diagram g.edge { cursor: pointer; }
#diagram g.active polygon, #diagram g.active path, #diagram g.active ellipse { stroke: var(--pick); stroke-width: 4px; }
.columns { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 14px; }
.columns > section { margin: 0 0 14px; max-height: 88vh; overflow: auto; }
@media (max-width: 900px) { .columns { grid-template-columns: 1fr; } }
table { border-collapse: collapse; width: 100%; font-size: .92em; }
th, td { text-align: left; vertical-align: top; padding: 5px 6px; border-bottom: 1px solid var(--rule); }
th { position: sticky; top: -14px; background: #fff; }
tbody tr { cursor: pointer; }
tbody tr:hover { background: #f3f3f3; }
tr.active { background: #fff3c4 !important; box-shadow: inset 4px 0 0 var(--pick); }
td .about { display: block; color: var(--muted); font-size: .85em; }
.kind { display: inline-block; font-size: .75em; letter-spacing: .04em; padding: 0 6px; border: 1px solid;
        border-radius: 3px; white-space: nowrap; }
.kind-proposal { border-width: 3px; border-style: double; font-weight: 600; }
.kind-claim { border-radius: 9px; }
.quote { color: var(--muted); font-style: italic; display: block; }
#source p { margin: 0 0 12px; }
#source .num { color: var(--muted); font-size: .8em; margin-right: 6px; }
mark { background: #fff7d6; color: inherit; border-bottom: 2px solid #e8c547; cursor: pointer; padding: 1px 0; }
mark.q-step { background: #edf6ed; border-bottom-color: #8cc08c; }
mark.active { background: var(--hit); border-bottom-color: var(--pick); box-shadow: 0 2px 0 var(--pick); }
.gap, .key-gap { text-decoration: underline dotted #c62828; text-decoration-thickness: 2px; text-underline-offset: 4px; }
.aside { color: var(--muted); }
.missing { color: var(--muted); font-style: italic; }
"""

SCRIPT = """
(function () {
  "use strict";
  var active = [];
  var canvas = document.querySelector("#diagram .canvas");
  var drawing = canvas && canvas.querySelector("svg");
  function byId(id) { return document.getElementById(id); }
  function clear() {
    active.forEach(function (el) { el.classList.remove("active"); });
    active = [];
  }
  function light(el) {
    if (el) { el.classList.add("active"); active.push(el); }
  }
  function passages(id) {
    return Array.prototype.filter.call(document.querySelectorAll("mark[data-ids]"), function (m) {
      return m.getAttribute("data-ids").split(" ").indexOf(id) >= 0;
    });
  }
  // scroll only the panel holding el, so that el is in its middle
  function centre(panel, el) {
    if (!panel || !el) { return; }
    var p = panel.getBoundingClientRect(), r = el.getBoundingClientRect();
    panel.scrollBy({left: r.left + r.width / 2 - (p.left + p.width / 2),
                    top: r.top + r.height / 2 - (p.top + p.height / 2), behavior: "smooth"});
  }
  function select(id, goTo) {
    clear();
    var box = byId("n-" + id) || byId("e-" + id);
    var row = byId("row-" + id);
    var marks = passages(id);
    light(box); light(row); marks.forEach(light);
    centre(canvas, box);
    centre(row && row.closest("section"), row);
    var target = goTo === "diagram" ? (box ? canvas : row) : (marks[0] || row);
    if (target) { target.scrollIntoView({behavior: "smooth", block: "center"}); }
  }
  function onActivate(el, handler) {
    el.addEventListener("click", handler);
    el.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); handler(); }
    });
  }
  document.querySelectorAll("#diagram g.node, #diagram g.edge").forEach(function (g) {
    var match = /^[ne]-(.+)$/.exec(g.id);
    if (match) { g.addEventListener("click", function () { select(match[1], "source"); }); }
  });
  document.querySelectorAll("tr[data-id]").forEach(function (row) {
    onActivate(row, function () { select(row.getAttribute("data-id"), "source"); });
  });
  document.querySelectorAll("mark[data-ids]").forEach(function (mark) {
    onActivate(mark, function () { select(mark.getAttribute("data-ids").split(" ")[0], "diagram"); });
  });
  if (!drawing) { return; }
  var width = drawing.width.baseVal.value, height = drawing.height.baseVal.value, scale = 1;
  function zoom(factor) {
    scale = Math.min(4, Math.max(0.05, factor));
    drawing.style.width = (width * scale) + "px";
    drawing.style.height = (height * scale) + "px";
    byId("zoom-level").textContent = Math.round(scale * 100) + "%";
  }
  function fit() { zoom(Math.min(1, (canvas.clientWidth - 2) / width)); }
  byId("zoom-in").addEventListener("click", function () { zoom(scale * 1.25); });
  byId("zoom-out").addEventListener("click", function () { zoom(scale / 1.25); });
  byId("zoom-fit").addEventListener("click", fit);
  zoom(Math.max(0.5, Math.min(1, (canvas.clientWidth - 2) / width)));
}());
"""


def esc(value: Any) -> str:
    """Text escaped for HTML (element content and attribute values alike)."""
    return escape(xml_safe(str(value)), quote=True)


def spans(paragraph: str, quotes: list[str]) -> list[tuple[int, int, int]]:
    """Where each quote first occurs in ``paragraph``: ``(start, end, index of the
    quote)``, comparing the way validation does (whitespace runs, typographic
    quotes and case ignored). Quotes not found are left out."""
    folded, where = fold(paragraph)
    out = []
    for k, quote in enumerate(quotes):
        needle = fold(quote)[0].strip()
        at = folded.find(needle) if needle else -1
        if at >= 0:
            out.append((where[at], where[at + len(needle) - 1] + 1, k))
    return out


def passages(G: Graph, source: Any) -> dict[int, list[tuple[int, int, str]]]:
    """Per paragraph number, ``(start, end, id)`` of every quote of the map in it:
    statements first, then arguments and attacks."""
    items = [(n, d) for n, d in G.nodes(data=True) if d["kind"] != ARGUMENT]
    items += [(n, d) for n, d in G.nodes(data=True) if d["kind"] == ARGUMENT]
    items += [(d["id"], d) for _, _, d in G.edges(data=True) if d.get("id")]
    wanted: dict[int, list[tuple[str, str]]] = {}
    for node, d in items:
        quote = d.get("quote")
        if not quote:
            continue
        para = d.get("paragraph")
        if para is None or not source.contains(quote, para):
            para = source.find(quote)
        if para is not None:
            wanted.setdefault(para, []).append((node, quote))
    out = {}
    for para, found in wanted.items():
        hits = spans(source.paragraphs[para - 1], [q for _, q in found])
        out[para] = [(start, end, found[k][0]) for start, end, k in hits]
    return out


def paragraph_html(
    text: str,
    hits: list[tuple[int, int, str]],
    statements: set[str],
    gaps: list[tuple[int, int, str | None]] | None = None,
) -> str:
    """A paragraph with its quoted passages wrapped in ``<mark>`` elements, and
    the unmapped clauses (``gaps``: start, end, the reason they are left out or
    None) in ``<span class="gap">`` (``"aside"`` when left out on purpose).

    Overlapping quotes are cut into pieces; each piece lists every id whose
    quote covers it (statements first), and the first piece of each quote
    carries the anchor ``q-<id>``.
    """
    starts: dict[int, list[str]] = {}
    ends: dict[int, list[str]] = {}
    order = {}
    for k, (start, end, i) in enumerate(hits):
        starts.setdefault(start, []).append(i)
        ends.setdefault(end, []).append(i)
        order[i] = (i not in statements, k)
    gap_list = sorted(gaps or [])
    cuts = sorted({0, len(text), *starts, *ends, *(g[0] for g in gap_list), *(g[1] for g in gap_list)})
    active: dict[str, None] = {}  # the quotes covering the current piece (a sweep, not a search per piece)
    anchored: set[str] = set()
    g = 0  # the first gap that does not end before the current piece
    out = []
    for start, end in pairwise(cuts):
        for i in ends.get(start, ()):
            active.pop(i, None)
        for i in starts.get(start, ()):
            active[i] = None
        piece = esc(text[start:end])
        while g < len(gap_list) and gap_list[g][1] <= start:
            g += 1
        if not active and g < len(gap_list) and gap_list[g][0] <= start:
            reason = gap_list[g][2]
            kind, title = ("aside", f"left out: {reason}") if reason else ("gap", "not mapped yet")
            out.append(f'<span class="{kind}" title="{esc(title)}">{piece}</span>')
            continue
        if not active:
            out.append(piece)
            continue
        ids = sorted(active, key=order.__getitem__)
        anchor = ""
        new = [i for i in ids if i not in anchored]
        if new:
            anchored.update(new)
            anchor = f' id="q-{esc(new[0])}"'
        kind = "q" if ids[0] in statements else "q q-step"
        out.append(
            f'<mark class="{kind}"{anchor} data-ids="{esc(" ".join(ids))}" tabindex="0" '
            f'title="{esc(", ".join(ids))}">{piece}</mark>'
        )
    return "".join(out)


def source_html(G: Graph, options: Any) -> str:
    source = options.source
    if source is None:
        if (G.graph.get("source") or {}).get("file"):
            return (
                '<section id="source"><h2>Source text</h2><p class="missing">The source text was not '
                "found, so its passages cannot be shown.</p></section>"
            )
        return ""
    statements = {n for n, k in G.nodes(data="kind") if k != ARGUMENT}
    hits = passages(G, source)
    gaps, share = unmapped(G, source)
    paras = [
        f'<p id="para-{i}"><span class="num">¶{i}</span>'
        f"{paragraph_html(text, hits.get(i, []), statements, gaps.get(i))}</p>"
        for i, text in enumerate(source.paragraphs, 1)
    ]
    title = f"<p><strong>{esc(source.title_line)}</strong></p>" if source.title_line else ""
    key = ""
    if share is not None:
        key = (
            ' <span class="key-gap">Dotted underline</span>: passages no item quotes yet; '
            f'<span class="aside">grey</span>: left out on purpose. Mapped: {round(100 * share)}% of the text.'
        )
    return (
        '<section id="source"><h2>Source text</h2><p class="hint">Highlighted: the words each statement '
        "quotes (green: the words that mark a reason or an objection). Click one to find it in the "
        f"diagram.{key}</p>{title}{''.join(paras)}</section>"
    )


def unmapped(G: Graph, source: SourceText) -> tuple[dict[int, list[tuple[int, int, str | None]]], float | None]:
    """Per paragraph the clauses the map leaves unmapped (start, end, the reason
    when on purpose), and the share of the text mapped; nothing for a part of a
    map (an export with --focus or --depth), whose gaps would be the rest of it."""
    import networkx as nx

    if nx.is_frozen(G):
        return {}, None
    from ..authoring.coverage import coverage, quoted_items

    cov = coverage(source, quoted_items(G))
    gaps = {p.number: [(c.span.start, c.span.end, c.reason) for c in p.unmapped()] for p in cov.paragraphs}
    return gaps, cov.share()


def table_html(G: Graph) -> str:
    rows = []
    for n, d in G.nodes(data=True):
        if d["kind"] == ARGUMENT:
            continue
        look = KIND_LOOKS[d["kind"]]
        kind = (
            f'<span class="kind kind-{d["kind"]}" style="background:{look.fill};border-color:{look.line};'
            f'color:{look.text}">{look.word}</span>'
        )
        quote = f'<span class="quote">“{esc(clean(d["quote"]))}”</span>' if d.get("quote") else ""
        about = " · ".join(esc(clean(x)) for x in (n, speaker_name(G, d.get("speaker")) or "") if x)
        rows.append(
            f'<tr id="row-{esc(n)}" data-id="{esc(n)}" tabindex="0"><td>{kind}</td>'
            f'<td>{esc(clean(d["text"]))}{quote}<span class="about">{about}</span></td>'
            f"<td>{esc(d.get('paragraph') or '')}</td></tr>"
        )
    return (
        '<section id="statements"><h2>Statements</h2><p class="hint">Click a row to see its passage in the '
        "source.</p><table><thead><tr><th>kind</th><th>statement, quote, id · speaker</th>"
        f"<th>¶</th></tr></thead><tbody>{''.join(rows)}</tbody></table></section>"
    )


def diagram_html(G: Graph, options: Any) -> str:
    from . import svg

    drawing = svg.dumps(G, options)
    drawing = drawing[drawing.index("<svg") :]
    return (
        '<section id="diagram"><div class="toolbar"><h2>Diagram</h2><span class="hint">Click a box to see its '
        'words in the source.</span><span class="zoom"><button type="button" id="zoom-out" '
        'aria-label="Zoom out">−</button> <output id="zoom-level">100%</output> <button type="button" '
        'id="zoom-in" aria-label="Zoom in">+</button> <button type="button" id="zoom-fit">Fit</button>'
        f'</span></div><div class="canvas">{drawing}</div></section>'
    )


def header_html(G: Graph, options: Any) -> str:
    from ..stats import summary

    title = G.graph.get("title") or "Argument map"
    out = [f"<h1>{esc(clean(title))}</h1>"]
    source = G.graph.get("source") or {}
    bits = [esc(clean(source[k])) for k in ("title", "author", "date") if source.get(k)]
    url = source.get("url") or ""
    if url.startswith(("https://", "http://")):
        bits.append(f'<a href="{esc(url)}">{esc(clean(url))}</a>')
    if bits:
        out.append(f'<p class="meta">Source: {", ".join(bits)}</p>')
    if G.graph.get("description"):
        out.append(f"<p>{esc(clean(G.graph['description']))}</p>")
    out.append(f'<p class="meta">{esc(summary(G))}</p>')
    return "<header>" + "".join(out) + "</header>"


def dumps(G: Graph, options: ExportOptions | None = None) -> str:
    """The graph as a self-contained HTML report."""
    options = options or ExportOptions()
    title = esc(clean(G.graph.get("title") or "Argument map"))
    return (
        "\n".join(
            [
                "<!DOCTYPE html>",
                '<html lang="en">',
                "<head>",
                '<meta charset="utf-8">',
                '<meta name="viewport" content="width=device-width, initial-scale=1">',
                '<meta name="generator" content="argmap">',
                f"<title>{title}</title>",
                f"<style>{STYLE}</style>",
                "</head>",
                "<body>",
                header_html(G, options),
                "<main>",
                diagram_html(G, options),
                '<div class="columns">',
                table_html(G),
                source_html(G, options),
                "</div>",
                "</main>",
                f"<script>{SCRIPT}</script>",
                "</body>",
                "</html>",
            ]
        )
        + "\n"
    )
