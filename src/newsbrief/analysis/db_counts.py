"""Corpus counts in SQL (see :mod:`.db`): entity frequencies, speaker share, the tone timeline, the corpus header.

Each function returns what its in-memory counterpart returns on the same tables (tests compare them on the
sample corpus): the aggregation runs in DuckDB, the finishing statistics are the shared pandas code.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ..textutil import thin_reason
from .db import PARTIALS, Db, id_list, moments_merge, moments_mu, moments_partial, period_sql, source_sql, sum_merge, \
    words_sql
from .entities import frequencies_from_counts
from .sentiment import stats_from_agg
from .speakers import UNATTRIBUTED, share_from_counts


def entity_counts_db(db: Db, *, entity_ids: Sequence[str] | None = None) -> pd.DataFrame:
    """Mentions and articles per entity id in scope (columns entity_id, mentions, articles)."""
    only = f"AND m.entity_id IN {id_list(list(entity_ids))}" if entity_ids is not None else ""
    # count(DISTINCT article) is summable over parts: the parts are article-disjoint
    return db.aggregate(f"""
        SELECT m.entity_id, count(*) AS mentions, count(DISTINCT m.article_id) AS articles
        FROM mentions m SEMI JOIN {db.articles_in_scope} a ON m.article_id = a.article_id
        WHERE m.entity_id IS NOT NULL {only}
        GROUP BY m.entity_id""", sum_merge("entity_id", ["mentions", "articles"]))


def entity_frequencies_db(
    db: Db, entities: pd.DataFrame, *, top: int | None = None, types: Sequence[str] | None = None,
) -> pd.DataFrame:
    """:func:`~newsbrief.analysis.entity_frequencies` over the store."""
    return frequencies_from_counts(entity_counts_db(db), entities, top=top, types=types)


def speaker_share_db(db: Db, *, top: int | None = None) -> pd.DataFrame:
    """:func:`~newsbrief.analysis.speaker_share` over the store (example: the longest quote, first on ties)."""
    best = "ORDER BY ex_words DESC, ex_article, ex_start"  # each part's best candidate, then the best of those
    counts = db.aggregate(f"""
        WITH q AS (
            SELECT coalesce(q.speaker, '{UNATTRIBUTED}') AS speaker, q.speaker_entity_id IS NOT NULL AS named,
                   {words_sql('q.content')} AS words, q.content, q.article_id, q.content_start, a.published
            FROM quotes q JOIN {db.articles_in_scope} a ON q.article_id = a.article_id),
        ex AS (
            SELECT speaker, content AS example, words AS ex_words, article_id AS ex_article, content_start AS ex_start
            FROM q QUALIFY row_number() OVER (PARTITION BY speaker ORDER BY words DESC, article_id, content_start) = 1)
        SELECT q.speaker, bool_or(named) AS named, count(*) AS quotes, CAST(sum(words) AS BIGINT) AS words,
               min(published) AS "first", max(published) AS "last", any_value(ex.example) AS example,
               any_value(ex.ex_words) AS ex_words, any_value(ex.ex_article) AS ex_article,
               any_value(ex.ex_start) AS ex_start
        FROM q JOIN ex USING (speaker) GROUP BY q.speaker""", f"""
        WITH ex AS (SELECT speaker, example FROM {PARTIALS} QUALIFY row_number() OVER (PARTITION BY speaker {best}) = 1)
        SELECT p.speaker, bool_or(named) AS named, CAST(sum(quotes) AS BIGINT) AS quotes, CAST(sum(words) AS BIGINT) AS words,
               min("first") AS "first", max("last") AS "last", any_value(ex.example) AS example
        FROM {PARTIALS} p JOIN ex USING (speaker) GROUP BY p.speaker""")
    if not counts.empty:
        counts["words"] = counts["words"].astype(int)
    return share_from_counts(counts, top=top)


def article_tone_sql(db: Db, *, extra: str = "") -> str:
    """A relation with one row per scoped article that has sentences: article_id, published, value (mean sentence
    sentiment), n_sentences, plus ``extra`` columns of ``a``."""
    return f"""(SELECT s.article_id, any_value(a.published) AS published, avg(s.sentiment) AS value,
                      count(*) AS n_sentences {extra}
               FROM sentences s JOIN {db.articles_in_scope} a ON s.article_id = a.article_id
               GROUP BY s.article_id)"""


def corpus_timeline_db(
    db: Db, *, freq: str = "W", by: str | None = None, thin_below: int = 5, level: float = 0.95,
) -> pd.DataFrame:
    """:func:`~newsbrief.analysis.corpus_timeline` over the store (undated articles left out)."""
    extra = f", any_value({source_sql('a.source')}) AS source" if by == "source" else ""
    keys = ["source"] if by == "source" else []
    group = "source, " if by == "source" else ""
    # weeks span months (parts): their moments are merged, never their means
    m = moments_merge()
    agg = db.aggregate(f"""
        SELECT {group}{period_sql('published', freq)} AS period, {moments_partial('value')},
               CAST(sum(n_sentences) AS BIGINT) AS n_sentences
        FROM {article_tone_sql(db, extra=extra)} t
        WHERE published IS NOT NULL GROUP BY ALL""", f"""
        WITH g AS (SELECT *, {moments_mu(group + 'period')} FROM {PARTIALS})
        SELECT {group}period, {m['mean']} AS mean, {m['sd']} AS sd, {m['n']} AS n_articles,
               CAST(sum(n_sentences) AS BIGINT) AS n_sentences
        FROM g GROUP BY {group}period ORDER BY {group}period""")
    if not agg.empty:
        agg["period"] = pd.to_datetime(agg["period"]).dt.tz_localize("UTC")
    return stats_from_agg(agg, keys=keys, freq=freq, thin_below=thin_below, level=level, extra_counts=["n_sentences"])


def corpus_summary_db(db: Db) -> dict[str, object]:
    """What a corpus header shows: articles, dated and undated, first and last date, sources, words."""
    # a source spans parts: the parts give their sources, the merge counts them once
    row = db.aggregate(f"""
        SELECT source, count(*) AS articles, count(published) AS dated, min(published) AS "first",
               max(published) AS "last", sum(n_words) AS words
        FROM {db.articles_in_scope} a GROUP BY source""", f"""
        SELECT CAST(coalesce(sum(articles), 0) AS BIGINT) AS articles, CAST(coalesce(sum(dated), 0) AS BIGINT) AS dated,
               min("first") AS "first", max("last") AS "last", count(DISTINCT source) AS sources,
               coalesce(sum(words), 0) AS words
        FROM {PARTIALS}""").iloc[0]
    return {k: row[k] for k in row.index}


def thin_articles_db(db: Db, *, limit: int | None = None) -> tuple[dict[str, str], int]:
    """(``{article_id: reason}`` of up to ``limit`` thin articles, how many there are in all).

    Stores written since the ``thin`` column exists answer in SQL; older ones are read a batch of texts at a
    time (bounded memory) and judged with :func:`~newsbrief.textutil.thin_reason`.
    """
    if db.has("articles", "thin"):
        thin = f"(SELECT * FROM articles a WHERE thin IS NOT NULL AND {db.scope})"
        total = db.count(thin)
        cap = f"ORDER BY article_id LIMIT {int(limit)}" if limit is not None else "ORDER BY article_id"
        rows = db.aggregate(f"SELECT article_id, thin FROM {thin} t {cap}", f"SELECT * FROM {PARTIALS} {cap}")
        return dict(zip(rows["article_id"].astype(str), rows["thin"].astype(str))), total
    found: dict[str, str] = {}
    total = 0
    if not db.has("articles", "text"):
        return found, 0
    for batch in db.batches(f"SELECT article_id, text FROM articles a WHERE {db.scope}", size=20_000):
        for article_id, text in zip(batch.column(0).to_pylist(), batch.column(1).to_pylist()):
            reason = thin_reason(text if isinstance(text, str) else "")
            if reason:
                total += 1
                if limit is None or len(found) < limit:
                    found[str(article_id)] = reason
    return found, total


def thin_scope(db: Db) -> str:
    """An article predicate (on ``a``) that leaves thin articles out."""
    if db.has("articles", "thin"):
        return "a.thin IS NULL"
    thin, _ = thin_articles_db(db)
    return f"a.article_id NOT IN {id_list(sorted(thin))}" if thin else "TRUE"


def articles_by_id_db(db: Db, article_ids: Sequence[str], *, columns: Sequence[str] = (
        "article_id", "title", "source", "published", "url")) -> pd.DataFrame:
    """The metadata of a few articles (never their text)."""
    cols = ", ".join(columns)
    return db.aggregate(f"SELECT {cols} FROM articles WHERE article_id IN {id_list(list(article_ids))}",
                        f"SELECT * FROM {PARTIALS}")
