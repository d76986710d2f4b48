"""Counts in SQL (see :mod:`.db`): entity frequencies, speaker share, the tone timeline, the corpus header, the
articles with too little text.

The one implementation of each, for a corpus store and an article's tables in memory alike (:func:`.db.as_database`):
the aggregation runs in DuckDB, the finishing statistics are pandas on its small results. Their pandas oracles
are in ``tests/oracles.py`` (tested equal on random tables and the sample corpus).
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ..errors import NewsbriefError
from ..textutil import thin_reason
from .db import PARTIALS, Db, id_list, moments_merge, moments_mu, moments_partial, period_sql, source_sql, sum_merge
from .entities import frequencies_from_counts
from .sentiment import stats_from_agg
from .speakers import UNATTRIBUTED, share_from_counts


def entity_counts(db: Db, *, entity_ids: Sequence[str] | None = None) -> pd.DataFrame:
    """Mentions and articles per entity id in scope (columns entity_id, mentions, articles)."""
    only = f"AND m.entity_id IN {id_list(list(entity_ids))}" if entity_ids is not None else ""
    # count(DISTINCT article) is summable over parts: the parts are article-disjoint
    return db.aggregate(f"""
        SELECT m.entity_id, count(*) AS mentions, count(DISTINCT m.article_id) AS articles
        FROM mentions m {db.in_scope('m')}
        WHERE m.entity_id IS NOT NULL {only}
        GROUP BY m.entity_id""", sum_merge("entity_id", ["mentions", "articles"]))


def entity_frequencies(
    db: Db, entities: pd.DataFrame | None = None, *, top: int | None = None, types: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Mentions per canonical entity in scope, most frequent first (ties: articles, then name).

    Columns: entity_id, name, type (person / organisation / place / other), label, mentions, articles (mentioning
    it), share (of all counted mentions), aliases. ``types`` keeps those types; ``entities`` is the entities table
    when the caller holds it (else read from ``db``)."""
    return frequencies_from_counts(entity_counts(db), db.entities() if entities is None else entities, top=top,
                                   types=types)


def speaker_share(db: Db, *, top: int | None = None, examples: bool = True) -> pd.DataFrame:
    """Per resolved speaker: quotes (statements: the parts of a quote split around its cue count once, their
    words summed), the articles they are in, quoted words, their shares, first and last date, an example quote;
    most quoted first.

    Unattributed quotes are one line of their own (:data:`UNATTRIBUTED`), not dropped. The example is the
    speaker's longest quote (ties: first by article and position), looked up for the speakers returned only, or
    not at all without ``examples``."""
    counts = db.aggregate(f"""
        SELECT coalesce(q.speaker, '{UNATTRIBUTED}') AS speaker, bool_or(q.speaker_entity_id IS NOT NULL) AS named,
               {db.quote_statements('q')} AS quotes, count(DISTINCT q.article_id) AS articles,
               sum({db.quote_words()})::BIGINT AS words, min(a.published) AS "first",
               max(a.published) AS "last"
        FROM quotes q JOIN {db.articles_in_scope} a ON q.article_id = a.article_id GROUP BY 1""", f"""
        SELECT speaker, bool_or(named) AS named, sum(quotes)::BIGINT AS quotes, sum(articles)::BIGINT AS articles,
               sum(words)::BIGINT AS words,
               min("first") AS "first", max("last") AS "last" FROM {PARTIALS} GROUP BY speaker""")
    if counts.empty:
        return share_from_counts(counts.assign(example=None), top=top)
    counts["example"] = None
    share = share_from_counts(counts, top=top)
    if examples:
        share["example"] = share["speaker"].map(_examples(db, list(share["speaker"])))
    return share


