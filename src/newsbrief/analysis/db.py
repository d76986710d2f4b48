"""The corpus analyses' access to the data: SQL over the store's DuckDB views, small pandas results out.

A :class:`Db` wraps a DuckDB connection whose views are the annotation tables (``articles``, ``mentions``,
``entities``, ``quotes``, ``sentences``; see :func:`newsbrief.store.duck.connect`), read out of core from the
Parquet store or from DataFrames in memory. The ``*_db`` functions of the analysis modules aggregate there
(projection and filter pushdown: only the columns and rows a query names are read) and hand pandas only the
small aggregated tables that charts and tests need; the statistics on those are the same code the in-memory
functions use. ``scope`` is a predicate on the articles row ``a`` (e.g. leave out thin articles).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
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
        return Db(self.con, scope=scope, _columns=self._columns, memo=self.memo)

    def quote_words(self, alias: str = "q") -> str:
        """SQL for the words of each quote: the stored ``n_words`` (stores since it exists), else counted."""
        return f"{alias}.n_words" if self.has("quotes", "n_words") else words_sql(f"{alias}.content")

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
