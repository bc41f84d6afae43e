"""Hostile names are data everywhere: every RDF file and the facts file give them back exactly,
the HTML page holds them only as inert JSON text, and every IRI made from a name or id is valid."""
from __future__ import annotations

import json
import re

import pytest
from hostile_corpus import HOSTILE_NAMES, INJECTION, hostile_extraction
from rdflib import Literal, URIRef
from rdflib.term import _is_valid_uri

from kg.corpus import safe_id
from kg.graph import KnowledgeGraph, write_facts
from kg.model import Article, ArticleExtraction
from kg.terms import article_iri

_JSON_BLOCK = re.compile(r'<script type="application/json"[^>]*>(.*?)</script>', re.DOTALL)
_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|\\^`]')  # RFC 3987: never inside an IRI


@pytest.fixture(scope="module")
def graph() -> KnowledgeGraph:
    graph = KnowledgeGraph()
    graph.store.add(hostile_extraction())
    return graph


def literals(dataset) -> set[str]:
    return {str(o) for _, _, o, _ in dataset.quads((None, None, None, None)) if isinstance(o, Literal)}


@pytest.mark.parametrize("suffix", [".ttl", ".trig", ".jsonld", ".nq", ".nt", ".rdf"])
def test_every_rdf_format_gives_hostile_names_back_exactly(graph, tmp_path, suffix):
    path = graph.save(tmp_path / f"graph{suffix}")
    loaded = KnowledgeGraph.load(path)
    expected = literals(graph.store.dataset)
    assert set(HOSTILE_NAMES) <= expected
    assert literals(loaded.store.dataset) == expected
    assert len(loaded) >= len({(s, p, o) for s, p, o, _ in graph.store.dataset.quads((None, None, None, None))})


def test_facts_file_gives_hostile_names_back_exactly(tmp_path):
    extraction = hostile_extraction()
    [path] = write_facts([extraction], tmp_path)
    assert json.loads(path.read_text(encoding="utf-8")) == extraction.to_json()
    labels = {e["label"] for e in extraction.to_json()["entities"]}
    assert set(HOSTILE_NAMES) <= labels


def test_html_page_holds_hostile_names_only_as_json_text(graph, tmp_path):
    page = graph.to_html(tmp_path / "graph.html")
    assert (tmp_path / "graph.html").read_text(encoding="utf-8") == page
    for name in HOSTILE_NAMES:
        for fragment in re.findall(r"<[^ ]*", name):  # every tag-like piece of the name
            assert fragment not in page, fragment
    assert "<!--" not in page
    empty_page = KnowledgeGraph().to_html()
    assert page.lower().count("<script") == empty_page.lower().count("<script")
    assert page.lower().count("</script") == empty_page.lower().count("</script")
    strings: set[str] = set()

    def walk(value) -> None:
        if isinstance(value, str):
            strings.add(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for block in _JSON_BLOCK.findall(page):
        walk(json.loads(block))
    for name in HOSTILE_NAMES:
        assert any(name in s for s in strings), name  # shown, as text


def test_every_iri_made_from_names_and_ids_is_valid(graph):
    nodes = {term for quad in graph.store.dataset.quads((None, None, None, None)) for term in quad
             if isinstance(term, URIRef)}
    assert len(nodes) > 20
    for node in nodes:
        assert _is_valid_uri(node) and not _IRI_FORBIDDEN.search(node), node
    for raw in (INJECTION, "../../x", "Über Nacht", "字幕", "a%2Fb", "x" * 500):
        iri = article_iri(safe_id(raw))
        assert _is_valid_uri(iri) and not _IRI_FORBIDDEN.search(iri), iri


def test_ids_that_differ_only_in_case_or_punctuation_keep_their_own_graphs():
    graph = KnowledgeGraph()
    ids = ["Notes", "notes", "no.tes", "no-tes", "über", "uber"]
    for article_id in ids:
        graph.store.add(ArticleExtraction(Article(id=article_id, text="Some text.")))
    found = graph.query("SELECT ?id WHERE { ?a schema:identifier ?id }")
    assert sorted(row["id"] for row in found) == sorted(ids)
    assert len({article_iri(i) for i in ids}) == len(ids)
