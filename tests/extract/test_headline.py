"""Facts a trade headline states, read against the names the body typed (invented names only)."""
from __future__ import annotations

import pytest

from kg.corpus import article_from_text
from kg.graph import KnowledgeGraph
from kg.pipeline import extract_articles


@pytest.fixture(scope="module")
def extract(nlp):
    def run(text: str):
        [extraction] = list(extract_articles([article_from_text(text, "headline-test")]))
        return extraction
    return run


def headline_facts(extraction) -> set[tuple[str, str, str]]:
    return {(f.subject, f.predicate, f.object) for f in extraction.facts if f.provenance.method == "headline"}


BODY = ("Saltgrass follows a lighthouse keeper who finds a stranger on the rocks. Jo Verity will star as "
        "the keeper, Morwenna Hale. The streamer has ordered eight episodes.")


def test_a_network_only_the_headline_names_airs_the_work(extract):
    ex = extract("Apple TV+ Orders Mystery Drama 'Saltgrass' Starring Jo Verity\n\n" + BODY)
    assert ("Saltgrass", "network", "Apple TV+") in headline_facts(ex)
    apple = ex.entity("Apple TV+")
    assert apple is not None and apple.type == "Organization" and apple.subtype == "Network"
    fact = next(f for f in ex.facts if f.provenance.method == "headline")
    assert fact.provenance.sentence == "Apple TV+ Orders Mystery Drama 'Saltgrass' Starring Jo Verity"
    assert fact.provenance.start == -1  # not a place in the article's text


def test_a_person_joining_a_networks_show(extract):
    ex = extract("Jo Verity Joins HBO's 'Saltgrass'\n\n" + BODY.replace("will star as the keeper, Morwenna Hale",
                                                                    "is a painter from Cornwall"))
    assert {("Saltgrass", "cast_member", "Jo Verity"), ("Saltgrass", "network", "HBO")} <= headline_facts(ex)


def test_a_genre_between_the_network_and_the_show(extract):
    ex = extract("Jo Verity Boards Peacock Fantasy Series 'Saltgrass'\n\n" + BODY)
    assert ("Saltgrass", "network", "Peacock") in headline_facts(ex)


def test_a_persons_work_in_a_headline_is_a_credit(extract):
    ex = extract("Mubi Acquires Dario Velt's 'Saltgrass'\n\n" + BODY + " Dario Velt directed it in Wales.")
    got = headline_facts(ex)
    assert ("Saltgrass", "network", "Mubi") in got
    assert ("Dario Velt", "credit", "Saltgrass") in got


@pytest.mark.parametrize("title", [
    "Jo Verity Exits HBO's 'Saltgrass'",
    "Jo Verity in Talks to Join 'Saltgrass'",
    "Jo Verity Will Not Return to 'Saltgrass'",
])
def test_exits_talks_and_negations_state_nothing(extract, title):
    assert not {f for f in headline_facts(extract(title + "\n\n" + BODY)) if f[1] == "cast_member"}


def test_headline_facts_keep_their_sentence_in_rdf_and_pass_shacl(nlp):
    kg = KnowledgeGraph()
    kg.add_text("Apple TV+ Orders Mystery Drama 'Saltgrass'\n\n" + BODY, "headline-test")
    conforms, report = kg.validate()
    assert conforms, report
    rows = kg.query("""
        SELECT ?sentence ?start WHERE {
          ?st a rdf:Statement ; kg:method "headline" ; kg:sentence ?sentence .
          OPTIONAL { ?st kg:sentenceStart ?start }
        }""")
    assert [(r["sentence"], r["start"]) for r in rows] == [("Apple TV+ Orders Mystery Drama 'Saltgrass'", None)]
