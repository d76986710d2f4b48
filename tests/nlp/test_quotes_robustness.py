"""Robustness of quote extraction: random text with quote marks, and very long articles."""

from __future__ import annotations

import logging

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

from newsbrief.nlp.quotes import extract_quotes, find_quote_spans

PIECES = [
    '"', "“", "”", "‘", "’", "'", "«", "»", ",", ".", ":", " ", "\n\n", "\n",
    "said", "says", "told reporters", "according to", "he", "she", "they", "Smith", "the minister",
    "John Smith", "Officials", "that", "added", "urged", "saying", "It's", "voters'", "'90s",
]
WORDS = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=8)
TEXTS = st.lists(st.one_of(st.sampled_from(PIECES), WORDS), max_size=60).map(" ".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS)
def test_rows_point_at_their_strings(nlp: Language, text: str, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="newsbrief.nlp.quotes"):
        rows = extract_quotes(nlp(text), include_headline=True)
    assert not caplog.records, "extract_quotes hit its defensive fallback"
    groups = set()
    for q in rows:
        assert 0 <= q.content_start < q.content_end <= len(text)
        assert text[q.content_start : q.content_end] == q.content
        assert q.kind in {"direct", "indirect", "mixed"}
        if q.speaker_text is not None:
            assert text[q.speaker_start : q.speaker_end] == q.speaker_text
        if q.speaker_ref_start is not None:
            assert 0 <= q.speaker_ref_start < q.speaker_ref_end <= len(text)
        groups.add(q.group)


@settings(max_examples=300, deadline=None)
@given(text=TEXTS)
def test_mark_pairing_spans_are_ordered_and_inside(text: str) -> None:
    spans = find_quote_spans(text)
    last_end = 0
    for s in spans:
        assert last_end <= s.start <= s.inner_start < s.inner_end <= s.end <= len(text)
        last_end = s.end


def _article(n_chars: int) -> str:
    para = (
        '"The plan will not work," Senator Jane Doe said on Monday. "We need a new one."\n\n'
        "Officials said the vote would take place next week, according to a memo seen by reporters.\n\n"
        "He told reporters that 'nothing' had changed, and it's the voters' choice now. "
        'Stray marks " here and ” there.\n\n'
    )
    return (para * (n_chars // len(para) + 1))[:n_chars]


def test_one_megabyte_of_marks_pairs_like_ten_copies() -> None:
    # Scaling in time is measured by benchmarks/quotes_scaling.py; here: same result per copy.
    small, big = _article(100_000), _article(1_000_000)
    spans_small, spans_big = find_quote_spans(small), find_quote_spans(big)
    assert spans_big
    assert abs(len(spans_big) - 10 * len(spans_small)) <= 10


@pytest.mark.slow
def test_one_megabyte_article(nlp: Language) -> None:
    """A parsed 1 MB Doc (one parsed 10 kB chunk repeated) is handled; rows scale with the copies.

    How the time scales is printed by benchmarks/quotes_scaling.py, never asserted here.
    """
    chunk = nlp(_article(10_000))
    small = Doc.from_docs([chunk] * 10)
    big = Doc.from_docs([chunk] * 100)
    assert len(big.text) >= 1_000_000
    rows_small = extract_quotes(small)
    rows = extract_quotes(big)
    assert len(rows) > 10_000
    assert abs(len(rows) - 10 * len(rows_small)) <= 20
    text = big.text
    for q in rows[:: max(1, len(rows) // 500)]:
        assert text[q.content_start : q.content_end] == q.content
