"""Extractions -> RDF: one named graph per article, holding its entities, facts and provenance.

Every article's graph is named by its article IRI, so an article can be replaced or removed on
its own while queries run over the union. Terms and IRIs come from kg.terms only; every value read
from an article becomes an rdflib Literal, never text spliced into Turtle or SPARQL.
"""
from __future__ import annotations

import logging
import math
from collections.abc import Iterable
from datetime import date, datetime

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from kg.model import PREDICATES, ArticleExtraction, Entity, Fact
from kg.resolve import name_key
from kg.terms import (
    NAME_KEY,
    ARTICLE,
    CHARACTER,
    CLASSES,
    CONFIDENCE,
    DEFAULT_BASE,
    METHOD,
    PERFORMANCE,
    PREFIXES,
    PROPERTIES,
    SCHEMA,
    SENTENCE,
    SENTENCE_START,
    article_iri,
    character_iri,
    entity_iri,
    role_iri,
    statement_iri,
)

log = logging.getLogger(__name__)


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the project's prefixes (kg, schema, wd, ...) so serializations are readable."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def to_dataset(extractions: Iterable[ArticleExtraction], base: str = DEFAULT_BASE) -> Dataset:
    """Build a Dataset (default graph = union of the article graphs) from article extractions."""
    dataset = bind_prefixes(Dataset(default_union=True))
    for extraction in extractions:
        add_extraction(dataset, extraction, base)
    return dataset


def remove_article(dataset: Dataset, article_id: str, base: str = DEFAULT_BASE) -> bool:
    """Drop the named graph of one article (and only it); True if it held anything."""
    name = article_iri(article_id, base)
    graph = dataset.graph(name)
    had_triples = len(graph) > 0
    dataset.remove_graph(name)
    return had_triples


def add_extraction(dataset: Dataset, extraction: ArticleExtraction, base: str = DEFAULT_BASE) -> Graph:
    """Write one article's extraction into its own named graph, replacing what it held before."""
    article = extraction.article
    remove_article(dataset, article.id, base)
    graph = dataset.graph(article_iri(article.id, base))
    _GraphWriter(graph, extraction, base).write()
    return graph


def article_graph(extraction: ArticleExtraction, base: str = DEFAULT_BASE) -> Graph:
    """One article's extraction as a Graph named by its article IRI (for stores that are not rdflib)."""
    graph = Graph(identifier=article_iri(extraction.article.id, base))
    _GraphWriter(graph, extraction, base).write()
    return graph


def _xsd_date(text: str) -> Literal | None:
    """An xsd:date literal for an ISO date (or date-time) string, None if it is not one."""
    try:
        return Literal(date.fromisoformat(text), datatype=XSD.date)
    except ValueError:
        pass
    try:
        return Literal(datetime.fromisoformat(text).date(), datatype=XSD.date)
    except ValueError:
        return None


def _decimal(value: float) -> Literal:
    """A confidence as an xsd:decimal literal, rounded to 3 places (the facts format's)."""
    if not math.isfinite(value):
        raise ValueError(f"confidence must be a finite number, got {value!r}")
    return Literal(str(round(float(value), 3)), datatype=XSD.decimal)


