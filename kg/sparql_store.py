"""A remote SPARQL 1.1 endpoint as a store (Virtuoso, Fuseki, GraphDB): the SPARQL 1.1 Protocol
over HTTP with the standard library, credentials from the environment and never shown.

Queries and updates go as HTML-form POSTs (a raw `application/sparql-query` body hangs
Virtuoso 7), results come back as SPARQL JSON. Parameters are bound by a leading VALUES block of
RDF terms (kg.sparql_text). An article's graph is replaced by one update request (DROP, then
INSERT DATA); a graph larger than `batch_size` triples is staged in a side graph in batches and
moved into place by the last request, since Virtuoso refuses large INSERT DATA.
"""
from __future__ import annotations

import json
import os
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Identifier

from .query import QueryResult, prepare_bindings
from .sparql_text import insert_data, manifest_update, replace_graph_update, term, with_values
from .store import Store, guess_format
from .terms import DEFAULT_BASE, MANIFEST, PREFIXES

#: Environment variables read for HTTP credentials (basic or digest, as the server asks).
USER_ENV = "KG_SPARQL_USER"
PASSWORD_ENV = "KG_SPARQL_PASSWORD"
#: Environment variable for an update URL other than the query URL (Fuseki's /update, GraphDB's /statements).
UPDATE_URL_ENV = "KG_SPARQL_UPDATE_URL"
_PROLOGUE = "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in PREFIXES.items())


class SparqlError(RuntimeError):
    """An endpoint refused or failed a request (the message names the URL, never credentials)."""


def _plain(binding: dict | None) -> str | None:
    return None if binding is None else binding["value"]


def to_term(binding: dict) -> Identifier:
    """A SPARQL JSON result binding as an rdflib term."""
    kind, value = binding["type"], binding["value"]
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if "xml:lang" in binding:
        return Literal(value, lang=binding["xml:lang"])
    datatype = binding.get("datatype")
    return Literal(value, datatype=URIRef(datatype) if datatype else None)


