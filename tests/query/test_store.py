"""kg.store: the store registry, add/remove per article, and atomic save/load in every format."""
from __future__ import annotations

import pytest
from kg_samples import ETOILE_ID, THORNBURY_ID, etoile

from rdflib import Graph

from kg.oxigraph_store import OxigraphStore
from kg.store import STORES, MemoryStore, open_store, register_store
from kg.terms import article_iri

#: rdflib 7.6 warns about its own deprecated Dataset internals on every lookup; not ours to fix.
pytestmark = pytest.mark.filterwarnings(r"ignore:(Dataset\.|ConjunctiveGraph ).*deprecated:DeprecationWarning")


def test_open_store_by_name_and_unknown_names(tmp_path):
    assert isinstance(open_store(), MemoryStore) and {"memory", "oxigraph", "sparql"} <= set(STORES)
    with pytest.raises(ValueError, match="known stores: memory, oxigraph, sparql"):
        open_store("oxigraf")
    with open_store(f"oxigraph:{tmp_path / 'db'}") as store:
        assert isinstance(store, OxigraphStore) and len(store) == 0
    assert (tmp_path / "db").is_dir()


def test_a_store_registered_by_module_path_is_imported_when_opened(tmp_path):
    register_store("disk", "kg.oxigraph_store:OxigraphStore")
    try:
        with open_store(f"disk:{tmp_path / 'db'}") as store:
            assert isinstance(store, OxigraphStore)
    finally:
        del STORES["disk"]


def test_len_counts_triples_over_all_graphs(store):
    per_graph = sum(len(g) for g in store.dataset.graphs())
    assert len(store) == per_graph > 0


def test_remove_drops_one_article(store):
    store.remove(ETOILE_ID)
    assert {r["article"] for r in store.query(
        "PREFIX schema: <https://schema.org/> SELECT ?article WHERE { ?a schema:identifier ?article }").rows} == {THORNBURY_ID}


def test_adding_an_article_twice_does_not_duplicate(store):
    size = len(store)
    store.add(etoile())
    assert len(store) == size


@pytest.mark.parametrize("suffix", [".trig", ".nq", ".jsonld"])
def test_quad_formats_keep_the_named_graphs(store, tmp_path, suffix):
    path = store.serialize(tmp_path / f"kg{suffix}")
    loaded = open_store(f"memory:{path}")
    assert len(loaded) == len(store)
    graphs = {g.identifier for g in loaded.dataset.graphs() if len(g)}
    assert graphs == {article_iri(ETOILE_ID), article_iri(THORNBURY_ID)}
    loaded.remove(ETOILE_ID)  # still removable per article after a round trip
    assert {g.identifier for g in loaded.dataset.graphs() if len(g)} == {article_iri(THORNBURY_ID)}


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".rdf"])
def test_triple_formats_write_the_union(store, tmp_path, suffix):
    union = set(store.dataset.triples((None, None, None)))
    loaded = MemoryStore()
    loaded.load(store.serialize(tmp_path / f"kg{suffix}"))
    assert set(loaded.dataset.triples((None, None, None))) == union
    assert loaded.query("PREFIX schema: <https://schema.org/> ASK { ?w schema:actor ?p }").rows == [{"ask": "true"}]


def test_serialize_replaces_atomically_and_leaves_no_temporary_file(store, tmp_path):
    path = tmp_path / "out" / "kg.trig"
    store.serialize(path)
    first = path.read_bytes()
    store.remove(ETOILE_ID)
    store.serialize(path, format="trig")
    assert path.read_bytes() != first
    assert [p.name for p in path.parent.iterdir()] == ["kg.trig"]


def test_a_failed_write_keeps_the_old_file(store, tmp_path, monkeypatch):
    path = store.serialize(tmp_path / "kg.trig")
    before = path.read_bytes()

    def fail_halfway(graph, destination, **options):
        destination.write(b"@prefix broken")
        raise RuntimeError("disk full")

    monkeypatch.setattr(Graph, "serialize", fail_halfway)
    with pytest.raises(RuntimeError, match="disk full"):
        store.serialize(path)
    assert path.read_bytes() == before and [p.name for p in tmp_path.iterdir()] == ["kg.trig"]


def test_unknown_suffix_needs_a_format(store, tmp_path):
    with pytest.raises(ValueError, match="cannot guess"):
        store.serialize(tmp_path / "kg.data")
    assert store.serialize(tmp_path / "kg.data", format="ttl").read_text(encoding="utf-8").startswith("@prefix")
