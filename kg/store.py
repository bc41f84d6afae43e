"""One interface over triple stores, with a registry of backends (rdflib's plugin idea).

A Store holds one named graph per article (see kg.rdf) and answers SPARQL over their union.
`open_store("memory")` gives the embedded rdflib store, `open_store("oxigraph:DIR")` a persistent
Oxigraph store on disk, `open_store("https://host/sparql")` a remote SPARQL 1.1 endpoint; other
backends register in STORES under a name and are opened the same way.
"""
from __future__ import annotations

import importlib
import os
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.term import Identifier

from kg.fsutil import atomic_open
from kg.manifest import MANIFEST_PROPERTIES, ArticleRecord, extraction_literal, read_records
from kg.model import ArticleExtraction
from kg.query import QueryResult, query_graph
from kg.rdf import article_graph, bind_prefixes
from kg.terms import DEFAULT_BASE, EXTRACTION, GRAPH_HASH, SOURCE_HASH, article_iri

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
    """A graph store: one named graph per article, SPARQL over their union, a manifest for builds.

    A backend implements `_commit` (one transaction: replace an article's graph and set its
    manifest values), `_manifest_triples`, `quads`, `query` and `load`; adding, removing,
    exporting and the manifest records are shared.
    """

    base: str = DEFAULT_BASE

    # -- what a backend implements ------------------------------------------------------------
    @abstractmethod
    def _commit(self, node: URIRef, graph: Graph | None, replace_graph: bool,
                manifest: dict[URIRef, Literal | None]) -> None:
        """In one transaction: if replace_graph, make the named graph `node` hold exactly `graph`
        (None drops it); set the manifest values of `node` (None deletes one)."""

    @abstractmethod
    def _manifest_triples(self) -> Iterable[tuple[URIRef, URIRef, Literal]]:
        """Every (article node, manifest property, value) the store keeps."""

    @abstractmethod
    def quads(self) -> Iterator[tuple[Identifier, Identifier, Identifier, URIRef]]:
        """Every triple of the graph with its named graph, as rdflib terms (the manifest left out)."""

    @abstractmethod
    def query(self, sparql: str, bindings: dict[str, object] | None = None) -> QueryResult:
        """Run SPARQL over the union of all graphs, with values bound as RDF terms."""

    @abstractmethod
    def load(self, path: str | os.PathLike, format: str | None = None) -> None:
        """Add the contents of an RDF file (format guessed from the suffix when not given)."""

    # -- shared ---------------------------------------------------------------------------------
    def add(self, extraction: ArticleExtraction, graph_hash: str | None = None) -> None:
        """Store one article's extraction in its own named graph, atomically replacing any
        previous version; `graph_hash` is recorded in the manifest (see kg.manifest)."""
        node = article_iri(extraction.article.id, self.base)
        hash_value = Literal(graph_hash) if graph_hash else None
        self._commit(node, article_graph(extraction, self.base), True, {GRAPH_HASH: hash_value})

    def remove(self, article_id: str) -> None:
        """Drop one article's named graph and its manifest entry."""
        self._commit(article_iri(article_id, self.base), None, True, dict.fromkeys(MANIFEST_PROPERTIES))

    def cache(self, extraction: ArticleExtraction, source_hash: str) -> None:
        """Keep an article's extraction as read, with the hash of its source, in the manifest."""
        node = article_iri(extraction.article.id, self.base)
        self._commit(node, None, False, {SOURCE_HASH: Literal(source_hash),
                                         EXTRACTION: extraction_literal(extraction)})

    def records(self) -> dict[URIRef, ArticleRecord]:
        """The manifest: per article node, its source hash, extraction as read and graph hash."""
        return read_records(self._manifest_triples())

    def add_all(self, extractions: Iterable[ArticleExtraction]) -> None:
        """Add many extractions, one named graph each."""
        for extraction in extractions:
            self.add(extraction)

    def __len__(self) -> int:
        """Number of triples over all graphs (quads), the manifest left out."""
        return sum(1 for _ in self.quads())

    @property
    def dataset(self) -> Dataset:
        """The graph as an rdflib Dataset (a copy, for backends that are not rdflib)."""
        dataset = bind_prefixes(Dataset(default_union=True))
        dataset.addN(self.quads())
        return dataset

    def serialize(self, path: str | os.PathLike, format: str | None = None) -> Path:
        """Write the store to a file (atomically); triple formats get the union as one graph."""
        fmt = guess_format(path, format)
        dataset = self.dataset
        source: Graph = dataset
        if fmt not in QUAD_FORMATS:
            source = bind_prefixes(Graph())
            for triple in dataset.triples((None, None, None)):
                source.add(triple)
        with atomic_open(path, "wb") as out:  # a failure leaves any previous file as it was
            source.serialize(destination=out, format=fmt, encoding="utf-8")
        return Path(path)

    def close(self) -> None:
        """Release resources (files, connections); the in-memory store has none."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class MemoryStore(Store):
    """The embedded default: an rdflib Dataset in memory whose default graph is the union."""

    def __init__(self, location: str | None = None, base: str = DEFAULT_BASE, read_only: bool = False):
        self.base = base
        self._dataset = bind_prefixes(Dataset(default_union=True))
        self._manifest: dict[URIRef, dict[URIRef, Literal]] = {}
        if location:
            self.load(location)

    @property
    def dataset(self) -> Dataset:
        return self._dataset

    def _commit(self, node: URIRef, graph: Graph | None, replace_graph: bool,
                manifest: dict[URIRef, Literal | None]) -> None:
        if replace_graph:
            self._dataset.remove_graph(node)
            if graph is not None:
                target = self._dataset.graph(node)
                target.addN((s, p, o, target) for s, p, o in graph)
        entry = self._manifest.setdefault(node, {})
        for prop, value in manifest.items():
            if value is None:
                entry.pop(prop, None)
            else:
                entry[prop] = value
        if not entry:
            del self._manifest[node]

    def _manifest_triples(self) -> Iterable[tuple[URIRef, URIRef, Literal]]:
        return [(node, prop, value) for node, entry in self._manifest.items() for prop, value in entry.items()]

    def quads(self) -> Iterator[tuple[Identifier, Identifier, Identifier, URIRef]]:
        for s, p, o, graph in self._dataset.quads((None, None, None, None)):
            yield s, p, o, graph

    def query(self, sparql: str, bindings: dict[str, object] | None = None) -> QueryResult:
        return query_graph(self._dataset, sparql, bindings)

    def __len__(self) -> int:
        return sum(1 for _ in self._dataset.quads((None, None, None, None)))

    def load(self, path: str | os.PathLike, format: str | None = None) -> None:
        self._dataset.parse(str(path), format=guess_format(path, format))


#: Store backends by name: a Store class, or "module:Class" imported when first opened (as rdflib's
#: plugins are), so a backend's own package (pyoxigraph) is loaded only by those who use it.
STORES: dict[str, type[Store] | str] = {
    "memory": MemoryStore,
    "oxigraph": "kg.oxigraph_store:OxigraphStore",
    "sparql": "kg.sparql_store:SparqlStore",
}
#: URL schemes opened by a registered store of another name.
URL_SCHEMES: dict[str, str] = {"http": "sparql", "https": "sparql"}


def register_store(name: str, cls: type[Store] | str) -> None:
    """Make a Store class (or "module:Class", imported on first use) available to open_store under a name."""
    STORES[name] = cls


def store_class(name: str) -> type[Store]:
    """The Store class registered under a name, imported if registered as "module:Class"."""
    entry = STORES[name]
    if isinstance(entry, str):
        module, _, attribute = entry.partition(":")
        entry = STORES[name] = getattr(importlib.import_module(module), attribute)
    return entry


def open_store(name_or_url: str = "memory", **options: Any) -> Store:
    """Open a store by name ("memory"), "name:location" (e.g. "oxigraph:outputs/store",
    "memory:graph.trig") or the http(s) URL of a SPARQL endpoint."""
    name, sep, location = name_or_url.partition(":")
    if name in URL_SCHEMES and location.startswith("//"):
        name, location = URL_SCHEMES[name], name_or_url
    if name not in STORES:
        known = ", ".join(sorted(STORES))
        raise ValueError(f"unknown store {name!r}; known stores: {known}")
    if sep and location:
        options["location"] = location
    return store_class(name)(**options)
