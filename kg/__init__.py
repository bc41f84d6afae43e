"""kg: an entertainment-news knowledge graph built with spaCy and rdflib."""
__version__ = "0.1.0"
