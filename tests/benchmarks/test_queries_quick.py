"""benchmarks/queries.py --quick completes and prints its table and ratio lines (no timing asserted)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

BENCHMARK = Path(__file__).resolve().parents[2] / "benchmarks" / "queries.py"


def test_quick_query_benchmark_prints_its_table(capsys):
    spec = importlib.util.spec_from_file_location("bench_queries", BENCHMARK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--quick", "--sizes", "3000", "--repeat", "1"]) == 0
    printed = capsys.readouterr().out
    header = printed.splitlines()[0].split()
    assert header[:4] == ["triples", "store", "load", "s"] and "cast" in header and "provenance" in header
    rows = [line.split() for line in printed.splitlines()[2:4]]
    assert {row[1] for row in rows} == {"oxigraph", "rdflib"}
    assert "Oxigraph loads" in printed and "geometric mean" in printed
