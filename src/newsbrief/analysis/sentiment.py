"""Sentiment timelines over the stored tables: along an article, across a corpus, per entity.

Everything here is vectorised pandas over the ``sentences``, ``articles``, ``mentions``,
``entities`` and ``quotes`` tables (see docs/architecture.md for their columns); nothing loops in
Python over articles or sentences, so a 19,000-article corpus aggregates in seconds.

Aggregation rule (used by :func:`corpus_timeline`, :func:`entity_sentiment` and
:func:`speaker_sentiment`): sentence scores are first averaged **within each article**,
then the article means are averaged per period, so one long article weighs as much as
one short one and the confidence band counts articles, the units that were sampled.
The band is a 95% (by default) Student-t interval of that mean, ``mean ± t·sd/√n``;
a period with fewer than ``thin_below`` articles is flagged ``thin`` (marked, not
hidden), and a period with no article is kept as a row with ``n_articles`` 0 and NaN
mean.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Sequence
from statistics import NormalDist

import numpy as np
import pandas as pd

from ..errors import NewsbriefError
from .entities import find_entity
from .periods import period_start

log = logging.getLogger(__name__)

__all__ = [
    "article_timeline",
    "choose_entities",
    "entity_sentiment",
    "extreme_sentences",
    "largest_shifts",
    "speaker_sentiment",
    "t_quantile",
]

STAT_COLUMNS = ["mean", "ci_low", "ci_high", "n_articles", "thin"]


def _require(df: pd.DataFrame, columns: Sequence[str], table: str) -> None:
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise NewsbriefError(f"table lacks columns {missing}", field=table)


def t_quantile(p: float, df: np.ndarray | float) -> np.ndarray:
    """Student-t quantile at probability ``p`` for ``df`` degrees of freedom (vectorised).

    Exact for 1 and 2 degrees of freedom; a four-term Cornish-Fisher expansion beyond
    (error below 0.2% at df 3 for p=0.975, falling fast with df).  NaN where df < 1.
    """
    d = np.asarray(df, dtype=float)
    z = NormalDist().inv_cdf(p)
    with np.errstate(divide="ignore", invalid="ignore"):
        g1 = (z**3 + z) / 4
        g2 = (5 * z**5 + 16 * z**3 + 3 * z) / 96
        g3 = (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / 384
        g4 = (79 * z**9 + 776 * z**7 + 1482 * z**5 - 1920 * z**3 - 945 * z) / 92160
        t = z + g1 / d + g2 / d**2 + g3 / d**3 + g4 / d**4
        t = np.where(d == 1, math.tan(math.pi * (p - 0.5)), t)
        t = np.where(d == 2, (2 * p - 1) / math.sqrt(2 * p * (1 - p)), t)
    return np.where(d >= 1, t, np.nan)


# --------------------------------------------------------------------------- article


def article_timeline(sentences: pd.DataFrame, *, article_id: str | None = None, window: int = 5) -> pd.DataFrame:
    """Sentence scores in reading order with a centred rolling mean of ``window`` sentences.

    Columns: article_id, sent_id, position (0-based order within the article),
    relative_position (0 at the first sentence, 1 at the last), text, sentiment, rolling.
    ``article_id=None`` keeps every article (the rolling mean never crosses articles).
    """
    _require(sentences, ["article_id", "sent_id", "sentiment"], "sentences")
    if window < 1:
        raise NewsbriefError("window must be at least 1", field="window")
    df = sentences if article_id is None else sentences[sentences["article_id"] == article_id]
    if article_id is not None and df.empty:
        raise NewsbriefError(f"no sentences for article '{article_id}'", field="article_id")
    order = ["article_id", "start", "sent_id"] if "start" in df.columns else ["article_id", "sent_id"]
    df = df.sort_values(order, kind="stable").reset_index(drop=True)
    out = pd.DataFrame({"article_id": df["article_id"], "sent_id": df["sent_id"]})
    out["position"] = df.groupby("article_id", sort=False).cumcount()
    size = df.groupby("article_id", sort=False)["sent_id"].transform("size")
    out["relative_position"] = (out["position"] / (size - 1).where(size > 1, 1)).astype(float)
    out["text"] = df["text"] if "text" in df.columns else ""
    out["sentiment"] = df["sentiment"].astype(float)
    out["rolling"] = (
        out.groupby("article_id", sort=False)["sentiment"]
        .rolling(window, center=True, min_periods=1)
        .mean()
        .reset_index(level=0, drop=True)
    )
    return out


#: A whole sentence opens with a capital, a digit or an opening quote or bracket ...
_OPENS = re.compile(r"^[\"'\u201c\u2018(\[]*[A-Z0-9]")
#: ... and closes with a full stop, question or exclamation mark (a closing quote or bracket may follow).
_CLOSES = re.compile(r"[.!?][\"'\u201d\u2019)\]]*$")
#: Caption and credit marks ("Photo: ...", "(Image credit ...)", "File photo") are not the article's prose.
_CAPTION = re.compile(r"\b(?:photo|photograph|image|picture|credit|caption)s?\b\s*(?:[:/|]|by\b|credit)|"
                      r"\((?:[^()]*\b(?:photo|image|getty|file)\b[^()]*)\)\s*[.!?]?$", re.I)


def whole_sentences(sentences: pd.DataFrame, *, min_words: int = 5) -> pd.Series:
    """Per row of ``sentences``: True when its text reads as a whole sentence of the article body.

    False for fragments cut at a line break (a line break inside, or no capital at the start, or no full stop,
    question or exclamation mark at the end), headings and captions (no closing punctuation, or a photo credit
    mark), and lines of fewer than ``min_words`` words.
    """
    text = sentences["text"].astype(str).str.strip()
    words = text.str.split().str.len().fillna(0)
    return ((words >= min_words) & ~text.str.contains("\n", regex=False) & text.str.match(_OPENS)
            & text.str.contains(_CLOSES) & ~text.str.contains(_CAPTION))


def extreme_sentences(
    sentences: pd.DataFrame, *, n: int = 1, article_id: str | None = None, min_words: int = 5
) -> pd.DataFrame:
    """The ``n`` most negative and ``n`` most positive whole sentences (:func:`whole_sentences`).

    Fragments, headings and captions are never picked; when no sentence of a side is whole, that side is
    empty. Columns: kind ("most negative"/"most positive"), article_id, sent_id, text, sentiment.
    """
    _require(sentences, ["article_id", "sent_id", "text", "sentiment"], "sentences")
    df = sentences if article_id is None else sentences[sentences["article_id"] == article_id]
    df = df.dropna(subset=["sentiment"])
    df = df[whole_sentences(df, min_words=min_words)]
    cols = ["article_id", "sent_id", "text", "sentiment"]
    neg = df[df["sentiment"] < 0].nsmallest(n, "sentiment")[cols].assign(kind="most negative")
    pos = df[df["sentiment"] > 0].nlargest(n, "sentiment")[cols].assign(kind="most positive")
    return pd.concat([neg, pos], ignore_index=True)[["kind", *cols]]


# --------------------------------------------------------------------------- periods


def _period_start(published: pd.Series, freq: str) -> pd.Series:
    return period_start(published, freq).dt.tz_localize("UTC")


def _period_stats(
    values: pd.DataFrame,
    *,
    keys: Sequence[str],
    freq: str | None,
    thin_below: int,
    level: float,
    extra_counts: Sequence[str] = (),
) -> pd.DataFrame:
    """Mean of per-article ``value`` per (keys, period) with a t band; empty periods kept.

    ``values`` has columns keys + ``period`` (if freq) + ``value`` + ``extra_counts``,
    one row per article.
    """
    group_cols = [*keys, "period"] if freq else list(keys)
    if group_cols:
        agg = values.groupby(group_cols, sort=True, observed=True).agg(
            mean=("value", "mean"),
            sd=("value", "std"),
            n_articles=("value", "size"),
            **{c: (c, "sum") for c in extra_counts},
        )
    else:
        v = values["value"]
        agg = pd.DataFrame(
            {"mean": [v.mean()], "sd": [v.std()], "n_articles": [len(v)],
             **{c: [values[c].sum()] for c in extra_counts}}
        )
    return stats_from_agg(agg.reset_index() if group_cols else agg, keys=keys, freq=freq, thin_below=thin_below,
                          level=level, extra_counts=extra_counts)


def stats_from_agg(
    agg: pd.DataFrame, *, keys: Sequence[str], freq: str | None, thin_below: int, level: float,
    extra_counts: Sequence[str] = (),
) -> pd.DataFrame:
    """Per (keys, period) statistics from aggregates (columns keys, period, mean, sd, n_articles, extra counts):
    every calendar period kept, a Student-t band, thin periods marked. Shared by pandas and SQL aggregation."""
    group_cols = [*keys, "period"] if freq else list(keys)
    if freq and not agg.empty:
        periods = pd.period_range(
            agg["period"].min().tz_localize(None), agg["period"].max().tz_localize(None), freq=freq
        )
        starts = pd.DatetimeIndex(periods.start_time).tz_localize("UTC")
        if keys:
            combos = agg[list(keys)].drop_duplicates().sort_values(list(keys))
            full = pd.MultiIndex.from_frame(combos.merge(pd.DataFrame({"period": starts}), how="cross"))
        else:
            full = pd.Index(starts, name="period")
        agg = agg.set_index(group_cols).reindex(full)
        agg["n_articles"] = agg["n_articles"].fillna(0).astype(int)
        for c in extra_counts:
            agg[c] = agg[c].fillna(0).astype(int)
        agg = agg.reset_index()
    n = agg["n_articles"].astype(float)
    half = t_quantile(0.5 + level / 2, n - 1) * agg["sd"] / np.sqrt(n.where(n > 0))
    agg["ci_low"] = agg["mean"] - half
    agg["ci_high"] = agg["mean"] + half
    agg["thin"] = agg["n_articles"] < thin_below
    cols = [*group_cols, *STAT_COLUMNS, *extra_counts]
    return agg[cols].reset_index(drop=True)


def _with_dates(values: pd.DataFrame, articles: pd.DataFrame, freq: str | None,
                extra: Sequence[str] = ()) -> pd.DataFrame:
    _require(articles, ["article_id", "published", *extra], "articles")
    df = values.merge(articles[["article_id", "published", *extra]], on="article_id", how="left")
    if freq:
        undated = df["published"].isna()
        if undated.any():
            log.warning("%d of %d articles have no publication date and are left out of the timeline",
                        int(undated.sum()), len(df))
            df = df[~undated]
        df = df.assign(period=_period_start(df["published"], freq))
    return df


def largest_shifts(timeline: pd.DataFrame, *, n: int = 3, min_articles: int = 1) -> pd.DataFrame:
    """The ``n`` largest changes of the mean between consecutive periods that have data.

    Periods with fewer than ``min_articles`` articles are skipped, so a change is measured
    against the previous period with data.  Per source when the timeline has ``source``.
    Columns: [source], period, previous_period, mean, previous_mean, change, n_articles,
    previous_n_articles, thin (either side thin); largest ``abs(change)`` first.
    """
    _require(timeline, ["period", "mean", "n_articles"], "timeline")
    keys = [c for c in ("source", "entity", "speaker") if c in timeline.columns]
    df = timeline[(timeline["n_articles"] >= min_articles) & timeline["mean"].notna()]
    df = df.sort_values([*keys, "period"]).copy()
    grouped = df.groupby(keys, sort=False) if keys else df
    prev = grouped.shift(1) if keys else df.shift(1)
    df["previous_period"] = prev["period"]
    df["previous_mean"] = prev["mean"]
    df["previous_n_articles"] = prev["n_articles"]
    df["change"] = df["mean"] - df["previous_mean"]
    thin = df["thin"] if "thin" in df.columns else False
    prev_thin = prev["thin"].fillna(False).astype(bool) if "thin" in prev.columns else False
    df["thin"] = thin | prev_thin
    df = df.dropna(subset=["change"])
    df = df.reindex(df["change"].abs().sort_values(ascending=False).index).head(n)
    cols = [*keys, "period", "previous_period", "mean", "previous_mean", "change", "n_articles",
            "previous_n_articles", "thin"]
    out = df[cols].reset_index(drop=True)
    out["previous_n_articles"] = out["previous_n_articles"].astype(int)
    return out


# --------------------------------------------------------------------------- entities


def _sentence_of(spans: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Attach the sentence containing each span start (by article); unmatched spans dropped."""
    s = sentences[["article_id", "sent_id", "start", "end", "sentiment"]].rename(
        columns={"start": "s_start", "end": "s_end"}
    )
    left = spans.sort_values("start", kind="stable")
    right = s.sort_values("s_start", kind="stable")
    left = left.assign(article_id=left["article_id"].astype(str))
    right = right.assign(article_id=right["article_id"].astype(str))
    joined = pd.merge_asof(left, right, left_on="start", right_on="s_start", by="article_id", direction="backward")
    return joined[joined["start"] < joined["s_end"]]


