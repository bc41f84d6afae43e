"""Extraction: spaCy Doc -> entities and facts with provenance (see `Extractor`)."""
from .extractor import Extractor
from .gazetteer import Gazetteer, load_gazetteer
from .patterns import PATTERNS

__all__ = ["Extractor", "Gazetteer", "load_gazetteer", "PATTERNS"]
