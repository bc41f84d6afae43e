"""Articles -> spaCy docs -> extractions, streamed in batches through one loaded pipeline."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from .corpus import ReadError
from .extract import Extractor
from .model import Article, ArticleExtraction
from .nlp import DEFAULT_MODEL, load_pipeline


@dataclass(frozen=True)
class ExtractOptions:
    """Knobs of extraction, shared by the CLI and the library."""

    model: str = DEFAULT_MODEL  # any installed spaCy pipeline, by name or path
    batch_size: int = 32
    jobs: int = 1  # processes for nlp.pipe
    min_confidence: float = 0.0  # facts below this are dropped


def extract_articles(articles: Iterable[Article | ReadError], options: ExtractOptions = ExtractOptions(),
                     on_error: Callable[[ReadError], None] | None = None) -> Iterator[ArticleExtraction]:
    """Extract every article; inputs that cannot be processed go to `on_error` and are skipped."""
    nlp = load_pipeline(options.model)
    extractor = Extractor(min_confidence=options.min_confidence)

    def readable() -> Iterator[tuple[str, Article]]:
        for item in articles:
            if isinstance(item, ReadError):
                if on_error:
                    on_error(item)
            elif len(item.text) > nlp.max_length:
                if on_error:
                    on_error(ReadError(item.source or item.id, f"article too long ({len(item.text):,} "
                                                                f"characters; the limit is {nlp.max_length:,})"))
            else:
                yield item.text, item

    docs = nlp.pipe(readable(), as_tuples=True, batch_size=options.batch_size, n_process=options.jobs)
    for doc, article in docs:
        yield extractor(doc, article)
