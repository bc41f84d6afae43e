"""kg.evaluate against FORMAT.md on small hand-made gold/prediction folders, and against the
shared scorer (same numbers on the same folders).
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kg.cli import main
from kg.evaluate import GoldArticle, evaluate, matches

W, P1, P2, P3 = "Gullwing Bay", "Hattie Vornholt", "Rufus Delacorte", "Tobiah Marchetti"

GOLD = {
    "id": "gb",
    "entities": [
        {"label": W, "type": "Work", "aliases": ["GullwingBay"]},
        {"label": P1, "type": "Person"},
        {"label": P2, "type": "Person"},
        {"label": P3, "type": "Person", "aliases": ["Toby Marchetti"]},
        {"label": "Marisol", "type": "Character"},
        {"label": "Netflix", "type": "Organization", "subtype": "Network"},
    ],
    "facts": [
        {"s": W, "p": "cast_member", "o": P1, "character": "Marisol"},
        {"s": W, "p": "cast_member", "o": P2},
        {"s": W, "p": "creator", "o": P3},
        {"s": W, "p": "network", "o": "Netflix"},
    ],
}


def write(folder: Path, *docs: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for doc in docs:
        (folder / f"{doc['id']}.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return folder


def pred_of(gold: dict, **changes) -> dict:
    """A prediction equal to the gold file (without flags), with entries replaced or added."""
    doc = json.loads(json.dumps(gold))
    for ent in doc["entities"]:
        ent.pop("optional", None)
    doc["facts"] = [f for f in doc["facts"] if not f.get("optional")]
    doc.update(changes)
    return doc


def score(tmp_path: Path, gold: dict, pred: dict | None):
    gold_dir = write(tmp_path / "gold", gold)
    pred_dir = write(tmp_path / "pred", *([pred] if pred is not None else []))
    return evaluate(gold_dir, pred_dir)


def bucket(report, name):
    c = report.buckets[name]
    return round(c.precision, 6), round(c.recall, 6), round(c.f1, 6)


def test_perfect_prediction_scores_one(tmp_path):
    report = score(tmp_path, GOLD, pred_of(GOLD))
    for name in ("facts", "entities", "characters", "p:cast_member", "p:creator", "p:network"):
        assert bucket(report, name) == (1.0, 1.0, 1.0), name
    assert [e for e in report.errors] == []
    assert report.missing == []


def test_spurious_fact_lowers_precision_only(tmp_path):
    pred = pred_of(GOLD)
    pred["facts"].append({"s": W, "p": "director", "o": P2})
    report = score(tmp_path, GOLD, pred)
    facts = report.buckets["facts"]
    assert facts.recall == 1.0
    assert facts.precision == pytest.approx(4 / 5)
    assert report.buckets["p:director"].precision == 0.0
    assert [(e.kind, e.fact) for e in report.errors] == [("spurious", ("gullwing bay", "director", "rufus delacorte"))]


def test_missed_fact_lowers_recall_only(tmp_path):
    pred = pred_of(GOLD)
    pred["facts"] = [f for f in pred["facts"] if f["p"] != "network"]
    report = score(tmp_path, GOLD, pred)
    facts = report.buckets["facts"]
    assert facts.precision == 1.0
    assert facts.recall == pytest.approx(3 / 4)
    assert report.buckets["p:network"].recall == 0.0
    missed = [e for e in report.errors if e.kind == "missed"]
    assert [(e.article, e.fact) for e in missed] == [("gb", ("gullwing bay", "network", "netflix"))]


def test_missed_fact_is_shown_with_the_sentence_that_states_it(tmp_path):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "gb.txt").write_text(
        f"{P1} stars as Marisol in {W}. The series streams on Netflix from May.\n", encoding="utf-8")
    gold = dict(GOLD, text_file="corpus/gb.txt")
    pred = pred_of(gold)
    pred["facts"] = [f for f in pred["facts"] if f["p"] != "network"]
    report = score(tmp_path, gold, pred)
    missed = [e for e in report.errors if e.kind == "missed"]
    assert [e.sentence for e in missed] == ["The series streams on Netflix from May."]


def test_missing_prediction_file_is_reported_and_scores_zero_recall(tmp_path):
    report = score(tmp_path, GOLD, None)
    assert report.missing == ["gb"]
    assert report.buckets["facts"].recall == 0.0


@pytest.mark.parametrize("spelling", ["#GullwingBay", "@gullwingbay", "GULLWING BAY", "Gúllwing Báy",
                                      " Gullwing  Bay ", "gullwing bay."])
def test_accents_case_hashtags_handles_and_aliases_fold(tmp_path, spelling):
    pred = pred_of(GOLD)
    for fact in pred["facts"]:
        fact["s"] = spelling
        if fact["o"] == P3:
            fact["o"] = "Toby Marchetti"  # an alias of the gold entity
    for ent in pred["entities"]:
        if ent["label"] == W:
            ent["label"] = spelling
    report = score(tmp_path, GOLD, pred)
    assert bucket(report, "facts") == (1.0, 1.0, 1.0)
    assert bucket(report, "characters") == (1.0, 1.0, 1.0)
    assert bucket(report, "entities") == (1.0, 1.0, 1.0)


def test_different_name_does_not_fold_into_gold(tmp_path):
    pred = pred_of(GOLD)
    for fact in pred["facts"]:
        fact["s"] = "Gullwing Cove"
    report = score(tmp_path, GOLD, pred)
    assert report.buckets["facts"].tp_pred == 0


def test_predicted_credit_matches_gold_cast_member(tmp_path):
    pred = pred_of(GOLD)
    pred["facts"] = [{"s": P2, "p": "credit", "o": W} if f["o"] == P2 else f for f in pred["facts"]]
    report = score(tmp_path, GOLD, pred)
    assert bucket(report, "facts") == (1.0, 1.0, 1.0)


def test_gold_credit_is_matched_by_any_person_work_predicate(tmp_path):
    gold = dict(GOLD, facts=GOLD["facts"] + [{"s": P1, "p": "credit", "o": "Ravenhollow"}],
                entities=GOLD["entities"] + [{"label": "Ravenhollow", "type": "Work"}])
    for predicate in ("cast_member", "creator", "director", "writer", "producer", "credit"):
        pred = pred_of(gold)
        pred["facts"] = [f for f in pred["facts"] if f["p"] != "credit"] + [{"s": "Ravenhollow", "p": predicate, "o": P1}]
        report = score(tmp_path / predicate, gold, pred)
        assert bucket(report, "facts") == (1.0, 1.0, 1.0), predicate


def test_credit_does_not_match_another_person_or_a_network(tmp_path):
    assert not matches(("gullwing bay", "network", "netflix"), {("netflix", "credit", "gullwing bay")})
    assert not matches(("rufus delacorte", "credit", "gullwing bay"), {("gullwing bay", "cast_member", "hattie vornholt")})
    assert not matches(("gullwing bay", "director", "rufus delacorte"), {("gullwing bay", "cast_member", "rufus delacorte")})
    pred = pred_of(GOLD)
    pred["facts"] = [{"s": P1, "p": "credit", "o": "Ravenhollow"} if f["o"] == P1 else f for f in pred["facts"]]
    report = score(tmp_path, GOLD, pred)
    assert report.buckets["facts"].tp_pred == 3
    assert report.buckets["facts"].tp_gold == 3


def test_optional_gold_facts_cost_and_earn_nothing(tmp_path):
    gold = dict(GOLD, facts=GOLD["facts"] + [{"s": W, "p": "production_company", "o": "Tidewater Pictures",
                                              "optional": True}])
    without = score(tmp_path / "without", gold, pred_of(gold))
    pred = pred_of(gold)
    pred["facts"].append({"s": W, "p": "production_company", "o": "Tidewater Pictures"})
    with_it = score(tmp_path / "with", gold, pred)
    for report in (without, with_it):
        c = report.buckets["facts"]
        assert (c.tp_pred, c.pred, c.tp_gold, c.gold) == (4, 4, 4, 4)
        assert report.errors == []


def test_optional_entities_are_not_scored(tmp_path):
    gold = dict(GOLD, entities=GOLD["entities"] + [{"label": "Jane Doe", "type": "Person", "optional": True}])
    pred = pred_of(GOLD)
    pred["entities"].append({"label": "Jane Doe", "type": "Person"})
    assert bucket(score(tmp_path, gold, pred), "entities") == (1.0, 1.0, 1.0)


def test_characters_are_scored(tmp_path):
    wrong = pred_of(GOLD)
    for fact in wrong["facts"]:
        if fact.get("character"):
            fact["character"] = "Fenwick"
    report = score(tmp_path / "wrong", GOLD, wrong)
    assert bucket(report, "facts") == (1.0, 1.0, 1.0)  # the fact itself is right
    assert report.buckets["characters"].tp_pred == 0
    assert report.buckets["characters"].recall == 0.0

    none = pred_of(GOLD)
    for fact in none["facts"]:
        fact.pop("character", None)
    report = score(tmp_path / "none", GOLD, none)
    assert report.buckets["characters"].recall == 0.0
    assert report.buckets["characters"].pred == 0

    extra = pred_of(GOLD)
    extra["facts"] = [dict(f, character="Fenwick") if f["o"] == P2 else f for f in extra["facts"]]
    report = score(tmp_path / "extra", GOLD, extra)
    assert report.buckets["characters"].recall == 1.0
    assert report.buckets["characters"].precision == pytest.approx(0.5)


def test_wrong_entity_type_is_an_entity_error(tmp_path):
    pred = pred_of(GOLD)
    pred["entities"] = [dict(e, type="Character") if e["label"] == P1 else e for e in pred["entities"]]
    pred["entities"].append({"label": "Thursday", "type": "Date"})  # outside the four types: ignored
    c = score(tmp_path, GOLD, pred).buckets["entities"]
    assert (c.tp_pred, c.pred, c.tp_gold, c.gold) == (5, 6, 5, 6)


def test_gold_article_resolves_aliases_to_the_label():
    gold = GoldArticle(GOLD)
    assert gold.resolve("#GullwingBay") == gold.resolve("Gullwing Bay") == "gullwing bay"
    assert gold.resolve("Toby Marchetti") == "tobiah marchetti"


def test_no_gold_files_is_an_error(tmp_path):
    (tmp_path / "gold").mkdir()
    with pytest.raises(ValueError):
        evaluate(tmp_path / "gold", write(tmp_path / "pred", GOLD))


# -- agreement with the shared scorer -----------------------------------------------------------

SUMMARY = re.compile(r"(facts|entities|characters) F1=(\d+\.\d+)")


def shared_scores(scorer: Path, gold_dir: Path, pred_dir: Path) -> dict[str, float]:
    run = subprocess.run([sys.executable, str(scorer), str(gold_dir), str(pred_dir)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    return {k: float(v) for k, v in SUMMARY.findall(run.stdout.strip().splitlines()[-1])}


def test_same_facts_f1_as_the_shared_scorer_on_etoile(etoile_paths, tmp_path, nlp, capsys):
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    (gold_dir / etoile_paths["gold"].name).write_bytes(etoile_paths["gold"].read_bytes())
    pred_dir = tmp_path / "pred"
    assert main(["extract", str(etoile_paths["text"]), "--out", str(pred_dir)]) == 0
    capsys.readouterr()
    ours = evaluate(gold_dir, pred_dir)
    theirs = shared_scores(etoile_paths["scorer"], gold_dir, pred_dir)
    assert round(ours.buckets["facts"].f1, 3) == theirs["facts"]
    assert round(ours.buckets["characters"].f1, 3) == theirs["characters"]
    assert round(ours.buckets["entities"].f1, 3) == theirs["entities"]


def _variants() -> dict[str, dict]:
    spurious = pred_of(GOLD)
    spurious["facts"].append({"s": W, "p": "director", "o": P2})
    spurious["facts"].append({"s": P1, "p": "credit", "o": "Ravenhollow"})
    missed = pred_of(GOLD)
    missed["facts"] = missed["facts"][1:]
    credit = pred_of(GOLD)
    credit["facts"] = [{"s": f["o"], "p": "credit", "o": "#gullwingbay"} if f["p"] != "network" else f
                       for f in credit["facts"]]
    return {"spurious": spurious, "missed": missed, "credit-for-everything": credit}


@pytest.mark.parametrize("name", sorted(_variants()))
def test_same_scores_as_the_shared_scorer_on_hand_made_folders(shared_dir, tmp_path, name):
    scorer = shared_dir / "eval" / "score.py"
    if not scorer.is_file():
        pytest.skip(f"shared scorer not found at {scorer}")
    gold = dict(GOLD, facts=GOLD["facts"] + [{"s": W, "p": "production_company", "o": "Tidewater Pictures",
                                              "optional": True}])
    gold_dir = write(tmp_path / "gold", gold)
    pred_dir = write(tmp_path / "pred", _variants()[name])
    ours = evaluate(gold_dir, pred_dir)
    theirs = shared_scores(scorer, gold_dir, pred_dir)
    for key in ("facts", "entities", "characters"):
        assert round(ours.buckets[key].f1, 3) == theirs[key], key
