"""A persistent store on disk with Oxigraph (pyoxigraph): the default of `kg build`.

Oxigraph keeps the quads in RocksDB with all six indexes and answers SPARQL in Rust, so a
million triples load in seconds and the shipped queries answer in milliseconds (see
benchmarks/queries.py). Each change is one SPARQL update, which Oxigraph runs as one
transaction: an interrupted build leaves every article's graph either old or new, never half.

The default graph is kept as the union of the article graphs (in the same transaction as each
change), and queries read it: Oxigraph's "default graph as union" mode removes duplicates across
graphs on every pattern, which made the shipped queries 5 to 30 times slower.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import XSD
from rdflib.term import Identifier

from .query import QueryResult, prepare_bindings
from .sparql_text import manifest_update, replace_graph_update, union_update, with_values
from .store import Store, guess_format
from .terms import DEFAULT_BASE, MANIFEST, PREFIXES

_PREFIXES = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


def to_rdflib(value: ox.NamedNode | ox.BlankNode | ox.Literal) -> Identifier:
    """A pyoxigraph term as the rdflib term (plain literals stay plain)."""
    if isinstance(value, ox.NamedNode):
        return URIRef(value.value)
    if isinstance(value, ox.BlankNode):
        return BNode(value.value)
    if value.language:
        return Literal(value.value, lang=value.language)
    datatype = value.datatype.value
    return Literal(value.value, datatype=None if datatype == str(XSD.string) else URIRef(datatype))


def _plain(value: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> str | None:
    """A term as the plain string QueryResult holds (an IRI as itself, a literal's lexical form)."""
    return None if value is None else value.value


class OxigraphStore(Store):
    """Oxigraph on disk at `location` (a folder, created if missing), or in memory without one.

    `read_only=True` opens an existing folder without taking its write lock, so `kg query` and
    `kg view` can read while a build writes.
    """

    def __init__(self, location: str | os.PathLike | None = None, base: str = DEFAULT_BASE,
                 read_only: bool = False):
        self.base = base
        self.read_only = read_only
        self.location = None if location is None else Path(location)
        if self.location is None:
            self._store = ox.Store()
        elif read_only:
            if not self.location.is_dir():
                raise FileNotFoundError(f"no Oxigraph store at {self.location}")
            self._store = ox.Store.read_only(str(self.location))
        else:
            self.location.mkdir(parents=True, exist_ok=True)
            self._store = ox.Store(str(self.location))
        self._manifest = ox.NamedNode(str(MANIFEST))

    def __repr__(self) -> str:
        return f"OxigraphStore({str(self.location) if self.location else None!r})"

    def _commit(self, node: URIRef, graph: Graph | None, replace_graph: bool,
                manifest: dict[URIRef, Literal | None]) -> None:
        operations = union_update(node, graph) + replace_graph_update(node, graph) if replace_graph else []
        operations += manifest_update(node, manifest, MANIFEST)
        self._store.update(" ;\n".join(operations))  # one update, one transaction

    def _manifest_triples(self) -> Iterable[tuple[URIRef, URIRef, Literal]]:
        for quad in self._store.quads_for_pattern(None, None, None, self._manifest):
            yield to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)

    def quads(self) -> Iterator[tuple[Identifier, Identifier, Identifier, URIRef]]:
        for graph in self._store.named_graphs():
            if graph != self._manifest:
                name = to_rdflib(graph)
                for quad in self._store.quads_for_pattern(None, None, None, graph):
                    yield to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object), name

    def __len__(self) -> int:
        count = self._store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
                                  f"FILTER(?g != {self._manifest}) }}")
        return int(next(iter(count))["n"].value)

    def query(self, sparql: str, bindings: dict[str, object] | None = None) -> QueryResult:
        text = with_values(sparql, prepare_bindings(sparql, bindings))
        result = self._store.query(text, prefixes=_PREFIXES)  # the default graph is the union
        if isinstance(result, ox.QueryBoolean):
            return QueryResult(["ask"], [{"ask": "true" if bool(result) else "false"}])
        if isinstance(result, ox.QueryTriples):
            columns = ["subject", "predicate", "object"]
            return QueryResult(columns, [dict(zip(columns, (_plain(t.subject), _plain(t.predicate), _plain(t.object))))
                                         for t in result])
        columns = [v.value for v in result.variables]
        return QueryResult(columns, [{c: _plain(solution[c]) for c in columns} for solution in result])

    def load(self, path: str | os.PathLike, format: str | None = None) -> None:
        """Add an RDF file's quads, and its triples to the union (triples outside named graphs go
        to a graph named after the file); N-Quads, TriG, Turtle and N-Triples are read by
        Oxigraph's own parser (fast), other formats by rdflib. The store is compacted afterwards
        (Oxigraph's optimize: seconds at 1M triples), or the first queries read many small files."""
        fmt = guess_format(path, format)
        if fmt in _NATIVE:
            quads = (quad for quad in ox.parse(path=str(path), format=_NATIVE[fmt]))
        else:
            from rdflib import Dataset
            dataset = Dataset()
            dataset.parse(str(path), format=fmt)
            quads = (ox.Quad(_to_ox(s), _to_ox(p), _to_ox(o), _graph_to_ox(g))
                     for s, p, o, g in dataset.quads((None, None, None, None)))
        self._store.bulk_extend(_with_union(quads, ox.NamedNode(Path(path).resolve().as_uri())))
        self._store.optimize()

    def close(self) -> None:
        """Flush and let go of the folder's lock."""
        store, self._store = getattr(self, "_store", None), None
        if store is not None and self.location is not None and not self.read_only:
            store.flush()


_NATIVE = {"nquads": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG, "turtle": ox.RdfFormat.TURTLE,
           "nt": ox.RdfFormat.N_TRIPLES}


def _with_union(quads: Iterable[ox.Quad], fallback: ox.NamedNode) -> Iterator[ox.Quad]:
    """Each quad (in `fallback` if it has no graph), and its triple in the default graph (the union)."""
    default = ox.DefaultGraph()
    for quad in quads:
        graph = fallback if quad.graph_name == default else quad.graph_name
        yield ox.Quad(quad.subject, quad.predicate, quad.object, graph)
        yield ox.Quad(quad.subject, quad.predicate, quad.object, default)


def _to_ox(value: Identifier) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as the pyoxigraph term."""
    if isinstance(value, URIRef):
        return ox.NamedNode(str(value))
    if isinstance(value, BNode):
        return ox.BlankNode(str(value))
    if value.language:
        return ox.Literal(str(value), language=value.language)
    return ox.Literal(str(value), datatype=ox.NamedNode(str(value.datatype)) if value.datatype else None)


def _graph_to_ox(graph: Identifier | Graph | None) -> ox.NamedNode | ox.BlankNode | ox.DefaultGraph:
    """The graph name of an rdflib quad (rdflib's default graph is Oxigraph's default graph)."""
    name = getattr(graph, "identifier", graph)
    return ox.DefaultGraph() if name is None or name == DATASET_DEFAULT_GRAPH_ID else _to_ox(name)
