"""Render the networkx graph of kg.network as one self-contained HTML page that works offline.

pyvis builds the vis-network nodes, edges and options; the page is our own small template because
pyvis's template links Bootstrap from a CDN, renders its heading unescaped and shows tooltips with
innerHTML as soon as one contains "href". vis-network's JS and
CSS are inlined from the copy shipped inside pyvis. Text from articles is untrusted: it travels as
JSON in a <script type="application/json"> block with '<', '>' and '&' escaped, and is shown only
on the canvas, as plain-string tooltips (vis-network sets them with innerText) or via textContent.
"""
from __future__ import annotations

import functools
import json
import os
from pathlib import Path
from typing import NamedTuple

import jinja2
import networkx as nx
import pyvis
from pyvis.network import Network

from kg.fsutil import atomic_write_text
from kg.network import PLAYS
from kg.resolve import name_key

VIS_DIR = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"


class Style(NamedTuple):
    """How one entity type is drawn, and named in the legend."""

    label: str
    color: str
    shape: str  # a vis-network shape with the label below it, so `value` scales the size
    symbol: str  # the legend's glyph for the shape


#: (type, subtype) -> style; subtypes are shades of their type's colour.
STYLES: dict[tuple[str, str | None], Style] = {
    ("Person", None): Style("Person", "#4e79a7", "dot", "\u25cf"),
    ("Work", None): Style("Work", "#f5b041", "square", "\u25a0"),
    ("Work", "TVSeries"): Style("TV series", "#f28e2b", "square", "\u25a0"),
    ("Work", "Movie"): Style("Movie", "#d35400", "square", "\u25a0"),
    ("Organization", None): Style("Organization", "#59a14f", "triangle", "\u25b2"),
    ("Organization", "Studio"): Style("Studio", "#2e7d32", "triangle", "\u25b2"),
    ("Organization", "Network"): Style("Network", "#8cd17d", "triangle", "\u25b2"),
    ("Character", None): Style("Character", "#b07aa1", "star", "\u2605"),
}
OTHER = Style("Other", "#9e9e9e", "dot", "\u25cf")
MAX_SOURCES = 10  # sources listed in an edge's tooltip

OPTIONS = {
    "nodes": {"font": {"size": 14}, "scaling": {"min": 10, "max": 40}, "borderWidth": 1},
    "edges": {
        "color": {"color": "#9e9e9e", "highlight": "#333333"},
        "font": {"size": 10, "align": "middle", "color": "#555555"},
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
        "smooth": {"type": "dynamic"},
    },
    "physics": {"solver": "forceAtlas2Based", "stabilization": {"iterations": 250}},
    "interaction": {"hover": True, "tooltipDelay": 150},
}

