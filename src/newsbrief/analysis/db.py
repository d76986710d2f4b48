"""The analyses' access to the data: SQL over DuckDB views of the annotation tables, small pandas results out.

A :class:`Db` wraps a DuckDB connection whose views are the annotation tables (``articles``, ``mentions``,
``entities``, ``quotes``, ``sentences``; see :func:`newsbrief.store.duck.connect`), read out of core from the
Parquet store or from DataFrames in memory (:func:`as_database`: an article briefing's tables). The analyses of
:mod:`.db_counts`, :mod:`.db_change` and :mod:`.db_spikes` aggregate there, the one implementation of each
(projection and filter pushdown: only the columns and rows a query names are read), and hand pandas only the
small aggregated tables that the statistics, charts and tests need. ``scope`` is a predicate on the articles row
``a`` (e.g. leave out thin articles).

Every aggregation is two-phase (:meth:`Db.aggregate`): a *partial* query that runs on any article-disjoint part
of the store (a month partition; every row of an article is in its article's part) and yields mergeable partial
aggregates (counts, sums, moments, min/max, flags, the best candidate of a group), and a *merge* query over the
concatenated partials (the table ``partials``). A :class:`Db` runs one partial over the whole store, then the
merge; a Dask one (:mod:`newsbrief.analysis.db_dask`) maps the partial over the partitions on a cluster and merges
on the client: the same SQL, so both give the same result.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import pandas as pd

from ..errors import NewsbriefError
from .periods import UNKNOWN_SOURCE

#: DuckDB's date_trunc unit of each briefing period (pandas' weekly periods start on Monday, as ISO weeks do).
_UNITS = {"D": "day", "W": "week", "M": "month"}


def period_sql(column: str, freq: str) -> str:
    """SQL for the (naive UTC) start of the ``freq`` period holding the timestamp ``column``."""
    unit = _UNITS.get(freq.upper()[:1])
    if unit is None:
        raise NewsbriefError(f"freq must be one of {', '.join(_UNITS)}, not {freq!r}", field="freq")
    return f"date_trunc('{unit}', timezone('UTC', {column}))"


def source_sql(column: str) -> str:
    """SQL for :func:`~newsbrief.analysis.periods.source_labels`: missing or blank sources are one label."""
    return f"coalesce(nullif(trim(CAST({column} AS VARCHAR)), ''), '{UNKNOWN_SOURCE}')"


#: What Python's ``str.split()`` splits on (RE2 syntax): ASCII and Unicode whitespace.
SPACE = r"[\s\x0b\x1c-\x1f\x85\xa0\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}]"


def oneline_sql(column: str) -> str:
    """SQL for :func:`~newsbrief.present.formatters.fmt_text` (``''`` when missing): one line, single spaces."""
    collapsed = f"regexp_replace(coalesce(CAST({column} AS VARCHAR), ''), '{SPACE}+', ' ', 'g')"
    return f"regexp_replace({collapsed}, '^ | $', '', 'g')"


def words_sql(column: str) -> str:
    """SQL for ``len(str(x).split())`` with Python's whitespace (0 for empty or missing)."""
    return f"(CASE WHEN {oneline_sql(column)} = '' THEN 0 ELSE len(string_split({oneline_sql(column)}, ' ')) END)"


#: The name of the concatenated partial results in a merge query.
PARTIALS = "partials"


def moments_partial(value: str, *, where: str | None = None, suffix: str = "") -> str:
    """Partial-phase SQL columns ``n{suffix}, s{suffix}, m2{suffix}``: the count, sum and sum of squared deviations
    from the mean of ``value`` (over rows where ``where`` holds); merged by :func:`moments_merge`."""
    f = f" FILTER ({where})" if where else ""
    return (f"count({value}){f} AS n{suffix}, coalesce(sum({value}){f}, 0) AS s{suffix}, "
            f"coalesce(var_pop({value}){f} * count({value}){f}, 0) AS m2{suffix}")


