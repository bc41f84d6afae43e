"""Render the networkx graph of kg.network as one self-contained HTML page that works offline.

The page is our own template with vis-network's JS and CSS inlined from the copy shipped inside
pyvis (pyvis's own template links Bootstrap from a CDN). It has a search box, type and predicate
filters that double as the legend, and a side panel with the clicked entity's facts and their
sources. Text from articles is untrusted: it travels as JSON in a <script type="application/json">
block with '<', '>' and '&' escaped, and reaches the DOM only through textContent, the canvas and
plain-string tooltips (vis-network sets those with innerText). A Content-Security-Policy allows no
network access and runs only our own scripts, by hash, so an injected handler could not run either.
"""
from __future__ import annotations

import base64
import functools
import hashlib
import json
import os
from collections import Counter
from pathlib import Path
from typing import NamedTuple

import jinja2
import networkx as nx
import pyvis

from kg.fsutil import atomic_write_text
from kg.network import PLAYS, PREDICATES
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
PLAYS_COLOR = STYLES[("Character", None)].color
LARGE = 1000  # nodes from which the page is drawn before its layout has settled
SETTLE_MS = 10_000  # how long a large graph's layout may go on moving once drawn

OPTIONS = {
    "nodes": {"font": {"size": 14, "strokeWidth": 3, "strokeColor": "#ffffff"},
              "scaling": {"min": 10, "max": 34}, "borderWidth": 1},
    "edges": {
        "color": {"color": "#b8bec6", "highlight": "#333333", "hover": "#666666"},
        "font": {"size": 10, "align": "middle", "color": "#555555", "strokeWidth": 3},
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
        "smooth": {"type": "continuous"},
        "width": 1,
    },
    "physics": {"solver": "forceAtlas2Based",
                "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 90},
                "stabilization": {"iterations": 300, "updateInterval": 50}},
    # improvedLayout is a quadratic Kamada-Kawai pass that gives up on disconnected graphs.
    "layout": {"randomSeed": 7, "improvedLayout": False},
    "interaction": {"hover": True, "tooltipDelay": 200, "hideEdgesOnDrag": False},
}

