"""Relation patterns of entertainment news over a sentence of tokens and typed mentions.

Each pattern is a small function registered by name in `PATTERNS`; it reads a `SentenceView`
and proposes facts with a confidence. The extractor validates proposals against entity types.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator

from .lexicon import (ACTIVE_VERBS, AIR_WORDS, BODY_OF_WORK_CUES, BY_VERBS, CASTING_VERBS, CAST_LIST_CUES, COMPANY_NOUNS,
                      MUSIC_WORDS, NEGATIONS, ORDER_VERBS, ORG_SUFFIXES, PERSON_AFTER_WORK, PLAY_VERBS, POSSESSIVES,
                      PRIOR_CUES_BY_FIRST_WORD, ROLE_NOUNS, WORK_NOUNS)
from .mentions import CALENDAR_WORDS
from .sentence import Proposal, SentenceView


Pattern = Callable[[SentenceView], Iterator[Proposal]]
PATTERNS: dict[str, Pattern] = {}


def pattern(name: str) -> Callable[[Pattern], Pattern]:
    """Register a pattern under a name (the name is kept as each fact's method)."""
    def register(func: Pattern) -> Pattern:
        PATTERNS[name] = func
        return func
    return register


def _ent(v: SentenceView, i: int) -> int:
    return v.items[i].entity  # type: ignore[return-value]


def _close_paren(v: SentenceView, i: int) -> int:
    for k in range(i + 1, len(v.items)):
        if v.items[k].lower == ")":
            return k
    return len(v.items)


def _open_paren(v: SentenceView, k: int) -> int:
    """The "(" that the ")" at k closes, walking back (or item 0)."""
    while k > 0 and v.items[k].lower != "(":
        k -= 1
    return k


@pattern("parenthesis")
def parenthesis(v: SentenceView) -> Iterator[Proposal]:
    """"Mara Quill (Tin Road, Ashgrove)" gives prior credits; "Nell (Mara Quill)" a character."""
    for i, item in enumerate(v.items[:-1]):
        if item.entity is None or item.depth or item.blocked or v.items[i + 1].lower != "(":
            continue
        end = _close_paren(v, i + 1)
        inner = [k for k in range(i + 2, end) if v.items[k].entity is not None]
        words = [v.items[k].lower for k in range(i + 2, end) if v.items[k].entity is None]
        if not inner or any(w not in (",", ";", "and", "&") for w in words):
            continue
        head = v.type(i)
        persons = [k for k in inner if v.type(k) == "Person" and v.strength.get(_ent(v, k), 0) > 2]
        # "C (A) and D (B) in W.": a caption, where the name in parentheses is the actor
        caption = v.word(end + 1) == "in" or (v.word(end + 1) in ("and", ".", ":", "") and i == 0)
        character_head = head in ("Character", "", "Person") and (
            head != "Person" or v.strength.get(item.entity, 0) <= 3
            or v.person_cues.get(item.entity, 0) < 3)  # "Corwin Castellane (Jarrah Whitlock-Ebo)"
        if (caption or head == "Character") and len(inner) == 1 and not persons and v.can_be(inner[0], "Person") \
                and v.type(inner[0]) != "Work" and " " in v.items[inner[0]].lower \
                and not v.items[inner[0]].lower.startswith(("the ", "a ", "an ")):
            persons = inner  # "Nell (Jo Ann Quill) in W", or a pair typing read in prose ("a rancher, C (A)")
        if len(inner) == 1 and persons and character_head:
            work, sure = v.anchor(end + 1) if v.work_after(end + 1) is None else (v.work_after(end + 1), 1.0)
            if work is not None:
                yield Proposal(work, "cast_member", _ent(v, inner[0]), 0.8 * sure, "character-parenthesis",
                               character=item.entity, coerce={item.entity: "Character"})
        elif v.can_be(i, "Person") and head != "Work":
            for k in inner:
                if v.types.get(_ent(v, k)) == "Organization":
                    continue
                yield Proposal(item.entity, "credit", _ent(v, k), 0.85, "prior-credit-parenthesis",
                               coerce={_ent(v, k): "Work", item.entity: "Person"})
        elif head == "Work":
            for k in inner:
                if v.kinds.get(_ent(v, k)) == "Network":
                    yield Proposal(item.entity, "network", _ent(v, k), 0.8, "network-parenthesis")


def _dependency_subject(v: SentenceView, i: int) -> int | None:
    """The item that the parser makes the subject of the verb at item i (through 'and' chains)."""
    if v.doc is None or v.items[i].token < 0:
        return None
    verb = v.doc[v.items[i].token]
    if verb.dep_ == "prep":  # "as" in "signed on to return as C": ask the verb it hangs on
        verb = verb.head
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and subjects[0].lower_ in ("who", "that") and verb.dep_ == "relcl":
            subjects = [verb.head]  # "X, who wrote the pilot and will produce": X
        if subjects:
            head = v.item_of_token.get(subjects[0].i)
            if head is not None and v.items[head].entity is not None:
                return head  # "Peaky Blinders' Sam Claflin": the subject is the head's name
            for tok in subjects[0].subtree:
                if tok.i in v.item_of_token and v.items[v.item_of_token[tok.i]].entity is not None:
                    return v.item_of_token[tok.i]
            return None
        if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
            verb = verb.head
        else:
            return None
    return None


def _apposition_start(v: SentenceView, k: int) -> int:
    """The comma that opens an apposition closed by the comma at k ("X, an alum of W, |"), else k."""
    for j in range(k - 1, max(-1, k - 10), -1):
        if v.items[j].lower in (",", ".", ";", "(", ")"):
            return k
        if v.items[j].lower in ("a", "an", "the", "best", "known", "fresh", "most", "previously") \
                and v.word(j - 1) == "," and j >= 2 and v.items[j - 2].entity is not None:
            return j - 1  # "X, an alum of W,", "X, best known for W,"
    return k


def _replaced(v: SentenceView, p: int) -> bool:
    """True if the person at p is the one someone replaces: "B replaces A, who had been attached to direct"."""
    return v.word(p - 1) in ("replaces", "replacing", "replaced", "succeeds", "succeeding", "from")


def _relative_clause_before(v: SentenceView, i: int) -> int | None:
    """The comma before a relative clause that ends right before the verb at i: "X, whose casting
    was announced, | stars"; None if the words before i are not such a clause."""
    k = i - 1
    while k >= 0 and v.items[k].lower in ("also", "now", "will", "then", "executive", "exec", "co"):
        k -= 1
    if k < 0 or v.items[k].lower != ",":
        return None
    for j in range(k - 1, max(-1, k - 12), -1):
        if v.items[j].lower in (",", ".", ";") or v.items[j].depth:
            return None
        if v.items[j].lower in ("who", "whose") and v.word(j - 1) == "," and j >= 2:
            return j - 1
    return None


def _subjects_before(v: SentenceView, i: int) -> list[int]:
    """Persons that are the subject of a verb at i: the name right before its auxiliaries, else
    the parser's subject, else the words before."""
    j = i - 1
    while j >= 0 and v.word(j) in ("has", "have", "had", "been", "is", "was", "are", "were", "will", "be", "also",
                                   "just", "officially", "already", "now"):
        j -= 1
    if v.word(j) == ")":  # "..., and B (W) plays C": past B's prior credit
        j = _open_paren(v, j) - 1
    if j < i - 1 and v.items[j].entity is not None and not v.items[j].pronoun and v.type(j) == "Person" \
            and v.word(j - 1) in (",", "and", "newcomer", "actor", "actress", "star", ""):
        found = [f for f in v.collect(j, "Person", step=-1)[0] if v.person_like(f)]
        if found and v.word(j - 1) in (",", "and") and v.word(min(found) - 1) not in (
                "", ":", "newcomers", "actors", *POSSESSIVES):
            found = []  # "A will play the healer C, and B (W) will play D": a clause of its own, not a list
        return found or [j]  # "..., and newcomer B has been cast as C": B, whatever the parser hangs on "and"
    k = _dependency_subject(v, i)
    if k is not None and k < i:
        if v.items[k].pronoun:
            return [k] if v.types.get(v.items[k].entity) == "Person" else []
        found = [f for f in v.collect(k, "Person")[0] if f < i]
        if v.word(k + 1) == "," and v.word(k + 2) == "who":
            found = v.collect(k, "Person", step=-1)[0]  # "as will A, B and C, who play ...": the whole list
        if found and all(v.person_like(f) for f in found):
            return found
    k = i - 1
    clause = _relative_clause_before(v, i)
    if clause is not None:  # "Jo Doe, whose casting was announced in May, stars as C": the name before it
        k = clause
    while k >= 0 and v.items[k].lower in ("will", "would", "has", "have", "had", "is", "was", "are", "were",
                                          "also", "to", "set", "been", "be", "being", "both", "once",
                                          "again", "later", "previously", "then", "executive", "exec", "co",
                                          "signed", "on", "tapped", "attached", "slated", "who", "latest",
                                          "newest", "first", "last", "next", "the", "poised", "expected", "most",
                                          "recently", "currently", "famously", "reprise", "reprises",
                                          "reprising", "her", "his", "their", "role", "part", "joins", "joined",
                                          "join", "rounds", "round", "rounded", "out", "cast", "takes", "take",
                                          "guest", "a", "series", "regular", "recurring", "lead", "leading",
                                          "supporting", "landed", "lands", "nabbed", "booked", "scored", "back",
                                          "board", "leads", "lead", "headlines", "headline", "co-starred", "co-stars",
                                          "co-star", "starred", "recur", "recurs", ",", ")"):
        if v.items[k].lower == ")":  # "X (W) guest stars as": past the prior credit
            k = _open_paren(v, k)
        if v.items[k].lower == ",":  # "X, an alum of W, rounds out the cast as C": past the apposition
            k = _apposition_start(v, k)
        if v.items[k].lower == "who":
            k -= 1
            if k >= 0 and v.items[k].lower == ",":
                k -= 1
            if k >= 0 and v.items[k].lower == ")":  # "X (W), who has landed a role as C"
                k = _open_paren(v, k) - 1
            break
        k -= 1
    if k >= 2 and v.items[k].entity is not None and v.word(k - 1) == "of" and (
            v.items[k].entity in v.kinds or v.type(k) == "Organization"):
        k -= 2  # "A and B of Studio also executive produce": the people, not their company
    if k < 0:
        return []
    if v.items[k].pronoun and v.types.get(v.items[k].entity) == "Person":
        return [k]
    if v.items[k].lower == "and" and v.items[k - 1].entity is None:  # "X will direct W and also produces": X
        subject = _clause_subject(v, k)
        return [subject] if subject is not None else []
    found, _ = v.collect(k, "Person", step=-1)
    return [f for f in found if v.person_like(f)]


def _clause_subject(v: SentenceView, k: int) -> int | None:
    """The person whose verb a clause joined by "and" at k goes on from: the first name before k
    that a verb follows ("Jo Doe will helm two episodes and also executive produces")."""
    for j in range(k - 1, -1, -1):
        if v.items[j].lower in (".", ";", ":"):
            return None
        if v.items[j].entity is not None and v.person_like(j) and v.type(j) == "Person" \
                and v.word(j + 1) in ("will", "has", "is", "was", "also", "had", "would", "wrote", "directed",
                                      "directs", "writes", "created", "stars", "starred", "now", "currently"):
            return j
    return None


#: Words between a cast-list cue and its first name: "starring are", "the ensemble cast of".
_CAST_LIST_SKIP = frozenset("""a an the cast of : also such as familiar faces , ensemble all-star star-studded
are is include includes including previously announced fellow series regulars leads co-stars out
voices voice talents vocal
""".split())
_CAST_CONTEXT = {"cast", "stars", "star", "starring", "starred", "co-stars", "returns", "return", "reprise",
                 "reprises", "reprising", "appears", "appear", "joins", "recast", "role", "roles", "ensemble",
                 "includes", "play", "plays", "playing", "recur", "recurs", "recurring", "guest", "back", "board",
                 "co-starred", "co-star", "co-starring", "leads", "lead", "headlines", "headline"}
_CHARACTER_STOPS = {"in", "on", "opposite", "alongside", ";", ".", "and", "who", "which", "while", "with", "for",
                    "from", "to", "whose", "but", "(", ")", ":"}


def _character_after(v: SentenceView, i: int) -> int | None:
    """The character named after a cast verb at i: "as Nell", "the priest, Father Pike", "as Dr. Hask"."""
    k = i + 1
    while k < len(v.items) and v.items[k].lower in ("the", "role", "roles", "part", "of", "character"):
        k += 1
    for step in range(10):
        if k >= len(v.items):
            return None
        item = v.items[k]
        if item.entity is not None:
            following = v.word(k + 1)
            if following in POSSESSIVES and k + 2 < len(v.items):
                k += 2  # "Mirela's daughter, Petra", "Agnes' brother, Lionel": the name before is not the role
                continue
            if following.isalpha() and following not in _CHARACTER_STOPS and any(
                    v.items[j].entity is not None for j in range(k + 1, min(len(v.items), k + 4))):
                k += 1  # "Crown attorney Rosalind Mayhew": a modifier before the name
                continue
            if v.can_be_character(k):
                return k
            return None
        if item.lower in _CHARACTER_STOPS or (step == 0 and item.lower in ("a", "an")):
            return None
        if item.lower == "," and k + 1 < len(v.items) and v.items[k + 1].entity is not None:
            if v.word(k + 2) == "as":
                return None  # "A as the son, B as a promoter": B is the next cast member
            return k + 1 if v.can_be_character(k + 1) else None
        k += 1
    return None


def _person_before_as(v: SentenceView, i: int) -> list[int]:
    """The cast member before "as": "A (Work) as ...", "; B as ...", "A, who joins the cast of W as ..."."""
    k, words = i - 1, 0
    while k >= 0 and words <= 8:
        item = v.items[k]
        if item.lower == ")":
            while k >= 0 and v.items[k].lower != "(":
                k -= 1
        elif item.entity is not None and item.depth == 0 and not item.pronoun:
            if v.type(k) in ("Work", "Organization") or v.word(k - 1) in ("on", "in", "of", "for", "from"):
                words += 1  # "had a recurring role on W as C": the work, not the actor
            else:
                return [k] if v.can_be(k, "Person") and v.person_like(k) else []
        elif item.lower in (";", ".", ":") or (item.lower == "," and v.word(k + 1) != "who"):
            return []
        else:
            words += 1
        k -= 1
    return []


@pattern("play-character")
def play_character(v: SentenceView) -> Iterator[Proposal]:
    """"X plays Y", "X will play the priest, Y", "X has been cast as Y", "X (Work) as Y", "Y, played by X"."""
    in_cast_context = any(x.lower in _CAST_CONTEXT for x in v.items)
    for i, item in enumerate(v.items):
        w = item.lower
        if item.entity is not None or v.guarded(i):
            continue
        if w == "as" and (v.word(i + 1) == "well" or v.word(i - 1) == "well"):
            continue  # "A as well as B": a list, not a role
        if w in PLAY_VERBS and v.word(i + 1) == "by":  # "Nell, played by Ana": character before
            character = i - 2 if i >= 2 and v.word(i - 1) == "," else i - 1
            while character > 0 and v.word(character) in ("will", "be", "is", "was", "being", "been", "to", "set"):
                character -= 1  # "The Tide Queen will be voiced by X"
            role_of = next((k + 1 for k in range(i - 1, 0, -1) if v.word(k) == "of" and v.word(k - 1) in ("role", "part")
                            and v.items[k + 1].entity is not None), None)
            if role_of is not None and v.items[character].entity is None:
                character = role_of  # "The role of C, a salvage diver, will be played by X"
            if character < 0 or v.items[character].entity is None or not v.can_be_character(character):
                continue
            persons = [p for p in v.collect(i + 2, "Person")[0] if v.person_like(p)]
        elif w in PLAY_VERBS or (w == "as" and v.word(i - 1) in _CAST_CONTEXT) or (
                w == "as" and v.word(i - 1) == "set" and v.word(i - 2) in ("is", "are", "was", "been")) or (
                w == "as" and v.word(i - 1) in ("her", "him", "them") and v.word(i - 2) in ("opposite", "alongside")):
            character = _character_after(v, i)
            start = i - 1 if v.word(i - 1) in ("cast", "stars", "star", "starring", "starred") else i
            if v.word(i - 2) in ("opposite", "alongside"):
                start = i - 3  # "is set to star opposite her as C": the subject of "star"
            persons = _subjects_before(v, start) if character is not None else []
        elif w == "as" and (in_cast_context or (i > 0 and v.type(i - 1) == "Person")):
            character = _character_after(v, i)
            persons = _person_before_as(v, i) if character is not None else []
        elif w == "to" and v.word(i - 1) in ("voice", "voices") and v.word(i - 2) in ("her", "his", "their") \
                and v.word(i - 3) in ("lends", "lend", "lent", "lending"):  # "X lends her voice to C"
            character = _character_after(v, i)
            persons = _subjects_before(v, i - 3) if character is not None else []
        elif w == "of" and v.word(i - 1) in ("role", "part"):  # "cast in the lead role of C", "takes on the role of C"
            character = _character_after(v, i)
            k = i - 1
            while k > 0 and v.word(k - 1) in ("role", "part", "lead", "leading", "title", "main", "central", "the",
                                              "a", "in", "on", "starring", "key", "recurring"):
                k -= 1
            persons = _subjects_before(v, k) if character is not None else []
        else:
            continue
        if character is None and w in PLAY_VERBS and v.word(i + 1) in ("a", "an", "the", "her", "his", "their"):
            yield from _unnamed_role(v, i)  # "A and B will play the president's speechwriters"
            continue
        if character is None or not persons:
            continue
        work = v.work_after(character + 1)
        if work is None:  # "a recurring role on W as C": the work between the actor and the role
            work = next((_ent(v, k) for k in range(max(persons) + 1, i) if v.word(k - 1) in ("on", "in")
                         and v.items[k].entity is not None and v.could_be_work(k)
                         and not v.in_closed_relative_clause(k, i)), None)
        sure = 1.0
        if work is None:
            work, sure = v.anchor(min(persons), exclude={_ent(v, character)}, forward=False)
        if work is None:
            continue
        characters = _respective_roles(v, character, len(persons))  # "A and B are back as C and D, respectively"
        for p, role in zip(sorted(persons), characters or [character] * len(persons)):
            yield Proposal(work, "cast_member", _ent(v, p), 0.85 * sure, "plays-character",
                           character=_ent(v, role), type_confidence=0.85,  # sure of the role, if not the work
                           coerce={_ent(v, role): "Character", _ent(v, p): "Person"})


def _respective_roles(v: SentenceView, first: int, count: int) -> list[int]:
    """The roles of "as C and D, respectively", one per person, if the list from `first` has as many."""
    roles, k = [first], first + 1
    while k < len(v.items) and v.word(k) in (",", "and"):
        k += 1
        if k < len(v.items) and v.items[k].entity is not None:
            roles.append(k)
            k += 1
        elif v.word(k) != "respectively":
            return []
    return roles if count > 1 and len(roles) == count and v.word(k) == "respectively" else []


def _about_the_work(v: SentenceView, i: int, persons: list[int], predicate: str, confidence: float,
                    method: str) -> Iterator[Proposal]:
    """One fact for each person, about the work that the trigger at i is about."""
    if not persons:
        return
    work, sure = v.anchor(i, exclude={_ent(v, p) for p in persons})
    if work is None and any(v.word(k) in ("her", "his", "their") and v.word(k + 1) in ("co-stars", "castmates")
                            for k in range(max(0, i - 3), i)):
        work = v.current_work  # a profile's "her co-stars include A and B": in the work she was last in
    if work is None:
        return
    for p in persons:
        yield Proposal(work, predicate, _ent(v, p), confidence * sure, method, coerce={_ent(v, p): "Person"})


def _later_members(v: SentenceView, k: int) -> list[int]:
    """Names a list takes up again after a role: "A as the sister, Lettie, as well as B and C"."""
    for j in range(k, len(v.items) - 2):
        if v.items[j].lower in (".", ";") or v.items[j].depth:
            break
        if v.word(j) == "as" and v.word(j + 1) == "well" and v.word(j + 2) == "as":
            return [p for p in v.collect(j + 3, "Person")[0] if v.person_like(p)]
    return []


def _role_list_members(v: SentenceView, k: int) -> list[int]:
    """Names a cast list goes on with after a role: "A as the son, B as a promoter, and C"."""
    if "as" not in (v.word(k), v.word(k - 1)) and v.word(k) != "who":  # (a list reads "as" as in "as well as")
        return []  # (after "A as the coach" or "A, who plays the coach,")
    found = []
    for j in range(k + 1, len(v.items)):
        if v.items[j].lower in (".", ";", ":") or v.items[j].depth:
            break
        if v.items[j].entity is None or v.items[j].pronoun or not v.person_like(j) or v.type(j) == "Character":
            continue
        joined = v.word(j - 1) in (",", "and") and v.word(j - 2) not in ("of", "for", "by", "with")
        if v.word(j - 1) == "," and v.items[j - 2].entity is None and v.word(j - 2).isalpha() \
                and v.word(j - 2) not in ("and", "as") and v.word(j + 1) != "as":
            continue  # "B as the town pharmacist, Edie Marsh": the role's name, not another member
        ends = v.word(j + 1) in ("as", ".", "") or (v.word(j + 1) == "," and v.word(j + 2) in ("and", ""))
        if joined and ends:
            found.append(j)
    return found


def in_cast_list_context(v: SentenceView, i: int) -> bool:
    """True if "with" at i opens a list of cast members: a cast verb before it, "as" after the names."""
    if not any(v.items[k].lower in ("stars", "starring", "star", "cast", "ensemble") for k in range(max(0, i - 15), i)):
        return False
    names, end = v.collect(i + 1, "Person")
    return bool(names) and "as" in (v.word(end), v.word(end - 1))  # (a list reads "as" as in "as well as")


def _partners_after(v: SentenceView, i: int) -> int | None:
    """Where the names of those who share a verb's role start: "produce [through his banner] with
    [his partner,] A and B"; None if the clause names none."""
    relative = any(v.word(k) in ("who", "which") for k in range(max(0, i - 4), i))  # "X, who also wrote W,"
    for j in range(i + 1, min(len(v.items), i + 9)):
        if v.items[j].entity is not None and (v.word(j + 1) == "banner" or (j == i + 1 and v.type(j) == "Work")):
            continue  # "produce through her Studio banner alongside A", "produces W alongside A"
        if v.items[j].lower in (".", ";", "who", "which", "while", "and") or v.items[j].entity is not None or (
                relative and v.items[j].lower == ","):
            return None  # ("wrote the pilot and will produce with A": A shares the second verb only)
        if v.word(j) in ("alongside", "with", "opposite"):
            if v.word(j + 1) in ("her", "him", "them"):
                return None  # "star opposite her as C": the partner was named before, C is a role
            k = j + 1
            while k < min(len(v.items), j + 5) and v.items[k].entity is None and v.items[k].lower != "as" and (
                    v.items[k].lower.isalpha() or v.items[k].lower == ","):
                k += 1  # "with his longtime collaborator, A"
            return k
    return None


def _unnamed_role(v: SentenceView, i: int) -> Iterator[Proposal]:
    """Cast members who play a role the text does not name: "X plays a detective in W"."""
    persons = _subjects_before(v, i)
    if not persons:
        return
    work = v.work_after(i + 1, span=10)
    sure = 1.0
    if work is None:
        work, sure = v.anchor(min(persons), exclude={_ent(v, p) for p in persons}, forward=False)
    if work is None:
        return
    for p in persons:
        yield Proposal(work, "cast_member", _ent(v, p), 0.75 * sure, "plays-role", coerce={_ent(v, p): "Person"})


#: Nouns for a cast's leads, before "are": "the main protagonists are A and B".
LEAD_NOUNS = frozenset("leads protagonists protagonist lead".split())


@pattern("cast-list")
def cast_list(v: SentenceView) -> Iterator[Proposal]:
    """"starring A, B and C", "the cast includes A and B", "alongside A"."""
    for i, item in enumerate(v.items):
        w = item.lower
        if item.entity is not None or v.guarded(i):
            continue
        cue = (w in CAST_LIST_CUES or (w == "with" and v.word(i - 1) == "along")) and v.word(i + 1) not in (
            "in", "as", "on", "of")
        if w in ("star", "stars", "starred") and v.word(i + 1) != "":
            cue = False  # "X stars in W" is the person-verb pattern; "W stars A and B" a list
        if cue and v.doc is not None and v.doc[item.token].is_title and not v.doc[item.token].is_sent_start:
            cue = False  # "Star Harbour": a title's word, not a verb
        if w == "alongside" and any(v.items[k].lower in ACTIVE_VERBS and ACTIVE_VERBS[v.items[k].lower] != "cast_member"
                                    or v.items[k].lower in ("executive", "producer", "producers")
                                    for k in range(max(0, i - 6), i)):
            cue = False  # "will executive produce alongside X" is not a cast list
        if w in ("including", "includes", "include", "included", "features", "featuring", "featured", "boasts"):
            cast_words = {"cast", "ensemble", "stars", "lineup", "co-stars", "castmates"}
            if w.startswith("featur"):
                cast_words |= {"voices", "voice", "roles", "role"}  # "features the voices of A and B"
            cue = any(v.items[k].lower in cast_words for k in range(max(0, i - 8), i + 3)) or (
                w.startswith("featur") and v.word(i + 2) == "in" and any(  # "features A in dual lead roles"
                    v.word(k) in ("role", "roles") for k in range(i + 3, i + 7)))
        if w in ("leads", "co-leads", "castmates", "co-stars") and v.word(i - 1) in (
                "announced", "fellow", "her", "his", "their", "the", "series", "film's", "show's", "and"):
            cue = True  # "joins previously announced leads A and B"
        if w == "out" and v.word(i - 1) in ("rounding", "round", "rounds", "rounded") and v.word(i + 2) in (
                "cast", "ensemble"):
            cue = True  # "rounding out the cast are A and B"
        if w == "leading" and v.word(i + 1) == "the" and v.word(i + 2) in ("cast", "ensemble"):
            cue = True  # "leading the cast is X"
        if w == "of" and v.word(i - 1) in ("consisting", "composed", "up") and "cast" in (v.word(i - 2), v.word(i - 3)):
            cue = True  # "an ensemble cast consisting of A and B"
        if w == "with" and in_cast_list_context(v, i):
            cue = True  # "stars A as C, with B and D as her children"
        if w in ("are", "were", "is", "was") and v.word(i - 1) in LEAD_NOUNS and v.word(i - 2) in ("the", "main"):
            cue = True  # "the main protagonists are A and B", "the leads are A and B"
        if w in ("are", "is") and any(v.word(k) in ("joining", "rounding") for k in range(max(0, i - 8), i)) \
                and any(v.word(k) in ("cast", "ensemble") for k in range(max(0, i - 7), i)):
            cue = True  # "Joining the cast for season two are A, B and C"
        if not cue:
            continue
        start = i + 1
        while start < len(v.items) and v.items[start].lower in _CAST_LIST_SKIP:
            start += 1
        persons, end = v.collect(start, "Person")
        if persons and w in ("includes", "include", "including", "starring", "stars", "features", "featuring"):
            persons += _later_members(v, end)  # "... includes A as C, as well as B and D"
            persons += _role_list_members(v, end)  # "stars A as a coxswain and B as the coach"
        if not persons and w == "out" and v.word(i - 1) in ("round", "rounds", "rounded"):
            persons = _subjects_before(v, i - 1)  # "A and B round out the cast"
        yield from _about_the_work(v, i, persons, "cast_member", 0.8, "cast-list")


@pattern("person-verb")
def person_verb(v: SentenceView) -> Iterator[Proposal]:
    """"X directed W", "X will write", "X stars in W", "X joins the cast of W", "X had a role in W"."""
    for i, item in enumerate(v.items):
        w = item.lower
        if item.entity is not None:
            continue
        predicate = ACTIVE_VERBS.get(w)
        if w in PLAY_VERBS and v.word(i + 1) in ("in", "on"):
            predicate = "cast_member"  # "X played in the movie"
        if w in ("role", "roles") and v.word(i - 1) in ("a", "main", "leading", "lead", "starring", "recurring") \
                and not any(v.word(k) in CASTING_VERBS for k in range(max(0, i - 8), i)):
            predicate = "cast_member"  # (not "W has cast Jo Doe in a recurring role": the work-casts pattern)
        if w in ("guest", "regular", "cameo") and v.word(i - 1) in ("recurring", "series", "a"):
            predicate = "cast_member"  # "a recurring guest", "a series regular", "turns up in a cameo"
        if w in ("produce", "produces", "produced", "producing") and v.word(i - 1) in ("executive", "exec"):
            predicate = "producer"
        if (w == "back" and v.word(i - 1) in ("be", "is", "are", "comes", "come", "coming")) or (
                w in ("return", "returns", "returning") and v.word(i + 1) not in ("to", "as", "with", "from")):
            predicate = "cast_member"  # "X will be back for season two", "X returns"
        if predicate is None or v.guarded(i):
            continue
        if predicate == "cast_member" and v.word(i + 1) == "as" and _character_after(v, i + 1) is not None:
            continue  # "X starred as C in W": the play-character pattern
        if w in ("featured", "features") and {v.word(k) for k in range(i + 1, i + 5)} & {"cast", "ensemble"}:
            continue  # "W featured the ensemble cast of A, B": the cast-list pattern
        if predicate in ("writer", "credit", "producer") and {v.word(k) for k in range(i + 1, i + 4)} & MUSIC_WORDS:
            predicate = "credit"
        if any(x.lower == "respectively" for x in v.items):
            continue  # "A and B produced and directed it, respectively": pairs we do not untangle
        passive = v.word(i - 1) in ("was", "were", "is", "are", "been", "be", "being") and \
            v.doc is not None and v.doc[item.token].tag_ == "VBN"
        if passive or v.word(i + 1) == "by" or (predicate == "cast_member" and w.startswith("star")
                                     and v.word(i + 1) not in ("in", "on", "as", "alongside", "opposite", ".")):
            continue  # passive "directed by" and lists "starring A" are other patterns
        persons = [p for p in _subjects_before(v, i) if not _replaced(v, p)]
        if w in ("role", "roles", "guest", "regular", "cameo"):
            k = i - 1
            while k >= 0 and k > i - 12 and (v.items[k].entity is None or v.items[k].depth):
                k -= 1
            persons = _subjects_before(v, k + 1) if k >= 0 and v.person_like(k) else []
        if not persons:
            continue
        after, j = i + 1, i + 1
        if v.word(j) in ("in", "on") and v.word(j + 1) == "and":
            j += 1  # "stars in and executive produces W": the verbs share the object
        while v.word(j) in (",", "and", "co", "executive", "exec") or (v.word(j) in ACTIVE_VERBS and j > i + 1):
            j += 1
            if v.word(j - 1) in ACTIVE_VERBS:
                after = j  # "wrote, directed and produced the film W": the verbs share the object
        work = v.work_after(after, span=8, direct=True)
        if work in {_ent(v, p) for p in persons}:
            work = None  # "A will produce for A's company": not her own work
        sure = 1.0
        also: list[int] = []  # "composed the scores to A, B and C": every work of the list
        if work is not None:
            at = next((k for k in range(i + 1, len(v.items)) if v.items[k].entity == work), None)
            also = [_ent(v, k) for k in v.works_from(at)[1:]] if at is not None else []
        if work is None:
            work, sure = v.anchor(min(persons), exclude={_ent(v, p) for p in persons}, forward=False)
        if work is None:
            continue
        for other in also:
            for p in persons:
                yield Proposal(other, predicate, _ent(v, p), 0.7, f"person-verb-list:{w}",
                               coerce={_ent(v, p): "Person", other: "Work"})
        for k in range(i + 1, len(v.items) - 2):  # "X will be back, as will A, B and C"
            if v.word(k) == "as" and v.word(k + 1) in ("will", "does", "do", "did", "is", "are", "has", "have"):
                persons += [p for p in v.collect(k + 2, "Person")[0] if v.person_like(p)]
                break
        for p in persons:
            yield Proposal(work, predicate, _ent(v, p), 0.8 * sure, f"person-verb:{w}", coerce={_ent(v, p): "Person"})
        first = min(persons)
        if predicate == "producer" and v.word(first - 1) in POSSESSIVES and first >= 2 and (
                v.items[first - 2].entity in v.kinds or v.type(first - 2) == "Organization"):
            yield Proposal(work, "production_company", _ent(v, first - 2), 0.75 * sure, "company-people-produce")
            # "Studio's A and B are producing": their company makes it too
        # "X will executive produce alongside A and B", "X will co-star with A", "X will produce through
        # his banner with partner A": A and B share the role
        partners = _partners_after(v, i)
        if partners is not None:
            for p in v.collect(partners, "Person")[0]:
                if v.type(p) != "Work":
                    yield Proposal(work, predicate, _ent(v, p), 0.75 * sure, f"person-verb-alongside:{w}",
                                   coerce={_ent(v, p): "Person"})
        # "X will executive produce through Company"
        for k in range(i + 1, min(len(v.items), i + 6)):
            before = k - 2 if v.word(k - 1) in ("his", "her", "their", "its") else k - 1
            if (v.word(before) in ("through", "via", "under") and v.type(k) == "Organization") or (
                    v.word(before) == "for" and v.kinds.get(_ent(v, k)) == "Studio" and predicate == "producer"):
                yield Proposal(work, "production_company", _ent(v, k), 0.75 * sure, "through-company")


def _is_date_word(v: SentenceView, k: int) -> bool:
    """True if item k is a word of a date: "February", "27", "1970"."""
    word = v.items[k].lower if 0 <= k < len(v.items) else ""
    return word.isdigit() or word.rstrip(".") in CALENDAR_WORDS


@pattern("by-phrase")
def by_phrase(v: SentenceView) -> Iterator[Proposal]:
    """"directed by X", "written and directed by X", "executive produced by X", "broadcast by N"."""
    for i, item in enumerate(v.items):
        if item.lower != "by" or item.entity is not None or i == 0:
            continue
        predicates = []
        k = i - 1
        while k >= 2 and v.items[k].lower in (",", "on") and _is_date_word(v, k - 1):
            k -= 1  # "released on February 27, 1970, by Studio": the date between the verb and "by"
            while k >= 1 and (_is_date_word(v, k) or v.word(k) == ","):
                k -= 1
            if v.word(k) != "on":
                break
            k -= 1
        while k >= 0 and v.items[k].entity is None and (v.items[k].lower in BY_VERBS or v.items[k].lower in
                                                        ("and", ",", "executive", "also", "up", "co")
                                                        or v.items[k].lower.endswith("ly")):
            if v.items[k].lower in BY_VERBS:
                predicates.append(BY_VERBS[v.items[k].lower])
            k -= 1
        noun = i - 2 if v.word(i - 1) in ("is", "was", "are", "were") else i - 1  # "the script is by X"
        if v.word(noun) in ("music", "score", "cinematography", "screenplay", "story", "teleplay", "script") \
                or v.word(i - 1) in RECORDING_NOUNS:  # "a song by X", "the second single by X": the artist's
            predicates.append("writer" if v.word(noun) in ("screenplay", "story", "teleplay", "script") else "credit")
            k = noun - 1
        if not predicates or v.guarded(k + 1):
            continue
        first = i + 1
        if v.word(first) == "and" and v.word(first + 1) in BY_VERBS:  # "written by and starring X"
            predicates.append(BY_VERBS[v.word(first + 1)])
            first += 2
        objects, after = v.collect(first, "Person")
        orgs = [] if objects else v.collect(first, "Organization")[0]
        if not objects and i + 1 < len(v.items) and v.items[i + 1].lower == "the":
            orgs = v.collect(i + 2, "Organization")[0]
        exclude = {_ent(v, o) for o in objects + orgs}
        work, sure = v.anchor(k + 1, exclude=exclude)
        if work is None:
            continue
        def is_org(o: int) -> bool:
            return v.type(o) == "Organization" and (_ent(v, o) in v.kinds or v.strength.get(_ent(v, o), 0) > 2.5)

        for predicate in predicates:
            if predicate == "skip":
                continue
            for o in objects:
                if predicate != "network" and not is_org(o):
                    yield Proposal(work, predicate, _ent(v, o), 0.85 * sure, f"by:{predicate}",
                                   coerce={_ent(v, o): "Person"})
            for o in orgs + [o for o in objects if is_org(o)]:
                if predicate == "network":
                    yield Proposal(work, "network", _ent(v, o), 0.8 * sure, "by:network")
                elif predicate == "producer":
                    yield Proposal(work, "production_company", _ent(v, o), 0.8 * sure, "by:production_company")
        # "executive produced by A and B for Studio and Studio2": the companies they make it for
        # (or the network that commissioned it: "produced by A for Televisa")
        if objects and "producer" in predicates and v.word(after) in ("for", "through", "via"):
            for o in v.collect(after + 1, "Organization")[0]:
                if v.kinds.get(_ent(v, o)) == "Studio":
                    yield Proposal(work, "production_company", _ent(v, o), 0.75 * sure, "by:for-company")
                elif v.kinds.get(_ent(v, o)) == "Network" and v.word(after) == "for":
                    yield Proposal(work, "network", _ent(v, o), 0.75 * sure, "by:for-network")


#: Nouns of recordings, whose "by X" names the artist: "a song by X".
RECORDING_NOUNS = frozenset("song songs single album ep ballad track record".split())


def _a_profession(v: SentenceView, head: int, i: int) -> bool:
    """True if the role noun at i (its phrase from head) names a profession: "X, a playwright,"
    (but "X serves as a producer", "X, a producer on W" name a role on a work)."""
    k = head - 1
    if v.word(k) not in ("a", "an"):
        k -= 1  # "a veteran producer"
    return v.word(k) in ("a", "an") and v.word(k - 1) != "as" and v.word(i + 1) not in ("on", "of", "for")


#: Verbs by which a network shows its own work: "N has unveiled the first look at W, its new drama".
_DISPLAY_VERBS = frozenset("unveiled unveils released releases revealed reveals announced announces dropped drops "
                           "debuted debuts premiered premieres shared shares".split())
#: What a network shows of its own work: "the first trailer for W", "a first look at W".
_SHOWN_THINGS = frozenset("trailer teaser look images photos footage poster date premiere clip".split())
#: Words of an executive's title after "N's": "N's director of drama", "N's head of scripted".
_EXECUTIVE_WORDS = frozenset("director head president chief executive boss vice chairman chairwoman controller".split())
#: Departments in an executive's title: "director of drama", "head of scripted".
_DEPARTMENTS = frozenset("""drama comedy programming programmes programs content scripted unscripted development
production productions acquisitions originals original film films television tv series animation""".split())


@pattern("role-noun")
def role_noun(v: SentenceView) -> Iterator[Proposal]:
    """"creators A and B", "W creators A", "A is the director of W", "the director was A"."""
    for i, item in enumerate(v.items):
        predicate = ROLE_NOUNS.get(item.lower)
        parts = [ROLE_NOUNS.get(part) for part in item.lower.split("-")] if "-" in item.lower else []
        if predicate is None and len(parts) > 1 and all(parts):
            predicate = "+".join(dict.fromkeys(parts))  # "writer-director": both roles
        if item.entity is not None or predicate is None or v.guarded(i) or item.depth:
            continue
        if v.word(i + 1) == "of" and v.word(i + 2) in _DEPARTMENTS:
            continue  # "BBC's director of drama": an executive's title, not a role on the work
        if predicate == "creator" and "showrunner" in item.lower and any(
                v.word(k) in ("over", "new", "replaces", "replacing", "succeeds", "succeeding") for k in range(i - 3, i)):
            predicate = "producer"  # "X takes over as showrunner": runs the show, did not create it
        head = i - 1 if v.word(i - 1) in ("executive", "music", "co", "series", "co-executive") else i
        # Persons: right after the noun ("director X"), or before a copula ("X is the director").
        joined = i + 2 if v.word(i + 1) == "and" and v.word(i + 2) in ROLE_NOUNS else i  # "creator and showrunner X"
        persons, _ = v.collect(i + 1, "Person")
        other_role = next((k for k in range(joined + 1, len(v.items)) if v.word(k) in ROLE_NOUNS), None)
        persons = [p for p in persons if other_role is None or p < other_role]  # "producers A, B, writers C"
        if persons and v.items[persons[0]].entity is not None and persons[0] > joined + 2:
            persons = []
        if not persons and v.word(i + 1) in ("is", "was", "are", "were", "include", "includes", "including"):
            persons = [p for p in v.collect(i + 2, "Person")[0]]
        if not persons:
            k = head - 1
            while k >= 0 and v.items[k].entity is None and v.items[k].lower in (
                    "the", "a", "an", "its", "also", "both", "as", "is", "was", "were", "are", "serves", "served",
                    "its", "their", "film", "film's", "movie", "'s", "and", "director", "producer", "writer",
                    "co", "series", "executive", "music", "sole", "main", "showrunner", "creator", "serves",
                    "serve", "serving", "served", "will", "also", "lead", "takes", "took", "taking", "over",
                    "remains", "remain", "stays", "who", ","):
                k -= 1
            if k >= 0 and k < head - 1 and any(v.items[j].lower in ("is", "was", "as", "were", "are", ",")
                                                for j in range(k + 1, head)):
                if v.items[k].pronoun:
                    persons = [k] if v.types.get(v.items[k].entity) == "Person" else []
                else:
                    persons = [p for p in v.collect(k, "Person", step=-1)[0] if v.person_like(p)]
                if _a_profession(v, head, i):
                    persons = []  # "X, a playwright, wrote W": what she is, not her role on this work
        if not persons:
            continue
        exclude = {_ent(v, p) for p in persons}
        # Works: "W1 and W2 creators", "W's director", "director of W", else the sentence's work.
        works: list[int] = []
        sure = 1.0
        k = head - 1
        if k >= 0 and v.items[k].entity is None and v.items[k].lower in ("'s", "’s"):
            k -= 1
        if k >= 0 and v.items[k].entity is not None and v.can_be(k, "Work") and v.type(k) not in ("Person", "Other"):
            works = [w for w in v.collect(k, "Work", step=-1)[0]]
            works = [_ent(v, w) for w in works]
            first = min(j for j in range(len(v.items)) if v.items[j].entity in works)
            if v.word(first - 1) == "from":
                anchor, sure2 = v.anchor(first - 1, exclude=exclude | set(works), forward=False)
                if anchor is not None:
                    works.append(anchor)
        if not works:
            after = v.work_after(i + 1) if v.word(i + 1) in ("of", "for", "on") else None
            if after is None and v.word(i + 1) in ("of", "for", "on"):
                after = v.work_after(i + 2)
            if after is not None:
                works = [after]
        if not works:
            anchor, sure = v.anchor(i, exclude=exclude)
            works = [anchor] if anchor is not None else []
        if v.word(i + 1) in ("alongside", "with") and persons[0] < i:  # "producer alongside A and B"
            persons += [p for p in v.collect(i + 2, "Person")[0] if v.person_like(p)]
        for work in works:
            for p in persons:
                for role in predicate.split("+"):
                    yield Proposal(work, role, _ent(v, p), 0.8 * sure, f"role-noun:{item.lower}",
                                   coerce={_ent(v, p): "Person", work: "Work"})


#: Verbs of renewing a show, whose negation still says whose show it is: "N has decided not to renew W".
_RENEWALS = frozenset("renew renewed renewing".split())
#: Verbs by which a studio takes on a work it will make or release: "Lionsgate has landed W".
_STUDIO_VERBS = frozenset("landed lands acquired acquires set sets boarded boards nabbed nabs bought buys "
                          "remaking remakes greenlit greenlights release releases".split())


def _modifies_next(v: SentenceView, k: int) -> bool:
    """True if the name at k describes the noun after it ("U.S. rights", "Jo Doe drama"), not
    ended by a preposition or a clause ("W after three seasons")."""
    after = v.word(k + 1)
    if not after.isalpha():
        return False
    if v.doc is None or v.items[k + 1].token < 0:
        return after not in ("and", "or", "for", "in", "on", "from", "to", "with", "as")
    return v.doc[v.items[k + 1].token].pos_ in ("NOUN", "PROPN", "ADJ", "NUM")


def _work_noun_follows(v: SentenceView, i: int) -> bool:
    """True if a work noun follows at i after at most three describing words: "police drama"."""
    for k in range(i, min(len(v.items), i + 4)):
        if v.word(k) in WORK_NOUNS:
            return True
        if not (v.word(k).isalpha() or v.word(k) in POSSESSIVES):
            return False
    return False


def _clause_before(v: SentenceView, i: int, span: int) -> range:
    """Item positions before i in its clause, at most `span` of them ("aired on May 5, 1993 on N")."""
    k = i - 1
    while k >= max(0, i - span) and v.items[k].lower not in (";", ".", ":"):
        k -= 1
    return range(k + 1, i)


def _company_partners(v: SentenceView, k: int) -> list[int]:
    """The companies a studio makes a work with, from k: "with UK outfit Studio2", "in association
    with Jo Doe's Studio2", "with Studio2, Jo Doe's own company"."""
    if v.word(k) == "in" and v.word(k + 1) == "association":
        k += 2
    if v.word(k) != "with":
        return []
    found = []
    for j in range(k + 1, min(len(v.items), k + 8)):
        item = v.items[j]
        if item.lower in (".", ";", "while", "which", "who") or (found and item.lower == ","):
            break
        if item.entity is None or v.word(j + 1) in POSSESSIVES or (v.type(j) == "Other" and v.word(j + 1).isalpha()):
            continue  # "UK outfit", "Jo Doe's"
        described = v.word(j + 1) == "," and any(v.word(m) in COMPANY_NOUNS for m in range(j + 2, j + 6))
        if item.entity in v.kinds or v.type(j) == "Organization" or item.lower.split()[-1] in ORG_SUFFIXES \
                or described:  # ("with Little Ferrous, her own company")
            found.append(item.entity)
        else:
            break
    return found


#: Nouns after a place in "N's Los Angeles studios": the company's premises, not a work of it.
PREMISES_NOUNS = frozenset("studios studio offices office headquarters bureau newsroom campus lot".split())


@pattern("network")
def network(v: SentenceView) -> Iterator[Proposal]:
    """"N's new drama, W", "the N show", "premieres on N", "N has ordered W", "from Studio"."""
    for i, item in enumerate(v.items):
        if item.entity is None or item.blocked or v.type(i) != "Organization" or item.depth:
            continue
        kind = v.kinds.get(item.entity)
        org = item.entity
        predicate = "production_company" if kind == "Studio" else "network"
        prev, nxt = v.word(i - 1), v.word(i + 1)
        if prev == "the" and v.word(i - 2) in ("on", "via", "to", "at", "from", "through"):
            prev = v.word(i - 2)  # "aired on the Fox network"
        if v.guarded(i):
            continue
        # "N's new eight-part drama, W" / "N's W" / "the N show" / "the N police drama W"
        determiners = ("the", "a", "an", "its", "this", "that")  # "This 20th Century Fox feature was ..."
        article = prev if prev in determiners or not prev.isalpha() else v.word(i - 2)
        if nxt in POSSESSIVES or (article in determiners and _work_noun_follows(v, i + 1)):
            k = i + 1
            described = False  # a work noun between: "N's new drama, W" (not "N's head of scripted, Jo Doe")
            while k < len(v.items) and k < i + 7 and (v.items[k].entity is None or v.word(k + 1) == "-") \
                    and v.items[k].lower not in (".", ";") and v.items[k].lower not in _EXECUTIVE_WORDS:
                # ("N's Korean-language drama W": a modifier; "N's director of drama": an executive)
                described = described or v.items[k].lower in WORK_NOUNS
                if v.items[k].lower in WORK_NOUNS and v.word(k + 1) != ",":
                    if kind:
                        nxt_ent = k + 1 < len(v.items) and v.items[k + 1].entity is not None and v.can_be(k + 1, "Work")
                        target = _ent(v, k + 1) if nxt_ent else v.anchor(i, exclude={org})[0]
                        if target is not None:
                            yield Proposal(target, predicate, org, 0.75, "network-possessive")
                    break
                k += 1
            if k < len(v.items) and v.items[k].lower == ",":
                k += 1
            if k < len(v.items) and v.items[k].entity is not None and v.can_be(k, "Work") and v.type(k) != "Person" \
                    and v.word(k + 1) not in PREMISES_NOUNS \
                    and (k <= i + 2 or described or not {v.word(j) for j in range(i + 2, k)} & {",", "of"}):
                if kind or (v.type(k) == "Work" and v.strength.get(org, 0) > 3):  # ("Jo Doe's W": the NER's ORG)
                    yield Proposal(_ent(v, k), predicate, org, 0.8, "network-possessive",
                                   coerce={_ent(v, k): "Work"})
            continue
        # "W has been renewed for a third season, N announced Monday": the network speaks for its show
        if kind == "Network" and prev == "," and nxt in ("announced", "confirmed", "said", "revealed"):
            work, sure = v.anchor(i, exclude={org}, forward=False)
            if work is not None and sure == 1.0:
                yield Proposal(work, "network", org, 0.65, "network-announces")
            continue
        # "premieres on N", "available to stream on N", "airs on N", "from Studio"
        if prev == "for" and kind == "Network" and (v.word(i - 2) in WORK_NOUNS or any(
                v.word(k) in ("created", "co-created", "developed", "made", "wrote", "penned") for k in range(i - 6, i))):
            work, sure = v.anchor(i, exclude={org}, forward=False)  # "as a feature for N", "created W for N"
            if work is not None:
                yield Proposal(work, "network", org, 0.7 * sure, "network-for")
            continue
        if nxt in _DISPLAY_VERBS or (nxt in ("has", "have") and v.word(i + 2) in _DISPLAY_VERBS):
            its = next((k for k in range(i + 2, len(v.items) - 1) if v.word(k) == "its" and v.word(k - 1) == ","
                        and v.items[k - 2].entity is not None), None)  # "N has unveiled W, its new drama"
            if its is not None and any(v.word(k) in WORK_NOUNS for k in range(its + 1, min(len(v.items), its + 6))):
                yield Proposal(_ent(v, its - 2), predicate, org, 0.7, "network-its", coerce={_ent(v, its - 2): "Work"})
                continue
            shown = next((k for k in range(i + 2, min(len(v.items), i + 10)) if v.items[k].entity is not None), None)
            if kind == "Network" and shown is not None and v.word(shown - 1) in ("for", "of", "at") \
                    and v.could_be_work(shown) and v.word(shown - 2) in _SHOWN_THINGS:
                # "N has unveiled the first trailer for W": a network shows its own work
                yield Proposal(_ent(v, shown), "network", org, 0.65, "network-shows", coerce={_ent(v, shown): "Work"})
                continue
        with_at = next((k for k in range(i - 1, max(-1, i - 5), -1) if v.word(k) == "with"), None)
        if with_at is not None and v.word(with_at - 1) in ("co-production", "coproduction", "partnership"):
            work, sure = v.anchor(i, exclude={org}, forward=False)  # "W is a co-production with Studio"
            if work is not None:
                yield Proposal(work, "production_company", org, 0.75 * sure, "co-production",
                               coerce={org: "Organization"}, stated=True)
            continue
        if prev in ("on", "via", "to", "at", "from", "through", "exclusively"):
            cue = any(v.items[k].lower in AIR_WORDS for k in _clause_before(v, i, 16))
            if prev == "at" and kind != "Network":
                cue = False  # "premiered at Sundance": a festival, not a network
            if prev == "from" and kind == "Studio":
                cue = True
            if prev in ("through", "via") and kind == "Studio":
                cue = True
            if cue and (predicate == "network" or prev in ("from", "through", "via")):
                work, sure = v.anchor(i, exclude={org})
                if work is not None:
                    yield Proposal(work, predicate, org, 0.75 * sure, f"network-{prev}")
            continue
        # "Studio is the studio", "through his Studio banner", "in association with Studio"
        role = v.word(i + 3) if nxt in ("is", "was") and v.word(i + 2) in ("the", "a", "an") else ""
        banner = nxt == "banner" or (prev == "with" and v.word(i - 2) == "association") or prev == "banner" or (
            prev == "of" and v.word(i - 2) == "banner")  # "under the banner of Studio", "under his banner Studio"
        if role in ("studio", "network", "streamer", "broadcaster", "channel") or banner:
            work, sure = v.anchor(i, exclude={org})
            if work is not None:
                kind_of_role = "production_company" if role == "studio" or banner else "network"
                yield Proposal(work, kind_of_role, org, 0.75 * sure, f"organization-role:{role or 'banner'}",
                               coerce={org: "Organization"})
                if nxt == "banner" and v.word(i + 2) == "," and v.word(i + 3) == "which":  # "..., which is
                    verb = next((k for k in range(i + 4, min(len(v.items), i + 7))  # producing with Studio2"
                                 if v.word(k).startswith("produc")), None)
                    for partner in _company_partners(v, verb + 1) if verb is not None else []:
                        yield Proposal(work, "production_company", partner, 0.75 * sure, "organization-role:banner",
                                       coerce={partner: "Organization"})
            continue
        # "Studio produces the series", "Studio is producing W"
        window = [v.items[k].lower for k in range(i + 1, min(len(v.items), i + 4))]
        if kind == "Studio" and set(window) & {"produces", "produced", "producing", "produce", "co-produces"}:
            verb = i + 1 + next(n for n, word in enumerate(window) if word.startswith(("produc", "co-produc")))
            partners = _company_partners(v, verb + 1)  # "Studio is producing with Studio2", "in association with"
            work = v.work_after(i + 2, span=5) if not partners and v.word(verb + 1) not in ("with", "in") else None
            if work is None:
                work = v.anchor(i, exclude={org, *partners}, forward=not partners)[0]
            if work is not None:
                for company in [org, *partners]:
                    yield Proposal(work, "production_company", company, 0.75, "studio-produces",
                                   coerce={company: "Organization"})
            continue
        # "N has ordered W", "N has given a series order to W", "N renewed W"
        window = [v.items[k].lower for k in range(i + 1, min(len(v.items), i + 9))]
        not_renewed = bool(set(window[:3]) & NEGATIONS and set(window[:5]) & _RENEWALS)
        if set(window[:3]) & NEGATIONS and not not_renewed:
            continue  # "N has not ordered W" (but "N has decided not to renew W" is still N's show)
        studio_takes = kind == "Studio" and bool(set(window[:3]) & _STUDIO_VERBS)  # "Studio has landed W"
        if (kind != "Studio" and (set(window[:3]) & ORDER_VERBS or not_renewed
                                  or ("order" in window and "series" in window))) or studio_takes:
            work = None
            for k in range(i + 1, min(len(v.items), i + 14)):
                if v.items[k].entity is not None and (v.word(k + 1) in ("'s", "’s") or _modifies_next(v, k)):
                    continue  # "U.S. rights to W", "Jo Doe's W": a modifier, not the work
                if v.items[k].entity is not None and v.could_be_work(k):
                    work = _ent(v, k)
                    break
                if v.work_ref(k):
                    work = v.focus
                    break
            if work is None:
                work = v.anchor(i, exclude={org})[0]
            if work is not None:
                yield Proposal(work, predicate, org, 0.65 if studio_takes else 0.75, "network-order",
                               coerce={work: "Work"})


#: Labels of a review's or a press release's credit block ("Director: X", "Producers: A, B").
_BLOCK_LABELS = {
    "director": "director", "directors": "director", "directed by": "director", "direction": "director",
    "writer": "writer", "writers": "writer", "screenplay": "writer", "screenwriter": "writer",
    "screenwriters": "writer", "written by": "writer", "teleplay": "writer", "script": "writer",
    "director-screenwriter": "director+writer", "writer-director": "director+writer",
    "written and directed by": "director+writer",
    "producer": "producer", "producers": "producer", "executive producer": "producer",
    "executive producers": "producer", "produced by": "producer",
    "creator": "creator", "creators": "creator", "created by": "creator", "showrunner": "producer",
    "cast": "cast_member", "with": "cast_member", "starring": "cast_member", "stars": "cast_member",
    "voices": "cast_member",
    "production": "production_company", "production company": "production_company",
    "production companies": "production_company", "studio": "production_company",
    "network": "network", "streamer": "network", "broadcaster": "network", "channel": "network",
    "distributor": "network", "distribution": "network",
}
_BLOCK_LABEL_WORDS = frozenset(word for label in _BLOCK_LABELS for word in label.split())


@pattern("credit-block")
def credit_block(v: SentenceView) -> Iterator[Proposal]:
    """"Director: X", "Producers: A, B", "Production: Studio", "With: A, B" about the article's work."""
    if v.focus is None:
        return
    colons = [i for i, item in enumerate(v.items) if item.lower == ":" and item.entity is None]
    for c in colons:
        start = c - 1
        while start >= 0 and (v.items[start].entity is None or v.items[start].lower in _BLOCK_LABEL_WORDS) \
                and v.items[start].lower not in (".", ";", ":"):
            start -= 1  # (a label at a line's start may read as a name: "Production companies:")
        label = " ".join(v.items[k].lower for k in range(start + 1, c))
        role = _BLOCK_LABELS.get(label)
        if role is None or c - start > 5 or v.guarded(c):
            continue
        end = c + 1
        while end < len(v.items) and v.items[end].lower not in (".", ";", ":"):
            end += 1
        names = [k for k in range(c + 1, end) if v.items[k].entity is not None and not v.items[k].blocked
                 and v.items[k].depth == 0 and not v.items[k].pronoun]
        if end < len(v.items) and v.items[end].lower == ":" and names:
            names = names[:-1]  # "Director: X Screenplay:" — the last word before the next colon is a label
        for k in names:
            ent = _ent(v, k)
            if ent == v.focus:
                continue
            if role in ("production_company", "network"):
                if v.type(k) in ("Organization", "") or ent in v.kinds:
                    yield Proposal(v.focus, role, ent, 0.8, "credit-block", coerce={ent: "Organization"},
                                   stated=True)
                continue
            if ent in v.kinds or v.type(k) == "Work":
                continue
            for predicate in role.split("+"):
                yield Proposal(v.focus, predicate, ent, 0.8, "credit-block", coerce={ent: "Person"})




def _clause_person(v: SentenceView, i: int) -> int | None:
    """The person a phrase at i describes: the nearest person before it in its clause."""
    k = i - 1
    while k >= 0 and v.items[k].lower not in (".", ";", ":") and i - k <= 12:
        item = v.items[k]
        if item.lower == ")":
            k = _open_paren(v, k)
        elif item.entity is not None and item.depth == 0:
            if item.pronoun:
                return k if v.types.get(item.entity) in ("Person", "") else None  # (the word says a person)
            if v.type(k) == "Person" or (v.type(k) == "" and not item.lower.startswith("the ")):
                return k  # ("The Dutch actress": a nationality, not a name)
            if v.word(k + 1) not in ("'s", "’s"):
                return None
        k -= 1
    return None


def _person_after(v: SentenceView, i: int) -> int | None:
    """The person a sentence-opening phrase ending at i describes: "A veteran of W, she ..."."""
    k = i
    while k < len(v.items) and v.items[k].lower not in (",",):
        k += 1
    k += 1
    if k < len(v.items) and v.items[k].entity is not None and (
            v.items[k].pronoun or v.type(k) == "Person") and v.types.get(v.items[k].entity) == "Person":
        return k
    return None


def _past_her_part(v: SentenceView, k: int) -> int:
    """Where the works start after "her (breakout) turn in", "his role on", "their work on",
    "six seasons on"."""
    j = k
    if (v.word(j).isdigit() or v.word(j) in _COUNT_WORDS) and v.word(j + 1) in ("seasons", "years", "episodes") \
            and v.word(j + 2) in ("on", "of", "in"):
        return j + 3
    if v.word(j) in ("her", "his", "their"):
        j += 1
        if v.word(j + 1) in _PARTS:
            j += 1  # an adjective: "her breakout turn"
        if v.word(j) in _PARTS and v.word(j + 1) in ("in", "on"):
            return j + 2
    return k


_PARTS = frozenset("turn turns role roles work performance performances part parts".split())
_COUNT_WORDS = frozenset("two three four five six seven eight nine ten eleven twelve several many".split())


@pattern("prior-credit-phrase")
def prior_credit_phrase(v: SentenceView) -> Iterator[Proposal]:
    """"X, best known for A and B", "A veteran of N's A, she", "whose credits include A", "X's debut, W"."""
    for i, item in enumerate(v.items):
        if item.entity is not None or item.depth or (item.lower not in PRIOR_CUES_BY_FIRST_WORD
                                                      and item.lower != "debut"):
            continue
        cue = next((c for c in PRIOR_CUES_BY_FIRST_WORD.get(item.lower, ())
                    if all(v.word(i + j) == w for j, w in enumerate(c))), None)
        debut = item.lower == "debut" and v.word(i - 1) not in ("will", "to")
        if (cue is None and not debut) or v.guarded(i):
            continue
        after = i + (len(cue) if cue else 1)
        if debut and v.word(after) in (",", "with", "in"):
            after += 1  # "X's debut, W", "made her feature debut with W"
        after = _past_her_part(v, after)  # "known for her turn in W"
        works = v.works_from(after, limit=1 if debut else 12)
        if not works or (debut and works[0] != after):
            continue
        opening = all(v.items[k].entity is None for k in range(0, i))
        person = _person_after(v, works[-1]) if opening else _clause_person(v, i)
        if person is None and debut and v.word(i - 1) in ("'s", "’s") and v.type(i - 2) == "Person":
            person = i - 2
        subject = _ent(v, person) if person is not None else None
        if subject is None and cue in BODY_OF_WORK_CUES and v.focus is None:
            subject = v.person_before  # a profile's "Notable film scores include A and B": its person's
        if subject is None:
            continue
        for k in works:
            if _ent(v, k) != subject:
                yield Proposal(subject, "credit", _ent(v, k), 0.75 if person is not None else 0.65,
                               "prior-credit-phrase", coerce={_ent(v, k): "Work"})


@pattern("work-possessive-person")
def work_possessive_person(v: SentenceView) -> Iterator[Proposal]:
    """"Peaky Blinders' Sam Claflin", "Saltmarsh star Jo Quill", "Nolan's Oppenheimer": a credit."""
    for i, item in enumerate(v.items[:-2]):
        if item.entity is None or item.blocked or item.depth or item.pronoun or item.entity in v.kinds:
            continue
        k = i + 1
        possessive = v.word(k) in POSSESSIVES
        if possessive:
            k += 1
        while k < len(v.items) and v.word(k) in PERSON_AFTER_WORK and not v.is_verb(k):
            k += 1
        if k == i + 1 or k >= len(v.items) or v.items[k].entity is None or v.items[k].pronoun \
                or v.items[k].blocked or v.items[k].entity in v.kinds:
            continue
        first, second = v.type(i), v.type(k)
        weak_work = item.entity not in v.kinds and v.strength.get(item.entity, 0) <= 2.5 and first != "Character"
        if second == "Person" and v.word(k + 1) not in ("'s", "’s") and (first == "Work" or (
                not possessive and k > i + 1 and weak_work) or (
                possessive and first == "Person" and v.strength.get(item.entity, 0) <= 3.0
                and v.person_cues.get(item.entity, 0) == 0)):
            # a name's name ("Peaky Blinders' Sam Claflin"): the first is the work she is known for
            yield Proposal(_ent(v, k), "credit", _ent(v, i), 0.8,
                           "work-possessive-person", coerce={item.entity: "Work"})
        elif possessive and k == i + 2 and first == "Person" and second == "Work" \
                and v.strength.get(_ent(v, i), 0) > 2.5:
            yield Proposal(_ent(v, i), "credit", _ent(v, k), 0.65, "person-possessive-work")
    for i, item in enumerate(v.items[:-3]):  # "Jo Doe, the W alum, is all menace": her credit
        if item.entity is None or item.depth or v.word(i + 1) != "," or v.word(i + 2) != "the" \
                or v.type(i) != "Person" or v.items[i + 3].entity is None or not v.could_be_work(i + 3) \
                or v.word(i + 4) not in PERSON_AFTER_WORK or v.word(i + 5) not in (",", ".", "and"):
            continue
        yield Proposal(item.entity, "credit", _ent(v, i + 3), 0.75, "person-apposed-credit",
                       coerce={_ent(v, i + 3): "Work"})
    for i, item in enumerate(v.items[:-3]):  # "Jo Doe's controversial 1994 film W", "her third album, W"
        if item.depth or v.guarded(i):
            continue
        if item.entity is None and item.lower in ("his", "her"):
            person, start = v.person_of_possessive(i), i + 1
        elif item.entity is not None and v.word(i + 1) in POSSESSIVES and v.type(i) == "Person" \
                and v.strength.get(item.entity, 0) > 2.5:
            person, start = item.entity, i + 2
        else:
            continue
        k, noun = start, False
        while k < min(len(v.items), start + 5) and v.items[k].entity is None and (
                v.items[k].lower.isalpha() or v.items[k].lower.isdigit() or v.items[k].lower in ("-", ",")):
            noun = noun or v.items[k].lower in OWN_WORK_NOUNS
            k += 1
        if person is None or not noun or k == start or k >= len(v.items) or v.items[k].entity is None:
            continue
        directed = any(v.word(j) == "directorial" for j in range(start, k))  # "his directorial debut, W"
        named = v.word(k - 1) in OWN_WORK_NOUNS or (v.word(k - 1) == "," and v.word(k - 2) in OWN_WORK_NOUNS)
        for w in v.works_from(k):  # her film, role unstated
            work = _ent(v, w)
            if v.could_be_work(w) and not v.person_like_strongly(w) and work != person:
                subject, predicate, obj = (work, "director", person) if directed else (person, "credit", work)
                yield Proposal(subject, predicate, obj, 0.65, "person-possessive-work", coerce={work: "Work"},
                               type_confidence=0.9 if named else None)


#: Nouns for a person's own work after "his", "her" or "Jo Doe's": "her third studio album, W".
OWN_WORK_NOUNS = WORK_NOUNS | {"album", "single", "song", "ep", "novel", "play", "debut", "feature"}


@pattern("work-from-people")
def work_from_people(v: SentenceView) -> Iterator[Proposal]:
    """"Saltmarsh, a drama from Jo Quill and Ben Lind": the people behind the work, role unstated;
    "W comes from the mind of X", "the brainchild of X": its creator."""
    for i, item in enumerate(v.items):
        if item.entity is not None or v.guarded(i):
            continue
        if item.lower == "from" and v.word(i - 1) in WORK_NOUNS:
            persons = [p for p in v.collect(i + 1, "Person")[0] if v.type(p) == "Person"]
            yield from _about_the_work(v, i, persons, "credit", 0.7, "work-from-people")
        elif (item.lower == "mind" and v.word(i - 1) == "the" and v.word(i - 2) == "from" and v.word(i + 1) == "of") \
                or (item.lower == "brainchild" and v.word(i + 1) == "of"):
            persons = [p for p in v.collect(i + 2, "Person")[0] if v.person_like(p)]
            yield from _about_the_work(v, i, persons, "creator", 0.8, "work-from-mind")


#: Nouns of the written works a film or series may be based on: "based on Jo Doe's novel".
SOURCE_NOUNS = frozenset("""novel novels book books memoir memoirs play plays story stories short comic comics
graphic series novella biography article essay poem manga""".split())


@pattern("based-on")
def based_on(v: SentenceView) -> Iterator[Proposal]:
    """"based on X's 1935 novel", "adapted from the novel by X": X wrote the work (as the source's author)."""
    for i, item in enumerate(v.items[:-2]):
        if item.lower not in ("based", "adapted") or v.word(i + 1) not in ("on", "from") or v.guarded(i):
            continue
        k, author = i + 2, None
        if v.items[k].lower in ("the", "a", "an") or v.items[k].entity is None:
            # "based on the 1990 novel of the same name by X"
            for j in range(k, min(len(v.items) - 1, k + 12)):
                if v.word(j) in (".", ";") or (v.items[j].entity is not None and v.word(j - 1) != "by"):
                    if v.items[j].entity is not None and v.could_be_work(j):
                        continue  # "based on the novel W by X": the source's own title
                    break
                if v.word(j) == "by" and any(v.word(m) in SOURCE_NOUNS for m in range(k, j)):
                    found = v.collect(j + 1, "Person")[0]
                    author = found[0] if found else None
                    break
        elif v.word(k + 1) in POSSESSIVES and v.person_like(k):
            # "based on X's autobiographical novel"
            if any(v.word(m) in SOURCE_NOUNS for m in range(k + 2, min(len(v.items), k + 6))):
                author = k
        if author is None or not v.person_like(author):
            continue
        work, sure = v.anchor(i, exclude={_ent(v, author)}, forward=False)
        if work is not None:
            yield Proposal(work, "writer", _ent(v, author), 0.7 * sure, "based-on",
                           coerce={_ent(v, author): "Person"})


@pattern("work-casts")
def work_casts(v: SentenceView) -> Iterator[Proposal]:
    """"W has cast Jo Doe", "W has added A and B to its cast", "W has tapped Jo Doe to direct"."""
    for i, item in enumerate(v.items):
        if item.entity is not None or item.lower not in CASTING_VERBS or v.guarded(i):
            continue
        k = i - 1
        while k >= 0 and v.word(k) in ("has", "have", "had", "also", "just", "officially", ")"):
            if v.word(k) == ")":  # "W (Netflix) adds Jo Doe"
                k = _open_paren(v, k)
            k -= 1
        if k < 0 or v.items[k].entity is None or not v.could_be_work(k) or v.person_like_strongly(k) \
                or v.type(k) == "Organization":
            if not (k >= 0 and v.items[k].pronoun and v.type(k) == "Work"):
                continue  # the subject must be the work (or "it"): a director also casts actors
        persons, end = v.collect(i + 1, "Person")
        persons = [p for p in persons if v.person_like(p)]
        role = "cast_member"
        if v.word(end) == "to" and v.word(end + 1) in ACTIVE_VERBS:  # "tapped X to direct"
            role = ACTIVE_VERBS[v.word(end + 1)]
        for p in persons:
            yield Proposal(_ent(v, k), role, _ent(v, p), 0.75, f"work-casts:{item.lower}",
                           coerce={_ent(v, k): "Work", _ent(v, p): "Person"})
