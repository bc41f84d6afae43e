"""Long articles: cut into chunks at paragraph breaks, extracted as one article with the same facts;
longer than --max-chars: refused with the file name, and the other articles land."""
from __future__ import annotations

import pytest

from kg.cli import main
from kg.corpus import read_articles
from kg.model import Article
from kg.pipeline import ExtractOptions, chunk_text, extract_articles

PARAGRAPHS = [
    "Nora Vance stars as Edie Marsh in Lantern Hill, a new drama series from Peacock.",
    "Lantern Hill was created by Tobiah Quell. The series was directed by Wren Callow.",
    "Ivo Brask plays Dax Oyen in the thriller Harrow Street, which premieres on Hulu in June.",
    "Harrow Street was written by Abe Rook.\nThe cast also includes Tess Arden and Cole Darby.",
]
LONG_TEXT = "\n\n".join(PARAGRAPHS * 3)


def test_chunks_join_back_and_end_at_paragraph_breaks():
    chunks = chunk_text(LONG_TEXT, 200)
    assert "".join(chunks) == LONG_TEXT
    assert len(chunks) > 3 and all(len(c) <= 200 for c in chunks)
    assert all(c.endswith("\n\n") for c in chunks[:-1])


def test_a_paragraph_longer_than_a_chunk_is_cut_at_a_sentence_or_a_space():
    text = " ".join(["Nora Vance joins Lantern Hill."] * 20)
    chunks = chunk_text(text, 100)
    assert "".join(chunks) == text
    assert all(c.endswith(". ") for c in chunks[:-1])
    assert chunk_text("x" * 250, 100) == ["x" * 100, "x" * 100, "x" * 50]


def test_a_chunked_article_gives_the_same_extraction_as_a_whole_one(nlp):
    article = Article(id="long", text=LONG_TEXT, date="2025-05-01")
    [whole] = extract_articles([article], ExtractOptions())
    [chunked] = extract_articles([article], ExtractOptions(chunk_chars=200))
    assert whole.facts, "the article should give facts"
    assert chunked.to_json() == whole.to_json()
    for fact in chunked.facts:  # offsets still point into the whole article
        assert LONG_TEXT[fact.provenance.start:fact.provenance.end].strip() == fact.provenance.sentence.strip()


def test_an_article_over_max_chars_is_reported_and_the_others_land(tmp_path, capsys, nlp):
    (tmp_path / "short.txt").write_text(PARAGRAPHS[0], encoding="utf-8")
    (tmp_path / "long.txt").write_text(LONG_TEXT, encoding="utf-8")
    code = main(["extract", str(tmp_path), "--out", str(tmp_path / "facts"), "--max-chars", "500",
                 "--chunk-chars", "300"])
    err = capsys.readouterr().err
    assert code == 3
    assert f"{tmp_path / 'long.txt'}: article too long ({len(LONG_TEXT):,} characters" in err
    assert "--max-chars" in err
    assert [p.name for p in (tmp_path / "facts").iterdir()] == ["short.json"]


def test_library_takes_the_same_limits(tmp_path, nlp):
    from kg import KnowledgeGraph
    (tmp_path / "long.txt").write_text(LONG_TEXT, encoding="utf-8")
    graph = KnowledgeGraph(max_chars=100)
    report = graph.add_paths([tmp_path])
    assert report.articles == [] and "too long" in str(report.errors[0])
    assert [a.id for a in read_articles([tmp_path])] == ["long"]


@pytest.mark.parametrize("size", [0, -5])
def test_a_chunk_size_below_one_is_refused(size):
    with pytest.raises(ValueError):
        chunk_text("text", size)
