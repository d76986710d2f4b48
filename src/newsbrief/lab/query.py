"""Ad-hoc SQL over an annotation store, with DuckDB.

Each table of the store's current dataset (``articles``, ``mentions``, ``entities``, ``quotes``,
``sentences``) is a view of the same name, read straight from its Parquet files; ``articles``, ``mentions``,
``quotes`` and ``sentences`` have a ``month`` column (``'YYYY-MM'`` in UTC or ``'undated'``), and a filter
on it reads only that month's files::

    from newsbrief.lab import sql
    sql("SELECT e.name, count(*) AS n FROM mentions m JOIN entities e USING (entity_id) "
        "GROUP BY e.name ORDER BY n DESC LIMIT 5", store="reports/seed-article/data")

Tables already in memory (a ``dict`` of DataFrames, as :func:`newsbrief.store.read_dataset`
returns) can be queried the same way. Times are in UTC.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from pathlib import Path

import duckdb
import pandas as pd

from ..errors import QueryError
from ..store.duck import connect, describe, table_paths

log = logging.getLogger(__name__)

Tables = Mapping[str, pd.DataFrame]
Store = str | Path | Tables


_KINDS: tuple[tuple[type[duckdb.Error], str], ...] = (
    (duckdb.ParserException, "syntax error"),
    (duckdb.CatalogException, "unknown table or function"),
    (duckdb.BinderException, "unknown column or wrong use of one"),
    (duckdb.ConversionException, "type conversion failed"),
    (duckdb.InvalidInputException, "invalid input"),
)


def _problem(error: duckdb.Error) -> str:
    label = next((name for kind, name in _KINDS if isinstance(error, kind)), "query failed")
    # DuckDB prefixes its class name ("Parser Error: ..."); keep its text, one line.
    text = re.sub(r"\s+", " ", str(error)).strip()
    return f"{label}: {text}"


def sql(query: str, *, store: Store) -> pd.DataFrame:
    """Run one SQL query over the store's tables; the result as a pandas DataFrame.

    Raises :class:`~newsbrief.errors.StoreError` when ``store`` is not a readable annotation store
    and :class:`QueryError` (naming the problem and listing the tables and their columns) when the
    query is invalid or returns no result set.
    """
    if not isinstance(query, str) or not query.strip():
        raise QueryError("the query is empty")
    con = connect(store)
    try:
        try:
            result = con.execute(query)
        except duckdb.Error as e:
            hint = ""
            if isinstance(e, (duckdb.CatalogException, duckdb.BinderException)):
                hint = f" (available: {describe(con)})"
            raise QueryError(_problem(e) + hint) from e
        if result.description is None:
            raise QueryError("the statement returns no rows; use a SELECT (or WITH ... SELECT) query")
        frame = result.df()
    finally:
        con.close()
    log.debug("query returned %d row(s)", len(frame))
    return frame


__all__ = ["QueryError", "connect", "sql", "table_paths"]
