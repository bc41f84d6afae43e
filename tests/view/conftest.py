"""Fixtures of the view tests: the hand-built graph of view_fixture, as RDF and as networkx."""
from __future__ import annotations

import warnings

import pytest
from rdflib import Dataset

from kg.network import to_networkx
from view_fixture import build_dataset


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # rdflib 7.6's own Dataset warnings
        return build_dataset()


@pytest.fixture(scope="session")
def nx_graph(dataset):
    return to_networkx(dataset)
