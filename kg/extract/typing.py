"""Type evidence from a mention's context: "the series X", "actor X", "X (Work, Work)", gazetteer.

Each cue adds weighted votes to a mention; an entity's type is the winner over all its mentions,
so one article-wide decision outweighs the NER's guess on any one sentence.
"""
from __future__ import annotations

from spacy.tokens import Doc

from .gazetteer import Gazetteer
from .lexicon import (CASTING_VERBS, COMPANY_NOUNS, FICTION_RANKS, INDUSTRY_NOUNS, MOVIE_NOUNS, ORG_SUFFIXES,
                      PERSON_AFTER_WORK, PERSON_NOUNS, PLAY_VERBS, RELATIVES, ROLE_NOUNS, STORY_VERBS,
                      TV_NOUNS, WORK_NOUNS, WORK_PARTS, reports_news)
from .mentions import Mention

STRONG = 3
GAZETTEER = 10
#: Words that make "<word> Company" a company's name: "Film Company", "Motion Picture Company".
_TRADE_WORDS = {"film": "films", "picture": "pictures", "production": "productions", "television": "television",
                "broadcasting": "broadcasting", "entertainment": "entertainment", "media": "media"}
_TITLES = {"mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "miss"}
_COPULA = {"is", "was", "are", "were", "'s", "becomes", "became", "remains"}
_ARTICLES = {"a", "an", "the", "this", "that", "its", "their", "his", "her"}
_LIST_OPENERS = {"by", "with", "from", "and", "starring", "alongside", "including", "as"}
#: Words that follow a work's name: "X has been renewed", "X premieres".
_WORK_EVENTS = {"renewed", "premieres", "premiered", "debuts", "debuted", "airs", "aired", "streams",
                "cancelled", "canceled", "greenlit", "picked", "premiere", "debut"}
_NUMBERS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}


#: Words of a sentence about a cast: in one, "a rival, Felix Vane (Jo Doe)" names a character and actor.
#: Work nouns that, after "X is a" or "X, a", describe a work (a "pilot" may be a person's job).
DESCRIBING_WORK_NOUNS = WORK_NOUNS - {"pilot"}


def _a_year(word: str) -> bool:
    return len(word) == 4 and word.isdigit() and word[:2] in ("18", "19", "20")


#: Words after "X's" that make X a filmmaker: "X's debut", "X's directorial debut", "X's latest film".
_CAREER_WORDS = frozenset("debut directorial feature latest first second third new next previous last".split())
_CAST_WORDS = frozenset("stars star starring cast plays play playing as co-stars opposite".split()) | STORY_VERBS
#: Verbs whose subject is a person taking a role: "In the series, Jo Doe stars as ...".
_ROLE_VERBS = frozenset("stars star starred will joins returns leads reprises takes has is".split())
#: Nouns for a real person's place in a cast, before "X (W)": "series regular X (W)" names a credit.
_CAST_POSITIONS = frozenset("""regular regulars lead leads newcomer newcomers guest guests member members cast
winner winners nominee nominees favorite favourite""".split())
#: Participles of "<work> is <made> by": only a work is directed, written or produced by someone.
_MADE = frozenset("directed written produced created developed co-created co-written executive-produced helmed "
                  "penned scripted adapted animated".split())


def _played_by(after: list[str]) -> bool:
    """True if the words after a name say an actor plays it: "will be voiced by", ", played by"."""
    k = 0
    while k < len(after) and after[k] in (",", "will", "be", "is", "was", "to", "being", "been"):
        k += 1
    return k < len(after) - 1 and after[k] in PLAY_VERBS and after[k].endswith("ed") and after[k + 1] == "by"


def _made_by_or_starring(after: list[str], name_follows: bool, in_list: bool) -> bool:
    """True if the words after a name make it a work: "is produced by", "hails from", "stars <Name>",
    ", which premiered", ", starring" (not for a name in a list: "written by A, directed by B")."""
    words = after[:6]
    k = 0
    while k < len(words) and words[k] in ("is", "was", "will", "be", "has", "been", "being", "also", "executive", "co"):
        k += 1
    if 0 < k < len(words) - 1 and words[k] in _MADE and words[k + 1] == "by":
        return True
    if words[:2] in (["hails", "from"], ["comes", "from"]):
        return True
    if words[:1] in (["stars"], ["starred"], ["co-stars"]) and name_follows:
        return True  # "X stars Jo Doe" (a person stars in or as something)
    if words[:1] == [","] and len(words) > 2 and not in_list and (
            words[1] in ("starring", "co-starring", "featuring") or (words[1] in _MADE and words[2] == "by")):
        return True  # "X, starring Jo Doe, premieres", "X, directed by Jo Doe,"
    return words[:2] in ([",", "which"],) and len(words) > 2 and words[2] in _WORK_EVENTS


