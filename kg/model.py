"""The in-memory model passed between stages: articles in, entities and facts with provenance out.

Extraction never touches RDF and the RDF layer never touches spaCy; these dataclasses are the
contract between them.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

#: Entity types of FORMAT.md, and the subtypes the graph distinguishes.
ENTITY_TYPES = ("Person", "Work", "Organization", "Character")
WORK_SUBTYPES = ("TVSeries", "Movie")
ORGANIZATION_SUBTYPES = ("Studio", "Network")

#: Fact predicates of FORMAT.md: subject type, object type.
PREDICATES: dict[str, tuple[str, str]] = {
    "creator": ("Work", "Person"),
    "cast_member": ("Work", "Person"),
    "director": ("Work", "Person"),
    "writer": ("Work", "Person"),
    "producer": ("Work", "Person"),
    "production_company": ("Work", "Organization"),
    "network": ("Work", "Organization"),
    "credit": ("Person", "Work"),
}


@dataclass(frozen=True)
class Article:
    """One news article as read from disk: its id, text and optional metadata."""

    id: str
    text: str
    date: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None  # the file it came from, for messages


@dataclass
class Entity:
    """A real-world thing named in an article (or, after resolution, across the corpus)."""

    label: str
    type: str  # one of ENTITY_TYPES
    subtype: str | None = None  # one of WORK_SUBTYPES / ORGANIZATION_SUBTYPES, or None
    aliases: list[str] = field(default_factory=list)  # other spellings seen in the text

    def to_json(self) -> dict:
        data: dict = {"label": self.label, "type": self.type}
        if self.subtype:
            data["subtype"] = self.subtype
        if self.aliases:
            data["aliases"] = list(self.aliases)
        return data


@dataclass(frozen=True)
class Provenance:
    """Where a fact was read: the article, the sentence (text and character offsets), how sure."""

    article_id: str
    sentence: str
    start: int  # character offset of the sentence in the article text
    end: int
    confidence: float  # 0..1, set by the pattern that found the fact
    method: str  # name of the pattern, e.g. "prior-credit-parenthesis"


@dataclass
class Fact:
    """A subject-predicate-object statement between entity labels of one article."""

    subject: str
    predicate: str  # one of PREDICATES
    object: str
    provenance: Provenance
    character: str | None = None  # for cast_member: the role played

    @property
    def key(self) -> tuple[str, str, str, str | None]:
        return (self.subject, self.predicate, self.object, self.character)

    def to_json(self) -> dict:
        data: dict = {"s": self.subject, "p": self.predicate, "o": self.object}
        if self.character:
            data["character"] = self.character
        data["confidence"] = round(self.provenance.confidence, 3)
        data["sentence"] = self.provenance.sentence
        return data


@dataclass
class ArticleExtraction:
    """Everything extracted from one article: its entities and the facts between them."""

    article: Article
    entities: list[Entity] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)

    def entity(self, label: str) -> Entity | None:
        for ent in self.entities:
            if ent.label == label:
                return ent
        return None

    def to_json(self) -> dict:
        """The FORMAT.md facts file of this article."""
        data: dict = {"id": self.article.id}
        if self.article.date:
            data["date"] = self.article.date
        if self.article.title:
            data["title"] = self.article.title
        data["entities"] = [e.to_json() for e in self.entities]
        data["facts"] = [f.to_json() for f in self.facts]
        return data


def extraction_to_record(extraction: ArticleExtraction) -> dict:
    """Everything an extraction holds (provenance offsets and methods too), as JSON-ready data;
    the article text is left out: a stored record stands for the text it was extracted from."""
    article = {k: v for k, v in asdict(extraction.article).items() if k not in ("text", "source") and v is not None}
    return {"article": article,
            "entities": [asdict(e) for e in extraction.entities],
            "facts": [asdict(f) for f in extraction.facts]}


def extraction_from_record(record: dict) -> ArticleExtraction:
    """The ArticleExtraction that extraction_to_record wrote (with an empty article text)."""
    facts = [Fact(**{**f, "provenance": Provenance(**f["provenance"])}) for f in record["facts"]]
    return ArticleExtraction(Article(text="", **record["article"]),
                             [Entity(**e) for e in record["entities"]], facts)
