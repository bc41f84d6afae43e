"""The RDF vocabulary of the graph: namespaces, classes and properties, and readable stable IRIs.

One place that maps the model's names (types, predicates) to IRIs, shared by the RDF writer, the
queries and the view, so that they can never disagree. `ontology/kg.ttl` declares every term here.
"""
from __future__ import annotations

import hashlib
import re
from urllib.parse import quote

from rdflib import Namespace, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from .textnorm import strip_accents

SCHEMA = Namespace("https://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")
#: Our own ontology terms.
KG = Namespace("https://w3id.org/entertainment-kg/ontology#")
#: Default base of resource IRIs (entities, articles, statements).
DEFAULT_BASE = "https://w3id.org/entertainment-kg/resource/"

PREFIXES = {
    "kg": KG,
    "schema": SCHEMA,
    "wd": WD,
    "wdt": WDT,
    "rdf": RDF,
    "rdfs": RDFS,
    "skos": SKOS,
    "prov": PROV,
    "xsd": XSD,
}

#: Entity type (and subtype) of the model -> RDF classes the node gets.
CLASSES: dict[tuple[str, str | None], tuple[URIRef, ...]] = {
    ("Person", None): (SCHEMA.Person,),
    ("Work", None): (SCHEMA.CreativeWork,),
    ("Work", "TVSeries"): (SCHEMA.CreativeWork, SCHEMA.TVSeries),
    ("Work", "Movie"): (SCHEMA.CreativeWork, SCHEMA.Movie),
    ("Organization", None): (SCHEMA.Organization,),
    ("Organization", "Studio"): (SCHEMA.Organization, KG.Studio),
    ("Organization", "Network"): (SCHEMA.Organization, KG.Network),
    ("Character", None): (KG.Character,),
}

#: The class that decides an entity's type when reading RDF back, most specific first.
TYPE_OF_CLASS: dict[URIRef, tuple[str, str | None]] = {
    SCHEMA.TVSeries: ("Work", "TVSeries"),
    SCHEMA.Movie: ("Work", "Movie"),
    SCHEMA.CreativeWork: ("Work", None),
    KG.Studio: ("Organization", "Studio"),
    KG.Network: ("Organization", "Network"),
    SCHEMA.Organization: ("Organization", None),
    SCHEMA.Person: ("Person", None),
    KG.Character: ("Character", None),
}

#: Fact predicate of the model -> the direct RDF property between subject and object.
PROPERTIES: dict[str, URIRef] = {
    "creator": SCHEMA.creator,
    "cast_member": SCHEMA.actor,
    "director": SCHEMA.director,
    "writer": SCHEMA.author,
    "producer": SCHEMA.producer,
    "production_company": SCHEMA.productionCompany,
    "network": KG.network,
    "credit": KG.credit,
}
PREDICATE_OF_PROPERTY: dict[URIRef, str] = {v: k for k, v in PROPERTIES.items()}

#: Terms for cast roles and provenance.
PERFORMANCE = KG.performance  # work -> schema:PerformanceRole
CHARACTER = KG.character  # PerformanceRole -> Character node
CONFIDENCE = KG.confidence  # statement -> xsd:decimal
SENTENCE = KG.sentence  # statement -> the sentence text
SENTENCE_START = KG.sentenceStart  # statement -> character offset in the article
METHOD = KG.method  # statement -> name of the extraction pattern
NAME_KEY = KG.nameKey  # entity -> matching key of each of its names (kg.resolve.name_key)
ARTICLE = KG.Article  # class of article nodes (subclass of schema:NewsArticle)

#: The manifest: what a store remembers per article node so that builds are incremental (kg.manifest).
MANIFEST = KG.manifest  # the named graph that holds it; never exported
SOURCE_HASH = KG.sourceHash  # article -> hash of the text and options it was extracted from
EXTRACTION = KG.extraction  # article -> its extraction as read (JSON), for corpus-wide resolution
GRAPH_HASH = KG.graphHash  # article -> hash of the resolved extraction its named graph holds


def slug(text: str, max_length: int = 80) -> str:
    """A readable, IRI-safe slug: ASCII-folded, lower-case words joined by '-'."""
    words = re.findall(r"[a-z0-9]+", strip_accents(text).casefold())
    value = "-".join(words)[:max_length].strip("-")
    if not value:  # names with no ASCII letters or digits: a stable hash instead
        value = "x" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    return value


def entity_iri(entity_type: str, label: str, base: str = DEFAULT_BASE) -> URIRef:
    """IRI of an entity: type + slug of its canonical label, e.g. .../person/jane-doe."""
    return URIRef(f"{base}{entity_type.lower()}/{slug(label)}")


def character_iri(work_label: str, label: str, base: str = DEFAULT_BASE) -> URIRef:
    """IRI of a character, scoped by the work it is in: two works' characters of one name are two nodes."""
    return URIRef(f"{base}character/{slug(work_label)}/{slug(label)}")


def article_iri(article_id: str, base: str = DEFAULT_BASE) -> URIRef:
    """IRI of an article node; also the name of the article's named graph.

    The id itself, percent-encoded where it is not plain ASCII: two ids never share a graph (a
    slug would fold "Notes", "notes" and "no-tes." together, and one article would replace another).
    """
    return URIRef(f"{base}article/{quote(article_id, safe='-._~')}")


def statement_iri(article_id: str, key: tuple, base: str = DEFAULT_BASE) -> URIRef:
    """IRI of one fact's provenance record: stable for the same article and fact."""
    digest = hashlib.sha1(repr((article_id, key)).encode("utf-8")).hexdigest()[:16]
    return URIRef(f"{base}statement/{slug(article_id, 60)}-{digest}")


def role_iri(work_iri: URIRef, person_iri: URIRef, character: str | None) -> URIRef:
    """IRI of a cast entry (schema:PerformanceRole) of one person in one work."""
    tail = slug(character) if character else "cast"
    return URIRef(f"{work_iri}/role/{person_iri.rsplit('/', 1)[-1]}/{tail}")
