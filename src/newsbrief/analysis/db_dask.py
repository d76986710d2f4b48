"""The corpus aggregations on a Dask cluster: each partial on the workers, one part of the store each; the merge
on the client (see :meth:`newsbrief.analysis.db.Db.aggregate`).

A part is article-disjoint: the rows of one publication month of every article table (a Hive partition of the
store, or the rows of in-memory tables whose article was published that month) with the whole entities table.
A worker opens DuckDB over its part with the same views as :func:`newsbrief.store.duck.connect` and returns the
partial aggregates as Arrow (small); the client concatenates them and runs the merge. Every query of the corpus
briefing is an aggregate (a few rows by id too: the merge concatenates); what stays single-phase on the client's
own connection over the whole store (:meth:`Db.df`, so the store must be reachable from the client too) is the
entities table (small, read whole), the columns of a table, thin articles of stores older than the ``thin``
column (read a batch of texts at a time) and the appendix (written by :mod:`newsbrief.render.appendix`). The
workers read the part's files at the client's paths: on other machines the store must be at the same path.
"""

from __future__ import annotations

import atexit
import functools
import threading
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from ..store.layout import PARTITIONING, file_parts
from .db import Db, arrow_of, merge_partials

#: One part of a store: per table, its Parquet files in that part (``files``) or its rows (in-memory tables).
Part = Mapping[str, Any]


def frame_parts(tables: Mapping[str, pd.DataFrame]) -> list[dict[str, pd.DataFrame]]:
    """In-memory tables split as a partitioned store is (:data:`~newsbrief.store.layout.PARTITIONING`: by their
    article's publication month, UTC)."""
    articles = tables["articles"]
    month = dict(zip(articles["article_id"], PARTITIONING.of_articles(articles)))
    keyed = {name: PARTITIONING.of_children(frame, month) for name, frame in tables.items()
             if name in PARTITIONING.tables and "article_id" in frame}
    months = sorted(set().union(*(set(k) for k in keyed.values())) or {PARTITIONING.undated})
    return [{name: (frame[(keyed[name] == m).to_numpy()].reset_index(drop=True) if name in keyed else frame)
             for name, frame in tables.items()} for m in months]


#: Each worker keeps the DuckDB connections of its latest parts (views only, no data): files through a cursor
#: each (their views are in the catalog), in-memory rows (registered on the connection only) one query at a time.
_CONNECTIONS: OrderedDict[Any, tuple[Any, Any, threading.Lock | None]] = OrderedDict()
_LOCK = threading.Lock()
KEEP_CONNECTIONS = 64


def _connection(part: Part, template: Mapping[str, Path]) -> tuple[Any, threading.Lock | None]:
    from ..store import duck

    frames = all(isinstance(v, pd.DataFrame) for v in part.values())
    # a part of files is known by its paths; in-memory rows by the object (kept alive in the cache with its id)
    key = ("frames", id(part)) if frames else tuple((k, tuple(map(str, v))) for k, v in sorted(part.items()))
    with _LOCK:
        found = _CONNECTIONS.get(key)
        if found is None:
            con = duck.connect(part, threads=1) if frames else duck.connect_files(part, template=template, threads=1)
            found = _CONNECTIONS[key] = (part, con, threading.Lock() if frames else None)
            while len(_CONNECTIONS) > KEEP_CONNECTIONS:
                _CONNECTIONS.popitem(last=False)
        else:
            _CONNECTIONS.move_to_end(key)
    _, con, lock = found
    return (con, lock) if lock is not None else (con.cursor(), None)


def run_partial(part: Part, sql: str, *, template: Mapping[str, Path] | None = None) -> Any:
    """The partial phase on one part (on a worker): DuckDB over the part's rows or files, the result as Arrow."""
    con, lock = _connection(part, template or {})
    if lock is not None:
        with lock:
            return arrow_of(con, sql)
    try:
        return arrow_of(con, sql)
    finally:
        con.close()


@dataclass
class DaskDb(Db):
    """A :class:`Db` whose aggregations run on a Dask cluster, one task per part of the store."""

    cluster: Any = None  # newsbrief.cluster.DaskCluster
    parts: list[Any] = field(default_factory=list)  # parts, or futures of scattered in-memory parts
    template: dict[str, Path] = field(default_factory=dict)  # a file of each table, for a part's empty views

    @classmethod
    def open(cls, store: str | Path | Mapping[str, pd.DataFrame], *, scheduler: str | None = None,
             workers: int | None = None, processes: bool = True, cluster: Any = None, db: Db | None = None,
             by: str = "month") -> DaskDb:
        """The aggregations of ``store`` (a store folder or in-memory tables) on ``cluster`` (a
        :class:`~newsbrief.cluster.DaskCluster`, left open), else on a new client of the scheduler at ``scheduler``
        or of a LocalCluster of ``workers`` (closed by :meth:`close` or at exit); ``db`` is the client's own
        connection to reuse (default: a new one over the whole store); ``by``: the parts of a store folder
        (:func:`file_parts`)."""
        from ..cluster import open_cluster
        from ..store.duck import connect, table_paths

        owned = cluster is None
        cluster = cluster if cluster is not None else open_cluster(scheduler, workers=workers, processes=processes)
        try:
            template: dict[str, Path] = {}
            if isinstance(store, Mapping):
                parts: list[Any] = cluster.client.scatter(frame_parts(store), broadcast=False)
            else:
                files = table_paths(store)
                template = {name: paths[0] for name, paths in files.items() if paths}
                parts = file_parts(files, by=by)
            base = db if db is not None else Db(connect(store))
        except BaseException:
            if owned:
                cluster.close()
            raise
        if owned:
            atexit.register(cluster.close)  # scoped copies share the cluster: it ends with close() or the process
        return cls(base.con, scope=base.scope, _columns=base._columns, memo=base.memo, cluster=cluster, parts=parts,
                   template=template)

    def aggregate(self, partial: str, merge: str) -> pd.DataFrame:
        client = self.cluster.client
        # the query is bound, not passed as a keyword: a graph would read a string argument naming a key as that key
        futures = client.map(functools.partial(run_partial, sql=partial, template=self.template), self.parts,
                             pure=False)
        try:
            tables = client.gather(futures)
        finally:
            for future in futures:
                future.release()
        return merge_partials(tables, merge)

    def close(self) -> None:
        self.cluster.close()
