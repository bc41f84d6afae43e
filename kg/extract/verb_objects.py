"""The works a person's verb reaches through the parse: "He has also appeared in A (2008), B and
C", "acclaimed for directing A, B and C", "roles in films including A and B".

Trade prose and biographies list a person's works as the objects of one verb, often far from
it and in long lists; the dependency parse reaches them where word windows do not.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from .lexicon import MUSIC_WORDS, PERSON_NOUNS, POSSESSIVES, ROLE_NOUNS
from .patterns import pattern
from .sentence import Proposal, SentenceView

#: Verbs (by lemma) whose person subject worked on the works among their objects.
VERB_ROLES = {
    "appear": "cast_member", "star": "cast_member", "co-star": "cast_member", "act": "cast_member",
    "feature": "cast_member", "guest": "cast_member", "host": "cast_member", "voice": "cast_member",
    "play": "cast_member", "portray": "cast_member",
    "direct": "director", "co-direct": "director", "helm": "director",
    "write": "writer", "co-write": "writer", "pen": "writer", "script": "writer",
    "produce": "producer", "co-produce": "producer",
    "create": "creator", "co-create": "creator",
    "compose": "credit", "score": "credit", "narrate": "credit", "edit": "credit",
}
#: Verbs whose direct object is a role, not a work: "played the sheriff in W".
_ROLE_OBJECT_VERBS = {"play", "portray", "voice"}
#: Nouns (by lemma) that stand for a person's part in the works after them: "roles in A and B".
NOUN_ROLES = {"role": "cast_member", "appearance": "cast_member", "score": "credit", "work": "credit"}
#: Dependencies through which a verb's objects, and lists of them, are reached.
_OBJECT_DEPS = frozenset("dobj pobj conj appos prep compound nmod dep attr oprd npadvmod pcomp".split())
#: Prepositions that lead to a work: "in W", "on W", "of W", "including W", "such as W".
_OBJECT_PREPS = frozenset("in on of for to including like as such".split())
#: Dependencies through which a verb without a subject of its own takes its head's.
_SUBJECT_CLIMB = frozenset("conj xcomp advcl pcomp pobj prep dobj".split())


def _reached(token: Token, allow_dobj: bool) -> Iterator[Token]:
    """Tokens of the object phrases under a trigger, not crossing into clauses of their own.

    A role's slot ("played the sheriff", "as Eli Crane") is passed over, not taken: the work
    may hang below it ("as Eli Crane in the NBC drama W").
    """
    stack = [c for c in token.children if c.dep_ in _OBJECT_DEPS and c.i > token.i]  # ("In Paris she starred")
    if token.pos_ == "NOUN" and (token.dep_ == "dobj" or (token.dep_ == "nsubj" and token.head.lemma_ == "be")):
        # "had roles in A and B", "his first role was in W": the verb holds the "in"
        stack += [c for c in token.head.children if c.dep_ == "prep" and c.i > token.i]
    while stack:
        tok = stack.pop()
        if tok.dep_ == "prep" and tok.lower_ not in _OBJECT_PREPS:
            continue
        if tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX"):
            continue  # "appeared in A and portrayed B": a verb of its own
        if tok.lower_ in _PEOPLE_NOUNS:
            continue  # "wrote films for directors such as A": people, not works
        role_slot = (tok.dep_ == "dobj" and tok.head.i == token.i and not allow_dobj) or (
            tok.dep_ == "pobj" and tok.head.lower_ == "as" and tok.head.nbor(-1).lower_ != "such")
        if role_slot:
            stack.extend(c for c in tok.children if c.dep_ == "prep")
            continue
        if not (tok.lower_ == "as" and tok.dep_ == "prep"):
            yield tok
        stack.extend(c for c in tok.children if c.dep_ in _OBJECT_DEPS)


def _subjects(v: SentenceView, token: Token) -> list[int]:
    """The items of the persons who are the subject of a trigger, climbing through conjoined,
    gerund and relative clauses ("X, who starred in W", "acclaimed for directing W")."""
    for _ in range(6):
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if token.dep_ == "relcl" and not any(c.lower_ not in ("who", "that") for c in subjects):
            head = token.head  # "X, who directed W"; "X is a filmmaker who directed W"; "X, a filmmaker who"
            if head.i not in v.item_of_token or v.items[v.item_of_token[head.i]].entity is None:
                if head.dep_ == "attr":
                    token = head.head
                    continue
                head = head.head if head.dep_ == "appos" else head
            subjects = [head]
        if subjects:
            k = v.item_of_token.get(subjects[0].i)
            if k is None or v.items[k].entity is None or v.types.get(v.items[k].entity) != "Person":
                return []
            if v.items[k].pronoun:
                return [k]
            return [p for p in v.collect(k, "Person")[0] if v.person_like(p)] or [k]  # "A, B and C play"
        if token.dep_ not in _SUBJECT_CLIMB or token.head.i == token.i:
            return []
        token = token.head
    return []


def _possessor(v: SentenceView, token: Token) -> list[int]:
    """The person whose part a role noun names: "his roles", "Jo Doe's score"."""
    for child in token.children:
        if child.dep_ == "poss":
            k = v.item_of_token.get(child.i)
            if k is None:
                return []
            if v.items[k].entity is None and child.lower_ in ("his", "her") and v.person_of_possessive(k) is not None:
                return [k]
            if v.items[k].entity is not None and v.types.get(v.items[k].entity) == "Person":
                return [k]
    return []


def _person(v: SentenceView, k: int) -> int:
    """The person entity of a subject or possessor item ("his" is the person it refers to)."""
    entity = v.items[k].entity
    return entity if entity is not None else v.person_of_possessive(k)  # type: ignore[return-value]


def _works(v: SentenceView, reached: list[Token], persons: list[int]) -> list[int]:
    """Entities of the works among a trigger's objects (its `_reached` tokens), in order ("the film"
    is the article's)."""
    found: list[int] = []
    referred = False
    people = {_person(v, p) for p in persons}
    for tok in reached:
        k = v.item_of_token.get(tok.i)
        if k is None or k in found:
            continue
        item = v.items[k]
        if item.entity is None and v.work_ref(k):
            if k + 1 < len(v.items) and v.items[k + 1].entity is not None and v.could_be_work(k + 1):
                found.append(k + 1)  # "in the NBC legal drama W" (where the parser hangs W elsewhere)
            elif v.focus is not None:
                referred = True  # "play roles in the film"
        if item.entity is None or item.pronoun or item.depth or item.entity in people:
            continue
        place = v.type(k) == "Other" and " " not in item.lower  # "in Japan"; "Brine Harbour" may be a title
        if v.could_be_work(k) and not place and not v.person_like_strongly(k) and \
                not v.credit_prefix(k) and not _modifier(v, k):
            found.extend(v.works_from(k))  # the rest of a list the parser broke up
    if not found:
        return [v.focus] if referred else []  # type: ignore[list-item]
    return list(dict.fromkeys(v.items[k].entity for k in sorted(found)))  # type: ignore[misc]