def _dependency_votes(doc: Doc, m: Mention) -> None:
    """Votes from the parse: "X, starring Y, is a 98-minute film", "X, a drama about ..."."""
    root = doc[m.start:m.end].root
    heads = []
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ == "be":
        heads = [c for c in root.head.children if c.dep_ == "attr"]
    # Apposition only where the words say so too: "X, a drama" (not "X in Y, a drama").
    heads += [c for c in root.children if c.dep_ == "appos" and m.end < len(doc) and doc[m.end].text == ","
              and c.left_edge.i == m.end + 1]
    if root.dep_ == "appos" and root.head.i < m.start and doc[m.start - 1].text == ",":
        heads.append(root.head)
    for head in heads:
        lemma = head.lemma_.lower()
        if lemma in DESCRIBING_WORK_NOUNS:
            m.votes["Work"] += STRONG
            m.votes["TVSeries" if lemma in TV_NOUNS else "Movie" if lemma in MOVIE_NOUNS else "_"] += 1
        elif lemma in PERSON_NOUNS or lemma in ROLE_NOUNS:
            m.votes["Person"] += STRONG
        elif lemma in COMPANY_NOUNS:
            m.votes["Organization"] += STRONG  # "X, the production company behind W", "X is a game developer"


def _names_outside_parentheses(lowers: list[str], mentions: list[Mention]) -> set[str]:
    """One-word mentions written outside parentheses: the surnames an article uses alone."""
    depth, depths = 0, []
    for word in lowers:
        depth += word == "("
        depths.append(depth)
        depth = max(0, depth - (word == ")"))
    return {m.text.lower() for m in mentions if " " not in m.text and not depths[m.start]}


