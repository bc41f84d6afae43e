"""Score predicted facts files against gold ones, as FORMAT.md describes (micro P/R/F1).

Kept independent of extraction so that `kg eval` can score any tool's output.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .model import ENTITY_TYPES, PREDICATES
from .textnorm import fold

_SENTENCE_BREAK = re.compile(r"(?<=[.!?\u201d\"])\s+(?=[A-Z\u201c\"])|\n+")
PERSON_WORK = {"creator", "cast_member", "director", "writer", "producer", "credit"}


@dataclass
class Counts:
    """True positives among predictions, predictions, gold items found, gold items."""

    tp_pred: int = 0
    pred: int = 0
    tp_gold: int = 0
    gold: int = 0

    def add(self, other: "Counts") -> None:
        self.tp_pred += other.tp_pred
        self.pred += other.pred
        self.tp_gold += other.tp_gold
        self.gold += other.gold

    @property
    def precision(self) -> float:
        return self.tp_pred / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class ErrorItem:
    """A missed or spurious fact, with where it was (or should have been) read."""

    article: str
    kind: str  # "missed" | "spurious"
    fact: tuple[str, str, str]
    sentence: str = ""


@dataclass
class Report:
    """Scores per bucket ('facts', 'entities', 'characters', 'p:<predicate>') and the errors."""

    buckets: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    errors: list[ErrorItem] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    def table(self) -> str:
        lines = [f"{'bucket':24s} {'P':>6s} {'R':>6s} {'F1':>6s} {'pred':>5s} {'gold':>5s}"]
        for name in sorted(self.buckets, key=lambda b: (b.startswith("p:"), b)):
            c = self.buckets[name]
            lines.append(f"{name:24s} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f} {c.pred:5d} {c.gold:5d}")
        return "\n".join(lines)

    def summary(self) -> str:
        parts = []
        for name in ("facts", "entities", "characters"):
            c = self.buckets.get(name)
            parts.append(f"{name} n/a" if c is None or not (c.pred or c.gold) else
                         f"{name} F1={c.f1:.3f} P={c.precision:.3f} R={c.recall:.3f}")
        return " | ".join(parts)

    def to_json(self) -> dict:
        return {name: {"precision": c.precision, "recall": c.recall, "f1": c.f1, "predicted": c.pred,
                       "gold": c.gold} for name, c in self.buckets.items()}


class GoldArticle:
    """One gold file, with its spellings resolved to canonical labels."""

    def __init__(self, data: dict, text: str = ""):
        self.raw_sentences = [s.strip() for s in _SENTENCE_BREAK.split(text) if s.strip()]
        self.sentences = [fold(s) for s in self.raw_sentences]
        self.canonical: dict[str, str] = {}
        self.entities: set[tuple[str, str]] = set()
        self.optional_entities: set[str] = set()
        for ent in data.get("entities", []):
            label = fold(ent["label"])
            for spelling in [ent["label"], *ent.get("aliases", [])]:
                self.canonical.setdefault(fold(spelling), label)
            if ent.get("optional"):
                self.optional_entities.add(label)
            else:
                self.entities.add((label, ent["type"]))
        self.facts: set[tuple[str, str, str]] = set()
        self.optional_facts: set[tuple[str, str, str]] = set()
        self.characters: set[tuple[str, str, str]] = set()
        for fact in data.get("facts", []):
            key = self.fact_key(fact)
            (self.optional_facts if fact.get("optional") else self.facts).add(key)
            if fact.get("character") and not fact.get("optional"):
                self.characters.add((key[0], key[2], self.resolve(fact["character"])))

    def resolve(self, label: str) -> str:
        key = fold(label)
        return self.canonical.get(key, key)

    def fact_key(self, fact: dict) -> tuple[str, str, str]:
        return self.resolve(fact.get("s", "")), fact.get("p", ""), self.resolve(fact.get("o", ""))

    def sentence_of(self, fact: tuple[str, str, str]) -> str:
        """The article sentence that names both ends of a gold fact (else one end), to show a miss in context."""
        spellings = {end: [alias for alias, label in self.canonical.items() if label == end] or [end]
                     for end in (fact[0], fact[2])}
        def names(sentence: str, end: str) -> bool:
            return any(spelling in sentence for spelling in spellings[end])
        for wanted in ((fact[0], fact[2]), (fact[2],), (fact[0],)):
            for folded, raw in zip(self.sentences, self.raw_sentences):
                if all(names(folded, end) for end in wanted):
                    return raw
        return ""


def matches(fact: tuple[str, str, str], facts: set[tuple[str, str, str]]) -> bool:
    """A fact matches a set if it is in it, or links the same person and work where one is a credit."""
    if fact in facts:
        return True
    s, p, o = fact
    if p not in PERSON_WORK:
        return False
    return any({gs, go} == {s, o} and (gp == "credit" or (p == "credit" and gp in PERSON_WORK))
               for gs, gp, go in facts)


def score_article(gold: GoldArticle, pred: dict, article_id: str, report: Report) -> None:
    """Add one article's counts (and errors) to the report."""
    b = report.buckets
    predicted_entities = {(gold.resolve(e.get("label", "")), e.get("type")) for e in pred.get("entities", [])
                          if e.get("type") in ENTITY_TYPES}
    scored = {e for e in predicted_entities if e[0] not in gold.optional_entities}
    b["entities"].add(Counts(len(scored & gold.entities), len(scored), len(gold.entities & predicted_entities),
                             len(gold.entities)))
    predicted: dict[tuple[str, str, str], str] = {}
    characters = set()
    for fact in pred.get("facts", []):
        if fact.get("p") not in PREDICATES:
            continue
        key = gold.fact_key(fact)
        predicted.setdefault(key, str(fact.get("sentence", "")))
        if fact.get("character") and fact["p"] == "cast_member":
            characters.add((key[0], key[2], gold.resolve(fact["character"])))
    for key, sentence in predicted.items():
        hit = matches(key, gold.facts)
        if not hit and matches(key, gold.optional_facts):
            continue
        for bucket in ("facts", f"p:{key[1]}"):
            b[bucket].add(Counts(int(hit), 1, 0, 0))
        if not hit:
            report.errors.append(ErrorItem(article_id, "spurious", key, sentence))
    for key in gold.facts:
        hit = matches(key, set(predicted))
        for bucket in ("facts", f"p:{key[1]}"):
            b[bucket].add(Counts(0, 0, int(hit), 1))
        if not hit:
            report.errors.append(ErrorItem(article_id, "missed", key, gold.sentence_of(key)))
    found = len(characters & gold.characters)
    b["characters"].add(Counts(found, len(characters), found, len(gold.characters)))


