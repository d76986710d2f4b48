"""Bounded work per article: paragraph-aligned chunks, a size limit, over-long sentences split.

spaCy's memory grows with the length of a Doc and with the characters parsed in one batch; VADER's
time grows with the square of a sentence's length. So long texts are parsed in chunks cut at blank
lines (a quote inside a paragraph stays whole), batches are bounded by characters rather than by
documents, and a "sentence" of more than :data:`MAX_SENTENCE_WORDS` words is split at clause
punctuation before it is scored. Offsets found in a chunk are shifted by the chunk's start, so they
stay offsets into the whole text. Figures: ``benchmarks/long_articles.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from .sentiment.base import SentimentScorer

#: A blank line (spaces, tabs, NBSP allowed): where paragraphs end.
BLANK_LINE = re.compile(r"\n[ \t\u00a0\r]*\n")

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: Articles longer than this (characters) are not annotated: skipped in a corpus, rejected alone.
MAX_ARTICLE_CHARS = 2_000_000
#: Texts longer than this are parsed in paragraph-aligned chunks of at most this many characters.
CHUNK_CHARS = 50_000
#: Characters parsed in one ``nlp.pipe`` batch (bounds memory whatever the article sizes).
BATCH_CHARS = 100_000
#: Longer "sentences" are split (at clause punctuation where possible) before they are scored.
MAX_SENTENCE_WORDS = 100

_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+")
_WORD = re.compile(r"\S+")
_LINE_BREAK = re.compile(r"\n")
_SPACE = re.compile(r"\s+")
_CLAUSE_END = tuple(",;:.!?…)—–") + ("--",)


def chunk_spans(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """(start, end) ranges covering ``text`` in order, each at most ``size`` characters.

    Each cut falls after the last blank line in the window, else after the last line break,
    else after the last sentence end, else at the last space (a hard cut only for one endless word).
    """
    if size < 1:
        raise ValueError("chunk size must be at least 1")
    spans: list[tuple[int, int]] = []
    pos, n = 0, len(text)
    while n - pos > size:
        window = text[pos : pos + size]
        cut = 0
        for pattern in (BLANK_LINE, _LINE_BREAK, _SENTENCE_END, _SPACE):
            for m in pattern.finditer(window):
                cut = m.end()
            if cut > 0:
                break
        if cut <= 0:  # one endless word
            cut = size
        spans.append((pos, pos + cut))
        pos += cut
    if pos < n or not spans:
        spans.append((pos, n))
    return spans


def pipe_chunks(
    nlp: Language, texts: Iterable[str], *, chunk_chars: int | None = None, batch_chars: int | None = None
) -> Iterator[tuple[int, int, Doc]]:
    """Parse ``texts`` as (text index, chunk offset, Doc), chunk by chunk, in order.

    A text's chunks come one after another; batches hold at most ``batch_chars`` characters
    (or one chunk), so memory is bounded by the chunk and batch sizes, not by the longest text.
    Defaults: :data:`CHUNK_CHARS` and :data:`BATCH_CHARS` (read when called).
    """
    chunk_chars = chunk_chars or CHUNK_CHARS
    batch_chars = batch_chars or BATCH_CHARS

    def pieces() -> Iterator[tuple[int, int, str]]:
        for i, text in enumerate(texts):
            for start, end in chunk_spans(text, chunk_chars):
                yield i, start, text[start:end]

    batch: list[tuple[int, int, str]] = []
    size = 0
    for piece in pieces():
        if batch and size + len(piece[2]) > batch_chars:
            yield from _parse(nlp, batch)
            batch, size = [], 0
        batch.append(piece)
        size += len(piece[2])
    if batch:
        yield from _parse(nlp, batch)


def _parse(nlp: Language, batch: list[tuple[int, int, str]]) -> Iterator[tuple[int, int, Doc]]:
    docs = nlp.pipe([text for _, _, text in batch], batch_size=len(batch))
    for (i, offset, _), doc in zip(batch, docs):
        yield i, offset, doc


def doc_chars(doc: Doc) -> int:
    """``len(doc.text)`` without building the text (spaCy joins every token's text on each access)."""
    if not len(doc):
        return 0
    last = doc[-1]
    return int(last.idx) + len(last.text_with_ws)


#: ``doc.user_data`` key of the Doc's text, kept by :func:`doc_text` (and set by the paragraph component).
TEXT_KEY = "newsbrief.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc: spaCy joins every token's text (a Token object each) on every
    access, and the entity, quote and row code each need the text."""
    got = doc.user_data.get(TEXT_KEY)
    if got is None or len(got) != doc_chars(doc):
        got = doc.text
        doc.user_data[TEXT_KEY] = got
    return got


def split_long(text: str, start: int = 0, *, max_words: int = MAX_SENTENCE_WORDS) -> list[tuple[int, int]]:
    """``text`` (found at ``start``) as (start, end) pieces of at most ``max_words`` words each.

    A piece ends at the last clause or sentence punctuation in its second half when there is one,
    else after ``max_words`` words. Pieces are whitespace-trimmed, so ``text[a - start:b - start]``
    never begins or ends with a space. Linear in the length of ``text``.
    """
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    if not words:
        return []
    if len(words) <= max_words:
        return [(start + words[0][0], start + words[-1][1])]
    pieces: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        last = min(i + max_words, len(words)) - 1
        j = last
        if last < len(words) - 1:
            for k in range(last, i + max_words // 2 - 1, -1):
                if text[words[k][0] : words[k][1]].endswith(_CLAUSE_END):
                    j = k
                    break
        pieces.append((start + words[i][0], start + words[j][1]))
        i = j + 1
    return pieces


def score_long(scorer: SentimentScorer, texts: list[str], *, max_words: int = MAX_SENTENCE_WORDS) -> list[float]:
    """Scores of ``texts``: a text of more than ``max_words`` words is scored in pieces
    (:func:`split_long`) and gets their mean weighted by words."""
    pieces: list[str] = []
    owners: list[tuple[int, int]] = []  # (text index, words)
    for n, text in enumerate(texts):
        spans = split_long(text, max_words=max_words) or [(0, len(text))]
        for a, b in spans:
            pieces.append(text[a:b])
            owners.append((n, max(1, len(text[a:b].split()))))
    scores = scorer.score(pieces) if pieces else []
    total = [0.0] * len(texts)
    weight = [0] * len(texts)
    for (n, w), s in zip(owners, scores):
        total[n] += float(s) * w
        weight[n] += w
    return [t / w if w else 0.0 for t, w in zip(total, weight)]
