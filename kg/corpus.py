"""Read news articles from .txt, .html and .jsonl files into `Article`s.

Unreadable inputs never stop a run: each problem is reported as a `ReadError` naming the file
(and line), and every other article is still returned.
"""
from __future__ import annotations

import dataclasses
import json
import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from .encoding import UndecodableError, decode_bytes, declared_charset
from .model import Article

log = logging.getLogger(__name__)

SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".jsonl")
_DATE_LINE = re.compile(r"\A\s*date[ \t]+(\d{4}-\d{2}-\d{2})\b[ \t]*\n?", re.IGNORECASE)
_UNSAFE_ID = re.compile(r"[^\w.\-]+", re.UNICODE)
#: Unicode control characters (Cc) but tab, LF and CR; and lone surrogates (Cs).
_UNWANTED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
MAX_ID_LENGTH = 120
MAX_ID_BYTES = 160
_RESERVED_NAMES = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)), *(f"LPT{i}" for i in range(10))}


@dataclass(frozen=True)
class ReadError:
    """An input that could not be read: which file (and line), and why."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


def safe_id(raw: str) -> str:
    """An article id that is safe as a file name on any system.

    Letters, digits, '_', '.' and '-' only (so no separators, NUL or control characters), NFC (as
    macOS stores names), no leading dot, at most MAX_ID_LENGTH characters and MAX_ID_BYTES bytes of
    UTF-8 (a file name may hold 255 bytes: the id plus '.json' and a temporary-file affix must fit).
    """
    value = _UNSAFE_ID.sub("-", unicodedata.normalize("NFC", clean_text(raw))).strip("-.")
    value = value[:MAX_ID_LENGTH].encode("utf-8")[:MAX_ID_BYTES].decode("utf-8", "ignore").rstrip("-.")
    if value.split(".")[0].upper() in _RESERVED_NAMES:  # CON, NUL, COM1...: devices on Windows
        value = "_" + value
    return value or "article"


def with_safe_id(article: Article) -> Article:
    """The article with an id safe as a file name (readers make safe ids; callers may not)."""
    safe = safe_id(article.id)
    return article if article.id == safe else dataclasses.replace(article, id=safe)


def split_date_line(text: str) -> tuple[str | None, str]:
    """Split an optional leading `date YYYY-MM-DD` from the text."""
    match = _DATE_LINE.match(text)
    if not match:
        return None, text
    return match.group(1), text[match.end():].lstrip(" \t")


def clean_text(text: str) -> str:
    """Text safe to store and write: no control characters but tab and line breaks, no lone surrogates.

    JSON lines can carry both ("\\u0000", "\\ud800"); neither survives UTF-8 files or RDF/XML.
    """
    return _UNWANTED.sub(lambda m: "\ufffd" if m.group() >= "\ud800" else "", text)


class _VisibleText(HTMLParser):
    """Collects the visible text of an HTML page, blocks as paragraphs.

    Scripts, styles, forms, navigation, asides and footers are dropped, and so is a header outside
    the article; when the page marks its story with <article> or <main>, only that text is kept.
    """

    HIDDEN = {"script", "style", "noscript", "template", "svg", "math", "nav", "footer", "aside", "iframe",
              "object", "canvas", "form", "button", "select", "dialog"}
    BODY = {"article", "main"}
    BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "main",
              "article", "blockquote", "figcaption", "header", "ul", "ol", "table"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []  # visible text of the whole page
        self.body: list[str] = []  # visible text inside <article> / <main>
        self.title: list[str] = []
        self._hidden: list[str] = []  # open elements whose text is dropped
        self._open_body = 0
        self._in_title = False

    def _is_hidden(self, tag: str) -> bool:
        return tag in self.HIDDEN or (tag == "header" and not self._open_body)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if self._is_hidden(tag):
            self._hidden.append(tag)
        elif tag == "title":
            self._in_title = True
        elif tag in self.BODY:
            self._open_body += 1
        if tag in self.BLOCKS:
            self._add("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._hidden:  # close it and anything left open inside it
            del self._hidden[len(self._hidden) - 1 - self._hidden[::-1].index(tag):]
        elif tag == "title":
            self._in_title = False
        elif tag in self.BODY and self._open_body:
            self._open_body -= 1
        if tag in self.BLOCKS:
            self._add("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._hidden:
            self._add(data)

    def _add(self, text: str) -> None:
        self.parts.append(text)
        if self._open_body:
            self.body.append(text)

    def text(self) -> str:
        chosen = self.body if "".join(self.body).strip() else self.parts
        paragraphs = (" ".join(p.split()) for p in "".join(chosen).split("\n\n"))
        return "\n\n".join(p for p in paragraphs if p)


def html_to_text(html: str) -> tuple[str, str | None]:
    """The visible text of an HTML page and its <title>."""
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    title = " ".join("".join(parser.title).split()) or None
    return parser.text(), title


def split_headline(text: str) -> tuple[str | None, str]:
    """Split a leading headline (a short title-case line of its own, no final stop) from the body.

    Headlines are written in title case, which reads to a tagger like a run of names.
    """
    first, sep, rest = text.lstrip().partition("\n")
    words = first.split()
    if not sep or not rest.strip() or not 2 <= len(words) <= 25 or first.rstrip()[-1:] in ".!?:;,":
        return None, text
    capitalised = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    if capitalised < 0.6 * len(words) or len(words) > 3 and capitalised == len(words) and first.isupper():
        return None, text
    return " ".join(words), rest.lstrip("\n")


def _from_text(path: Path, text: str) -> Article:
    date, body = split_date_line(text)
    title, body = split_headline(body)
    return Article(id=safe_id(path.stem), text=body, date=date, title=title, source=str(path))


def _from_html(path: Path, html: str) -> Article:
    body, title = html_to_text(html)
    date, body = split_date_line(body)
    return Article(id=safe_id(path.stem), text=body, date=date, title=title, source=str(path))


def _web_url(value: str) -> str | None:
    """The URL if it is http(s); other schemes (javascript:, data:, file:) are not kept."""
    return value if re.match(r"https?://", value.strip(), re.IGNORECASE) else None


def _record(record: dict, default_id: str, where: str) -> Article | ReadError:
    """One JSON line as an Article, or why it is not one."""
    if not isinstance(record.get("text"), str):
        return ReadError(where, 'expected an object with a string "text"')
    text = clean_text(record["text"])
    if not text.strip():
        return ReadError(where, "empty article (no text)")
    meta = {k: clean_text(str(record[k])) for k in ("date", "title", "url") if record.get(k)}
    if "url" in meta and not _web_url(meta["url"]):
        del meta["url"]
    raw_id = clean_text(str(record.get("id") or default_id))
    return Article(id=safe_id(raw_id), text=text, source=where, **meta)


def _from_jsonl(path: Path, text: str) -> Iterator[Article | ReadError]:
    if not text.strip():
        yield ReadError(str(path), "empty file (no JSON lines)")
    # Only \n ends a line: JSON strings may hold U+2028 and other characters str.splitlines breaks at.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except ValueError as err:
            where_in_line = f" at column {err.colno}" if isinstance(err, json.JSONDecodeError) else ""
            yield ReadError(where, f"not valid JSON{where_in_line}: {getattr(err, 'msg', err)}")
            continue
        except RecursionError:
            yield ReadError(where, "not valid JSON (nested too deeply)")
            continue
        if not isinstance(record, dict):
            yield ReadError(where, 'expected an object with a string "text"')
            continue
        yield _record(record, f"{path.stem}-{number}", where)


def read_file(path: str | Path) -> Iterator[Article | ReadError]:
    """Articles of one file (several for .jsonl); problems come back as ReadError items."""
    path = Path(path)
    suffix = path.suffix.lower()
    is_html = suffix in (".html", ".htm")
    try:
        decoded = decode_bytes(data := path.read_bytes(), declared_charset(data) if is_html else None)
    except (OSError, UndecodableError) as err:
        yield ReadError(str(path), f"cannot read: {err.strerror if isinstance(err, OSError) else err}")
        return
    if decoded.how == "detected":
        log.warning("%s: not UTF-8; read as %s (detected)", path, decoded.encoding)
    text = clean_text(decoded.text)
    if suffix == ".jsonl":
        yield from _from_jsonl(path, text)
        return
    article = _from_html(path, text) if is_html else _from_text(path, text)
    if not article.text.strip():
        yield ReadError(str(path), "no visible article text (only markup, scripts or navigation)" if is_html
                        else "empty article (no text)")
    else:
        yield article


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path | ReadError]:
    """Article files under the given files and folders, sorted, folders searched recursively."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*")
                              if p.is_file() and p.suffix.lower() in SUFFIXES
                              and not any(part.startswith(".") for part in p.relative_to(path).parts))
        elif path.is_file():
            yield path
        else:
            yield ReadError(str(path), "no such file or folder")


