"""kg.view: one offline, self-contained page; untrusted text stays data, never markup."""
from __future__ import annotations

import base64
import hashlib
import json
import re

import pytest

from view_fixture import HOSTILE, HOSTILE_SENTENCE, QUOTED, iri, large_graph
from kg.network import PREDICATES
from kg.view import APP_JS, STYLES, _vis_assets, page_data, render_html, script_json, write_html

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
    assert re.findall(r"<script[^>]*>", html.replace(vis_js, "")) == [
        '<script type="application/json" id="kg-data">', "<script>", "<script>"]


def test_csp_allows_no_network_and_only_our_own_scripts(html):
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html).group(1)
    rules = dict(rule.strip().split(" ", 1) for rule in csp.replace("&#39;", "'").split(";"))
    assert rules["default-src"] == "'none'"  # so connect-src, font-src, frame-src... are none
    assert "unsafe-inline" not in rules["script-src"] and "*" not in csp and "http" not in csp
    hashes = {"'sha256-%s'" % base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()
              for s in (_vis_assets()[0], APP_JS)}
    assert set(rules["script-src"].split()) == hashes  # an injected handler would not run


def test_legend_lists_every_type_with_its_count_and_a_filter(html):
    legend = re.search(r'<ul class="legend".*?</ul>', html, re.S).group(0)
    counts = {"Person": 4, "TV series": 3, "Movie": 1, "Network": 1, "Character": 2, "Work": 0}
    for style in STYLES.values():
        item = re.search(rf'data-kind="{re.escape(style.label)}">.*?</li>', legend, re.S).group(0)
        assert style.color in item and f"</span> {style.label}<span" in item
        if style.label in counts:
            assert f'<span class="count">{counts[style.label]}</span>' in item


def test_predicate_filters_list_the_predicates_found(html):
    facts = re.search(r'<ul class="predicates".*?</ul>', html, re.S).group(0)
    shown = re.findall(r'<li><label><input type="checkbox" checked\s+data-predicate="(\w+)"', facts)
    assert shown == ["creator", "cast_member", "network", "credit", "plays"]  # PREDICATES order
    assert facts.count("<li hidden>") == len(PREDICATES) - len(shown)


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
    assert (etoile["kind"], etoile["title"]) == ("TV series", "Étoile\nTV series")
    assert etoile["aliases"] == ["#Etoile", "Etoile"] and "etoile" in etoile["search"]
    assert etoile["articles"] == ["etoile-2025", "harrow-2000"]


def test_every_fact_carries_its_sources_for_the_panel(data):
    by_label: dict[str, list[dict]] = {}
    for edge in data["edges"]:
        by_label.setdefault(edge["label"], []).append(edge)
    assert {"cast member", "creator", "network", "credit", "plays"} <= set(by_label)
    [cast] = [e for e in by_label["cast member"] if e["to"] == iri("Person", "Tavish Brennock")]
    assert (cast["predicate"], cast["character"]) == ("cast_member", "Odile")
    assert cast["title"] == "Étoile \u2014 cast member \u2192 Tavish Brennock"
    assert cast["sources"] == [
        {"article": "etoile-2025", "date": "2025-01-15", "sentence": HOSTILE_SENTENCE, "confidence": 0.9},
        {"article": "harrow-2000", "date": "2000-10-05", "sentence": "Tavish Brennock is also in it.",
         "confidence": 0.5}]
    [plays] = [e for e in by_label["plays"] if e["to"] == iri("Character", "Odile")]
    assert plays["works"] == [iri("Work", "Étoile")] and plays["dashes"] is True
    assert len({e["id"] for e in data["edges"]}) == len(data["edges"])


def test_large_graphs_get_a_cheaper_layout(nx_graph):
    small, large = page_data(nx_graph)["options"], page_data(large_graph(3000, 1500))["options"]
    assert small["edges"]["smooth"] and large["edges"]["smooth"] is False
    assert large["physics"]["stabilization"]["iterations"] < small["physics"]["stabilization"]["iterations"]


def test_write_html_is_atomic_and_replaces(nx_graph, tmp_path):
    target = tmp_path / "graph.html"
    target.write_text("old")
    assert write_html(nx_graph, target, title="kg") == target
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]  # no temporary file left
