"""The gazetteer of real industry organizations (networks, streamers, studios), loaded from data."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..textnorm import fold

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
        for name, kind, aliases in entries:
            org = Organization(name, kind)
            for spelling in [name, *aliases]:
                for key in (fold(spelling), fold(spelling).replace(" ", "")):
                    self._by_key.setdefault(key, org)

    def lookup(self, text: str) -> Organization | None:
        """The organization named exactly by `text`, if any."""
        key = fold(text)
        return self._by_key.get(key) or self._by_key.get(key.replace(" ", ""))

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
