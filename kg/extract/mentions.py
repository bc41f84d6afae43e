"""Candidate mentions of entities in a spaCy Doc: NER spans, capitalised names, titles, handles.

The statistical NER proposes spans and a weak type; capitalisation and quotes add the titles
it misses. Types are decided later from context (see `typing`).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from .lexicon import NAME_CONNECTORS, ORG_SUFFIXES, PERSON_NOUNS, ROLE_NOUNS, WORK_NOUNS, WORK_PARTS

#: Titles that belong to the name after them: "Dr. Ellen Hask", "Father Aurelio Pike".
HONORIFICS = {"Dr.", "Dr", "Mr.", "Mr", "Mrs.", "Mrs", "Ms.", "Ms", "Father", "Sister", "Brother", "Lieutenant",
              "Detective", "Captain", "Professor", "Prof.", "Sir", "Dame", "Lord", "Lady", "Agent", "Officer",
              "Sergeant", "Sgt.", "Judge", "Aunt", "Uncle", "Queen", "King", "Prince", "Princess", "Count",
              "Inspector", "Sheriff", "Deputy", "Justice", "Major", "Maj.", "Colonel", "Col.", "General", "Gen.",
              "Lt.", "Capt.", "Commander", "Admiral", "Private", "Corporal", "Marshal", "Constable", "Nurse",
              "Coach", "Mayor", "Senator", "Governor", "President", "Reverend", "Rev.", "Pastor", "Chief",
              "Superintendent", "DI", "DCI", "DS", "Mother", "Auntie", "Grandma", "Grandpa", "Miss", "Madame",
              "Mme.", "Lord", "Baron", "Baroness", "Duke", "Duchess", "Earl", "Countess", "Emperor", "Empress"}
#: Titles written short with a stop, after which spaCy may wrongly end a sentence.
ABBREVIATED_TITLES = {"Dr", "Mr", "Mrs", "Ms", "Maj", "Col", "Gen", "Lt", "Capt", "Sgt", "Rev", "Prof", "St",
                      "Mme", "Jr", "Sr", "Insp", "Det", "Supt", "Cmdr", "Adm", "Gov", "Sen", "Rep"}

#: Month and weekday names, whole and short: in a date they are not names.
CALENDAR_WORDS = frozenset("""january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday
mon tue tues wed thu thurs fri sat sun""".split())
#: Verbs that follow a title at a sentence start.
TITLE_VERBS = {"premieres", "premiered", "returns", "debuts", "debuted", "airs", "streams", "centers", "centres"}

#: Capitalised common nouns at a sentence start are not names: "Cinematographer is ...".
COMMON_NOUNS = PERSON_NOUNS | set(ROLE_NOUNS) | WORK_NOUNS | WORK_PARTS

NER_VOTES = {"PERSON": "Person", "ORG": "Organization", "WORK_OF_ART": "Work", "PRODUCT": "Work"}
NER_OTHER = {"GPE", "LOC", "NORP", "FAC", "EVENT", "LANGUAGE", "LAW", "DATE", "TIME", "PERCENT",
             "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
_OPEN_QUOTES = {'"', "“", "‘", "'"}
_CLOSE_QUOTES = {'"', "”", "’", "'"}
_HANDLE = re.compile(r"^[#@]\w")


@dataclass
class Mention:
    """A span that may name an entity, with the evidence gathered for its type."""

    start: int  # token offsets in the Doc
    end: int
    text: str  # surface text without a leading '#'/'@' or a trailing "'s"
    sent: int  # index of its sentence
    ner: str | None = None
    handle: bool = False  # written as #tag or @handle
    quoted_title: bool = False  # a short title in quotes
    defining: bool = False  # the subject of a sentence that defines it: "<Title> is a 2012 film"
    votes: Counter = field(default_factory=Counter)
    entity: int | None = None  # index of the entity it resolves to

    @property
    def tokens(self) -> int:
        return self.end - self.start


def _is_capitalised(token) -> bool:
    text = token.text.lstrip("#@")
    return bool(text) and (text[0].isupper() or (text[0].isdigit() and token.pos_ == "PROPN"))


_TITLE_SMALL_WORDS = NAME_CONNECTORS | {"is", "be", "in", "on", "for", "with", "and", "at", "from",
                                        "by", "'s", "’s", "or", "nor", "but", "as", "into"}


def _looks_like_title(span: Span) -> bool:
    """A quoted span written like a title: every word capitalised but small function words."""
    words = [t for t in span if not t.is_punct]
    if len(words) > 10 or span[-1].text in ",.!?" or any(t.text in "#@" for t in span):
        return False
    return bool(words) and _is_capitalised(words[0]) and all(
        _is_capitalised(t) or t.text.lower() in _TITLE_SMALL_WORDS for t in words)


def _chunk_starts_ok(span: Span) -> bool:
    """Rejects chunks that are only a capitalised common word, e.g. at a sentence start."""
    content = [t for t in span if t.text.lower() not in NAME_CONNECTORS]
    if not content:
        return False
    if len(content) == 1:
        tok = content[0]
        if tok.is_stop or tok.pos_ not in ("PROPN", "NOUN", "X", "ADJ") or tok.text.isupper() and len(tok) > 5:
            return tok.pos_ == "PROPN" and not tok.is_stop
        if tok.is_sent_start and tok.pos_ != "PROPN":
            return False
    return True


def name_like_tokens(doc: Doc) -> list[bool]:
    """For each token of a Doc, whether it may be a word of a name: capitalised, not punctuation."""
    return [_is_capitalised(tok) and not tok.is_punct for tok in doc]


#: Words that join a title's words after a work noun ("the 1979 film Flight from Carrowmore"), with
#: the NER labels of a next word that ends the title instead ("the series Lost on ABC").
_TITLE_CONNECTORS = {"from": (), "on": (), "to": (), "for": (), "with": ("PERSON",),
                     "in": ("GPE", "LOC"), "at": ("GPE", "LOC", "FAC")}
_ALL_CONNECTORS = NAME_CONNECTORS.union(_TITLE_CONNECTORS)


def _run_end(name_like: list[bool], k: int, end: int) -> int:
    """Where the run of capitalised words from k stops (k itself if none)."""
    while k < end and name_like[k]:
        k += 1
    return k


def capitalised_chunks(sent: Span, breaks: set[int], name_like: list[bool] | None = None,
                       titles_at: set[int] = frozenset(),
                       known_org: Callable[[str], bool] | None = None) -> list[tuple[int, int]]:
    """Runs of capitalised tokens (with connectors like 'of the' inside) in a sentence.

    `name_like` is `name_like_tokens(sent.doc)`, if the caller has it already. A run that starts
    at one of `titles_at` (right after a work noun) is a title, and takes more connectors, up to
    a name that `known_org` knows ("the series Lost on ABC").
    """
    chunks: list[tuple[int, int]] = []
    i, end = sent.start, sent.end
    doc = sent.doc
    if name_like is None:
        name_like = name_like_tokens(doc)
    while i < end:
        if not name_like[i]:
            i += 1
            continue
        j = i + 1
        while j < end:
            nxt = doc[j]
            if j in breaks:
                at = j if nxt.text in _ALL_CONNECTORS else j - 1 if doc[j - 1].text in _ALL_CONNECTORS else None
                title_end = _title_end(doc, i, at, end, name_like) if at is not None else None
                if title_end:
                    j = title_end  # "Paper Lanterns [for Magda] (2015)", "(The Lamp Keepers [of Oslo])"
                break
            if name_like[j] and doc[j - 1].text in ("'s", "’s") and doc[j - 1].tag_ == "POS" \
                    and not _possessive_title(doc, i, j, known_org):
                break  # "Netflix's Saltmarsh": two names
            if name_like[j]:
                j += 1
                continue
            if nxt.text in ("-", "&") and j + 1 < end and _is_capitalised(doc[j + 1]):
                j += 2
                continue
            if nxt.text == "-" and j + 1 < end and _romanised_syllable(doc, j + 1):
                j += 2  # "Min-jae", "Ha-neul": a given name's second syllable
                continue
            if nxt.text == "." and doc[j - 1].text in ABBREVIATED_TITLES and j + 1 < end \
                    and _is_capitalised(doc[j + 1]) and (j + 1) not in breaks:
                j += 2  # "Maj. Hedda Calder": a title written short, then the name
                continue
            if nxt.text in ("'s", "’s") and j + 1 < end and _is_capitalised(doc[j + 1]) and (
                    nxt.tag_ != "POS" or _possessive_title(doc, i, j + 2, known_org)):
                j += 1  # "It's Never Too Late", "The Widow's Almanac": inside a title, not two names
                continue
            low = nxt.text
            if low == "on" and j + 2 < end and doc[j + 1].text in ("a", "an") and _is_capitalised(doc[j + 2]):
                j += 2  # "Death on a ..." ("Title on the Network" stays two names)
                continue
            if low in _TITLE_CONNECTORS:
                k = j + 1 + (j + 2 < end and doc[j + 1].text in ("the", "a", "an"))
                stop = _run_end(name_like, k, end)
                whole = (i not in titles_at and stop < len(doc) and doc[stop].text == ")") or (  # "(Quiet Hours in Varna)"
                    stop + 2 < len(doc) and doc[stop].text == "(" and _is_year(doc[stop + 1].text)
                    and doc[stop + 2].text == ")")  # "Paper Lanterns for Magda (2015)"
                if k < end and name_like[k] and k not in breaks and (whole or (
                        (i in titles_at or (i > 0 and doc[i - 1].text == "("))
                        and doc[k].ent_type_ not in _TITLE_CONNECTORS[low] and doc[k].ent_type_ not in ("DATE", "TIME")
                        and not _org_at(doc, k, end, name_like, known_org))):
                    j = k  # "the 1984 horror film A Night on Wren Street"
                    continue
            if low in NAME_CONNECTORS or low == "and":
                k = j
                while k < end and doc[k].text in NAME_CONNECTORS | {"and"}:
                    k += 1
                ok = k < end and name_like[k] and k - j <= 2
                if ok and low == "and" and k == j + 1:
                    ok = False  # "A and B" is two names; "Salt and Cinder" is one
                if ok and low == "and" and doc[k].text in ("The", "A", "An"):
                    ok = False
                if ok:
                    j = k
                    continue
            break
        while j > i + 1 and doc[j - 1].text in NAME_CONNECTORS | {"and"}:
            j -= 1
        if j < end and j not in breaks and _is_sequel_number(doc, j, end):
            j += 1  # "Glassjaw 2", "Harbour Row 3"
        chunks.append((i, j))
        i = j
    return chunks


def _possessive_title(doc: Doc, i: int, j: int, known_org: Callable[[str], bool] | None) -> bool:
    """True if the run from i with a possessive before j is one title: "The Widow's Almanac",
    "(Stonecutter's Daughter)" as a prior credit (but "Netflix's Saltmarsh", "The CW's W" are two)."""
    owner = doc[i:j - 1]
    if known_org is not None and (known_org(owner.text) or known_org(doc[i + 1:j - 1].text)):
        return False
    return doc[i].text in ("The", "A", "An") or (i > 0 and doc[i - 1].text == "(" and owner.root.ent_type_ != "PERSON")


def _person_of_company(doc: Doc, start: int, end: int, text: str,
                       known_org: Callable[[str], bool] | None) -> int | None:
    """The "of" that joins a person's name to a company's in one run ("Noor Haddad of Halfmoon
    Row"), where the company is known or named apart elsewhere in the text; None otherwise."""
    if end - start < 4 or doc[start].text in ("The", "A", "An"):
        return None
    cut = next((k for k in range(start + 2, min(end - 1, start + 4)) if doc[k].text == "of"), None)
    if cut is None or not all(tok.is_title for tok in doc[start:cut]):
        return None
    company = doc[cut + 1:end].text
    known = (known_org is not None and known_org(company)) or doc[end - 1].lower_ in ORG_SUFFIXES
    return cut if known or re.search(re.escape(company) + r"\s+(?:banner|shingle)\b", text) else None


def _title_end(doc: Doc, i: int, j: int, end: int, name_like: list[bool]) -> int | None:
    """Where a title from i that a connector at j continues ends, if it fills a parenthesis or a
    year in parentheses follows it: "Paper Lanterns | for Magda (2015)", "(The Lamp Keepers | of Oslo)"."""
    k = j + 1 + (j + 2 < end and doc[j + 1].text in ("the", "a", "an"))
    stop = _run_end(name_like, k, end)
    if stop == k or stop >= len(doc):
        return None
    dated = stop + 2 < len(doc) and doc[stop].text == "(" and _is_year(doc[stop + 1].text) \
        and doc[stop + 2].text == ")"
    filled = i > 0 and doc[i - 1].text == "(" and doc[stop].text == ")"
    return stop if dated or filled else None


def _is_year(text: str) -> bool:
    return len(text) == 4 and text.isdigit() and text[:2] in ("18", "19", "20")


def _org_at(doc: Doc, k: int, end: int, name_like: list[bool], known_org: Callable[[str], bool] | None) -> bool:
    """True if the capitalised words from k on name an organization the NER or `known_org` knows."""
    if doc[k].ent_type_ == "ORG" and known_org is None:
        return True
    return known_org is not None and any(known_org(doc[k:e].text) for e in range(_run_end(name_like, k, end), k, -1))


#: Awards whose name before "winner" or "-nominated" describes a person ("Emmy winner Jo Doe").
_AWARDS = frozenset("emmy emmys oscar oscars tony bafta grammy golden globe globes sag cesar peabody".split())


def _award_modifier(doc: Doc, start: int, end: int) -> bool:
    """True if the name is an award used as a modifier: "Emmy winner", "Oscar-nominated", "Golden Globe nominee"."""
    after = doc[end].lower_ if end < len(doc) else ""
    return all(tok.lower_ in _AWARDS for tok in doc[start:end]) and after in (
        "winner", "winners", "nominee", "nominees", "-", "winning", "nominated", "darling", "favorite")


def _romanised_syllable(doc: Doc, j: int) -> bool:
    """True if token j, after a hyphen, is the lower-case second half of a romanised given name
    ("Min-jae", "Ha-neul"), not an English word ("Netflix-backed", "BBC-led")."""
    tok, hyphen = doc[j], doc[j - 1]
    return tok.is_lower and tok.is_alpha and 2 <= len(tok.text) <= 4 and not hyphen.whitespace_ \
        and not doc[j - 2].whitespace_ and doc[j - 2].is_title and len(doc[j - 2].text) <= 4 \
        and not tok.text.endswith(("ed", "ing")) and tok.pos_ not in ("VERB", "ADP", "DET")


def _is_sequel_number(doc: Doc, j: int, end: int) -> bool:
    """True if token j is a short number that ends a title: "Part 2," (not "2024" or "2 seasons")."""
    tok = doc[j]
    return tok.is_digit and len(tok.text) <= 2 and doc[j - 1].whitespace_ != "" and (
        j + 1 >= end or doc[j + 1].text in (",", ".", "(", ")", ";", ":", "and", "or", "is", "was", "in"))


def _title_word_before(doc: Doc, start: int) -> bool:
    """True if the one capitalised word before a NER name is a title's first word, not another
    name: "Natural [Wild Orchards]" (but "Netflix [Jane Doe]", "CEO [Jane Doe]" are two names)."""
    if start < 1:
        return False
    prev = doc[start - 1]
    return prev.is_title and not prev.ent_type_ and prev.lower_ not in COMMON_NOUNS \
        and (not prev.is_sent_start or prev.pos_ == "PROPN") and (start < 2 or not doc[start - 2].is_title) \
        and prev.pos_ in ("ADJ", "PROPN", "NOUN")  # ("Annika [Solberg-Mwangi]" at a sentence start: one name)


_CREDIT_PREFIXES = (("courtesy", "of"), ("photo", "by"), ("photograph", "by"), ("photo", ":"))
#: Lower-case words a name does not end with: "of", "for", "the".
_TRAILING_WORDS = frozenset("of for from on in at to with and the a an by".split())


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drops punctuation, possessives and credit prefixes ("Courtesy of") around a name."""
    while start < end and (doc[start].is_punct or doc[start].is_space or (
            end - start >= 2 and (doc[start].lower_ in ("this", "that", "these", "those") or doc[start].text == "the"))):
        start += 1  # ("This 20th Century Fox feature", "the BBC": the name after the determiner)
    while end - start >= 2 and doc[start].is_title and (doc[start].lower_ in COMMON_NOUNS - {"star", "stars"}
                                                         or doc[start].tag_ in ("VBG", "VBN", "VBD")):
        start += 1  # "Showrunner Jane Doe", "Starring Jane Doe": the word before is not the name
    if end - start >= 3 and doc[start].is_sent_start and doc[start].lower_ in ("in", "on", "at", "for", "after") \
            and end < len(doc) and doc[end].text == ",":
        start += 1  # "In Static Bloom, created by X, ...": a preposition that opens the sentence
    if end - start >= 2 and (doc[start].lower_, doc[start + 1].lower_) in _CREDIT_PREFIXES:
        start += 2
    elif end - start == 1 and doc[start].lower_ in ("courtesy", "photo", "credit"):
        start = end
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space
                           or doc[end - 1].text in ("'s", "’s", "'", "’")
                           or (end - start > 1 and doc[end - 1].text in _TRAILING_WORDS)):
        end -= 1  # ("Ironwood Lane for" as the NER reads "... for FX")
    return start, end


def _surface(doc: Doc, start: int, end: int) -> str:
    text = doc[start:end].text
    return re.sub(r"\s+", " ", text).lstrip("#@").strip()


#: Nouns that make "X is a ... <noun>" define X as a work.
DEFINING_WORK_NOUNS = WORK_NOUNS | {"episode", "telefilm", "anime", "opera", "album", "play", "novel", "game"}


def _defining_be(sent: Span):
    """The "is" of "<Title> is a 2012 film", also where the parser hangs it below a title with a
    colon ("Crisis: Behind the Door is a 1963 film"); None if the sentence does not open so."""
    root = sent.root
    if root.lemma_ == "be":
        return root if root.i - sent.start <= 20 else None
    for tok in sent[:20]:
        if tok.lemma_ == "be":
            return tok if tok.dep_ == "acl" and tok.head == root and root.i < tok.i else None
        if tok.pos_ in ("VERB", "AUX") or tok.lower_ in ("who", "which", "that"):
            return None
    return None


def defining_titles(sentences: list[Span]) -> list[Span]:
    """Subjects of defining sentences about a work: "<Title> (1969) is an American drama film"."""
    titles = []
    for sent in sentences:
        root = _defining_be(sent)
        if root is None:
            continue
        attrs = [c for c in root.children if c.dep_ == "attr" and c.i > root.i]
        if not attrs or attrs[0].lower_ not in DEFINING_WORK_NOUNS:
            continue
        if not any(c.dep_ in ("det",) and c.lower_ in ("a", "an", "the") for c in attrs[0].children):
            continue
        end = root.i
        if sent.doc[end - 1].text == ")":  # "Title (Original Title; 1969) is ..."
            depth = 0
            for k in range(end - 1, sent.start - 1, -1):
                depth += (sent.doc[k].text == ")") - (sent.doc[k].text == "(")
                if depth == 0:
                    end = k
                    break
        start = sent.start
        if sent[0].tag_ in ("VBN", "VBG") and sent[0].dep_ not in ("compound", "amod", "nsubj"):
            # "Directed by A, Title was a film": the title comes after the comma
            commas = [k for k in range(start, end) if sent.doc[k].text == ","]
            start = commas[-1] + 1 if commas else end
        for k in range(start, end - 1):  # "Title, starring A, is a film": the title before the clause
            if sent.doc[k].text == "," and (sent.doc[k + 1].tag_ in ("VBN", "VBG") or sent.doc[k + 1].lower_ in (
                    "which", "who", "based", "starring", "written", "directed", "also", "aka", "known", "or")):
                end = k
                break
        while start < end and sent.doc[start].is_punct:
            start += 1
        while end > start and sent.doc[end - 1].is_punct and sent.doc[end - 1].text not in ("?", "!"):
            end -= 1
        span = sent.doc[start:end]
        if _may_be_title(span):
            titles.append(span)
    return titles


def _may_be_title(span: Span) -> bool:
    """A defining sentence's subject that can be a title: capitalised, short, not "It" or "The film"."""
    if not 0 < len(span) <= 15 or not _is_capitalised(span[0]):
        return False
    first, last = span[0].lower_, span[-1].lower_
    if len(span) == 1 and first in ("it", "this", "that", "he", "she", "they"):
        return False
    return not (first in ("the", "this") and last in DEFINING_WORK_NOUNS | WORK_PARTS)


def _title_spans(doc: Doc, titles: Iterable[str]) -> Iterator[Span]:
    """Every place the text writes one of the given titles, as whole tokens."""
    text = doc.text if titles else ""  # (spaCy joins the text anew at every read)
    for title in titles:  # plain search: a regex per title would be compiled for every article
        start = text.find(title) if title else -1
        while start >= 0:
            end = start + len(title)
            if (start == 0 or not _word_char(text[start - 1])) and (end == len(text) or not _word_char(text[end])):
                span = doc.char_span(start, end)
                if span is not None:
                    yield span
            start = text.find(title, start + 1)


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def find_mentions(doc: Doc, sentences: list[Span], boundaries: set[int],
                  split_prefix: Callable[[Span], int] | None = None, titles: Iterable[str] = (),
                  known_org: Callable[[str], bool] | None = None) -> list[Mention]:
    """All candidate mentions of a Doc, sorted and non-overlapping (longest wins).

    `split_prefix(span)` may return a token count at which a span is two names run together
    (a known organization before a person: "HBO Jane Doe"). `titles` are names known to be
    whole titles (quoted in the headline): where the text writes one, it is one mention.
    `known_org(text)` says if a name is a known organization, where a title may end.
    """
    ner_spans = {}
    ents = list(doc.ents)  # (each read of doc.ents builds its spans anew)
    for ent in ents:
        if ent.label_ in NER_OTHER and ent.label_ not in ("NORP", "FAC", "EVENT", "GPE", "LOC"):
            continue
        # Split NER spans at commas, parentheses and quotes: they join list items.
        pieces, begin = [], ent.start
        for tok in ent:
            if tok.text in (",", "(", ")", ";", '"', "“", "”") or (
                    tok.tag_ == "POS" and not _possessive_title(doc, begin, tok.i + 1, known_org)) or (
                    tok.text == "and" and ent.label_ != "WORK_OF_ART"):
                pieces.append((begin, tok.i))
                begin = tok.i + 1
        pieces.append((begin, ent.end))
        for start, end in pieces:
            start, end = _trim(doc, start, end)
            if end > start:
                ner_spans[(start, end)] = ent.label_
    # Multi-token PERSON/ORG/GPE entities split capitalised runs ("Studio Name Jane Doe").
    breaks = set(boundaries)
    for (start, end), label in ner_spans.items():
        if label in ("PERSON", "ORG", "GPE") and end - start > 1:
            breaks.add(end)
            before = doc[start - 1].text if start else ""
            if before == "." and start > 1:
                before = doc[start - 2].text + "."  # "Maj" "." before the name
            if before not in HONORIFICS and not _title_word_before(doc, start):
                breaks.add(start)
    # Words seen inside longer names may stand alone, even where a tagger calls them common nouns.
    name_words = {tok.text for (start, end) in ner_spans for tok in doc[start:end]
                  if end - start > 1 and not tok.is_stop and tok.lower_ not in NAME_CONNECTORS}
    # ... and so may a word that a title's verbs follow at a sentence start ("Tidewater premieres on").
    name_words.update(sent[0].text for sent in sentences if len(sent) > 1
                      and sent[1].lower_ in TITLE_VERBS and _is_capitalised(sent[0]) and not sent[0].is_stop)
    candidates: dict[tuple[int, int], str | None] = {}
    name_like, after_work_noun = [], []
    ordinals = []
    for tok in doc:  # one pass: building a Token is the cost
        name_like.append(_is_capitalised(tok) and not tok.is_punct)
        if tok.lower_ in WORK_NOUNS:
            after_work_noun.append(tok.i + 1)
        elif tok.text[:1].isdigit() and tok.lower_.endswith(("st", "nd", "rd", "th")):
            ordinals.append(tok.i)
    for k in ordinals:  # "20th Century Fox": an ordinal that begins a name
        if k + 1 < len(doc) and name_like[k + 1]:
            name_like[k] = True
    titles_at = set(after_work_noun)
    # ... and so may a word right after a work noun: "the NBC legal drama Courtside", "the film Saltgrass".
    name_words.update(doc[k].text for k in after_work_noun
                      if k < len(doc) and name_like[k] and not doc[k].is_stop and doc[k].is_alpha)
    for ent in ents:
        if ent.label_ in ("DATE", "TIME"):  # "in April", "on Monday": never a name ("The Quiet Year" may be)
            for k in range(ent.start, ent.end):
                if doc[k].lower_.rstrip(".") in CALENDAR_WORDS:
                    name_like[k] = False
    for sent in sentences:
        for start, end in capitalised_chunks(sent, breaks, name_like, titles_at, known_org):
            start, end = _trim(doc, start, end)
            if end > start and (_chunk_starts_ok(doc[start:end]) or (end - start == 1 and doc[start].text in name_words)):
                candidates[(start, end)] = None
    # Titles the headline quotes, wherever the body writes them: "Canvas and Bone" is one name.
    for span in _title_spans(doc, titles):
        candidates[(span.start, span.end)] = "QUOTE"
    # Short quoted titles: ‘Death in June’, "A Title Here".
    for sent in sentences:
        toks = list(sent)
        for a, tok in enumerate(toks):
            if tok.text not in _OPEN_QUOTES:
                continue
            for b in range(a + 1, min(a + 12, len(toks))):
                if toks[b].text in _CLOSE_QUOTES:
                    inner = doc[toks[a].i + 1:toks[b].i]
                    if len(inner) and _looks_like_title(inner):
                        candidates[(inner.start, inner.end)] = "QUOTE"
                    break
    # "Who Sleeps, Who Wakes? is a 1969 American film": the subject is one whole title.
    for span in defining_titles(sentences):
        candidates[(span.start, span.end)] = "TITLE"
    for key, label in ner_spans.items():
        candidates.setdefault(key, label)
        start, end = key
        if label == "PERSON" and start > 1 and doc[start - 2].text in (",", "and") and _title_word_before(doc, start):
            candidates.setdefault((start - 1, end), label)  # "A, Oh Min-jae and B": a surname the NER left out
    if split_prefix is not None:
        for (start, end), label in list(candidates.items()):
            if end - start < 2:
                continue  # one word is not two names
            cut = split_prefix(doc[start:end])
            if cut:
                del candidates[(start, end)]
                candidates[(start, start + cut)] = label if label == "ORG" else None
                candidates[(start + cut, end)] = "PERSON" if label == "PERSON" else None
                ner_spans.pop((start, end), None)
    # "Noor Haddad of Halfmoon Row": a person of a company the article names on its own too;
    # "Ironwood Lane for FX": a title, then the network it is made for.
    text = doc.text
    for (start, end), label in list(candidates.items()):
        cut = _person_of_company(doc, start, end, text, known_org)
        head = "PERSON"
        if not cut and known_org is not None:
            cut = next((k for k in range(start + 1, end - 1) if doc[k].text in _TITLE_CONNECTORS
                        and known_org(doc[k + 1:end].text)), None)
            head = None
        if cut:
            del candidates[(start, end)]
            candidates[(start, cut)] = head
            candidates[(cut + 1, end)] = "ORG"
    # Keep the longest of overlapping candidates; a NER label inside a chunk stays as evidence.
    ordered = sorted(candidates, key=lambda se: (-(se[1] - se[0]), se[0]))
    taken = [False] * len(doc)
    chosen: list[tuple[int, int]] = []
    for start, end in ordered:
        if any(taken[start:end]):
            continue
        for k in range(start, end):
            taken[k] = True
        chosen.append((start, end))
    sent_of = {}
    for index, sent in enumerate(sentences):
        for k in range(sent.start, sent.end):
            sent_of[k] = index
    mentions = []
    for start, end in sorted(chosen):
        label = candidates[(start, end)]
        ner = label if label not in (None, "QUOTE") else None
        if ner is None:
            ner = ner_spans.get((start, end))
        text = _surface(doc, start, end)
        if not text or not any(c.isalpha() for c in text) or (end - start == 1 and text.lower() in COMMON_NOUNS) \
                or _award_modifier(doc, start, end):
            continue
        mention = Mention(start, end, text, sent_of.get(start, 0), ner=ner,
                          handle=bool(_HANDLE.match(doc[start].text)) or (start > 0 and doc[start - 1].text in "#@"),
                          quoted_title=label in ("QUOTE", "TITLE"), defining=label == "TITLE")
        if mention.quoted_title:
            mention.votes["Work"] += 2
        mentions.append(mention)
    return mentions
