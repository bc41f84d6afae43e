"""The README-style library use of `KnowledgeGraph`: build, add, query, networkx, HTML, save/load,
validate, remove.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kg.graph import KnowledgeGraph

GULLWING = """date 2025-03-02
Netflix's new drama, Gullwing Bay, follows a lighthouse keeper on a remote island.

Gullwing Bay was created by Tobiah Marchetti.

Hattie Vornholt plays Marisol in Gullwing Bay, while Rufus Delacorte plays Fenwick.
"""
COPPER = """date 2025-04-10
The thriller The Copper Tide was directed by Priya Ostrander and written by Calum Whitlock.

Oskar Brandvold plays Bellamy in The Copper Tide, which premieres on Peacock in June.
"""
PENOMBRE_1 = """date 2025-05-01
The drama Pénombre was created by Solveig Arneson.

Mara Quillfeather plays Ottoline in Pénombre.
"""
PENOMBRE_2 = """date 2025-05-20
Penombre returns for a second season.

Calloway Fenn plays Ysolde in Penombre.
"""


def cast(graph: KnowledgeGraph, work: str) -> set[tuple[str, str, str | None]]:
    return {(r["work"], r["actor"], r["character"]) for r in graph.query("cast", work=work).rows}


@pytest.fixture
def folder(tmp_path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "gullwing-bay.txt").write_text(GULLWING, encoding="utf-8")
    (corpus / "copper-tide.txt").write_text(COPPER, encoding="utf-8")
    return corpus


@pytest.fixture
def graph(folder, nlp) -> KnowledgeGraph:
    return KnowledgeGraph.build([folder])


def test_build_from_a_folder_answers_the_cast_query(graph):
    assert cast(graph, "Gullwing Bay") == {("Gullwing Bay", "Hattie Vornholt", "Marisol"),
                                           ("Gullwing Bay", "Rufus Delacorte", "Fenwick")}
    assert cast(graph, "the copper tide") == {("The Copper Tide", "Oskar Brandvold", "Bellamy")}
    assert sorted(e.article.id for e in graph.extractions) == ["copper-tide", "gullwing-bay"]


def test_add_text_adds_incrementally_and_merges_spellings_across_articles(graph):
    before = len(graph)
    first = graph.add_text(PENOMBRE_1, article_id="penombre-1")
    assert first.article.date == "2025-05-01"
    after_first = len(graph)
    assert after_first > before
    assert cast(graph, "Gullwing Bay")  # earlier articles are still there

    graph.add_text(PENOMBRE_2, article_id="penombre-2")
    assert len(graph) > after_first
    expected = {("Pénombre", "Mara Quillfeather", "Ottoline"), ("Pénombre", "Calloway Fenn", "Ysolde")}
    # the later, accent-less article's cast lands on the one work, whichever spelling is asked for
    assert cast(graph, "Penombre") == expected
    assert cast(graph, "Pénombre") == expected
    works = [d["label"] for _, d in graph.to_networkx().nodes(data=True) if d["type"] == "Work"]
    assert sorted(works) == ["Gullwing Bay", "Pénombre", "The Copper Tide"]


def test_to_networkx_has_the_entities_and_facts(graph):
    g = graph.to_networkx()
    labels = {d["label"]: d for _, d in g.nodes(data=True)}
    for name, kind in (("Gullwing Bay", "Work"), ("Hattie Vornholt", "Person"), ("Marisol", "Character"),
                       ("Netflix", "Organization"), ("Oskar Brandvold", "Person"), ("The Copper Tide", "Work")):
        assert labels[name]["type"] == kind, name
    node = {d["label"]: n for n, d in g.nodes(data=True)}
    edges = {(g.nodes[u]["label"], k, g.nodes[v]["label"]) for u, v, k in g.edges(keys=True)}
    assert ("Gullwing Bay", "creator", "Tobiah Marchetti") in edges
    assert ("Gullwing Bay", "network", "Netflix") in edges
    data = g.get_edge_data(node["Gullwing Bay"], node["Hattie Vornholt"])["cast_member"]
    assert data["character"] == "Marisol"
    assert [s["article"] for s in data["sources"]] == ["gullwing-bay"]


def test_to_html_returns_a_page_with_the_labels(graph):
    html = graph.to_html()
    assert isinstance(html, str) and "<html" in html.lower()
    for label in ("Gullwing Bay", "Hattie Vornholt", "Marisol", "The Copper Tide", "Peacock"):
        assert label in html, label


def test_to_html_draws_the_part_asked_for(graph, tmp_path):
    page = tmp_path / "people.html"
    html = graph.to_html(page, focus="Gullwing Bay", types=["Person"], top=2, title="people")
    assert page.read_text(encoding="utf-8") == html
    data = json.loads(re.search(r'id="kg-data">(.*?)</script>', html, re.S).group(1))
    assert len(data["nodes"]) == 2 and "Gullwing Bay" in {n["label"] for n in data["nodes"]}
    assert {n["kind"] for n in data["nodes"]} <= {"Person", "Work"}
    with pytest.raises(ValueError, match="unknown predicate"):
        graph.to_html(predicates=["stars_in"])


def test_save_then_load_answers_the_same_query(graph, tmp_path):
    path = graph.save(tmp_path / "g.trig")
    assert Path(path).is_file()
    loaded = KnowledgeGraph.load(tmp_path / "g.trig")
    for work in ("Gullwing Bay", "The Copper Tide"):
        assert graph.query("cast", work=work).rows == loaded.query("cast", work=work).rows
    assert graph.query("provenance").rows == loaded.query("provenance").rows
    assert len(loaded) == len(graph)


def test_validate_conforms(graph):
    conforms, text = graph.validate()
    assert conforms, text


def test_remove_drops_that_articles_facts_only(graph):
    graph.add_text(PENOMBRE_1, article_id="penombre-1")
    graph.add_text(PENOMBRE_2, article_id="penombre-2")
    with_both = len(graph)
    graph.remove("penombre-2")
    assert len(graph) < with_both
    assert cast(graph, "Penombre") == {("Pénombre", "Mara Quillfeather", "Ottoline")}
    labels = {d["label"] for _, d in graph.to_networkx().nodes(data=True)}
    assert "Calloway Fenn" not in labels and "Ysolde" not in labels
    assert "Mara Quillfeather" in labels and "Hattie Vornholt" in labels
    assert not [r for r in graph.query("provenance").rows if r["article"] == "penombre-2"]

    graph.remove("copper-tide")
    assert cast(graph, "The Copper Tide") == set()
    assert "Oskar Brandvold" not in {d["label"] for _, d in graph.to_networkx().nodes(data=True)}
    assert cast(graph, "Gullwing Bay")
    assert graph.validate()[0]
