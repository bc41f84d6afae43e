"""kg.rdf: the built graph passes the shapes, uses only declared terms, and is stable and replaceable."""
from __future__ import annotations

import pyshacl
import pytest
from kg_samples import CAST_SENTENCE, ETOILE_ID, BRANDVOLD_SENTENCE, THORNBURY_ID, etoile, fact, thornbury
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib import namespace as ns
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS

from kg.model import Article, ArticleExtraction, Entity
from kg.rdf import add_extraction, remove_article, to_dataset
from kg.terms import (
    ARTICLE, CHARACTER, CLASSES, CONFIDENCE, KG, METHOD, PERFORMANCE, PROPERTIES, SCHEMA, SENTENCE,
    SENTENCE_START, WDT, article_iri, entity_iri, role_iri,
)

#: rdflib 7.6 warns about its own deprecated Dataset internals on every lookup; not ours to fix.
pytestmark = pytest.mark.filterwarnings(r"ignore:(Dataset\.|ConjunctiveGraph ).*deprecated:DeprecationWarning")


def named_graphs(dataset: Dataset) -> dict[URIRef, Graph]:
    """The non-empty named graphs of a dataset, as plain Graphs."""
    graphs = {}
    for g in dataset.graphs():
        if len(g):
            plain = Graph()
            for triple in g:
                plain.add(triple)
            graphs[g.identifier] = plain
    return graphs


def union(dataset: Dataset) -> Graph:
    graph = Graph()
    for triple in dataset.triples((None, None, None)):
        graph.add(triple)
    return graph


def validate(graph: Graph, shapes: Graph, ontology: Graph) -> tuple[bool, str]:
    conforms, _, text = pyshacl.validate(graph, shacl_graph=shapes, ont_graph=ontology, inference="rdfs")
    return conforms, text


# --- shapes ---------------------------------------------------------------------------------

def test_each_article_graph_and_the_union_pass_the_shapes(extractions, shapes, ontology):
    dataset = to_dataset(extractions)
    graphs = named_graphs(dataset)
    assert set(graphs) == {article_iri(ETOILE_ID), article_iri(THORNBURY_ID)}
    for graph in [*graphs.values(), union(dataset)]:
        conforms, text = validate(graph, shapes, ontology)
        assert conforms, text


def one_fact_article(entities: list[Entity], *facts) -> ArticleExtraction:
    return ArticleExtraction(Article("broken", "text", date="2025-01-01"), entities, list(facts))


WORK, PERSON = Entity("Étoile", "Work", "TVSeries"), Entity("Hollis Brandvold", "Person")
NETWORK = Entity("Prime Video", "Organization", "Network")
BROKEN = {
    "person as network": one_fact_article([WORK, PERSON], fact("broken", "Étoile", "network", "Hollis Brandvold", "s")),
    "work as actor": one_fact_article([WORK, Entity("Thornbury", "Work")],
                                      fact("broken", "Étoile", "cast_member", "Thornbury", "s")),
    "network as director": one_fact_article([WORK, NETWORK], fact("broken", "Étoile", "director", "Prime Video", "s")),
    "credit from a work": one_fact_article([WORK, PERSON], fact("broken", "Étoile", "credit", "Hollis Brandvold", "s")),
    "confidence above 1": one_fact_article([WORK, PERSON],
                                           fact("broken", "Étoile", "creator", "Hollis Brandvold", "s", confidence=1.5)),
}


@pytest.mark.parametrize("name", BROKEN)
def test_shapes_reject_a_broken_fact(name, shapes, ontology):
    conforms, _ = validate(union(to_dataset([BROKEN[name]])), shapes, ontology)
    assert not conforms, f"{name} passed the shapes"


def test_shapes_reject_a_label_less_entity_and_an_orphan_statement(extractions, shapes, ontology):
    graph = union(to_dataset(extractions))
    brandvold = entity_iri("Person", "Hollis Brandvold")
    graph.remove((brandvold, RDFS.label, None))
    graph.remove((entity_iri("Work", "Étoile"), SCHEMA.creator, None))  # statements now record no fact
    conforms, text = validate(graph, shapes, ontology)
    assert not conforms
    assert "rdfs:label" in text and "asserted in the graph" in text


# --- ontology -------------------------------------------------------------------------------

DECLARATIONS = {OWL.Class, RDFS.Class, RDF.Property, OWL.ObjectProperty, OWL.DatatypeProperty,
                OWL.AnnotationProperty, RDFS.Datatype}


def declared(ontology: Graph) -> set[URIRef]:
    return {s for s, o in ontology.subject_objects(RDF.type) if o in DECLARATIONS}


