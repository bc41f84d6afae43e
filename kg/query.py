"""Run SPARQL over a graph or a store with bound parameters, and the named queries shipped in kg/queries.

Parameters are bound as RDF terms (rdflib initBindings), never formatted into the query text, so a
value containing quotes, braces or backslashes is only ever a value. A shipped query starts with
comment lines `# title:`, `# description:`, `# params:` (the variables a caller may bind; an
unbound parameter means "no filter") and `# order:` (the columns kg sorts its rows by). A shipped
query ends with `LIMIT 100` and no ORDER BY, so a listing streams and stops at its page; the
`limit` argument resizes the page (0: every row).
"""
from __future__ import annotations

import csv
import functools
import io
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Identifier, Variable

from kg.terms import PREFIXES

from .resolve import name_key
from .sparql_text import limits, with_limit

QUERY_DIR = Path(__file__).parent / "queries"
_NAME = re.compile(r"^[A-Za-z0-9_-]+$")
_KEYWORD = re.compile(r"^\s*(PREFIX|BASE|SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)
_VARIABLE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass(frozen=True)
class NamedQuery:
    """A query shipped with the package: its name (file stem), header fields and SPARQL text;
    `limit` is its page size (its LIMIT), `order` the columns its rows are sorted by."""

    name: str
    title: str
    description: str
    params: tuple[str, ...]
    text: str
    order: tuple[str, ...] = ()
    limit: int | None = None


@dataclass
class QueryResult:
    """Rows of a SELECT (or ASK / CONSTRUCT) result as plain strings, with output helpers."""

    columns: list[str]
    rows: list[dict[str, str | None]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self):
        return iter(self.rows)

    def to_table(self, max_width: int | None = 60) -> str:
        """An aligned text table for a terminal; cells longer than max_width are cut with '…'."""
        def cell(value: str | None) -> str:
            text = "" if value is None else " ".join(value.split())
            if max_width and len(text) > max_width:
                text = text[: max_width - 1] + "…"
            return text

        grid = [list(self.columns)] + [[cell(r.get(c)) for c in self.columns] for r in self.rows]
        widths = [max(len(line[i]) for line in grid) for i in range(len(self.columns))]
        lines = ["  ".join(v.ljust(w) for v, w in zip(line, widths)).rstrip() for line in grid]
        lines.insert(1, "  ".join("-" * w for w in widths))
        return "\n".join(lines) + "\n"

    def to_csv(self) -> str:
        """CSV with a header row; an unbound value is an empty field."""
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=self.columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows({c: ("" if r.get(c) is None else r[c]) for c in self.columns} for r in self.rows)
        return out.getvalue()

    def to_json(self) -> str:
        """JSON object {"columns": [...], "rows": [{column: value or null}]}; see from_json."""
        return json.dumps({"columns": self.columns, "rows": self.rows}, ensure_ascii=False, indent=2)

    @classmethod
    def from_json(cls, text: str) -> QueryResult:
        """Read back what to_json wrote."""
        data = json.loads(text)
        return cls(list(data["columns"]), [dict(row) for row in data["rows"]])


def _plain(term: Any) -> str | None:
    """An RDF term as a plain string: an IRI as itself, a literal as its lexical form."""
    return None if term is None else str(term)


def result_from_rdflib(result: Any) -> QueryResult:
    """Convert an rdflib query result (SELECT, ASK or CONSTRUCT/DESCRIBE) into a QueryResult."""
    if result.type == "ASK":
        return QueryResult(["ask"], [{"ask": "true" if result.askAnswer else "false"}])
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        columns = ["subject", "predicate", "object"]
        return QueryResult(columns, [dict(zip(columns, map(_plain, t))) for t in result.graph])
    columns = [str(v) for v in result.vars]
    return QueryResult(columns, [{c: _plain(row[i]) for i, c in enumerate(columns)} for row in result])


def to_term(value: object) -> Identifier:
    """A binding value as an RDF term: RDF terms as they are, anything else as a Literal."""
    return value if isinstance(value, Identifier) else Literal(value)


def prepare_bindings(sparql: str, bindings: dict[str, object] | None) -> dict[Variable, Identifier]:
    """Check binding names (with or without '?') against the query and turn values into RDF terms.

    A name the query does not use raises ValueError: a misspelt parameter would otherwise be
    silently ignored and the query would list everything. A None value is left unbound.
    """
    prepared: dict[Variable, Identifier] = {}
    for key, value in (bindings or {}).items():
        name = key.lstrip("?$")
        if not _VARIABLE.match(name):
            raise ValueError(f"not a SPARQL variable name: {key!r}")
        if not re.search(rf"[?$]{name}\b", sparql):
            raise ValueError(f"the query has no variable ?{name} to bind")
        if value is not None:
            prepared[Variable(name)] = to_term(value)
    return prepared


@functools.lru_cache(maxsize=256)
def prepare(sparql: str) -> Query:
    """Parse SPARQL once (rdflib's parser is slow: ~0.2 s for a shipped query); kg prefixes predeclared."""
    return prepareQuery(sparql, initNs=PREFIXES)


def query_graph(graph: Graph, sparql: str, bindings: dict[str, object] | None = None) -> QueryResult:
    """Run SPARQL on an rdflib Graph or Dataset with values bound through initBindings."""
    initial = prepare_bindings(sparql, bindings)
    return result_from_rdflib(graph.query(prepare(sparql), initBindings=initial))


def run_query(graph_or_store: Any, sparql: str | os.PathLike, bindings: dict[str, object] | None = None,
              limit: int | None = None) -> QueryResult:
    """Run a shipped query name, a .rq path or SPARQL text on an rdflib graph or a kg Store.

    `limit` sets the query's LIMIT (see with_limit; 0 removes it); None keeps the query's own.
    A shipped query's rows come sorted by its `order` columns.
    """
    text = load_query(sparql)
    named = _parse_header(sparql, text) if isinstance(sparql, str) and _NAME.match(sparql) else None
    if named is not None:
        bindings = name_bindings(named, bindings)
    if limit is not None:
        text = with_limit(text, limit)
    if isinstance(graph_or_store, Graph):
        result = query_graph(graph_or_store, text, bindings)
    else:
        result = graph_or_store.query(text, bindings)
    if named is not None and named.order:
        result.rows.sort(key=lambda row: tuple(row.get(c) or "" for c in named.order))
    return result


def name_bindings(query: NamedQuery, params: dict[str, object] | None) -> dict[str, object]:
    """A shipped query's parameters are names: NAME=value binds ?NAME_key to name_key(value),
    which meets the kg:nameKey of any spelling of the entity (accents, case, '#', 'The'), and
    ?NAME_given to true where the query asks (a pattern on ?NAME_key binds it in any case)."""
    bindings: dict[str, object] = {}
    for key, value in (params or {}).items():
        name = key.lstrip("?$")
        if name not in query.params:
            raise ValueError(f"query {query.name!r} has no parameter {name}; "
                             f"its parameters: {', '.join(query.params) or '(none)'}")
        bindings[f"{name}_key"] = None if value is None else name_key(str(value))
        if value is not None and re.search(rf"[?$]{name}_given\b", query.text):
            bindings[f"{name}_given"] = True
    return bindings


def _parse_header(name: str, text: str) -> NamedQuery:
    """Read the `# key: value` comment lines at the top of a .rq file."""
    header: dict[str, str] = {}
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        key, sep, value = line.lstrip("# ").partition(":")
        if sep:
            header[key.strip().lower()] = value.strip()
    params, order = (tuple(p.lstrip("?$") for p in re.split(r"[\s,]+", header.get(key, "")) if p)
                     for key in ("params", "order"))
    pages = limits(text)
    return NamedQuery(name, header.get("title", name), header.get("description", ""), params, text,
                      order, pages[-1] if pages else None)


def list_queries() -> list[NamedQuery]:
    """The queries shipped in kg/queries, sorted by name."""
    return [_parse_header(p.stem, p.read_text(encoding="utf-8")) for p in sorted(QUERY_DIR.glob("*.rq"))]


def load_query(name_or_path_or_text: str | os.PathLike) -> str:
    """SPARQL text from a shipped query name, a path to a .rq file, or the SPARQL text itself."""
    if isinstance(name_or_path_or_text, os.PathLike):
        return Path(name_or_path_or_text).read_text(encoding="utf-8")
    value = name_or_path_or_text
    if _NAME.match(value):
        shipped = QUERY_DIR / f"{value}.rq"
        if shipped.is_file():
            return shipped.read_text(encoding="utf-8")
        known = ", ".join(q.name for q in list_queries())
        raise ValueError(f"unknown query {value!r}; shipped queries: {known}")
    if "\n" not in value and "{" not in value and not _KEYWORD.match(value):
        path = Path(value.strip()).expanduser()
        if not path.is_file():
            raise FileNotFoundError(f"no query file {path}")
        return path.read_text(encoding="utf-8")
    return value
