"""The `kg` command: thin subcommands over the library (build, extract, query, view, remove, eval, validate)."""
from __future__ import annotations

import argparse
import json
import logging
import shutil
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from pyparsing import ParseException

from . import __version__
from .corpus import read_articles
from .evaluate import evaluate
from .fsutil import staged_folder
from .graph import KnowledgeGraph, validate_graph, write_facts
from .network import PREDICATES, TYPES
from .nlp import DEFAULT_MODEL
from .pipeline import ExtractOptions, extract_articles
from .query import list_queries
from .store import open_store
from .terms import DEFAULT_BASE

DEFAULT_CORPUS = "corpus"
DEFAULT_OUT = "outputs"
EXIT_SKIPPED = 3  # some inputs could not be read; the rest landed
STORE_FOLDER = "store"  # the Oxigraph store of `kg build`, inside --out
STORE_HELP = ("graph store: memory, oxigraph:FOLDER, or the URL of a SPARQL 1.1 endpoint "
              "(credentials from KG_SPARQL_USER / KG_SPARQL_PASSWORD)")


def _count(text: str) -> int:
    """An argparse type: a whole number, 0 or more."""
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {value}")
    return value


def _extract_options(args: argparse.Namespace) -> ExtractOptions:
    return ExtractOptions(model=args.model, batch_size=args.batch_size, jobs=args.jobs,
                          min_confidence=args.min_confidence, chunk_chars=args.chunk_chars,
                          max_chars=args.max_chars)


def _add_extract_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", default=DEFAULT_MODEL,
                        help=f"installed spaCy pipeline to use (default: {DEFAULT_MODEL})")
    parser.add_argument("--jobs", type=int, default=1,
                        help="processes running spaCy and the extractor; same output as 1 (default: 1)")
    parser.add_argument("--batch-size", type=int, default=32, help="articles per spaCy batch (default: 32)")
    parser.add_argument("--min-confidence", type=float, default=0.0,
                        help="drop facts whose confidence is below this (0..1, default: 0)")
    defaults = ExtractOptions()
    parser.add_argument("--chunk-chars", type=int, default=defaults.chunk_chars,
                        help="longer articles go through spaCy in pieces cut at paragraph breaks "
                             f"(default: {defaults.chunk_chars:,})")
    parser.add_argument("--max-chars", type=int, default=defaults.max_chars,
                        help=f"skip (and report) articles longer than this (default: {defaults.max_chars:,})")


def _progress(total: int | None, enabled: bool):
    """A progress bar on stderr for long runs in a terminal (tqdm ships with spaCy)."""
    from tqdm import tqdm
    return tqdm(total=total, unit="article", disable=not enabled, file=sys.stderr, leave=False)


def _report_errors(errors) -> None:
    for error in errors:
        print(f"skipped {error}", file=sys.stderr)


def _default_store(out: str | Path) -> str:
    """The store `kg build` keeps between runs: Oxigraph in `<out>/store`."""
    return f"oxigraph:{Path(out) / STORE_FOLDER}"


