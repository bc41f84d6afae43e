"""Read news articles from .txt, .html and .jsonl files into `Article`s.

Unreadable inputs never stop a run: each problem is reported as a `ReadError` naming the file
(and line), and every other article is still returned.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from .model import Article

SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".jsonl")
_DATE_LINE = re.compile(r"\A\s*date[ \t]+(\d{4}-\d{2}-\d{2})\b[ \t]*\n?", re.IGNORECASE)
_UNSAFE_ID = re.compile(r"[^\w.\-]+", re.UNICODE)
MAX_ID_LENGTH = 120


@dataclass(frozen=True)
class ReadError:
    """An input that could not be read: which file (and line), and why."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


def safe_id(raw: str) -> str:
    """An article id that is safe as a file name: no separators, no dot-only names, bounded length."""
    value = _UNSAFE_ID.sub("-", raw.replace("\x00", "")).strip("-.")
    return value[:MAX_ID_LENGTH] or "article"


def split_date_line(text: str) -> tuple[str | None, str]:
    """Split an optional leading `date YYYY-MM-DD` from the text."""
    match = _DATE_LINE.match(text)
    if not match:
        return None, text
    return match.group(1), text[match.end():].lstrip(" \t")


def decode(data: bytes) -> str:
    """Decode bytes as UTF-8 (with or without BOM), else UTF-16 with BOM, else fail."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data:
        raise ValueError("binary file (contains NUL bytes)")
    return data.decode("utf-8-sig")


class _VisibleText(HTMLParser):
    """Collects the visible text of an HTML page: no script, style or head, blocks as paragraphs."""

    HIDDEN = {"script", "style", "head", "noscript", "template", "svg", "nav", "footer", "iframe"}
    BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
              "article", "blockquote", "figcaption", "header", "ul", "ol", "table"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._hidden = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.HIDDEN:
            self._hidden += 1
        elif tag == "title":
            self._in_title = True
        if tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN and self._hidden:
            self._hidden -= 1
        elif tag == "title":
            self._in_title = False
        if tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._hidden:
            self.parts.append(data)

    def text(self) -> str:
        paragraphs = (" ".join(p.split()) for p in "".join(self.parts).split("\n\n"))
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


def _from_jsonl(path: Path, text: str) -> Iterator[Article | ReadError]:
    if not text.strip():
        yield ReadError(str(path), "empty file (no JSON lines)")
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except ValueError as err:
            yield ReadError(where, f"not valid JSON ({err.msg})")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield ReadError(where, 'expected an object with a string "text"')
            continue
        raw_id = str(record.get("id") or f"{path.stem}-{number}")
        meta = {k: str(record[k]) for k in ("date", "title", "url") if record.get(k)}
        yield Article(id=safe_id(raw_id), text=record["text"], source=where, **meta)


def read_file(path: str | Path) -> Iterator[Article | ReadError]:
    """Articles of one file (several for .jsonl); problems come back as ReadError items."""
    path = Path(path)
    try:
        text = decode(path.read_bytes())
    except (OSError, UnicodeDecodeError, ValueError) as err:
        reason = "not UTF-8 text" if isinstance(err, UnicodeDecodeError) else str(err)
        yield ReadError(str(path), f"cannot read: {reason}")
        return
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from _from_jsonl(path, text)
        return
    article = _from_html(path, text) if suffix in (".html", ".htm") else _from_text(path, text)
    if not article.text.strip():
        yield ReadError(str(path), "empty article (no text)")
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


def read_articles(paths: Iterable[str | Path]) -> Iterator[Article | ReadError]:
    """Every article under `paths`, with a ReadError for each input that could not be read.

    Ids are unique in one run: a repeated id gets a numeric suffix.
    """
    seen: dict[str, int] = {}
    for item in iter_files(paths):
        if isinstance(item, ReadError):
            yield item
            continue
        for result in read_file(item):
            if isinstance(result, Article):
                count = seen.get(result.id, 0)
                seen[result.id] = count + 1
                if count:
                    result = Article(id=f"{result.id}-{count + 1}", text=result.text, date=result.date,
                                     title=result.title, url=result.url, source=result.source)
            yield result


def article_from_text(text: str, article_id: str = "article", **meta: str) -> Article:
    """An Article from a string, read as a .txt file is (optional `date` line and headline)."""
    date, body = split_date_line(text)
    title, body = split_headline(body)
    meta.setdefault("title", title)
    return Article(id=safe_id(article_id), text=body, date=meta.pop("date", date), **meta)
