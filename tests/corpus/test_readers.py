"""Reading articles from .txt, .html and .jsonl: metadata, visible text, ids, and bad inputs.

A bad input must never stop a run: it comes back as a ReadError naming the file (and line),
and every other article still comes through.
"""
from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from kg.corpus import (MAX_ID_BYTES, MAX_ID_LENGTH, ReadError, article_from_text, html_to_text, read_articles, read_file,
                       safe_id, split_date_line)
from kg.model import Article

GOOD_TEXT = "Hattie Vornholt stars in the drama Gullwing Bay, which premieres on Netflix in May.\n"


def _articles(items) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def _errors(items) -> list[ReadError]:
    return [i for i in items if isinstance(i, ReadError)]


def _write(folder: Path, name: str, data: str | bytes) -> Path:
    path = folder / name
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


# -- .txt ---------------------------------------------------------------------------------------

def test_txt_with_date_line_gives_date_and_body_without_it(tmp_path):
    path = _write(tmp_path, "gullwing-news.txt", "date 2025-03-02\n" + GOOD_TEXT)
    [article] = list(read_file(path))
    assert isinstance(article, Article)
    assert article.date == "2025-03-02"
    assert article.text.startswith("Hattie Vornholt stars")
    assert not article.text.lower().startswith("date")
    assert article.id == "gullwing-news"
    assert article.source == str(path)


def test_txt_without_date_line_keeps_whole_text(tmp_path):
    path = _write(tmp_path, "no-date.txt", GOOD_TEXT)
    [article] = list(read_file(path))
    assert article.date is None
    assert article.text == GOOD_TEXT


def test_txt_date_followed_by_text_on_the_same_line(tmp_path):
    # The shared Étoile article's style: a leading space, the date, then the story on the same line.
    path = _write(tmp_path, "same-line.txt", " date 2025-04-28 TV fans are hooked on Gullwing Bay.\n\nMore text.")
    [article] = list(read_file(path))
    assert article.date == "2025-04-28"
    assert article.text.startswith("TV fans are hooked on Gullwing Bay.")
    assert "2025-04-28" not in article.text


def test_a_date_later_in_the_text_is_not_metadata():
    date, body = split_date_line("Gullwing Bay premieres soon.\ndate 2025-03-02\n")
    assert date is None
    assert body.startswith("Gullwing Bay premieres soon.")


def test_article_from_text_reads_the_date_line_too():
    article = article_from_text("date 2025-06-01\nRufus Delacorte joins Gullwing Bay.", article_id="x1")
    assert article.date == "2025-06-01"
    assert article.text == "Rufus Delacorte joins Gullwing Bay."
    assert article.id == "x1"


# -- .html --------------------------------------------------------------------------------------

HTML = """<!doctype html>
<html><head><title>Gullwing Bay  sets a
 premiere date</title>
<style>.headline { color: red } StyleSecret</style>
<script>var trackingSecret = "Quentin Scriptwell";</script>
</head>
<body>
<nav><a href="/">Home</a> <a href="/tv">NavSecret Menu</a></nav>
<article>
<h1>Gullwing Bay sets a premiere date</h1>
<p>Hattie Vornholt stars in the drama Gullwing Bay &amp; more.</p>
<p>It premieres on <b>Netflix</b> in May.</p>
<script>console.log("InlineScriptSecret")</script>
</article>
<footer>FooterSecret &copy; 2025</footer>
</body></html>
"""


def test_html_gives_visible_text_and_title(tmp_path):
    path = _write(tmp_path, "gullwing.html", HTML)
    [article] = list(read_file(path))
    assert isinstance(article, Article)
    assert article.title == "Gullwing Bay sets a premiere date"
    assert "Hattie Vornholt stars in the drama Gullwing Bay & more." in article.text
    assert "It premieres on Netflix in May." in article.text
    for hidden in ("StyleSecret", "color: red", "trackingSecret", "Quentin Scriptwell", "NavSecret",
                   "InlineScriptSecret", "FooterSecret", "<p>", "&amp;"):
        assert hidden not in article.text, hidden


