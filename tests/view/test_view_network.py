"""kg.network: RDF -> networkx with types, facts, provenance, plays edges; neighbourhoods."""
from __future__ import annotations

import warnings

import pytest
from rdflib import Dataset, Graph

from view_fixture import HOSTILE, HOSTILE_SENTENCE, QUOTED, build_dataset, iri
from kg.network import find_nodes, name_key, neighbourhood, to_networkx

ETOILE, TAVISH, ODILE = iri("Work", "Étoile"), iri("Person", "Tavish Brennock"), iri("Character", "Odile")
MARGUERITE, PRIME = iri("Person", "Marguerite Okonkwo-Lind"), iri("Organization", "Prime Video")
LAMPLIGHTER, HARROW = iri("Work", "The Lamplighter's Daughter"), iri("Work", "Harrow Point")


def edges_of(graph) -> set[tuple[str, str, str]]:
    return {(u, v, k) for u, v, k in graph.edges(keys=True)}


def test_nodes_are_entities_with_types(nx_graph):
    assert len(nx_graph) == 11  # no article, role or statement nodes
    etoile = nx_graph.nodes[ETOILE]
    assert (etoile["label"], etoile["type"], etoile["subtype"]) == ("Étoile", "Work", "TVSeries")
    assert etoile["aliases"] == ["#Etoile", "Etoile"]  # "Etoile" is also the label in harrow-2000
    assert etoile["articles"] == ["etoile-2025", "harrow-2000"]
    assert nx_graph.nodes[PRIME]["type"] == "Organization"
    assert nx_graph.nodes[PRIME]["subtype"] == "Network"
    assert nx_graph.nodes[ODILE]["type"] == "Character"
    assert nx_graph.nodes[TAVISH]["type"] == "Person" and nx_graph.nodes[TAVISH]["subtype"] is None
    assert nx_graph.nodes[iri("Work", QUOTED)]["subtype"] == "Movie"
    assert nx_graph.nodes[iri("Person", HOSTILE)]["label"] == HOSTILE


def test_facts_are_edges_keyed_by_predicate_with_sources(nx_graph):
    cast = nx_graph.edges[ETOILE, TAVISH, "cast_member"]
    assert cast["predicate"] == "cast_member" and cast["character"] == "Odile"
    source, other = cast["sources"]  # one per article, in article order
    assert (source["sentence"], other["sentence"]) == (HOSTILE_SENTENCE, "Tavish Brennock is also in it.")
    assert (source["article"], source["date"], source["confidence"]) == (
        "etoile-2025", "2025-01-15", 0.9)
    assert {(ETOILE, PRIME, "network"), (ETOILE, MARGUERITE, "creator"),
            (TAVISH, LAMPLIGHTER, "credit")} <= edges_of(nx_graph)
    creator = nx_graph.edges[ETOILE, MARGUERITE, "creator"]
    assert [s["article"] for s in creator["sources"]] == ["etoile-2025", "harrow-2000"]


def test_actor_plays_character(nx_graph):
    plays = nx_graph.edges[TAVISH, ODILE, "plays"]
    assert plays["predicate"] == "plays" and plays["character"] == "Odile"
    assert plays["work"] == ETOILE and plays["works"] == [ETOILE]
    assert [s["sentence"] for s in plays["sources"]] == [HOSTILE_SENTENCE]  # naming Odile only
    berenice = iri("Character", "Bérénice")
    assert nx_graph.has_edge(iri("Person", "Sunniva Halvorsen"), berenice, "plays")


def test_plain_graph_and_non_union_dataset_read_the_same(nx_graph):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # rdflib 7.6's own Dataset warnings
        dataset = build_dataset()
        union = Graph()
        for s, p, o, _ in dataset.quads((None, None, None, None)):
            union.add((s, p, o))
        plain = Graph().parse(data=union.serialize(format="turtle"), format="turtle")
        separate = Dataset(store=dataset.store)  # default_union=False
    for graph in (plain, separate):
        other = to_networkx(graph)
        assert dict(other.nodes(data=True)) == dict(nx_graph.nodes(data=True))
        assert edges_of(other) == edges_of(nx_graph)


def test_name_key_folds_case_accents_and_handles():
    assert name_key("#Étoile") == name_key("ETOILE") == "etoile"
    assert name_key("@PrimeVideo") == name_key("Prime Video")


@pytest.mark.parametrize("name", ["etoile", "#ÉTOILE", "Étoile"])
def test_neighbourhood_keeps_only_nearby_nodes(nx_graph, name):
    near = neighbourhood(nx_graph, name)
    assert {ETOILE, TAVISH, MARGUERITE, PRIME, iri("Person", HOSTILE)} <= set(near)
    assert not {ODILE, LAMPLIGHTER, HARROW, iri("Work", QUOTED)} & set(near)
    assert (ETOILE, TAVISH, "cast_member") in edges_of(near)
    assert near.edges[ETOILE, TAVISH, "cast_member"]["sources"]  # attributes are kept
    assert {ODILE, LAMPLIGHTER, HARROW} <= set(neighbourhood(nx_graph, name, depth=2))


def test_neighbourhood_matches_aliases(nx_graph):
    assert find_nodes(nx_graph, "@primevideo") == [PRIME]
    assert find_nodes(nx_graph, "brennock") == [TAVISH]
    assert set(neighbourhood(nx_graph, "Brennock", depth=0)) == {TAVISH}


def test_unknown_name_raises_lookup_error_with_close_matches(nx_graph):
    with pytest.raises(LookupError, match="Étoile"):
        neighbourhood(nx_graph, "Etoil")
    with pytest.raises(LookupError, match="no entity named 'Nobody At All'"):
        neighbourhood(nx_graph, "Nobody At All")
