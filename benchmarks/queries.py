"""Query benchmark: load time, memory and the latency of every shipped named query, Oxigraph on
disk against rdflib in memory, on synthetic graphs shaped like kg's (10k / 100k / 1M triples).

    python benchmarks/queries.py [--quick] [--sizes 10000,100000] [--repeat 5] [--cap 10] [--rdflib-max N]

The graph is made by kg's own RDF writer (kg.rdf.article_graph) from invented articles: each
has a work (series or film) with a network and a studio, a creator, director, writer and
producer, a cast with characters and prior credits, and a provenance statement per fact in the
article's named graph; people, works and organizations recur across articles as in real news.
Each store is measured in its own process (so memory is its own), through kg's run_query with
the parameters a user would give (names picked from the data) and unbound (the default LIMIT);
a query that runs past --cap seconds is cut and shown as n/a.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

QUICK_SIZES = (2_000, 8_000)
FULL_SIZES = (10_000, 100_000, 1_000_000)
STORES = ("oxigraph", "rdflib")
FIRST = ("Amara", "Bastien", "Calla", "Dorian", "Elsa", "Fenwick", "Greta", "Hollis", "Ines", "Jorah",
         "Kasia", "Lowen", "Mireille", "Niall", "Orla", "Pascal", "Quilla", "Rafferty", "Sabine", "Teodor")
LAST = ("Abernathy", "Brightwater", "Castellane", "Dunmore", "Everhart", "Fairweather", "Galloway",
        "Hartigan", "Ironside", "Jessop", "Kinsella", "Lindqvist", "Marchbanks", "Northcote", "Okonkwo",
        "Pemberton", "Quennell", "Rosewarne", "Strathmore", "Thackeray")
WORD = ("Harbor", "Lantern", "Copper", "Willow", "Ember", "Saltwater", "Meridian", "Hollow", "Granite",
        "Juniper", "Falcon", "Ivory", "Tidewater", "Bramble", "Solstice", "Cinder", "Larkspur", "Vesper")


def person(i: int) -> str:
    """An invented, unique person name for index i."""
    return f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]}-{i // (len(FIRST) * len(LAST))}"


def work(i: int) -> str:
    return f"{WORD[i % len(WORD)]} {WORD[(i // len(WORD)) % len(WORD)]} {i // len(WORD) ** 2}"


def synthetic_article(n: int, rng: random.Random, people: int, works: int):
    """One invented article's extraction: a work, its makers, cast and organizations, with provenance."""
    from kg.model import Article, ArticleExtraction, Entity, Fact, Provenance
    title = work(rng.randrange(works))
    network, studio = f"Network {rng.randrange(40)}", f"Studio {rng.randrange(200)}"
    entities = [Entity(title, "Work", rng.choice(("TVSeries", "Movie"))),
                Entity(network, "Organization", "Network"), Entity(studio, "Organization", "Studio")]
    facts: list[Fact] = []

    def fact(subject: str, predicate: str, obj: str, character: str | None = None) -> None:
        sentence = f"Sentence {len(facts)} of article {n} about {subject} and {obj}."
        facts.append(Fact(subject, predicate, obj, Provenance(f"a{n}", sentence, 100 * len(facts),
                                                              100 * len(facts) + len(sentence), 0.8, "synthetic"),
                          character))

    fact(title, "network", network)
    fact(title, "production_company", studio)
    for predicate in ("creator", "director", "writer", "producer"):
        maker = person(rng.randrange(people))
        entities.append(Entity(maker, "Person"))
        fact(title, predicate, maker)
    for _ in range(rng.randint(3, 6)):
        actor, character = person(rng.randrange(people)), f"Role {rng.randrange(people)}"
        entities += [Entity(actor, "Person"), Entity(character, "Character")]
        fact(title, "cast_member", actor, character)
        prior = work(rng.randrange(works))
        entities.append(Entity(prior, "Work"))
        fact(actor, "credit", prior)
    unique = {(e.label, e.type): e for e in entities}
    article = Article(f"a{n}", "", date=f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}", title=f"News about {title}")
    return ArticleExtraction(article, list(unique.values()), facts)