def test_html_blocks_become_separate_paragraphs():
    text, title = html_to_text("<p>First paragraph here.</p><p>Second paragraph here.</p>")
    assert title is None
    assert text.split("\n\n") == ["First paragraph here.", "Second paragraph here."]


# -- .jsonl -------------------------------------------------------------------------------------

def test_jsonl_records_with_metadata_and_a_broken_line(tmp_path):
    lines = [
        json.dumps({"id": "gb-1", "date": "2025-03-02", "title": "Gullwing Bay ordered",
                    "url": "https://example.org/gb-1", "text": "Netflix ordered Gullwing Bay."}),
        '{"id": "gb-2", "text": "this line is cut off',
        json.dumps({"id": "gb-3", "text": "Rufus Delacorte joins Gullwing Bay."}),
    ]
    path = _write(tmp_path, "feed.jsonl", "\n".join(lines) + "\n")
    items = list(read_file(path))
    articles, errors = _articles(items), _errors(items)
    assert [a.id for a in articles] == ["gb-1", "gb-3"]
    first = articles[0]
    assert (first.date, first.title, first.url) == ("2025-03-02", "Gullwing Bay ordered", "https://example.org/gb-1")
    assert first.text == "Netflix ordered Gullwing Bay."
    assert len(errors) == 1
    assert errors[0].source == f"{path}:2"
    assert f"{path}:2" in str(errors[0])


def test_jsonl_record_without_text_is_an_error_naming_the_line(tmp_path):
    path = _write(tmp_path, "feed.jsonl", json.dumps({"id": "a", "text": "Fine text."}) + "\n"
                  + json.dumps({"id": "b", "body": "no text field"}) + "\n")
    items = list(read_file(path))
    assert [a.id for a in _articles(items)] == ["a"]
    assert [e.source for e in _errors(items)] == [f"{path}:2"]


def test_jsonl_without_id_gets_a_distinct_id_per_line(tmp_path):
    path = _write(tmp_path, "feed.jsonl", json.dumps({"text": "One."}) + "\n" + json.dumps({"text": "Two."}) + "\n")
    articles = _articles(read_articles([path]))
    assert len(articles) == 2
    assert len({a.id for a in articles}) == 2


# -- unreadable files ---------------------------------------------------------------------------

BAD_FILES = {
    "empty.txt": b"",
    "blank.txt": b"   \n\n  \t\n",
    "only-date.txt": b"date 2025-01-01\n",
    "empty.html": b"<html><head><title>Nothing</title></head><body><script>x()</script></body></html>",
    "binary.txt": b"GIF89a\x00\x01\x02\x03\x00\x00binary",
    "png.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
    "bad-bom.txt": b"\xef\xbb\xbfok \xff\xfe broken after a UTF-8 byte-order mark",
    "empty.jsonl": b"",
}  # latin-1 and other legacy encodings are read, not skipped: see test_encodings.py


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_is_reported_and_others_still_come_through(tmp_path, name):
    _write(tmp_path, "a-good.txt", "date 2025-03-02\n" + GOOD_TEXT)
    bad = _write(tmp_path, name, BAD_FILES[name])
    _write(tmp_path, "z-good.html", HTML)
    items = list(read_articles([tmp_path]))
    articles, errors = _articles(items), _errors(items)
    assert sorted(a.id for a in articles) == ["a-good", "z-good"]
    assert len(errors) == 1, errors
    assert errors[0].source == str(bad)
    assert str(bad) in str(errors[0])
    assert errors[0].message


def test_missing_path_is_reported_not_raised(tmp_path):
    good = _write(tmp_path, "good.txt", GOOD_TEXT)
    items = list(read_articles([tmp_path / "nope", good]))
    assert [a.id for a in _articles(items)] == ["good"]
    assert [e.source for e in _errors(items)] == [str(tmp_path / "nope")]


