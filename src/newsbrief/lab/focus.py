"""Plain functions behind the explorer: filters, choices, one focus (entity or speaker) and its timelines.

Built on :mod:`newsbrief.analysis`, the functions the briefing uses, so the numbers match the briefing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from .. import analysis
from ..analysis.slices import Focus
from ..errors import ExploreError
from ..present.formatters import fmt_period

FREQS: dict[str, str] = {"day": "D", "week": "W", "month": "M"}
SENTENCE_COLUMNS = ["published", "source", "title", "sent_id", "sentiment", "sentence", "article_id"]


# ---------------------------------------------------------------------------------------------- filters
@dataclass(frozen=True)
class Filters:
    """Which articles count: published between ``start`` and ``end`` (days, inclusive) and from ``sources``.

    Empty ``sources`` means every source. With a date bound, undated articles are left out.
    """

    start: date | None = None
    end: date | None = None
    sources: tuple[str, ...] = ()


def _day(value: Any) -> date | None:
    if value is None or (not isinstance(value, (str, date)) and pd.isna(value)):
        return None
    return pd.Timestamp(value).date()


def make_filters(*, start: Any = None, end: Any = None, sources: Iterable[str] | str | None = None) -> Filters:
    """Filters from loose values (notebook parameters: strings, dates, a source name or a list)."""
    if isinstance(sources, str):
        sources = [sources]
    lo, hi = _day(start), _day(end)
    if lo is not None and hi is not None and lo > hi:
        raise ExploreError(f"start {lo} is after end {hi}")
    return Filters(start=lo, end=hi, sources=tuple(sources or ()))


def _source(articles: pd.DataFrame) -> pd.Series:
    return analysis.source_labels(articles["source"])


def filter_tables(tables: Mapping[str, pd.DataFrame], filters: Filters) -> dict[str, pd.DataFrame]:
    """The tables restricted to the articles that pass ``filters`` (``entities`` kept whole)."""
    a = tables["articles"]
    keep = pd.Series(True, index=a.index)
    if filters.start is not None or filters.end is not None:
        day = a["published"].dt.tz_convert("UTC").dt.tz_localize(None).dt.normalize()
        keep &= day.notna()
        if filters.start is not None:
            keep &= day >= pd.Timestamp(filters.start)
        if filters.end is not None:
            keep &= day <= pd.Timestamp(filters.end)
    if filters.sources:
        keep &= _source(a).isin(list(filters.sources))
    ids = set(a.loc[keep, "article_id"])
    out = {name: frame[frame["article_id"].isin(ids)].reset_index(drop=True)
           for name, frame in tables.items() if name != "entities"}
    out["entities"] = tables["entities"]
    return out


def _dated(tables: Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The tables restricted to articles with a publication time."""
    ids = set(tables["articles"].loc[tables["articles"]["published"].notna(), "article_id"])
    return {name: frame if name == "entities" else frame[frame["article_id"].isin(ids)]
            for name, frame in tables.items()}


# ---------------------------------------------------------------------------------------------- choices
def entity_labels(freq: pd.DataFrame) -> list[tuple[str, str]]:
    """(label, entity_id) pairs of an entity frequency table (:func:`analysis.entity_frequencies`)."""
    return [(f"{r.name} ({r.type}, {int(r.mentions)})", str(r.entity_id)) for r in freq.itertuples(index=False)]


def speaker_labels(share: pd.DataFrame, *, top: int | None = None) -> list[tuple[str, str]]:
    """(label, speaker) pairs of a speaker share table (:func:`analysis.speaker_share`), unattributed left out."""
    share = share[share["speaker"] != analysis.UNATTRIBUTED]
    if top is not None:
        share = share.head(top)
    return [(f"{r.speaker} ({int(r.quotes)} quotes)", str(r.speaker)) for r in share.itertuples(index=False)]


def _period_key(published: pd.Series, freq: str) -> pd.Series:
    return analysis.period_start(published, freq)


