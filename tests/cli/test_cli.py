"""The `kg` command as a user runs it: build, query, view, eval, validate, and every --help."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from kg.cli import main

GULLWING = """date 2025-03-02
Netflix's new drama, Gullwing Bay, follows a lighthouse keeper on a remote island.

Gullwing Bay was created by Tobiah Marchetti.

Hattie Vornholt plays Marisol in Gullwing Bay, while Rufus Delacorte plays Fenwick.

The cast also includes Imogen Strayhorn.
"""
COPPER = """date 2025-04-10
The thriller The Copper Tide was directed by Priya Ostrander and written by Calum Whitlock.

Oskar Brandvold plays Bellamy in The Copper Tide, which premieres on Peacock in June.
"""
PLAYS_SENTENCE = "Hattie Vornholt plays Marisol in Gullwing Bay, while Rufus Delacorte plays Fenwick."
SUBCOMMANDS = ("build", "extract", "query", "view", "eval", "validate")


def write_corpus(folder: Path, bad: bool = False) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "gullwing-bay.txt").write_text(GULLWING, encoding="utf-8")
    (folder / "copper-tide.txt").write_text(COPPER, encoding="utf-8")
    if bad:
        (folder / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    return folder


def run(capsys, argv: list[str]) -> tuple[int, str, str]:
    """Run `kg argv`; a SystemExit is turned into the exit code and message a shell would see."""
    try:
        code = main(argv)
    except SystemExit as exc:
        out, err = capsys.readouterr()
        if isinstance(exc.code, str):
            return 1, out, err + exc.code + "\n"
        return exc.code or 0, out, err
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def built(tmp_path_factory, nlp) -> dict:
    """`kg build` of the two good articles (quiet); the exit code and the output folder."""
    root = tmp_path_factory.mktemp("cli")
    corpus = write_corpus(root / "corpus")
    out = root / "out"
    code = main(["build", str(corpus), "--out", str(out), "--quiet"])
    return {"code": code, "out": out, "graph": out / "graph.trig", "corpus": corpus}


# -- build --------------------------------------------------------------------------------------

def test_build_writes_everything_and_exits_3_when_an_input_is_skipped(tmp_path, capsys, nlp):
    corpus = write_corpus(tmp_path / "corpus", bad=True)
    out = tmp_path / "out"
    code, stdout, stderr = run(capsys, ["build", str(corpus), "--out", str(out)])
    assert code == 3
    assert str(corpus / "broken.txt") in stderr
    assert "gullwing-bay" not in stderr and "copper-tide" not in stderr
    for name in ("graph.ttl", "graph.trig", "graph.jsonld", "graph.html"):
        assert (out / name).is_file() and (out / name).stat().st_size > 0, name
    assert sorted(p.name for p in (out / "facts").glob("*.json")) == ["copper-tide.json", "gullwing-bay.json"]
    facts = json.loads((out / "facts" / "gullwing-bay.json").read_text(encoding="utf-8"))
    assert facts["id"] == "gullwing-bay" and facts["date"] == "2025-03-02"
    assert {"s": "Gullwing Bay", "p": "creator", "o": "Tobiah Marchetti"}.items() <= next(
        f for f in facts["facts"] if f["p"] == "creator").items()
    assert re.search(r"articles:\s*2\b", stdout) and "1 skipped" in stdout
    # the Turtle and JSON-LD files are real RDF with our entities
    from rdflib import Dataset
    for name, fmt in (("graph.ttl", "turtle"), ("graph.trig", "trig"), ("graph.jsonld", "json-ld")):
        data = Dataset()
        data.parse(out / name, format=fmt)
        labels = {str(quad[2]) for quad in data.quads((None, None, None, None))}
        assert {"Gullwing Bay", "Oskar Brandvold", "Bellamy"} <= labels, name


def test_build_with_only_good_files_exits_0(built):
    assert built["code"] == 0
    assert (built["out"] / "graph.trig").is_file()
    assert sorted(p.stem for p in (built["out"] / "facts").glob("*.json")) == ["copper-tide", "gullwing-bay"]


def test_extract_writes_one_facts_file_per_article(tmp_path, capsys, nlp):
    corpus = write_corpus(tmp_path / "corpus", bad=True)
    code, _, stderr = run(capsys, ["extract", str(corpus), "--out", str(tmp_path / "facts")])
    assert code == 3
    assert str(corpus / "broken.txt") in stderr
    assert sorted(p.name for p in (tmp_path / "facts").glob("*.json")) == ["copper-tide.json", "gullwing-bay.json"]


# -- query --------------------------------------------------------------------------------------

def test_query_list_shows_the_shipped_queries(capsys):
    shipped = sorted(p.stem for p in (Path(__import__("kg").__file__).parent / "queries").glob("*.rq"))
    assert shipped, "no shipped queries found"
    code, out, _ = run(capsys, ["query", "--list"])
    assert code == 0
    listed = [line.split()[0] for line in out.splitlines() if line.strip()]
    assert listed == shipped


def test_query_cast_of_a_work_as_csv(built, capsys):
    code, out, _ = run(capsys, ["query", "cast", "-p", "work=gullwing bay", "--graph", str(built["graph"]),
                                "--format", "csv"])
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {(r["work"], r["actor"], r["character"]) for r in rows} == {
        ("Gullwing Bay", "Hattie Vornholt", "Marisol"),
        ("Gullwing Bay", "Rufus Delacorte", "Fenwick"),
        ("Gullwing Bay", "Imogen Strayhorn", ""),
    }


def test_query_limit_gives_a_page_and_says_so(built, capsys):
    graph = str(built["graph"])
    code, out, _ = run(capsys, ["query", "provenance", "--graph", graph, "--format", "csv", "--limit", "0"])
    every = list(csv.DictReader(io.StringIO(out)))
    code, out, err = run(capsys, ["query", "provenance", "--graph", graph, "--format", "csv", "--limit", "2"])
    page = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(every) > 2 and len(page) == 2 and all(row in every for row in page)
    assert "first 2 rows" in err and "--limit 0" in err


def test_query_with_an_unknown_parameter_fails_with_a_message(built, capsys):
    code, _, err = run(capsys, ["query", "cast", "-p", "title=Gullwing Bay", "--graph", str(built["graph"])])
    assert code != 0
    assert "work" in err  # tells the user which parameter the query takes


def test_query_provenance_as_json_gives_article_and_exact_sentence(built, capsys):
    code, out, _ = run(capsys, ["query", "provenance", "--graph", str(built["graph"]), "--format", "json"])
    assert code == 0
    rows = json.loads(out)["rows"]
    assert {r["article"] for r in rows} == {"gullwing-bay", "copper-tide"}
    hattie = [r for r in rows if r["object"] == "Hattie Vornholt" and r["subject"] == "Gullwing Bay"]
    assert hattie, rows
    assert all(r["article"] == "gullwing-bay" for r in hattie)
    assert PLAYS_SENTENCE in {r["sentence"] for r in hattie}
    assert any(r["character"] == "Marisol" for r in hattie)
    texts = {"gullwing-bay": GULLWING, "copper-tide": COPPER}
    for r in rows:
        assert r["sentence"] and r["sentence"] in texts[r["article"]], r


def test_query_without_a_graph_file_says_how_to_make_one(tmp_path, capsys):
    code, _, err = run(capsys, ["query", "cast", "--graph", str(tmp_path / "missing.trig")])
    assert code != 0
    assert "missing.trig" in err and "kg build" in err


# -- view ---------------------------------------------------------------------------------------

def test_view_focus_writes_the_neighbourhood_only(built, tmp_path, capsys):
    page = tmp_path / "f.html"
    code, _, _ = run(capsys, ["view", "--graph", str(built["graph"]), "--focus", "hattie vornholt",
                              "--out", str(page)])
    assert code == 0
    html = page.read_text(encoding="utf-8")
    assert "Hattie Vornholt" in html
    assert "Gullwing Bay" in html and "Marisol" in html  # one hop away
    for far in ("Oskar Brandvold", "The Copper Tide", "Priya Ostrander", "Peacock"):
        assert far not in html, far


def test_view_unknown_focus_exits_nonzero_with_a_message(built, tmp_path, capsys):
    page = tmp_path / "g.html"
    code, _, err = run(capsys, ["view", "--graph", str(built["graph"]), "--focus", "Nobody Quitehere",
                                "--out", str(page)])
    assert code != 0
    assert "Nobody Quitehere" in err
    assert not page.exists()


def page_graph(page: Path) -> tuple[dict[str, str], set[tuple[str, str, str]]]:
    """The entities (label -> kind) and facts (label, predicate, label) a written page draws."""
    html = page.read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="kg-data">(.*?)</script>',
                                html, re.S).group(1))
    labels = {n["id"]: n["label"] for n in data["nodes"]}
    return ({n["label"]: n["kind"] for n in data["nodes"]},
            {(labels[e["from"]], e["predicate"], labels[e["to"]]) for e in data["edges"]})


def test_view_top_type_and_predicate_pick_the_part_drawn(built, tmp_path, capsys):
    graph, page = str(built["graph"]), tmp_path / "part.html"
    assert run(capsys, ["view", "--graph", graph, "--top", "2", "--out", str(page)])[0] == 0
    nodes, _ = page_graph(page)
    assert set(nodes) == {"Gullwing Bay", "The Copper Tide"}  # the two works have the most facts
    assert run(capsys, ["view", "--graph", graph, "--type", "person", "--type", "Character",
                        "--out", str(page)])[0] == 0
    nodes, facts = page_graph(page)
    assert set(nodes.values()) == {"Person", "Character"} and "Hattie Vornholt" in nodes
    assert {p for _, p, _ in facts} == {"plays"}
    assert run(capsys, ["view", "--graph", graph, "--predicate", "creator", "--predicate", "director",
                        "--out", str(page)])[0] == 0
    assert page_graph(page)[1] == {("Gullwing Bay", "creator", "Tobiah Marchetti"),
                                   ("The Copper Tide", "director", "Priya Ostrander")}


def test_view_unknown_type_exits_nonzero_naming_the_known_ones(built, tmp_path, capsys):
    page = tmp_path / "h.html"
    code, _, err = run(capsys, ["view", "--graph", str(built["graph"]), "--type", "Show",
                                "--out", str(page)])
    assert code != 0 and "unknown type 'Show'" in err and "TVSeries" in err
    assert not page.exists()


# -- eval ---------------------------------------------------------------------------------------

GOLD = {
    "id": "gullwing-bay",
    "entities": [{"label": "Gullwing Bay", "type": "Work"}, {"label": "Tobiah Marchetti", "type": "Person"},
                 {"label": "Hattie Vornholt", "type": "Person"}, {"label": "Rufus Delacorte", "type": "Person"},
                 {"label": "Imogen Strayhorn", "type": "Person"}, {"label": "Delphine Argyle", "type": "Person"},
                 {"label": "Marisol", "type": "Character"}, {"label": "Fenwick", "type": "Character"},
                 {"label": "Netflix", "type": "Organization"}],
    "facts": [{"s": "Gullwing Bay", "p": "network", "o": "Netflix"},
              {"s": "Gullwing Bay", "p": "creator", "o": "Tobiah Marchetti"},
              {"s": "Gullwing Bay", "p": "cast_member", "o": "Hattie Vornholt", "character": "Marisol"},
              {"s": "Gullwing Bay", "p": "cast_member", "o": "Rufus Delacorte", "character": "Fenwick"},
              {"s": "Gullwing Bay", "p": "cast_member", "o": "Imogen Strayhorn"},
              {"s": "Gullwing Bay", "p": "producer", "o": "Delphine Argyle"}],
}


@pytest.fixture
def gold_dir(tmp_path) -> Path:
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "gullwing-bay.json").write_text(json.dumps(GOLD), encoding="utf-8")
    return folder


def test_eval_prints_summary_and_per_predicate_rows(built, gold_dir, capsys):
    code, out, _ = run(capsys, ["eval", str(gold_dir), str(built["out"] / "facts")])
    assert code == 0
    lines = out.strip().splitlines()
    assert re.fullmatch(r"facts F1=\d\.\d{3} P=\d\.\d{3} R=\d\.\d{3} \| entities F1=.* \| characters F1=.*",
                        lines[-1]), lines[-1]
    for predicate in ("network", "creator", "cast_member", "producer"):
        assert any(line.split()[0] == f"p:{predicate}" for line in lines), predicate
    producer = next(line for line in lines if line.startswith("p:producer")).split()
    assert float(producer[2]) == 0.0  # recall of the missed producer fact


def test_eval_errors_lists_the_missed_fact_with_its_article(built, gold_dir, capsys):
    code, out, _ = run(capsys, ["eval", str(gold_dir), str(built["out"] / "facts"), "--errors"])
    assert code == 0
    missed = [line for line in out.splitlines() if line.startswith("missed")]
    assert len(missed) == 1, out
    assert "gullwing-bay" in missed[0]
    assert "delphine argyle" in missed[0].lower() and "producer" in missed[0]


def test_eval_without_gold_files_fails_with_a_message(tmp_path, capsys):
    (tmp_path / "gold").mkdir()
    (tmp_path / "pred").mkdir()
    code, _, err = run(capsys, ["eval", str(tmp_path / "gold"), str(tmp_path / "pred")])
    assert code != 0
    assert "gold" in err


# -- validate and help --------------------------------------------------------------------------

def test_validate_a_built_graph(built, capsys):
    code, out, _ = run(capsys, ["validate", "--graph", str(built["graph"])])
    assert code == 0
    assert "conforms" in out


@pytest.mark.parametrize("argv", [["--help"]] + [[name, "--help"] for name in SUBCOMMANDS],
                         ids=["kg"] + list(SUBCOMMANDS))
def test_help_exits_0(argv, capsys):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: kg")
    if len(argv) == 2:
        assert argv[0] in out.splitlines()[0]


def test_build_with_nothing_readable_fails_and_writes_nothing(tmp_path, capsys):
    code, _, err = run(capsys, ["build", str(tmp_path / "missing"), "--out", str(tmp_path / "out"), "-q"])
    assert code == 2
    assert "missing" in err and "nothing written" in err
    assert not (tmp_path / "out").exists()


def test_build_mints_iris_under_the_base_the_user_gives(tmp_path, capsys, nlp):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(GULLWING, encoding="utf-8")
    code, _, _ = run(capsys, ["build", str(corpus), "--out", str(tmp_path / "out"), "-q", "--no-html",
                              "--base-iri", "https://news.example/kg/"])
    assert code == 0
    turtle = (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    assert "https://news.example/kg/work/gullwing-bay" in turtle
    assert "w3id.org/entertainment-kg/resource/" not in turtle
