"""Fixtures of the query and store tests: a store and a Dataset built from the RDF tests' samples."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "rdf"))  # for kg_samples

from kg_samples import etoile, maisel  # noqa: E402
from rdflib import Dataset  # noqa: E402

from kg.rdf import to_dataset  # noqa: E402
from kg.store import MemoryStore, Store, open_store  # noqa: E402


@pytest.fixture
def store() -> Store:
    store = open_store("memory")
    store.add_all([etoile(), maisel()])
    assert isinstance(store, MemoryStore)
    return store


@pytest.fixture
def dataset() -> Dataset:
    return to_dataset([etoile(), maisel()])
