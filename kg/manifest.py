"""What a store remembers per article so that builds are incremental and idempotent.

For each article node the manifest graph (kg:manifest) holds the hash of the text and options it
was extracted from (so an unchanged article is not parsed again), its extraction as read (so
entity resolution across the corpus runs again without spaCy), and the hash of the resolved
extraction its named graph holds (so only graphs whose content changed are rewritten).
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import Literal, URIRef

from .model import Article, ArticleExtraction, extraction_from_record, extraction_to_record
from .terms import EXTRACTION, GRAPH_HASH, SOURCE_HASH

#: The manifest properties of an article node, all removed with the article.
MANIFEST_PROPERTIES = (SOURCE_HASH, EXTRACTION, GRAPH_HASH)


@dataclass
class ArticleRecord:
    """The manifest entry of one article: source hash, extraction as read, hash of its graph."""

    source_hash: str | None = None
    extraction: ArticleExtraction | None = None
    graph_hash: str | None = None


def _digest(data: object) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def source_hash(article: Article, settings: dict[str, object]) -> str:
    """Hash of what decides an article's extraction: its text and metadata, and the settings
    (model, minimum confidence, kg version) it is extracted with."""
    fields = {"id": article.id, "text": article.text, "date": article.date, "title": article.title,
              "url": article.url}
    return _digest({"article": fields, "settings": settings})


def graph_hash(extraction: ArticleExtraction, base: str) -> str:
    """Hash of what an article's named graph is written from: its resolved extraction and the IRI base."""
    return _digest({"extraction": extraction_to_record(extraction), "base": base})


def extraction_literal(extraction: ArticleExtraction) -> Literal:
    """An extraction as the JSON literal the manifest keeps."""
    return Literal(json.dumps(extraction_to_record(extraction), ensure_ascii=False, separators=(",", ":")))


def read_records(triples: Iterable[tuple[URIRef, URIRef, object]]) -> dict[URIRef, ArticleRecord]:
    """Manifest triples -> one ArticleRecord per article node."""
    records: dict[URIRef, ArticleRecord] = {}
    for node, prop, value in triples:
        record = records.setdefault(node, ArticleRecord())
        if prop == SOURCE_HASH:
            record.source_hash = str(value)
        elif prop == GRAPH_HASH:
            record.graph_hash = str(value)
        elif prop == EXTRACTION:
            record.extraction = extraction_from_record(json.loads(str(value)))
    return records