def test_every_term_used_in_the_graph_is_declared_with_label_and_comment(extractions, ontology):
    graph = union(to_dataset(extractions))
    used = set(graph.predicates()) | set(graph.objects(None, RDF.type)) | set(graph.objects(None, RDF.predicate))
    missing = used - declared(ontology)
    assert not missing, f"not declared in kg.ttl: {sorted(missing)}"
    for term in used:
        assert ontology.value(term, RDFS.label) and ontology.value(term, RDFS.comment), term


def test_every_term_of_kg_terms_is_declared(ontology):
    terms = {c for classes in CLASSES.values() for c in classes} | set(PROPERTIES.values())
    terms |= {PERFORMANCE, CHARACTER, CONFIDENCE, SENTENCE, SENTENCE_START, METHOD, ARTICLE}
    assert terms <= declared(ontology)
    for term in terms:
        if term.startswith(str(KG)) and (term, RDF.type, OWL.Class) not in ontology:
            assert ontology.value(term, RDFS.domain) and ontology.value(term, RDFS.range), term


WIKIDATA_PROPERTIES = {"creator": "P170", "cast_member": "P161", "director": "P57", "writer": "P58",
                       "producer": "P162", "production_company": "P272", "network": "P449", "credit": "P800"}


@pytest.mark.parametrize("predicate", WIKIDATA_PROPERTIES)
def test_fact_properties_are_aligned_with_wikidata(predicate, ontology):
    prop, wd = PROPERTIES[predicate], WDT[WIKIDATA_PROPERTIES[predicate]]
    links = {(prop, OWL.equivalentProperty, wd), (prop, RDFS.subPropertyOf, wd), (wd, RDFS.subPropertyOf, prop)}
    assert any(link in ontology for link in links)


def test_classes_are_aligned(ontology):
    wd = "http://www.wikidata.org/entity/"
    assert (SCHEMA.Person, OWL.equivalentClass, URIRef(wd + "Q5")) in ontology
    assert (SCHEMA.TVSeries, OWL.equivalentClass, URIRef(wd + "Q5398426")) in ontology
    assert (SCHEMA.Movie, OWL.equivalentClass, URIRef(wd + "Q11424")) in ontology
    assert (KG.Character, OWL.equivalentClass, URIRef(wd + "Q95074")) in ontology
    assert (KG.Studio, RDFS.subClassOf, SCHEMA.Organization) in ontology
    assert (KG.Network, RDFS.subClassOf, SCHEMA.Organization) in ontology
    assert (KG.Article, RDFS.subClassOf, SCHEMA.NewsArticle) in ontology


# --- content --------------------------------------------------------------------------------

def test_article_node_entities_and_aliases():
    graph = union(to_dataset([etoile()]))
    article, work = article_iri(ETOILE_ID), entity_iri("Work", "Étoile")
    assert {ARTICLE, SCHEMA.NewsArticle} <= set(graph.objects(article, RDF.type))
    assert graph.value(article, SCHEMA.identifier) == Literal(ETOILE_ID)
    assert graph.value(article, SCHEMA.datePublished) == Literal("2025-04-28", datatype=ns.XSD.date)
    assert graph.value(article, SCHEMA.url) == Literal("https://example.org/etoile?a=1&b=2", datatype=ns.XSD.anyURI)
    assert set(graph.objects(work, RDF.type)) == {SCHEMA.CreativeWork, SCHEMA.TVSeries}
    assert graph.value(work, RDFS.label) == Literal("Étoile") == graph.value(work, SCHEMA.name)
    assert set(graph.objects(work, SKOS.altLabel)) == {Literal("Etoile"), Literal("#Etoile")}
    assert (article, SCHEMA.mentions, work) in graph
    # a fact's entity missing from the entity list is added with the type its predicate implies
    margaux = entity_iri("Person", "Margaux Delacroix-Haas")
    assert (margaux, RDF.type, SCHEMA.Person) in graph and (article, SCHEMA.mentions, margaux) in graph