def choose_entities(
    mentions: pd.DataFrame, entities: pd.DataFrame, *, names: Sequence[str] | None = None, top: int = 5
) -> pd.DataFrame:
    """The mentions of the entities a chart follows: ``names`` (ids, names or aliases), else the ``top`` most
    mentioned."""
    m = mentions.dropna(subset=["entity_id"])
    if names is not None:
        found = [find_entity(entities, str(n)) for n in names]
        chosen = pd.Series([f for f in found if f is not None], dtype=object)
        if chosen.empty:
            log.warning("none of the entities %s is in the entities table", list(names))
    else:
        chosen = m["entity_id"].value_counts().head(top).index.to_series()
    return m[m["entity_id"].isin(set(chosen))]


#: Public name: the sentence holding each span (co-occurrence and tone per entity use it too).
sentence_of = _sentence_of


def entity_sentiment(
    sentences: pd.DataFrame,
    mentions: pd.DataFrame,
    entities: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    names: Sequence[str] | None = None,
    top: int = 5,
    freq: str | None = "W",
    thin_below: int = 5,
    level: float = 0.95,
) -> pd.DataFrame:
    """Mean sentiment of the sentences that mention each entity, per period.

    Entities are the ``names`` given (canonical names or aliases), else the ``top`` most
    mentioned.  A sentence mentioning an entity twice counts once.  Per entity, the
    sentences are averaged within each article, then over articles per period (see the
    module docstring).  ``freq=None`` gives one row per entity (no time split; article
    mode).  Columns: entity_id, entity, [period], mean, ci_low, ci_high, n_articles,
    thin, n_sentences, n_mentions.

    This is the tone *around* an entity, not *towards* it ("Ukraine accused Russia of
    aggression" is negative around Ukraine too); briefings and the explorer show the tone
    towards it, :func:`newsbrief.analysis.target_tone.entity_tone`, and fall back to this one
    on stores annotated before ``mentions.tone`` existed.
    """
    _require(mentions, ["article_id", "start", "entity_id"], "mentions")
    _require(entities, ["entity_id", "name"], "entities")
    _require(sentences, ["article_id", "sent_id", "start", "end", "sentiment"], "sentences")
    m = choose_entities(mentions, entities, names=names, top=top)
    counts = m.groupby("entity_id").size().rename("n_mentions")
    hits = _sentence_of(m[["article_id", "start", "entity_id"]], sentences)
    hits = hits.drop_duplicates(["entity_id", "article_id", "sent_id"])
    out = entity_period_stats(hits, "sentiment", "n_sentences", articles, entities, freq=freq,
                              thin_below=thin_below, level=level)
    out["n_mentions"] = out["entity_id"].map(counts).fillna(0).astype(int)
    return out