#: Nouns for people, below which a verb's objects are not works: "for directors such as A".
_PEOPLE_NOUNS = frozenset(PERSON_NOUNS | set(ROLE_NOUNS) | {"directors", "people", "artists", "musicians"})
#: First letters of every form of a trigger ("wrote", "starring", "roles", "member").
_TRIGGER_PREFIXES = frozenset(word[:3] for word in (*VERB_ROLES, *NOUN_ROLES, "wrote", "written", "member"))


def _cast_member_noun(token: Token) -> bool:
    """True for "member" in "a cast member of W", "a member of the cast of W"."""
    return token.lemma_ == "member" and any(c.lower_ in ("cast", "ensemble") for c in token.children)


def _modifier(v: SentenceView, k: int) -> bool:
    """True if the name at k describes the noun after it: "his Radio 4 sketch show", "Netflix's"."""
    after = v.word(k + 1)
    return after in POSSESSIVES or (after.isalpha() and after not in _LIST_WORDS)


_LIST_WORDS = frozenset("and or in on for from with as at to".split())


@pattern("verb-objects")
def verb_objects(v: SentenceView) -> Iterator[Proposal]:
    """"She appeared in A, B and C", "he wrote and directed W", "his roles in A and B"."""
    if v.doc is None or any(item.lower == "respectively" for item in v.items):
        return  # "A and B produced and directed it, respectively": pairs we do not untangle
    own: dict[int, tuple[str, int, list[int], Token]] = {}
    for token_index, i in v.item_of_token.items():
        item = v.items[i]
        if item.entity is not None or item.lower[:3] not in _TRIGGER_PREFIXES or v.guarded(i):
            continue  # (the prefix test spares building a Token for every word)
        token = v.doc[token_index]
        if token.tag_ == "VBG" and token.lemma_ in ("star", "feature") and not any(
                c.dep_ == "aux" for c in token.children):
            continue  # "W, starring A and B": the cast list pattern (the names are not works)
        if token.pos_ == "VERB" and token.lemma_ in VERB_ROLES:
            if any(c.dep_ in ("nsubjpass", "auxpass", "agent") for c in token.children):
                continue  # "was directed by X": the by-phrase pattern
            persons = _subjects(v, token)
            role = VERB_ROLES[token.lemma_]
            allow_dobj = token.lemma_ not in _ROLE_OBJECT_VERBS
        elif token.pos_ == "NOUN" and (token.lemma_ in NOUN_ROLES or _cast_member_noun(token)):
            persons = _possessor(v, token)
            if not persons and token.dep_ in ("dobj", "attr", "pobj"):
                persons = _subjects(v, token.head)
            role, allow_dobj = NOUN_ROLES.get(token.lemma_, "cast_member"), True
        else:
            continue
        if not persons:
            continue
        reached = list(_reached(token, allow_dobj))
        if role in ("writer", "producer") and any(t.lower_ in MUSIC_WORDS for t in reached):
            role = "credit"  # "wrote the score for W"
        own[token_index] = (role, persons, _works(v, reached, persons), token)
    for token_index, (role, persons, works, token) in own.items():
        if not works:  # "wrote, directed and produced W": the verbs share one object
            partners = [t.i for t in (token.head, *token.children) if t.dep_ == "conj" or token.dep_ == "conj"]
            works = next((own[p][2] for p in partners if p in own and own[p][2] and own[p][1] == persons), [])
        for work in works:
            for p in persons:
                yield Proposal(work, role, _person(v, p), 0.7, f"verb-objects:{token.lemma_}",
                               coerce={work: "Work"}, type_confidence=0.8)