#: Nothing may load from anywhere: only the inline scripts and styles, and data: images.
CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
       "img-src data: blob:")

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{ csp }}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title>
<style>{{ vis_css | safe }}</style>
<style>
html, body { margin: 0; height: 100%; font-family: sans-serif; }
body { display: flex; flex-direction: column; }
header { display: flex; flex-wrap: wrap; gap: 0.5em 1.5em; align-items: center;
         padding: 0.4em 0.8em; border-bottom: 1px solid #ddd; }
h1 { font-size: 1.1em; margin: 0; }
.legend { display: flex; flex-wrap: wrap; gap: 0.3em 1em; list-style: none; margin: 0; padding: 0; }
.legend .symbol { font-size: 1.2em; }
#kg-network { flex: 1; min-height: 400px; }
div.vis-tooltip { white-space: pre-wrap; max-width: 40em; font: 13px sans-serif; }
</style>
</head>
<body>
<header>
<h1>{{ title }}</h1>
<div><input id="kg-search" type="search" placeholder="Find a name, press Enter"
            aria-label="Find a name">
<span id="kg-search-status" role="status"></span></div>
<ul class="legend" aria-label="Legend">
{%- for style in legend %}
<li><span class="symbol" style="color: {{ style.color }}">{{ style.symbol }}</span>
    {{ style.label }}</li>
{%- endfor %}
</ul>
</header>
<div id="kg-network"></div>
<script type="application/json" id="kg-data">{{ data | safe }}</script>
<script>{{ vis_js | safe }}</script>
<script>{{ app_js | safe }}</script>
</body>
</html>
"""

APP_JS = r"""(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var network = new vis.Network(document.getElementById("kg-network"),
    {nodes: new vis.DataSet(data.nodes), edges: new vis.DataSet(data.edges)}, data.options);
  // Tell the page (and tests driving a browser) how many nodes were laid out and drawn.
  network.once("afterDrawing", function () {
    document.getElementById("kg-network").setAttribute(
      "data-drawn-nodes", String(Object.keys(network.getPositions()).length));
  });
  // As kg.resolve.name_key: blind to case, accents, a leading "the", spaces and punctuation.
  var LETTERS = {"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "þ": "th", "ð": "d"};
  function key(text) {
    var folded = String(text).normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase()
      .replace(/[øæœßłđþð]/g, function (c) { return LETTERS[c]; }).trim().replace(/^the\s+/, "");
    return folded.replace(/[^\p{L}\p{N}]/gu, "") || folded.replace(/\s+/g, " ");
  }
  function find(query) {
    var k = key(query);
    var tests = [function (s) { return s === k; }, function (s) { return s.indexOf(k) === 0; },
                 function (s) { return s.indexOf(k) >= 0; }];
    for (var i = 0; k && i < tests.length; i++) {
      var hit = data.nodes.find(function (node) { return node.search.some(tests[i]); });
      if (hit) { return hit; }
    }
    return null;
  }
  var input = document.getElementById("kg-search");
  var status = document.getElementById("kg-search-status");
  input.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") { return; }
    event.preventDefault();
    var hit = find(input.value);
    status.textContent = hit ? "" : "no match";
    if (hit) {
      network.selectNodes([hit.id]);
      network.focus(hit.id, {scale: 1.5, animation: true});
    }
  });
})();
"""

_TEMPLATE = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined).from_string(PAGE)


@functools.cache
def _vis_assets() -> tuple[str, str]:
    """vis-network's (JS, CSS) from pyvis, checked to be safe to inline."""
    js = (VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8")
    css = (VIS_DIR / "vis-network.css").read_text(encoding="utf-8")
    if "</script" in js.lower() or "<!--" in js or "</style" in css.lower():
        raise RuntimeError(f"cannot inline vis-network from {VIS_DIR}: it contains a closing tag")
    return js, css


def script_json(value: object) -> str:
    """JSON that is safe inside a <script> element: no '<', '>' or '&' can end or alter it."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


def _style(data: dict) -> Style:
    kind = data.get("type")
    return STYLES.get((kind, data.get("subtype"))) or STYLES.get((kind, None)) or OTHER


def _node_title(data: dict) -> str:
    lines = [data.get("label", ""), f"type: {_style(data).label}"]
    if data.get("aliases"):
        lines.append("aliases: " + ", ".join(data["aliases"]))
    if data.get("articles"):
        lines.append("articles: " + ", ".join(data["articles"]))
    return "\n".join(lines)


def _source_lines(source: dict) -> list[str]:
    where = ", ".join(str(source[k]) for k in ("article", "date") if source.get(k))
    confidence = source.get("confidence")
    if confidence is not None:
        where += f", confidence {confidence:.2f}"
    lines = [f"\u2022 {where}"]
    if source.get("sentence"):
        lines.append(f"  \u201c{source['sentence']}\u201d")
    return lines


def _edge_title(nx_graph: nx.MultiDiGraph, u: str, v: str, predicate: str, data: dict) -> str:
    def label(node: str) -> str:
        return nx_graph.nodes[node].get("label", node) if node in nx_graph else node

    lines = [f"{label(u)} \u2014 {predicate} \u2192 {label(v)}"]
    if data.get("character"):
        lines.append(f"character: {data['character']}")
    if data.get("works"):
        lines.append("in: " + ", ".join(label(w) for w in data["works"]))
    sources = data.get("sources") or []
    lines.append(f"sources: {len(sources)}")
    for source in sources[:MAX_SOURCES]:
        lines.extend(_source_lines(source))
    if len(sources) > MAX_SOURCES:
        lines.append(f"\u2026 and {len(sources) - MAX_SOURCES} more")
    return "\n".join(lines)


class _NodeIds(list):
    """A list of node ids that answers `in` from a set."""

    # pyvis 0.3.2 keeps node ids in a list and scans it for every node and edge added:
    # quadratic, 5 s for 10,000 nodes; 0.6 s with this.

    def __init__(self) -> None:
        super().__init__()
        self._index: set = set()

    def append(self, item: object) -> None:
        super().append(item)
        self._index.add(item)

    def __contains__(self, item: object) -> bool:
        return item in self._index


def build_network(nx_graph: nx.MultiDiGraph) -> Network:
    """The pyvis network of the graph: styled nodes sized by degree, labelled edges, tooltips."""
    net = Network(directed=True)
    net.node_ids = _NodeIds()
    for node, data in nx_graph.nodes(data=True):
        style = _style(data)
        names = [data.get("label", node), *data.get("aliases", [])]
        net.add_node(node, label=data.get("label", node), shape=style.shape, color=style.color,
                     title=_node_title(data), value=nx_graph.degree(node),
                     search=sorted({name_key(n) for n in names}))
    plays_color = STYLES[("Character", None)].color
    for u, v, key, data in nx_graph.edges(keys=True, data=True):
        predicate = str(data.get("predicate", key))
        extra = {"dashes": True, "color": plays_color} if predicate == PLAYS else {}
        net.add_edge(u, v, label=predicate.replace("_", " "),
                     title=_edge_title(nx_graph, u, v, predicate, data), **extra)
    net.options = OPTIONS
    return net


def render_html(nx_graph: nx.MultiDiGraph, title: str = "kg") -> str:
    """One self-contained HTML page of the graph that works offline, with legend and search."""
    nodes, edges, _, _, _, options = build_network(nx_graph).get_network_data()
    vis_js, vis_css = _vis_assets()
    data = {"nodes": nodes, "edges": edges, "options": json.loads(options)}
    return _TEMPLATE.render(
        title=title, csp=CSP, legend=list(STYLES.values()), data=script_json(data),
        vis_js=vis_js, vis_css=vis_css, app_js=APP_JS,
    )


def write_html(nx_graph: nx.MultiDiGraph, path: str | os.PathLike, title: str = "kg") -> Path:
    """Write the page to `path` atomically (a temporary file in the same folder, then rename)."""
    path = Path(path)
    atomic_write_text(path, render_html(nx_graph, title=title))
    return path
