"""A sentence as patterns read it: tokens and whole mentions as items, with entity types and
the helpers every pattern needs (lists of names, the work a trigger is about, guards)."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc

from .lexicon import (HYPOTHETICAL, NEGATIONS, NEGOTIATIONS, PERSON_AFTER_WORK, PERSON_NOUNS, POSSESSIVES,
                      PRIOR_CUES_BY_FIRST_WORD, PRONOUNS_PERSON, PRONOUNS_WORK, RELATIVES, ROLE_NOUNS,
                      WORK_NOUNS, reports_news)


@dataclass
class Item:
    """One token or one whole mention of a sentence."""

    lower: str
    entity: int | None = None  # entity index for mentions (and resolved pronouns)
    depth: int = 0  # parenthesis depth
    blocked: bool = False  # inside quoted speech or a photo credit
    pronoun: bool = False
    token: int = -1  # index of its (first) token in the Doc


@dataclass
class Proposal:
    """A candidate fact between entity indexes, with the pattern that found it."""

    subject: int
    predicate: str
    object: int
    confidence: float
    method: str
    character: int | None = None
    coerce: dict[int, str] = field(default_factory=dict)  # entity -> type the pattern implies
    type_confidence: float | None = None  # how sure the pattern is of those types, if not `confidence`
    stated: bool = False  # the text names the organization's role ("Distributor: Neon"), whatever its kind


@dataclass
class SentenceView:
    """A sentence as items, with the types of its entities and the article's focus work."""

    items: list[Item]
    types: dict[int, str]  # entity -> "Person" | "Work" | "Organization" | "Character" | ""
    strength: dict[int, float]  # entity -> how sure its type is
    kinds: dict[int, str]  # organization entity -> "Network" | "Studio"
    focus: int | None  # the work the article is about
    doc: Doc | None = None
    person_cues: dict[int, float] = field(default_factory=dict)  # entity -> votes from person cues
    item_of_token: dict[int, int] = field(default_factory=dict)  # token index -> item index
    person_before: int | None = None  # the person "he"/"she" referred to as the sentence began
    recent_work: int | None = None  # in a profile (no focus), the last work its person took a role in

    @property
    def current_work(self) -> int | None:
        """What "the series" or "her co-stars" are about: the article's work, or in a profile the
        last work its person took a role in."""
        return self.focus if self.focus is not None else self.recent_work

    def person_of_possessive(self, i: int) -> int | None:
        """The person entity that "his"/"her"/"their" at item i refers to: the last person named
        before it in the sentence, else the one the sentence began with."""
        for k in range(i - 1, -1, -1):
            if self.items[k].entity is not None and self.type(k) == "Person":
                return self.items[k].entity
        return self.person_before

    def type(self, i: int) -> str:
        ent = self.items[i].entity
        return self.types.get(ent, "") if ent is not None else ""

    def can_be(self, i: int, wanted: str) -> bool:
        """True if item i is a mention that is, or could weakly be, of the wanted type."""
        item = self.items[i]
        if item.entity is None or item.blocked:
            return False
        have = self.types.get(item.entity, "")
        if item.pronoun:
            return have == wanted
        weak = self.strength.get(item.entity, 0) <= 2.5 and item.entity not in self.kinds
        return have == wanted or have == "" or weak

    def could_be_work(self, i: int) -> bool:
        """True if item i may name a work: typed so, untyped, or a person or organization only
        the NER guessed ("Netflix has ordered Saltmarsh", where the NER says PERSON)."""
        item = self.items[i]
        if item.entity is None or item.blocked or item.entity in self.kinds:
            return False
        have = self.types.get(item.entity, "")
        if have == "Character" or (have == "Person" and self.person_cues.get(item.entity, 0) > 0):
            return False
        return have in ("Work", "") or self.strength.get(item.entity, 0) <= 3.0  # the NER's word alone

    def person_like(self, i: int) -> bool:
        """True if item i is a person, or a name whose type only the NER guessed (not a character)."""
        have = self.type(i)
        if have in ("Person", ""):
            return True
        ent = self.items[i].entity
        if have == "Other" and self.word(i - 1) in ("a", "an"):
            return False  # "an American actor": a nationality
        return have != "Character" and ent not in self.kinds and self.strength.get(ent, 0) <= 2.5

    def person_like_strongly(self, i: int) -> bool:
        """True if item i is a person by more than the NER's word: cues in the text, or strong votes."""
        ent = self.items[i].entity
        return self.type(i) == "Person" and (self.person_cues.get(ent, 0) > 0 or self.strength.get(ent, 0) > 3.0)

    def can_be_character(self, i: int) -> bool:
        """True if item i can name a character: not a work, organization or place, and not
        a name that the article's own cues make a real person ("actor X")."""
        item = self.items[i]
        if item.entity is None or item.blocked or item.pronoun:
            return False
        have = self.types.get(item.entity, "")
        if have == "Character" or have == "":
            return True
        if have in ("Organization", "Other"):  # only the NER's guess: "as Sigrid" may still be a role
            return item.entity not in self.kinds and self.strength.get(item.entity, 0) <= 2.5
        return have == "Person" and self.person_cues.get(item.entity, 0) < 3

    @cached_property
    def _words(self) -> list[str]:
        """Each item's lowercase word, "" for a mention (patterns ask millions of times)."""
        return [item.lower if item.entity is None else "" for item in self.items]

    def word(self, i: int) -> str:
        """The word at item i; "" for a mention or a position outside the sentence."""
        words = self._words
        return words[i] if 0 <= i < len(words) else ""

    @cached_property
    def _last_guard(self) -> list[tuple[int, int]]:
        """For each item, the index of the last negation or hypothetical before it, and of the
        last negotiation word (-1 if none)."""
        guards, last, talks = NEGATIONS | HYPOTHETICAL, -1, -1
        before = []
        for k, item in enumerate(self.items):
            before.append((last, talks))
            if item.lower in guards:
                last = k
            if item.lower in NEGOTIATIONS:
                talks = k
            elif item.lower in (".", ";"):
                talks = -1
        return before

    def reports(self, k: int) -> bool:
        """True if the name at k is an outlet reporting the news: "Variety has learned", "Deadline reports"."""
        return reports_news(self.word(k + 1), self.word(k + 2))

    def guarded(self, i: int) -> bool:
        """True if a negation or hypothetical governs the trigger at i (one of the five items
        before it; a negotiation, anywhere before it in the clause: "in talks with Oscar nominee
        Jo Doe (W) to play"), or it is in speech."""
        last, talks = self._last_guard[i]
        return self.items[i].blocked or last >= max(0, i - 5) or talks >= max(0, i - 14)

    def work_ref(self, i: int) -> bool:
        """True if item i is a definite work noun: "the series", "this film", "the show", "the episode"."""
        if self.word(i) not in WORK_NOUNS and self.word(i) != "episode":
            return False
        for k in range(i - 1, max(-1, i - 5), -1):
            w = self.items[k].lower
            if w in ("the", "this", "that"):
                return True
            if w in (",", ".", ";", "a", "an") or w in PRONOUNS_PERSON:
                return False
        return False

    def apposed_work(self, k: int) -> int | None:
        """The work that "the Western drama" at k stands beside: "Red Mesa, the Western drama"."""
        j = k - 1
        while j >= 0 and self.items[j].entity is None and self.items[j].lower not in ("the", "a", "an", ","):
            j -= 1
        if j >= 2 and self.items[j].lower in ("the", "a", "an") and self.items[j - 1].lower == "," \
                and self.items[j - 2].entity is not None and self.can_be(j - 2, "Work") \
                and self.type(j - 2) != "Person":
            return self.items[j - 2].entity
        return None

    def after_prior_cue(self, k: int) -> bool:
        """True if the work at k is named as a prior credit: "an alum of W", "best known for the W"."""
        j = k - 1 if self.word(k - 1) == "the" else k
        for length in (1, 2, 3):
            words = tuple(self.word(m) for m in range(j - length, j))
            if words in PRIOR_CUES_BY_FIRST_WORD.get(words[0], ()):
                return True
        return False

    def credit_prefix(self, k: int) -> bool:
        """True if the work at k only says who a person is: "W's Jane Doe", "W star Jane Doe"."""
        j = k + 1
        if self.word(j) in POSSESSIVES:
            j += 1
        while self.word(j) in PERSON_AFTER_WORK and not self.is_verb(j):
            j += 1
        return j > k + 1 and j < len(self.items) and self.items[j].entity is not None \
            and self.type(j) == "Person"

    def is_verb(self, k: int) -> bool:
        """True if the word at item k is a verb in the parse: "W stars Jo Doe" (not "W star Jo Doe")."""
        return self.doc is not None and self.items[k].token >= 0 and self.doc[self.items[k].token].pos_ == "VERB"

    def in_closed_relative_clause(self, k: int, i: int) -> bool:
        """True if item k sits in a "who starred in W," clause that closes before i."""
        j = k - 1
        while j >= 0 and self.items[j].lower not in (",", ";", ".", "who", "whose", "which"):
            j -= 1
        if j < 0 or self.items[j].lower not in ("who", "whose", "which"):
            return False
        if self.word(k + 1) == "," and self.word(k + 2) in ("which", "that"):
            return False  # "... the film W, which featured A": the clause after W is about W
        return any(self.items[m].lower in (",", ";") for m in range(k + 1, i))

    def anchor(self, i: int, exclude: set[int] = frozenset(), forward: bool = True) -> tuple[int | None, float]:
        """The work a trigger at i is about: nearest work before, then after, then the focus work."""
        for k in range(i - 1, -1, -1):
            item = self.items[k]
            if item.depth == 0 and item.entity is not None and item.entity not in exclude \
                    and self.type(k) == "Work" and not item.blocked and not self.credit_prefix(k) \
                    and not self.in_closed_relative_clause(k, i) and not self.after_prior_cue(k):
                return item.entity, 1.0
            if item.depth == 0 and (self.work_ref(k) or (item.lower in PRONOUNS_WORK and item.entity is not None)):
                named = self.apposed_work(k) if item.entity is None else None
                return (named if named is not None else item.entity if item.entity is not None
                        else self.current_work), 0.9
        if forward:
            for k in range(i + 1, len(self.items)):
                item = self.items[k]
                if item.depth == 0 and item.entity is not None and item.entity not in exclude \
                        and self.type(k) == "Work" and not item.blocked and not self.credit_prefix(k) \
                        and not self.after_prior_cue(k):
                    return item.entity, 0.9
                if item.depth == 0 and self.work_ref(k):
                    return self.current_work, 0.85
        if self.focus is None:  # no work known in the article: a name the NER alone typed may be it
            for k in range(i - 1, -1, -1):
                item = self.items[k]
                if item.depth == 0 and item.entity is not None and item.entity not in exclude \
                        and not item.pronoun and self.type(k) in ("", "Organization") \
                        and self.can_be(k, "Work") and not (self.word(k + 1) in POSSESSIVES | {"'", "’"}
                                                            and self.word(k + 2).split("-")[0] in RELATIVES):
                    return item.entity, 0.7  # (not "Agnes' brother-in-law": a character's kin)
        return self.focus, 0.75

    def work_after(self, i: int, span: int = 6, direct: bool = False) -> int | None:
        """A work named right after i: "in W", "of the film W", "the series W" (or, for a verb's
        object, `direct`ly: "wrote W")."""
        for k in range(i, min(len(self.items), i + span)):
            item = self.items[k]
            if item.entity is not None and item.entity in self.kinds and (
                    self.word(k + 1) in POSSESSIVES or any(
                        self.word(j) in WORK_NOUNS for j in range(k + 1, min(len(self.items), k + 4)))):
                continue  # "the BBC drama W", "Netflix's W", "The CW comedy-drama series W": the owner
            if item.entity is not None and self.word(k - 1) in ("with", "opposite", "alongside") \
                    and self.type(k) == "Person":
                continue  # "will co-star with X in W": a co-star, then the work
            if item.entity is not None and direct and k > i and self.word(k + 1).isalpha() \
                    and self.word(k + 1) not in ("and", "or", "in", "on", "for", "from", "with", "as", "at"):
                continue  # "wrote the Off-Broadway hit W": a name used as a modifier
            if item.entity is not None:
                weakly_typed = self.type(k) in ("Work", "") or (
                    self.type(k) == "Organization" and item.entity not in self.kinds
                    and self.strength.get(item.entity, 0) <= 2.5)
                owned = k == i + 2 and self.items[i].entity in self.kinds and self.word(i + 1) in POSSESSIVES
                introduced = (direct and weakly_typed and (owned or all(  # "wrote W", "wrote the Off-Broadway hit W"
                    self.items[j].lower.replace("-", "").isalpha()  # ("co-created Showtime's W")
                    and self.items[j].lower not in ("and", "who", "which", "with")
                    for j in range(i, k)) and (k == i or self.items[i].lower in ("the", "a", "an", "his", "her",
                                                                                  "their")))) or any(
                    self.items[j].lower in ("in", "on", "of", "for", "from") for j in range(max(i, k - 3), k))
                person = self.type(k) == "Person" and (self.person_cues.get(item.entity, 0) > 0
                                                       or self.strength.get(item.entity, 0) > 3)
                character = self.type(k) == "Character"
                return item.entity if introduced and self.can_be(k, "Work") and not (person or character) else None
            if self.work_ref(k):
                if k + 1 < len(self.items) and self.items[k + 1].entity is not None and self.can_be(k + 1, "Work"):
                    return self.items[k + 1].entity  # "the new series Title"
                return self.focus
            if item.lower in (".", ";", "and", "who", "which", "while", "but"):
                return None
        return None

    def collect(self, i: int, wanted: str, step: int = 1) -> tuple[list[int], int]:
        """A list of mentions of a type from i on (or backwards): "A, B and C", "actor A (W), B"."""
        found: list[int] = []
        k = i
        expect_member = True
        while 0 <= k < len(self.items):
            item = self.items[k]
            if item.depth > 0 or item.lower in ("(", ")"):
                k += step
                continue
            if item.entity is not None and expect_member and step == 1 and self.type(k) == "Other" \
                    and self.word(k + 1).isalpha() and self.word(k + 1) not in ("and", "or", "as"):
                k += step  # "British broadcaster Jo Doe": a nationality, not a member
                continue
            if item.entity is not None:
                if k + step < len(self.items) and 0 <= k + step and self.items[k + step].lower == "-":
                    k += 3 * step  # "Emmy-winning": a modifier, not a member
                    continue
                if found and self.reports(k):
                    break  # "created by A, Variety has learned": the outlet, not a member
                if expect_member and self.word(k + 1) in POSSESSIVES and self.word(k + 2) in ("banner", "shingle") \
                        and self.word(k + 3) == ",":
                    k += 4 * step  # "by Studio and Jo Doe's banner, Studio2": the banner is named next
                    continue
                if not expect_member or not self.can_be(k, wanted) or item.blocked:
                    break
                found.append(k)
                expect_member = False
            elif step == 1 and item.lower == "of" and found and not expect_member:
                j = k + 1  # "A of Oslo-based Studio, B and C": the member's company, not a member
                while j < len(self.items) and self.items[j].entity is None and self.items[j].lower not in (
                        ",", "and", ".", ";"):
                    j += 1
                while j < len(self.items) and self.items[j].entity is not None and self.word(j + 1) in ("-", "based"):
                    j += 3 if self.word(j + 1) == "-" else 2  # "Oslo-based"
                if j >= len(self.items) or self.items[j].entity is None or not (
                        self.items[j].entity in self.kinds or self.type(j) == "Organization"):
                    break
                k = j + 1
                continue
            elif step == 1 and item.lower == "," and found and not expect_member and self.word(k + 1) == "who":
                close = next((j for j in range(k + 2, min(len(self.items), k + 14))
                              if self.items[j].lower in (",", ".", ";")), None)
                if close is None or self.items[close].lower != "," or self._starts_clause(close + 1):
                    break
                k = close  # "A, who also directed W, and B": past the clause, the list goes on
                continue
            elif item.lower in (",", "and", "&", "as", "well", "plus") or (step < 0 and item.lower == "both"):
                if item.lower in (",", "and", "&", "plus") or (item.lower == "well" and self.word(k + step) == "as"):
                    expect_member = True  # "A, B as well as C"
            elif not (expect_member and _is_descriptor(item.lower)):
                break
            k += step
        return found, k

    def _starts_clause(self, k: int) -> bool:
        """True if "and B" at k begins a clause of its own: "..., and B (W) directed all six episodes"."""
        j = k + 1 if self.word(k) == "and" else k
        if j >= len(self.items) or self.items[j].entity is None:
            return False
        j += 1
        if self.word(j) == "(":
            while j < len(self.items) and self.items[j].lower != ")":
                j += 1
            j += 1
        return self.word(j).isalpha() and self.word(j) not in ("and", "or", "as", "for", "to", "in", "on", "of", "with")

    def works_from(self, i: int, limit: int = 12) -> list[int]:
        """Items of a list of works from i on: "NBC's Crosstown and Hulu's The Pemberton Rules",
        "the drama Paper Lanterns, Ashfall as well as the film Lowlands"."""
        found: list[int] = []
        k, expect = i, True
        while 0 <= k < len(self.items) and len(found) < limit:
            item = self.items[k]
            if item.entity is not None and not item.pronoun and item.depth == 0:
                owner = self.word(k + 1) in POSSESSIVES and (
                    self.type(k) == "Organization" or item.entity in self.kinds)
                if owner:  # "Netflix's": the owner of the work that follows
                    k += 2
                    continue
                if expect and _singular(self.word(k + 1)) in WORK_NOUNS:
                    k += 1  # "the American comedies A and B", "the NBC drama A": a modifier of the work noun
                    continue
                if not expect or not self.could_be_work(k):
                    break
                found.append(k)
                expect = False
            elif item.lower == "(" and not expect:  # "A (2008), B (uncredited) and C"
                while k + 1 < len(self.items) and self.items[k + 1].depth:
                    k += 1
                k += 1  # the closing parenthesis
            elif item.lower in (",", "and", "&", "or"):
                expect = True
            elif item.lower in ("as", "well") and self.word(k + 1) in ("well", "as"):
                expect = True
            elif not (expect and (item.lower in _WORK_LIST_WORDS or (_singular(item.lower) in WORK_NOUNS and self.word(k + 1) != ",")
                                  or (item.lower.isdigit() and len(item.lower) == 4))):
                break
            k += 1
        return found


_WORK_LIST_WORDS = frozenset("""the a an both such as including like his her their its hit acclaimed upcoming
new original recent popular cult breakout critically award-winning emmy-winning oscar-winning
television tv feature independent indie short animated american british streaming network
favorite favourite festival short-lived beloved celebrated
""".split())


def _singular(word: str) -> str:
    """A plural noun's singular, roughly: "comedies" → "comedy", "dramas" → "drama"."""
    if word in WORK_NOUNS:
        return word  # "series"
    return word[:-3] + "y" if word.endswith("ies") else word.removesuffix("s")


def _is_descriptor(word: str) -> bool:
    """A word that may stand before a name in a list: "actor", "the", "Emmy-winning"."""
    return (word in PERSON_NOUNS - {"star", "stars"} or word in ROLE_NOUNS
            or word in ("the", "fellow", "also", "show", "recording")
            or word.endswith(("winning", "nominated", "known")))
