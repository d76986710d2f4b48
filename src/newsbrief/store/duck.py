"""DuckDB over an annotation store: one view per table, read straight from the verified Parquet files.

The one place that opens DuckDB on a store (the briefing's out-of-core aggregations and the explorer's ad-hoc
SQL both use it). Tables already in memory (a mapping of DataFrames) get the same views, so the same SQL runs
on a store of millions of articles and on the few rows of an article briefing. Times are in UTC.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import duckdb
import pandas as pd

from ..errors import StoreError
from .dataset import TABLES, verified_paths

Tables = Mapping[str, pd.DataFrame]

#: DuckDB's memory budget for one connection unless the caller gives one; larger sorts and joins spill to disk.
DEFAULT_MEMORY_LIMIT = "1GB"


def quote_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def table_paths(store: str | Path) -> dict[str, Path]:
    """The Parquet file of each table in the store's current dataset version, checked against its manifest."""
    root = Path(store)
    if not root.exists():
        raise StoreError("no such store folder", path=root)
    return verified_paths(root)


def connect(
    store: str | Path | Tables, *, memory_limit: str | None = DEFAULT_MEMORY_LIMIT, threads: int | None = None,
) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with one view per store table (the caller closes it).

    ``memory_limit`` bounds DuckDB's own memory (it spills to a temporary folder beyond it); ``threads``
    defaults to DuckDB's choice (the machine's cores).
    """
    con = duckdb.connect(":memory:")
    try:
        con.execute("SET TimeZone = 'UTC'")
        if memory_limit:
            con.execute(f"SET memory_limit = {quote_literal(memory_limit)}")
        if threads:
            con.execute(f"SET threads = {int(threads)}")
        if isinstance(store, Mapping):
            unknown = sorted(set(store) - set(TABLES))
            if unknown:
                raise StoreError(f"unknown table(s) {', '.join(unknown)}; tables are {', '.join(TABLES)}")
            for name, frame in store.items():
                con.register(name, frame)
        else:
            for name, path in table_paths(store).items():
                # Fail here, naming the file, rather than in the user's query.
                try:
                    con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet({quote_literal(str(path))})")
                    con.execute(f"SELECT * FROM {name} LIMIT 0")
                except duckdb.Error as e:
                    first_line = str(e).splitlines()[0] if str(e) else type(e).__name__
                    raise StoreError(f"cannot read table '{name}': {first_line}", path=path) from e
    except BaseException:
        con.close()
        raise
    return con


def connect_files(
    files: Mapping[str, Sequence[Path]], *, template: Mapping[str, Path] | None = None,
    memory_limit: str | None = DEFAULT_MEMORY_LIMIT, threads: int | None = None,
) -> duckdb.DuckDBPyConnection:
    """:func:`connect` over given Parquet files of each table (a part of a store: one month partition, say),
    already verified by the caller. A table without files in the part is an empty view shaped like its
    ``template`` file."""
    con = duckdb.connect(":memory:")
    try:
        con.execute("SET TimeZone = 'UTC'")
        if memory_limit:
            con.execute(f"SET memory_limit = {quote_literal(memory_limit)}")
        if threads:
            con.execute(f"SET threads = {int(threads)}")
        for name in TABLES:
            paths = list(files.get(name) or [])
            if paths:
                source = "[" + ", ".join(quote_literal(str(p)) for p in paths) + "]"
                con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet({source})")
            elif template and name in template:
                con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet("
                            f"{quote_literal(str(template[name]))}) LIMIT 0")
    except BaseException:
        con.close()
        raise
    return con
