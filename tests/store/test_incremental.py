"""Incremental, idempotent builds into a persistent Oxigraph store: same articles change nothing,
a changed article replaces only its own graph, removal, and interrupted builds keep the old state.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.cli import main
from kg.graph import KnowledgeGraph
from kg.terms import article_iri

HARBOR = """date 2025-06-02
Harrow Point is a new drama series from HBO.

Harrow Point was created by Ines Valdecasas.

Odile Ferreira plays Captain Wren in Harrow Point.
"""
HARBOR_CHANGED = HARBOR.replace("Odile Ferreira plays Captain Wren", "Odile Ferreira plays Admiral Quist")
KESTREL = """date 2025-06-09
The thriller Kestrel Run was directed by Bastian Oyelowo.

Maren Sidhu plays Juno in Kestrel Run, which premieres on Peacock in July.
"""
LINDEN = """date 2025-06-16
Linden Row is a new comedy series from Hulu.

Tamsin Achebe plays Pru in Linden Row.
"""


class Interrupted(Exception):
    """Stands for Ctrl-C or a kill in the middle of a build."""


def write(folder: Path, **articles: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for article_id, text in articles.items():
        (folder / f"{article_id}.txt").write_text(text, encoding="utf-8")
    return folder


def graphs(graph: KnowledgeGraph) -> dict[str, frozenset]:
    """Each article's named graph as a set of triples, by article id."""
    by_graph: dict[str, set] = {}
    for s, p, o, g in graph.store.quads():
        by_graph.setdefault(str(g).rsplit("/", 1)[-1], set()).add((s, p, o))
    return {k: frozenset(v) for k, v in by_graph.items()}


def cast(graph: KnowledgeGraph, work: str) -> set[tuple[str, str | None]]:
    return {(r["actor"], r["character"]) for r in graph.query("cast", work=work)}


@pytest.fixture
def corpus(tmp_path) -> Path:
    return write(tmp_path / "corpus", harbor=HARBOR, kestrel=KESTREL)


@pytest.fixture
def location(tmp_path) -> str:
    return f"oxigraph:{tmp_path / 'store'}"


def test_building_twice_changes_nothing_and_parses_nothing(corpus, location, nlp):
    with KnowledgeGraph.build([corpus], store=location) as graph:
        before, size = graphs(graph), len(graph)
    assert set(before) == {"harbor", "kestrel"} and size > 0
    with KnowledgeGraph(store=location) as graph:  # a new process would do the same
        assert cast(graph, "Harrow Point") == {("Odile Ferreira", "Captain Wren")}
        report = graph.add_paths([corpus])
        assert report.articles == [] and sorted(report.unchanged) == ["harbor", "kestrel"]
        assert report.rewritten == []
        assert len(graph) == size and graphs(graph) == before


def test_a_changed_article_replaces_only_its_own_graph(corpus, location, nlp):
    with KnowledgeGraph.build([corpus], store=location) as graph:
        before = graphs(graph)
    write(corpus, harbor=HARBOR_CHANGED)
    with KnowledgeGraph(store=location) as graph:
        report = graph.add_paths([corpus])
        after = graphs(graph)
        assert report.articles == ["harbor"] and report.unchanged == ["kestrel"]
        assert report.rewritten == ["harbor"]
        assert after["kestrel"] == before["kestrel"] and after["harbor"] != before["harbor"]
        assert cast(graph, "Harrow Point") == {("Odile Ferreira", "Admiral Quist")}  # no trace of the old role


def test_remove_drops_an_article_and_building_again_restores_it(corpus, location, nlp):
    with KnowledgeGraph.build([corpus], store=location) as graph:
        full, size = graphs(graph), len(graph)
        graph.remove("kestrel")
        assert set(graphs(graph)) == {"harbor"} and not cast(graph, "Kestrel Run")
        assert [e.article.id for e in graph.extractions] == ["harbor"]
    with KnowledgeGraph(store=location) as graph:
        report = graph.add_paths([corpus])
        assert report.articles == ["kestrel"]  # its extraction left the store with it
        assert graphs(graph) == full and len(graph) == size


def test_an_interrupted_build_leaves_the_store_as_it_was(corpus, location, nlp):
    with KnowledgeGraph.build([corpus], store=location) as graph:
        before, size = graphs(graph), len(graph)
    write(corpus, harbor=HARBOR_CHANGED, linden=LINDEN)

    def interrupt(extraction):
        raise Interrupted(extraction.article.id)

    with KnowledgeGraph(store=location) as graph:
        with pytest.raises(Interrupted):
            graph.add_paths([corpus], on_article=interrupt)
    with KnowledgeGraph(store=location) as graph:
        assert graphs(graph) == before and len(graph) == size
        assert cast(graph, "Harrow Point") == {("Odile Ferreira", "Captain Wren")}
        report = graph.add_paths([corpus])  # the next build finishes the job
        assert set(graphs(graph)) == {"harbor", "kestrel", "linden"}
        assert cast(graph, "Harrow Point") == {("Odile Ferreira", "Admiral Quist")}
        assert len(report.articles) < 2  # the article parsed before the interruption was kept


def test_a_failed_graph_write_keeps_that_article_old(corpus, location, nlp, monkeypatch):
    with KnowledgeGraph.build([corpus], store=location) as graph:
        before = graphs(graph)
    write(corpus, harbor=HARBOR_CHANGED)
    with KnowledgeGraph(store=location) as graph:
        commit = type(graph.store)._commit

        def fail_on_graphs(store, node, data, replace_graph, manifest):
            if replace_graph and data is not None:
                raise Interrupted("killed while writing")
            commit(store, node, data, replace_graph, manifest)

        monkeypatch.setattr(type(graph.store), "_commit", fail_on_graphs)
        with pytest.raises(Interrupted):
            graph.add_paths([corpus])
        monkeypatch.undo()
    with KnowledgeGraph(store=location) as graph:
        assert graphs(graph) == before
        report = graph.add_paths([corpus])
        assert report.articles == [] and report.rewritten == ["harbor"]  # parsed once, written now


def test_kg_build_keeps_a_store_that_query_and_remove_use(tmp_path, corpus, capsys, nlp, monkeypatch):
    out = tmp_path / "out"
    assert main(["build", str(corpus), "--out", str(out), "--no-html"]) == 0
    first = capsys.readouterr().out
    assert "parsed:   2 new or changed, 0 unchanged" in first and (out / "store").is_dir()
    assert main(["build", str(corpus), "--out", str(out), "--no-html"]) == 0
    again = capsys.readouterr().out
    assert "parsed:   0 new or changed, 2 unchanged; 0 named graphs rewritten" in again
    assert first.split("triples:")[1].split()[0] == again.split("triples:")[1].split()[0]

    monkeypatch.chdir(tmp_path)  # `kg query` opens outputs/store by default
    (tmp_path / "outputs").symlink_to(out)
    assert main(["query", "cast", "-p", "work=harrow point", "--format", "csv"]) == 0
    assert "Odile Ferreira,Captain Wren" in capsys.readouterr().out
    assert main(["remove", "kestrel", "--no-html"]) == 0
    assert not (out / "facts" / "kestrel.json").exists()
    assert article_iri("kestrel") not in (out / "graph.trig").read_text(encoding="utf-8")
    assert main(["query", "cast", "-p", "work=Kestrel Run", "--format", "csv"]) == 0
    assert capsys.readouterr().out.strip() == "work,actor,character"
    assert main(["remove", "kestrel", "--no-html"]) == 1
