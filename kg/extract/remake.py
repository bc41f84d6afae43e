"""A film and its remake as two works: "Studio is remaking W, the 1989 thriller directed by X".

A remake shares its original's title, so the text names both with one name. Where an article
about a remake dates the original ("W, the 1989 thriller", "W (1989)"), the original becomes a
work of its own, "W (1989)", and takes the facts the text states about it: the credits in that
dated description, and whatever a sentence about "the original" or "the 1989 film" says.
"""
from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Span

from .mentions import Mention
from .sentence import Proposal

#: Words that say an article is about a new version of an older work.
REMAKE_WORDS = frozenset("remake remakes remaking remade reboot reboots rebooting reimagining reimagined".split())
#: Roles a dated description of the original states: "the 1989 thriller directed by X and starring Y".
ORIGINAL_CREDITS = frozenset("director writer producer cast_member creator credit".split())


def original_year(text: str, title: str) -> str | None:
    """The year the text gives the work named `title` as an older one: "W, the 1989 thriller",
    "W (1989)", "the 1989 thriller W"; None if it gives none."""
    name = re.escape(title)
    for pattern in (rf"{name},? the ((?:19|20)\d\d)\b", rf"{name} \(((?:19|20)\d\d)\)",
                    rf"\bthe ((?:19|20)\d\d) [\w -]{{0,40}}?{name}"):
        match = re.search(pattern, text)
        if match:
            return match.group(1)
    return None


def is_about_a_remake(lowers: list[str]) -> bool:
    """True if the words say the article is about a new version of a work."""
    return any(w in REMAKE_WORDS or (w == "new" and k + 1 < len(lowers) and lowers[k + 1] in ("version", "take"))
               for k, w in enumerate(lowers))


def split_original(text: str, lowers: list[str], work: int, label: str, new_cluster,
                   proposals: list[tuple[Span | None, Proposal]]) -> None:
    """Move the facts about the original of a remade `work` to a work of its own, made by
    `new_cluster(label)` only if some fact needs it."""
    if not is_about_a_remake(lowers):
        return
    year = original_year(text, label)
    if year is None:
        return
    original = None
    for sent, proposal in proposals:
        if sent is None or work not in (proposal.subject, proposal.object):
            continue
        words = sent.text.lower()
        dated = f"the {year}" in words or f"({year})" in words
        about_original = "the original" in words or (dated and not is_about_a_remake([t.lower_ for t in sent]))
        if about_original or (dated and proposal.predicate in ORIGINAL_CREDITS):
            if original is None:
                original = new_cluster(f"{label} ({year})")
            if proposal.subject == work:
                proposal.subject = original
            else:
                proposal.object = original


def original_mention(label: str, weight: float) -> Mention:
    """The mention of an original that the text names only with its remake's title."""
    return Mention(-1, -1, label, -1, votes=Counter(Work=weight))
