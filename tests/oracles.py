"""The pandas versions of the analyses, kept as oracles: the SQL ones (:mod:`newsbrief.analysis.db_counts`,
:mod:`newsbrief.analysis.db_change`, :mod:`newsbrief.analysis.db_spikes`), the only implementation the package runs
(over a store or an article's tables in memory), are tested equal to these on random tables and on the sample
corpus, and the statistics are tested on small hand-made tables through them."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd

from newsbrief.analysis.change import (
    EARLIER,
    NO_SPAN,
    ONE_PERIOD,
    Split,
    log_odds_changes,
    plan_split,
    shifts_from_moments,
    welch_from_moments,
)
from newsbrief.analysis.cooccurrence import PAIR_COLUMNS, pairs_from_counts
from newsbrief.analysis.entities import FREQ_COLUMNS, TYPE_OF_LABEL, frequencies_from_counts
from newsbrief.analysis.periods import period_start, source_labels
from newsbrief.analysis.sentiment import _period_stats, _require, _with_dates, sentence_of
from newsbrief.analysis.speakers import SHARE_COLUMNS, _with_speaker, share_from_counts
from newsbrief.analysis.spikes import HEADLINE_COLUMNS, SPIKE_COLUMNS, headlines_from_counts, spikes_from_shares
from newsbrief.errors import NewsbriefError
from newsbrief.textutil import thin_reason

# ---------------------------------------------------------------------------------------------- counts


def entity_frequencies(
    mentions: pd.DataFrame,
    entities: pd.DataFrame,
    *,
    top: int | None = None,
    types: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Mentions per canonical entity, most frequent first.

    ``share`` is the entity's mentions over all counted mentions; ``articles`` the number of
    articles mentioning it. ``types`` filters on person / organisation / place.
    """
    if mentions.empty:
        return pd.DataFrame(columns=FREQ_COLUMNS)
    counts = mentions.groupby("entity_id").agg(mentions=("start", "size"), articles=("article_id", "nunique"))
    return frequencies_from_counts(counts.reset_index(), entities, top=top, types=types)


def speaker_share(
    quotes: pd.DataFrame, articles: pd.DataFrame | None = None, *, top: int | None = None
) -> pd.DataFrame:
    """Per resolved speaker: quotes, the articles they are in, quoted words, their shares, first and last date, an
    example quote.

    Unattributed quotes are one line of their own, not dropped. The example is the speaker's
    longest quote (most informative in a table).
    """
    if quotes.empty:
        return pd.DataFrame(columns=SHARE_COLUMNS)
    q = _with_speaker(quotes)
    if articles is not None and "published" in articles:
        q = q.merge(articles[["article_id", "published"]], on="article_id", how="left")
    else:
        q["published"] = pd.NaT
    order = ["words", "article_id", "content_start"] if "content_start" in q else ["words"]
    example = (q.sort_values(order, ascending=[False] + [True] * (len(order) - 1), kind="stable")
               .drop_duplicates("speaker").set_index("speaker")["content"])
    out = q.groupby("speaker").agg(
        named=("named", "max"), quotes=("statement", "nunique"), articles=("article_id", "nunique"),
        words=("words", "sum"),
        first=("published", "min"), last=("published", "max"),
    )
    out["example"] = example
    return share_from_counts(out.reset_index(), top=top)


def _article_means(sentences: pd.DataFrame) -> pd.DataFrame:
    _require(sentences, ["article_id", "sentiment"], "sentences")
    means = sentences.groupby("article_id", sort=False)["sentiment"].agg(["mean", "size"])
    return means.rename(columns={"mean": "value", "size": "n_sentences"}).reset_index()


def corpus_timeline(
    articles: pd.DataFrame,
    sentences: pd.DataFrame,
    *,
    freq: str = "W",
    by: str | None = None,
    thin_below: int = 5,
    level: float = 0.95,
) -> pd.DataFrame:
    """Mean sentiment per period (``freq`` "D" or "W", any pandas period alias works): see
    :func:`newsbrief.analysis.db_counts.corpus_timeline`.

    Each article's sentences are averaged first; the period mean is the mean of those
    article means, with a ``level`` Student-t band over articles.  ``by="source"`` gives
    one series per source, each over the whole corpus date range.  Columns: [source],
    period (UTC timestamp of the period start; weeks start on Monday), mean, ci_low,
    ci_high, n_articles, thin, n_sentences.  Undated articles are left out (logged).
    """
    if by not in (None, "source"):
        raise NewsbriefError(f"by must be None or 'source', not {by!r}", field="by")
    extra = [by] if by else []
    df = _with_dates(_article_means(sentences), articles, freq, extra)
    if by:
        df[by] = source_labels(df[by])
    return _period_stats(df, keys=extra, freq=freq, thin_below=thin_below, level=level, extra_counts=["n_sentences"])


