"""Text normalisation shared by matching, resolution and evaluation: one definition of 'same name'."""
from __future__ import annotations

import unicodedata

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
_STRIP = " \t\n.,;:!?\"'()[]{}"


def strip_accents(text: str) -> str:
    """Text with diacritics removed (NFKD, combining marks dropped)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str) -> str:
    """The matching key of a name: no accents, case-folded, spaces collapsed, no leading #/@."""
    text = strip_accents(str(text)).translate(_QUOTES)
    text = " ".join(text.casefold().split())
    return text.lstrip("#@").strip(_STRIP)
