"""Articles -> spaCy docs -> extractions, in batches, in this process or in a pool of worker processes.

With `jobs > 1` each worker runs the whole of spaCy and the extractor on a batch and sends back only
the small `ArticleExtraction`s, so the parent never becomes the bottleneck; batches are the same as
with one process and results come back in input order, so the output is the same.

A long article goes through spaCy in chunks cut at paragraph breaks (so memory stays bounded) and
is joined back into one Doc before extraction; an article longer than `max_chars` is refused.
"""
from __future__ import annotations

import logging
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

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
    batch_size: int = 32  # articles per spaCy batch (and per task of a worker process)
    jobs: int = 1  # processes that run spaCy and the extractor
    min_confidence: float = 0.0  # facts below this are dropped
    chunk_chars: int = 100_000  # longer articles go through spaCy in pieces of at most this
    max_chars: int = 1_000_000  # longer articles are refused (see README, "Untrusted input")

    def __post_init__(self) -> None:
        if self.jobs < 1:
            raise ValueError(f"jobs must be at least 1, not {self.jobs}")
        if self.batch_size < 1:
            raise ValueError(f"batch size must be at least 1, not {self.batch_size}")


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
    """Extract every article, in input order; inputs that cannot be processed go to `on_error`."""
    nlp = load_pipeline(options.model)
    report = on_error or (lambda error: None)
    batches = minibatch(_processable(articles, options, report), options.batch_size)
    if options.jobs == 1:
        extractor = Extractor(min_confidence=options.min_confidence)
        results: Iterator[ArticleExtraction | ReadError] = (
            result for batch in batches for result in extract_batch(nlp, extractor, batch, options.chunk_chars))
    else:
        results = _extract_in_processes(batches, options)
    for result in results:
        if isinstance(result, ReadError):
            report(result)  # one article's failure must not lose the others
        else:
            yield result


def extract_batch(nlp: Language, extractor: Extractor, batch: list[Article],
                  chunk_chars: int = ExtractOptions.chunk_chars) -> list[ArticleExtraction | ReadError]:
    """One batch of articles through spaCy and the extractor; an article that fails comes back as
    a ReadError naming it."""
    size = min(chunk_chars, nlp.max_length)

    def pieces() -> Iterator[tuple[str, tuple[Article, int, int]]]:
        for article in batch:
            chunks = chunk_text(article.text, size)
            for index, chunk in enumerate(chunks):
                yield chunk, (article, index, len(chunks))

    results: list[ArticleExtraction | ReadError] = []
    parts: list[Doc] = []
    for doc, (article, index, count) in nlp.pipe(pieces(), as_tuples=True, batch_size=len(batch)):
        parts.append(doc)
        if index + 1 < count:
            continue
        whole = parts[0] if count == 1 else Doc.from_docs(parts, ensure_whitespace=False)
        parts = []
        try:
            results.append(extractor(whole, article))
        except Exception as err:
            log.debug("extraction of %s failed", article.id, exc_info=True)
            results.append(ReadError(article.source or article.id,
                                     f"extraction failed ({type(err).__name__}: {err})"))
    return results


def _processable(articles: Iterable[Article | ReadError], options: ExtractOptions,
                 report: Callable[[ReadError], None]) -> Iterator[Article]:
    """The articles to extract, with safe ids; read errors and over-long texts go to `report`."""
    for item in articles:
        if isinstance(item, ReadError):
            report(item)
        elif len(item.text) > options.max_chars:
            report(ReadError(item.source or item.id, f"article too long ({len(item.text):,} characters; "
                                                     f"the limit is {options.max_chars:,}, see --max-chars)"))
        else:
            yield with_safe_id(item)  # an Article made by a caller may have any id


# -- worker processes ---------------------------------------------------------------------------
_worker: tuple[Language, Extractor, int] | None = None  # this worker's pipeline, extractor, chunk size


def _start_worker(model: str, min_confidence: float, chunk_chars: int) -> None:
    """Load the pipeline once per worker (a forked worker finds it already loaded)."""
    global _worker
    _worker = (load_pipeline(model), Extractor(min_confidence=min_confidence), chunk_chars)


def _extract_in_worker(batch: list[Article]) -> list[ArticleExtraction | ReadError]:
    assert _worker is not None, "worker not started"
    return extract_batch(*_worker[:2], batch, _worker[2])


def _extract_in_processes(batches: Iterator[list[Article]],
                          options: ExtractOptions) -> Iterator[ArticleExtraction | ReadError]:
    """Batches spread over `options.jobs` processes, a few in flight each, results in input order."""
    with multiprocessing.get_context().Pool(options.jobs, initializer=_start_worker,
                                            initargs=(options.model, options.min_confidence,
                                                      options.chunk_chars)) as pool:
        pending: deque = deque()
        for batch in batches:
            pending.append(pool.apply_async(_extract_in_worker, (batch,)))
            if len(pending) > 2 * options.jobs:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
