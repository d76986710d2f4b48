"""One batch of (content_hash, text) -> raw cached rows: mentions (with tone towards the entity),
quotes (with sentiment), sentences."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

import pandas as pd

from ..nlp.entities import doc_mentions
from ..nlp.pipeline import load_pipeline
from .settings import Settings

BatchItem = tuple[str, str]  # (content_hash, text)

MENTION_COLS = ["content_hash", "start", "end", "text", "label", "tone"]
QUOTE_COLS = [
    "content_hash", "quote_id", "content", "content_start", "content_end", "kind", "cue",
    "speaker_text", "speaker_start", "speaker_end", "speaker_ref_start", "speaker_ref_end",
    "speaker_is_entity", "group", "sentiment",
]
SENTENCE_COLS = ["content_hash", "sent_id", "start", "end", "text", "sentiment"]


def annotate_batch(items: Sequence[BatchItem], settings: Settings) -> dict[str, pd.DataFrame]:
    """Annotate one batch in this process (the pipeline is loaded once per process)."""
    from ..nlp.quotes import extract_quotes
    from ..nlp.sentiment import get_scorer
    from ..nlp.tone import tone_for_mentions

    nlp = load_pipeline(settings.model)
    scorer = get_scorer(settings.sentiment, **dict(settings.sentiment_options))
    mentions: list[dict[str, Any]] = []
    quotes: list[dict[str, Any]] = []
    sentences: list[dict[str, Any]] = []
    texts = [text for _, text in items]
    for (digest, _), doc in zip(items, nlp.pipe(texts, batch_size=32)):
        found_mentions = list(doc_mentions(doc))
        # tone towards the entity at each mention, from the Doc already parsed (newsbrief.nlp.tone)
        mention_tones = tone_for_mentions(doc, [(int(m["start"]), int(m["end"])) for m in found_mentions])
        for mention, tone in zip(found_mentions, mention_tones):
            mentions.append({"content_hash": digest, **mention, "tone": float(tone)})
        found = [asdict(quote) for quote in extract_quotes(doc)]
        # a quote is the speaker's own words: scored on its own, not with the sentence around it
        tones = scorer.score([str(q["content"]) for q in found]) if found else []
        for n, (row, tone) in enumerate(zip(found, tones)):
            quotes.append({"content_hash": digest, "quote_id": n, **row, "sentiment": float(tone)})
        spans = []
        for sent in doc.sents:
            text = sent.text
            lead = len(text) - len(text.lstrip())
            stripped = text.strip()
            if stripped:
                spans.append((sent.start_char + lead, sent.start_char + lead + len(stripped), stripped))
        scores = scorer.score([s[2] for s in spans]) if spans else []
        for i, ((start, end, text), score) in enumerate(zip(spans, scores)):
            sentences.append(
                {"content_hash": digest, "sent_id": i, "start": start, "end": end, "text": text, "sentiment": float(score)}
            )
    return {
        "index": pd.DataFrame({"content_hash": [d for d, _ in items]}),
        "mentions": pd.DataFrame(mentions, columns=MENTION_COLS),
        "quotes": pd.DataFrame(quotes, columns=QUOTE_COLS),
        "sentences": pd.DataFrame(sentences, columns=SENTENCE_COLS),
    }

