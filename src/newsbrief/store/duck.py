"""DuckDB over an annotation store: one view per table, read straight from the verified Parquet files.

The one place that opens DuckDB on a store (the briefing's out-of-core aggregations and the explorer's ad-hoc
SQL both use it). Tables already in memory (a mapping of DataFrames) get the same views, so the same SQL runs
on a store of millions of articles and on the few rows of an article briefing. Times are in UTC.

``articles``, ``mentions``, ``quotes`` and ``sentences`` have a VARCHAR column ``month`` (``'YYYY-MM'``, the
article's publication month in UTC, or ``'undated'``): in a partitioned store it is the Hive partition key, so
a filter on it reads only that month's files; for frames and for stores written before partitioning it is
computed the same way (:func:`newsbrief.store.layout.months_of`).
"""

from __future__ import annotations

import shutil
import tempfile
import weakref
from collections.abc import Mapping, Sequence
from pathlib import Path

import duckdb
import pandas as pd

from ..errors import StoreError
from .dataset import table_files
from .layout import MONTH, PARTITIONED, TABLES, UNDATED, article_months, child_months

Tables = Mapping[str, pd.DataFrame]

#: DuckDB's memory budget for one connection unless the caller gives one; larger sorts and joins spill to disk.
DEFAULT_MEMORY_LIMIT = "512MB"
#: The budget of each connection of a briefing of a store (:func:`newsbrief.analysis.db_rollup.open_store_database`):
#: a run holds two at once (its appendix thread and the notebook's kernel), each computing partial results one
#: month partition at a time, so one thread and a smaller budget each keep the run and its kernel under 1 GB.
BRIEFING_MEMORY_LIMIT = "320MB"
BRIEFING_THREADS = 1


def quote_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def table_paths(store: str | Path) -> dict[str, list[Path]]:
    """The Parquet files of each table in the store's current dataset version, each checked against its manifest."""
    root = Path(store)
    if not root.exists():
        raise StoreError("no such store folder", path=root)
    return table_files(root)


def with_months(tables: Tables) -> dict[str, pd.DataFrame]:
    """In-memory tables with the ``month`` column a store's views have (frames that have one keep it)."""
    articles = tables.get("articles")
    by_article: dict[object, str] = {}
    if articles is not None and "article_id" in articles.columns:
        by_article = dict(zip(articles["article_id"], article_months(articles)))
    out = {}
    for name, frame in tables.items():
        if name in PARTITIONED and MONTH not in frame.columns:
            months = article_months(frame) if name == "articles" else child_months(frame, by_article)
            frame = frame.assign(**{MONTH: months.astype("string")})
        out[name] = frame
    return out


def _list(paths: list[Path]) -> str:
    return "[" + ", ".join(quote_literal(str(p)) for p in paths) + "]"


def _is_partitioned(paths: list[Path]) -> bool:
    return bool(paths) and all(p.parent.name.startswith(f"{MONTH}=") for p in paths)


def _month_sql(con: duckdb.DuckDBPyConnection, source: str) -> str:
    """The month of an articles row in SQL, as :func:`~newsbrief.store.layout.months_of` computes it."""
    columns = {row[0]: row[1] for row in con.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()}
    if "published" not in columns or "TIMESTAMP" not in columns["published"].upper():
        return quote_literal(UNDATED)
    return f"coalesce(strftime(timezone('UTC', CAST(published AS TIMESTAMPTZ)), '%Y-%m'), {quote_literal(UNDATED)})"


def _view_sql(con: duckdb.DuckDBPyConnection, name: str, files: dict[str, list[Path]]) -> str:
    paths = files[name]
    if name not in PARTITIONED:
        return f"SELECT * FROM read_parquet({_list(paths)})"
    if _is_partitioned(paths):
        return (f"SELECT * FROM read_parquet({_list(paths)}, hive_partitioning = true, "
                f"hive_types = {{'{MONTH}': VARCHAR}})")
    # A store written before partitioning: the month computed from the articles table.
    source = f"read_parquet({_list(paths)})"
    articles = f"read_parquet({_list(files['articles'])})"
    month = _month_sql(con, articles)
    if name == "articles":
        return f"SELECT *, {month} AS {MONTH} FROM {source}"
    return (f"SELECT c.*, coalesce(a.{MONTH}, {quote_literal(UNDATED)}) AS {MONTH} FROM {source} AS c "
            f"LEFT JOIN (SELECT article_id, any_value({month}) AS {MONTH} FROM {articles} GROUP BY article_id) AS a "
            "ON c.article_id = a.article_id")