# -- ids ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("raw", ["../../x", "..", "a/../../etc/passwd", "dir\\sub\\name", "nul\x00byte",
                                 "x" * 500, "/" * 40, "", "tab\tand newline\n", "../" * 200 + "deep"])
def test_safe_id_has_no_separators_and_bounded_length(raw):
    value = safe_id(raw)
    assert value, "an id must not be empty"
    assert "/" not in value and "\\" not in value and "\x00" not in value
    assert value not in (".", "..")
    assert not value.startswith(".")
    assert len(value) <= MAX_ID_LENGTH


def test_hostile_ids_from_jsonl_stay_inside_the_output_folder(tmp_path):
    records = [{"id": "../../x", "text": "One."}, {"id": "bad\x00id", "text": "Two."},
               {"id": "y" * 500, "text": "Three."}]
    path = _write(tmp_path, "feed.jsonl", "\n".join(json.dumps(r) for r in records) + "\n")
    articles = _articles(read_articles([path]))
    assert len(articles) == 3
    out = tmp_path / "out"
    for article in articles:
        target = (out / f"{article.id}.json").resolve()
        assert target.parent == out.resolve(), article.id
        assert len(article.id) <= MAX_ID_LENGTH
    assert article_from_text("text", article_id="../../x").id == safe_id("../../x")


def test_duplicate_ids_get_distinct_ids(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    _write(tmp_path / "a", "same.txt", "First article about Gullwing Bay.")
    _write(tmp_path / "b", "same.txt", "Second article about Gullwing Bay.")
    _write(tmp_path, "feed.jsonl", json.dumps({"id": "same", "text": "Third."}) + "\n"
           + json.dumps({"id": "same", "text": "Fourth."}) + "\n")
    articles = _articles(read_articles([tmp_path]))
    assert len(articles) == 4
    ids = [a.id for a in articles]
    assert len(set(ids)) == 4, ids
    assert all(i.startswith("same") for i in ids)
    # every article keeps its own text
    assert sorted(a.text for a in articles) == sorted(["First article about Gullwing Bay.",
                                                        "Second article about Gullwing Bay.", "Third.", "Fourth."])


def test_empty_jsonl_file_is_reported_not_silently_skipped(tmp_path):
    (tmp_path / "feed.jsonl").write_text("\n\n", encoding="utf-8")
    (tmp_path / "good.txt").write_text("Jane Roe stars in Harbor.", encoding="utf-8")
    results = list(read_articles([tmp_path]))
    errors = [r for r in results if isinstance(r, ReadError)]
    assert [Path(e.source).name for e in errors] == ["feed.jsonl"]
    assert [r.id for r in results if not isinstance(r, ReadError)] == ["good"]


@pytest.mark.parametrize("raw", ["字" * 300, "é" * 300, "🎬" * 100, "con", "NUL.txt", "Com1", "e\u0301t\u00e9"])
def test_safe_id_fits_a_file_name_on_any_system(tmp_path, raw):
    value = safe_id(raw)
    assert len(value.encode("utf-8")) <= MAX_ID_BYTES
    assert value.split(".")[0].upper() not in {"CON", "NUL", "COM1"}
    assert value == unicodedata.normalize("NFC", value)
    # the id, its facts file and the temporary file written beside it all fit in a directory
    from kg.fsutil import atomic_write_text
    atomic_write_text(tmp_path / f"{value}-99.json", "{}")
    assert (tmp_path / f"{value}-99.json").read_text(encoding="utf-8") == "{}"


def test_ids_differing_only_in_case_get_distinct_ids(tmp_path):
    (tmp_path / "a").mkdir()
    _write(tmp_path / "a", "Lantern.txt", "First article about Gullwing Bay.")
    _write(tmp_path, "lantern.txt", "Second article about Gullwing Bay.")
    _write(tmp_path, "feed.jsonl", json.dumps({"id": "lantern-2", "text": "Third."}) + "\n")
    ids = [a.id for a in _articles(read_articles([tmp_path]))]
    assert len({i.casefold() for i in ids}) == 3, ids
