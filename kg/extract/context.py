"""Regions of an article that state no facts: quoted speech and photo credits."""
from __future__ import annotations

import re

from spacy.tokens import Doc

_PHOTO_CREDIT = re.compile(
    r"(©|\(c\)|\bcourtesy of\b|\bphoto(?:graph)?s?\s*(?:by|:|credit)|\bcredit:|\bimage:|\bgetty images\b)",
    re.IGNORECASE)
_SPEECH_MIN_WORDS = 6
_TITLE_SMALL_WORDS = {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or",
                      "the", "to", "with", "vs", "vs.", "v.", "de", "la", "le", "du", "von", "van"}


def _title_case(words: list[str]) -> bool:
    """True if quoted words read as a title ("Down the Long Road to Saltmarsh Hill"), not speech: every
    word is capitalised but the small ones, and the first is too."""
    return bool(words) and words[0][:1].isupper() and all(
        w[:1].isupper() or not w[:1].isalpha() or w.lower() in _TITLE_SMALL_WORDS for w in words)


def speech_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of quoted speech: long quotes or whole sentences, unless they read as a
    title ("Friends of Jo D.", "Pilot," with the comma inside)."""
    spans = []
    for paragraph in re.finditer(r"[^\n]+", text):
        para, base = paragraph.group(), paragraph.start()
        opened = None
        for match in re.finditer(r'["“”]', para):
            char = match.group()
            if opened is None and char in '"“':
                opened = match.start()
            elif opened is not None and char in '"”':
                inner = para[opened + 1:match.start()]
                words = inner.split()
                if not _title_case(words) and (len(words) >= _SPEECH_MIN_WORDS or re.search(r"[.!?,]\s*$", inner)):
                    spans.append((base + opened, base + match.end()))
                opened = None
        if opened is not None:  # an unclosed quote runs to the end of its paragraph
            spans.append((base + opened, base + len(para)))
    return spans


def credit_token_spans(doc: Doc, mention_ends: list[tuple[int, int]],
                       text: str | None = None) -> list[tuple[int, int]]:
    """Token ranges of photo credits ("© Courtesy of A for B"): from the cue to the next org name.

    `mention_ends` are (start, end) token offsets of organization mentions, sorted; `text` is
    `doc.text` if the caller has it already (spaCy joins it anew from the tokens on every read).
    """
    spans = []
    for match in _PHOTO_CREDIT.finditer(doc.text if text is None else text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None:
            continue
        end = min(span.start + 12, len(doc))
        for start_o, end_o in mention_ends:
            if start_o >= span.end and start_o <= span.start + 12:
                end = end_o
                break
        spans.append((span.start, end))
    return spans