def focus_mentions(tables: Mapping[str, pd.DataFrame], focus: Focus) -> pd.DataFrame:
    """Mentions of the focus entity (for a speaker: of the speaker's entity, if any)."""
    m = tables["mentions"]
    if focus.entity_id is None:
        return m.iloc[0:0]
    return m[m["entity_id"] == focus.entity_id]


def quotes_by(tables: Mapping[str, pd.DataFrame], focus: Focus) -> pd.DataFrame:
    """Quotes whose speaker is the focus (raw quote rows)."""
    q = tables["quotes"]
    if focus.kind == "speaker":
        return q[q["speaker"] == focus.key]
    return q[q["speaker_entity_id"] == focus.entity_id]


def quotes_about(tables: Mapping[str, pd.DataFrame], focus: Focus) -> pd.DataFrame:
    """Quotes by others whose content names the focus entity (raw quote rows)."""
    q = tables["quotes"]
    mentions = focus_mentions(tables, focus)
    if q.empty or mentions.empty:
        return q.iloc[0:0]
    pairs = q.reset_index().merge(mentions[["article_id", "start", "end"]], on="article_id")
    inside = pairs[(pairs["start"] >= pairs["content_start"]) & (pairs["end"] <= pairs["content_end"])]
    hits = q.loc[sorted(set(inside["index"]))]
    return hits[~hits.index.isin(quotes_by(tables, focus).index)]


def timeline(tables: Mapping[str, pd.DataFrame], focus: Focus, *, freq: str = "W") -> pd.DataFrame:
    """Per period: mentions (entity) or quotes (speaker), via the briefing's own functions.

    Rows: period start; one column, named after the focus.
    """
    articles = tables["articles"]
    if focus.kind == "entity":
        return analysis.entity_trend(tables["mentions"], articles, tables["entities"], entity_ids=[focus.key],
                                     freq=freq)  # an entity's key is its entity_id
    by_period = analysis.speaker_share_by(quotes_by(tables, focus), articles, by="period", freq=freq, top=1)
    if by_period.empty:
        return by_period
    full = pd.period_range(by_period.index.min(), by_period.index.max(), freq=freq).start_time
    out = by_period.reindex(full, fill_value=0)
    out.index.name = "period"
    return out


def focus_sentences(tables: Mapping[str, pd.DataFrame], focus: Focus) -> pd.DataFrame:
    """Sentences behind the focus: those that name the entity, or hold one of the speaker's quotes.

    Columns: :data:`SENTENCE_COLUMNS`; one row per sentence, in publication order (undated last).
    """
    s = tables["sentences"]
    if focus.kind == "entity":
        spans = focus_mentions(tables, focus)[["article_id", "start", "end"]].rename(columns={"start": "a", "end": "b"})
    else:
        spans = quotes_by(tables, focus)[["article_id", "content_start", "content_end"]].rename(
            columns={"content_start": "a", "content_end": "b"})
    if s.empty or spans.empty:
        return pd.DataFrame(columns=SENTENCE_COLUMNS)
    pairs = s.merge(spans, on="article_id")
    hit = pairs[(pairs["a"] < pairs["end"]) & (pairs["b"] > pairs["start"])]
    hit = hit.drop_duplicates(["article_id", "sent_id"])
    meta = tables["articles"][["article_id", "published", "source", "title"]]
    out = hit.merge(meta, on="article_id", how="left").rename(columns={"text": "sentence"})
    out = out.sort_values(["published", "article_id", "sent_id"], na_position="last", kind="stable")
    return out[SENTENCE_COLUMNS].reset_index(drop=True)


TONE_COLUMNS = ["period", "mean", "ci_low", "ci_high", "n_articles", "thin"]


def tone_basis(tables: Mapping[str, pd.DataFrame], focus: Focus) -> str:
    """What :func:`tone` measures for ``focus``: ``"target"`` (tone towards the entity, ``mentions.tone``),
    ``"sentence"`` (an old store without it: the sentences naming the entity) or ``"quote"`` (a speaker's words)."""
    if focus.kind == "speaker":
        return "quote"
    return analysis.TARGET if analysis.has_target_tone(tables["mentions"]) else analysis.SENTENCE


