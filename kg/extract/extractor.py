"""Doc -> entities and facts of one article: mentions, their types, their clusters, the patterns."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..model import ENTITY_TYPES, PREDICATES, Article, ArticleExtraction, Entity, Fact, Provenance
from ..resolve import UnionFind, fold_name, name_key, preferred_label, short_form_target
from ..textnorm import fold
from .context import credit_token_spans, speech_spans
from .gazetteer import Gazetteer, load_gazetteer
from .headline import Name, headline_proposals
from .lexicon import (CHARACTER_RANKS, ORGANIZATION_REFERENCES, PERSON_AFTER_WORK, PERSON_NOUNS, PERSON_REFERENCES,
                      POSSESSIVES, PRIOR_CUES_BY_FIRST_WORD, PRONOUNS_PERSON, PRONOUNS_WORK, ROLE_NOUNS)
from .mentions import ABBREVIATED_TITLES, HONORIFICS, Mention, find_mentions
from .patterns import PATTERNS
from .remake import original_mention, split_original
from . import verb_objects  # noqa: F401  (registers the verb-objects pattern)
from .sentence import Item, Proposal, SentenceView
from .typing import GAZETTEER as GAZETTEER_WEIGHT
from .typing import add_context_votes

#: How much the NER's label counts for a whole entity (cues count per mention).
NER_WEIGHT = {"PERSON": ("Person", 2.0), "ORG": ("Organization", 2.0), "WORK_OF_ART": ("Work", 2.0),
              "PRODUCT": ("Work", 1.0), "GPE": ("Other", 2.0), "NORP": ("Other", 1.0), "LOC": ("Other", 2.0),
              "FAC": ("Other", 1.0), "EVENT": ("Other", 2.0)}
#: A relation pattern's vote for the types its predicate needs, times its confidence.
COERCE_WEIGHT = 4.0
#: A name quoted in the headline is a title.
HEADLINE_WEIGHT = 3.0
_HEADLINE_QUOTE = re.compile(r"(?:^|\s)['‘]((?:[^'’]|['’](?=\w))+)['’](?=[\s:,.!?]|$)|[\"“]([^\"”]+)[\"”]")
#: On equal votes the more specific type wins: a role cue ("stars as X") over the NER's PERSON.
TIE_ORDER = {"Other": 0, "Organization": 1, "Person": 2, "Work": 3, "Character": 4}


def _ends_in_abbreviation(sent: Span) -> bool:
    """True if a sentence was cut after a title or an initial: "as Dr." | "Jane Doe", "Robert E." """
    last = sent[-1]
    if "\n" in last.text_with_ws or not last.text.endswith("."):
        return False
    word = last.text if last.text != "." or len(sent) < 2 else sent[-2].text + "."
    return word in HONORIFICS or word.rstrip(".") in ABBREVIATED_TITLES or (
        len(word) == 2 and word[0].isupper())


def _names_a_person(tokens: TokenTable, m: Mention) -> bool:
    """True if a work's mention only says who a person is: "Ironbark Station star Jo Doe", "W's Jo Doe"."""
    k = m.end
    if k < len(tokens.lower) and tokens.lower[k] in POSSESSIVES:
        k += 1
    if k < len(tokens.lower) and tokens.lower[k] in PERSON_AFTER_WORK and tokens.dep[k] not in _VERB_DEPS:
        k += 1  # (not "W stars Jo Doe": a verb)
    return m.end < k < len(tokens.text) and tokens.text[k][:1].isupper()


#: Dependencies of a word the parser reads as a clause's verb.
_VERB_DEPS = frozenset("ROOT relcl ccomp advcl conj acl xcomp".split())


