"""`kg build` over our hostile corpus: it runs nothing, writes nothing outside the output folder,
names every input it skipped, exits 3, and every good article is in the graph."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hostile_corpus import HOSTILE_NAMES, SHELL_MARKER, write_hostile_corpus
from rdflib import Dataset, URIRef

from kg.cli import EXIT_SKIPPED, main
from kg.terms import SCHEMA


def snapshot(folder: Path, skip: Path) -> dict[str, tuple[int, int]]:
    """Every path under `folder` but `skip`, with its size and modification time."""
    state = {}
    for path in folder.rglob("*"):
        if skip != path and skip not in path.parents:
            info = path.lstat()
            state[str(path)] = (info.st_size, info.st_mtime_ns)
    return state


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory, nlp) -> dict:
    root = tmp_path_factory.mktemp("hostile")
    corpus = write_hostile_corpus(root)
    out, cwd = root / "out", root / "cwd"
    cwd.mkdir()
    before = snapshot(root, out)
    capture = root / "stderr.txt"
    previous = os.getcwd()
    os.chdir(cwd)  # a relative path written by mistake would land here
    try:
        with open(capture, "w", encoding="utf-8") as err, pytest.MonkeyPatch.context() as patch:
            patch.setattr("sys.stderr", err)
            code = main(["build", str(corpus.folder), "--out", str(out), "--quiet"])
    finally:
        os.chdir(previous)
    after = snapshot(root, out)
    after.pop(str(capture), None)
    return {"code": code, "stderr": capture.read_text(encoding="utf-8"), "out": out, "corpus": corpus,
            "before": before, "after": after, "cwd": cwd}


def test_build_exits_3_and_names_every_skipped_input(hostile_build):
    assert hostile_build["code"] == EXIT_SKIPPED == 3
    stderr = hostile_build["stderr"]
    for source in hostile_build["corpus"].bad_sources:
        assert f"{source}:" in stderr or f"{source} " in stderr, (source, stderr)
    assert "too long" in stderr  # the 50 MB article, refused before spaCy sees it
    skipped = [line for line in stderr.splitlines() if line.startswith("skipped ")]
    assert len(skipped) == len(hostile_build["corpus"].bad_sources), skipped


def test_every_good_article_is_in_the_graph(hostile_build):
    graph = Dataset()
    graph.parse(hostile_build["out"] / "graph.trig", format="trig")
    ids = {str(o) for _, _, o, _ in graph.quads((None, SCHEMA.identifier, None, None))}
    assert ids == hostile_build["corpus"].good_ids
    facts = {p.stem for p in (hostile_build["out"] / "facts").glob("*.json")}
    assert facts == hostile_build["corpus"].good_ids
    for node in {s for s, _, _, _ in graph.quads((None, None, None, None))}:
        assert isinstance(node, URIRef) and " " not in node and '"' not in node and "<" not in node


def test_nothing_is_written_outside_the_output_folder(hostile_build):
    assert hostile_build["after"] == hostile_build["before"]
    assert list(hostile_build["cwd"].iterdir()) == []
    for path in hostile_build["corpus"].outside:
        assert not path.exists(), path
    out = hostile_build["out"]
    for path in out.rglob("*"):
        assert path.resolve().is_relative_to(out.resolve()), path
        assert not path.name.startswith("."), f"stray temporary file {path}"
    assert not list(Path(out.anchor).glob(SHELL_MARKER))


def test_markup_from_articles_is_text_in_every_output(hostile_build):
    out = hostile_build["out"]
    page = (out / "graph.html").read_text(encoding="utf-8")
    for raw in ("<img src=x onerror", "<script>alert", "</script><script>", 'onerror=alert(1)>'):
        assert raw not in page, raw
    assert "onerror=alert(1)" in page  # the sentence is in the page, as inert text
    facts = json.loads((out / "facts" / "markup-in-sentences.json").read_text(encoding="utf-8"))
    sentences = {f["sentence"] for f in facts["facts"]}
    assert any('Dax "Backslash\\" Oyen <img src=x onerror=alert(1)>' in s for s in sentences), sentences
    graph = Dataset()
    graph.parse(out / "graph.jsonld", format="json-ld")
    headlines = {str(o) for _, _, o, _ in graph.quads((None, SCHEMA.headline, None, None))}
    assert "</script><script>alert('title')</script>" in headlines
    assert HOSTILE_NAMES[1] not in page