def speaker_sentiment(
    quotes: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    names: Sequence[str] | None = None,
    top: int = 5,
    freq: str | None = "W",
    thin_below: int = 5,
    level: float = 0.95,
) -> pd.DataFrame:
    """Mean sentiment of what each speaker is quoted as saying, per period.

    Uses the quotes table's ``sentiment`` column, computed in annotation from the quote's own
    words (a quote is the speaker's words; the sentence around it also holds the reporter's
    framing). Speakers are the canonical ``speaker`` names given in
    ``names``, else the ``top`` most quoted; unattributed quotes are left out.  Columns:
    speaker, [period], mean, ci_low, ci_high, n_articles, thin, n_quotes.
    """
    _require(quotes, ["article_id", "speaker", "sentiment"], "quotes")
    q = quotes.dropna(subset=["speaker"])
    if names is not None:
        q = q[q["speaker"].isin(list(names))]
    else:
        q = q[q["speaker"].isin(q["speaker"].value_counts().head(top).index)]
    if freq is None and q["article_id"].nunique() == 1:
        # One article: the interval is over its quotes, the only spread there is (as for entities).
        one = q[["speaker", "sentiment"]].rename(columns={"sentiment": "value"}).assign(n_quotes=1)
        out = _period_stats(one, keys=["speaker"], freq=None, thin_below=thin_below, level=level,
                            extra_counts=["n_quotes"])
        return out.assign(n_articles=1, thin=out["n_quotes"] < thin_below)
    per_article = q.groupby(["speaker", "article_id"], sort=False)["sentiment"].agg(["mean", "size"])
    per_article = per_article.rename(columns={"mean": "value", "size": "n_quotes"}).reset_index()
    df = _with_dates(per_article, articles, freq)
    return _period_stats(df, keys=["speaker"], freq=freq, thin_below=thin_below, level=level,
                         extra_counts=["n_quotes"])


