"""`--jobs N`: extraction in worker processes gives exactly what one process gives, in the same order."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.cli import main
from kg.graph import KnowledgeGraph
from kg.pipeline import ExtractOptions


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, repo_root) -> Path:
    """Our eight corpus articles and one file that cannot be read."""
    folder = tmp_path_factory.mktemp("jobs") / "corpus"
    shutil.copytree(repo_root / "corpus", folder, ignore=shutil.ignore_patterns("gold"))
    (folder / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    return folder


def extract(capsys, corpus: Path, out: Path, *options: str) -> tuple[int, str, dict[str, bytes]]:
    code = main(["extract", str(corpus), "--out", str(out), *options])
    files = {path.name: path.read_bytes() for path in sorted(out.iterdir())}
    return code, capsys.readouterr().err, files


def test_extract_with_two_jobs_writes_the_same_facts_files_as_one(corpus, tmp_path, capsys, nlp):
    # Batches of 2 spread the 8 articles over both workers.
    serial = extract(capsys, corpus, tmp_path / "one")
    parallel = extract(capsys, corpus, tmp_path / "two", "--jobs", "2", "--batch-size", "2")
    code, err, files = parallel
    assert code == 3 and "broken.txt" in err  # the unreadable file is still reported, the rest land
    assert len(files) == 8
    assert files == serial[2]


def test_graph_built_with_two_jobs_is_the_graph_built_with_one(corpus, nlp):
    one = KnowledgeGraph.build([corpus])
    two = KnowledgeGraph.build([corpus], jobs=2, batch_size=3)
    assert [e.to_json() for e in two.extractions] == [e.to_json() for e in one.extractions]
    assert set(two.store.dataset.quads()) == set(one.store.dataset.quads())
    assert len(two) == len(one) > 1000


@pytest.mark.parametrize("knob", ["jobs", "batch_size"])
def test_fewer_than_one_job_or_article_per_batch_is_refused(knob, corpus, capsys):
    with pytest.raises(ValueError, match="at least 1"):
        ExtractOptions(**{knob: 0})
    assert main(["extract", str(corpus), "--out", "unused", f"--{knob.replace('_', '-')}", "0"]) == 2
    assert "at least 1" in capsys.readouterr().err