def tone(tables: Mapping[str, pd.DataFrame], focus: Focus, *, freq: str | None = "W") -> pd.DataFrame:
    """The focus's tone per period (``freq=None``: one row over the whole selection), −1..1.

    An entity: the mean tone towards it at its mentions (``analysis.entity_tone``; an old store without
    ``mentions.tone``: the sentences that name it, see :func:`tone_basis`). A speaker: the mean sentiment
    of the speaker's quoted words (``speaker_sentiment``). Both average within each article first, then
    over articles, with a confidence band. ``period`` is naive UTC.
    """
    from ..analysis.sentiment import speaker_sentiment

    if freq is not None:  # a timeline leaves undated articles out; do it here rather than be warned per call
        tables = _dated(tables)
    if focus.kind == "entity":
        mentions = focus_mentions(tables, focus)
        if mentions.empty:
            return pd.DataFrame(columns=TONE_COLUMNS)
        out = analysis.entity_tone(mentions, tables["entities"], tables["articles"], sentences=tables["sentences"],
                                   top=1, freq=freq)
    else:
        by = quotes_by(tables, focus)
        if by.empty:
            return pd.DataFrame(columns=TONE_COLUMNS)
        out = speaker_sentiment(by, tables["articles"], names=[focus.key], freq=freq)
    if freq is None:
        return out[[c for c in TONE_COLUMNS if c != "period"]].reset_index(drop=True)
    out = out.assign(period=pd.to_datetime(out["period"], utc=True).dt.tz_localize(None))
    return out[TONE_COLUMNS].reset_index(drop=True)


def evidence(tables: Mapping[str, pd.DataFrame], focus: Focus) -> pd.DataFrame:
    """The sentences behind an entity's tone, one row per mention with its offsets in the sentence and its
    score (``analysis.tone_evidence``); empty for a speaker without an entity."""
    if focus.entity_id is None:
        return pd.DataFrame(columns=analysis.EVIDENCE_COLUMNS)
    return analysis.tone_evidence(tables["mentions"], tables["sentences"], tables["articles"],
                                  entity_id=focus.entity_id)


def _behind(tables: Mapping[str, pd.DataFrame], focus: Focus) -> tuple[pd.DataFrame, str]:
    """The rows behind the focus's points: mentions in their sentences (entity) or quote sentences (speaker)."""
    if focus.kind == "entity":
        return evidence(tables, focus), "mention"
    return focus_sentences(tables, focus), "sentence"


def periods(tables: Mapping[str, pd.DataFrame], focus: Focus, *, freq: str = "W") -> list[tuple[str, str]]:
    """(label, period start as ``YYYY-MM-DD``) for every period with mentions (entity) or quote sentences
    (speaker) behind the focus: the points of its timeline."""
    rows, noun = _behind(tables, focus)
    rows = rows.dropna(subset=["published"])
    if rows.empty:
        return []
    counts = _period_key(rows["published"], freq).value_counts().sort_index()
    return [(f"{fmt_period(start, freq)} ({n} {noun}{'s' if n != 1 else ''})", f"{start:%Y-%m-%d}")
            for start, n in counts.items()]


def _in_period(sentences: pd.DataFrame, period: Any, freq: str) -> pd.DataFrame:
    dated = sentences.dropna(subset=["published"])
    start = pd.Timestamp(period)
    if start.tzinfo is not None:
        start = start.tz_convert("UTC").tz_localize(None)
    keep = _period_key(dated["published"], freq) == start.to_period(freq).start_time
    return dated[keep].reset_index(drop=True)


def sentences_at(tables: Mapping[str, pd.DataFrame], focus: Focus, period: Any, *, freq: str = "W") -> pd.DataFrame:
    """The sentences behind one point of the timeline: the period holding the day ``period``."""
    return _in_period(focus_sentences(tables, focus), period, freq)


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _quote_rows(quotes: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    table = analysis.quote_table(quotes)
    meta = articles[["article_id", "published", "source"]]
    table = table.merge(meta, on="article_id", how="left")
    columns = ["published", "source", "speaker", "kind", "cue", "words", "quote", "article_id"]
    return table.sort_values("published", kind="stable")[columns].reset_index(drop=True)
