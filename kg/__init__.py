"""kg: an entertainment-news knowledge graph built with spaCy and rdflib.

    from kg import KnowledgeGraph
    kg = KnowledgeGraph.build(["corpus"])
"""
__version__ = "0.1.0"

from .graph import KnowledgeGraph  # noqa: E402  (the façade is the public API)
from .model import Article, ArticleExtraction, Entity, Fact, Provenance  # noqa: E402
from .pipeline import ExtractOptions  # noqa: E402

__all__ = ["KnowledgeGraph", "ExtractOptions", "Article", "ArticleExtraction", "Entity", "Fact", "Provenance",
           "__version__"]
