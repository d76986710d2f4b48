"""Tone towards entities: how the text treats an entity at each of its mentions (``mentions.tone``).

``mentions.tone`` is computed in annotation by a model trained on NewsMTSC (``newsbrief.target_tone``):
the tone towards the entity at that mention, −1..1, |tone| ≤ 0.1 neutral. "Ukraine accused Russia of
aggression" is negative towards Russia, not towards Ukraine, although the whole sentence is negative.

Aggregation is the rule of :mod:`newsbrief.analysis.sentiment`: an entity's mention tones are averaged
within each article, then the article means per period, with a Student-t band over articles.

Stores written before ``mentions.tone`` existed have no tone towards entities: :func:`entity_tone` and
:func:`tone_evidence` then fall back to the tone of the sentences that mention the entity
(:func:`~newsbrief.analysis.sentiment.entity_sentiment`) and say so in their ``basis`` column
(``"sentence"`` instead of ``"target"``); :func:`tone_meaning` words the one-line explanation for either.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Literal

import pandas as pd

from ..errors import NewsbriefError
from .sentiment import _require, choose_entities, entity_period_stats, entity_sentiment

log = logging.getLogger(__name__)

__all__ = ["EVIDENCE_COLUMNS", "SENTENCE", "TARGET", "entity_tone", "has_target_tone", "tone_evidence", "tone_meaning"]

Basis = Literal["target", "sentence"]
#: ``basis`` of a tone table: the tone towards the entity (``mentions.tone``) ...
TARGET: Basis = "target"
#: ... or, for stores without it, the tone of the sentences that mention the entity.
SENTENCE: Basis = "sentence"

EVIDENCE_COLUMNS = ["published", "source", "title", "article_id", "sent_id", "sentence", "mark_start", "mark_end",
                    "mention", "tone", "basis"]


def has_target_tone(mentions: pd.DataFrame) -> bool:
    """Whether the store's mentions carry the tone towards the entity (annotated with schema 3 or later)."""
    return "tone" in mentions.columns and (mentions.empty or bool(mentions["tone"].notna().any()))


def tone_meaning(name: str | None = None, *, basis: Basis = TARGET) -> str:
    """One line saying what the tone shown for ``name`` (``None``: any entity) means."""
    who, it = (name, name) if name else ("an entity", "it")
    if basis == TARGET:
        return (f"Tone towards {who}: how the text treats {it} at each mention, \u22121..1, "
                "from a model trained on NewsMTSC.")
    return (f"Tone around {who}: the sentiment of the sentences that mention {it}, \u22121..1; this store was "
            "annotated before tone towards entities existed (annotate it again to get it).")


def entity_tone(
    mentions: pd.DataFrame,
    entities: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    sentences: pd.DataFrame | None = None,
    names: Sequence[str] | None = None,
    top: int = 5,
    freq: str | None = "W",
    thin_below: int = 5,
    level: float = 0.95,
) -> pd.DataFrame:
    """Mean tone towards each entity, per period (``freq=None``: one row per entity).

    Entities are the ``names`` given (ids, canonical names or aliases), else the ``top`` most mentioned.
    Per entity, the tones of its mentions are averaged within each article, then over articles per
    period, with a ``level`` Student-t band over articles; empty periods are kept, periods with fewer than
    ``thin_below`` articles flagged ``thin``. Columns: entity_id, entity, [period], mean, ci_low, ci_high,
    n_articles, thin, n_mentions (scored mentions), basis (:data:`TARGET`).

    Without ``mentions.tone`` (an old store) this is :func:`entity_sentiment` over ``sentences``, with
    ``basis`` :data:`SENTENCE` (and its n_sentences column); ``sentences`` is then required.
    """
    _require(mentions, ["article_id", "entity_id"], "mentions")
    _require(entities, ["entity_id", "name"], "entities")
    if not has_target_tone(mentions):
        if sentences is None:
            raise NewsbriefError("mentions have no tone column and no sentences were given to fall back on",
                                 field="mentions")
        log.info("mentions carry no tone towards entities (store annotated before it existed): sentence tone used")
        out = entity_sentiment(sentences, mentions, entities, articles, names=names, top=top, freq=freq,
                               thin_below=thin_below, level=level)
        return out.assign(basis=SENTENCE)
    m = choose_entities(mentions, entities, names=names, top=top).dropna(subset=["tone"])
    out = entity_period_stats(m, "tone", "n_mentions", articles, entities, freq=freq, thin_below=thin_below,
                              level=level)
    return out.assign(basis=TARGET)


def tone_evidence(
    mentions: pd.DataFrame, sentences: pd.DataFrame, articles: pd.DataFrame, *, entity_id: str
) -> pd.DataFrame:
    """The sentences behind an entity's tone: one row per mention, with its place in its sentence and its score.

    ``sentence[mark_start:mark_end]`` is the mention (character offsets into the sentence text, cut at
    the sentence end if the mention runs past it); a sentence naming the entity twice gives two rows,
    each marking its own mention with its own tone. ``tone`` is the tone towards the entity at that
    mention, or, in an old store without it, the sentence's sentiment (``basis`` says which). Rows in
    publication order (undated last), then reading order. Columns: :data:`EVIDENCE_COLUMNS`.
    """
    _require(mentions, ["article_id", "start", "end", "entity_id"], "mentions")
    _require(sentences, ["article_id", "sent_id", "start", "end", "text", "sentiment"], "sentences")
    basis = TARGET if has_target_tone(mentions) else SENTENCE
    m = mentions[mentions["entity_id"] == entity_id]
    if m.empty or sentences.empty:
        return pd.DataFrame(columns=EVIDENCE_COLUMNS)
    m = m.assign(article_id=m["article_id"].astype(str), tone=m["tone"] if basis == TARGET else float("nan"))
    s = sentences[["article_id", "sent_id", "start", "end", "text", "sentiment"]].rename(
        columns={"start": "s_start", "end": "s_end", "text": "sentence"})
    s = s.assign(article_id=s["article_id"].astype(str))
    hits = pd.merge_asof(m[["article_id", "start", "end", "tone"]].sort_values("start", kind="stable"),
                         s.sort_values("s_start", kind="stable"), left_on="start", right_on="s_start",
                         by="article_id", direction="backward")
    hits = hits[hits["start"] < hits["s_end"]].copy()
    hits["mark_start"] = (hits["start"] - hits["s_start"]).astype(int)
    hits["mark_end"] = (hits[["end", "s_end"]].min(axis=1) - hits["s_start"]).astype(int)
    hits["mention"] = [str(t)[a:b] for t, a, b in zip(hits["sentence"], hits["mark_start"], hits["mark_end"])]
    if basis == SENTENCE:
        hits["tone"] = hits["sentiment"]
    meta = articles[["article_id", "published", "source", "title"]]
    out = hits.merge(meta.assign(article_id=meta["article_id"].astype(str)), on="article_id", how="left")
    out = out.sort_values(["published", "article_id", "start"], na_position="last", kind="stable")
    return out.assign(basis=basis)[EVIDENCE_COLUMNS].reset_index(drop=True)
