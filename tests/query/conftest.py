"""Fixtures of the query and store tests: a store and a Dataset built from the RDF tests' samples."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "rdf"))  # for kg_samples

from kg_samples import etoile, thornbury  # noqa: E402
from rdflib import Dataset  # noqa: E402

from kg.rdf import to_dataset  # noqa: E402
from kg.store import Store, open_store  # noqa: E402


@pytest.fixture(params=["memory", "oxigraph"])
def store(request, tmp_path_factory) -> Store:
    """The two samples in each embedded store: rdflib in memory, and Oxigraph on disk."""
    store = open_store("memory" if request.param == "memory" else f"oxigraph:{tmp_path_factory.mktemp('oxigraph')}")
    store.add_all([etoile(), thornbury()])
    yield store
    store.close()


@pytest.fixture
def dataset() -> Dataset:
    return to_dataset([etoile(), thornbury()])
