"""kg.query: shipped queries answer users' questions, bind parameters safely, and export results."""
from __future__ import annotations

import csv
import io
import json
import re

import pytest
from kg_samples import CAST_SENTENCE, ETOILE_ID, BRANDVOLD_SENTENCE, THORNBURY_ID

from kg.query import QueryResult, list_queries, load_query, run_query

#: rdflib 7.6 warns about its own deprecated Dataset internals on every lookup; not ours to fix.
pytestmark = pytest.mark.filterwarnings(r"ignore:(Dataset\.|ConjunctiveGraph ).*deprecated:DeprecationWarning")

INJECTIONS = ['"} ; DROP ALL #', 'Étoile"} UNION { ?w ?p ?o } #', "\\", 'back\\slash \\" \\u0022 }', "'); DELETE WHERE { ?s ?p ?o } #"]


def rows(result: QueryResult, *columns: str) -> set[tuple]:
    return {tuple(row[c] for c in columns) for row in result.rows}


# --- the shipped queries ---------------------------------------------------------------------

def test_shipped_queries_have_headers_and_declare_their_prefixes():
    queries = {q.name: q for q in list_queries()}
    assert {"cast", "credits", "coworkers", "works-by-network", "provenance", "entities"} <= set(queries)
    for q in queries.values():
        assert q.title and q.description, q.name
        assert q.text.startswith("# title:")
        for param in q.params:
            assert f"?{param}" in q.text, (q.name, param)
        body = re.sub(r'#[^\n]*|"[^"\n]*"|<[^>\s]*>', "", q.text)  # drop comments, strings, IRIs
        used = set(re.findall(r"(?<![\w?$])([A-Za-z][\w-]*):(?=[A-Za-z_])", body))
        declared = set(re.findall(r"PREFIX\s+([\w-]+):", q.text))
        assert used <= declared, (q.name, used - declared)


@pytest.mark.parametrize("name", [q.name for q in list_queries()])
def test_every_shipped_query_runs_unbound_on_a_store_and_on_a_dataset(name, store, dataset):
    on_store, on_dataset = run_query(store, name), run_query(dataset, name)
    assert on_store.rows, name  # unbound parameters list everything
    assert on_store == on_dataset


def test_cast_says_who_plays_whom(store):
    expected = {("Emeric Wrenfield", "Benedikt"), ("Hollis Brandvold", "Remy"),
                ("Anaïs de Vérac", None), ("Margaux Delacroix-Haas", None)}
    for name in ["Étoile", "étoile", "ETOILE", "Etoile", "#Etoile"]:  # label, case, accents, alias
        result = run_query(store, "cast", {"work": name})
        assert rows(result, "actor", "character") == expected, name
        assert {r["work"] for r in result.rows} == {"Étoile"}
    assert not run_query(store, "cast", {"work": "Étoile 2"}).rows


def test_cast_unbound_lists_every_work(store):
    result = run_query(store, "cast")
    assert {r["work"] for r in result.rows} == {"Étoile", "The Remarkable Mrs. Thornbury"}
    assert ("The Remarkable Mrs. Thornbury", "Hollis Brandvold", "Lenny Bruce") in rows(result, "work", "actor", "character")


def test_provenance_gives_article_date_and_exact_sentence(store):
    result = run_query(store, "provenance", {"subject": "etoile", "object": "Emeric Wrenfield"})
    assert result.rows == [{
        "subject": "Étoile", "predicate": "actor", "object": "Emeric Wrenfield", "character": "Benedikt",
        "article": ETOILE_ID, "date": "2025-04-28", "sentence": CAST_SENTENCE, "confidence": "0.9",
        "method": "test-pattern"}]
    credit = run_query(store, "provenance", {"subject": "Hollis Brandvold"})
    assert rows(credit, "predicate", "object", "sentence", "confidence") == {
        ("credit", "The Remarkable Mrs. Thornbury", BRANDVOLD_SENTENCE, "0.7")}
    everything = run_query(store, "provenance")
    assert {r["article"] for r in everything.rows} == {ETOILE_ID, THORNBURY_ID}
    assert len(everything.rows) == 9 + 4


def test_credits_of_a_person_cover_every_relation(store):
    result = run_query(store, "credits", {"person": "hollis brandvold"})
    assert rows(result, "relation", "work", "character") == {
        ("actor", "Étoile", "Remy"), ("credit", "The Remarkable Mrs. Thornbury", None),
        ("actor", "The Remarkable Mrs. Thornbury", "Lenny Bruce")}


def test_coworkers(store):
    result = run_query(store, "coworkers", {"person": "Rachel Brosnahan"})
    assert rows(result, "coworker", "work") == {
        ("Hollis Brandvold", "The Remarkable Mrs. Thornbury"), ("Ondine Castellane-Roux", "The Remarkable Mrs. Thornbury")}
    pairs = rows(run_query(store, "coworkers"), "person", "coworker", "work")
    assert not {(b, a, w) for a, b, w in pairs} & pairs  # each pair once when unbound


def test_works_by_network_counts(store):
    (row,) = run_query(store, "works-by-network").rows
    assert row["network"] == "Prime Video" and row["work_count"] == "2"
    assert set(row["works"].split(" | ")) == {"Étoile", "The Remarkable Mrs. Thornbury"}