def moments_mu(keys: str, *, suffix: str = "") -> str:
    """A window column ``mu{suffix}`` over the partials: the group's overall mean, which :func:`moments_merge`
    needs (``keys``: the group's columns, empty for one group)."""
    over = f"OVER (PARTITION BY {keys})" if keys else "OVER ()"
    return f"sum(s{suffix}) {over} / nullif(sum(n{suffix}) {over}, 0) AS mu{suffix}"


def moments_merge(*, suffix: str = "") -> dict[str, str]:
    """Merge-phase SQL expressions over partial moments (with the ``mu`` of :func:`moments_mu`): ``n``, ``mean``,
    ``var`` (sample variance) and ``sd``. Chan et al.'s pairwise update: never an average of averages."""
    n, s, m2, mu = f"n{suffix}", f"s{suffix}", f"m2{suffix}", f"mu{suffix}"
    total = f"sum({m2} + CASE WHEN {n} > 0 THEN {n} * ({s} / {n} - {mu}) ** 2 ELSE 0 END)"
    variance = f"(CASE WHEN sum({n}) > 1 THEN {total} / (sum({n}) - 1) END)"
    return {"n": f"CAST(coalesce(sum({n}), 0) AS BIGINT)", "mean": f"sum({s}) / nullif(sum({n}), 0)",
            "var": variance, "sd": f"sqrt({variance})"}


def sum_merge(keys: str, counts: Sequence[str], *, having: str = "", order: str = "") -> str:
    """The merge of partial counts: ``SELECT keys, sum(c) AS c ... FROM partials GROUP BY keys``."""
    sums = ", ".join(f"CAST(coalesce(sum({c}), 0) AS BIGINT) AS {c}" for c in counts)
    group = f"GROUP BY {keys}" if keys else ""
    return (f"SELECT {keys + ', ' if keys else ''}{sums} FROM {PARTIALS} {group} "
            f"{'HAVING ' + having if having else ''} {'ORDER BY ' + order if order else ''}")


def arrow_of(con: Any, sql: str) -> Any:
    """The result of ``sql`` on a DuckDB connection as an Arrow table."""
    relation = con.sql(sql)
    return relation.to_arrow_table() if hasattr(relation, "to_arrow_table") else relation.arrow()  # DuckDB 1.x


def merge_partials(parts: Sequence[Any], merge: str, *, con: Any = None) -> pd.DataFrame:
    """Run ``merge`` over the concatenation of Arrow tables ``parts`` (as the table ``partials``) in DuckDB: on a
    cursor of ``con`` when given (no new database), else on a new in-memory connection."""
    import duckdb
    import pyarrow as pa

    from ..store.duck import QUIET

    table = pa.concat_tables(list(parts), promote_options="default") if len(parts) > 1 else parts[0]
    con = con.cursor() if con is not None else duckdb.connect(":memory:")
    try:
        con.execute(QUIET)
        con.execute("SET TimeZone = 'UTC'")
        con.register(PARTIALS, table)
        return con.execute(merge).df()
    finally:
        con.close()


def id_list(ids: Sequence[Any]) -> str:
    """A SQL list literal of string ids (``('a', 'b')``); ``(NULL)`` when empty, which matches nothing."""
    if not len(ids):
        return "(NULL)"
    return "(" + ", ".join("'" + str(i).replace("'", "''") + "'" for i in ids) + ")"