def thin_articles(articles: pd.DataFrame) -> dict[str, str]:
    """``{article_id: reason}`` for every article whose text is too little to brief on."""
    if "text" not in articles or articles.empty:
        return {}
    return {str(i): reason for i, text in zip(articles["article_id"], articles["text"])
            if (reason := thin_reason(str(text) if isinstance(text, str) else ""))}


# ---------------------------------------------------------------------------------------------- what changed
def compare_split(
    articles: pd.DataFrame, *, freq: str = "W", compare: str = "previous", min_articles: int = 10,
) -> Split:
    """The focus (last period, widened back until it has ``min_articles``) and the baseline named by ``compare``.

    ``previous``: as many periods right before the focus; ``corpus``: every earlier article;
    ``YYYY-MM-DD..YYYY-MM-DD``: the articles published in that range (outside the focus). A corpus with a single
    period has no baseline, whatever ``compare`` says (kind "none", reason :data:`ONE_PERIOD`).
    """
    dated = articles.dropna(subset=["published"])
    if dated.empty:
        return Split(frozenset(), frozenset(), NO_SPAN, NO_SPAN, "none", reason="no article is dated")
    period = pd.Series(period_start(dated["published"], freq).to_numpy(), index=dated["article_id"].astype(str))
    plan = plan_split(period.value_counts(), freq=freq, compare=compare, min_articles=min_articles)
    focus = frozenset(period.index[period >= plan.focus_start])
    earlier = frozenset(period.index[period < plan.focus_start])
    if plan.base[0] == "none":
        return Split(focus, frozenset(), plan.focus_span, NO_SPAN, "none", reason=ONE_PERIOD)
    if plan.base[0] == "earlier":
        base = earlier
    elif plan.base[0] == "periods":
        base = frozenset(period.index[(period >= plan.base[1]) & (period < plan.focus_start)])
        if not base:  # nothing was published in the periods right before: compare with everything earlier
            return Split(focus, earlier, plan.focus_span, EARLIER, "corpus", earlier=earlier)
    else:
        stamps = pd.to_datetime(dated.set_index(dated["article_id"].astype(str))["published"], utc=True)
        base = frozenset(stamps.index[(stamps >= plan.base[1]) & (stamps <= plan.base[2])]) - focus
        if not base:
            return Split(focus, frozenset(), plan.focus_span, plan.base_span, "none", earlier=earlier)
    return Split(focus, base, plan.focus_span, plan.base_span, plan.kind, earlier=earlier)


def entity_counts(mentions: pd.DataFrame, entities: pd.DataFrame, ids: frozenset[str] | None = None) -> pd.DataFrame:
    """Mentions per (name, type) in the articles ``ids`` (all when None); columns item, type, count."""
    m = mentions if ids is None else mentions[mentions["article_id"].astype(str).isin(ids)]
    if m.empty:
        return pd.DataFrame(columns=["item", "type", "count"])
    counts = m.groupby("entity_id").size().rename("count").reset_index()
    counts = counts.merge(entities[["entity_id", "name", "label"]], on="entity_id", how="left")
    counts["type"] = counts["label"].map(TYPE_OF_LABEL).fillna("other")
    counts = counts.rename(columns={"name": "item"}).dropna(subset=["item"])
    return counts.groupby(["item", "type"], as_index=False)["count"].sum()


def _statements(quotes: pd.DataFrame) -> pd.DataFrame:
    """The named speakers' quotes, one row per statement (a quote split around its cue is two rows of one
    ``statement_id``); every row before the column existed."""
    q = quotes.dropna(subset=["speaker"])
    return q.drop_duplicates(["speaker", "article_id", "statement_id"]) if "statement_id" in q else q


def speaker_counts(quotes: pd.DataFrame, ids: frozenset[str] | None = None) -> pd.DataFrame:
    """Statements per named speaker in the articles ``ids``; unattributed quotes are left out."""
    q = _statements(quotes)
    if ids is not None:
        q = q[q["article_id"].astype(str).isin(ids)]
    out = q.groupby("speaker").size().rename("count").reset_index().rename(columns={"speaker": "item"})
    out["type"] = "speaker"
    return out[["item", "type", "count"]]


