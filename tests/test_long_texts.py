"""Long texts: cut into pieces that join back, parsed past spaCy's 1,000,000-character limit with
offsets into the whole article; an article the pipeline fails on is marked failed with a reason,
never blocks the others, and ``extract --retry`` tries it again."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from habeas.cli import app
from habeas.errors import ExtractionError
from habeas.model import Document
from habeas.nlp import pieces
from habeas.nlp.pipeline import extract_text
from habeas.workspace import Habeas

REPORT = ("Crimean Tatar activist Server Mustafayev was detained by the FSB in Bakhchysarai on "
          "21 May 2018, his lawyer said.\n\nA court later sentenced Mustafayev to 14 years in "
          "prison.\n")
LATER = "Emir Kuku was released in Simferopol on 12 March 2024, Crimean Solidarity said.\n"


def test_pieces_join_back_and_end_at_paragraphs():
    text = ("A sentence of a paragraph. " * 30 + "\n\n") * 200
    parts = pieces.split_text(text, size=5_000)
    assert "".join(parts) == text
    assert all(len(p) <= 5_000 for p in parts) and len(parts) > 1
    assert all(p.endswith("\n\n") for p in parts[:-1])


def test_pieces_fall_back_to_sentences_then_a_hard_cut():
    sentences = "One sentence here. " * 1_000
    assert all(p.endswith(". ") for p in pieces.split_text(sentences, size=3_000)[:-1])
    word = "x" * 12_000
    parts = pieces.split_text(word, size=5_000)
    assert "".join(parts) == word and [len(p) for p in parts] == [5_000, 5_000, 2_000]


def test_a_long_run_without_spaces_is_one_token(nlp):
    text = "Before it " + "[" * 5_000 + "]" * 5_000 + " and after."
    doc = pieces.make_doc(nlp, text)
    assert doc.text == text
    assert [t.text for t in doc][2] == "[" * 5_000 + "]" * 5_000


def test_an_article_over_a_million_characters_is_extracted(nlp):
    # Blank lines are cheap to parse: the time goes to the two reports, not the padding.
    text = REPORT + "\n" * 1_100_000 + LATER
    assert len(text) > 1_000_000
    extraction = extract_text(nlp, Document(text=text, source="long", published="2024-03-13"))
    found = {(e.type, e.date) for e in extraction.events}
    assert {("arrest", "2018-05-21"), ("release", "2024-03-12")} <= found
    for event in extraction.events:
        for source in event.sources:  # offsets into the whole article
            assert text[source.start:source.end].strip() == source.text
    release = next(e for e in extraction.events if e.type == "release")
    assert release.sources[0].start > 1_100_000


def test_a_failing_article_is_marked_failed_and_retried(tmp_path, monkeypatch):
    folder = tmp_path / "inbox"
    folder.mkdir()
    for n, text in enumerate((REPORT, "BOOM. " + LATER, LATER + " Again.")):
        (folder / f"report-{n}.txt").write_text(text, encoding="utf-8")
    db = str(tmp_path / "habeas.db")
    real = pieces.make_doc

    def boom(nlp, text):
        if text.startswith("BOOM"):
            raise MemoryError("simulated")
        return real(nlp, text)

    monkeypatch.setattr(pieces, "make_doc", boom)
    runner = CliRunner()
    # --jobs 1: the NLP in this process, where the failure is patched in
    result = runner.invoke(app, ["--db", db, "run", str(folder), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert "Extracted 2 article(s)" in result.output
    assert re.search(r"failed \S+: \[E009\] Cannot extract a text of \d+ "
                     r"characters \(MemoryError: simulated\)", result.output)
    assert "Traceback" not in result.output
    assert counts(db) == {"extracted": 2, "failed": 1}
    monkeypatch.setattr(pieces, "make_doc", real)
    result = runner.invoke(app, ["--db", db, "extract", "--retry", "--jobs", "1"])
    assert "Retrying 1 failed article(s)." in result.output
    assert "Extracted 1 article(s)" in result.output
    assert counts(db) == {"extracted": 3}


def counts(db: str) -> dict[str, int]:
    found = Habeas(database_url=f"sqlite:///{db}").article_counts()
    return {status: n for status, n in found.items() if n}


def test_extract_text_raises_the_reason(nlp, monkeypatch):
    monkeypatch.setattr(pieces, "make_doc", lambda nlp, text: 1 / 0)
    with pytest.raises(ExtractionError, match=r"\[E009\].*ZeroDivisionError"):
        extract_text(nlp, Document(text=REPORT, source="x"))


def test_a_long_article_hides_no_word_behind_an_invisible_character(nlp):
    from habeas.model import Document
    from habeas.nlp.pipeline import extract_text, pieces

    filler = "The weather in the region was mild for the season. " * (
        pieces.PIECE_CHARS // 50 + 20)
    text = filler + "\n\n\ufe0fOn September 6, police detained activist Anna Petrova in Minsk."
    result = extract_text(nlp, Document(text=text, source="t", published="2024-09-10"))
    (event,) = [e for e in result.events if e.type == "arrest"]
    assert event.date == "2024-09-06"