def _defines_a_person(sent: Span, clusters: list[Cluster], tokens: TokenTable) -> bool:
    """True if an article's first sentence says who a person is: "X (born 1966) is an American actor"."""
    root = sent.root
    if root.lemma_ != "be":
        return False
    subjects = [c for c in root.children if c.dep_ == "nsubj"]
    attrs = [c for c in root.children if c.dep_ == "attr"]
    if not subjects or not attrs or attrs[0].lower_ not in PERSON_NOUNS | set(ROLE_NOUNS) | _PROFESSIONS:
        return False
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in attrs[0].children):
        return False  # "X is the latest actor to join W": news about W
    person = {m.start: c.type()[0] for c in clusters for m in c.mentions}
    subject = subjects[0]
    return any(person.get(t.i) == "Person" for t in subject.subtree)


#: Roles on a work that make it the one a profile is talking about for now.
_WORK_ROLES = frozenset("cast_member director writer producer creator".split())
#: Nouns that say what a person does, in a profile's first sentence.
_PROFESSIONS = frozenset("""filmmaker screenwriter playwright composer personality presenter broadcaster
journalist author novelist dancer wrestler artist entertainer voice""".split())


def _after_prior_cue(tokens: TokenTable, m: Mention) -> bool:
    """True if a work's mention follows "known for", "a veteran of", "her turn in": a prior credit."""
    before = tokens.lower[max(0, m.start - 6):m.start]
    return any(tuple(before[k:k + len(cue)]) == cue
               for k, word in enumerate(before) for cue in PRIOR_CUES_BY_FIRST_WORD.get(word, ()))


def character_name(label: str) -> str:
    """A character's name without the ranks before it ("Detective Ruth Ash" is "Ruth Ash"), where a
    first and last name remain ("Captain Grist" and "Inspector Hollis" keep theirs)."""
    words = label.split()
    k = 0
    while k < len(words) and words[k].lower() in CHARACTER_RANKS:
        k += 1
    return " ".join(words[k:]) if k and len(words) - k >= 2 else label


def _agent_of_named_work(by: Token) -> bool:
    """True if "by" introduces the agent of a main clause about a named work ("W was created by X"),
    not about someone's ("Her first film was directed by X": "her" is still the one before)."""
    verb = by.head
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    return verb.dep_ == "ROOT" and bool(subjects) and subjects[0].pos_ == "PROPN" and not any(
        t.lower_ in ("her", "his", "their", "its") for t in subjects[0].subtree)


def _headline_credit(title: str, label: str) -> bool:
    """True if the headline names the work only to say who someone is: "'W' Star Jo Doe to Lead ..."."""
    pattern = rf"{re.escape(label)}['’\"”]*\s*(?:['’]s\s+)?(?:{'|'.join(sorted(PERSON_AFTER_WORK))})\b"
    return re.search(pattern, title, re.IGNORECASE) is not None


def headline_titles(title: str | None) -> list[str]:
    """The names a headline quotes ("'Saltmarsh' Renewed at Netflix"): titles, in trade style."""
    return [q for pair in _HEADLINE_QUOTE.findall(title or "") for q in pair if q.strip()]


def whole_sentences(doc: Doc) -> list[Span]:
    """The parser's sentences, re-joined where it cut one mid-clause (no final stop, no line break,
    and the next goes on in lower case or with a parenthesis: "Jo Doe | (W) plays C")."""
    spans: list[Span] = []
    for sent in doc.sents:
        if spans:
            last = spans[-1]
            end_text = last.text.rstrip()
            if (end_text and end_text[-1] not in '.!?:;"”’)' and "\n" not in last[-1].text_with_ws
                    and (sent[0].is_lower or sent[0].text in ("(", ",", ";"))) or _ends_in_abbreviation(last) \
                    or (end_text.endswith(":") and "\n" not in last[-1].text_with_ws):  # "Distributor: | Neon"
                spans[-1] = doc[last.start:sent.end]
                continue
        spans.append(sent)
    return spans


