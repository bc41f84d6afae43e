"""`KnowledgeGraph`: one façade over extraction, the RDF store, SPARQL, networkx and the HTML view."""
from __future__ import annotations

import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

import networkx as nx

from . import __version__
from .corpus import ReadError, article_from_text, read_articles, safe_id, with_safe_id
from .fsutil import atomic_write_text
from .manifest import graph_hash, source_hash
from .model import Article, ArticleExtraction
from .pipeline import ExtractOptions, extract_articles
from .query import QueryResult, run_query
from .resolve import merge_corpus
from .store import Store, open_store
from .terms import DEFAULT_BASE

def _ontology_dir() -> Path:
    """ontology/ beside the package (a checkout or editable install), else where a wheel puts it."""
    for folder in (Path(__file__).resolve().parent.parent / "ontology", Path(sys.prefix) / "share" / "kg" / "ontology"):
        if (folder / "shapes.ttl").is_file():
            return folder
    raise FileNotFoundError("ontology/shapes.ttl not found; install kg from its repository (pip install -e .)")



@dataclass
class BuildReport:
    """What a build did: articles parsed, articles unchanged since the store last saw them (not
    parsed again), inputs skipped (with reasons), and the named graphs rewritten."""

    articles: list[str] = field(default_factory=list)
    errors: list[ReadError] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    rewritten: list[str] = field(default_factory=list)