CSP = ("default-src 'none'; script-src {scripts}; style-src 'unsafe-inline'; "
       "img-src data: blob:; base-uri 'none'; form-action 'none'")

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{ csp }}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title>
<style>{{ vis_css | safe }}</style>
<style>
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; }
body { display: grid; grid-template: "head head head" auto "filters graph panel" 1fr
       / 13.5em 1fr 24em; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif;
       color: #1f2933; background: #fff; }
header { grid-area: head; display: flex; flex-wrap: wrap; gap: 0.5em 1.2em; align-items: center;
         padding: 0.55em 1em; background: #1f2d3d; color: #f5f7fa; }
h1 { font-size: 1.05em; font-weight: 600; margin: 0; white-space: nowrap; overflow: hidden;
     text-overflow: ellipsis; max-width: 30em; }
#kg-search { width: 22em; padding: 0.35em 0.6em; border: 0; border-radius: 4px; font: inherit; }
#kg-search-status { font-size: 0.9em; color: #ffd479; margin-left: 0.5em; }
#kg-counts { margin-left: auto; font-size: 0.9em; color: #c8d1dc; }
#kg-filters { grid-area: filters; overflow-y: auto; padding: 0.6em 0.8em; background: #f5f7fa;
              border-right: 1px solid #dde2e8; }
#kg-filters h2 { font-size: 0.8em; text-transform: uppercase; letter-spacing: 0.06em;
                 color: #52606d; margin: 0.6em 0 0.3em; }
#kg-filters ul { list-style: none; margin: 0; padding: 0; }
#kg-filters li label { display: flex; align-items: center; gap: 0.4em; padding: 0.12em 0;
                       cursor: pointer; }
#kg-filters li.empty { color: #9aa5b1; }
.symbol { display: inline-block; width: 1.1em; text-align: center; font-size: 1.15em; }
.line { display: inline-block; width: 1.1em; border-top: 2px solid #b8bec6; }
.line.dashed { border-top-style: dashed; border-color: """ + PLAYS_COLOR + """; }
.count { margin-left: auto; color: #7b8794; font-size: 0.85em; }
#kg-network { grid-area: graph; min-height: 300px; min-width: 0; }
#kg-panel { grid-area: panel; overflow-y: auto; padding: 0.8em 1em; border-left: 1px solid #dde2e8; }
#kg-panel h2 { font-size: 1.25em; margin: 0 0 0.2em; overflow-wrap: anywhere; }
#kg-panel h3 { font-size: 0.8em; text-transform: uppercase; letter-spacing: 0.06em;
               color: #52606d; margin: 1em 0 0.3em; }
#kg-panel .hint { color: #7b8794; }
#kg-panel .kind { color: #52606d; margin: 0 0 0.5em; }
#kg-panel dl { margin: 0; } #kg-panel dt { font-weight: 600; margin-top: 0.4em; }
#kg-panel dd { margin: 0; overflow-wrap: anywhere; }
#kg-panel ol.top { margin: 0; padding-left: 1.6em; } #kg-panel ol.top li { margin: 0.15em 0; }
#kg-panel ul.facts { list-style: none; margin: 0; padding: 0; }
#kg-panel li.fact { border-top: 1px solid #e4e7eb; padding: 0.45em 0; }
.fact-line { overflow-wrap: anywhere; }
.predicate { font-size: 0.85em; color: #fff; background: #7b8794; border-radius: 3px;
             padding: 0 0.35em; margin: 0 0.25em; white-space: nowrap; }
.self { color: #7b8794; }
.character { color: #52606d; font-style: italic; }
button.entity { font: inherit; color: #1d5fa8; background: none; border: 0; padding: 0;
                cursor: pointer; text-align: left; text-decoration: underline dotted; }
ul.sources { list-style: none; margin: 0.25em 0 0; padding: 0 0 0 0.6em;
             border-left: 3px solid #e4e7eb; }
ul.sources li { margin: 0.2em 0 0.4em; }
.meta { font-size: 0.8em; color: #7b8794; }
blockquote { margin: 0.1em 0 0; font-size: 0.92em; color: #323f4b; overflow-wrap: anywhere; }
div.vis-tooltip { white-space: pre-wrap; max-width: 30em; font: 13px system-ui, sans-serif; }
@media (max-width: 900px) {
  body { grid-template: "head" auto "filters" auto "graph" 60vh "panel" auto / 1fr; }
  #kg-filters, #kg-panel { border: 0; }
}
</style>
</head>
<body>
<header>
<h1>{{ title }}</h1>
<div><input id="kg-search" type="search" list="kg-names" autocomplete="off"
            placeholder="Find a name, press Enter" aria-label="Find a name">
<datalist id="kg-names"></datalist><span id="kg-search-status" role="status"></span></div>
<span id="kg-counts" role="status"></span>
</header>
<nav id="kg-filters" aria-label="Legend and filters">
<h2>Entities</h2>
<ul class="legend" aria-label="Legend">
{%- for style, count in legend %}
<li{% if not count %} class="empty"{% endif %}><label><input type="checkbox" checked
    data-kind="{{ style.label }}"><span class="symbol" style="color: {{ style.color }}">
    {{- style.symbol }}</span> {{ style.label }}<span class="count">{{ count }}</span></label></li>
{%- endfor %}
</ul>
<h2>Facts</h2>
<ul class="predicates" aria-label="Facts">
{%- for predicate, count in predicates %}
<li{% if not count %} hidden{% endif %}><label><input type="checkbox" checked
    data-predicate="{{ predicate }}"><span class="line{% if predicate == plays %} dashed{% endif %}">
    </span> {{ predicate | replace("_", " ") }}<span class="count">{{ count }}</span></label></li>
{%- endfor %}
</ul>
</nav>
<div id="kg-network"></div>
<aside id="kg-panel" aria-live="polite"></aside>
<script type="application/json" id="kg-data">{{ data | safe }}</script>
<script>{{ vis_js | safe }}</script>
<script>{{ app_js | safe }}</script>
</body>
</html>
"""

APP_JS = r"""(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var container = document.getElementById("kg-network");
  var panel = document.getElementById("kg-panel");
  var byId = new Map(), factsOf = new Map();
  data.nodes.forEach(function (node) { byId.set(node.id, node); factsOf.set(node.id, []); });
  data.edges.forEach(function (edge) {
    factsOf.get(edge.from).push(edge);
    if (edge.to !== edge.from) { factsOf.get(edge.to).push(edge); }
  });
  var nodes = new vis.DataSet(data.nodes), edges = new vis.DataSet(data.edges);
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, data.options);
  window.kgNetwork = network;  // for scripting the page (and for tests driving a browser)

  // -- layout: stop the simulation once stable, so that large graphs leave the CPU alone ------
  // Large graphs are drawn after a short stabilisation and settle on screen for a while.
  network.once("stabilizationIterationsDone", function () {
    function freeze() { network.setOptions({physics: {enabled: false}}); }
    if (data.settleMs) {
      network.once("stabilized", freeze);
      setTimeout(freeze, data.settleMs);
    } else {
      freeze();
    }
  });
  network.once("afterDrawing", function () {
    container.setAttribute("data-drawn-nodes", String(Object.keys(network.getPositions()).length));
  });

  // -- filters: entity types and predicates --------------------------------------------------
  function checked(attribute) {
    var on = new Set();
    document.querySelectorAll("input[" + attribute + "]").forEach(function (box) {
      if (box.checked) { on.add(box.getAttribute(attribute)); }
    });
    return on;
  }
  function applyFilters() {
    var kinds = checked("data-kind"), predicates = checked("data-predicate");
    var allPredicates = predicates.size === data.predicates.length;
    var linked = new Set(), edgeUpdates = [], nodeUpdates = [], shownEdges = 0, shownNodes = 0;
    data.edges.forEach(function (edge) {
      var show = predicates.has(edge.predicate) && kinds.has(byId.get(edge.from).kind) &&
                 kinds.has(byId.get(edge.to).kind);
      if (show) { linked.add(edge.from); linked.add(edge.to); shownEdges++; }
      if (!edge.hidden !== show) { edge.hidden = !show; edgeUpdates.push({id: edge.id, hidden: !show}); }
    });
    data.nodes.forEach(function (node) {
      var show = kinds.has(node.kind) && (allPredicates || linked.has(node.id));
      if (show) { shownNodes++; }
      if (!node.hidden !== show) { node.hidden = !show; nodeUpdates.push({id: node.id, hidden: !show}); }
    });
    if (nodeUpdates.length) { nodes.update(nodeUpdates); }  // only changes: an update re-runs physics
    if (edgeUpdates.length) { edges.update(edgeUpdates); }
    var counts = document.getElementById("kg-counts");
    counts.textContent = shownNodes + " of " + data.nodes.length + " entities \u00b7 " +
                         shownEdges + " of " + data.edges.length + " facts";
    container.setAttribute("data-shown-nodes", String(shownNodes));
  }
  document.querySelectorAll("#kg-filters input").forEach(function (box) {
    box.addEventListener("change", applyFilters);
  });
  applyFilters();

  // -- the side panel: everything is text (textContent), never markup -----------------------
  function el(tag, className, text) {
    var element = document.createElement(tag);
    if (className) { element.className = className; }
    if (text !== undefined && text !== null) { element.textContent = String(text); }
    return element;
  }
  function entityButton(id) {
    var button = el("button", "entity", byId.get(id).label);
    button.type = "button";
    button.addEventListener("click", function () { show(id); });
    return button;
  }
  function factItem(edge, from) {
    var item = el("li", "fact"), line = el("div", "fact-line");
    function end(id) { return id === from ? el("span", "self", byId.get(id).label) : entityButton(id); }
    line.append(end(edge.from), el("span", "predicate", edge.label), end(edge.to));
    if (edge.character && edge.predicate !== "plays") {
      line.append(" ", el("span", "character", "as " + edge.character));
    }
    if (edge.works && edge.works.length) {
      line.append(" ", el("span", "character", "in "));
      edge.works.forEach(function (work, i) {
        if (i) { line.append(", "); }
        line.append(byId.has(work) ? entityButton(work) : el("span", null, work));
      });
    }
    item.append(line);
    var sources = el("ul", "sources");
    edge.sources.forEach(function (source) {
      var entry = el("li", "source");
      var meta = [source.article, source.date].filter(Boolean);
      if (source.confidence !== null && source.confidence !== undefined) {
        meta.push("confidence " + Number(source.confidence).toFixed(2));
      }
      entry.append(el("div", "meta", meta.join(" \u00b7 ")));
      if (source.sentence) { entry.append(el("blockquote", "sentence", source.sentence)); }
      sources.append(entry);
    });
    if (edge.sources.length) { item.append(sources); }
    return item;
  }
  function definitions(pairs) {
    var list = el("dl");
    pairs.forEach(function (pair) {
      if (!pair[1].length) { return; }
      list.append(el("dt", null, pair[0]));
      pair[1].forEach(function (value) { list.append(el("dd", null, value)); });
    });
    return list;
  }
  function showNode(id) {
    var node = byId.get(id), facts = factsOf.get(id).slice();
    function other(edge) { return byId.get(edge.from === id ? edge.to : edge.from).label; }
    facts.sort(function (a, b) {
      return a.predicate.localeCompare(b.predicate) || other(a).localeCompare(other(b));
    });
    var kind = el("p", "kind"), symbol = el("span", "symbol", node.symbol);
    symbol.style.color = node.color;
    kind.append(symbol, " " + node.kind + " \u00b7 " + facts.length +
                (facts.length === 1 ? " fact" : " facts"));
    var list = el("ul", "facts");
    facts.forEach(function (edge) { list.append(factItem(edge, id)); });
    panel.replaceChildren(el("h2", "name", node.label), kind,
                          definitions([["Also written", node.aliases], ["Articles", node.articles]]),
                          el("h3", null, "Facts"), list);
  }
  function showEdge(id) {
    var edge = edges.get(id), list = el("ul", "facts");
    list.append(factItem(edge, null));
    panel.replaceChildren(el("h2", "name", "Fact"), list);
  }
  function show(id) {
    network.selectNodes([id]);
    network.focus(id, {scale: Math.max(network.getScale(), 1.2), animation: {duration: 400}});
    showNode(id);
  }
  function showOverview() {
    var top = data.nodes.slice().sort(function (a, b) { return b.value - a.value; })
      .slice(0, 12).filter(function (node) { return node.value > 0; });
    var list = el("ol", "top");
    top.forEach(function (node) {
      var item = el("li");
      item.append(entityButton(node.id), el("span", "meta", " \u00b7 " + node.value + " facts"));
      list.append(item);
    });
    panel.replaceChildren(
      el("p", "hint", "Click an entity or a fact to see its facts and the sentences they come " +
                      "from. Drag to move, scroll to zoom."),
      el("h3", null, "Most connected"), list);
  }
  network.on("click", function (params) {
    if (params.nodes.length) { showNode(params.nodes[0]); }
    else if (params.edges.length) { showEdge(params.edges[0]); }
    else { showOverview(); }
  });
  showOverview();

  // -- search: any spelling, as kg.resolve.name_key folds it --------------------------------
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
      var hits = data.nodes.filter(function (node) { return node.search.some(tests[i]); });
      if (hits.length) {  // the most connected first
        return hits.reduce(function (a, b) { return b.value > a.value ? b : a; });
      }
    }
    return null;
  }
  var names = document.getElementById("kg-names");
  data.nodes.forEach(function (node) {
    var option = document.createElement("option");
    option.value = node.label;
    names.append(option);
  });
  var input = document.getElementById("kg-search");
  var status = document.getElementById("kg-search-status");
  input.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") { return; }
    event.preventDefault();
    var hit = find(input.value);
    status.textContent = hit ? "" : "no match";
    if (!hit) { return; }
    if (hit.hidden) {  // filtered out: show its type and every fact again
      document.querySelectorAll("#kg-filters input").forEach(function (box) {
        if (box.getAttribute("data-kind") === hit.kind || box.hasAttribute("data-predicate")) {
          box.checked = true;
        }
      });
      applyFilters();
    }
    show(hit.id);
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


def _script_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(*scripts: str) -> str:
    """A CSP that loads nothing from anywhere and runs only these inline scripts."""
    return CSP.format(scripts=" ".join(_script_hash(s) for s in scripts))


def style_of(data: dict) -> Style:
    """The style of a node from its type and subtype."""
    kind = data.get("type")
    return STYLES.get((kind, data.get("subtype"))) or STYLES.get((kind, None)) or OTHER


def _node(nx_graph: nx.MultiDiGraph, node: str, data: dict) -> dict:
    style = style_of(data)
    label = data.get("label", node)
    aliases = data.get("aliases", [])
    return {"id": node, "label": label, "title": f"{label}\n{style.label}",
            "shape": style.shape, "color": style.color, "value": nx_graph.degree(node),
            "kind": style.label, "symbol": style.symbol, "aliases": aliases,
            "articles": data.get("articles", []),
            "search": sorted({name_key(n) for n in (label, *aliases)})}


def _edge(nx_graph: nx.MultiDiGraph, number: int, u: str, v: str, data: dict) -> dict:
    predicate = str(data.get("predicate"))
    names = [nx_graph.nodes[n].get("label", n) for n in (u, v)]
    label = predicate.replace("_", " ")
    edge = {"id": f"e{number}", "from": u, "to": v, "label": label, "predicate": predicate,
            "title": f"{names[0]} \u2014 {label} \u2192 {names[1]}",
            "character": data.get("character"), "works": data.get("works", []),
            "sources": [{k: s.get(k) for k in ("article", "date", "sentence", "confidence")}
                        for s in data.get("sources") or []]}
    if predicate == PLAYS:
        edge.update(dashes=True, color={"color": PLAYS_COLOR})
    return edge


def _options(nx_graph: nx.MultiDiGraph) -> dict:
    """vis-network options; large graphs get a cheaper layout so that the page opens quickly."""
    options = json.loads(json.dumps(OPTIONS))
    if len(nx_graph) >= LARGE:
        options["edges"]["smooth"] = False  # straight edges: no support nodes in the simulation
        options["physics"]["stabilization"]["iterations"] = 50
        options["interaction"]["hideEdgesOnDrag"] = True
    return options


def page_data(nx_graph: nx.MultiDiGraph) -> dict:
    """The page's JSON: vis-network nodes and edges with what the panel shows, and the options."""
    edges = nx_graph.edges(data=True)
    return {"nodes": [_node(nx_graph, n, d) for n, d in nx_graph.nodes(data=True)],
            "edges": [_edge(nx_graph, i, u, v, d) for i, (u, v, d) in enumerate(edges)],
            "predicates": list(PREDICATES), "options": _options(nx_graph),
            "settleMs": SETTLE_MS if len(nx_graph) >= LARGE else 0}


def render_html(nx_graph: nx.MultiDiGraph, title: str = "kg") -> str:
    """One self-contained HTML page of the graph that works offline: search, filters, panel."""
    vis_js, vis_css = _vis_assets()
    kinds = Counter(style_of(d).label for _, d in nx_graph.nodes(data=True))
    predicates = Counter(str(d.get("predicate")) for _, _, d in nx_graph.edges(data=True))
    return _TEMPLATE.render(
        title=title, csp=content_security_policy(vis_js, APP_JS),
        legend=[(s, kinds[s.label]) for s in (*STYLES.values(), OTHER) if s != OTHER or kinds[s.label]],
        predicates=[(p, predicates[p]) for p in PREDICATES], plays=PLAYS,
        data=script_json(page_data(nx_graph)), vis_js=vis_js, vis_css=vis_css, app_js=APP_JS,
    )


def write_html(nx_graph: nx.MultiDiGraph, path: str | os.PathLike, title: str = "kg") -> Path:
    """Write the page to `path` atomically (a temporary file in the same folder, then rename)."""
    path = Path(path)
    atomic_write_text(path, render_html(nx_graph, title=title))
    return path