@dataclass
class TokenTable:
    """The token attributes the extractor reads, taken from a Doc once: both pattern rounds then
    index plain lists instead of creating a spaCy Token object at every look."""

    doc: Doc
    text: list[str]
    lower: list[str]
    is_space: list[bool]
    is_alpha: list[bool]
    whitespace: list[str]  # the token's trailing whitespace
    dep: list[str]
    paren_depth: list[int]  # parentheses open at the token (its own "(" included), over the Doc

    @classmethod
    def of(cls, doc: Doc) -> TokenTable:
        """The table of a Doc, in one pass over its tokens."""
        table = cls(doc, [], [], [], [], [], [], [])
        for tok in doc:
            table.text.append(tok.text)
            table.lower.append(tok.lower_)
            table.is_space.append(tok.is_space)
            table.is_alpha.append(tok.is_alpha)
            table.whitespace.append(tok.whitespace_)
            table.dep.append(tok.dep_)
        table.paren_depth = _paren_depth(table.text)
        return table


def _paren_depth(texts: list[str]) -> list[int]:
    """For each token, how many parentheses are open at it (a "(" counts itself, a ")" too)."""
    depth, level = [], 0
    for text in texts:
        level += text == "("
        depth.append(level)
        level = max(0, level - (text == ")"))
    return depth


class Cluster:
    """Mentions of one entity within an article, with their pooled type evidence."""

    def __init__(self, mentions: list[Mention]):
        self.mentions = mentions
        self.kind: str | None = None  # Network / Studio for organizations
        self.extra: Counter = Counter()  # votes from relation patterns
        self._type: tuple[str, float] | None = None
        self._evidence: Counter | None = None  # the mentions' and the NER's votes, pooled once
        self._label: str | None = None

    def scores(self) -> Counter:
        """All votes for this entity's types: its mentions' cues, the NER's labels, the patterns'."""
        if self._evidence is None:
            self._evidence = self._pool_evidence()
        votes = self._evidence.copy()
        votes.update(self.extra)
        return votes

    def _pool_evidence(self) -> Counter:
        """The votes of the mentions' cues and of the NER's labels (these do not change per round)."""
        votes: Counter = Counter()
        for m in self.mentions:
            votes.update(m.votes)
        ner = Counter(m.ner for m in self.mentions if m.ner in NER_WEIGHT)
        total = sum(ner.values())
        for label, count in ner.items():
            kind, weight = NER_WEIGHT[label]
            if label == "PERSON" and any(m.tokens > 1 for m in self.mentions):
                weight += 1
            votes[kind] += weight * count / total
        return votes

    def vote(self, wanted: str, weight: float) -> None:
        """A vote from outside the text's cues (the headline), counted as the first mention's."""
        self.mentions[0].votes[wanted] += weight
        self._evidence = self._type = None

    def imply(self, wanted: str, weight: float) -> None:
        """A relation pattern's vote for the type this entity must have."""
        self.extra[wanted] += weight
        self._type = None

    def forget_implied(self) -> None:
        self.extra.clear()
        self._type = None

    def type(self) -> tuple[str, float]:
        """The winning type and its weight (cached until the votes change)."""
        if self._type is None:
            self._type = self._decide_type()
        return self._type

    def _decide_type(self) -> tuple[str, float]:
        votes = self.scores()
        ranked = [(votes[t], TIE_ORDER[t], t) for t in TIE_ORDER if votes[t] > 0]
        if not ranked:
            return "", 0.0
        weight, _, best = max(ranked)
        return best, weight

    def subtype(self) -> str | None:
        if self.kind:
            return self.kind
        votes = self.scores()
        if votes["TVSeries"] > votes["Movie"]:
            return "TVSeries"
        if votes["Movie"] > votes["TVSeries"]:
            return "Movie"
        return None

    def label(self) -> str:
        """The name to show for the entity (its mentions are fixed: chosen once)."""
        if self._label is None:
            self._label = preferred_label(m.text for m in self.mentions)
        return self._label


