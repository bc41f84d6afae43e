"""Articles -> spaCy docs -> extractions, streamed in batches through one loaded pipeline.

A long article goes through spaCy in chunks cut at paragraph breaks (so memory stays bounded) and
is joined back into one Doc before extraction; an article longer than `max_chars` is refused.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc

from .corpus import ReadError, with_safe_id
from .extract import Extractor
from .model import Article, ArticleExtraction
from .nlp import DEFAULT_MODEL, load_pipeline

log = logging.getLogger(__name__)
#: Where to cut a long text, best first: paragraph break, line break, sentence end, space.
_CUTS = ("\n\n", "\n", ". ", " ")


@dataclass(frozen=True)
class ExtractOptions:
    """Knobs of extraction, shared by the CLI and the library."""

    model: str = DEFAULT_MODEL  # any installed spaCy pipeline, by name or path
    batch_size: int = 32
    jobs: int = 1  # processes for nlp.pipe
    min_confidence: float = 0.0  # facts below this are dropped
    chunk_chars: int = 100_000  # longer articles go through spaCy in pieces of at most this
    max_chars: int = 1_000_000  # longer articles are refused (see README, "Untrusted input")


def chunk_text(text: str, size: int) -> list[str]:
    """Pieces of at most `size` characters that join back into `text` exactly, each cut after the
    last paragraph break before the limit (else a line break, a sentence end, a space)."""
    if size < 1:
        raise ValueError(f"chunk size must be at least 1, got {size}")
    chunks, start = [], 0
    while len(text) - start > size:
        window = text[start:start + size]
        cut = next((at + len(sep) for sep in _CUTS if (at := window.rfind(sep)) >= size // 2), 0)
        cut = cut or next((at + len(sep) for sep in _CUTS if (at := window.rfind(sep)) > 0), size)
        while cut < size and window[cut].isspace():  # the whole run of blank lines stays in one piece
            cut += 1
        chunks.append(window[:cut])
        start += cut
    chunks.append(text[start:])
    return chunks


def extract_articles(articles: Iterable[Article | ReadError], options: ExtractOptions = ExtractOptions(),
                     on_error: Callable[[ReadError], None] | None = None) -> Iterator[ArticleExtraction]:
    """Extract every article; inputs that cannot be processed go to `on_error` and are skipped."""
    nlp = load_pipeline(options.model)
    extractor = Extractor(min_confidence=options.min_confidence)
    size = min(options.chunk_chars, nlp.max_length)
    report = on_error or (lambda error: None)

    def pieces() -> Iterator[tuple[str, tuple[Article, int, int]]]:
        for item in articles:
            if isinstance(item, ReadError):
                report(item)
            elif len(item.text) > options.max_chars:
                report(ReadError(item.source or item.id, f"article too long ({len(item.text):,} characters; "
                                                         f"the limit is {options.max_chars:,}, see --max-chars)"))
            else:
                item = with_safe_id(item)  # an Article made by a caller, not by the readers
                chunks = chunk_text(item.text, size)
                for index, chunk in enumerate(chunks):
                    yield chunk, (item, index, len(chunks))

    parts: list[Doc] = []
    docs = nlp.pipe(pieces(), as_tuples=True, batch_size=options.batch_size, n_process=options.jobs)
    for doc, (article, index, count) in docs:
        parts.append(doc)
        if index + 1 < count:
            continue
        whole = parts[0] if count == 1 else Doc.from_docs(parts, ensure_whitespace=False)
        parts = []
        try:
            extraction = extractor(whole, article)
        except Exception as err:  # one article's failure must not lose the others
            log.debug("extraction of %s failed", article.id, exc_info=True)
            report(ReadError(article.source or article.id, f"extraction failed ({type(err).__name__}: {err})"))
            continue
        yield extraction