def test_entities_have_type_subtype_and_fact_count(store):
    by_label = {r["label"]: r for r in run_query(store, "entities").rows}
    assert by_label["Étoile"]["type"] == "Work" and by_label["Étoile"]["subtype"] == "TVSeries"
    assert by_label["Étoile"]["facts"] == "8"
    assert by_label["Prime Video"]["subtype"] == "Network" and by_label["Prime Video"]["facts"] == "2"
    assert by_label["Benedikt"]["type"] == "Character" and by_label["Benedikt"]["facts"] == "1"


def test_a_listing_is_a_page_of_its_limit_and_limit_zero_lists_all(store, dataset):
    everything = run_query(store, "provenance", limit=0)
    assert len(everything) == 13 and run_query(store, "provenance") == everything  # under the default 100
    page = run_query(store, "provenance", limit=5)
    assert len(page) == 5 and all(row in everything.rows for row in page.rows)
    assert page.rows == sorted(page.rows, key=lambda r: (r["article"], r["subject"], r["predicate"], r["object"]))
    assert len(run_query(dataset, "entities", limit=3)) == 3  # the page is chosen in a subquery
    assert len(run_query(store, "SELECT * WHERE { ?s ?p ?o } LIMIT 50", limit=2)) == 2


def test_shipped_queries_have_a_default_page_and_sort_order():
    for q in list_queries():
        assert q.limit == 100, q.name
        assert q.order or "ORDER BY" in q.text, q.name


def test_bound_rows_are_the_same_on_every_store_and_sorted(store, dataset):
    for name, params in [("cast", {"work": "Étoile"}), ("credits", {"person": "Hollis Brandvold"}),
                         ("coworkers", {"person": "Rachel Brosnahan"}), ("provenance", {"subject": "Étoile"})]:
        on_store = run_query(store, name, params)
        assert on_store.rows and on_store == run_query(dataset, name, params), name


# --- parameters are values, never query text -------------------------------------------------

@pytest.mark.parametrize("value", INJECTIONS)
def test_hostile_bindings_match_nothing_and_change_nothing(value, store):
    size = len(store)
    for q in list_queries():
        for param in q.params:
            assert run_query(store, q.name, {param: value}).rows == [], (q.name, param)
    assert len(store) == size


def test_a_misspelt_parameter_is_an_error_not_a_silent_list_of_everything(store):
    with pytest.raises(ValueError, match="work"):
        run_query(store, "cast", {"title": "Étoile"})


def test_bindings_accept_question_marks_and_none(store):
    assert run_query(store, "cast", {"?work": "Etoile"}).rows
    assert run_query(store, "cast", {"work": None}) == run_query(store, "cast")


# --- loading queries ------------------------------------------------------------------------

def test_load_query_from_name_path_or_text(tmp_path):
    text = load_query("cast")
    path = tmp_path / "mine.rq"
    path.write_text(text, encoding="utf-8")
    assert load_query(str(path)) == text == load_query(path)
    assert load_query("SELECT * WHERE { ?s ?p ?o }") == "SELECT * WHERE { ?s ?p ?o }"
    with pytest.raises(ValueError, match="cast"):  # the message lists the shipped queries
        load_query("csat")


def test_run_query_with_sparql_text_and_ask(dataset):
    result = run_query(dataset, "PREFIX schema: <https://schema.org/> SELECT ?n WHERE { ?p a schema:Person ; schema:name ?n } ORDER BY ?n")
    assert result.columns == ["n"] and result.rows[0] == {"n": "Anaïs de Vérac"}
    assert run_query(dataset, "ASK { ?s ?p ?o }").rows == [{"ask": "true"}]


# --- output formats -------------------------------------------------------------------------

def test_csv_and_json_round_trip(store):
    result = run_query(store, "provenance")
    assert any(v is None for r in result.rows for v in r.values())  # unbound cells included
    read = list(csv.DictReader(io.StringIO(result.to_csv())))
    assert read == [{c: ("" if r[c] is None else r[c]) for c in result.columns} for r in result.rows]
    assert QueryResult.from_json(result.to_json()) == result
    assert json.loads(result.to_json())["columns"] == result.columns


def test_table_is_aligned(store):
    result = run_query(store, "cast", {"work": "Étoile"})
    lines = result.to_table().splitlines()
    assert len(lines) == 2 + len(result.rows)
    start = lines[0].index("actor")
    assert all(line[start - 2:start] == "  " for line in lines)
    assert set(lines[1].replace(" ", "")) == {"-"}


def test_with_limit_resizes_every_limit_clause_and_leaves_strings_alone():
    from kg.sparql_text import limits, with_limit
    text = '# LIMIT 5\nSELECT * WHERE { ?s ?p "LIMIT 7" { SELECT ?s WHERE { ?s ?p ?o } LIMIT 100 } } LIMIT 100'
    assert limits(with_limit(text, 3)) == [3, 3] and '"LIMIT 7"' in with_limit(text, 3)
    assert limits(with_limit(text, 0)) == [] and "# LIMIT 5" in with_limit(text, 0)
    assert limits(with_limit("SELECT * { ?s ?p ?o }", 4)) == [4]
    with pytest.raises(ValueError):
        with_limit(text, -1)