class Extractor:
    """Extracts an ArticleExtraction from a parsed Doc; stateless between articles."""

    def __init__(self, gazetteer: Gazetteer | None = None, min_confidence: float = 0.0):
        self.gazetteer = gazetteer or load_gazetteer()
        self.min_confidence = min_confidence

    def __call__(self, doc: Doc, article: Article) -> ArticleExtraction:
        sentences = whole_sentences(doc)
        mentions = find_mentions(doc, sentences, set(), self.gazetteer.prefix_length,
                                 titles=headline_titles(article.title), known_org=self.gazetteer.knows)
        kinds = add_context_votes(doc, mentions, self.gazetteer)
        clusters = self._cluster(mentions, kinds)
        self._headline_titles(article.title, clusters)
        blocked = self._blocked_tokens(doc, mentions, clusters)
        tokens = TokenTable.of(doc)
        # Two rounds: the types that the first round's patterns imply sharpen the second round.
        for _ in range(2):
            focus = self._focus(tokens, sentences, clusters, blocked, article.title)
            proposals = list(self._propose(tokens, sentences, mentions, clusters, blocked, focus))
            for cluster in clusters:
                cluster.forget_implied()
            self._apply_implied_types(clusters, proposals)
        proposals += [(None, p) for p in self._headline(article.title, clusters)]
        if focus is not None:
            def new_work(label: str) -> int:
                clusters.append(Cluster([original_mention(label, GAZETTEER_WEIGHT)]))
                return len(clusters) - 1
            split_original(doc.text, tokens.lower, focus, clusters[focus].label(), new_work, proposals)
        return self._assemble(doc, article, sentences, clusters, proposals)

    def _headline(self, title: str | None, clusters: list[Cluster]) -> list[Proposal]:
        """Facts the headline states between names the body typed and the organizations it names
        (an organization only the headline names becomes an entity of its own)."""
        if not title:
            return []
        names: dict[str, Name] = {}
        for index, cluster in enumerate(clusters):
            kind = cluster.type()[0]
            if kind in ("Person", "Work", "Organization"):
                for m in cluster.mentions:
                    if len(m.text) > 2:
                        names.setdefault(fold(m.text), Name(index, kind, cluster.kind))

        def lookup_org(text: str) -> Name | None:
            org = self.gazetteer.lookup(text)
            if org is None:
                return None
            known = names.get(fold(org.name))
            if known is not None:
                return known
            cluster = Cluster([Mention(-1, -1, org.name, -1, votes=Counter(Organization=GAZETTEER_WEIGHT))])
            cluster.kind = org.kind
            clusters.append(cluster)
            name = names[fold(org.name)] = Name(len(clusters) - 1, "Organization", org.kind)
            return name

        return [p for p in headline_proposals(title, names, lookup_org) if p.predicate in PREDICATES]

    def _apply_implied_types(self, clusters: list[Cluster], proposals) -> None:
        """Each proposal votes for the types its predicate needs (credit may point either way)."""
        for _, proposal in proposals:
            if proposal.predicate == "credit" and clusters[proposal.subject].type()[0] == "Work":
                proposal.subject, proposal.object = proposal.object, proposal.subject
            subject_type, object_type = PREDICATES[proposal.predicate]
            implied = {proposal.subject: subject_type, proposal.object: object_type, **proposal.coerce}
            for ent, wanted in implied.items():
                sure = proposal.type_confidence if ent in proposal.coerce and proposal.type_confidence else \
                    proposal.confidence  # a role's words type the names, however unsure the work is
                if ent is not None:
                    clusters[ent].imply(wanted, COERCE_WEIGHT * sure)

    # -- clustering -----------------------------------------------------------------------------
    def _cluster(self, mentions: list[Mention], kinds: dict[int, str]) -> list[Cluster]:
        uf = UnionFind(len(mentions))
        first_by_key: dict[str, int] = {}
        for i, m in enumerate(mentions):
            key = name_key(m.text)
            if key in first_by_key:
                uf.union(first_by_key[key], i)
            else:
                first_by_key[key] = i
        # A lone first name, nickname or surname joins the one full name it fits, judged on the
        # evidence of all its mentions (a show called like a character's surname stays a show).
        pooled: dict[int, Counter] = defaultdict(Counter)
        for i, m in enumerate(mentions):
            pooled[uf.find(i)].update(m.votes)
            if i in kinds:
                pooled[uf.find(i)]["Organization"] += 1
        full_names: dict[str, list[str]] = {}
        full_index: dict[str, int] = {}
        character_names: dict[str, list[str]] = {}
        for i, m in enumerate(mentions):
            votes = pooled[uf.find(i)]
            if " " in m.text and m.ner in ("PERSON", "ORG", "FAC", "PRODUCT", None) and not votes["Work"] \
                    and not votes["Organization"]:  # (the NER calls some names FAC or PRODUCT)
                key = fold_name(m.text)
                (character_names if votes["Character"] else full_names)[key] = key.split()
                full_index.setdefault(key, i)
        for i, m in enumerate(mentions):
            votes = pooled[uf.find(i)]
            if " " not in m.text and not votes["Work"] and not votes["Organization"]:
                names = character_names if votes["Character"] else full_names
                target = short_form_target(m.text, names)
                if target is None and not votes["Character"] and not votes["Person"]:
                    target = short_form_target(m.text, character_names)  # "as Dee's mother": Dee Bellwether
                if target:
                    uf.union(full_index[target], i)
        groups: dict[int, list[int]] = defaultdict(list)
        for i in range(len(mentions)):
            groups[uf.find(i)].append(i)
        clusters = []
        for members in sorted(groups.values()):
            cluster = Cluster([mentions[i] for i in members])
            cluster.kind = next((kinds[i] for i in members if i in kinds), None)
            for i in members:
                mentions[i].entity = len(clusters)
            clusters.append(cluster)
        return clusters

    def _headline_titles(self, title: str | None, clusters: list[Cluster]) -> None:
        """A name quoted in the headline ("'Saltmarsh' Renewed") is a title: a vote for Work."""
        if not title:
            return
        quoted = {name_key(q) for q in headline_titles(title)}
        for cluster in clusters:
            if name_key(cluster.label()) in quoted:
                cluster.vote("Work", HEADLINE_WEIGHT)

    def _blocked_tokens(self, doc: Doc, mentions: list[Mention], clusters: list[Cluster]) -> set[int]:
        """Tokens in quoted speech or photo credits: they state no facts."""
        blocked: set[int] = set()
        text = doc.text  # joined from every token: read it once
        for start, end in speech_spans(text):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                blocked.update(range(span.start, span.end))
        orgs = sorted((m.start, m.end) for m in mentions
                      if m.entity is not None and clusters[m.entity].type()[0] == "Organization")
        for start, end in credit_token_spans(doc, orgs, text):
            blocked.update(range(start, end))
        return blocked

    def _focus(self, tokens: TokenTable, sentences: list[Span], clusters: list[Cluster], blocked: set[int],
               title: str | None) -> int | None:
        """The work the article is about: named in the headline or the lead, and most often
        outside parentheses (where prior credits live); the earliest on ties."""
        if sentences and _defines_a_person(sentences[0], clusters, tokens):
            return None  # a profile ("X (born 1966) is an American actor"): about a person, not one work
        depth = tokens.paren_depth
        lead_end = sentences[1].end if len(sentences) > 1 else len(tokens.text)
        title_key = name_key(title) if title else ""
        best, best_key = None, None
        for index, cluster in enumerate(clusters):
            if cluster.type()[0] != "Work":
                continue
            free = [m for m in cluster.mentions if not depth[m.start] and m.start not in blocked
                    and not _names_a_person(tokens, m) and not _after_prior_cue(tokens, m)]
            if not free:
                continue  # named only as a prior credit: "Jo Doe (W)", "best known for W"
            score = len(free) + 2 * any(m.start < lead_end for m in free)
            score += 3 * any(m.defining and m.start < lead_end for m in free)  # "<Title> is a 2012 film"
            in_headline = bool(title_key and name_key(cluster.label()) in title_key)
            score += 3 * (in_headline and bool(free) and not _headline_credit(title or "", cluster.label()))
            key = (score, -min(m.start for m in cluster.mentions))
            if best_key is None or key > best_key:
                best, best_key = index, key
        return best

    # -- patterns -------------------------------------------------------------------------------
    def _propose(self, tokens: TokenTable, sentences, mentions, clusters, blocked, focus):
        types, strength = {}, {}
        for index, cluster in enumerate(clusters):
            types[index], strength[index] = cluster.type()
        kinds = {i: c.kind for i, c in enumerate(clusters) if c.kind}
        person_cues = {i: sum(m.votes["Person"] for m in c.mentions) for i, c in enumerate(clusters)}
        starts = {m.start: m for m in mentions}
        last_person = None
        last_work = None  # the last work that was the subject of a clause: what "it" refers to
        last_organization: dict[str, int] = {}  # kind -> the last organization of it named
        recent_work = None  # the last work a person took a role in
        for sent in sentences:
            person_before = last_person
            items: list[Item] = []
            item_of_token: dict[int, int] = {}
            depth = 0
            k = sent.start
            while k < sent.end:
                if tokens.is_space[k]:
                    k += 1
                    continue
                m = starts.get(k)
                if m is not None:
                    for j in range(m.start, m.end):
                        item_of_token[j] = len(items)
                    items.append(Item(m.text.lower(), m.entity, depth, blocked=k in blocked, token=k))
                    if depth == 0 and self._salient_person(tokens, m, types, strength, kinds, last_person):
                        last_person = m.entity
                    if depth == 0 and types.get(m.entity) == "Work" and tokens.dep[m.end - 1] in ("nsubj", "nsubjpass"):
                        last_work = m.entity
                    if m.entity in kinds and depth == 0 and k not in blocked:
                        last_organization[kinds[m.entity]] = m.entity
                    k = m.end
                    continue
                item_of_token[k] = len(items)
                text = tokens.text[k]
                if text == "(":
                    items.append(Item("(", None, depth, k in blocked, token=k))
                    depth += 1
                elif text == ")":
                    depth = max(0, depth - 1)
                    items.append(Item(")", None, depth, k in blocked, token=k))
                elif text == "-" and items and items[-1].entity is None and items[-1].lower.isalpha() \
                        and not tokens.whitespace[k - 1] and not tokens.whitespace[k] and k + 1 < sent.end \
                        and tokens.is_alpha[k + 1] and (k + 1) not in starts:
                    items[-1].lower += "-" + tokens.lower[k + 1]  # "co - star" is the word "co-star"
                    item_of_token[k] = item_of_token[k + 1] = len(items) - 1
                    k += 1
                else:
                    lower = tokens.lower[k]
                    item = Item(lower, None, depth, k in blocked, token=k)
                    referent = self._definite_reference(tokens.lower, k, sent.end, starts, last_person,
                                                        last_organization)
                    if lower in PRONOUNS_PERSON and last_person is not None and lower != "they":
                        item.entity, item.pronoun = last_person, True
                    elif referent is not None:
                        item.entity, item.pronoun = referent, True
                    elif lower in PRONOUNS_WORK and (last_work or focus) is not None \
                            and tokens.dep[k] in ("nsubj", "nsubjpass"):
                        item.entity, item.pronoun = (last_work if last_work is not None else focus), True
                    items.append(item)
                k += 1
            # A profile has no work of its own: "the series", "her co-stars" are the last work a role was in.
            view = SentenceView(items, types, strength, kinds, focus, tokens.doc, person_cues, item_of_token,
                                person_before, recent_work=recent_work if focus is None else None)
            for proposal in self._run_patterns(view):
                if proposal.predicate in _WORK_ROLES and types.get(proposal.subject) == "Work":
                    recent_work = proposal.subject
                yield sent, proposal

    @staticmethod
    def _salient_person(tokens: TokenTable, m: Mention, types, strength, kinds, last_person: int | None) -> bool:
        """True if a mention becomes what "she"/"he" refer to: a person who is the subject of a
        clause, or the agent of a main clause ("W was created by X"); an object or an apposed role name does not
        displace the subject before it."""
        person = types.get(m.entity) == "Person" or (
            types.get(m.entity) in ("", "Work") and strength.get(m.entity, 0) <= 2.5 and m.entity not in kinds
            and m.ner in ("PERSON", None, "PRODUCT"))
        if not person:
            return False
        agent = m.start > 0 and tokens.dep[m.start - 1] == "agent" and _agent_of_named_work(tokens.doc[m.start - 1])
        return last_person is None or agent or tokens.dep[m.end - 1] in ("nsubj", "nsubjpass")

    @staticmethod
    def _definite_reference(lowers: list[str], k: int, end: int, starts, last_person: int | None,
                            last_organization: dict[str, int]) -> int | None:
        """The entity that "the actress" or "the streamer" at token k refers back to, if any."""
        lower = lowers[k]
        before = k - 1
        if before > 0 and lowers[before - 1] == "the" and (before in starts or lowers[before].endswith(
                ("-winning", "-nominated"))):
            before -= 1  # "the Dutch actress", "the Emmy-winning actor"
        elif k >= 2 and (k - 2) in starts and starts[k - 2].end == k and lowers[k - 2] == "the":
            before = k - 2  # "The Dutch" read as one name at a sentence start
        if k == 0 or lowers[before] != "the" or (k + 1 < end and (k + 1) in starts):
            return None  # "the actress Jane Doe" names her; only a bare "the actress" refers back
        if k + 1 < end and lowers[k + 1] in ("'s", "’s", "of", "-") and lower not in ("star",):
            return None
        if before >= 1 and lowers[before - 1] in ("is", "was", "are", "were", "as", "be", "become", "becomes"):
            return None  # "Calder Films is the studio": a role, not a reference
        if lower in PERSON_REFERENCES:
            return last_person
        kind = ORGANIZATION_REFERENCES.get(lower)
        return last_organization.get(kind) if kind else None

    def _run_patterns(self, view: SentenceView):
        for name, func in PATTERNS.items():
            yield from func(view)

    # -- output ---------------------------------------------------------------------------------
    def _assemble(self, doc, article, sentences, clusters, proposals) -> ArticleExtraction:
        final = [c.type()[0] for c in clusters]
        labels = [character_name(c.label()) if final[i] == "Character" else c.label() for i, c in enumerate(clusters)]
        best: dict[tuple, Fact] = {}
        used: set[int] = set()
        quoted: dict[int, tuple[str, int, int]] = {}  # sentence start -> its text and character span
        for sent, p in proposals:
            if p.subject is None or p.object is None or p.subject == p.object:
                continue
            subject_type, object_type = PREDICATES[p.predicate]
            if final[p.subject] != subject_type or final[p.object] != object_type:
                continue
            if p.predicate in ("network", "production_company") and clusters[p.object].kind and not p.stated:
                p.predicate = "network" if clusters[p.object].kind == "Network" else "production_company"
            character = None
            if p.character is not None:
                if final[p.character] != "Character":
                    continue
                character = labels[p.character]
            if p.confidence < self.min_confidence:
                continue
            if sent is None:  # the headline, which is not part of the article's text
                provenance = Provenance(article.id, article.title or "", -1, -1, round(p.confidence, 3), p.method)
            else:
                if sent.start not in quoted:
                    quoted[sent.start] = (sent.text.strip(), sent.start_char, sent.end_char)
                provenance = Provenance(article.id, *quoted[sent.start], round(p.confidence, 3), p.method)
            fact = Fact(labels[p.subject], p.predicate, labels[p.object], provenance, character)
            key = (fact.subject, fact.predicate, fact.object)
            old = best.get(key)
            if old is None or (character and not old.character) or (
                    bool(character) == bool(old.character) and p.confidence > old.provenance.confidence):
                best[key] = fact
            used.update(x for x in (p.subject, p.object, p.character) if x is not None)
        entities = []
        for index, cluster in enumerate(clusters):
            kind, weight = cluster.type()
            if kind not in ENTITY_TYPES or (weight < 2 and index not in used):
                continue
            aliases = sorted({m.text for m in cluster.mentions} - {labels[index]})
            subtype = cluster.subtype() if kind in ("Work", "Organization") else None
            entities.append(Entity(labels[index], kind, subtype, aliases))
        return ArticleExtraction(article, entities, list(best.values()))
