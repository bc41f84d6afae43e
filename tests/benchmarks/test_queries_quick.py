"""benchmarks/queries.py --quick completes and prints its table and ratio lines (no timing asserted)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

BENCHMARK = Path(__file__).resolve().parents[2] / "benchmarks" / "queries.py"


def test_quick_query_benchmark_prints_its_table(capsys):
    spec = importlib.util.spec_from_file_location("bench_queries", BENCHMARK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--quick", "--sizes", "3000", "--repeat", "1", "--cap", "5"]) == 0
    printed = capsys.readouterr().out
    lines = printed.splitlines()
    assert lines[0].split()[:4] == ["triples", "store", "load", "s"]
    assert {line.split()[1] for line in lines[2:4]} == {"oxigraph", "rdflib"}
    queries = {line.split()[0] for line in lines[lines.index("milliseconds per query (median):") + 3:] if line}
    assert {"cast", "coworkers", "credits", "entities", "provenance", "works-by-network"} <= queries
    assert "cast (work)" in printed  # bound to a name from the data, and unbound
    assert "Oxigraph loads" in printed and "slowest query" in printed