class _GraphWriter:
    """Writes one ArticleExtraction into one graph."""

    def __init__(self, graph: Graph, extraction: ArticleExtraction, base: str):
        self.graph = graph
        self.extraction = extraction
        self.base = base
        self.article = article_iri(extraction.article.id, base)
        self.nodes: dict[tuple[str, str, str | None], URIRef] = {}  # (type, label, work) -> IRI written
        self.works_of_character: dict[str, list[str]] = {}  # a character is one node per work it is in
        for fact in extraction.facts:
            if fact.predicate == "cast_member" and fact.character:
                works = self.works_of_character.setdefault(fact.character, [])
                if fact.subject not in works:
                    works.append(fact.subject)

    def write(self) -> None:
        self._article()
        for entity in self.extraction.entities:
            works = self.works_of_character.get(entity.label, []) if entity.type == "Character" else []
            for work in works or [None]:
                self._entity(entity, work)
        for fact in self._unique_facts():
            self._fact(fact)

    def _article(self) -> None:
        article, node, add = self.extraction.article, self.article, self.graph.add
        add((node, RDF.type, ARTICLE))
        add((node, RDF.type, SCHEMA.NewsArticle))
        add((node, SCHEMA.identifier, Literal(article.id)))
        if article.date:
            published = _xsd_date(article.date)
            if published is None:
                log.warning("article %s: date %r is not an ISO date; skipped", article.id, article.date)
            else:
                add((node, SCHEMA.datePublished, published))
        if article.title:
            add((node, SCHEMA.headline, Literal(article.title)))
        if article.url:
            add((node, SCHEMA.url, Literal(article.url, datatype=XSD.anyURI)))

    def _entity(self, entity: Entity, work: str | None = None) -> URIRef | None:
        """Type, label and aliases of an entity (of a character: in `work`), mentioned by the article;
        None if its type is unknown."""
        classes = CLASSES.get((entity.type, entity.subtype)) or CLASSES.get((entity.type, None))
        if classes is None:
            log.warning("article %s: entity %r has unknown type %r; skipped",
                        self.extraction.article.id, entity.label, entity.type)
            return None
        node = character_iri(work, entity.label, self.base) if work else entity_iri(entity.type, entity.label,
                                                                                  self.base)
        add = self.graph.add
        for cls in classes:
            add((node, RDF.type, cls))
        label = Literal(entity.label)
        first = self.graph.value(node, RDFS.label)
        if first is not None and first != label:  # two spellings with one slug: keep the first
            add((node, SKOS.altLabel, label))
        elif first is None:
            add((node, RDFS.label, label))
            add((node, SCHEMA.name, label))
        for alias in entity.aliases:
            if alias != entity.label:
                add((node, SKOS.altLabel, Literal(alias)))
        for name in {entity.label, *entity.aliases}:  # so queries find it by any spelling, fast
            add((node, NAME_KEY, Literal(name_key(name))))
        add((self.article, SCHEMA.mentions, node))
        self.nodes[(entity.type, entity.label, work)] = node
        return node

    def _node(self, label: str, expected_type: str, strict: bool = False) -> URIRef | None:
        """The IRI of a fact's subject or object: its entity in this extraction, else a new one.

        An entity of the expected type wins; else (unless strict) an entity of another type, so a
        mistyped fact stays visible to the shapes instead of being silently retyped.
        """
        same_label = [e for e in self.extraction.entities if e.label == label]
        typed = [e for e in same_label if e.type == expected_type]
        entity = (typed or ([] if strict else same_label) or [Entity(label, expected_type)])[0]
        return self.nodes.get((entity.type, entity.label, None)) or self._entity(entity)

    def _unique_facts(self) -> list[Fact]:
        """The facts, one per key: a fact stated twice keeps its most confident sentence."""
        best: dict[tuple, Fact] = {}
        for fact in self.extraction.facts:
            kept = best.get(fact.key)
            score = (fact.provenance.confidence, -fact.provenance.start)
            if kept is None or score > (kept.provenance.confidence, -kept.provenance.start):
                best[fact.key] = fact
        return list(best.values())

    def _fact(self, fact: Fact) -> None:
        """The direct triple, the cast role if any, and the provenance record of one fact."""
        if fact.predicate not in PREDICATES:
            log.warning("article %s: unknown predicate %r; fact skipped",
                        self.extraction.article.id, fact.predicate)
            return
        subject_type, object_type = PREDICATES[fact.predicate]
        subject, obj = self._node(fact.subject, subject_type), self._node(fact.object, object_type)
        if subject is None or obj is None:
            return
        prop = PROPERTIES[fact.predicate]
        self.graph.add((subject, prop, obj))
        if fact.predicate == "cast_member" and fact.character:
            self._role(subject, obj, fact.character, fact.subject)
        self._statement(fact, subject, prop, obj)

    def _role(self, work: URIRef, person: URIRef, character: str, work_label: str) -> None:
        """A schema:PerformanceRole: who plays which character in the work."""
        known = next((e for e in self.extraction.entities if e.label == character and e.type == "Character"),
                     Entity(character, "Character"))
        node = self.nodes.get(("Character", character, work_label)) or self._entity(known, work_label)
        role, add = role_iri(work, person, character), self.graph.add
        add((work, PERFORMANCE, role))
        add((role, RDF.type, SCHEMA.PerformanceRole))
        add((role, SCHEMA.actor, person))
        add((role, SCHEMA.characterName, Literal(character)))
        if node is not None:
            add((role, CHARACTER, node))

    def _statement(self, fact: Fact, subject: URIRef, prop: URIRef, obj: URIRef) -> None:
        """The provenance record: the reified fact, its article, sentence and confidence."""
        source = fact.provenance
        node = statement_iri(self.extraction.article.id, fact.key, self.base)
        add = self.graph.add
        add((node, RDF.type, RDF.Statement))
        add((node, RDF.subject, subject))
        add((node, RDF.predicate, prop))
        add((node, RDF.object, obj))
        if fact.character:
            add((node, SCHEMA.characterName, Literal(fact.character)))
        add((node, PROV.wasDerivedFrom, self.article))
        add((node, SENTENCE, Literal(source.sentence)))
        if source.start >= 0:  # (a headline's facts have no place in the article's text)
            add((node, SENTENCE_START, Literal(source.start)))
        add((node, CONFIDENCE, _decimal(source.confidence)))
        if source.method:
            add((node, METHOD, Literal(source.method)))


__all__ = ["add_extraction", "article_graph", "bind_prefixes", "remove_article", "to_dataset"]
