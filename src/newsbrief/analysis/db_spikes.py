"""Why it spiked, who appears with whom and share of voice, in SQL (see :mod:`.db`); the statistics are those of
:mod:`.spikes` and :mod:`.cooccurrence`, on aggregates small enough for pandas."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ..store.layout import PARTITIONING
from .cooccurrence import PAIR_COLUMNS, pairs_from_counts
from .db import PARTIALS, Db, id_list, period_sql, source_sql, sum_merge
from .db_change import sentence_hits_sql
from .spikes import HEADLINE_COLUMNS, SPIKE_COLUMNS, headlines_from_counts, spikes_from_shares


def _dated_mentions(db: Db, freq: str) -> str:
    return f"""(SELECT m.entity_id, m.article_id, {period_sql('a.published', freq)} AS period
                FROM mentions m JOIN {db.articles_in_scope} a ON m.article_id = a.article_id
                WHERE a.published IS NOT NULL AND m.entity_id IS NOT NULL)"""


def share_by_period(db: Db, *, entity_ids: Sequence[str], freq: str = "W") -> pd.DataFrame:
    """:func:`~.spikes.share_by_period` for the given entities over the store (every calendar period kept)."""
    rel = _dated_mentions(db, freq)
    totals = db.aggregate(f"SELECT period, count(*) AS total FROM {rel} d GROUP BY period",
                          sum_merge("period", ["total"]))
    if totals.empty:
        return pd.DataFrame(columns=["period", "entity_id", "mentions", "total"])
    counts = db.aggregate(f"SELECT period, entity_id, count(*) AS mentions FROM {rel} d "
                          f"WHERE entity_id IN {id_list(list(entity_ids))} GROUP BY ALL",
                          sum_merge("period, entity_id", ["mentions"]))
    totals["period"] = pd.to_datetime(totals["period"])
    calendar = pd.period_range(totals["period"].min(), totals["period"].max(), freq=freq).start_time
    total = totals.set_index("period")["total"].reindex(calendar, fill_value=0)
    present = [i for i in dict.fromkeys(entity_ids) if i in set(counts["entity_id"])]
    grid = pd.MultiIndex.from_product([calendar, present], names=["period", "entity_id"])
    counts["period"] = pd.to_datetime(counts["period"])
    long = counts.set_index(["period", "entity_id"])["mentions"].reindex(grid, fill_value=0).reset_index()
    long["total"] = long["period"].map(total)
    return long


def attention_spikes(
    db: Db, entities: pd.DataFrame, *, entity_ids: Sequence[str], freq: str = "W", k: float = 3.0,
    min_mentions: int = 5, min_periods: int = 4, min_articles: int = 2,
) -> pd.DataFrame:
    """:func:`~.spikes.attention_spikes` over the store."""
    long = share_by_period(db, entity_ids=entity_ids, freq=freq)
    periods = len(db.aggregate(f"SELECT DISTINCT period FROM {_dated_mentions(db, freq)} d",
                               f"SELECT DISTINCT period FROM {PARTIALS}"))
    if long.empty:
        return pd.DataFrame(columns=SPIKE_COLUMNS)
    calendar = len(pd.period_range(long["period"].min(), long["period"].max(), freq=freq)) if periods else 0
    if calendar < min_periods:
        return pd.DataFrame(columns=SPIKE_COLUMNS)
    n_articles = db.aggregate(f"SELECT entity_id, period, count(DISTINCT article_id) AS articles FROM "
                              f"{_dated_mentions(db, freq)} d WHERE entity_id IN {id_list(list(entity_ids))} "
                              "GROUP BY ALL", sum_merge("entity_id, period", ["articles"]))
    n_articles["period"] = pd.to_datetime(n_articles["period"])
    return spikes_from_shares(long, n_articles, entities, k=k, min_mentions=min_mentions, min_articles=min_articles)


def spike_headlines(db: Db, spikes: pd.DataFrame, *, freq: str = "W", n: int = 3) -> pd.DataFrame:
    """:func:`~.spikes.spike_headlines` over the store (only the spike periods' articles are read)."""
    if spikes.empty:
        return pd.DataFrame(columns=HEADLINE_COLUMNS)
    wanted = " OR ".join(f"(m.entity_id = '{str(r.entity_id).replace(chr(39), chr(39) * 2)}' AND "
                         f"{period_sql('a.published', freq)} = TIMESTAMP '{pd.Timestamp(r.period):%Y-%m-%d}')"
                         for r in spikes.itertuples(index=False))
    prune = ""
    part = PARTITIONING.column
    if db.has("articles", part) and db.has("mentions", part):  # a partitioned store: read the spikes' partitions only
        covered = id_list(PARTITIONING.covering(spikes["period"], freq))
        prune = f"AND m.{part} IN {covered} AND a.{part} IN {covered}"
    per = db.aggregate(f"""SELECT m.entity_id, m.article_id, count(*) AS mentions, any_value(a.title) AS title,
                           any_value(a.source) AS source, any_value(a.published) AS published, any_value(a.url) AS url,
                           any_value({period_sql('a.published', freq)}) AS period
                    FROM mentions m JOIN {db.articles_in_scope} a ON m.article_id = a.article_id
                    WHERE a.published IS NOT NULL AND ({wanted}) {prune} GROUP BY m.entity_id, m.article_id""",
                       f"SELECT * FROM {PARTIALS}")  # one row per article: each is whole in its part
    per["period"] = pd.to_datetime(per["period"])
    return headlines_from_counts(spikes, per, n=n)


def cooccurrence(
    db: Db, entities: pd.DataFrame, *, entity_ids: Sequence[str], min_together: int = 3, alpha: float = 0.05,
) -> pd.DataFrame:
    """:func:`~.cooccurrence.cooccurrence` over the store (sentences of the scoped articles are the units)."""
    ids = list(dict.fromkeys(entity_ids))
    n_units = db.count(f"(SELECT 1 FROM sentences s {db.in_scope('s')})")
    if n_units == 0 or len(ids) < 2:
        return pd.DataFrame(columns=PAIR_COLUMNS)
    hits = f"({sentence_hits_sql(ids, keyed=db.has('mentions', 'sent_id'), tone=False)})"
    n_of = db.aggregate(f"SELECT entity_id, count(*) AS n FROM {hits} h GROUP BY entity_id",
                        sum_merge("entity_id", ["n"])).set_index("entity_id")["n"]
    if n_of.empty:
        return pd.DataFrame(columns=PAIR_COLUMNS)
    together = db.aggregate(f"""SELECT x.entity_id AS entity_id_x, y.entity_id AS entity_id_y, count(*) AS together
                         FROM {hits} x JOIN {hits} y ON x.article_id = y.article_id AND x.sent_id = y.sent_id
                         WHERE x.entity_id < y.entity_id GROUP BY ALL""",
                            sum_merge("entity_id_x, entity_id_y", ["together"]))
    return pairs_from_counts(together, n_of, n_units, entities, entity_ids=ids, min_together=min_together, alpha=alpha)


def _top(key: str, n: int, *, having: str = "") -> str:
    """Merge partial counts ``n`` per ``key`` and keep the ``n`` largest (ties by key)."""
    return (f"SELECT {key}, CAST(sum(n) AS BIGINT) AS total FROM {PARTIALS} GROUP BY {key} "
            f"{'HAVING ' + having if having else ''} ORDER BY total DESC, {key} LIMIT {int(n)}")


def _kept_sources(db: Db, *, sources: int, min_articles: int) -> list[str]:
    sizes = db.aggregate(f"SELECT {source_sql('a.source')} AS source, count(*) AS n FROM {db.articles_in_scope} a "
                         "GROUP BY 1", _top("source", sources, having=f"sum(n) >= {int(min_articles)}"))
    return list(sizes["source"])


def _shares(table: pd.DataFrame, key: str, kept: list[str], leaders: list[str]) -> pd.DataFrame:
    wide = table.pivot_table(index="source", columns=key, values="n", aggfunc="sum", fill_value=0)
    shares = wide.div(wide.sum(axis=1).replace(0, float("nan")), axis=0).reindex(columns=leaders, fill_value=0.0)
    shares = shares.reindex(kept).fillna(0.0)
    shares.index.name = "source"
    shares.columns.name = None
    return shares


def _voice(db: Db, rel: str, key: str, *, kept: list[str], top: int) -> pd.DataFrame:
    """Source x ``key`` shares of the ``top`` most frequent values of ``key`` in ``rel`` (rows: ``kept`` sources)."""
    leaders = list(db.aggregate(f"SELECT {key}, count(*) AS n FROM {rel} r GROUP BY 1", _top(key, top))[key])
    if not leaders:
        return pd.DataFrame()
    table = db.aggregate(f"SELECT source, {key}, count(*) AS n FROM {rel} r WHERE source IN {id_list(kept)} "
                         "GROUP BY ALL", sum_merge(f"source, {key}", ["n"]))
    return _shares(table, key, kept, leaders)


def share_of_voice(
    db: Db, entities: pd.DataFrame, *, top: int = 8, sources: int = 8, min_articles: int = 3,
) -> pd.DataFrame:
    """:func:`~.cooccurrence.share_of_voice` over the store."""
    kept = _kept_sources(db, sources=sources, min_articles=min_articles)
    if len(kept) < 2:
        return pd.DataFrame()
    rel = f"""(SELECT {source_sql('a.source')} AS source, m.entity_id FROM mentions m
               JOIN {db.articles_in_scope} a ON m.article_id = a.article_id WHERE m.entity_id IS NOT NULL)"""
    shares = _voice(db, rel, "entity_id", kept=kept, top=top)
    names = entities.drop_duplicates("entity_id").set_index("entity_id")["name"]
    shares.columns = [names.get(c, c) for c in shares.columns]
    return shares


def speaker_share_of_voice(db: Db, *, top: int = 8, sources: int = 8, min_articles: int = 3) -> pd.DataFrame:
    """:func:`~.cooccurrence.speaker_share_of_voice` over the store."""
    kept = _kept_sources(db, sources=sources, min_articles=min_articles)
    if len(kept) < 2:
        return pd.DataFrame()
    # one row per statement (a quote split around its cue counts once, as in speaker share)
    statement = "DISTINCT q.article_id, q.statement_id," if db.has("quotes", "statement_id") else ""
    rel = f"""(SELECT {statement} {source_sql('a.source')} AS source, q.speaker FROM quotes q
               JOIN {db.articles_in_scope} a ON q.article_id = a.article_id WHERE q.speaker IS NOT NULL)"""
    return _voice(db, rel, "speaker", kept=kept, top=top)


def wire_of_sources(db: Db, *, sources: int = 8, min_articles: int = 3) -> pd.DataFrame:
    """The sources share of voice shows (:func:`share_of_voice`'s rows), each with how many of its articles are agency
    copy: ``source``, ``articles``, ``wire`` (articles credited to an agency), ``agencies`` (those agencies, most
    first: "AP, Reuters"). Empty when fewer than two sources are shown or the store records no ``wire``."""
    columns = ["source", "articles", "wire", "agencies"]
    kept = _kept_sources(db, sources=sources, min_articles=min_articles)
    if len(kept) < 2 or not db.has("articles", "wire"):
        return pd.DataFrame(columns=columns)
    rel = f"""(SELECT {source_sql('a.source')} AS source, coalesce(nullif(trim(a.wire), ''), '') AS wire
               FROM {db.articles_in_scope} a)"""
    counts = db.aggregate(f"SELECT source, wire, count(*) AS n FROM {rel} r WHERE source IN {id_list(kept)} "
                          "GROUP BY ALL", sum_merge("source, wire", ["n"]))
    rows = []
    for source in kept:
        mine = counts[counts["source"] == source]
        agencies = mine[mine["wire"] != ""].sort_values(["n", "wire"], ascending=[False, True])
        rows.append({"source": source, "articles": int(mine["n"].sum()), "wire": int(agencies["n"].sum()),
                     "agencies": ", ".join(agencies["wire"])})
    return pd.DataFrame(rows, columns=columns)
