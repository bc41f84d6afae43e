"""One interface over triple stores, with a registry of backends (rdflib's plugin idea).

A Store holds one named graph per article (see kg.rdf) and answers SPARQL over their union.
`open_store("memory")` gives the embedded rdflib store; other backends (Oxigraph on disk, a remote
SPARQL 1.1 endpoint) register themselves in STORES under a name and are opened the same way, as
`open_store("name")` or `open_store("name:location")`, or from an http(s) URL.
"""
from __future__ import annotations

import os
from abc import ABC, abstractmethod
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph

from kg.fsutil import atomic_open
from kg.model import ArticleExtraction
from kg.query import QueryResult, query_graph
from kg.rdf import add_extraction, bind_prefixes, remove_article
from kg.terms import DEFAULT_BASE

#: File suffix -> rdflib format name.
FORMATS = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".trig": "trig",
    ".nq": "nquads",
    ".nquads": "nquads",
    ".jsonld": "json-ld",
    ".nt": "nt",
    ".rdf": "xml",
    ".xml": "xml",
    ".owl": "xml",
}
#: Formats that keep the named graphs; the others get the union as one graph.
QUAD_FORMATS = {"trig", "nquads", "json-ld"}
_ALIASES = {"ttl": "turtle", "nq": "nquads", "jsonld": "json-ld", "ntriples": "nt", "rdfxml": "xml"}


def guess_format(path: str | os.PathLike, format: str | None = None) -> str:
    """The rdflib format for a file: the given name (or alias), else guessed from the suffix."""
    if format:
        return _ALIASES.get(format.lower(), format.lower())
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"cannot guess the RDF format of {str(path)!r}; known suffixes: {', '.join(FORMATS)}")
    return FORMATS[suffix]


class Store(ABC):
    """A graph store: add or remove an article's graph, query the union, save and load files."""

    base: str = DEFAULT_BASE

    @abstractmethod
    def add(self, extraction: ArticleExtraction) -> None:
        """Store one article's extraction in its own named graph, replacing any previous version."""

    @abstractmethod
    def remove(self, article_id: str) -> None:
        """Drop one article's named graph."""

    @abstractmethod
    def query(self, sparql: str, bindings: dict[str, object] | None = None) -> QueryResult:
        """Run SPARQL over the union of all graphs, with values bound as RDF terms."""

    @abstractmethod
    def __len__(self) -> int:
        """Number of triples over all graphs (quads)."""

    @property
    def dataset(self) -> Dataset:
        """An rdflib Dataset view of the store, where the backend can give one."""
        raise NotImplementedError(f"{type(self).__name__} has no rdflib Dataset view")

    @abstractmethod
    def serialize(self, path: str | os.PathLike, format: str | None = None) -> Path:
        """Write the store to a file (atomically); triple formats get the union as one graph."""

    @abstractmethod
    def load(self, path: str | os.PathLike, format: str | None = None) -> None:
        """Add the contents of an RDF file (format guessed from the suffix when not given)."""

    def add_all(self, extractions: Iterable[ArticleExtraction]) -> None:
        """Add many extractions, one named graph each."""
        for extraction in extractions:
            self.add(extraction)

    def close(self) -> None:
        """Release resources (files, connections); the in-memory store has none."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class MemoryStore(Store):
    """The embedded default: an rdflib Dataset in memory whose default graph is the union."""

    def __init__(self, location: str | None = None, base: str = DEFAULT_BASE):
        self.base = base
        self._dataset = bind_prefixes(Dataset(default_union=True))
        if location:
            self.load(location)

    @property
    def dataset(self) -> Dataset:
        return self._dataset

    def add(self, extraction: ArticleExtraction) -> None:
        add_extraction(self._dataset, extraction, self.base)

    def remove(self, article_id: str) -> None:
        remove_article(self._dataset, article_id, self.base)

    def query(self, sparql: str, bindings: dict[str, object] | None = None) -> QueryResult:
        return query_graph(self._dataset, sparql, bindings)

    def __len__(self) -> int:
        return sum(1 for _ in self._dataset.quads((None, None, None, None)))

    def serialize(self, path: str | os.PathLike, format: str | None = None) -> Path:
        fmt = guess_format(path, format)
        source: Graph = self._dataset
        if fmt not in QUAD_FORMATS:
            source = bind_prefixes(Graph())
            for triple in self._dataset.triples((None, None, None)):
                source.add(triple)
        with atomic_open(path, "wb") as out:  # a failure leaves any previous file as it was
            source.serialize(destination=out, format=fmt, encoding="utf-8")
        return Path(path)

    def load(self, path: str | os.PathLike, format: str | None = None) -> None:
        self._dataset.parse(str(path), format=guess_format(path, format))


#: Store backends by name; later backends (e.g. "oxigraph", "sparql") register here.
STORES: dict[str, type[Store]] = {"memory": MemoryStore}
#: URL schemes opened by a registered store of another name.
URL_SCHEMES: dict[str, str] = {"http": "sparql", "https": "sparql"}


def register_store(name: str, cls: type[Store]) -> None:
    """Make a Store class available to open_store under a name."""
    STORES[name] = cls


def open_store(name_or_url: str = "memory", **options: Any) -> Store:
    """Open a store by name ("memory"), "name:location" (e.g. "memory:graph.trig") or http(s) URL."""
    name, sep, location = name_or_url.partition(":")
    if name in URL_SCHEMES and location.startswith("//"):
        name, location = URL_SCHEMES[name], name_or_url
    if name not in STORES:
        known = ", ".join(sorted(STORES))
        raise ValueError(f"unknown store {name_or_url!r}; known stores: {known}")
    if sep and location:
        options["location"] = location
    return STORES[name](**options)
