"""kg.view: one offline, self-contained page; untrusted text stays data, never markup."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from view_fixture import HOSTILE, HOSTILE_SENTENCE, QUOTED, iri
from kg.view import APP_JS, STYLES, _vis_assets, render_html, script_json, write_html

DATA = re.compile(r'<script type="application/json" id="kg-data">(.*?)</script>', re.S)


@pytest.fixture(scope="module")
def html(nx_graph) -> str:
    return render_html(nx_graph, title="Étoile <test>")


@pytest.fixture(scope="module")
def data(html) -> dict:
    return json.loads(DATA.search(html).group(1))


def test_vis_network_is_inline_and_nothing_is_external(html):
    vis_js, vis_css = _vis_assets()
    assert vis_js in html and vis_css in html
    assert not re.search(r"""\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html, re.I)
    assert "<link" not in html and "@import" not in html
    assert "content=\"default-src &#39;none&#39;;" in html  # the browser blocks any load too
    assert re.findall(r"<script[^>]*>", html.replace(vis_js, "")) == [
        '<script type="application/json" id="kg-data">', "<script>", "<script>"]


def test_legend_lists_every_type(html):
    legend = re.search(r'<ul class="legend".*?</ul>', html, re.S).group(0)
    for style in STYLES.values():
        assert re.search(rf"\s{re.escape(style.label)}</li>", legend) and style.color in legend


def test_every_label_is_in_the_json_data(nx_graph, data):
    labels = {node["id"]: node["label"] for node in data["nodes"]}
    assert labels == {node: attrs["label"] for node, attrs in nx_graph.nodes(data=True)}
    assert labels[iri("Person", HOSTILE)] == HOSTILE
    assert labels[iri("Work", QUOTED)] == QUOTED


def test_hostile_text_never_appears_as_markup(html):
    for raw in ("<img src=x", "</script><", "<script>alert", HOSTILE, HOSTILE_SENTENCE, "<test>"):
        assert raw not in html
    assert len(re.findall(r"</script", html, re.I)) == 3  # only our own three closing tags
    assert html.count("<script") == 4  # our three, and one split '<script>' string inside vis
    assert "<title>Étoile &lt;test&gt;</title>" in html
    assert "\\u003c/script\\u003e\\u003cimg src=x" in html  # present, but as escaped JSON
    assert "innerHTML" not in APP_JS


def test_script_json_escapes_markup_characters():
    text = script_json({"a": "</script><b>&\u2028"})
    assert not set("<>&\u2028") & set(text)
    assert json.loads(text) == {"a": "</script><b>&\u2028"}


def test_nodes_styled_by_type_and_sized_by_degree(nx_graph, data):
    nodes = {node["id"]: node for node in data["nodes"]}
    etoile, tavish, odile = (nodes[iri(*k)] for k in
                          (("Work", "Étoile"), ("Person", "Tavish Brennock"), ("Character", "Odile")))
    assert (etoile["color"], etoile["shape"]) == (STYLES[("Work", "TVSeries")].color, "square")
    assert (tavish["shape"], odile["shape"]) == ("dot", "star")
    assert len({etoile["color"], tavish["color"], odile["color"]}) == 3
    assert etoile["value"] == nx_graph.degree(iri("Work", "Étoile")) > tavish["value"]
    assert "type: TV series" in etoile["title"] and "aliases: #Etoile, Etoile" in etoile["title"]
    assert "etoile" in etoile["search"]


def test_edges_labelled_by_predicate_with_source_tooltips(data):
    by_label: dict[str, list[dict]] = {}
    for edge in data["edges"]:
        by_label.setdefault(edge["label"], []).append(edge)
    assert {"cast member", "creator", "network", "credit", "plays"} <= set(by_label)
    [tavish_cast] = [e for e in by_label["cast member"] if e["to"] == iri("Person", "Tavish Brennock")]
    title = tavish_cast["title"]
    for part in ("cast_member", "character: Odile", "etoile-2025", "2025-01-15",
                 "confidence 0.90", HOSTILE_SENTENCE):
        assert part in title
    [plays] = [e for e in by_label["plays"] if e["to"] == iri("Character", "Odile")]
    assert "in: Étoile" in plays["title"] and plays["dashes"] is True


def test_write_html_is_atomic_and_replaces(nx_graph, tmp_path):
    target = tmp_path / "graph.html"
    target.write_text("old")
    assert write_html(nx_graph, target, title="kg") == target
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]  # no temporary file left


NODE = shutil.which("node")
HARNESS = """
const listeners = {}, status = {textContent: ""}, selected = [];
const input = {value: "", addEventListener: (type, fn) => { listeners[type] = fn; }};
const elements = {"kg-data": {textContent: __DATA__}, "kg-network": {}, "kg-search": input,
                  "kg-search-status": status};
globalThis.document = {getElementById: (id) => elements[id]};
globalThis.vis = {DataSet: function (items) { this.items = items; },
                  Network: function () { this.selectNodes = (ids) => selected.push(...ids);
                                         this.focus = () => {}; this.once = () => {}; }};
__APP__
const results = [];
for (const query of __QUERIES__) {
  input.value = query;
  listeners.keydown({key: "Enter", preventDefault: () => {}});
  results.push([selected.pop() || null, status.textContent]);
}
console.log(JSON.stringify(results));
"""


@pytest.mark.skipif(NODE is None, reason="node.js is not installed")
def test_search_box_selects_nodes_by_folded_label_or_alias(html, tmp_path):
    queries = ["etoile", "#ÉTOILE", "@primevideo", "brennock", "harr", HOSTILE, "zzz"]
    page_data = DATA.search(html).group(1)
    script = (HARNESS.replace("__DATA__", json.dumps(page_data))
              .replace("__QUERIES__", json.dumps(queries)).replace("__APP__", APP_JS))
    (tmp_path / "harness.js").write_text(script, encoding="utf-8")
    out = subprocess.run([NODE, str(tmp_path / "harness.js")], capture_output=True, text=True,
                         timeout=30, check=True).stdout
    assert json.loads(out) == [
        [iri("Work", "Étoile"), ""], [iri("Work", "Étoile"), ""],
        [iri("Organization", "Prime Video"), ""], [iri("Person", "Tavish Brennock"), ""],
        [iri("Work", "Harrow Point"), ""], [iri("Person", HOSTILE), ""], [None, "no match"]]


CHROMIUM = Path("/usr/bin/chromium")


CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--window-size=1200,800", "--virtual-time-budget=10000"]


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed")
def test_page_draws_every_node_in_headless_chromium_offline(nx_graph, tmp_path):
    """The browser runs the page's own code (no network: it is all inline) and lays out every node."""
    page = write_html(nx_graph, tmp_path / "graph.html")
    run = subprocess.run([str(CHROMIUM), *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}",
                          "--enable-logging=stderr", "--v=0", "--dump-dom", page.as_uri()],
                         capture_output=True, text=True, timeout=90)
    drawn = re.search(r'data-drawn-nodes="(\d+)"', run.stdout)
    assert drawn, "the page's script did not run to the first drawing"
    assert int(drawn.group(1)) == nx_graph.number_of_nodes()
    console_errors = [line for line in run.stderr.splitlines() if "CONSOLE" in line and "Uncaught" in line]
    assert not console_errors
    if os.environ.get("KG_SCREENSHOT"):  # by hand: keep a picture of the page under outputs/
        subprocess.run([str(CHROMIUM), *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile2'}",
                        f"--screenshot={os.environ['KG_SCREENSHOT']}", page.as_uri()],
                       capture_output=True, timeout=90)