#: DuckDB draws a progress bar on standard output for a query of more than two seconds: the library prints nothing
#: (a long roll-up query of `newsbrief annotate` filled a pipe with 64 KB of it and stalled its writer).
QUIET = "SET enable_progress_bar = false"


def connect(
    store: str | Path | Tables, *, memory_limit: str | None = DEFAULT_MEMORY_LIMIT, threads: int | None = None,
) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with one view per store table (the caller closes it).

    ``memory_limit`` bounds DuckDB's own memory (it spills to a temporary folder beyond it); ``threads``
    defaults to DuckDB's choice (the machine's cores).
    """
    con = duckdb.connect(":memory:")
    try:
        con.execute(QUIET)
        con.execute("SET TimeZone = 'UTC'")
        if memory_limit:
            con.execute(f"SET memory_limit = {quote_literal(memory_limit)}")
            # Beyond the limit, sorts and joins spill here (not into the working directory, the run folder).
            spill = tempfile.mkdtemp(prefix="newsbrief-duckdb-")
            weakref.finalize(con, shutil.rmtree, spill, ignore_errors=True)
            con.execute(f"SET temp_directory = {quote_literal(spill)}")
        if threads:
            con.execute(f"SET threads = {int(threads)}")
        if isinstance(store, Mapping):
            unknown = sorted(set(store) - set(TABLES))
            if unknown:
                raise StoreError(f"unknown table(s) {', '.join(unknown)}; tables are {', '.join(TABLES)}")
            for name, frame in with_months(store).items():
                con.register(name, frame)
        else:
            files = table_paths(store)
            for name in TABLES:
                # Fail here, naming the file, rather than in the user's query.
                try:
                    con.execute(f"CREATE VIEW {name} AS {_view_sql(con, name, files)}")
                    con.execute(f"SELECT * FROM {name} LIMIT 0")
                except duckdb.Error as e:
                    first_line = str(e).splitlines()[0] if str(e) else type(e).__name__
                    raise StoreError(f"cannot read table '{name}': {first_line}", path=files[name][0]) from e
    except BaseException:
        con.close()
        raise
    return con


def connect_files(
    files: Mapping[str, Sequence[Path]], *, template: Mapping[str, Path] | None = None,
    memory_limit: str | None = DEFAULT_MEMORY_LIMIT, threads: int | None = None,
) -> duckdb.DuckDBPyConnection:
    """:func:`connect` over the given Parquet files of each table, already verified by the caller: one part of a
    store (a month partition), with the same views and ``month`` column. A table without files in the part is
    an empty view shaped like its ``template`` file."""
    con = duckdb.connect(":memory:")
    try:
        con.execute(QUIET)
        con.execute("SET TimeZone = 'UTC'")
        if memory_limit:
            con.execute(f"SET memory_limit = {quote_literal(memory_limit)}")
        if threads:
            con.execute(f"SET threads = {int(threads)}")
        add_part_views(con, files, template=template)
    except BaseException:
        con.close()
        raise
    return con


def add_part_views(con: duckdb.DuckDBPyConnection, files: Mapping[str, Sequence[Path]], *,
                   template: Mapping[str, Path] | None = None, schema: str | None = None) -> None:
    """The views of :func:`connect_files` on ``con``, in ``schema`` when given (made if needed): a query run with
    that schema first on its search path sees the part's tables under their usual names."""
    template = template or {}
    given = {name: list(files.get(name) or []) for name in TABLES}
    shaped = {name: paths or ([template[name]] if name in template else []) for name, paths in given.items()}
    if schema:
        con.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
    for name in TABLES:
        if not shaped[name]:
            continue
        empty = "" if given[name] else " WHERE FALSE"
        view = f"{schema}.{name}" if schema else name
        con.execute(f"CREATE OR REPLACE VIEW {view} AS SELECT * FROM ({_view_sql(con, name, shaped)}){empty}")


def describe(con: duckdb.DuckDBPyConnection) -> str:
    """``table(col, ...)`` for every table and view of ``con``: what a user can query."""
    rows = con.execute(
        "SELECT table_name, string_agg(column_name, ', ' ORDER BY ordinal_position) "
        "FROM information_schema.columns GROUP BY table_name ORDER BY table_name"
    ).fetchall()
    return "; ".join(f"{table}({columns})" for table, columns in rows)
