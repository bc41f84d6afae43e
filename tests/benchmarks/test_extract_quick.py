"""benchmarks/extract.py --quick runs to the end and prints its table and ratios (no timing asserted)."""
from __future__ import annotations

import importlib.util
import re


def load_benchmark(repo_root, name: str):
    spec = importlib.util.spec_from_file_location(f"benchmark_{name}", repo_root / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_extract_benchmark_quick_prints_its_runs_and_ratios(repo_root, capsys, nlp):
    benchmark = load_benchmark(repo_root, "extract")
    assert benchmark.main(["--quick"]) == 0  # 0: --jobs 2 wrote the same facts files as --jobs 1
    out = capsys.readouterr().out
    for run in ("bare spaCy nlp.pipe", "kg extract --jobs 1", "kg extract --jobs 2"):
        assert re.search(rf"^{re.escape(run)} +[\d.]+ +[\d.]+ +[\d,]+$", out, re.M), run
    assert re.search(r"^ratio kg extract / bare spaCy: [\d.]+x wall, [\d.]+x CPU", out, re.M)
    assert re.search(r"^ratio --jobs 2 speedup over --jobs 1: [\d.]+x wall", out, re.M)
    assert "identical to --jobs 1: yes" in out


def test_benchmark_text_is_varied_news_from_our_corpus(repo_root, tmp_path):
    benchmark = load_benchmark(repo_root, "extract")
    paths = benchmark.write_news(tmp_path, 30_000)
    texts = [p.read_text(encoding="utf-8") for p in paths]
    assert sum(len(t.encode("utf-8")) for t in texts) >= 30_000
    assert len(set(texts)) == len(texts)  # every copy has its own names
    corpus = [p.read_text(encoding="utf-8") for p in sorted((repo_root / "corpus").glob("*.txt"))]
    for text, source in zip(texts, corpus):
        assert text.split("\n\n")[0].startswith("date 2025-")
        assert text.count("\n\n") == source.count("\n\n")  # same paragraphs, names changed
        assert text != source