class SparqlStore(Store):
    """A SPARQL 1.1 endpoint: `location` is the query URL; updates go to `update_url` (default:
    $KG_SPARQL_UPDATE_URL, else the query URL). Credentials are read from $KG_SPARQL_USER and
    $KG_SPARQL_PASSWORD when set; they are not kept in any string this object shows.

    Only the article graphs under `base` (and kg's manifest graph) are this store's: its length
    and its exports leave the endpoint's other graphs alone.
    """

    def __init__(self, location: str, base: str = DEFAULT_BASE, update_url: str | None = None,
                 read_only: bool = False, timeout: float = 60.0, batch_size: int = 1000):
        self.base = base
        self.query_url = self._checked(location)
        self.update_url = self._checked(update_url or os.environ.get(UPDATE_URL_ENV) or location)
        self.read_only = read_only
        self.timeout = timeout
        self.batch_size = batch_size
        self._opener = self._make_opener()

    @staticmethod
    def _checked(url: str) -> str:
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("a SPARQL endpoint is an http(s) URL")
        if parts.username or parts.password:
            raise ValueError(f"put endpoint credentials in ${USER_ENV} and ${PASSWORD_ENV}, not in the URL")
        return url

    def _make_opener(self) -> urllib.request.OpenerDirector:
        user, password = os.environ.get(USER_ENV), os.environ.get(PASSWORD_ENV)
        if not user:
            return urllib.request.build_opener()
        passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        passwords.add_password(None, [self.query_url, self.update_url], user, password or "")
        return urllib.request.build_opener(urllib.request.HTTPBasicAuthHandler(passwords),
                                           urllib.request.HTTPDigestAuthHandler(passwords))

    def __repr__(self) -> str:
        return f"SparqlStore({self.query_url!r}, update_url={self.update_url!r})"

    # -- HTTP -----------------------------------------------------------------------------------
    def _post(self, url: str, form: dict[str, str], accept: str) -> bytes:
        request = urllib.request.Request(url, data=urllib.parse.urlencode(form).encode("utf-8"),
                                         headers={"Accept": accept,
                                                  "Content-Type": "application/x-www-form-urlencoded"})
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                return response.read()
        except urllib.error.HTTPError as err:
            detail = err.read(600).decode("utf-8", "replace").strip()
            raise SparqlError(f"{url} answered {err.code} {err.reason}: {detail}") from None
        except (urllib.error.URLError, OSError) as err:
            reason = getattr(err, "reason", err)
            raise SparqlError(f"cannot reach the SPARQL endpoint {url}: {reason}") from None

    def _select(self, sparql: str) -> dict:
        body = self._post(self.query_url, {"query": _PROLOGUE + sparql}, "application/sparql-results+json")
        return json.loads(body)

    def _update(self, operations: list[str]) -> None:
        if self.read_only:
            raise SparqlError(f"{self.update_url} was opened read-only")
        self._post(self.update_url, {"update": " ;\n".join(operations)}, "*/*")

    # -- the Store interface --------------------------------------------------------------------
    def _commit(self, node: URIRef, graph: Graph | None, replace_graph: bool,
                manifest: dict[URIRef, Literal | None]) -> None:
        operations = manifest_update(node, manifest, MANIFEST)
        triples = list(graph or ())
        if not replace_graph:
            self._update(operations)
        elif len(triples) <= self.batch_size:
            self._update(replace_graph_update(node, triples) + operations)
        else:
            staging = URIRef(f"{node}/staging")
            self._update([f"DROP SILENT GRAPH {term(staging)}"])
            for start in range(0, len(triples), self.batch_size):
                self._update([insert_data(triples[start:start + self.batch_size], staging)])
            self._update([f"MOVE SILENT GRAPH {term(staging)} TO {term(node)}"] + operations)

    def _manifest_triples(self) -> Iterable[tuple[URIRef, URIRef, Literal]]:
        data = self._select(f"SELECT ?s ?p ?o WHERE {{ GRAPH {term(MANIFEST)} {{ ?s ?p ?o }} }}")
        for row in data["results"]["bindings"]:
            yield to_term(row["s"]), to_term(row["p"]), to_term(row["o"])

    def _graphs(self) -> list[URIRef]:
        """The article graphs of this store (named under base + "article/")."""
        prefix = Literal(f"{self.base}article/")
        data = self._select(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
                            f"FILTER(STRSTARTS(STR(?g), {term(prefix)})) }}")
        return [URIRef(row["g"]["value"]) for row in data["results"]["bindings"]]

    def quads(self) -> Iterator[tuple[Identifier, Identifier, Identifier, URIRef]]:
        for graph in self._graphs():  # one request per article graph keeps under row limits
            data = self._select(f"SELECT ?s ?p ?o WHERE {{ GRAPH {term(graph)} {{ ?s ?p ?o }} }}")
            for row in data["results"]["bindings"]:
                yield to_term(row["s"]), to_term(row["p"]), to_term(row["o"]), graph

    def __len__(self) -> int:
        prefix = Literal(f"{self.base}article/")
        data = self._select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
                            f"FILTER(STRSTARTS(STR(?g), {term(prefix)})) }}")
        return int(data["results"]["bindings"][0]["n"]["value"])

    def query(self, sparql: str, bindings: dict[str, object] | None = None) -> QueryResult:
        data = self._select(with_values(sparql, prepare_bindings(sparql, bindings)))
        if "boolean" in data:
            return QueryResult(["ask"], [{"ask": "true" if data["boolean"] else "false"}])
        columns = list(data["head"]["vars"])
        return QueryResult(columns, [{c: _plain(row.get(c)) for c in columns}
                                     for row in data["results"]["bindings"]])

    def load(self, path: str | os.PathLike, format: str | None = None) -> None:
        """Add an RDF file: each named graph replaces the graph of that name; triples outside
        named graphs go to a graph named after the file."""
        from rdflib import Dataset
        dataset = Dataset()
        dataset.parse(str(path), format=guess_format(path, format))
        for graph in dataset.graphs():
            if len(graph):
                name = graph.identifier
                if name == DATASET_DEFAULT_GRAPH_ID:
                    name = URIRef(Path(path).resolve().as_uri())
                self._commit(name, graph, True, {})