def _articles_per_item(frame: pd.DataFrame, key: str, ids: frozenset[str]) -> pd.Series:
    part = frame[frame["article_id"].astype(str).isin(ids)]
    return part.groupby(key)["article_id"].nunique()


def _reported(table: pd.DataFrame, focus_n: pd.Series, base_n: pd.Series, min_articles: int) -> pd.DataFrame:
    """Article counts on each side; ``reported``: significant, and the larger side spans ``min_articles``."""
    table = table.assign(focus_articles=table["item"].map(focus_n).fillna(0).astype(int),
                         base_articles=table["item"].map(base_n).fillna(0).astype(int))
    wide = np.where(table["z"] > 0, table["focus_articles"], table["base_articles"]) >= min_articles
    return table.assign(reported=table["significant"].astype(bool) & wide)


def entity_changes(
    mentions: pd.DataFrame, entities: pd.DataFrame, split: Split, *, level: float = 0.95, min_articles: int = 2,
) -> pd.DataFrame:
    """:func:`log_odds_changes` of entity mentions, focus against baseline, the whole corpus as the prior.

    Mentions within one article are not independent, so a change is ``reported`` only when it is significant
    and the side it grew on spans at least ``min_articles`` articles (one long article is not a trend).
    """
    table = log_odds_changes(entity_counts(mentions, entities, split.focus),
                             entity_counts(mentions, entities, split.base),
                             background=entity_counts(mentions, entities), level=level)
    named = mentions.merge(entities[["entity_id", "name"]], on="entity_id").rename(columns={"name": "item"})
    return _reported(table, _articles_per_item(named, "item", split.focus),
                     _articles_per_item(named, "item", split.base), min_articles)


def speaker_changes(quotes: pd.DataFrame, split: Split, *, level: float = 0.95, min_articles: int = 2) -> pd.DataFrame:
    """:func:`log_odds_changes` of quotes per named speaker (see :func:`entity_changes`)."""
    table = log_odds_changes(speaker_counts(quotes, split.focus), speaker_counts(quotes, split.base),
                             background=speaker_counts(quotes), level=level)
    q = quotes.dropna(subset=["speaker"]).rename(columns={"speaker": "item"})
    return _reported(table, _articles_per_item(q, "item", split.focus), _articles_per_item(q, "item", split.base),
                     min_articles)


def new_speakers(quotes: pd.DataFrame, split: Split, *, min_quotes: int = 2, top: int = 5) -> pd.DataFrame:
    """Speakers quoted at least ``min_quotes`` times in the focus and never before it (nor in the baseline).

    Columns: speaker, quotes, articles; most quoted first.
    """
    q = _statements(quotes)
    ids = q["article_id"].astype(str)
    seen = set(q.loc[ids.isin(split.earlier | split.base), "speaker"])
    f = q[ids.isin(split.focus) & ~q["speaker"].isin(seen)]
    out = f.groupby("speaker").agg(quotes=("speaker", "size"), articles=("article_id", "nunique")).reset_index()
    out = out[out["quotes"] >= min_quotes]
    ordered = out.sort_values(["quotes", "articles", "speaker"], ascending=[False, False, True])
    return ordered.head(top).reset_index(drop=True)


def welch_interval(a: pd.Series, b: pd.Series, *, level: float = 0.95) -> tuple[float, float, float]:
    """Mean difference ``a - b`` and its Welch t interval (NaN bounds when a side has fewer than two values)."""
    a, b = a.dropna().astype(float), b.dropna().astype(float)
    return welch_from_moments(float(a.mean()) if len(a) else math.nan, float(a.var(ddof=1)) if len(a) > 1 else math.nan,
                              len(a), float(b.mean()) if len(b) else math.nan,
                              float(b.var(ddof=1)) if len(b) > 1 else math.nan, len(b), level=level)


def tone_shifts(
    values: pd.DataFrame, split: Split, *, group: str = "group", min_articles: int = 3, level: float = 0.95,
) -> pd.DataFrame:
    """Per group, the mean per-article tone in the focus against the baseline, with a Welch interval.

    ``values`` has one row per (group, article): columns ``group``, article_id, value. Groups with fewer than
    ``min_articles`` on either side are left out. ``significant``: the interval excludes 0. Largest shift first.
    """
    ids = values["article_id"].astype(str)
    rows = []
    for name, part in values.assign(_id=ids).groupby(group, sort=True):
        f = part.loc[part["_id"].isin(split.focus), "value"].dropna().astype(float)
        b = part.loc[part["_id"].isin(split.base), "value"].dropna().astype(float)
        rows.append({"group": name, "n_f": len(f), "mean_f": f.mean(), "var_f": f.var(ddof=1),
                     "n_b": len(b), "mean_b": b.mean(), "var_b": b.var(ddof=1)})
    return shifts_from_moments(pd.DataFrame(rows), min_articles=min_articles, level=level)


