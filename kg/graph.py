"""`KnowledgeGraph`: one façade over extraction, the RDF store, SPARQL, networkx and the HTML view."""
from __future__ import annotations

import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from .corpus import ReadError, article_from_text, read_articles, safe_id
from .fsutil import atomic_write_text
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
    """What a build did: articles added, inputs skipped (with reasons)."""

    articles: list[str] = field(default_factory=list)
    errors: list[ReadError] = field(default_factory=list)


class KnowledgeGraph:
    """A knowledge graph of entertainment news: add articles, query with SPARQL, view, save.

    >>> kg = KnowledgeGraph()
    >>> kg.add_text("Jane Roe stars as Ada in Harbor, a drama series from HBO.", article_id="a1")
    """

    def __init__(self, store: str | Store = "memory", options: ExtractOptions | None = None,
                 base: str = DEFAULT_BASE, **option_overrides):
        self.options = options or ExtractOptions(**option_overrides)
        self.base = base
        self.store = open_store(store, base=base) if isinstance(store, str) else store
        self._raw: dict[str, ArticleExtraction] = {}  # per article, as extracted
        self._merged: dict[str, ArticleExtraction] = {}  # per article, labels resolved corpus-wide

    # -- building -------------------------------------------------------------------------------
    @classmethod
    def build(cls, paths: Iterable[str | os.PathLike], **kwargs) -> "KnowledgeGraph":
        """A new graph of every article under `paths` (files or folders)."""
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
        return self._raw[article.id]

    def add_articles(self, articles: Iterable[Article | ReadError],
                     on_article: Callable[[ArticleExtraction], None] | None = None) -> BuildReport:
        """Extract and add articles; an article with a known id replaces the earlier one."""
        report = BuildReport()
        for extraction in extract_articles(articles, self.options, on_error=report.errors.append):
            self._raw[extraction.article.id] = extraction
            report.articles.append(extraction.article.id)
            if on_article:
                on_article(extraction)
        self._sync()
        return report

    def remove(self, article_id: str) -> None:
        """Remove an article and everything learnt only from it."""
        self._raw.pop(article_id, None)
        if self._merged.pop(article_id, None) is not None:
            self.store.remove(article_id)
        self._sync()

    def _sync(self) -> None:
        """Resolve entities across all articles; rewrite the named graphs whose content changed."""
        merged = merge_corpus(list(self._raw.values()))
        for extraction in merged:
            article_id = extraction.article.id
            old = self._merged.get(article_id)
            if old is not None and old.to_json() == extraction.to_json():
                continue
            if old is not None:
                self.store.remove(article_id)
            self.store.add(extraction)
            self._merged[article_id] = extraction

    @property
    def extractions(self) -> list[ArticleExtraction]:
        """Per-article extractions as read (labels as the article spells them)."""
        return list(self._raw.values())

    # -- using ----------------------------------------------------------------------------------
    def query(self, sparql: str, **params: object) -> QueryResult:
        """Run SPARQL text, a .rq file or a shipped query name; params are bound as literals."""
        return run_query(self.store, sparql, params or None)

    def to_networkx(self) -> nx.MultiDiGraph:
        """The graph as networkx: entity nodes, fact edges with their sources."""
        from .network import to_networkx
        return to_networkx(self.store.dataset)

    def to_html(self, path: str | os.PathLike | None = None, focus: str | None = None, depth: int = 1,
                title: str = "kg") -> str:
        """The interactive HTML view (whole graph, or the neighbourhood of `focus`); written if `path`."""
        from .network import neighbourhood
        from .view import render_html, write_html
        graph = self.to_networkx()
        if focus:
            graph = neighbourhood(graph, focus, depth)
        if path is not None:
            write_html(graph, path, title=title)
        return render_html(graph, title=title)

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
