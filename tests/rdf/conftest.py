"""Fixtures of the RDF tests: the sample extractions, the ontology and the shapes."""
from __future__ import annotations

import pytest
from kg_samples import ONTOLOGY, SHAPES, etoile, thornbury
from rdflib import Graph

from kg.model import ArticleExtraction


@pytest.fixture
def extractions() -> list[ArticleExtraction]:
    return [etoile(), thornbury()]


@pytest.fixture(scope="session")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY)


@pytest.fixture(scope="session")
def shapes() -> Graph:
    return Graph().parse(SHAPES)
