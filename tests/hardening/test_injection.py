"""Names that reach SPARQL (`kg query -p`, library bindings, `--focus`, article ids) are bound as
literals: a hostile name finds exactly the entity of that name, an injection finds nothing and
changes nothing."""
from __future__ import annotations

import hashlib
import json

import pytest
from hostile_corpus import GOOD_SENTENCE, HOSTILE_NAMES, INJECTION, hostile_extraction

from kg.cli import main
from kg.corpus import safe_id
from kg.graph import KnowledgeGraph

WORK, *PEOPLE = HOSTILE_NAMES
ATTACKS = (INJECTION, '"} ; DROP ALL ; #', "x' } UNION { ?s ?p ?o } #", "\\\" } #", "?work",
           '""" ) } DELETE WHERE { ?s ?p ?o } #', "<https://schema.org/actor>")


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory):
    graph = KnowledgeGraph()
    graph.store.add(hostile_extraction())
    return graph.save(tmp_path_factory.mktemp("injection") / "graph.trig")


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def kg_json(capsys, *argv: str) -> tuple[int, list[dict]]:
    code = main([*argv, "--format", "json"])
    out = capsys.readouterr().out
    return code, json.loads(out)["rows"]


@pytest.mark.parametrize("name", PEOPLE)
def test_cli_param_with_a_hostile_name_finds_that_person(graph_file, capsys, name):
    code, rows = kg_json(capsys, "query", "credits", "--graph", str(graph_file), "-p", f"person={name}")
    assert code == 0
    assert {(r["person"], r["work"]) for r in rows} == {(name, WORK)}, rows


def test_cli_param_with_a_hostile_work_name_finds_its_cast(graph_file, capsys):
    code, rows = kg_json(capsys, "query", "cast", "--graph", str(graph_file), "-p", f"work={WORK}")
    assert code == 0
    assert {r["actor"] for r in rows} == set(PEOPLE)


@pytest.mark.parametrize("attack", ATTACKS)
def test_cli_param_injection_returns_nothing_and_changes_nothing(graph_file, capsys, attack):
    before = digest(graph_file)
    code, rows = kg_json(capsys, "query", "cast", "--graph", str(graph_file), "-p", f"work={attack}")
    assert (code, rows) == (0, [])
    assert digest(graph_file) == before


@pytest.mark.parametrize("attack", ATTACKS[1:])  # ATTACKS[0] is the name of a person in the graph
def test_library_bindings_are_literals(graph_file, attack):
    graph = KnowledgeGraph.load(graph_file)
    size = len(graph)
    sparql = "SELECT ?entity WHERE { ?entity rdfs:label ?name }"
    assert len(graph.query(sparql, name=attack)) == 0
    assert len(graph.query(sparql, name=f"{attack} ")) == 0
    assert len(graph) == size
    # the same binding on a name that is in the graph finds exactly that entity
    [row] = graph.query(sparql, name=INJECTION).rows
    assert row["entity"].endswith("/person/x-drop-all")


def test_view_focus_on_hostile_names(graph_file, tmp_path, capsys):
    for number, name in enumerate((INJECTION, HOSTILE_NAMES[1]), start=1):
        page = tmp_path / f"focus-{number}.html"
        assert main(["view", "--graph", str(graph_file), "--focus", name, "--out", str(page)]) == 0
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html and "</script><script>" not in html
    with pytest.raises(SystemExit) as refused:  # a name that is in no node: a message, no page
        main(["view", "--graph", str(graph_file), "--focus", ATTACKS[1], "--out", str(tmp_path / "x.html")])
    assert ATTACKS[1] in str(refused.value.code)
    assert not (tmp_path / "x.html").exists()
    capsys.readouterr()


def test_hostile_article_id_becomes_a_safe_id_found_by_the_provenance_query(nlp):
    graph = KnowledgeGraph()
    extraction = graph.add_text(GOOD_SENTENCE, article_id=INJECTION)
    assert extraction.article.id == safe_id(INJECTION) == "x-DROP-ALL"
    rows = graph.query("provenance", subject="Lantern Hill").rows
    assert rows and {r["article"] for r in rows} == {"x-DROP-ALL"}


def test_raw_ids_with_quotes_and_braces_still_get_their_own_valid_graph():
    graph = KnowledgeGraph()
    graph.store.add(hostile_extraction(article_id=INJECTION))  # past the readers, straight to the store
    rows = graph.query("provenance", subject=WORK).rows
    assert rows and {r["article"] for r in rows} == {INJECTION}
    graph.store.remove(INJECTION)
    assert len(graph) == 0