def unique_id(article_id: str, taken: set[str]) -> str:
    """`article_id`, or it with the first free suffix -2, -3...; ids that differ only in case clash
    (they would share a file on case-insensitive disks). Adds the id chosen to `taken`."""
    candidate, number = article_id, 1
    while candidate.casefold() in taken:
        number += 1
        candidate = safe_id(article_id[:MAX_ID_LENGTH - 8]) + f"-{number}"
    taken.add(candidate.casefold())
    return candidate


def read_articles(paths: Iterable[str | Path]) -> Iterator[Article | ReadError]:
    """Every article under `paths`, with a ReadError for each input that could not be read.

    Ids are unique in one run: a repeated id gets a numeric suffix.
    """
    taken: set[str] = set()
    for item in iter_files(paths):
        if isinstance(item, ReadError):
            yield item
            continue
        for result in read_file(item):
            if isinstance(result, Article):
                result = dataclasses.replace(result, id=unique_id(result.id, taken))
            yield result


def article_from_text(text: str, article_id: str = "article", **meta: str) -> Article:
    """An Article from a string, read as a .txt file is (optional `date` line and headline)."""
    date, body = split_date_line(clean_text(text))
    title, body = split_headline(body)
    meta.setdefault("title", title)
    meta = {k: clean_text(v) for k, v in meta.items() if v is not None}
    return Article(id=safe_id(article_id), text=body, date=meta.pop("date", date), **meta)
