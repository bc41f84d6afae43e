"""kg against a real SPARQL 1.1 server: Virtuoso on loopback, started and stopped by these tests.

Build into it, answer the shipped queries with parameters as the embedded store does, build again
(idempotent), replace a changed article, remove one, stage big graphs, and keep credentials out of
every message.
"""
from __future__ import annotations

import pytest
from test_incremental import HARBOR, HARBOR_CHANGED, KESTREL, LINDEN, cast, write
from virtuoso_server import available, virtuoso

from kg.cli import main
from kg.graph import KnowledgeGraph
from kg.query import list_queries, run_query
from kg.sparql_store import PASSWORD_ENV, USER_ENV, SparqlError, SparqlStore
from kg.store import open_store

pytestmark = pytest.mark.skipif(not available(), reason="virtuoso-t / isql-vt not installed "
                                "(apt-get install virtuoso-opensource; .ci/run does it)")
PARAMETERS = {"work": "harrow point", "person": "Odile Ferreira", "subject": "Kestrel Run", "object": "maren sidhu"}


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory) -> str:
    with virtuoso(tmp_path_factory.mktemp("virtuoso")) as url:
        yield url


@pytest.fixture
def clean(endpoint) -> str:
    """The endpoint with none of kg's graphs left by an earlier test."""
    with KnowledgeGraph(store=endpoint) as graph:
        for extraction in graph.extractions:
            graph.remove(extraction.article.id)
        assert len(graph) == 0
    return endpoint


def sorted_rows(result) -> list[tuple]:
    return sorted(tuple(row.get(c) or "" for c in result.columns) for row in result.rows)


def test_build_query_rebuild_and_remove_on_virtuoso(clean, tmp_path, nlp):
    corpus = write(tmp_path / "corpus", harbor=HARBOR, kestrel=KESTREL, linden=LINDEN)
    with KnowledgeGraph.build([corpus], store=clean) as remote, KnowledgeGraph.build([corpus]) as local:
        size = len(remote)
        assert size == len(local) > 0
        for query in list_queries():  # every shipped query, with and without its parameters
            params = {p: PARAMETERS[p] for p in query.params}
            assert sorted_rows(remote.query(query.name, **params)) == sorted_rows(local.query(query.name, **params))
            assert sorted_rows(remote.query(query.name)) == sorted_rows(local.query(query.name)), query.name
        assert cast(remote, "HARROW POINT") == {("Odile Ferreira", "Captain Wren")}

    with KnowledgeGraph(store=clean) as again:  # building again: nothing parsed, nothing written
        report = again.add_paths([corpus])
        assert report.articles == [] and report.rewritten == [] and len(again) == size

    write(corpus, harbor=HARBOR_CHANGED)
    with KnowledgeGraph(store=clean) as changed:
        assert changed.add_paths([corpus]).rewritten == ["harbor"]
        assert cast(changed, "Harrow Point") == {("Odile Ferreira", "Admiral Quist")}
        changed.remove("linden")
        assert not cast(changed, "Linden Row") and 0 < len(changed) < size


def test_cli_builds_into_and_queries_an_endpoint(clean, tmp_path, capsys, nlp):
    corpus = write(tmp_path / "corpus", kestrel=KESTREL)
    out = tmp_path / "out"
    assert main(["build", str(corpus), "--store", clean, "--out", str(out), "--no-html", "-q"]) == 0
    assert not (out / "store").exists() and (out / "graph.trig").is_file()  # exports of the endpoint
    assert main(["query", "provenance", "--store", clean, "-p", "object=Maren Sidhu", "--format", "csv"]) == 0
    printed = capsys.readouterr().out
    assert "Kestrel Run,actor,Maren Sidhu,Juno,kestrel,2025-06-09" in printed
    assert main(["validate", "--store", clean]) == 0


def test_hostile_parameters_are_only_values_on_the_endpoint(clean, tmp_path, nlp):
    with KnowledgeGraph.build([write(tmp_path / "corpus", kestrel=KESTREL)], store=clean) as graph:
        size = len(graph)
        for value in ['"} ; DROP ALL #', 'x" } UNION { ?w ?p ?o } #', "back\\slash \\\" }", "line\nbreak"]:
            assert not graph.query("cast", work=value).rows
        assert len(graph) == size


def test_big_graphs_are_staged_in_batches(clean, tmp_path, nlp):
    with KnowledgeGraph.build([write(tmp_path / "corpus", harbor=HARBOR)]) as local:
        extraction = local._merged["harbor"]
        size = len(local)
    store = SparqlStore(clean, batch_size=10)
    store.add(extraction)
    store.add(extraction)  # again: replaced, not doubled
    assert len(store) == size and size > 10


def test_credentials_come_from_the_environment_and_are_never_shown(endpoint, monkeypatch):
    secret = "s3cret-not-the-password"
    monkeypatch.setenv(USER_ENV, "dba")
    monkeypatch.setenv(PASSWORD_ENV, secret)
    auth = endpoint.replace("/sparql", "/sparql-auth")
    store = open_store(auth)
    with pytest.raises(SparqlError) as refused:
        store.remove("nothing-here")
    assert "401" in str(refused.value) and secret not in str(refused.value) and secret not in repr(store)
    monkeypatch.setenv(PASSWORD_ENV, "dba")  # Virtuoso's default dba password; digest authentication
    open_store(auth).remove("nothing-here")
    with pytest.raises(ValueError, match=USER_ENV) as in_url:
        open_store(endpoint.replace("http://", f"http://dba:{secret}@"))
    assert secret not in str(in_url.value)
