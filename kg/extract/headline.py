"""Facts that a trade headline states: "Netflix Orders 'Saltmarsh'", "Jo Doe Joins Apple TV+
Mystery 'The Salt Ledger'", "Mubi Acquires Jo Doe's 'The Tin Parade'".

Headlines are written in title case, which a tagger reads as one long name; so they are not
parsed. Their words are matched against the names the body has already typed (and the
gazetteer's organizations), and a few headline grammars relate them.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..textnorm import fold
from .lexicon import HYPOTHETICAL, NEGATIONS, WORK_NOUNS
from .sentence import Proposal

_WORD = re.compile(r"\S+")
_EDGE = "'\"‘’“”,:;()!?"
_POSSESSIVE = re.compile(r"['’]s?$")

#: Headline verbs after an organization that take the work it airs or makes: "Netflix Orders W".
ORGANIZATION_VERBS = frozenset("""orders ordered renews renewed greenlights greenlit picks acquires acquired buys
lands nabs sets adds books boards commissions commissioned developing develops premieres launches
remaking remakes revives rescues unveils releases debuts""".split())
#: Headline verbs after a person, and the role they give on the work that follows.
PERSON_VERBS = {
    "joins": "cast_member", "join": "cast_member", "boards": "cast_member", "stars": "cast_member",
    "star": "cast_member", "cast": "cast_member", "leads": "cast_member", "lead": "cast_member",
    "toplines": "cast_member", "topline": "cast_member", "headlines": "cast_member", "play": "cast_member",
    "plays": "cast_member", "returns": "cast_member", "direct": "director", "directs": "director",
    "helm": "director", "helms": "director", "write": "writer", "writes": "writer", "pens": "writer",
    "pen": "writer", "produce": "producer", "produces": "producer", "create": "creator", "creates": "creator",
}
#: Words that make a headline's claim uncertain or negative: "Eyes", "In Talks", "Exits".
_UNSURE = HYPOTHETICAL | NEGATIONS | frozenset("""eyes eyeing talks circling exits exit leaves leave quits drops
won't wont not""".split())


@dataclass
class Name:
    """A name the headline may contain: the entity it is, its type, and its organization kind."""

    entity: int
    type: str
    kind: str | None


@dataclass
class _Item:
    word: str  # lowercase word, "" for a name
    name: Name | None = None
    possessive: bool = False

    @property
    def entity(self) -> int | None:
        return self.name.entity if self.name else None

    @property
    def type(self) -> str:
        return self.name.type if self.name else ""


def _items(title: str, names: dict[str, Name], lookup_org: Callable[[str], Name | None]) -> list[_Item]:
    """The headline as words and names (the longest known name at each place wins)."""
    words = [w.strip(_EDGE) for w in _WORD.findall(title)]
    items: list[_Item] = []
    i = 0
    while i < len(words):
        found = None
        for n in range(min(6, len(words) - i), 0, -1):
            text = " ".join(words[i:i + n])
            bare = _POSSESSIVE.sub("", text)
            for candidate in (text, bare):
                name = names.get(fold(candidate)) or (lookup_org(candidate) if candidate else None)
                if name is not None:
                    found = (n, name, candidate != text)
                    break
            if found:
                break
        if found:
            n, name, possessive = found
            items.append(_Item("", name, possessive))
            i += n
            continue
        word = words[i].lower()
        if _POSSESSIVE.search(word) and len(word) > 2:
            word = _POSSESSIVE.sub("", word)
        items.append(_Item(word))
        i += 1
    return items


def headline_proposals(title: str | None, names: dict[str, Name],
                       lookup_org: Callable[[str], Name | None]) -> Iterator[Proposal]:
    """Facts a headline states about the names it shares with the body (and known organizations)."""
    if not title:
        return
    items = _items(title, names, lookup_org)
    if any(item.word in _UNSURE for item in items):
        return

    def next_work(i: int, span: int = 6) -> int | None:
        for k in range(i, min(len(items), i + span)):
            if items[k].entity is not None and not items[k].possessive:  # past an owner: "Jo Doe's W"
                return items[k].entity if items[k].type == "Work" else None
        return None

    for i, item in enumerate(items):
        if item.entity is None:
            continue
        kind = item.name.kind if item.name else None
        nxt = items[i + 1] if i + 1 < len(items) else _Item(".")
        if item.type == "Organization" and kind in ("Network", "Studio"):
            predicate = "network" if kind == "Network" else "production_company"
            # "Netflix Orders W", "Apple TV+ Mystery W", "HBO's W"
            k = i + 1
            if nxt.word in ORGANIZATION_VERBS:
                work = next_work(i + 2)
            else:
                while k < len(items) and items[k].entity is None and (items[k].word in WORK_NOUNS or items[k].word
                                                                      in _GENRE_WORDS):
                    k += 1
                work = next_work(k, span=1) if (k > i + 1 or item.possessive) else None
            if work is not None:
                yield Proposal(work, predicate, item.entity, 0.7, "headline")  # type: ignore[arg-type]
        elif item.type == "Person":
            if item.possessive and nxt.type == "Work":
                yield Proposal(item.entity, "credit", nxt.entity, 0.65, "headline")  # type: ignore[arg-type]
                continue
            k = i + 1
            while k < len(items) and items[k].word in ("to", "will", "set", "is", "in", "for", "has", "been"):
                k += 1
            role = PERSON_VERBS.get(items[k].word) if k < len(items) else None
            if role is not None:
                work = next_work(k + 1)
                if work is not None:
                    yield Proposal(work, role, item.entity, 0.7, "headline")  # type: ignore[arg-type]


#: Genre words that stand between a network and its show in a headline: "Apple TV+ Mystery W".
_GENRE_WORDS = frozenset("""mystery fantasy crime legal medical period historical family sci-fi psychological
political spy war teen young adult romantic true limited new hit original true-crime action""".split())
