"""SPARQL text made from RDF terms, for stores that take SPARQL strings (Oxigraph, remote endpoints).

Every value is written by rdflib's N-Triples serialization of a term (quotes, backslashes and
newlines escaped), never pasted as user text: query parameters become a leading `VALUES` block,
an article's graph becomes `INSERT DATA`; a row limit rewrites the query's LIMIT clauses.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from rdflib import Literal, URIRef
from rdflib.term import Identifier, Variable

_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')
#: Comments, strings (long and short) and IRIs, which may hold braces that are not syntax.
_SKIP = re.compile(r'#[^\n]*|"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
                   r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>')
_WHERE = re.compile(r"\bWHERE\s*$", re.IGNORECASE)
_CONSTRUCT = re.compile(r"^\s*CONSTRUCT\b", re.IGNORECASE | re.MULTILINE)
#: A LIMIT clause, or text to skip (a comment, string or IRI) where "LIMIT" is not a keyword.
_LIMIT = re.compile(rf"(?P<limit>\bLIMIT\s+\d+)|{_SKIP.pattern}", re.IGNORECASE)

Triple = tuple[Identifier, Identifier, Identifier]


def term(value: Identifier) -> str:
    """A term as SPARQL text; an IRI that could break out of its <...> is refused."""
    if isinstance(value, URIRef) and _IRI_FORBIDDEN.search(str(value)):
        raise ValueError("an IRI with spaces, quotes, braces or angle brackets cannot be written as SPARQL")
    if not isinstance(value, (URIRef, Literal)):
        raise ValueError(f"only IRIs and literals can be written as SPARQL values, not {type(value).__name__}")
    return value.n3()


def _where_brace(sparql: str) -> int:
    """Offset of the '{' that opens the query's WHERE group (skipping comments, strings, IRIs)."""
    construct = bool(_CONSTRUCT.search(_SKIP.sub(" ", sparql)))
    depth, position, top_level = 0, 0, []
    while position < len(sparql):
        skipped = _SKIP.match(sparql, position) if sparql[position] in "#\"'<" else None
        if skipped and skipped.end() > position:
            position = skipped.end()
            continue
        char = sparql[position]
        if char == "{":
            if depth == 0:
                if _WHERE.search(sparql[:position]) or not construct:
                    return position
                top_level.append(position)
            depth += 1
        elif char == "}":
            depth -= 1
        position += 1
    if top_level:  # CONSTRUCT WHERE { ... } shorthand
        return top_level[0]
    raise ValueError("the query has no WHERE group to bind parameters in")


def with_values(sparql: str, bindings: Mapping[Variable, Identifier]) -> str:
    """The query with `VALUES (?a ?b) { (x y) }` as the first thing in its WHERE group.

    Joined first, the values act like pre-bound variables: patterns use them as index keys and
    FILTERs of the group see them.
    """
    if not bindings:
        return sparql
    names = " ".join(f"?{name}" for name in bindings)
    values = " ".join(term(value) for value in bindings.values())
    at = _where_brace(sparql) + 1
    return f"{sparql[:at]} VALUES ({names}) {{ ({values}) }}{sparql[at:]}"


def limits(sparql: str) -> list[int]:
    """The numbers of the query's LIMIT clauses (its own and its subqueries'), in text order."""
    return [int(m.group("limit").split()[1]) for m in _LIMIT.finditer(sparql) if m.group("limit")]


def with_limit(sparql: str, limit: int) -> str:
    """The query with every LIMIT clause set to `limit` (0: removed), or `LIMIT limit` appended
    when it has none. Shipped queries use LIMIT only for their page size, so this resizes the page."""
    if limit < 0:
        raise ValueError(f"a row limit is 0 (no limit) or more, not {limit}")

    def resize(match: re.Match) -> str:
        if not match.group("limit"):
            return match.group(0)
        return f"LIMIT {limit}" if limit else ""

    if limits(sparql):
        return _LIMIT.sub(resize, sparql)
    return f"{sparql.rstrip()}\nLIMIT {limit}\n" if limit else sparql


def triples_text(triples: Iterable[Triple]) -> str:
    """Triples as N-Triples-like lines for INSERT DATA."""
    return "\n".join(f"{term(s)} {term(p)} {term(o)} ." for s, p, o in triples)


def insert_data(triples: Iterable[Triple], graph: URIRef) -> str:
    """`INSERT DATA { GRAPH <graph> { ... } }` for the triples."""
    return f"INSERT DATA {{ GRAPH {term(graph)} {{\n{triples_text(triples)}\n}} }}"


def union_update(node: URIRef, triples: Iterable[Triple] | None) -> list[str]:
    """Operations that keep the default graph the union of the named graphs while the graph
    `node` is replaced by these triples: its old triples leave the default graph unless another
    graph states them, its new ones enter it. Run before and with replace_graph_update."""
    operations = [f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {term(node)} {{ ?s ?p ?o }} "
                  f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != {term(node)}) }} }}"]
    triples = list(triples or ())
    if triples:
        operations.append(f"INSERT DATA {{\n{triples_text(triples)}\n}}")
    return operations


def manifest_update(node: URIRef, values: Mapping[URIRef, Literal | None], manifest: URIRef) -> list[str]:
    """Operations that set (or, for None, delete) manifest values of an article node."""
    operations = [f"DELETE WHERE {{ GRAPH {term(manifest)} {{ {term(node)} {term(prop)} ?value }} }}"
                  for prop in values]
    kept = [(node, prop, value) for prop, value in values.items() if value is not None]
    if kept:
        operations.append(insert_data(kept, manifest))
    return operations


def replace_graph_update(node: URIRef, triples: Iterable[Triple] | None) -> list[str]:
    """Operations that make the named graph `node` hold exactly these triples (None: drop it)."""
    operations = [f"DROP SILENT GRAPH {term(node)}"]
    triples = list(triples or ())
    if triples:
        operations.append(insert_data(triples, node))
    return operations
