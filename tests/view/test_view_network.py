"""kg.network: RDF -> networkx with types, facts, provenance, plays edges; neighbourhoods; the part to draw."""
from __future__ import annotations

import warnings

import networkx as nx
import pytest
from rdflib import Dataset, Graph

from view_fixture import HOSTILE, HOSTILE_SENTENCE, QUOTED, build_dataset, iri, large_graph
from kg.network import find_nodes, name_key, neighbourhood, select, to_networkx

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


# -- the part of a graph to draw: kg.network.select ---------------------------------------------

def test_select_without_filters_keeps_the_whole_graph(nx_graph):
    assert edges_of(select(nx_graph)) == edges_of(nx_graph) and len(select(nx_graph)) == 11


def test_select_types_keeps_types_and_subtypes_case_blind(nx_graph):
    works = select(nx_graph, types=["work"])
    assert {nx_graph.nodes[n]["type"] for n in works} == {"Work"} and len(works) == 4
    assert set(select(nx_graph, types=["TVSeries"])) == {ETOILE, LAMPLIGHTER, HARROW}
    people_and_networks = select(nx_graph, types=["Person", "Network"])
    assert len(people_and_networks) == 5 and PRIME in people_and_networks
    assert not any(k == "cast_member" for _, _, k in people_and_networks.edges(keys=True))


def test_select_predicates_keeps_those_facts_and_their_entities(nx_graph):
    plays = select(nx_graph, predicates=["plays"])
    assert {k for _, _, k in plays.edges(keys=True)} == {"plays"}
    assert set(plays) == {TAVISH, ODILE, iri("Person", "Sunniva Halvorsen"), iri("Character", "Bérénice")}
    assert len(select(nx_graph, predicates=["creator", "network"])) == 4


def test_select_focus_keeps_the_centre_through_type_and_top_filters(nx_graph):
    people = select(nx_graph, focus="etoile", types=["Person"])
    assert ETOILE in people and {nx_graph.nodes[n]["type"] for n in set(people) - {ETOILE}} == {"Person"}
    assert set(select(nx_graph, focus="Odile", top=1)) == {ODILE}  # the focus, not the hub
    assert set(select(nx_graph, focus="Odile", depth=2, top=2)) == {ODILE, TAVISH}  # degree 3 here


def test_select_top_keeps_the_most_connected(nx_graph):
    top = select(nx_graph, top=3)
    assert len(top) == 3 and ETOILE in top and TAVISH in top  # degrees 7 and 4
    assert len(select(nx_graph, top=0)) == 0 and len(select(nx_graph, top=1000)) == 11


def test_select_unknown_type_or_predicate_names_the_known_ones(nx_graph):
    with pytest.raises(ValueError, match="unknown type 'Show'.*TVSeries"):
        select(nx_graph, types=["Show"])
    with pytest.raises(ValueError, match="unknown predicate 'stars'.*cast_member"):
        select(nx_graph, predicates=["stars"])


def test_a_large_graph_can_be_viewed_in_parts():
    graph = large_graph(facts=20_000, entities=6_000)
    top = select(graph, top=300)
    assert len(top) == 300
    kept_degree = min(graph.degree(n) for n in top)
    assert all(graph.degree(n) <= kept_degree for n in set(graph) - set(top))
    around = select(graph, focus="Entity 7", depth=1)
    assert "e7" in around and len(around) == len(set(nx.all_neighbors(graph, "e7")) | {"e7"})
    people = select(graph, types=["Person"], predicates=["credit"], top=50)
    assert len(people) <= 50 and {graph.nodes[n]["type"] for n in people} == {"Person"}
