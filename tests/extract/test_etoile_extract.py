"""The shared Étoile article end to end (`kg extract` + the shared scorer), and the rule that no
evaluation names are written into kg's code or data.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

from kg.cli import main

SUMMARY = re.compile(r"(facts|entities|characters) F1=(\d+\.\d+)")


def scorer_summary(scorer: Path, gold_dir: Path, pred_dir: Path) -> dict[str, float]:
    """F1 per bucket from the last line the shared scorer prints."""
    run = subprocess.run([sys.executable, str(scorer), str(gold_dir), str(pred_dir)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    last = run.stdout.strip().splitlines()[-1]
    scores = {name: float(value) for name, value in SUMMARY.findall(last)}
    assert {"facts", "characters"} <= set(scores), last
    return scores


def test_etoile_facts_and_characters_f1(etoile_paths, tmp_path, nlp, capsys):
    corpus, gold, pred = tmp_path / "corpus", tmp_path / "gold", tmp_path / "pred"
    corpus.mkdir()
    gold.mkdir()
    (corpus / etoile_paths["text"].name).write_bytes(etoile_paths["text"].read_bytes())
    (gold / etoile_paths["gold"].name).write_bytes(etoile_paths["gold"].read_bytes())
    assert main(["extract", str(corpus), "--out", str(pred)]) == 0
    capsys.readouterr()
    written = json.loads((pred / etoile_paths["gold"].name).read_text(encoding="utf-8"))
    assert written["id"] == etoile_paths["gold"].stem
    assert written["date"] == "2025-04-28"
    scores = scorer_summary(etoile_paths["scorer"], gold, pred)
    assert scores["facts"] >= 0.9, scores
    assert scores["characters"] >= 0.9, scores


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def evaluation_names(gold_file: Path) -> set[str]:
    """Names only the evaluation article gives: its people, characters and the show itself.

    Organizations are left out: real networks and studios belong in the gazetteer.
    """
    data = json.loads(gold_file.read_text(encoding="utf-8"))
    names = {"Gainsbourg", "Palladino", "Étoile", "Etoile", "Tobias", "Cheyenne"}
    for ent in data["entities"]:
        if ent["type"] in ("Person", "Character") or ent["label"] == "Étoile":
            for name in (ent["label"], *ent.get("aliases", [])):
                name = name.lstrip("#@")
                if len(name) >= 3:
                    names.add(name)
                    names.update(part for part in name.replace("-", " ").split() if len(part) >= 5)
    return names


def benchmark_names(shared_dir: Path) -> set[str]:
    """Whole names of the people, characters and works of the shared benchmarks' gold files (single
    common words like "Thriller" aside; organizations belong in the gazetteer)."""
    from kg.extract.gazetteer import DEFAULT_PATH
    from kg.extract.lexicon import PERSON_NOUNS, ROLE_NOUNS, WORK_NOUNS
    organizations = DEFAULT_PATH.read_text(encoding="utf-8").lower()  # ("Walt Disney" in "Walt Disney Pictures")
    vocabulary = PERSON_NOUNS | set(ROLE_NOUNS) | WORK_NOUNS | {"executive", "the", "a"}
    names = set()
    for gold_file in sorted((shared_dir / "benchmarks").glob("*/gold/*.json")):
        for ent in json.loads(gold_file.read_text(encoding="utf-8"))["entities"]:
            if ent["type"] not in ("Person", "Character", "Work"):
                continue
            for name in (ent["label"], *ent.get("aliases", [])):
                name = name.strip()
                common = all(word in vocabulary for word in name.lower().split())  # "Executive Producers"
                if " " in name and len(name) >= 6 and name[0].isupper() and name.lower() not in organizations \
                        and not common:
                    names.add(name)
    return names


def _names_in_kg(repo_root: Path, names: set[str]) -> list[str]:
    """Lines of kg's code and data that write one of the names."""
    pattern = re.compile(r"(?<!\w)(" + "|".join(sorted(map(re.escape, names), key=len, reverse=True))
                         + r")(?!\w)", re.IGNORECASE)
    found = []
    files = [p for p in sorted((repo_root / "kg").rglob("*"))
             if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".pyc", ".pyo")]
    assert any(p.suffix == ".tsv" for p in files) and any(p.suffix == ".py" for p in files)
    for path in files:
        text = _fold(path.read_text(encoding="utf-8", errors="replace"))
        for number, line in enumerate(text.splitlines(), start=1):
            for match in pattern.finditer(line):
                found.append(f"{path.relative_to(repo_root)}:{number}: {match.group(0)}")
    return found


def test_no_evaluation_names_in_kg_code_or_data(etoile_paths, repo_root):
    found = _names_in_kg(repo_root, {_fold(n) for n in evaluation_names(etoile_paths["gold"])})
    assert not found, "evaluation names in kg/:\n" + "\n".join(found)


def test_no_benchmark_names_in_kg_code_or_data(shared_dir, repo_root):
    names = {_fold(n) for n in benchmark_names(shared_dir)}
    if not names:
        pytest.skip("no shared benchmark gold files")
    found = _names_in_kg(repo_root, names)
    assert not found, "benchmark names in kg/ (comments included):\n" + "\n".join(found)
