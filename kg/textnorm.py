"""Text normalisation shared by matching, resolution and evaluation: one definition of 'same name'."""
from __future__ import annotations

import unicodedata
from functools import lru_cache

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
_STRIP = " \t\n.,;:!?\"'()[]{}"


def strip_accents(text: str) -> str:
    """Text with diacritics removed (NFKD, combining marks dropped)."""
    if text.isascii():  # nothing to decompose: the common case, kept cheap
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str) -> str:
    """The matching key of a name: no accents, case-folded, spaces collapsed, no leading #/@."""
    return _fold(str(text))


@lru_cache(maxsize=1 << 16)
def _fold(text: str) -> str:
    """`fold` of a string, remembered: the same names are looked up again and again."""
    text = strip_accents(text).translate(_QUOTES)
    text = " ".join(text.casefold().split())
    return text.lstrip("#@").strip(_STRIP)
