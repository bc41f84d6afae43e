"""Ids made by library callers stay inside the output folder too, and the CLI answers bad graphs,
bad SPARQL and unwritable folders with one line naming the problem, not a traceback."""
from __future__ import annotations

import pytest
from hostile_corpus import GOOD_SENTENCE

from kg.cli import main
from kg.graph import KnowledgeGraph, write_facts
from kg.model import Article, ArticleExtraction


@pytest.mark.parametrize("raw", ["../../escape", "/absolute/escape", "nul\x00id", "dir/sub"])
def test_facts_of_hand_made_articles_stay_in_the_folder(tmp_path, raw):
    out = tmp_path / "a" / "b" / "facts"
    [path] = write_facts([ArticleExtraction(Article(id=raw, text="x"))], out)
    assert path.resolve().parent == out.resolve()
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == [path]


def test_library_articles_get_safe_ids(tmp_path, nlp):
    graph = KnowledgeGraph()
    graph.add_articles([Article(id="../../escape", text=GOOD_SENTENCE)])
    assert [e.article.id for e in graph.extractions] == ["escape"]
    [path] = graph.write_facts(tmp_path / "facts")
    assert path == tmp_path / "facts" / "escape.json"


def run(capsys, *argv: str) -> tuple[int, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = 1 if isinstance(exc.code, str) else exc.code
        return code, capsys.readouterr().err + (exc.code if isinstance(exc.code, str) else "")
    return code, capsys.readouterr().err


@pytest.mark.parametrize("content", [b'garbage <<< "', b"\x89PNG\r\n\x1a\n\x00\x00", b""],
                         ids=["bad-syntax", "binary", "empty"])
def test_query_on_a_broken_graph_file_names_it(tmp_path, capsys, content):
    graph = tmp_path / "broken.trig"
    graph.write_bytes(content)
    code, err = run(capsys, "query", "cast", "--graph", str(graph))
    if content:
        assert code != 0 and f"cannot read {graph} as RDF" in err, err
    else:
        assert code == 0  # an empty file is an empty graph


def test_invalid_sparql_is_one_line(tmp_path, capsys):
    graph = KnowledgeGraph()
    path = graph.save(tmp_path / "g.trig")
    code, err = run(capsys, "query", "SELECT ?x WHERE { ?x", "--graph", str(path))
    assert code != 0 and err.startswith("kg: the query is not valid SPARQL")
    assert "Traceback" not in err


def test_output_path_that_is_a_file_is_one_line(tmp_path, capsys, nlp):
    (tmp_path / "a.txt").write_text(GOOD_SENTENCE, encoding="utf-8")
    (tmp_path / "out").write_text("not a folder", encoding="utf-8")
    code, err = run(capsys, "build", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "-q")
    assert code == 2 and err.startswith("kg: ") and str(tmp_path / "out") in err
    assert (tmp_path / "out").read_text(encoding="utf-8") == "not a folder"
