"""Long texts in paragraph-aligned chunks: offsets into the whole text hold across chunk boundaries."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsbrief.annotate.rows import annotate_batch
from newsbrief.annotate.settings import Settings
from newsbrief.nlp import chunks
from newsbrief.nlp.chunks import chunk_spans, score_long, split_long

PARAGRAPH = ('"We will not give up," Minister Anna Berg said in Oslo on Monday. "The budget is fair and it is '
             'ours." The opposition leader Per Holm said the plan was late, according to NTB. Berg told '
             'reporters that Norway and Sweden would meet again in Stockholm.')


def test_chunks_cover_the_text_and_cut_at_blank_lines() -> None:
    text = "\n\n".join(f"{PARAGRAPH} ({n})" for n in range(40))
    spans = chunk_spans(text, 1_000)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a == b for (_, a), (b, _) in zip(spans, spans[1:]))  # contiguous, in order
    assert all(end - start <= 1_000 for start, end in spans)
    assert all(text[start - 2 : start] == "\n\n" for start, _ in spans[1:])  # every cut after a blank line
    assert chunk_spans("short", 1_000) == [(0, 5)] and chunk_spans("", 10) == [(0, 0)]


def test_chunks_without_blank_lines_or_spaces_still_bounded() -> None:
    for text in (PARAGRAPH * 20, "x" * 2_500):
        spans = chunk_spans(text, 1_000)
        assert "".join(text[a:b] for a, b in spans) == text
        assert all(b - a <= 1_000 for a, b in spans)


def test_long_sentences_split_at_clause_punctuation() -> None:
    words = [f"word{n}," if n % 30 == 29 else f"word{n}" for n in range(1_000)]
    text = "  " + " ".join(words) + " "
    pieces = split_long(text, 10, max_words=100)
    assert all(len(text[a - 10 : b - 10].split()) <= 100 for a, b in pieces)
    assert sum(len(text[a - 10 : b - 10].split()) for a, b in pieces) == 1_000
    assert all(text[a - 10 : b - 10].endswith(",") for a, b in pieces[:-1])  # cut at the commas
    assert split_long("Short one.", 5) == [(5, 15)]


def test_score_long_weights_pieces_by_words() -> None:
    class Counting:
        def score(self, texts: list[str]) -> list[float]:
            assert all(len(t.split()) <= 100 for t in texts)
            return [(t.split().count("good") - t.split().count("bad")) / len(t.split()) for t in texts]

    text = " ".join(["good"] * 150 + ["bad"] * 50)  # pieces of 100 words: +1 and 0
    assert score_long(Counting(), [text, "good"]) == [pytest.approx(0.5), 1.0]


def test_offsets_hold_across_chunk_boundaries(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "\n\n".join(f"{PARAGRAPH} Item {n}." for n in range(12))
    whole = annotate_batch([("h", text)], Settings())
    monkeypatch.setattr(chunks, "CHUNK_CHARS", 700)  # about two paragraphs per chunk
    monkeypatch.setattr(chunks, "BATCH_CHARS", 1_500)
    assert len(chunk_spans(text, 700)) >= 5
    parts = annotate_batch([("h", text)], Settings())
    for row in parts["mentions"].itertuples():
        assert text[row.start : row.end] == row.text
    for row in parts["sentences"].itertuples():
        assert text[row.start : row.end] == row.text
    for row in parts["quotes"].itertuples():
        assert text[row.content_start : row.content_end] == row.content
        if row.speaker_text is not None:
            assert text[int(row.speaker_start) : int(row.speaker_end)] == row.speaker_text
    assert list(parts["sentences"]["sent_id"]) == list(range(len(parts["sentences"])))
    assert parts["quotes"]["quote_id"].is_unique
    # Chunks cut at paragraph breaks: the same units as one Doc, late paragraphs included.
    assert list(parts["sentences"]["start"]) == list(whole["sentences"]["start"])
    assert len(parts["quotes"]) == len(whole["quotes"])
    assert parts["mentions"]["start"].max() > len(text) - len(PARAGRAPH) - 20


def test_doc_chars_is_the_length_of_the_doc_text(nlp: Language) -> None:
    from newsbrief.nlp.chunks import doc_chars

    for text in ("", "One.", "  Leading and trailing spaces  ", "Two lines.\n\nA paragraph \u201cquoted\u201d. "):
        doc = nlp.make_doc(text)
        assert doc_chars(doc) == len(doc.text) == len(text)
