"""What changed, in SQL (see :mod:`.db` and :mod:`.change`): the split as predicates, counts per side, moments.

:func:`compare_split` makes the same decision as :func:`~.change.compare_split` (:func:`~.change.plan_split`
on the articles per period) and expresses the focus, the baseline and "earlier" as predicates on the article row
``a``, so no list of article ids is ever held. The statistics are the shared ones of :mod:`.change`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from .change import (
    CHANGE_COLUMNS,
    EARLIER,
    NO_SPAN,
    ONE_PERIOD,
    TONE_COLUMNS,
    Span,
    log_odds_changes,
    parse_range,
    plan_split,
    shifts_from_moments,
)
from .db import PARTIALS, Db, id_list, moments_merge, moments_mu, moments_partial, period_sql, source_sql, sum_merge
from .entities import TYPE_OF_LABEL


def _ts(value: object) -> str:
    return f"TIMESTAMP '{pd.Timestamp(value):%Y-%m-%d %H:%M:%S.%f}'"


@dataclass(frozen=True)
class SqlSplit:
    """The focus and baseline of a comparison as SQL predicates on ``a`` (an articles row), with their sizes."""

    focus_sql: str
    base_sql: str
    earlier_sql: str
    n_focus: int
    n_base: int
    focus_span: Span
    base_span: Span
    kind: str
    reason: str = ""

    @property
    def usable(self) -> bool:
        return self.kind != "none" and self.n_focus > 0 and self.n_base > 0


def _none(reason: str, focus: Span = NO_SPAN, base: Span = NO_SPAN) -> SqlSplit:
    return SqlSplit("FALSE", "FALSE", "FALSE", 0, 0, focus, base, "none", reason)


def compare_split(db: Db, *, freq: str = "W", compare: str = "previous", min_articles: int = 10) -> SqlSplit:
    """:func:`~.change.compare_split` over the store (same focus, baseline and labels)."""
    period = period_sql("a.published", freq)
    sizes = db.aggregate(f"SELECT {period} AS period, count(*) AS n FROM {db.articles_in_scope} a "
                         "WHERE a.published IS NOT NULL GROUP BY 1", sum_merge("period", ["n"]))
    if sizes.empty:
        return _none("no article is dated")
    plan = plan_split(pd.Series(sizes["n"].to_numpy(), index=pd.to_datetime(sizes["period"])), freq=freq,
                      compare=compare, min_articles=min_articles)
    if plan.kind == "none":
        return _none(ONE_PERIOD, plan.focus_span)
    dated = "a.published IS NOT NULL"
    focus = f"({dated} AND {period} >= {_ts(plan.focus_start)})"
    earlier = f"({dated} AND {period} < {_ts(plan.focus_start)})"
    kind = plan.base[0]
    if kind == "earlier":
        base = earlier
    elif kind == "periods":
        base = f"({earlier} AND {period} >= {_ts(plan.base[1])})"
    else:
        bounds = parse_range(compare)
        assert bounds is not None  # plan_split chooses "range" only for a compare that parses as one
        start, end = bounds
        base = (f"({dated} AND NOT {focus} AND a.published >= TIMESTAMPTZ '{start.isoformat()}' "
                f"AND a.published <= TIMESTAMPTZ '{end.isoformat()}')")
    counts = db.aggregate(f"SELECT count(*) FILTER ({focus}) AS f, count(*) FILTER ({base}) AS b, "
                          f"count(*) FILTER ({earlier}) AS e FROM {db.articles_in_scope} a",
                          sum_merge("", ["f", "b", "e"])).iloc[0]
    if kind == "periods" and int(counts["b"]) == 0:  # nothing right before: compare with everything earlier
        return SqlSplit(focus, earlier, earlier, int(counts["f"]), int(counts["e"]), plan.focus_span, EARLIER,
                        "corpus")
    if kind == "range" and int(counts["b"]) == 0:
        return _none("", plan.focus_span, plan.base_span)  # nothing published in the range outside the focus
    return SqlSplit(focus, base, earlier, int(counts["f"]), int(counts["b"]), plan.focus_span, plan.base_span,
                    plan.kind)


def no_changes() -> pd.DataFrame:
    """An empty change table whose flags are booleans (so ``table[table["reported"]]`` selects no rows)."""
    empty = pd.DataFrame(columns=[*CHANGE_COLUMNS, "focus_articles", "base_articles", "reported"])
    return empty.astype({"significant": bool, "reported": bool, "z": float, "focus_share": float,
                         "base_share": float})


def _reported(table: pd.DataFrame, articles: pd.DataFrame, min_articles: int) -> pd.DataFrame:
    per = articles.set_index("item")
    table = table.assign(focus_articles=table["item"].map(per["fa"]).fillna(0).astype(int),
                         base_articles=table["item"].map(per["ba"]).fillna(0).astype(int))
    wide = (table["focus_articles"].where(table["z"] > 0, table["base_articles"])) >= min_articles
    return table.assign(reported=table["significant"].astype(bool) & wide)


def _changes(counts: pd.DataFrame, articles: pd.DataFrame, *, level: float, min_articles: int) -> pd.DataFrame:
    if counts.empty:  # nothing counted on either side (an empty result has no usable column types either)
        return no_changes()
    side = {k: counts[["item", "type", k]].rename(columns={k: "count"}) for k in ("f", "b", "bg")}
    side["f"] = side["f"][side["f"]["count"] > 0]
    side["b"] = side["b"][side["b"]["count"] > 0]
    table = log_odds_changes(side["f"], side["b"], background=side["bg"], level=level)
    if table.empty:
        return no_changes()
    return _reported(table, articles, min_articles)


def entity_changes(db: Db, split: SqlSplit, *, level: float = 0.95, min_articles: int = 2) -> pd.DataFrame:
    """:func:`~.change.entity_changes` over the store."""
    rows = f"""(SELECT e.name AS item, e.label, m.article_id, {split.focus_sql} AS f, {split.base_sql} AS b
                FROM mentions m JOIN (SELECT DISTINCT ON (entity_id) entity_id, name, label FROM entities) e
                     ON m.entity_id = e.entity_id
                JOIN {db.articles_in_scope} a ON m.article_id = a.article_id WHERE e.name IS NOT NULL)"""
    counts = db.aggregate(f"SELECT item, label, count(*) FILTER (f) AS f, count(*) FILTER (b) AS b, count(*) AS bg "
                          f"FROM {rows} r GROUP BY ALL", sum_merge("item, label", ["f", "b", "bg"]))
    counts["type"] = counts["label"].map(TYPE_OF_LABEL).fillna("other")
    counts = counts.groupby(["item", "type"], as_index=False)[["f", "b", "bg"]].sum()
    articles = db.aggregate(f"SELECT item, count(DISTINCT article_id) FILTER (f) AS fa, "
                            f"count(DISTINCT article_id) FILTER (b) AS ba FROM {rows} r GROUP BY item",
                            sum_merge("item", ["fa", "ba"]))
    return _changes(counts, articles, level=level, min_articles=min_articles)


def _quote_rows(db: Db, split: SqlSplit) -> str:
    """One row per statement of each named speaker: a quote split around its cue counts once, as in speaker share
    (stores before ``statement_id``: one per quote row)."""
    statement = "DISTINCT q.statement_id," if db.has("quotes", "statement_id") else ""
    return f"""(SELECT {statement} q.speaker AS item, q.article_id, {split.focus_sql} AS f, {split.base_sql} AS b,
                       {split.earlier_sql} AS e
                FROM quotes q JOIN {db.articles_in_scope} a ON q.article_id = a.article_id
                WHERE q.speaker IS NOT NULL)"""


def speaker_changes(db: Db, split: SqlSplit, *, level: float = 0.95, min_articles: int = 2) -> pd.DataFrame:
    """:func:`~.change.speaker_changes` over the store."""
    counts = db.aggregate(f"SELECT item, 'speaker' AS type, count(*) FILTER (f) AS f, count(*) FILTER (b) AS b, "
                          f"count(*) AS bg, count(DISTINCT article_id) FILTER (f) AS fa, "
                          f"count(DISTINCT article_id) FILTER (b) AS ba FROM {_quote_rows(db, split)} r GROUP BY item",
                          sum_merge("item, type", ["f", "b", "bg", "fa", "ba"]))
    return _changes(counts, counts[["item", "fa", "ba"]], level=level, min_articles=min_articles)


def new_speakers(db: Db, split: SqlSplit, *, min_quotes: int = 2, top: int = 5) -> pd.DataFrame:
    """:func:`~.change.new_speakers` over the store."""
    rows = _quote_rows(db, split)
    # "never quoted before" spans parts: each part flags what it saw before, the merge drops every flagged speaker
    out = db.aggregate(f"""SELECT item AS speaker, count(*) FILTER (f) AS quotes,
                                  count(DISTINCT article_id) FILTER (f) AS articles,
                                  bool_or(coalesce(e OR b, FALSE)) AS seen
                           FROM {rows} r GROUP BY item""",
                       sum_merge("speaker", ["quotes", "articles"],
                                 having=f"NOT bool_or(seen) AND sum(quotes) > 0 AND sum(quotes) >= {int(min_quotes)}"))
    return out.sort_values(["quotes", "articles", "speaker"], ascending=[False, False, True]).head(top) \
        .reset_index(drop=True)


def _moments(db: Db, values: str, split: SqlSplit) -> pd.DataFrame:
    """Per group: count, mean and sample variance of ``value`` in the focus and in the baseline."""
    f, b = moments_merge(suffix="_f"), moments_merge(suffix="_b")
    return db.aggregate(f"""
        SELECT "group", {moments_partial('value', where='f', suffix='_f')},
               {moments_partial('value', where='b', suffix='_b')}
        FROM {values} v GROUP BY "group" """, f"""
        WITH g AS (SELECT *, {moments_mu('"group"', suffix='_f')}, {moments_mu('"group"', suffix='_b')} FROM {PARTIALS})
        SELECT "group", {f['n']} AS n_f, {f['mean']} AS mean_f, {f['var']} AS var_f,
               {b['n']} AS n_b, {b['mean']} AS mean_b, {b['var']} AS var_b
        FROM g GROUP BY "group" """)


def source_tone_shifts(db: Db, split: SqlSplit, *, min_articles: int = 3, level: float = 0.95) -> pd.DataFrame:
    """:func:`~.change.tone_shifts` of :func:`~.change.source_tone` over the store."""
    values = f"""(SELECT {source_sql('any_value(a.source)')} AS "group", avg(s.sentiment) AS value,
                         any_value({split.focus_sql}) AS f, any_value({split.base_sql}) AS b
                  FROM sentences s JOIN {db.articles_in_scope} a ON s.article_id = a.article_id
                  GROUP BY s.article_id)"""
    return _shifts(_moments(db, values, split), min_articles=min_articles, level=level)


def entity_tone_shifts(
    db: Db, split: SqlSplit, *, entity_ids: Sequence[str], min_articles: int = 3, level: float = 0.95,
) -> pd.DataFrame:
    """:func:`~.change.tone_shifts` of :func:`~.change.entity_tone` (mean tone of the sentences naming each
    entity, per article) over the store."""
    values = f"""(SELECT e.name AS "group", h.value, {split.focus_sql} AS f, {split.base_sql} AS b
                  FROM ({sentence_tone_per_entity_sql(entity_ids, keyed=db.has("mentions", "sent_id"))}) h
                  JOIN (SELECT DISTINCT ON (entity_id) entity_id, name FROM entities) e ON h.entity_id = e.entity_id
                  JOIN {db.articles_in_scope} a ON h.article_id = a.article_id)"""
    return _shifts(_moments(db, values, split), min_articles=min_articles, level=level)


def sentence_hits_sql(entity_ids: Sequence[str], *, keyed: bool = False, tone: bool = True) -> str:
    """Distinct (entity_id, article_id, sent_id[, sentiment]): the sentences naming each of the given entities
    (the sentence holding each mention's start, as :func:`~.sentiment.sentence_of`).

    ``keyed``: the store has ``mentions.sent_id`` (assembled since it exists), so sentences are joined by key, or
    not read at all without ``tone``; otherwise each mention is placed in its sentence by an as-of join on offsets.
    """
    wanted = f"entity_id IN {id_list(list(entity_ids))}"
    if keyed and not tone:
        return f"SELECT DISTINCT entity_id, article_id, sent_id FROM mentions WHERE {wanted} AND sent_id IS NOT NULL"
    if keyed:
        return f"""SELECT DISTINCT m.entity_id, m.article_id, m.sent_id, s.sentiment
                   FROM (SELECT entity_id, article_id, sent_id FROM mentions WHERE {wanted} AND sent_id IS NOT NULL) m
                   JOIN sentences s ON m.article_id = s.article_id AND m.sent_id = s.sent_id"""
    m = f"SELECT article_id, start, entity_id FROM mentions WHERE {wanted}"
    # Only the sentences of articles naming them are sorted for the as-of join.
    columns = "m.entity_id, m.article_id, s.sent_id" + (", s.sentiment" if tone else "")
    return f"""WITH m AS ({m}),
               s AS (SELECT article_id, sent_id, start, "end", sentiment FROM sentences
                     WHERE article_id IN (SELECT DISTINCT article_id FROM m))
               SELECT DISTINCT {columns}
               FROM m ASOF JOIN s ON m.article_id = s.article_id AND m.start >= s.start
               WHERE m.start < s."end" """


def sentence_tone_per_entity_sql(entity_ids: Sequence[str], *, keyed: bool = False) -> str:
    return (f"SELECT entity_id, article_id, avg(sentiment) AS value "
            f"FROM ({sentence_hits_sql(entity_ids, keyed=keyed)}) GROUP BY entity_id, article_id")


def _shifts(moments: pd.DataFrame, *, min_articles: int, level: float) -> pd.DataFrame:
    if moments.empty:
        return pd.DataFrame(columns=TONE_COLUMNS)
    return shifts_from_moments(moments, min_articles=min_articles, level=level)


def top_article_per_name(db: Db, names: Sequence[str], *, where: str = "TRUE") -> pd.DataFrame:
    """(name, article_id, n) of the article with most mentions of each entity name among the articles ``where``
    holds (a predicate on ``a``, e.g. a split's focus); largest first."""
    return db.aggregate(f"""SELECT e.name, m.article_id, count(*) AS n FROM mentions m
                    JOIN (SELECT DISTINCT ON (entity_id) entity_id, name FROM entities) e USING (entity_id)
                    JOIN articles a ON m.article_id = a.article_id
                    WHERE e.name IN {id_list(list(names))} AND {where}
                    GROUP BY ALL""", f"SELECT * FROM {PARTIALS} ORDER BY n DESC, article_id").drop_duplicates("name")
