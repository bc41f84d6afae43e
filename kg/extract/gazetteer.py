"""The gazetteer of real industry organizations (networks, streamers, studios), loaded from data."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..textnorm import fold
from .lexicon import COMPANY_WORDS

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "organizations.tsv"


@dataclass(frozen=True)
class Organization:
    """A known organization: canonical name and whether it is a Network or a Studio."""

    name: str
    kind: str


class Gazetteer:
    """Looks up organizations by any spelling (accents, case, spaces, '#'/'@' ignored)."""

    def __init__(self, entries: list[tuple[str, str, list[str]]]):
        self._by_key: dict[str, Organization] = {}
        self._acronyms: set[str] = set()  # keys of short capitals ("DR", "FX"): case must match
        for name, kind, aliases in entries:
            org = Organization(name, kind)
            for spelling in [name, *aliases]:
                for key in (fold(spelling), fold(spelling).replace(" ", "")):
                    self._by_key.setdefault(key, org)
                if spelling.isupper() and len(spelling) <= 4:
                    self._acronyms.add(fold(spelling))

    def lookup(self, text: str) -> Organization | None:
        """The organization named exactly by `text`, if any."""
        key = fold(text)
        if key in self._acronyms and not text.strip(".#@ ").isupper():
            return None  # "Dr." is a title, not the broadcaster DR
        return self._by_key.get(key) or self._by_key.get(key.replace(" ", ""))

    def knows(self, text: str) -> bool:
        """True if `text` names a known organization."""
        return self.lookup(text) is not None

    def prefix_length(self, span) -> int:
        """Tokens of a known organization that starts a longer span of names, or 0.

        "HBO Jane Doe" and "Studio Name Ballet" split; "Max Bell" does not (one short word).
        """
        if len(span) < 2 or self.lookup(span.text) or span[-1].lower_ in COMPANY_WORDS:
            return 0  # ("Disney Branded Television" is one company's name)
        for n in (3, 2, 1):
            if n < len(span) and self.lookup(span[:n].text):
                if n > 1 or span[0].text.isupper() or len(span) - n > 1:
                    return n
        return 0

    def __len__(self) -> int:
        return len({org.name for org in self._by_key.values()})


def read_tsv(path: Path) -> list[tuple[str, str, list[str]]]:
    """Rows of a gazetteer file: name, kind, aliases; '#' lines are comments."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t") + ["", ""]
        name, kind, aliases = cells[0].strip(), cells[1].strip(), cells[2].strip()
        if kind not in ("Network", "Studio"):
            raise ValueError(f"{path}: kind of {name!r} must be Network or Studio, not {kind!r}")
        rows.append((name, kind, [a.strip() for a in aliases.split("|") if a.strip()]))
    return rows


@lru_cache(maxsize=8)
def load_gazetteer(path: str | None = None) -> Gazetteer:
    """The gazetteer at `path`, or the one shipped with kg."""
    return Gazetteer(read_tsv(Path(path) if path else DEFAULT_PATH))
