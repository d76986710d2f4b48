"""One batch of (content_hash, text) -> raw cached rows: mentions (with tone towards the entity),
quotes (with sentiment), sentences."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..nlp.chunks import doc_chars, doc_text, pipe_chunks, score_long, split_long
from ..nlp.entities.cues import has_digit, table_spans
from ..nlp.entities.mentions import Mention, doc_mentions
from ..nlp.entities.typer import typer_for
from ..nlp.pipeline import load_pipeline
from .settings import Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc

BatchItem = tuple[str, str]  # (content_hash, text)

MENTION_COLS = ["content_hash", "start", "end", "text", "label", "tone"]
QUOTE_COLS = [
    "content_hash", "quote_id", "content", "content_start", "content_end", "kind", "cue",
    "speaker_text", "speaker_start", "speaker_end", "speaker_ref_start", "speaker_ref_end",
    "speaker_is_entity", "group", "sentiment",
]
SENTENCE_COLS = ["content_hash", "sent_id", "start", "end", "text", "sentiment"]
MENTION_OFFSETS = ("start", "end")
QUOTE_OFFSETS = ("content_start", "content_end", "speaker_start", "speaker_end", "speaker_ref_start", "speaker_ref_end")


def _shift(row: dict[str, Any], offset: int, keys: Sequence[str]) -> dict[str, Any]:
    """``row`` with the character offsets ``keys`` moved by ``offset`` (None stays None)."""
    if offset:
        for key in keys:
            if row.get(key) is not None:
                row[key] = int(row[key]) + offset
    return row


def _sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """Whitespace-trimmed (start, end) of the sentences of ``doc``: headings left out, sentences of more
    than MAX_SENTENCE_WORDS words split at clause punctuation."""
    from ..nlp.paragraphs import doc_headings

    headings = set(doc_headings(doc))
    text = doc_text(doc)
    spans: list[tuple[int, int]] = []
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        for span in split_long(text[start:end], start):  # = sent.text, without a Token object per word
            if span not in headings:
                spans.append(span)
    return spans


def batch_scorer(settings: Settings) -> Any:
    """The sentiment scorer of ``settings``, built once per process (not once per batch)."""
    try:
        return _cached_scorer(settings)
    except TypeError:  # an unhashable option value: build it afresh
        from ..nlp.sentiment import get_scorer

        return get_scorer(settings.sentiment, **dict(settings.sentiment_options))


@functools.lru_cache(maxsize=4)
def _cached_scorer(settings: Settings) -> Any:
    from ..nlp.sentiment import get_scorer

    return get_scorer(settings.sentiment, **dict(settings.sentiment_options))


def annotate_batch(items: Sequence[BatchItem], settings: Settings) -> dict[str, pd.DataFrame]:
    """Annotate one batch in this process (the pipeline is loaded once per process).

    Long texts are parsed in paragraph-aligned chunks (:mod:`newsbrief.nlp.chunks`); every offset is
    into the whole text. Headings are not sentences (no sentiment); over-long sentences are split.
    """
    from ..nlp.quotes import extract_quotes
    from ..nlp.quotes.named import speaker_mentions
    from ..nlp.tone import tone_for_mentions


    nlp = load_pipeline(settings.model)
    typer = typer_for(nlp)  # weights fit on another pipeline's token vectors: those trained without them
    scorer = batch_scorer(settings)
    mentions: list[dict[str, Any]] = []
    quotes: list[dict[str, Any]] = []
    sentences: list[dict[str, Any]] = []
    next_quote: dict[int, int] = {}
    next_group: dict[int, int] = {}
    next_sent: dict[int, int] = {}
    for n, offset, doc in pipe_chunks(nlp, (text for _, text in items)):
        digest = items[n][0]
        found_mentions = list(doc_mentions(doc, typer=typer))
        quote_rows = extract_quotes(doc)
        # named speakers the entity layer missed ("China's commerce ministry") are mentions too
        found_mentions += [
            Mention(start=a, end=b, text=text, label=label)
            for a, b, text, label in speaker_mentions(doc, quote_rows, [(m["start"], m["end"]) for m in found_mentions])
        ]
        # tone towards the entity at each mention, from the Doc already parsed (newsbrief.nlp.tone)
        mention_tones = tone_for_mentions(doc, [(int(m["start"]), int(m["end"])) for m in found_mentions])
        for mention, tone in zip(found_mentions, mention_tones):
            mentions.append({"content_hash": digest, **_shift(dict(mention), offset, MENTION_OFFSETS),
                             "tone": float(tone)})
        found = [_shift(asdict(quote), offset, QUOTE_OFFSETS) for quote in quote_rows]
        # a quote is the speaker's own words: scored on its own, not with the sentence around it
        tones = score_long(scorer, [str(q["content"]) for q in found]) if found else []
        groups = next_group.get(n, 0)
        for row, tone in zip(found, tones):
            quote_id = next_quote.get(n, 0)
            next_quote[n] = quote_id + 1
            row["group"] = int(row["group"]) + groups
            next_group[n] = max(next_group.get(n, 0), row["group"] + 1)
            quotes.append({"content_hash": digest, "quote_id": quote_id, **row, "sentiment": float(tone)})
        spans = _sentence_spans(doc)
        text = items[n][1][offset : offset + doc_chars(doc)]  # = doc.text, which spaCy rebuilds on every access
        tables = table_spans(text) if has_digit(text) else []
        if tables:  # "Oper shr profit 34 cts vs loss ...": table lines have no prose to score
            spans = [(a, b) for a, b in spans if not _mostly_table(a, b, tables)]
        scores = scorer.score([text[a:b] for a, b in spans]) if spans else []
        for (start, end), score in zip(spans, scores):
            sent_id = next_sent.get(n, 0)
            next_sent[n] = sent_id + 1
            sentences.append({"content_hash": digest, "sent_id": sent_id, "start": start + offset,
                              "end": end + offset, "text": text[start:end], "sentiment": float(score)})
    return {
        "index": pd.DataFrame({"content_hash": [d for d, _ in items]}),
        "mentions": pd.DataFrame(mentions, columns=MENTION_COLS),
        "quotes": pd.DataFrame(quotes, columns=QUOTE_COLS),
        "sentences": pd.DataFrame(sentences, columns=SENTENCE_COLS),
    }


def _mostly_table(start: int, end: int, tables: list[tuple[int, int]]) -> bool:
    """True when at least half of the characters in [start, end) lie on table lines."""
    inside = sum(max(0, min(end, b) - max(start, a)) for a, b in tables if a < end and b > start)
    return inside >= 0.5 * max(1, end - start)
