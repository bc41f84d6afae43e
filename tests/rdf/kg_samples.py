"""Hand-built extractions shared by the RDF, query and store tests (no spaCy, no files).

A plain module with a unique name (not conftest) so that tests in other folders can import it."""
from __future__ import annotations

from pathlib import Path

from kg.model import Article, ArticleExtraction, Entity, Fact, Provenance

ROOT = Path(__file__).resolve().parents[2]
ONTOLOGY = ROOT / "ontology" / "kg.ttl"
SHAPES = ROOT / "ontology" / "shapes.ttl"

ETOILE_ID = "etoile-prime-video-2025-04-28"
THORNBURY_ID = "thornbury-finale"
#: Sentences with quotes, a backslash and a newline: they must come back exactly.
CAST_SENTENCE = 'Emeric Wrenfield plays Benedikt, a "ballet nerd" \\ dreamer, in Étoile.'
BRANDVOLD_SENTENCE = "Hollis Brandvold (The Remarkable Mrs. Thornbury) stars as Remy.\nHe leads the company."


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
        Entity("The Remarkable Mrs. Thornbury", "Work", "TVSeries", aliases=["Thornbury"]),
        Entity("Ondine Castellane-Roux", "Person"),
        Entity("Bastien Roux", "Person"),
        Entity("Emeric Wrenfield", "Person"),
        Entity("Hollis Brandvold", "Person"),
        Entity("Anaïs de Vérac", "Person"),
        Entity("Prime Video", "Organization", "Network", aliases=["@PrimeVideo"]),
        Entity("Amazon MGM Studios", "Organization", "Studio"),
        Entity("Remy", "Character"),
    ]
    created = "From Thornbury creators Ondine Castellane-Roux and Bastien Roux, Étoile is on Prime Video."
    facts = [
        fact(a, "Étoile", "creator", "Ondine Castellane-Roux", created),
        fact(a, "Étoile", "creator", "Bastien Roux", created),
        fact(a, "Étoile", "network", "Prime Video", created, confidence=0.8),
        fact(a, "Étoile", "production_company", "Amazon MGM Studios", "Amazon MGM Studios makes it.", 200),
        fact(a, "Étoile", "cast_member", "Emeric Wrenfield", CAST_SENTENCE, 100, character="Benedikt"),
        fact(a, "Étoile", "cast_member", "Hollis Brandvold", BRANDVOLD_SENTENCE, 150, character="Remy"),
        fact(a, "Hollis Brandvold", "credit", "The Remarkable Mrs. Thornbury", BRANDVOLD_SENTENCE, 150, confidence=0.7),
        fact(a, "Étoile", "cast_member", "Anaïs de Vérac", "Anaïs de Vérac joins the cast.", 300),
        # Not among the entities: added with the type the predicate implies.
        fact(a, "Étoile", "cast_member", "Margaux Delacroix-Haas", "Margaux Delacroix-Haas co-stars.", 350),
    ]
    return ArticleExtraction(article, entities, facts)


def thornbury() -> ArticleExtraction:
    """A second article sharing a person and the network, with a date that is not a date."""
    m = THORNBURY_ID
    article = Article(m, "text", date="spring 2023")
    entities = [
        Entity("The Remarkable Mrs. Thornbury", "Work", "TVSeries"),
        Entity("Rachel Brosnahan", "Person"),
        Entity("Hollis Brandvold", "Person"),
        Entity("Ondine Castellane-Roux", "Person"),
        Entity("Prime Video", "Organization", "Network"),
    ]
    sentence = "Rachel Brosnahan and Hollis Brandvold star in Thornbury on Prime Video."
    facts = [
        fact(m, "The Remarkable Mrs. Thornbury", "cast_member", "Rachel Brosnahan", sentence, character="Midge Thornbury"),
        fact(m, "The Remarkable Mrs. Thornbury", "cast_member", "Hollis Brandvold", sentence, character="Lenny Bruce"),
        fact(m, "The Remarkable Mrs. Thornbury", "creator", "Ondine Castellane-Roux", "Amy created it.", 80),
        fact(m, "The Remarkable Mrs. Thornbury", "network", "Prime Video", sentence),
    ]
    return ArticleExtraction(article, entities, facts)
