"""Which mentions and entities are the same real-world thing: within an article and across a corpus.

Spellings merge when they fold to the same key (accents, case, '#'/'@', spaces, a leading
"The"); a first name, nickname or surname alone joins the one full name it can belong to.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache

from .model import PREDICATES, ArticleExtraction, Entity, Fact
from .textnorm import fold


#: Letters that Unicode does not decompose but that writers often replace: "Søren" / "Soren".
_TRANSLITERATE = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "þ": "th",
                                "ð": "d", "ı": "i"})


def fold_name(text: str) -> str:
    """`fold`, also replacing letters like 'ø' that have no accent to strip."""
    return fold(text).translate(_TRANSLITERATE)


@lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """The key under which two spellings of one name meet (remembered: names recur)."""
    key = fold_name(text)
    if key.startswith("the "):
        key = key[4:]
    return "".join(c for c in key if c.isalnum()) or key


def preferred_label(spellings: Iterable[str]) -> str:
    """The label to show for a set of spellings: the fullest, accented, most frequent, first seen."""
    counts = Counter(spellings)
    order = {s: i for i, s in reversed(list(enumerate(counts)))}
    def words(spelling: str) -> int:  # a leading article adds no information: "The X" ties "X"
        parts = spelling.split()
        return len(parts) - (len(parts) > 1 and parts[0].lower() in ("the", "a", "an"))

    return max(counts, key=lambda s: (words(s), any(ord(c) > 127 for c in s),
                                      counts[s], s[:1].isupper(), -order[s]))


class UnionFind:
    """Disjoint sets over 0..n-1, for clustering mentions into entities."""

    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def short_form_target(short: str, full_names: dict[str, list[str]]) -> str | None:
    """The one full person name that a lone first name, nickname or surname can stand for."""
    key = fold_name(short)
    if " " in key or len(key) < 2:
        return None
    hits = set()
    for full_key, parts in full_names.items():
        first, last = parts[0], parts[-1]
        if key in (first, last) or (len(key) >= 3 and first.startswith(key)) \
                or key in last.split("-"):
            hits.add(full_key)
    return hits.pop() if len(hits) == 1 else None


def merge_corpus(extractions: list[ArticleExtraction]) -> list[ArticleExtraction]:
    """Rewrite labels so that one entity has one label and one type across all articles.

    Entities meet on (name key); their type is the one most articles give it. Facts and
    entities are rewritten to the canonical labels; per-article aliases are kept.
    """
    spellings: dict[str, Counter] = defaultdict(Counter)
    types: dict[str, Counter] = defaultdict(Counter)
    subtypes: dict[str, Counter] = defaultdict(Counter)
    for ex in extractions:
        involvement = Counter(label for f in ex.facts for label in (f.subject, f.object, f.character) if label)
        for ent in ex.entities:
            key = name_key(ent.label)
            spellings[key].update([ent.label, *ent.aliases])
            types[key][ent.type] += 1 + involvement[ent.label]  # facts are the strongest evidence
            if ent.subtype:
                subtypes[key][ent.subtype] += 1
    canon = {key: preferred_label(list(c.elements())) for key, c in spellings.items()}
    result = []
    for ex in extractions:
        entities: dict[str, Entity] = {}
        rename: dict[str, str] = {}
        for ent in ex.entities:
            key = name_key(ent.label)
            label = canon[key]
            rename[ent.label] = label
            kind = types[key].most_common(1)[0][0]
            sub = subtypes[key].most_common(1)[0][0] if subtypes[key] else None
            merged = entities.setdefault(label, Entity(label, kind, sub if kind == ent.type or not ent.subtype else sub))
            for alias in [ent.label, *ent.aliases]:
                if alias != label and alias not in merged.aliases:
                    merged.aliases.append(alias)
        facts = []
        for f in ex.facts:
            fact = Fact(rename.get(f.subject, f.subject), f.predicate, rename.get(f.object, f.object),
                        f.provenance, f.character and rename.get(f.character, f.character))
            if _fits(fact, entities):  # a type decided corpus-wide can rule a fact out
                facts.append(fact)
        result.append(ArticleExtraction(ex.article, list(entities.values()), facts))
    return result


def _fits(fact: Fact, entities: dict[str, Entity]) -> bool:
    """True if the fact's subject, object (and character) have the types its predicate needs."""
    subject_type, object_type = PREDICATES[fact.predicate]
    subject, obj = entities.get(fact.subject), entities.get(fact.object)
    if subject is None or obj is None or subject.type != subject_type or obj.type != object_type:
        return False
    character = entities.get(fact.character) if fact.character else None
    return fact.character is None or character is None or character.type == "Character"