def source_tone(sentences: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """One row per article: group (its source), article_id, value (mean sentence sentiment)."""
    means = sentences.groupby("article_id")["sentiment"].mean().rename("value").reset_index()
    out = means.merge(articles[["article_id", "source"]], on="article_id", how="left")
    return pd.DataFrame({"group": source_labels(out["source"]), "article_id": out["article_id"], "value": out["value"]})


def entity_tone(
    sentences: pd.DataFrame, mentions: pd.DataFrame, entities: pd.DataFrame, *, entity_ids: Sequence[str],
) -> pd.DataFrame:
    """One row per (entity, article): group (entity name), article_id, value (mean tone of sentences naming it)."""
    m = mentions[mentions["entity_id"].isin(list(entity_ids))][["article_id", "start", "entity_id"]]
    if m.empty or sentences.empty:
        return pd.DataFrame(columns=["group", "article_id", "value"])
    hits = sentence_of(m, sentences).drop_duplicates(["entity_id", "article_id", "sent_id"])
    per = hits.groupby(["entity_id", "article_id"])["sentiment"].mean().rename("value").reset_index()
    names = entities.drop_duplicates("entity_id").set_index("entity_id")["name"]
    return pd.DataFrame({"group": per["entity_id"].map(names), "article_id": per["article_id"], "value": per["value"]})


# ---------------------------------------------------------------------------------------------- spikes
def share_by_period(mentions: pd.DataFrame, articles: pd.DataFrame, *, freq: str = "W") -> pd.DataFrame:
    """Mentions per (period, entity_id) with the period's total mentions; every calendar period kept."""
    dated = mentions.merge(articles[["article_id", "published"]], on="article_id").dropna(subset=["published"])
    if dated.empty:
        return pd.DataFrame(columns=["period", "entity_id", "mentions", "total"])
    dated["period"] = period_start(dated["published"], freq)
    counts = dated.groupby(["period", "entity_id"]).size().unstack(fill_value=0)
    full = pd.period_range(counts.index.min(), counts.index.max(), freq=freq).start_time
    counts = counts.reindex(full, fill_value=0)
    counts.index.name = "period"
    total = counts.sum(axis=1)
    long = counts.stack().rename("mentions").reset_index()
    long["total"] = long["period"].map(total)
    return long


def attention_spikes(
    mentions: pd.DataFrame, articles: pd.DataFrame, entities: pd.DataFrame, *, entity_ids: Sequence[str],
    freq: str = "W", k: float = 3.0, min_mentions: int = 5, min_periods: int = 4, min_articles: int = 2,
) -> pd.DataFrame:
    """Spikes of the given entities (see the module docstring); largest robust z first.

    A spike must also span ``min_articles`` articles (one long piece is not a wave of attention).
    Entities seen in fewer than ``min_periods`` calendar periods of data have no baseline and no spikes.
    Columns: entity_id, entity, period, mentions, share, baseline_share (the median), robust_z, articles
    (articles in that period mentioning the entity).
    """
    m = mentions.dropna(subset=["entity_id"])
    long = share_by_period(m, articles, freq=freq)
    if long.empty or long["period"].nunique() < min_periods:
        return pd.DataFrame(columns=SPIKE_COLUMNS)
    long = long[long["entity_id"].isin(list(entity_ids))]
    dated = m[m["entity_id"].isin(list(entity_ids))].merge(articles[["article_id", "published"]], on="article_id")
    dated = dated.dropna(subset=["published"])
    dated["period"] = period_start(dated["published"], freq)
    n_articles = dated.groupby(["entity_id", "period"])["article_id"].nunique().rename("articles").reset_index()
    return spikes_from_shares(long, n_articles, entities, k=k, min_mentions=min_mentions, min_articles=min_articles)


def spike_headlines(
    spikes: pd.DataFrame, mentions: pd.DataFrame, articles: pd.DataFrame, *, freq: str = "W", n: int = 3,
) -> pd.DataFrame:
    """For each spike, the ``n`` articles of that period carrying most of the entity's mentions (long form)."""
    if spikes.empty:
        return pd.DataFrame(columns=HEADLINE_COLUMNS)
    a = articles[["article_id", "title", "source", "published", "url"]].dropna(subset=["published"]).copy()
    a["period"] = period_start(a["published"], freq)
    per = mentions[mentions["entity_id"].isin(spikes["entity_id"])].groupby(["entity_id", "article_id"]).size()
    per = per.rename("mentions").reset_index().merge(a, on="article_id")
    return headlines_from_counts(spikes, per, n=n)


# ---------------------------------------------------------------------------------------------- who with whom
def cooccurrence(
    mentions: pd.DataFrame, sentences: pd.DataFrame, entities: pd.DataFrame, *, entity_ids: Sequence[str],
    min_together: int = 3, alpha: float = 0.05,
) -> pd.DataFrame:
    """Pairs of the given entities named in the same sentence; strongest association (NPMI) first.

    Only pairs seen together at least ``min_together`` times are kept. ``significant``: more often together
    than chance (observed above expected) with a Bonferroni-corrected G^2 p-value below ``alpha``.
    """
    ids = list(dict.fromkeys(entity_ids))
    m = mentions[mentions["entity_id"].isin(ids)][["article_id", "start", "entity_id"]]
    n_units = len(sentences)
    if m.empty or n_units == 0 or len(ids) < 2:
        return pd.DataFrame(columns=PAIR_COLUMNS)
    hits = sentence_of(m, sentences)[["article_id", "sent_id", "entity_id"]].drop_duplicates()
    hits["unit"] = hits["article_id"].astype(str) + "\x1f" + hits["sent_id"].astype(str)
    n_of = hits.groupby("entity_id")["unit"].nunique()
    pairs = hits.merge(hits, on="unit")
    pairs = pairs[pairs["entity_id_x"] < pairs["entity_id_y"]]
    together = pairs.groupby(["entity_id_x", "entity_id_y"]).size().rename("together").reset_index()
    return pairs_from_counts(together, n_of, n_units, entities, entity_ids=ids, min_together=min_together, alpha=alpha)


def _ranked(values: pd.Series) -> pd.Series:
    """Counts of each value, most frequent first, ties by value (deterministic, as the SQL path orders them)."""
    counts = values.value_counts()
    order = sorted(counts.index, key=lambda v: (-int(counts[v]), str(v)))
    return counts.reindex(order)


def share_of_voice(
    mentions: pd.DataFrame, articles: pd.DataFrame, entities: pd.DataFrame, *, top: int = 8, sources: int = 8,
    min_articles: int = 3,
) -> pd.DataFrame:
    """Source x entity: each top entity's share of the source's entity mentions (rows: the largest sources).

    Sources with fewer than ``min_articles`` articles are left out; an empty frame when fewer than two remain.
    """

    a = articles.assign(source=source_labels(articles["source"]))
    sizes = _ranked(a["source"])
    kept = sizes[sizes >= min_articles].head(sources).index
    if len(kept) < 2 or mentions.empty:
        return pd.DataFrame()
    m = mentions.dropna(subset=["entity_id"]).merge(a[["article_id", "source"]], on="article_id")
    leaders = _ranked(m["entity_id"]).head(top).index
    m = m[m["source"].isin(kept)]
    table = m.groupby(["source", "entity_id"]).size().unstack(fill_value=0)
    shares = table.div(table.sum(axis=1).replace(0, np.nan), axis=0).reindex(columns=leaders, fill_value=0.0)
    names = entities.drop_duplicates("entity_id").set_index("entity_id")["name"]
    shares = shares.reindex(kept).fillna(0.0)
    shares.columns = [names.get(c, c) for c in shares.columns]
    shares.index.name = "source"
    return shares


def speaker_share_of_voice(
    quotes: pd.DataFrame, articles: pd.DataFrame, *, top: int = 8, sources: int = 8, min_articles: int = 3,
) -> pd.DataFrame:
    """Source x speaker: each top speaker's share of the source's attributed quotes (rows: the largest sources)."""

    a = articles.assign(source=source_labels(articles["source"]))
    sizes = _ranked(a["source"])
    kept = sizes[sizes >= min_articles].head(sources).index
    q = _statements(quotes)
    if len(kept) < 2 or q.empty:
        return pd.DataFrame()
    q = q.merge(a[["article_id", "source"]], on="article_id")
    leaders = _ranked(q["speaker"]).head(top).index
    table = q[q["source"].isin(kept)].groupby(["source", "speaker"]).size().unstack(fill_value=0)
    shares = table.div(table.sum(axis=1).replace(0, np.nan), axis=0).reindex(columns=leaders, fill_value=0.0)
    shares = shares.reindex(kept).fillna(0.0)
    shares.index.name = "source"
    shares.columns.name = None
    return shares
