"""A small hand-built knowledge graph, written exactly as kg/rdf.py lays out the RDF; a large synthetic one."""
from __future__ import annotations

import random
from decimal import Decimal

import networkx as nx

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib import namespace as ns

from kg.network import PREDICATES
from kg.terms import (
    CHARACTER, CLASSES, CONFIDENCE, KG, METHOD, PERFORMANCE, PROPERTIES, SCHEMA, SENTENCE,
    SENTENCE_START, article_iri, entity_iri, role_iri, statement_iri,
)

HOSTILE = "</script><img src=x onerror=alert(1)>"
QUOTED = 'He said "hi" \\o/ and \\"bye\\"'
HOSTILE_SENTENCE = "</script><script>alert(1)</script> Tavish Brennock plays Odile & more."


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
    """Two invented articles: the Étoile cast list, and an older piece on its creator's earlier show."""
    b = Builder()
    a1 = "etoile-2025"
    g = b.article(a1, "2025-01-15", "Étoile gets a series order")
    etoile = b.entity(g, a1, "Work", "Étoile", "TVSeries", aliases=("#Etoile", "Etoile"))
    tavish = b.entity(g, a1, "Person", "Tavish Brennock", aliases=("Brennock",))
    sunniva = b.entity(g, a1, "Person", "Sunniva Halvorsen")
    odile = b.entity(g, a1, "Character", "Odile")
    berenice = b.entity(g, a1, "Character", "Bérénice")
    prime = b.entity(g, a1, "Organization", "Prime Video", "Network", aliases=("@PrimeVideo",))
    marguerite = b.entity(g, a1, "Person", "Marguerite Okonkwo-Lind", aliases=("Okonkwo-Lind",))
    lamplighter = b.entity(g, a1, "Work", "The Lamplighter's Daughter", "TVSeries")
    hostile = b.entity(g, a1, "Person", HOSTILE)
    quoted = b.entity(g, a1, "Work", QUOTED, "Movie")
    b.fact(g, a1, etoile, "cast_member", tavish, HOSTILE_SENTENCE, 120, "0.9",
           character=odile, character_name="Odile")
    b.fact(g, a1, etoile, "cast_member", sunniva, "Sunniva Halvorsen stars as Bérénice.",
           200, "0.85", character=berenice, character_name="Bérénice")
    b.fact(g, a1, etoile, "network", prime, "Étoile will stream on Prime Video.", 10, "0.8")
    b.fact(g, a1, etoile, "creator", marguerite, "From Lamplighter creator Marguerite Okonkwo-Lind.",
           40, "0.95")
    b.fact(g, a1, tavish, "credit", lamplighter, "Tavish Brennock (The Lamplighter's Daughter)",
           300, "0.7")
    b.fact(g, a1, etoile, "cast_member", hostile, f"{HOSTILE} joins the cast.", 400, "0.6")
    b.fact(g, a1, sunniva, "credit", quoted, f"Halvorsen ({QUOTED})", 250, "0.7")

    a2 = "harrow-2000"
    g2 = b.article(a2, "2000-10-05", "Harrow Point premieres")
    harrow = b.entity(g2, a2, "Work", "Harrow Point", "TVSeries")
    marguerite2 = b.entity(g2, a2, "Person", "Marguerite Okonkwo-Lind")
    etoile2 = b.entity(g2, a2, "Work", "Etoile", "TVSeries")  # same IRI, another spelling
    tavish2 = b.entity(g2, a2, "Person", "Tavish Brennock")
    b.fact(g2, a2, etoile2, "cast_member", tavish2, "Tavish Brennock is also in it.", 120, "0.5")
    b.fact(g2, a2, harrow, "creator", marguerite2,
           "Harrow Point, created by Marguerite Okonkwo-Lind.",
           0, "0.9")
    b.fact(g2, a2, etoile2, "creator", marguerite2, "Her next show, Étoile, is about ballet.",
           80, "0.75")
    return b.ds


def large_graph(facts: int, entities: int) -> nx.MultiDiGraph:
    """A graph shaped like news: a few hub works with many facts, many people with one or two."""
    rng = random.Random(5)
    graph = nx.MultiDiGraph()
    for i in range(entities):
        graph.add_node(f"e{i}", label=f"Entity {i}", type=("Person", "Work", "Character")[i % 3])
    for i in range(facts):
        work, person = f"e{int(rng.paretovariate(1.1)) % entities}", f"e{rng.randrange(entities)}"
        predicate = PREDICATES[i % len(PREDICATES)]
        graph.add_edge(work, person, key=predicate, predicate=predicate)
    return graph