def test_cast_role_character_and_provenance_record():
    graph = union(to_dataset([etoile()]))
    work, wrenfield = entity_iri("Work", "Étoile"), entity_iri("Person", "Emeric Wrenfield")
    role = role_iri(work, wrenfield, "Benedikt")
    assert (work, SCHEMA.actor, wrenfield) in graph and (work, PERFORMANCE, role) in graph
    assert graph.value(role, SCHEMA.actor) == wrenfield
    assert graph.value(role, SCHEMA.characterName) == Literal("Benedikt")
    benedikt = graph.value(role, CHARACTER)
    assert (benedikt, RDF.type, KG.Character) in graph and graph.value(benedikt, RDFS.label) == Literal("Benedikt")
    (statement,) = graph.subjects(SENTENCE, Literal(CAST_SENTENCE))
    assert graph.value(statement, RDF.subject) == work and graph.value(statement, RDF.object) == wrenfield
    assert graph.value(statement, RDF.predicate) == SCHEMA.actor
    assert graph.value(statement, PROV.wasDerivedFrom) == article_iri(ETOILE_ID)
    assert graph.value(statement, CONFIDENCE) == Literal("0.9", datatype=ns.XSD.decimal)
    assert graph.value(statement, SENTENCE_START) == Literal(100)


def test_sentences_survive_a_turtle_round_trip_exactly(extractions):
    text = union(to_dataset(extractions)).serialize(format="turtle")
    sentences = {str(s) for s in Graph().parse(data=text, format="turtle").objects(None, SENTENCE)}
    assert {CAST_SENTENCE, BRANDVOLD_SENTENCE} <= sentences


def test_a_date_that_is_not_a_date_is_skipped_without_crashing():
    graph = union(to_dataset([thornbury()]))
    assert graph.value(article_iri(THORNBURY_ID), SCHEMA.datePublished) is None
    assert graph.value(article_iri(THORNBURY_ID), SCHEMA.identifier) == Literal(THORNBURY_ID)


def test_a_fact_stated_twice_keeps_one_record_with_the_best_sentence():
    extraction = etoile()
    extraction.facts.append(fact(ETOILE_ID, "Étoile", "creator", "Bastien Roux", "Best.", 500, confidence=0.95))
    graph = union(to_dataset([extraction]))
    records = [s for s in graph.subjects(RDF.object, entity_iri("Person", "Bastien Roux"))]
    assert len(records) == 1 and graph.value(records[0], SENTENCE) == Literal("Best.")


# --- stability and replacement --------------------------------------------------------------

def quads(dataset: Dataset) -> set:
    return set(dataset.quads((None, None, None, None)))


def test_building_twice_gives_the_same_quads():
    first, second = to_dataset([etoile(), thornbury()]), to_dataset([etoile(), thornbury()])
    assert quads(first) == quads(second)
    assert not any(isinstance(term, BNode) for quad in quads(first) for term in quad)


def test_removing_an_article_removes_its_named_graph_only(extractions):
    dataset = to_dataset(extractions)
    before = named_graphs(dataset)[article_iri(THORNBURY_ID)]
    assert remove_article(dataset, ETOILE_ID)
    graphs = named_graphs(dataset)
    assert set(graphs) == {article_iri(THORNBURY_ID)}
    assert set(graphs[article_iri(THORNBURY_ID)]) == set(before)
    brandvold = entity_iri("Person", "Hollis Brandvold")  # shared: still known from the other article
    assert (brandvold, RDF.type, SCHEMA.Person) in dataset
    assert (entity_iri("Work", "Étoile"), None, None) not in dataset


def test_adding_an_article_again_replaces_its_graph():
    dataset = to_dataset([etoile(), thornbury()])
    smaller = etoile()
    smaller.facts = smaller.facts[:1]
    add_extraction(dataset, smaller)
    assert len(list(dataset.subjects(RDF.type, RDF.Statement))) == 1 + len(thornbury().facts)
    assert quads(dataset) == quads(to_dataset([thornbury(), smaller]))


def test_characters_of_the_same_name_in_two_works_are_two_nodes(shapes, ontology):
    entities = [Entity("Harrow Lane", "Work"), Entity("Tidewater", "Work"), Entity("Ines Brandt", "Person"),
                Entity("Oskar Lind", "Person"), Entity("Remy", "Character")]
    extraction = ArticleExtraction(Article("two-remys", "text"), entities, [
        fact("two-remys", "Harrow Lane", "cast_member", "Ines Brandt", "Ines Brandt plays Remy in Harrow Lane.",
             character="Remy"),
        fact("two-remys", "Tidewater", "cast_member", "Oskar Lind", "Oskar Lind plays Remy in Tidewater.", 40,
             character="Remy")])
    graph = union(to_dataset([extraction]))
    characters = set(graph.subjects(RDFS.label, Literal("Remy")))
    assert len(characters) == 2, characters
    plays = {(graph.value(role, SCHEMA.actor), graph.value(role, CHARACTER)) for role in
             graph.subjects(RDF.type, SCHEMA.PerformanceRole)}
    assert {character for _, character in plays} == characters  # each actor plays their own Remy
    assert validate(graph, shapes, ontology)[0]
