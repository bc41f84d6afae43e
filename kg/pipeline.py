"""Articles -> spaCy docs -> extractions, in batches, in this process or in a pool of worker processes.

With `jobs > 1` each worker runs the whole of spaCy and the extractor on a batch and sends back only
the small `ArticleExtraction`s, so the parent never becomes the bottleneck; batches are the same as
with one process and results come back in input order, so the output is the same.
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.util import minibatch

from .corpus import ReadError
from .extract import Extractor
from .model import Article, ArticleExtraction
from .nlp import DEFAULT_MODEL, load_pipeline


@dataclass(frozen=True)
class ExtractOptions:
    """Knobs of extraction, shared by the CLI and the library."""

    model: str = DEFAULT_MODEL  # any installed spaCy pipeline, by name or path
    batch_size: int = 32  # articles per spaCy batch (and per task of a worker process)
    jobs: int = 1  # processes that run spaCy and the extractor
    min_confidence: float = 0.0  # facts below this are dropped

    def __post_init__(self) -> None:
        if self.jobs < 1:
            raise ValueError(f"jobs must be at least 1, not {self.jobs}")
        if self.batch_size < 1:
            raise ValueError(f"batch size must be at least 1, not {self.batch_size}")


def extract_articles(articles: Iterable[Article | ReadError], options: ExtractOptions = ExtractOptions(),
                     on_error: Callable[[ReadError], None] | None = None) -> Iterator[ArticleExtraction]:
    """Extract every article, in input order; inputs that cannot be processed go to `on_error`."""
    nlp = load_pipeline(options.model)
    batches = minibatch(_processable(articles, nlp.max_length, on_error), options.batch_size)
    if options.jobs == 1:
        extractor = Extractor(min_confidence=options.min_confidence)
        for batch in batches:
            yield from extract_batch(nlp, extractor, batch)
    else:
        yield from _extract_in_processes(batches, options)


def extract_batch(nlp: Language, extractor: Extractor, batch: list[Article]) -> list[ArticleExtraction]:
    """One batch of articles through spaCy and the extractor."""
    docs = nlp.pipe(((article.text, article) for article in batch), as_tuples=True, batch_size=len(batch))
    return [extractor(doc, article) for doc, article in docs]


def _processable(articles: Iterable[Article | ReadError], max_length: int,
                 on_error: Callable[[ReadError], None] | None) -> Iterator[Article]:
    """The articles spaCy can take; read errors and over-long texts go to `on_error`."""
    for item in articles:
        if isinstance(item, Article) and len(item.text) > max_length:
            item = ReadError(item.source or item.id, f"article too long ({len(item.text):,} "
                                                     f"characters; the limit is {max_length:,})")
        if isinstance(item, ReadError):
            if on_error:
                on_error(item)
        else:
            yield item


# -- worker processes ---------------------------------------------------------------------------
_worker: tuple[Language, Extractor] | None = None  # this worker's pipeline and extractor


def _start_worker(model: str, min_confidence: float) -> None:
    """Load the pipeline once per worker (a forked worker finds it already loaded)."""
    global _worker
    _worker = (load_pipeline(model), Extractor(min_confidence=min_confidence))


def _extract_in_worker(batch: list[Article]) -> list[ArticleExtraction]:
    assert _worker is not None, "worker not started"
    return extract_batch(*_worker, batch)


def _extract_in_processes(batches: Iterator[list[Article]], options: ExtractOptions) -> Iterator[ArticleExtraction]:
    """Batches spread over `options.jobs` processes, a few in flight each, results in input order."""
    with multiprocessing.get_context().Pool(options.jobs, initializer=_start_worker,
                                            initargs=(options.model, options.min_confidence)) as pool:
        pending: deque = deque()
        for batch in batches:
            pending.append(pool.apply_async(_extract_in_worker, (batch,)))
            if len(pending) > 2 * options.jobs:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
