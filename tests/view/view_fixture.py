"""A small hand-built knowledge graph, written exactly as kg/rdf.py lays out the RDF."""
from __future__ import annotations

from decimal import Decimal

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib import namespace as ns

from kg.terms import (
    CHARACTER, CLASSES, CONFIDENCE, KG, METHOD, PERFORMANCE, PROPERTIES, SCHEMA, SENTENCE,
    SENTENCE_START, article_iri, entity_iri, role_iri, statement_iri,
)

HOSTILE = "</script><img src=x onerror=alert(1)>"
QUOTED = 'He said "hi" \\o/ and \\"bye\\"'
HOSTILE_SENTENCE = "</script><script>alert(1)</script> Luke Kirby plays Jack & more."


def iri(kind: str, label: str) -> str:
    return str(entity_iri(kind, label))


class Builder:
    """Writes entities, articles and facts with provenance into one named graph per article."""

    def __init__(self) -> None:
        self.ds = Dataset(default_union=True)

    def article(self, article_id: str, date: str, headline: str) -> Graph:
        graph = self.ds.graph(article_iri(article_id))
        a = article_iri(article_id)
        graph.add((a, ns.RDF.type, KG.Article))
        graph.add((a, ns.RDF.type, SCHEMA.NewsArticle))
        graph.add((a, SCHEMA.identifier, Literal(article_id)))
        graph.add((a, SCHEMA.datePublished, Literal(date, datatype=ns.XSD.date)))
        graph.add((a, SCHEMA.headline, Literal(headline)))
        return graph

    def entity(self, graph: Graph, article_id: str, kind: str, label: str,
               subtype: str | None = None, aliases: tuple[str, ...] = ()) -> URIRef:
        node = entity_iri(kind, label)
        for cls in CLASSES[(kind, subtype)]:
            graph.add((node, ns.RDF.type, cls))
        graph.add((node, ns.RDFS.label, Literal(label)))
        graph.add((node, SCHEMA.name, Literal(label)))
        for alias in aliases:
            graph.add((node, ns.SKOS.altLabel, Literal(alias)))
        graph.add((article_iri(article_id), SCHEMA.mentions, node))
        return node

    def fact(self, graph: Graph, article_id: str, s: URIRef, predicate: str, o: URIRef,
             sentence: str, start: int, confidence: str, character: URIRef | None = None,
             character_name: str | None = None) -> None:
        prop = PROPERTIES[predicate]
        graph.add((s, prop, o))
        if character is not None:
            role = role_iri(s, o, character_name)
            graph.add((s, PERFORMANCE, role))
            graph.add((role, ns.RDF.type, SCHEMA.PerformanceRole))
            graph.add((role, SCHEMA.actor, o))
            graph.add((role, SCHEMA.characterName, Literal(character_name)))
            graph.add((role, CHARACTER, character))
        st = statement_iri(article_id, (str(s), predicate, str(o), character_name))
        graph.add((st, ns.RDF.type, ns.RDF.Statement))
        graph.add((st, ns.RDF.subject, s))
        graph.add((st, ns.RDF.predicate, prop))
        graph.add((st, ns.RDF.object, o))
        if character_name:
            graph.add((st, SCHEMA.characterName, Literal(character_name)))
        graph.add((st, ns.PROV.wasDerivedFrom, article_iri(article_id)))
        graph.add((st, SENTENCE, Literal(sentence)))
        graph.add((st, SENTENCE_START, Literal(start)))
        graph.add((st, CONFIDENCE, Literal(Decimal(confidence))))
        graph.add((st, METHOD, Literal("test-pattern")))


def build_dataset() -> Dataset:
    """Two articles: the Étoile cast list, and an older piece on the creator's earlier show."""
    b = Builder()
    a1 = "etoile-2025"
    g = b.article(a1, "2025-01-15", "Étoile gets a series order")
    etoile = b.entity(g, a1, "Work", "Étoile", "TVSeries", aliases=("#Etoile", "Etoile"))
    luke = b.entity(g, a1, "Person", "Luke Kirby", aliases=("Kirby",))
    charlotte = b.entity(g, a1, "Person", "Charlotte Gainsbourg")
    jack = b.entity(g, a1, "Character", "Jack")
    genevieve = b.entity(g, a1, "Character", "Geneviève")
    prime = b.entity(g, a1, "Organization", "Prime Video", "Network", aliases=("@PrimeVideo",))
    amy = b.entity(g, a1, "Person", "Amy Sherman-Palladino", aliases=("Sherman-Palladino",))
    maisel = b.entity(g, a1, "Work", "The Marvelous Mrs. Maisel", "TVSeries")
    hostile = b.entity(g, a1, "Person", HOSTILE)
    quoted = b.entity(g, a1, "Work", QUOTED, "Movie")
    b.fact(g, a1, etoile, "cast_member", luke, HOSTILE_SENTENCE, 120, "0.9",
           character=jack, character_name="Jack")
    b.fact(g, a1, etoile, "cast_member", charlotte, "Charlotte Gainsbourg stars as Geneviève.",
           200, "0.85", character=genevieve, character_name="Geneviève")
    b.fact(g, a1, etoile, "network", prime, "Étoile will stream on Prime Video.", 10, "0.8")
    b.fact(g, a1, etoile, "creator", amy, "From Maisel creator Amy Sherman-Palladino.", 40, "0.95")
    b.fact(g, a1, luke, "credit", maisel, "Luke Kirby (The Marvelous Mrs. Maisel)", 300, "0.7")
    b.fact(g, a1, etoile, "cast_member", hostile, f"{HOSTILE} joins the cast.", 400, "0.6")
    b.fact(g, a1, charlotte, "credit", quoted, f"Gainsbourg ({QUOTED})", 250, "0.7")

    a2 = "gilmore-2000"
    g2 = b.article(a2, "2000-10-05", "Gilmore Girls premieres")
    gilmore = b.entity(g2, a2, "Work", "Gilmore Girls", "TVSeries")
    amy2 = b.entity(g2, a2, "Person", "Amy Sherman-Palladino")
    etoile2 = b.entity(g2, a2, "Work", "Etoile", "TVSeries")  # same IRI, another spelling
    luke2 = b.entity(g2, a2, "Person", "Luke Kirby")
    b.fact(g2, a2, etoile2, "cast_member", luke2, "Luke Kirby is also in it.", 120, "0.5")
    b.fact(g2, a2, gilmore, "creator", amy2, "Gilmore Girls, created by Amy Sherman-Palladino.",
           0, "0.9")
    b.fact(g2, a2, etoile2, "creator", amy2, "Her next show, Étoile, is about ballet.", 80, "0.75")
    return b.ds
