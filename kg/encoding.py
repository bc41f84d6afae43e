"""Bytes of an article file -> text: a BOM, a declared charset, UTF-8, else a detected encoding.

Articles come from anywhere, so a file that is not UTF-8 is decoded with the encoding it declares
(an HTML `<meta charset>`) or one detected from its bytes; a file that is no text at all raises
`UndecodableError` with a reason a user can act on.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

#: Byte-order marks, longest first (a UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
#: `<meta charset="x">` or `<meta http-equiv="Content-Type" content="text/html; charset=x">`.
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
#: How far into an HTML file to look for the declaration (the HTML standard's prescan: 1024 bytes).
PRESCAN_BYTES = 1024
#: Text this much ASCII is Western prose in a legacy code page: windows-1252, the HTML standard's
#: fallback (a superset of latin-1 for printable text); statistical detection guesses badly on it.
WESTERN_ASCII_SHARE = 0.9
#: More control characters than this share of the text means the bytes are not text.
MAX_CONTROL_SHARE = 0.01
#: Labels the HTML standard reads as windows-1252 (pages labelled latin-1 use its quotes and dashes).
_AS_WINDOWS_1252 = {"iso8859-1": "cp1252", "ascii": "cp1252"}
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # Unicode Cc but tab, line and form feeds, CR


_ASCII = bytes(range(0x80))
_CONTROL_BYTES = bytes([*range(0x09), *range(0x0e, 0x20), 0x7f])


class UndecodableError(ValueError):
    """The bytes are not text in any encoding we can tell (binary, or an unknown encoding)."""


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, the encoding used and how it was chosen."""

    text: str
    encoding: str
    how: str  # "bom", "declared", "utf-8" or "detected"


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag near its start, if Python knows it."""
    match = _META_CHARSET.search(data[:PRESCAN_BYTES])
    if not match:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None
    return _AS_WINDOWS_1252.get(name, name)


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _looks_binary(text: str | bytes) -> bool:
    """More control characters than MAX_CONTROL_SHARE (bytes: counted fast, C0 and DEL only)."""
    if isinstance(text, bytes):
        controls = len(text) - len(text.translate(None, _CONTROL_BYTES))
    else:
        controls = len(_CONTROLS.findall(text))
    return controls > MAX_CONTROL_SHARE * max(len(text), 1)


def _detect(data: bytes) -> Decoded:
    """Guess the encoding of bytes that are not UTF-8 (see WESTERN_ASCII_SHARE for the rule)."""
    ascii_share = 1 - len(data.translate(None, _ASCII)) / max(len(data), 1)
    if b"\x00" not in data and ascii_share >= WESTERN_ASCII_SHARE:
        text = _strict(data, "cp1252") or data.decode("latin-1")  # cp1252 leaves 5 bytes undefined
        encoding = "cp1252"
    else:
        from charset_normalizer import from_bytes
        best = from_bytes(data).best()
        if best is None:
            raise UndecodableError("binary file or unknown encoding (not UTF-8, no encoding detected)")
        text, encoding = str(best), best.encoding
    if _looks_binary(text):
        raise UndecodableError("binary file (control bytes, not text)")
    return Decoded(text, encoding, "detected")


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode an article file: its BOM, else the `declared` charset, else UTF-8, else detection."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _strict(data, encoding)
            if text is None:
                name = encoding.replace("-sig", "").upper()
                raise UndecodableError(f"starts with a {name} byte-order mark but is not valid {name}")
            return Decoded(text, encoding, "bom")
    if declared:
        text = _strict(data, declared)
        if text is not None and not _looks_binary(text):
            return Decoded(text, declared, "declared")
    text = _strict(data, "utf-8")
    if text is not None and not _looks_binary(data):
        return Decoded(text, "utf-8", "utf-8")
    return _detect(data)
