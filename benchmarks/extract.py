"""Benchmark: `kg extract` against the bare spaCy pipeline, and `--jobs 2` against `--jobs 1`.

The text is news-like prose generated from our own `corpus/` articles: each copy gets fresh
invented names for its people, characters and works, and its body paragraphs in a new order.

    python benchmarks/extract.py            # about 2 MB of text
    python benchmarks/extract.py --quick    # a few articles, to check that it runs
    python benchmarks/extract.py --profile 25   # and the 25 functions kg extract spends most time in
"""
from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import json
import os
import pstats
import random
import re
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
CORPUS = REPO_ROOT / "corpus"
#: Capitalised words of names that are cues, not names: they stay as they are.
KEEP_WORDS = {"The", "A", "An", "Of", "And", "El", "Dr", "Father", "Lieutenant", "Mr", "Ms", "Mrs"}
_NAME_WORD = re.compile(r"[^\W\d_]{2,}")
_ONSETS = ["b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "st", "th", "tr"]
_VOWELS = ["a", "e", "i", "o", "u", "a", "e", "o", "ai", "ou"]
_CODAS = ["", "", "", "", "n", "r", "l", "s", "m", "nd"]


# -- the text -----------------------------------------------------------------------------------
def invented_word(rng: random.Random) -> str:
    """A pronounceable capitalised word of two or three syllables, made up on the spot."""
    syllables = rng.choice((2, 2, 3))
    return "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS)
                   for _ in range(syllables)).capitalize()


def name_words(gold: dict) -> list[str]:
    """The words of the names of people, characters and works in a gold file (with aliases)."""
    words = set()
    for entity in gold["entities"]:
        if entity["type"] in ("Person", "Character", "Work"):
            for name in [entity["label"], *entity.get("aliases", [])]:
                words.update(w for w in _NAME_WORD.findall(name) if w[0].isupper() and w not in KEEP_WORDS)
    return sorted(words, key=lambda w: (-len(w), w))


def vary_article(text: str, words: list[str], rng: random.Random) -> str:
    """The article with every name word replaced by an invented one and its body paragraphs shuffled."""
    mapping = {word: invented_word(rng) for word in words}
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b")
    varied = pattern.sub(lambda m: mapping[m.group(1)], text)
    date, headline, lead, *body = varied.split("\n\n")
    rng.shuffle(body)
    date = f"date 2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return "\n\n".join([date, headline, lead, *body])


def write_news(folder: Path, target_bytes: int, seed: int = 7) -> list[Path]:
    """Write varied copies of the corpus articles into `folder` until they reach `target_bytes`."""
    rng = random.Random(seed)
    sources = []
    for path in sorted(CORPUS.glob("*.txt")):
        gold = json.loads((CORPUS / "gold" / f"{path.stem}.json").read_text(encoding="utf-8"))
        sources.append((path.read_text(encoding="utf-8"), name_words(gold)))
    written, size = [], 0
    while size < target_bytes:
        text, words = sources[len(written) % len(sources)]
        article = vary_article(text, words, rng)
        path = folder / f"news-{len(written):05d}.txt"
        path.write_text(article, encoding="utf-8")
        written.append(path)
        size += len(article.encode("utf-8"))
    return written


# -- the runs -----------------------------------------------------------------------------------
def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (worker processes)."""
    return sum(resource.getrusage(who).ru_utime + resource.getrusage(who).ru_stime
               for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))


def timed(run: Callable[[], object]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one run."""
    wall, cpu = time.perf_counter(), cpu_seconds()
    run()
    return time.perf_counter() - wall, cpu_seconds() - cpu


def bare_spacy(texts: list[str], model: str, batch_size: int) -> Callable[[], None]:
    """The model as spaCy ships it, without kg: nlp.pipe over the same texts."""
    import spacy
    nlp = spacy.load(model)

    def run() -> None:
        for _ in nlp.pipe(texts, batch_size=batch_size):
            pass
    return run


def kg_extract(folder: Path, out: Path, jobs: int, batch_size: int, model: str) -> Callable[[], None]:
    """`kg extract FOLDER --out OUT --jobs N`: read, spaCy, extract, write the facts files."""
    from kg.cli import main as kg_main

    def run() -> None:
        with contextlib.redirect_stderr(io.StringIO()):
            code = kg_main(["extract", str(folder), "--out", str(out), "--jobs", str(jobs),
                            "--batch-size", str(batch_size), "--model", model])
        if code != 0:
            raise RuntimeError(f"kg extract exited with {code}")
    return run