@dataclass
class Db:
    """A DuckDB connection with the annotation tables as views, and the scope of the analyses."""

    con: Any  # duckdb.DuckDBPyConnection (not imported here: analysis needs no DuckDB import to load)
    scope: str = "TRUE"
    _columns: dict[str, set[str]] = field(default_factory=dict)
    memo: dict[str, Any] = field(default_factory=dict)  # results worth computing once per connection

    def df(self, sql: str, params: Sequence[Any] | Mapping[str, Any] | None = None) -> pd.DataFrame:
        return self.con.execute(sql, params).df() if params is not None else self.con.execute(sql).df()

    def value(self, sql: str, params: Sequence[Any] | None = None) -> Any:
        rows = (self.con.execute(sql, params) if params is not None else self.con.execute(sql)).fetchall()
        return rows[0][0] if rows else None

    def partial(self, sql: str) -> Any:
        """The partial phase over the whole store (an Arrow table)."""
        return arrow_of(self.con, sql)

    def aggregate(self, partial: str, merge: str) -> pd.DataFrame:
        """``merge`` (SQL over the table ``partials``) of ``partial`` (SQL over the store's views, run on each
        article-disjoint part of the store; here one part: the whole store). The merge runs on this connection (a
        new one costs more than a small article's whole aggregation)."""
        self.con.register(PARTIALS, self.partial(partial))
        try:
            return self.con.execute(merge).df()
        finally:
            self.con.unregister(PARTIALS)

    def count(self, relation: str) -> int:
        """``count(*)`` of ``relation`` (a table, a view or a parenthesised query), in two phases."""
        out = self.aggregate(f"SELECT count(*) AS n FROM {relation} r", sum_merge("", ["n"]))
        return int(out["n"].iloc[0]) if len(out) else 0

    def batches(self, sql: str, *, size: int = 50_000) -> Iterator[Any]:
        """The rows of ``sql`` as Arrow record batches of ``size`` rows (bounded memory)."""
        relation = self.con.sql(sql)
        if hasattr(relation, "to_arrow_reader"):
            yield from relation.to_arrow_reader(size)
        else:  # DuckDB 1.x
            yield from relation.fetch_arrow_reader(size)

    def columns(self, table: str) -> set[str]:
        if table not in self._columns:
            self._columns[table] = {r[0] for r in self.con.execute(f"DESCRIBE {table}").fetchall()}
        return self._columns[table]

    def has(self, table: str, column: str) -> bool:
        return column in self.columns(table)

    def scoped(self, scope: str) -> Db:
        """The same tables with another article scope."""
        return replace(self, scope=scope)  # a DaskDb stays one

    def close(self) -> None:
        """Close the connection (a Db made by :func:`as_database` over tables in memory holds its own)."""
        self.con.close()

    def quote_words(self, alias: str = "q") -> str:
        """SQL for the words of each quote: the stored ``n_words`` (stores since it exists), else counted."""
        return f"{alias}.n_words" if self.has("quotes", "n_words") else words_sql(f"{alias}.content")

    def quote_statements(self, alias: str = "q") -> str:
        """SQL counting statements among the grouped quote rows: a quote split around its cue ("..., he said,
        ...") is two rows of one ``statement_id``, counted once (stores before the column: one per row).
        Summable over parts: the parts are article-disjoint."""
        if self.has("quotes", "statement_id"):
            return f"count(DISTINCT ({alias}.article_id, {alias}.statement_id))"
        return "count(*)"

    def entities(self) -> pd.DataFrame:
        """The entities table (one row per canonical entity: small, read whole)."""
        return self.df("SELECT * FROM entities")

    def in_scope(self, alias: str) -> str:
        """A join clause keeping the rows of ``alias`` (a table with article_id) whose article is in scope; empty
        when every article is (no join to pay for)."""
        if self.scope.strip().upper() == "TRUE":
            return ""
        return f"SEMI JOIN {self.articles_in_scope} a ON {alias}.article_id = a.article_id"

    @property
    def articles_in_scope(self) -> str:
        """A relation of the scoped articles' ids and metadata (without their text)."""
        return f"(SELECT * EXCLUDE (text) FROM articles a WHERE {self.scope})" if self.has("articles", "text") \
            else f"(SELECT * FROM articles a WHERE {self.scope})"


def as_database(source: Db | Mapping[str, pd.DataFrame]) -> Db:
    """``source`` as a :class:`Db`: a Db as it is; tables in memory (an article's, or a test's) behind DuckDB views
    on a connection of their own, so the same SQL runs on an article's few rows and on a store of millions."""
    if isinstance(source, Db):
        return source
    from ..store.duck import connect

    return Db(connect(dict(source)))