class KnowledgeGraph:
    """A knowledge graph of entertainment news: add articles, query with SPARQL, view, save.

    The store keeps, per article, its extraction and the hash of its text (kg.manifest), so
    adding articles again parses only new or changed ones, and only the named graphs whose
    resolved content changed are rewritten.

    >>> kg = KnowledgeGraph()
    >>> kg.add_text("Jane Roe stars as Ada in Harbor, a drama series from HBO.", article_id="a1")
    """

    def __init__(self, store: str | Store = "memory", options: ExtractOptions | None = None,
                 base: str = DEFAULT_BASE, **option_overrides):
        self.options = options or ExtractOptions(**option_overrides)
        self.base = base
        self.store = open_store(store, base=base) if isinstance(store, str) else store
        self._raw: dict[str, ArticleExtraction] | None = None  # per article, as extracted (read lazily)
        self._sources: dict[str, str] = {}  # per article, hash of the text it was extracted from
        self._graphs: dict[str, str] = {}  # per article, hash of what its named graph holds
        self._merged: dict[str, ArticleExtraction] = {}  # per article, labels resolved corpus-wide

    # -- building -------------------------------------------------------------------------------
    @classmethod
    def build(cls, paths: Iterable[str | os.PathLike], **kwargs) -> "KnowledgeGraph":
        """A graph of every article under `paths` (files or folders), in a new or existing store."""
        graph = cls(**kwargs)
        graph.add_paths(paths)
        return graph

    def add_paths(self, paths: Iterable[str | os.PathLike],
                  on_article: Callable[[ArticleExtraction], None] | None = None) -> BuildReport:
        """Read, extract and add the articles under `paths`; unreadable inputs are reported."""
        return self.add_articles(read_articles(paths), on_article=on_article)

    def add_text(self, text: str, article_id: str = "article", **meta: str) -> ArticleExtraction:
        """Add one article given as a string (optional first line `date YYYY-MM-DD`)."""
        article = article_from_text(text, article_id, **meta)
        self.add_articles([article])
        return self._loaded()[article.id]

    def add_articles(self, articles: Iterable[Article | ReadError],
                     on_article: Callable[[ArticleExtraction], None] | None = None) -> BuildReport:
        """Extract and add articles; an article with a known id replaces the earlier one, and one
        whose text and options are unchanged since it was stored is not parsed again.

        Each extraction is kept in the store as soon as it is made, and each named graph is
        replaced in one transaction, so an interrupted build (an exception, Ctrl-C, a kill)
        leaves every graph as it was or as it should be, and the next build resumes.
        """
        raw = self._loaded()
        report = BuildReport()
        hashes: dict[str, str] = {}

        def changed() -> Iterator[Article | ReadError]:
            for item in articles:
                if isinstance(item, Article):
                    item = with_safe_id(item)
                    hashes[item.id] = source_hash(item, self._settings())
                    if self._sources.get(item.id) == hashes[item.id] and item.id in raw:
                        report.unchanged.append(item.id)
                        continue
                yield item

        pending = changed()
        first = next(pending, None)  # nothing new: do not even load spaCy
        if first is not None:
            for extraction in extract_articles(chain([first], pending), self.options, on_error=report.errors.append):
                article_id = extraction.article.id
                self.store.cache(extraction, hashes[article_id])
                raw[article_id], self._sources[article_id] = extraction, hashes[article_id]
                report.articles.append(article_id)
                if on_article:
                    on_article(extraction)
        report.rewritten = self._sync()
        return report

    def remove(self, article_id: str) -> None:
        """Remove an article and everything learnt only from it."""
        raw = self._loaded()
        raw.pop(article_id, None)
        self._sources.pop(article_id, None)
        self._graphs.pop(article_id, None)
        self._merged.pop(article_id, None)
        self.store.remove(article_id)
        self._sync()

    def _settings(self) -> dict[str, object]:
        """What, besides the text, decides an extraction (part of each article's source hash)."""
        return {"model": self.options.model, "min_confidence": self.options.min_confidence, "kg": __version__}

    def _loaded(self) -> dict[str, ArticleExtraction]:
        """The extractions as read, from the store's manifest the first time they are needed."""
        if self._raw is None:
            self._raw = {}
            for record in self.store.records().values():
                if record.extraction is not None:
                    article_id = record.extraction.article.id
                    self._raw[article_id] = record.extraction
                    self._sources[article_id] = record.source_hash or ""
                    self._graphs[article_id] = record.graph_hash or ""
        return self._raw

    def _sync(self) -> list[str]:
        """Resolve entities across all articles; rewrite the named graphs whose content changed."""
        rewritten = []
        for extraction in merge_corpus(list(self._loaded().values())):
            article_id = extraction.article.id
            self._merged[article_id] = extraction
            digest = graph_hash(extraction, self.base)
            if self._graphs.get(article_id) != digest:
                self.store.add(extraction, graph_hash=digest)
                self._graphs[article_id] = digest
                rewritten.append(article_id)
        return rewritten

    @property
    def extractions(self) -> list[ArticleExtraction]:
        """Per-article extractions as read (labels as the article spells them)."""
        return list(self._loaded().values())

    # -- using ----------------------------------------------------------------------------------
    def query(self, sparql: str, limit: int | None = None, **params: object) -> QueryResult:
        """Run SPARQL text, a .rq file or a shipped query name; params are bound as literals.
        `limit` sets the LIMIT (0: every row; None: the query's own, 100 for a shipped query)."""
        return run_query(self.store, sparql, params or None, limit=limit)

    def to_networkx(self) -> nx.MultiDiGraph:
        """The graph as networkx: entity nodes, fact edges with their sources."""
        from .network import to_networkx
        return to_networkx(self.store.dataset)

    def to_html(self, path: str | os.PathLike | None = None, focus: str | None = None, depth: int = 1,
                title: str = "kg", top: int | None = None, types: Iterable[str] = (),
                predicates: Iterable[str] = ()) -> str:
        """The interactive HTML view, written to `path` if given; the filters pick the part drawn.

        `focus` and `depth`: the neighbourhood of one entity (any spelling; LookupError if none);
        `types` and `predicates`: only those entities and facts (ValueError if unknown);
        `top`: the N most connected entities left. The focus itself is always kept.
        """
        from .network import select
        from .view import render_html
        graph = select(self.to_networkx(), focus=focus, depth=depth, top=top, types=types,
                       predicates=predicates)
        html = render_html(graph, title=title)
        if path is not None:
            atomic_write_text(path, html)
        return html

    def save(self, path: str | os.PathLike, format: str | None = None) -> Path:
        """Write the graph to an RDF file (format from the suffix or given), atomically."""
        return self.store.serialize(path, format)

    @classmethod
    def load(cls, path: str | os.PathLike, format: str | None = None, **kwargs) -> "KnowledgeGraph":
        """A graph read from an RDF file written by `save` (or any RDF in our vocabulary)."""
        graph = cls(**kwargs)
        graph.store.load(path, format)
        return graph

    def write_facts(self, folder: str | os.PathLike) -> list[Path]:
        """One facts file per article, in the FORMAT.md format, named `<article-id>.json`."""
        return write_facts(self.extractions, folder)

    def validate(self) -> tuple[bool, str]:
        """Check the graph against ontology/shapes.ttl with SHACL; (conforms, report text)."""
        return validate_graph(self.store.dataset)

    def summary(self) -> dict:
        """Counts a user wants after a build: articles, entities by type, facts by predicate."""
        if not self._merged and self._loaded():
            self._sync()
        entities: Counter = Counter()
        seen = set()
        facts: Counter = Counter()
        for extraction in self._merged.values():
            for ent in extraction.entities:
                if (ent.type, ent.label) not in seen:
                    seen.add((ent.type, ent.label))
                    entities[ent.type] += 1
            facts.update(f.predicate for f in extraction.facts)
        return {"articles": len(self._merged), "entities": dict(entities), "facts": dict(facts),
                "triples": len(self.store)}

    def __len__(self) -> int:
        return len(self.store)

    def close(self) -> None:
        """Close the store (an on-disk store releases its folder)."""
        self.store.close()

    def __enter__(self) -> "KnowledgeGraph":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def write_facts(extractions: Iterable[ArticleExtraction], folder: str | os.PathLike) -> list[Path]:
    """Write each extraction's facts file atomically into `folder`."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for extraction in extractions:
        path = out / f"{safe_id(extraction.article.id)}.json"  # safe already, unless made by hand
        atomic_write_text(path, json.dumps(extraction.to_json(), ensure_ascii=False, indent=2) + "\n")
        written.append(path)
    return written


def validate_graph(graph, shapes: str | os.PathLike | None = None) -> tuple[bool, str]:
    """SHACL-validate an rdflib graph against the shipped shapes (with the ontology for RDFS)."""
    import pyshacl
    from rdflib import Graph
    folder = _ontology_dir()
    shapes_graph = Graph().parse(str(shapes or folder / "shapes.ttl"))
    ontology = Graph().parse(str(folder / "kg.ttl"))
    data = Graph()
    for triple in graph.triples((None, None, None)):
        data.add(triple)
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes_graph, ont_graph=ontology,
                                         inference="rdfs", allow_warnings=True)
    return bool(conforms), text
