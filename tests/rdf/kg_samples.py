"""Hand-built extractions shared by the RDF, query and store tests (no spaCy, no files).

A plain module with a unique name (not conftest) so that tests in other folders can import it."""
from __future__ import annotations

from pathlib import Path

from kg.model import Article, ArticleExtraction, Entity, Fact, Provenance

ROOT = Path(__file__).resolve().parents[2]
ONTOLOGY = ROOT / "ontology" / "kg.ttl"
SHAPES = ROOT / "ontology" / "shapes.ttl"

ETOILE_ID = "etoile-prime-video-2025-04-28"
MAISEL_ID = "maisel-finale"
#: Sentences with quotes, a backslash and a newline: they must come back exactly.
CAST_SENTENCE = 'Gideon Glick plays Tobias, a "ballet nerd" \\ dreamer, in Étoile.'
KIRBY_SENTENCE = "Luke Kirby (The Marvelous Mrs. Maisel) stars as Jack.\nHe leads the company."


def fact(article_id: str, s: str, p: str, o: str, sentence: str, start: int = 0,
         character: str | None = None, confidence: float = 0.9, method: str = "test-pattern") -> Fact:
    """A Fact with its provenance in one call."""
    source = Provenance(article_id, sentence, start, start + len(sentence), confidence, method)
    return Fact(s, p, o, source, character)


def etoile() -> ArticleExtraction:
    """A series with creators, cast (with characters), a prior credit, a network and a studio."""
    a = ETOILE_ID
    article = Article(a, "text", date="2025-04-28", title="Prime Video renews 'Étoile'",
                      url="https://example.org/etoile?a=1&b=2")
    entities = [
        Entity("Étoile", "Work", "TVSeries", aliases=["Etoile", "#Etoile"]),
        Entity("The Marvelous Mrs. Maisel", "Work", "TVSeries", aliases=["Maisel"]),
        Entity("Amy Sherman-Palladino", "Person"),
        Entity("Daniel Palladino", "Person"),
        Entity("Gideon Glick", "Person"),
        Entity("Luke Kirby", "Person"),
        Entity("Lou de Laâge", "Person"),
        Entity("Prime Video", "Organization", "Network", aliases=["@PrimeVideo"]),
        Entity("Amazon MGM Studios", "Organization", "Studio"),
        Entity("Jack", "Character"),
    ]
    created = "From Maisel creators Amy Sherman-Palladino and Daniel Palladino, Étoile is on Prime Video."
    facts = [
        fact(a, "Étoile", "creator", "Amy Sherman-Palladino", created),
        fact(a, "Étoile", "creator", "Daniel Palladino", created),
        fact(a, "Étoile", "network", "Prime Video", created, confidence=0.8),
        fact(a, "Étoile", "production_company", "Amazon MGM Studios", "Amazon MGM Studios makes it.", 200),
        fact(a, "Étoile", "cast_member", "Gideon Glick", CAST_SENTENCE, 100, character="Tobias"),
        fact(a, "Étoile", "cast_member", "Luke Kirby", KIRBY_SENTENCE, 150, character="Jack"),
        fact(a, "Luke Kirby", "credit", "The Marvelous Mrs. Maisel", KIRBY_SENTENCE, 150, confidence=0.7),
        fact(a, "Étoile", "cast_member", "Lou de Laâge", "Lou de Laâge joins the cast.", 300),
        # Not among the entities: added with the type the predicate implies.
        fact(a, "Étoile", "cast_member", "Charlotte Gainsbourg", "Charlotte Gainsbourg co-stars.", 350),
    ]
    return ArticleExtraction(article, entities, facts)


def maisel() -> ArticleExtraction:
    """A second article sharing a person and the network, with a date that is not a date."""
    m = MAISEL_ID
    article = Article(m, "text", date="spring 2023")
    entities = [
        Entity("The Marvelous Mrs. Maisel", "Work", "TVSeries"),
        Entity("Rachel Brosnahan", "Person"),
        Entity("Luke Kirby", "Person"),
        Entity("Amy Sherman-Palladino", "Person"),
        Entity("Prime Video", "Organization", "Network"),
    ]
    sentence = "Rachel Brosnahan and Luke Kirby star in Maisel on Prime Video."
    facts = [
        fact(m, "The Marvelous Mrs. Maisel", "cast_member", "Rachel Brosnahan", sentence, character="Midge Maisel"),
        fact(m, "The Marvelous Mrs. Maisel", "cast_member", "Luke Kirby", sentence, character="Lenny Bruce"),
        fact(m, "The Marvelous Mrs. Maisel", "creator", "Amy Sherman-Palladino", "Amy created it.", 80),
        fact(m, "The Marvelous Mrs. Maisel", "network", "Prime Video", sentence),
    ]
    return ArticleExtraction(article, entities, facts)