def profile(run: Callable[[], None], top: int) -> None:
    """Run under cProfile and print the functions with the most time of their own."""
    profiler = cProfile.Profile()
    profiler.runcall(run)
    print(f"\nprofile of kg extract --jobs 1, top {top} functions by own time:")
    pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(top)


def same_files(a: Path, b: Path) -> bool:
    names = sorted(p.name for p in a.iterdir())
    return names == sorted(p.name for p in b.iterdir()) and all(
        (a / n).read_bytes() == (b / n).read_bytes() for n in names)


def report(runs: list[tuple[str, float, float]], words: int, jobs: int, identical: bool) -> None:
    """The table of runs, the two ratios, and whether the parallel run wrote the same files."""
    print(f"\n{'run':26s} {'wall s':>8s} {'CPU s':>8s} {'words/s':>9s}")
    for name, wall, cpu in runs:
        print(f"{name:26s} {wall:8.2f} {cpu:8.2f} {words / wall:9,.0f}")
    (_, bare, bare_cpu), (_, serial, serial_cpu), (_, parallel, _) = runs
    print(f"\nratio kg extract / bare spaCy: {serial / bare:.2f}x wall, {serial_cpu / bare_cpu:.2f}x CPU "
          f"(target <= 1.25x)")
    print(f"ratio --jobs {jobs} speedup over --jobs 1: {serial / parallel:.2f}x wall (target >= 1.7x)")
    print(f"load average (1 min) at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores "
          "(other work on the machine slows the wall-clock runs)")
    print(f"facts files of --jobs {jobs} identical to --jobs 1: {'yes' if identical else 'NO'}")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its table and ratios; 0 when both runs wrote the same facts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a few articles only (checks that it runs)")
    parser.add_argument("--mb", type=float, default=2.0, help="megabytes of text to generate (default: 2)")
    parser.add_argument("--jobs", type=int, default=2, help="processes of the parallel run (default: 2)")
    parser.add_argument("--batch-size", type=int, default=32, help="articles per spaCy batch (default: 32)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each, the fastest counts (default: 1)")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: kg's)")
    parser.add_argument("--profile", type=int, default=0, metavar="N",
                        help="also profile kg extract --jobs 1 with cProfile and print its top N functions")
    args = parser.parse_args(argv)
    if args.jobs < 2:
        parser.error("--jobs is the parallel run's processes: at least 2")
    from kg.corpus import read_articles
    from kg.nlp import DEFAULT_MODEL, load_pipeline
    model = args.model or DEFAULT_MODEL
    target = 20_000 if args.quick else int(args.mb * 1_000_000)
    batch_size = 4 if args.quick else args.batch_size

    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        news, out1, outn = Path(tmp, "news"), Path(tmp, "jobs1"), Path(tmp, f"jobs{args.jobs}")
        news.mkdir()
        paths = write_news(news, target)
        texts = [a.text for a in read_articles([news])]
        words = sum(len(t.split()) for t in texts)
        megabytes = sum(p.stat().st_size for p in paths) / 1e6
        print(f"text: {len(paths)} articles, {words:,} words, {megabytes:.2f} MB; model {model}, "
              f"batch size {batch_size}")
        load_pipeline(model)  # loading is not what we measure
        contenders = {"bare spaCy nlp.pipe": bare_spacy(texts, model, batch_size),
                      "kg extract --jobs 1": kg_extract(news, out1, 1, batch_size, model),
                      f"kg extract --jobs {args.jobs}": kg_extract(news, outn, args.jobs, batch_size, model)}
        times = [[timed(run) for run in contenders.values()] for _ in range(max(1, args.repeat))]
        runs = [(name, min(t[i][0] for t in times), min(t[i][1] for t in times))
                for i, name in enumerate(contenders)]
        identical = same_files(out1, outn)
        report(runs, words, args.jobs, identical)
        if args.profile:
            profile(kg_extract(news, Path(tmp, "profiled"), 1, batch_size, model), args.profile)
    return 0 if identical else 1


if __name__ == "__main__":
    sys.exit(main())