def add_context_votes(doc: Doc, mentions: list[Mention], gazetteer: Gazetteer) -> dict[int, str]:
    """Add type votes from context to each mention; return the organization kind per mention index."""
    kinds: dict[int, str] = {}
    character_pairs: set[int] = set()  # closing ")" of "Character (Actor)" pairs read in prose
    by_start = {m.start: i for i, m in enumerate(mentions)}
    lowers = [tok.lower_ for tok in doc]  # read once: each mention looks at its neighbours
    alone = _names_outside_parentheses(lowers, mentions)
    for index, m in enumerate(mentions):
        org = gazetteer.lookup(m.text)
        if org:
            m.votes["Organization"] += GAZETTEER
            kinds[index] = org.kind
            continue
        words = m.text.lower().split()
        suffix = words[-1] if len(words) > 1 else ""
        if suffix == "company" and words[-2] in _TRADE_WORDS:
            suffix = _TRADE_WORDS[words[-2]]  # "Lakeview Film Company" (not "Jo & Company")
        if suffix in ORG_SUFFIXES:  # "Low Tide Films", "Kestrel Hill Productions"
            m.votes["Organization"] += GAZETTEER / 2
            kinds[index] = ORG_SUFFIXES[suffix]
            continue
        before = lowers[max(m.start - 3, 0):m.start]
        after = lowers[m.end:m.end + 8]
        prev = before[-1] if before else ""
        prev2 = before[-2] if len(before) > 1 else ""
        nxt = after[0] if after else ""
        # "the series X", "drama, X", "the 1956 film X"
        subject_of_role = prev == "," and (nxt in PLAY_VERBS or nxt in _ROLE_VERBS)  # "In the series, X stars as"
        verb_feature = prev == "feature" and prev2 in ("to", "will", "would", "also", "and", "not", "may", "could")
        if (prev in WORK_NOUNS and not verb_feature) or (  # ("to feature Jo Doe as C": a verb)
                prev in (",", ":") and prev2 in WORK_NOUNS and doc[m.start - 2].is_lower and not subject_of_role):
            m.votes["Work"] += STRONG
            m.votes["TVSeries" if (prev in TV_NOUNS or prev2 in TV_NOUNS) else
                    "Movie" if (prev in MOVIE_NOUNS or prev2 in MOVIE_NOUNS) else "_"] += 1
        # "season of X", "stars in X", "the cast of X", "trailer for X"
        if prev == "of" and len(before) > 2 and before[-3] in WORK_PARTS and (prev2.isdigit() or prev2 in _NUMBERS):
            prev2 = before[-3]  # "season two of X"
        if prev in ("of", "for", "in") and (prev2 in WORK_PARTS or prev2 in ("stars", "starred", "star",
                                                                                 "starring", "role", "roles")):
            ensemble = prev2 == "cast" and len(before) > 2 and before[-3] not in ("the", "its", "their", "his", "her")
            if not ensemble:  # "the ensemble cast of A, B": people, not the work
                m.votes["Work"] += STRONG
        # "X's second season", "X is a comedy", "X, a film ..."
        if nxt in ("'s", "’s") and len(after) > 1 and (after[1] in WORK_PARTS or
                                                       (len(after) > 2 and after[2] in WORK_PARTS)):
            m.votes["Work"] += STRONG
        # "X has been renewed", "X premieres on", "N's X", "X's Jane Doe"
        event = next((j for j, w in enumerate(after[:3]) if w in _WORK_EVENTS), None)
        if event is not None and ("," in after[:event] or "." in after[:event]):
            event = None  # "Saltmarsh, from creator Jo Quill, premieres on": the verb is not Quill's
        if event is not None and (m.ner != "PERSON" or after[event + 1:event + 2] in (["on"], ["for"], ["by"])):
            m.votes["Work"] += STRONG  # "X has been renewed", "X premieres on N" (people do not premiere on N)
        if prev in ("'s", "’s") and m.start >= 2 and gazetteer.lookup(doc[m.start - 2].text) \
                and m.ner != "PERSON":
            m.votes["Work"] += STRONG
        if prev in ("join", "joins", "joined", "joining", "boards", "boarded", "board") and nxt in (
                ".", ",", "as", "for", "'s", "’s", ";", "season", "after") and after[1:2] not in (["who"], ["whose"]):
            m.votes["Work"] += STRONG  # "the latest actor to join X." (not "join X in the cast")
        if after[:1] == ["("] and len(after) > 2 and after[2] == ")" and _a_year(after[1]):
            m.votes["Work"] += STRONG  # "Glass Fen (1992)": a work's year (a person's would be a span, "1947 – 2016")
        if nxt in ("'s", "’s") and after[1:2] and after[1] in _CAREER_WORDS and m.ner != "WORK_OF_ART":
            m.votes["Person"] += 2  # "Lindeborg's debut", "Jo Doe's latest film": a filmmaker
        k = 0
        while k < 3 and after[k:k + 1] and after[k] in ("has", "have", "had", "also", "just", "officially"):
            k += 1
        if after[k:k + 1] == ["("] and ")" in after[k:]:
            k = after.index(")", k) + 1  # "W (Netflix) adds Jo Doe"
        if k < len(after) and after[k] in CASTING_VERBS and m.end + k + 1 in by_start:
            m.votes["Work"] += 2  # "W has cast Jo Doe", "W adds Jo Doe" (a director may cast too: a weak vote)
        if nxt in ("banner", "shingle") or (nxt == "," and len(after) > 2 and (
                after[1] in ("a", "an", "the", "her", "his", "their") or after[2] in ("'s", "’s"))
                and any(w in COMPANY_NOUNS for w in after[2:6])):
            m.votes["Organization"] += STRONG  # "her Halfmoon Row banner", "Little Ferrous, her own company"
        if reports_news(nxt, after[1] if len(after) > 1 else ""):
            m.votes["Organization"] += STRONG  # "Variety has learned", "Deadline reports": an outlet
        if _made_by_or_starring(after, m.end + 1 in by_start, in_list=prev in _LIST_OPENERS | {","}):
            m.votes["Work"] += STRONG  # "X is produced by", "X hails from", "X stars Jo Doe", "X, which premiered"
        owned = mentions[by_start[m.end + 1]] if m.end + 1 in by_start else None
        if nxt in ("'s", "’s") and owned is not None and owned.ner == "PERSON" and owned.tokens > 1 \
                and m.ner != "PERSON" and owned.text.rsplit(" ", 1)[-1].lower() not in ORG_SUFFIXES:
            m.votes["Work"] += 2
        if nxt in _COPULA | {","} and len(after) > 1 and after[1] in _ARTICLES and prev not in _LIST_OPENERS:
            for word in after[2:7]:
                if word in DESCRIBING_WORK_NOUNS:
                    m.votes["Work"] += STRONG
                    m.votes["TVSeries" if word in TV_NOUNS else "Movie" if word in MOVIE_NOUNS else "_"] += 1
                    break
                if word in PERSON_NOUNS or word in ROLE_NOUNS:
                    m.votes["Person"] += STRONG
                    break
                if word in COMPANY_NOUNS:
                    m.votes["Organization"] += STRONG
                    break
                if word in (".", ",", ";", "and", "who", "that", "which"):
                    break
        _dependency_votes(doc, m)
        if m.handle:
            m.votes["Work" if doc[m.start - 1].text == "#" or doc[m.start].text.startswith("#") else "_"] += 1
        window = lowers[max(0, m.start - 9):m.start]
        if (prev == "," or prev in RELATIVES) and nxt != "as" and any(w in PLAY_VERBS or w == "as" for w in window) \
                and any(w.split("-")[0] in RELATIVES for w in window):
            m.votes["Character"] += STRONG  # "plays his sister-in-law, C", "as Agnes' brother, C"
        if _played_by(after):
            m.votes["Character"] += STRONG  # "C will be voiced by X", "C, played by X"
        if prev == "whose" and nxt in ("was", "is", "won", "premiered", "became", "earned", "screened"):
            m.votes["Work"] += STRONG  # "X, whose W was a festival favourite": her work
        # "actor X", "director X", "Dr. X", "X, who"
        if prev in PERSON_NOUNS or prev in ROLE_NOUNS or prev.rstrip(".") in _TITLES:
            m.votes["Person"] += STRONG
        if nxt in PLAY_VERBS or (nxt == "," and len(after) > 1 and after[1] == "who"
                                 and m.ner not in ("GPE", "LOC", "NORP", "ORG")):
            m.votes["Person"] += 2
        # "her character, X", "the role of X"
        if prev in ("character", "role") or (prev in (",", "of") and prev2 in ("character", "role")):
            m.votes["Character"] += STRONG
        # "plays X", "as X" after a cast verb
        if (prev in PLAY_VERBS or (prev == "as" and prev2 in ("cast", "stars", "star", "starring", "role",
                                                              "appears", "returns", "return", "plays"))) \
                and nxt not in ("'s", "’s"):  # ("as Farraday's wife": the role is the wife, not Farraday)
            m.votes["Character"] += STRONG
        # "X (A, B, C)": prior credits after a person; "Y (X)": a character and its actor
        if nxt == "(" and m.end + 1 < len(doc):
            inner = []
            k = m.end + 1
            biography = False  # "X (born March 28, 1973, Youngstown, Ohio)": places, not works
            while k < len(doc) and doc[k].text != ")" and k - m.end < 40:
                if k in by_start:
                    inner.append(mentions[by_start[k]])
                biography = biography or doc[k].lower_ in ("born", "née", "nee", "died", "b.", "d.")
                k += 1
            if biography:
                inner = []
            after_close = doc[k + 1].lower_ if k + 1 < len(doc) and doc[k].text == ")" else "."
            described = m.start >= 2 and doc[m.start - 1].text == "," and doc[m.start - 2].pos_ == "NOUN" \
                and doc[m.start - 2].is_lower and doc[m.start - 2].lower_ not in INDUSTRY_NOUNS \
                and any(t.lower_ in _CAST_WORDS for t in doc[m.start].sent
                        if t.i < m.start)  # "her former rival, Felix Vane (Jo Doe)", "follows a rancher, C (A)"
            told = m.start >= 1 and doc[m.start - 1].lower_ in STORY_VERBS  # "the clip finds C (A)"
            before = doc[m.start - 1] if m.start >= 1 else None  # "outlaw preacher C (A)": a job in the story
            job = before is not None and before.pos_ == "NOUN" and before.is_lower and before.lower_ not in \
                INDUSTRY_NOUNS | WORK_NOUNS | WORK_PARTS | PERSON_AFTER_WORK | _CAST_POSITIONS \
                and not doc[m.start].is_sent_start
            next_pair = m.start >= 2 and doc[m.start - 1].lower_ in ("and", ",") and (m.start - 2) in character_pairs
            ranked = m.text.split()[0] in FICTION_RANKS  # "Inspector Hollis (Jo Doe)"
            caption = described or told or next_pair or ranked or after_close == "in" or (
                after_close in ("and", ".", ":", "\n\n") and bool(doc[m.start].is_sent_start))
            # "June Vell (Noa Castellane) stands ... Castellane gives June": the actor named alone elsewhere
            named_alone = len(inner) == 1 and inner[0].ner != "WORK_OF_ART" and " " in inner[0].text \
                and inner[0].text.split()[-1].lower() in alone and not gazetteer.lookup(inner[0].text)
            job = job and len(inner) == 1 and inner[0].ner == "PERSON" and " " in inner[0].text
            in_prose = described or told or next_pair or ranked or named_alone or job  # (the NER may call the actor an ORG)
            caption = caption or named_alone or job
            looks_like_cast = len(inner) == 1 and inner[0].tokens > 1 and (
                inner[0].ner == "PERSON" or (caption and inner[0].ner not in ("WORK_OF_ART", "ORG"))
                or (in_prose and inner[0].ner != "WORK_OF_ART")) \
                and inner[0].text.split()[0] not in ("The", "A", "An")  # "Jo Doe (The Lantern Years)": a title
            if looks_like_cast and (m.tokens == 1 or caption):
                m.votes["Character"] += STRONG
                inner[0].votes["Person"] += 2
                if in_prose:
                    character_pairs.add(k)  # its ")": a pair after it ("and D (B)") is one too
            elif inner and (m.ner == "PERSON" or m.votes["Person"] >= STRONG) and m.tokens > 1:
                credits = [item for item in inner if not gazetteer.lookup(item.text)]
                for item in credits:
                    item.votes["Work"] += STRONG
                if credits:  # ("W (Netflix)" names the work's network, not a person's credits)
                    m.votes["Person"] += 1
    return kinds
