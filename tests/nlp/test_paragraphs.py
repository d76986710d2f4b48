"""Paragraphs and headings are sentence boundaries (issue 10, item 5)."""

from __future__ import annotations

import re

import pytest
from spacy.language import Language

from newsbrief.annotate.rows import annotate_batch
from newsbrief.annotate.settings import Settings
from newsbrief.nlp.paragraphs import COMPONENT, doc_headings, is_heading_line, unit_starts

BLANK = re.compile(r"\n[ \t]*\n")

TEXT = """DISAPPOINTING NIGHT FOR 'IRISHMAN'
Sexual harassment drama "Bombshell" won the night, the jury said on Sunday

and the audience stood up. Critics called it a triumph.

The Next Round

Voting resumes on Monday, organisers said.
Talks Resume In Oslo
Minister Anna Berg said the talks would resume."""


def test_component_runs_before_the_parser(nlp: Language) -> None:
    assert COMPONENT in nlp.pipe_names
    assert nlp.pipe_names.index(COMPONENT) < nlp.pipe_names.index("parser")


def test_no_sentence_spans_a_blank_line_and_headings_stand_alone(nlp: Language) -> None:
    doc = nlp(TEXT)
    sents = [s.text.strip() for s in doc.sents]
    assert not [s for s in sents if BLANK.search(s)]
    assert "DISAPPOINTING NIGHT FOR 'IRISHMAN'" in sents
    assert "The Next Round" in sents
    assert "Talks Resume In Oslo" in sents  # a crosshead after a finished sentence, on its own line
    assert any(s.startswith("and the audience stood up") for s in sents)  # a new paragraph starts a sentence
    headings = [TEXT[a:b] for a, b in doc_headings(doc)]
    assert headings == ["DISAPPOINTING NIGHT FOR 'IRISHMAN'", "The Next Round", "Talks Resume In Oslo"]


def test_headings_are_not_sentences_in_the_table() -> None:
    rows = annotate_batch([("h", TEXT)], Settings())["sentences"]
    assert "The Next Round" not in set(rows["text"])
    assert not rows["text"].str.contains("IRISHMAN").any()
    assert not rows["text"].str.contains(BLANK).any()
    for r in rows.itertuples():
        assert TEXT[r.start : r.end] == r.text


@pytest.mark.parametrize("line, heading", [
    ("DISAPPOINTING NIGHT FOR 'IRISHMAN'", True),
    ("The Battle of the Budget", True),
    ("Talks resume in Oslo", False),  # sentence case: a line of prose
    ("The Minister Resigned.", False),  # final punctuation
    ("Ukraine urges NATO to send 'real signal' to Russia with membership plan", False),
    ("A" * 120, False),
    ("", False),
])
def test_heading_lines(line: str, heading: bool) -> None:
    assert is_heading_line(line) is heading


def test_a_title_case_line_inside_wrapped_prose_is_not_a_heading() -> None:
    text = "He spoke to members of the\nUnited Nations Security Council\nabout the plan."
    assert unit_starts(text)[1] == []
