"""Our hostile corpus: markup and injection strings in names and sentences, traversal ids, broken
encodings, binary and empty files, a broken JSON line and a 50 MB article, beside good articles.

The small text files live in data/hostile/; the rest is generated into a test's tmp folder (the
huge and binary files, and the JSON lines whose ids name paths inside that folder).
"""
from __future__ import annotations

import codecs
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from kg.corpus import safe_id
from kg.model import Article, ArticleExtraction, Entity, Fact, Provenance

DATA = Path(__file__).parent / "data" / "hostile"

#: Strings that would run, break out or inject if pasted into HTML, JavaScript, SPARQL, Turtle or a shell.
HOSTILE_NAMES = (
    "<img src=x onerror=alert(1)>",
    "</script><script>alert(2)</script>",
    'Dax "Backslash\\" Oyen',
    'x" } ; DROP ALL ; #',
    "Quill } Point",
    "back\\slash \\u0041 \\n",
    "'single' & \"double\" &amp; &lt;",
    "<!-- not a comment --> ]]> {{ template }} ${jsvar} `$(touch shell-pwned)`",
    "Right\u202eto-left \U0001f3ac",
)
INJECTION = 'x" } ; DROP ALL ; #'
SHELL_MARKER = "shell-pwned"  # a file some `$(touch shell-pwned)` would create if anything ran a shell
HUGE_BYTES = 50 * 1024 * 1024
GOOD_SENTENCE = "Nora Vance stars as Edie Marsh in Lantern Hill, a new drama series from Peacock."


@dataclass
class HostileCorpus:
    """Where the corpus is, and what a build of it must show."""

    folder: Path
    good_ids: set[str] = field(default_factory=set)  # ids every build must put in the graph
    bad_sources: list[str] = field(default_factory=list)  # file (or file:line) every report must name
    outside: list[Path] = field(default_factory=list)  # paths a traversal id would write to


def _jsonl_records(root: Path) -> list[dict | str]:
    """JSON lines with ids that try to leave the output folder, markup titles, and a broken line."""
    text = "Mira Sol plays Jonah Pike in Gullwing Bay, a drama series that premieres on HBO in May."
    return [
        {"id": INJECTION, "title": "</script><script>alert('title')</script>", "text": text},
        {"id": "../../escaped", "text": text.replace("Mira Sol", "Tess Arden")},
        {"id": str(root / "absolute-escape"), "text": text.replace("Mira Sol", "Ada Fenn")},
        {"id": "nul\u0000byte", "text": text.replace("Mira Sol", "Cole Darby")},
        {"id": "y" * 5000, "text": text.replace("Mira Sol", "Lena Rusk")},
        '{"id": "cut-off", "text": "this line is broken',
        {"id": f"$(touch {SHELL_MARKER})", "url": "javascript:alert(7)", "text": text.replace("Mira Sol", "Remy Hale")},
    ]


def write_hostile_corpus(root: Path, huge: bool = True) -> HostileCorpus:
    """Write the corpus into root/corpus; `huge` adds the 50 MB article."""
    folder = root / "corpus"
    shutil.copytree(DATA, folder)
    corpus = HostileCorpus(folder, good_ids={p.stem for p in DATA.iterdir()})
    # good articles in other encodings
    (folder / "legacy-cp1252.txt").write_bytes(
        f"{GOOD_SENTENCE}\n\nLantern Hill co-stars Zoë Brandt as “Nell”.".encode("cp1252"))
    (folder / "utf16-with-bom.txt").write_bytes(GOOD_SENTENCE.encode("utf-16"))
    corpus.good_ids |= {"legacy-cp1252", "utf16-with-bom"}
    # JSON lines: good ones with hostile ids, and one broken line
    records = _jsonl_records(root)
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    corpus.good_ids |= {safe_id(r["id"]) for r in records if isinstance(r, dict)}
    broken = next(n for n, r in enumerate(records, start=1) if isinstance(r, str))
    corpus.bad_sources.append(f"{folder / 'feed.jsonl'}:{broken}")
    corpus.outside = [root / "escaped.json", root / "absolute-escape.json", root / SHELL_MARKER,
                      Path(str(root / "absolute-escape") + ".json")]
    # inputs that must be skipped, each named in the report
    bad = {"empty.txt": b"", "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
           "bad-bom.txt": codecs.BOM_UTF8 + b"Nora Vance \xff\xfe\xfd stars",
           "scripts-only.html": b"<html><body><nav>Menu</nav><script>alert(8)</script></body></html>"}
    for name, data in bad.items():
        (folder / name).write_bytes(data)
        corpus.bad_sources.append(str(folder / name))
    if huge:
        paragraph = (GOOD_SENTENCE + " ") * 20 + "\n\n"
        with open(folder / "huge.txt", "w", encoding="utf-8") as out:
            out.write(paragraph * (HUGE_BYTES // len(paragraph) + 1))
        corpus.bad_sources.append(str(folder / "huge.txt"))
    return corpus


def hostile_extraction(article_id: str = "hostile-names") -> ArticleExtraction:
    """An extraction whose every name is hostile: a work, its cast, characters and a network."""
    article = Article(id=article_id, text=" ".join(HOSTILE_NAMES), date="2025-05-03",
                      title=HOSTILE_NAMES[1], url="https://example.org/a?b=1&c=<x>")
    work, *people = HOSTILE_NAMES

    def provenance(sentence: str) -> Provenance:
        return Provenance(article_id, sentence, 0, len(sentence), 0.8, "plays-character")

    entities = [Entity(work, "Work", "TVSeries", aliases=[INJECTION + " (alias)"])]
    facts = []
    for index, name in enumerate(people):
        character = f"{name} the character"
        entities += [Entity(name, "Person"), Entity(character, "Character")]
        facts.append(Fact(work, "cast_member", name, provenance(f"{name} plays {character} in {work}."), character))
    entities.append(Entity("Net <b>work</b>", "Organization", "Network"))
    facts.append(Fact(work, "network", "Net <b>work</b>", provenance(f"{work} airs on Net <b>work</b>.")))
    return ArticleExtraction(article, entities, facts)
