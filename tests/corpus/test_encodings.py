"""Articles in any encoding a newsroom uses are read as the text they are; bytes that are no text
are reported with the file name, never decoded into garbage."""
from __future__ import annotations

import codecs
import json

import pytest

from kg.corpus import ReadError, read_articles, read_file
from kg.encoding import UndecodableError, declared_charset, decode_bytes
from kg.model import Article

SENTENCE = "Pénélope Arnaud stars in “Gullwing Bay”, a drama from Netflix — Zoë Brandvold co-stars."
LATIN1_SENTENCE = "Pénélope Arnaud stars in Gullwing Bay, a drama from Netflix; Zoë Brandvold co-stars."


@pytest.mark.parametrize("encoded, how", [
    (SENTENCE.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + SENTENCE.encode("utf-8"), "bom"),
    (SENTENCE.encode("utf-16"), "bom"),  # with its BOM
    (codecs.BOM_UTF16_BE + SENTENCE.encode("utf-16-be"), "bom"),
    (SENTENCE.encode("utf-32"), "bom"),
    (SENTENCE.encode("cp1252"), "detected"),
    (LATIN1_SENTENCE.encode("latin-1"), "detected"),
    (SENTENCE.encode("utf-16-le"), "detected"),  # no BOM: found by charset-normalizer
], ids=["utf-8", "utf-8-bom", "utf-16", "utf-16-be", "utf-32", "cp1252", "latin-1", "utf-16-le-no-bom"])
def test_text_in_any_common_encoding_decodes_exactly(encoded, how):
    decoded = decode_bytes(encoded)
    assert decoded.text == (LATIN1_SENTENCE if LATIN1_SENTENCE.encode("latin-1") == encoded else SENTENCE)
    assert decoded.how == how


def test_a_non_latin_legacy_encoding_is_detected():
    text = "新しいドラマの配役が発表された。主演は俳優の山田太郎で、配信は来年の春に始まる予定だ。" * 3
    assert decode_bytes(text.encode("shift_jis")).text == text


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06",
    bytes(range(256)) * 8,
    b"\x7fELF\x02\x01\x01" + b"\x00" * 64,
], ids=["png", "every-byte", "elf"])
def test_binary_data_is_refused_not_decoded(data):
    with pytest.raises(UndecodableError):
        decode_bytes(data)


@pytest.mark.parametrize("head, expected", [
    (b'<meta charset="windows-1252">', "cp1252"),
    (b"<META CHARSET=ISO-8859-1>", "cp1252"),  # as the HTML standard reads it
    (b'<meta http-equiv="Content-Type" content="text/html; charset=shift_jis">', "shift_jis"),
    (b'<meta charset="no-such-charset">', None),
    (b"<p>charset=cp1252 in the text is not a declaration</p>", None),
])
def test_html_meta_charset_is_found(head, expected):
    assert declared_charset(b"<!doctype html><html><head>" + head + b"</head>") == expected


def test_html_page_is_decoded_with_its_declared_charset(tmp_path):
    # cp1251 bytes that would also decode (wrongly) as cp1252: only the declaration tells them apart
    body = "Премьера сериала состоится в мае на канале Netflix, сообщила студия."
    page = (b'<html><head><meta charset="windows-1251"><title>News</title></head><body><article><p>'
            + body.encode("cp1251") + b"</p></article></body></html>")
    (tmp_path / "page.html").write_bytes(page)
    [article] = list(read_file(tmp_path / "page.html"))
    assert article.text == body


def test_detected_encoding_is_reported_and_the_article_lands(tmp_path, caplog):
    (tmp_path / "legacy.txt").write_bytes(LATIN1_SENTENCE.encode("latin-1"))
    [article] = list(read_articles([tmp_path]))
    assert isinstance(article, Article) and article.text == LATIN1_SENTENCE
    assert any("legacy.txt" in r.getMessage() and "cp1252" in r.getMessage() for r in caplog.records)


def test_control_characters_and_lone_surrogates_from_json_never_reach_the_text(tmp_path):
    record = {"id": "ctl\u0000id", "title": "Bell\u0007", "text": "Nora\u0000 Vance\u001b[31m stars \ud800here.\u2028Next."}
    (tmp_path / "feed.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    [article] = list(read_articles([tmp_path]))
    assert article.text == "Nora Vance[31m stars \ufffdhere.\u2028Next."  # U+2028 is text, not a line break
    assert article.title == "Bell" and article.id == "ctlid"
    article.text.encode("utf-8")  # writable as UTF-8


def test_jsonl_hostile_lines_are_reported_by_line(tmp_path):
    lines = ["[" * 100_000, json.dumps({"id": "ok", "text": "Nora Vance stars in Lantern Hill."}),
             json.dumps({"text": "   "}), json.dumps(["not", "an", "object"]),
             json.dumps({"id": "js", "text": "Edie Marsh joins Lantern Hill.", "url": "javascript:alert(1)"})]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_file(path))
    assert [i.id for i in items if isinstance(i, Article)] == ["ok", "js"]
    assert [e.source for e in items if isinstance(e, ReadError)] == [f"{path}:1", f"{path}:3", f"{path}:4"]
    assert items[-1].url is None  # only http(s) URLs are kept


def test_html_keeps_the_article_body_only(tmp_path):
    page = """<html><head><title>Lantern Hill is renewed</title><script>alert("head")</script></head>
<body><header><a href="/">SiteHeader</a></header><nav>NavMenu</nav><aside>AsideTrending</aside>
<form><button>ButtonSubscribe</button></form>
<main><article><header><h1>Lantern Hill is renewed</h1></header>
<p>Nora Vance stars in Lantern Hill, which Peacock renewed.</p>
<script>document.write("InlineScript")</script><iframe src="x">FrameText</iframe>
<p>Edie Marsh joins the cast.<svg><text>SvgText</text></svg></p></article></main>
<div class="related">RelatedLinks outside the article</div>
<footer>FooterText</footer></body></html>"""
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    [article] = list(read_file(tmp_path / "page.html"))
    assert article.title == "Lantern Hill is renewed"
    assert article.text.split("\n\n") == ["Lantern Hill is renewed",
                                          "Nora Vance stars in Lantern Hill, which Peacock renewed.",
                                          "Edie Marsh joins the cast."]


def test_html_without_closing_tags_still_gives_its_text(tmp_path):
    page = "<html><head><title>T</title><body><p>Nora Vance stars in Lantern Hill.<p>Second paragraph."
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    [article] = list(read_file(tmp_path / "page.html"))
    assert article.text == "Nora Vance stars in Lantern Hill.\n\nSecond paragraph."
