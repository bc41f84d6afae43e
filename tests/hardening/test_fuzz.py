"""Property-based: arbitrary bytes and Unicode never crash the readers or the extractor, and what
they give back is always safe to store (clean text, safe ids).

Examples are few and small so the suite stays fast; the spaCy pipeline is the session one.
"""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kg.corpus import MAX_ID_BYTES, ReadError, clean_text, html_to_text, read_file, safe_id
from kg.encoding import UndecodableError, decode_bytes
from kg.extract import Extractor
from kg.model import Article
from kg.pipeline import chunk_text

FAST = settings(max_examples=150, deadline=None, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
#: Pieces of news prose and of hostile input, so that generated texts reach the patterns too.
PIECES = ["Nora Vance", "stars as", "Edie Marsh", "in", "Lantern Hill", ",", "a drama series from", "Peacock",
          ".", "\n\n", "\n", "created by", "directed by", "plays", "(", ")", '"', "“", "”", "'s", "the series",
          "The", "#Lantern", "@nora", "and", "starring", "alongside", "<script>", "</script>", "&amp;", "\\",
          "}", "x\" } ; DROP ALL ; #", "—", "Zoë", "é", "\u0301", "\u200b", "\u2028", "\ufeff", "\t", " ", "🎬"]
newsy_text = st.lists(st.sampled_from(PIECES) | st.text(max_size=6), max_size=40).map(" ".join)
any_text = st.text(max_size=200) | newsy_text


def assert_storable(text: str) -> None:
    assert clean_text(text) == text
    text.encode("utf-8")  # no lone surrogates


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@FAST
@given(data=st.binary(max_size=400) | any_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
       suffix=st.sampled_from([".txt", ".html", ".jsonl"]))
def test_readers_never_crash_on_any_bytes(folder, data, suffix):
    path = folder / f"input{suffix}"
    path.write_bytes(data)
    for item in read_file(path):
        if isinstance(item, ReadError):
            assert str(path) in str(item) and item.message
            continue
        assert isinstance(item, Article) and item.text.strip()
        assert item.id == safe_id(item.id)
        for value in (item.text, item.title or "", item.date or "", item.url or ""):
            assert_storable(value)


@FAST
@given(data=st.binary(max_size=400), declared=st.none() | st.sampled_from(["cp1252", "utf-8", "shift_jis", "utf-16"]))
def test_decoding_gives_text_or_a_reason(data, declared):
    try:
        decoded = decode_bytes(data, declared)
    except UndecodableError as err:
        assert str(err)
    else:
        assert isinstance(decoded.text, str) and decoded.encoding


@FAST
@given(any_text)
def test_html_to_text_never_crashes(text):
    body, title = html_to_text(text)
    assert isinstance(body, str) and (title is None or isinstance(title, str))


@FAST
@given(st.text())
def test_safe_id_is_always_a_plain_file_name(raw):
    value = safe_id(raw)
    assert value and value not in (".", "..") and not value.startswith(".")
    assert not set(value) & set("/\\\x00:*?\"<>|") and not any(ch.isspace() for ch in value)
    assert len(value.encode("utf-8")) <= MAX_ID_BYTES
    assert value == unicodedata.normalize("NFC", value)
    assert safe_id(value) == value


@FAST
@given(text=any_text, size=st.integers(min_value=1, max_value=60))
def test_chunks_always_join_back(text, size):
    chunks = chunk_text(text, size)
    assert "".join(chunks) == text and all(len(c) <= size for c in chunks)


@settings(max_examples=60, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=any_text, title=st.none() | any_text)
@example(text="A-A", title=None)  # a hyphenated word alone: its hyphen once pointed past the sentence's items
def test_extractor_never_crashes_on_any_text(nlp, text, title):
    article = Article(id="fuzz", text=clean_text(text), title=title and clean_text(title))
    extraction = Extractor()(nlp(article.text), article)
    for fact in extraction.facts:
        assert 0 <= fact.provenance.start <= fact.provenance.end <= len(article.text)
        assert 0.0 <= fact.provenance.confidence <= 1.0
    extraction.to_json()
