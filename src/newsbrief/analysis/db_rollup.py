"""The corpus aggregations from the store's roll-ups (:mod:`newsbrief.store.rollups`): each partial query's result
on each month partition is read when an earlier briefing (or the store's writer) computed it, else computed on
that partition's files and kept; the merge runs over them (see :meth:`newsbrief.analysis.db.Db.aggregate`).

A briefing's cost then follows what it shows, not the archive: a store whose roll-ups are written is never scanned
again for the same numbers, and the queries that must show rows (a spike's headlines, thin articles, a few
articles by id) are partial queries too, kept per partition like the counts. The same partial SQL runs as on a
Dask cluster (:mod:`.db_dask`, the same parts), so a briefing from roll-ups equals one from the rows (tested).
What stays single-phase on the whole store's connection (:meth:`Db.df`): the entities table, the columns of a
table, thin articles of stores older than the ``thin`` column, and the appendix.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .db import Db, arrow_of, merge_partials

log = logging.getLogger(__name__)


@dataclass
class RollupDb(Db):
    """A :class:`Db` whose aggregations read (or compute once and keep) each month partition's partial result."""

    rollups: Any = None  # newsbrief.store.rollups.Rollups
    parts: list[tuple[str, dict[str, list[Path]]]] = field(default_factory=list)  # (part digest, its files)
    template: dict[str, Path] = field(default_factory=dict)  # a file of each table, for a part's empty views

    @classmethod
    def open(cls, store: str | Path, *, db: Db | None = None) -> Db:
        """The aggregations of the store folder ``store`` from its roll-ups; ``db``: the whole store's connection
        to reuse (default: a new one, of :data:`~newsbrief.store.duck.BRIEFING_MEMORY_LIMIT` and one thread). A
        store without checksums (or not partitioned) gets a plain :class:`Db`."""
        from ..store.dataset import current_folder, read_manifest
        from ..store.duck import BRIEFING_MEMORY_LIMIT, BRIEFING_THREADS, connect, table_paths
        from ..store.rollups import Rollups, digested_parts

        base = db if db is not None else Db(connect(store, memory_limit=BRIEFING_MEMORY_LIMIT,
                                                    threads=BRIEFING_THREADS))
        files = table_paths(store)
        entries = read_manifest(store).get("files")
        if not isinstance(entries, dict) or not entries:
            return base
        parts = digested_parts(current_folder(Path(store)), files, entries)
        if parts is None:
            return base
        template = {name: paths[0] for name, paths in files.items() if paths}
        return cls(base.con, scope=base.scope, _columns=base._columns, memo=base.memo, rollups=Rollups(store),
                   parts=parts, template=template)

    def _compute(self, number: int, sql: str) -> Any:
        """The partial ``sql`` on part ``number``'s rows: its views are a schema of the store's connection, queried
        on a cursor whose search path starts there (one database, one memory budget)."""
        from ..store.duck import add_part_views

        schema = f"rollup_part_{number}"
        if schema not in self.memo.setdefault("rollup_schemas", set()):
            add_part_views(self.con, self.parts[number][1], template=self.template, schema=schema)
            self.memo["rollup_schemas"].add(schema)
        cursor = self.con.cursor()
        try:
            cursor.execute("SET TimeZone = 'UTC'")
            cursor.execute(f"SET search_path = '{schema}'")
            return arrow_of(cursor, sql)
        finally:
            cursor.close()

    def content_key(self, *what: str) -> str:
        """A digest of the store's rows (its parts' digests), the scope and ``what``: the key of something made
        from the scoped rows (the appendix's files)."""
        import hashlib

        text = "\n".join([*(digest for digest, _ in self.parts), self.scope, *what])
        return hashlib.sha256(text.encode()).hexdigest()[:24]

    def partials(self, sql: str) -> list[Any]:
        """The partial phase on each part, from its roll-up (computed and kept when missing), as Arrow tables."""
        return [self.rollups.get(digest, sql, lambda number=number: self._compute(number, sql))
                for number, (digest, _) in enumerate(self.parts)]

    def aggregate(self, partial: str, merge: str) -> pd.DataFrame:
        return merge_partials(self.partials(partial), merge, con=self.con)


def open_store_database(store: str | Path) -> Db:
    """The :class:`Db` a briefing of the store folder ``store`` reads: from its roll-ups when it has them (or can
    have them), else over its rows."""
    return RollupDb.open(store)