def load_folder(folder: str | Path) -> dict[str, dict]:
    """Facts files of a folder by article id (the "id" field, else the file stem)."""
    docs = {}
    for path in sorted(Path(folder).glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            raise ValueError(f"{path}: not a readable facts file ({err})") from err
        docs[str(data.get("id") or path.stem)] = data
    return docs


def article_text(gold_dir: Path, data: dict) -> str:
    """The text a gold file annotates (its `text_file`, beside or above the gold folder), or ''."""
    name = data.get("text_file")
    if not name:
        return ""
    for base in (gold_dir.parent, gold_dir.parent.parent, gold_dir):
        for candidate in (base / name, base / Path(name).name):
            if candidate.is_file():
                try:
                    return candidate.read_text(encoding="utf-8", errors="replace")
                except OSError:
                    return ""
    return ""


def evaluate(gold_dir: str | Path, pred_dir: str | Path) -> Report:
    """Score every gold article against the prediction with the same id (missing = empty)."""
    gold, pred = load_folder(gold_dir), load_folder(pred_dir)
    if not gold:
        raise ValueError(f"no gold files (*.json) in {gold_dir}")
    report = Report()
    for article_id, data in sorted(gold.items()):
        if article_id not in pred:
            report.missing.append(article_id)
        score_article(GoldArticle(data, article_text(Path(gold_dir), data)), pred.get(article_id, {}), article_id, report)
    return report