def generate(triples: int, path: Path, seed: int = 7) -> dict:
    """Write an N-Quads file of about `triples` triples; return the names to bind in queries."""
    from kg.rdf import article_graph
    rng = random.Random(seed)
    people, works = max(50, triples // 60), max(20, triples // 400)  # names recur across articles
    written, n, probe = 0, 0, None
    with open(path, "w", encoding="utf-8") as out:
        while written < triples:
            extraction = synthetic_article(n, rng, people, works)
            graph = article_graph(extraction)
            name = graph.identifier.n3()
            out.writelines(f"{s.n3()} {p.n3()} {o.n3()} {name} .\n" for s, p, o in graph)
            written += len(graph)
            if probe is None:
                cast = next(f for f in extraction.facts if f.predicate == "cast_member")
                probe = {"work": cast.subject, "person": cast.object}
            n += 1
    return {"triples": written, "articles": n, **probe}


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


class Timeout(Exception):
    """A query ran past the per-query cap."""


def _alarm(signum, frame):
    raise Timeout


def cases(probe: dict) -> list[tuple[str, str, dict]]:
    """(label, query name, parameters) for every shipped query: bound to names a user would give
    (picked from the synthetic data), and unbound with its default LIMIT."""
    from kg.query import list_queries
    values = {"work": probe["work"], "person": probe["person"], "subject": probe["work"], "object": probe["person"]}
    found = []
    for query in list_queries():
        if query.params:
            bound = {p: values[p] for p in query.params}
            found.append((f"{query.name} ({', '.join(bound)})", query.name, bound))
        found.append((query.name, query.name, {}))
    return found


def time_query(store, name: str, params: dict, repeat: int, cap: float) -> dict:
    """Median time of `repeat` runs after a warm-up run; a run past `cap` seconds is cut (SIGALRM)."""
    from kg.query import run_query
    times, rows, spent = [], 0, 0.0
    signal.signal(signal.SIGALRM, _alarm)
    for _ in range(repeat + 1):  # the first run warms caches (and rdflib's parser)
        started = time.perf_counter()
        signal.setitimer(signal.ITIMER_REAL, cap)
        try:
            rows = len(run_query(store, name, params))
        except Timeout:
            return {"ms": None, "rows": None}
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        times.append(time.perf_counter() - started)
        spent += times[-1]
        if spent > cap:  # slow: fewer runs
            break
    return {"ms": 1000 * statistics.median(times[1:] or times), "rows": rows}


def worker(store_name: str, data: Path, probe: dict, repeat: int, cap: float) -> dict:
    """In a fresh process: load the file into one store, then time every shipped query."""
    from kg.store import open_store
    before = _rss_mb()
    started = time.perf_counter()
    folder = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    store = open_store(f"oxigraph:{folder}" if store_name == "oxigraph" else "memory")
    store.load(data)
    load = time.perf_counter() - started
    result = {"load_s": load, "memory_mb": _rss_mb() - before, "queries": {}}
    for label, name, params in cases(probe):
        result["queries"][label] = time_query(store, name, params, repeat, cap)
    if store_name == "oxigraph":
        result["disk_mb"] = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 2**20
    store.close()
    shutil.rmtree(folder, ignore_errors=True)
    return result


def run_worker(store_name: str, data: Path, probe: dict, repeat: int, cap: float) -> dict:
    command = [sys.executable, __file__, "--worker", store_name, str(data), json.dumps(probe),
               "--repeat", str(repeat), "--cap", str(cap)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def table(rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths))) for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _ms(entry: dict, cap: float) -> str:
    return f"n/a (> {cap:g} s)" if entry["ms"] is None else f"{entry['ms']:,.1f}"


def report(measured: list[tuple[dict, dict]], cap: float) -> str:
    """Two tables (load and memory per size and store; ms per query, size and store) and a
    summary line per size: Oxigraph against rdflib, and Oxigraph's slowest query."""
    loads = [["triples", "store", "load s", "memory MB", "disk MB"]]
    header = ["query"]
    columns = []
    lines = []
    for probe, results in measured:
        size = f"{probe['triples']:,}"
        for store_name, r in results.items():
            disk = f"{r['disk_mb']:.0f}" if "disk_mb" in r else ""
            loads.append([size, store_name, f"{r['load_s']:.2f}", f"{r['memory_mb']:.0f}", disk])
            header.append(f"{size} {store_name}")
            columns.append(r["queries"])
        ox = results["oxigraph"]
        labels = list(ox["queries"])
        slowest = max(labels, key=lambda n: ox["queries"][n]["ms"] or float("inf"))
        line = f"{size} triples: Oxigraph's slowest query {slowest} {_ms(ox['queries'][slowest], cap)} ms"
        line += f" ({'under' if (ox['queries'][slowest]['ms'] or float('inf')) < 100 else 'OVER'} 100 ms)"
        if "rdflib" in results:
            rd = results["rdflib"]
            both = [n for n in labels if rd["queries"][n]["ms"] and ox["queries"][n]["ms"]]
            line += f"; Oxigraph loads {rd['load_s'] / ox['load_s']:.1f}x faster than rdflib"
            if both:
                mean = statistics.geometric_mean(rd["queries"][n]["ms"] / ox["queries"][n]["ms"] for n in both)
                line += f", answers {mean:.0f}x faster (geometric mean of {len(both)} queries both answered)"
        lines.append(line)
    labels = list(columns[0])
    times = [header] + [[label] + [_ms(c[label], cap) for c in columns] for label in labels]
    return f"{table(loads)}\n\nmilliseconds per query (median):\n{table(times)}\n\n" + "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help=f"small graphs ({', '.join(map(str, QUICK_SIZES))} triples)")
    parser.add_argument("--sizes", help="comma-separated triple counts (default: 10000,100000,1000000)")
    parser.add_argument("--repeat", type=int, default=None, help="timed runs per query (median; default 5, quick 2)")
    parser.add_argument("--cap", type=float, default=10.0,
                        help="seconds a query may run before it is cut and shown as n/a (default: 10)")
    parser.add_argument("--rdflib-max", type=int, default=1_000_000,
                        help="largest size measured on rdflib too (default: 1000000)")
    parser.add_argument("--worker", nargs=3, metavar=("STORE", "FILE", "PROBE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    repeat = args.repeat or (2 if args.quick else 5)
    if args.worker:
        store_name, data, probe = args.worker
        print(json.dumps(worker(store_name, Path(data), json.loads(probe), repeat, args.cap)))
        return 0
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else list(QUICK_SIZES if args.quick else FULL_SIZES)
    measured = []
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        for size in sizes:
            data = Path(tmp) / f"{size}.nq"
            probe = generate(size, data)
            stores = [s for s in STORES if s == "oxigraph" or size <= args.rdflib_max]
            measured.append((probe, {s: run_worker(s, data, probe, repeat, args.cap) for s in stores}))
            data.unlink()
    print(report(measured, args.cap))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    sys.exit(main())