def entity_period_stats(
    rows: pd.DataFrame, value: str, count: str, articles: pd.DataFrame, entities: pd.DataFrame, *,
    freq: str | None, thin_below: int, level: float,
) -> pd.DataFrame:
    """Per entity: ``value`` averaged within each article, then over articles per period (with intervals);
    ``count`` counts the rows behind each mean. Sentence tone and target tone share it."""
    if freq is None and rows["article_id"].nunique() == 1:
        # One article: the interval is over its scored rows (mentions or sentences), the only spread there is.
        one = rows[["entity_id", value]].rename(columns={value: "value"}).assign(**{count: 1})
        out = _period_stats(one, keys=["entity_id"], freq=None, thin_below=thin_below, level=level,
                            extra_counts=[count])
        out["n_articles"] = 1
        out["thin"] = out[count] < thin_below
    else:
        per_article = rows.groupby(["entity_id", "article_id"], sort=False)[value].agg(["mean", "size"])
        per_article = per_article.rename(columns={"mean": "value", "size": count}).reset_index()
        df = _with_dates(per_article, articles, freq)
        out = _period_stats(df, keys=["entity_id"], freq=freq, thin_below=thin_below, level=level,
                            extra_counts=[count])
    name_of = entities.drop_duplicates("entity_id").set_index("entity_id")["name"]
    out.insert(1, "entity", out["entity_id"].map(name_of))
    return out