def _examples(db: Db, speakers: list[str]) -> dict[str, str]:
    """The longest quote of each speaker (ties: first by article id, then position): each part's best candidate,
    then the best of those."""
    named = [s for s in speakers if s != UNATTRIBUTED]
    who = f"(q.speaker IN {id_list(named)}" + (" OR q.speaker IS NULL)" if UNATTRIBUTED in speakers else ")")
    if len(speakers) > 1_000:  # most of them: a long IN list costs more than computing every speaker's example
        who = "TRUE"
    best = "QUALIFY row_number() OVER (PARTITION BY speaker ORDER BY words DESC, article_id, content_start) = 1"
    rows = db.aggregate(f"""
        WITH q AS (SELECT coalesce(q.speaker, '{UNATTRIBUTED}') AS speaker, {db.quote_words()} AS words,
                          q.article_id, q.content_start, q.content
                   FROM quotes q {db.in_scope('q')} WHERE {who})
        SELECT speaker, words, article_id, content_start, content FROM q {best}""",
                        f"SELECT speaker, content AS example FROM {PARTIALS} {best}")
    return dict(zip(rows["speaker"], rows["example"]))


def article_tone_sql(db: Db, *, extra: str = "") -> str:
    """A relation with one row per scoped article that has sentences: article_id, published, value (mean sentence
    sentiment), n_sentences, plus ``extra`` columns of ``a``."""
    return f"""(SELECT s.article_id, any_value(a.published) AS published, avg(s.sentiment) AS value,
                      count(*) AS n_sentences {extra}
               FROM sentences s JOIN {db.articles_in_scope} a ON s.article_id = a.article_id
               GROUP BY s.article_id)"""


def corpus_timeline(
    db: Db, *, freq: str = "W", by: str | None = None, thin_below: int = 5, level: float = 0.95,
) -> pd.DataFrame:
    """Mean sentiment per period (``freq`` "D", "W" or "M"), undated articles left out.

    Each article's sentences are averaged first; the period mean is the mean of those article means, with a
    ``level`` Student-t band over articles (:func:`~.sentiment.stats_from_agg`). ``by="source"`` gives one series
    per source, each over the whole corpus date range. Columns: [source], period (UTC timestamp of the period
    start; weeks start on Monday), mean, ci_low, ci_high, n_articles, thin, n_sentences.
    """
    if by not in (None, "source"):
        raise NewsbriefError(f"by must be None or 'source', not {by!r}", field="by")
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


def corpus_summary(db: Db) -> dict[str, object]:
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


def thin_articles(db: Db, *, limit: int | None = None) -> tuple[dict[str, str], int]:
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
    key = f"thin:{db.scope}"
    if key not in db.memo:  # judged once per connection: the briefing asks for the note and for the findings
        found: dict[str, str] = {}
        if db.has("articles", "text"):
            for batch in db.batches(f"SELECT article_id, text FROM articles a WHERE {db.scope}", size=20_000):
                for article_id, text in zip(batch.column(0).to_pylist(), batch.column(1).to_pylist()):
                    reason = thin_reason(text if isinstance(text, str) else "")
                    if reason:
                        found[str(article_id)] = reason
        db.memo[key] = found
    found = db.memo[key]
    listed = dict(sorted(found.items())[:limit]) if limit is not None else dict(found)
    return listed, len(found)


def thin_scope(db: Db) -> str:
    """An article predicate (on ``a``) that leaves thin articles out."""
    if db.has("articles", "thin"):
        return "a.thin IS NULL"
    thin, _ = thin_articles(db)
    return f"a.article_id NOT IN {id_list(sorted(thin))}" if thin else "TRUE"


def articles_by_id(db: Db, article_ids: Sequence[str], *, columns: Sequence[str] = (
        "article_id", "title", "source", "published", "url")) -> pd.DataFrame:
    """The metadata of a few articles (never their text)."""
    cols = ", ".join(columns)
    return db.aggregate(f"SELECT {cols} FROM articles WHERE article_id IN {id_list(list(article_ids))}",
                        f"SELECT * FROM {PARTIALS}")


def first_quotes(db: Db, *, limit: int) -> pd.DataFrame:
    """The first ``limit`` rows of the quotes table, as stored."""
    return db.aggregate(f"SELECT * FROM quotes LIMIT {int(limit)}", f"SELECT * FROM {PARTIALS} LIMIT {int(limit)}")