def cmd_build(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    paths = args.paths or [DEFAULT_CORPUS]
    out = Path(args.out)
    fresh_out = not out.exists()
    with KnowledgeGraph(store=args.store or _default_store(out), options=_extract_options(args),
                        base=args.base_iri) as graph:
        bar = _progress(None, sys.stderr.isatty() and not args.quiet)
        report = graph.add_paths(paths, on_article=lambda _: bar.update(1))
        bar.close()
        _report_errors(report.errors)
        if not report.articles and not report.unchanged:
            graph.close()
            if fresh_out:  # the empty store this run created
                shutil.rmtree(out, ignore_errors=True)
            print(f"kg: no article could be read from {', '.join(map(str, paths))}; nothing written", file=sys.stderr)
            return 2
        _write_outputs(graph, out, html=not args.no_html, title="kg: " + ", ".join(str(p) for p in paths))
        summary = graph.summary()
    seconds = time.perf_counter() - started
    if not args.quiet:
        print(f"articles: {summary['articles']}" + (f" ({len(report.errors)} skipped)" if report.errors else ""))
        print(f"parsed:   {len(report.articles)} new or changed, {len(report.unchanged)} unchanged; "
              f"{len(report.rewritten)} named graphs rewritten")
        print("entities: " + ", ".join(f"{k} {v}" for k, v in sorted(summary["entities"].items())))
        print("facts:    " + ", ".join(f"{k} {v}" for k, v in sorted(summary["facts"].items())))
        print(f"triples:  {summary['triples']}")
        print(f"store:    {args.store or _default_store(out)}")
        print(f"wrote:    {out}/graph.ttl, graph.trig, graph.jsonld"
              + ("" if args.no_html else ", graph.html") + ", facts/*.json")
        print(f"seconds:  {seconds:.1f}")
    return EXIT_SKIPPED if report.errors else 0


def _write_outputs(graph: KnowledgeGraph, out: Path, html: bool, title: str) -> None:
    """The exports of the store: facts files, Turtle, TriG, JSON-LD and the HTML view."""
    with staged_folder(out) as stage:  # a build stopped at any moment leaves the previous outputs
        written = {Path(p).name for p in graph.write_facts(stage / "facts")}
        for name in ("graph.ttl", "graph.trig", "graph.jsonld"):
            graph.save(stage / name)
        if html:
            graph.to_html(stage / "graph.html", title=title)
    for stale in (out / "facts").glob("*.json"):  # articles removed from the store
        if stale.name not in written:
            stale.unlink()


def cmd_remove(args: argparse.Namespace) -> int:
    out = Path(args.out)
    spec = args.store or _default_store(out)
    if not args.store and not (out / STORE_FOLDER).is_dir():
        raise SystemExit(f"kg: no store in {out / STORE_FOLDER}; run `kg build` first or pass --store")
    with KnowledgeGraph(store=spec, base=args.base_iri) as graph:
        known = {e.article.id for e in graph.extractions}
        missing = [a for a in args.ids if a not in known]
        for article_id in args.ids:
            graph.remove(article_id)
        _write_outputs(graph, out, html=not args.no_html, title=f"kg: {spec}")
        print(f"removed {len(args.ids) - len(missing)} article(s); {len(graph)} triples left", file=sys.stderr)
    for article_id in missing:
        print(f"kg: no article {article_id} in the store", file=sys.stderr)
    return 1 if missing else 0


def cmd_extract(args: argparse.Namespace) -> int:
    errors = []
    extractions = extract_articles(read_articles(args.paths), _extract_options(args), on_error=errors.append)
    written = write_facts(extractions, args.out)
    _report_errors(errors)
    print(f"wrote {len(written)} facts files to {args.out}" + (f" ({len(errors)} skipped)" if errors else ""),
          file=sys.stderr)
    return EXIT_SKIPPED if errors else 0


def _load_graph(args: argparse.Namespace) -> KnowledgeGraph:
    """The graph a reading command works on: --graph FILE, else --store, else the store that
    `kg build` keeps in outputs/store, else outputs/graph.trig."""
    if args.graph:
        return _graph_from_file(Path(args.graph))
    if args.store:
        return KnowledgeGraph(store=open_store(args.store, read_only=True))
    default = Path(DEFAULT_OUT) / STORE_FOLDER
    if default.is_dir():
        return KnowledgeGraph(store=open_store(f"oxigraph:{default}", read_only=True))
    return _graph_from_file(Path(DEFAULT_OUT) / "graph.trig")


def _graph_from_file(path: Path) -> KnowledgeGraph:
    if not path.is_file():
        raise SystemExit(f"kg: no graph file {path}; run `kg build` first or pass --graph FILE or --store")
    try:
        return KnowledgeGraph.load(path)
    except Exception as err:  # rdflib raises a different error per format; all mean "not this RDF"
        raise SystemExit(f"kg: cannot read {path} as RDF: {' '.join(str(err).split())[:300]}") from err


def _params(pairs: Sequence[str]) -> dict[str, str]:
    params = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise SystemExit(f"kg: --param takes NAME=VALUE, not {pair!r}")
        params[name.strip()] = value
    return params


def cmd_query(args: argparse.Namespace) -> int:
    if args.list or not args.query:
        for q in list_queries():
            params = f"  (params: {', '.join(q.params)})" if q.params else ""
            print(f"{q.name:18s} {q.title}{params}")
        return 0
    with _load_graph(args) as graph:
        try:
            result = graph.query(args.query, limit=args.limit, **_params(args.param))
        except ParseException as err:
            raise SystemExit(f"kg: the query is not valid SPARQL: {err}") from err
    text = {"table": result.to_table, "csv": result.to_csv, "json": result.to_json}[args.format]()
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    shipped = {q.name: q for q in list_queries()}.get(args.query)
    page = args.limit if args.limit is not None else shipped and shipped.limit
    if page and len(result) == page:
        print(f"kg: the first {page} rows; --limit N for more, --limit 0 for all", file=sys.stderr)
    return 0


def cmd_view(args: argparse.Namespace) -> int:
    with _load_graph(args) as graph:
        try:
            graph.to_html(args.out, focus=args.focus, depth=args.depth, top=args.top,
                          types=args.type or (), predicates=args.predicate or (),
                          title=f"kg: {args.focus or args.graph or args.store or DEFAULT_OUT}")
        except (LookupError, ValueError) as err:
            raise SystemExit(f"kg: {err.args[0] if err.args else err}")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    report = evaluate(args.gold, args.pred)
    for article_id in report.missing:
        print(f"missing prediction: {article_id}")
    if args.errors:
        for error in report.errors:
            s, p, o = error.fact
            where = f"  «{error.sentence}»" if error.sentence else ""
            print(f"{error.kind:9s} {error.article}: ({s}, {p}, {o}){where}")
    if args.json:
        print(json.dumps(report.to_json(), indent=2))
    print(report.table())
    print(report.summary())
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    with _load_graph(args) as graph:
        conforms, text = validate_graph(graph.store.dataset)
    print("conforms to ontology/shapes.ttl" if conforms else text)
    return 0 if conforms else 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kg", description="Entertainment-news knowledge graph: "
                                     "articles in, an RDF graph to query and view out.")
    parser.add_argument("--version", action="version", version=f"kg {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("build", help="extract articles and write the graph, facts and HTML view")
    p.add_argument("paths", nargs="*", help=f"article files or folders (default: {DEFAULT_CORPUS}/)")
    p.add_argument("--out", default=DEFAULT_OUT, help=f"output folder (default: {DEFAULT_OUT}/)")
    p.add_argument("--store", help=STORE_HELP + f" (default: oxigraph:OUT/{STORE_FOLDER}, kept between runs; "
                   "memory keeps nothing)")
    p.add_argument("--base-iri", default=DEFAULT_BASE, help=f"base of entity IRIs (default: {DEFAULT_BASE})")
    p.add_argument("--no-html", action="store_true", help="skip the HTML view")
    p.add_argument("--quiet", "-q", action="store_true", help="print no summary")
    _add_extract_arguments(p)
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("extract", help="write one facts JSON file per article (FORMAT.md)")
    p.add_argument("paths", nargs="+", help="article files or folders")
    p.add_argument("--out", required=True, help="folder for the facts files")
    _add_extract_arguments(p)
    p.set_defaults(func=cmd_extract)

    graph_help = f"RDF file to read instead of a store (default: {DEFAULT_OUT}/graph.trig when there is no store)"
    read_store_help = STORE_HELP + f" to read (default: {DEFAULT_OUT}/{STORE_FOLDER} when it exists)"
    p = sub.add_parser("query", help="run SPARQL (text, a .rq file or a shipped query name)")
    p.add_argument("query", nargs="?", help="SPARQL text, path to a .rq file, or a name from --list")
    p.add_argument("--graph", help=graph_help)
    p.add_argument("--store", help=read_store_help)
    p.add_argument("--param", "-p", action="append", default=[], metavar="NAME=VALUE",
                   help='bind a query parameter (as a literal), e.g. -p work="Harbor Lights"')
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.add_argument("--limit", type=_count, metavar="N",
                   help="at most N rows (0: all; default: the query's LIMIT, 100 for a shipped query)")
    p.add_argument("--list", action="store_true", help="list the shipped queries")
    p.set_defaults(func=cmd_query)

    p = sub.add_parser("view", help="write the interactive HTML view")
    p.add_argument("--graph", help=graph_help)
    p.add_argument("--store", help=read_store_help)
    p.add_argument("--focus", help="draw only the neighbourhood of this entity (any spelling)")
    p.add_argument("--depth", type=_count, default=1, help="hops around --focus (default: 1)")
    p.add_argument("--top", type=_count, metavar="N",
                   help="draw only the N most connected entities (after the other filters)")
    p.add_argument("--type", action="append", metavar="TYPE",
                   help=f"draw only entities of this type (repeatable): {', '.join(TYPES)}")
    p.add_argument("--predicate", action="append", metavar="NAME",
                   help=f"draw only facts with this predicate (repeatable): {', '.join(PREDICATES)}")
    p.add_argument("--out", default=f"{DEFAULT_OUT}/graph.html", help="HTML file to write")
    p.set_defaults(func=cmd_view)

    p = sub.add_parser("remove", help="remove articles (their named graphs) from the store and rewrite the exports")
    p.add_argument("ids", nargs="+", metavar="ID", help="article ids (file stems or JSON ids)")
    p.add_argument("--out", default=DEFAULT_OUT, help=f"output folder of the build (default: {DEFAULT_OUT}/)")
    p.add_argument("--store", help=STORE_HELP + f" (default: oxigraph:OUT/{STORE_FOLDER})")
    p.add_argument("--base-iri", default=DEFAULT_BASE, help=f"base of entity IRIs (default: {DEFAULT_BASE})")
    p.add_argument("--no-html", action="store_true", help="skip the HTML view")
    p.set_defaults(func=cmd_remove)

    p = sub.add_parser("eval", help="precision, recall and F1 of facts files against gold")
    p.add_argument("gold", help="folder of gold facts files")
    p.add_argument("pred", help="folder of predicted facts files")
    p.add_argument("--errors", action="store_true", help="list every missed and spurious fact")
    p.add_argument("--json", action="store_true", help="also print the scores as JSON")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("validate", help="check a graph (store or file) against the SHACL shapes")
    p.add_argument("--graph", help=graph_help)
    p.add_argument("--store", help=read_store_help)
    p.set_defaults(func=cmd_validate)
    return parser


class _StderrHandler(logging.StreamHandler):
    """A log handler writing to whatever sys.stderr is when a message comes (callers may swap it)."""

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value) -> None:
        pass


def _log_to_stderr() -> None:
    """kg's warnings (an encoding guessed, a date ignored) go to stderr as `kg: message`, once."""
    logger = logging.getLogger("kg")
    if not any(isinstance(h, _StderrHandler) for h in logger.handlers):
        handler = _StderrHandler()
        handler.setFormatter(logging.Formatter("kg: %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.WARNING)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    _log_to_stderr()
    try:
        return args.func(args)
    except (ValueError, OSError, RuntimeError) as err:  # OSError: names the file (permissions, disk full)
        print(f"kg: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("kg: interrupted; the previous outputs are as they were", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
