"""Writing a dataset version in batches, with memory bounded by one batch (layout: :mod:`.layout`).

::

    with DatasetWriter(store, manifest={"fingerprint": ...}) as writer:
        for chunk in chunks:                      # articles plus the mentions/quotes/sentences of those articles
            writer.write_batch(chunk)
        writer.write_table("entities", entities)
    # on leaving the block: manifest written, the version made current (atomically)

The version is written into ``.v-<stamp>.tmp`` while the store's lock is held and only then renamed and
named in ``CURRENT``; an exception in the block removes the folder and leaves the previous version current.
Committing also removes the roll-ups that no version left on disk can read (:func:`.rollups.prune_rollups`).
"""

from __future__ import annotations

import json
import logging
import os
import time
import uuid
from collections.abc import Mapping
from contextlib import ExitStack
from pathlib import Path
from types import TracebackType
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import StoreError
from .integrity import MANIFEST, write_table
from .layout import (
    CURRENT,
    GRACE_SECONDS,
    LOCK,
    MONTH,
    PARTITIONED,
    SUPERSEDED,
    TABLES,
    UNDATED,
    article_months,
    child_months,
    part_key,
)
from .lock import locked, remove_quietly
from .rollups import prune_rollups

log = logging.getLogger(__name__)

LAYOUT = "month-partitioned"
UNPARTITIONED: tuple[str, ...] = tuple(t for t in TABLES if t not in PARTITIONED)


def prune_versions(root: Path, *, current: str, grace: float) -> None:
    """Mark replaced versions, and remove those replaced over ``grace`` seconds ago (caller holds the lock)."""
    now = time.time()
    for folder in root.glob("v-*"):
        if folder.name == current or not folder.is_dir():
            continue
        marker = folder / SUPERSEDED
        if not marker.exists():
            marker.write_text(time.strftime("%Y-%m-%dT%H:%M:%S"), encoding="utf-8")
            if grace > 0:
                continue
        if grace <= 0 or now - marker.stat().st_mtime >= grace:
            remove_quietly(folder)


def _same_fields(a: pa.Schema, b: pa.Schema) -> bool:
    return a.remove_metadata().equals(b.remove_metadata())


class DatasetWriter:
    """One new dataset version of the store at ``root``, written batch by batch, made current by :meth:`commit`.

    One writer at a time per store (the lock is taken on entering the block, or by the first write, and
    held until :meth:`commit` or :meth:`abort`; leaving the block commits, an exception aborts); the
    replaced version stays on disk for ``keep_previous_for`` seconds, and temporary folders of killed
    writers are removed.
    """

    def __init__(
        self, root: str | Path, *, manifest: Mapping[str, Any], keep_previous_for: float = GRACE_SECONDS,
    ) -> None:
        self.root = Path(root)
        self.manifest = dict(manifest)
        self.keep_previous_for = keep_previous_for
        self.version = ""
        self.folder: Path | None = None  # the committed version
        self._tmp: Path | None = None
        self._stack = ExitStack()
        self._files: dict[str, dict[str, Any]] = {}
        self._rows: dict[str, int] = {}
        self._schemas: dict[str, pa.Schema] = {}
        self._next = 0
        self._orphans: dict[str, int] = {}
        self._written: dict[str, tuple[str, pa.Schema]] = {}
        self._done = False

    # ------------------------------------------------------------------ life cycle
    def __enter__(self) -> DatasetWriter:
        self._open()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None,
    ) -> None:
        if kind is None:
            if not self._done:
                self.commit()
        else:
            self.abort()

    def _open(self) -> Path:
        if self._done:
            raise StoreError("this dataset writer has already committed or been aborted", path=self.root)
        if self._tmp is not None:
            return self._tmp
        self.root.mkdir(parents=True, exist_ok=True)
        self._stack.enter_context(locked(self.root / LOCK, what=f"the store {self.root}"))
        try:
            for stale in self.root.glob(".v-*.tmp"):
                remove_quietly(stale)  # no other writer runs while we hold the lock
            for stale in self.root.glob(f".{CURRENT}.*"):
                remove_quietly(stale)
            self.version = f"v-{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:6]}"
            tmp = self.root / f".{self.version}.tmp"
            tmp.mkdir()
        except BaseException:
            self._stack.close()
            raise
        self._tmp = tmp
        return tmp

    def abort(self) -> None:
        """Remove what was written; the previous version stays current."""
        if self._tmp is not None and not self._done:
            remove_quietly(self._tmp)
        self._done = True
        self._stack.close()

    # ------------------------------------------------------------------ writing
    def _arrow(self, name: str, frame: pd.DataFrame) -> pa.Table:
        """``frame`` as Arrow, with the columns and types of the table's earlier batches."""
        try:
            table = pa.Table.from_pandas(frame, preserve_index=False)
        except (pa.ArrowException, ValueError, TypeError) as e:
            raise StoreError(f"table '{name}' cannot be stored: {type(e).__name__}: {e}") from e
        known = self._schemas.get(name)
        if known is None or _same_fields(known, table.schema):
            self._schemas.setdefault(name, table.schema)
            return table
        if sorted(known.names) != sorted(table.schema.names):
            raise StoreError(f"table '{name}': this batch has columns {', '.join(table.schema.names)}, "
                             f"earlier ones {', '.join(known.names)}")
        fields = []
        for field in known:
            new = table.schema.field(field.name)
            # A column all null in the first batch takes its type from the first batch that has values.
            fields.append(new if pa.types.is_null(field.type) else field)
        target = pa.schema(fields, metadata=known.metadata)
        try:
            table = table.select(target.names).cast(target)
        except (pa.ArrowException, ValueError, TypeError) as e:
            raise StoreError(f"table '{name}': this batch's column types differ from earlier batches: {e}") from e
        self._schemas[name] = target
        return table

    def _write(self, key: str, table: pa.Table, name: str) -> None:
        tmp = self._open()
        self._files[key] = write_table(table, tmp / key)
        self._rows[name] = self._rows.get(name, 0) + table.num_rows
        self._written[key] = (name, table.schema)

    def _unify(self) -> None:
        """Rewrite the parts written before a column all null so far got its type (one schema per table)."""
        tmp = self._open()
        for key, (name, schema) in list(self._written.items()):
            final = self._schemas[name]
            if not _same_fields(schema, final):
                self._write_again(tmp, key, name, final)

    def _write_again(self, tmp: Path, key: str, name: str, schema: pa.Schema) -> None:
        table = pq.read_table(tmp / key).select(schema.names).cast(schema)
        self._rows[name] -= table.num_rows
        self._write(key, table, name)

    def write_batch(self, tables: Mapping[str, pd.DataFrame]) -> None:
        """Write ``articles`` and any of ``mentions``, ``quotes``, ``sentences`` (rows of those articles) as new parts.

        Each table's rows go to the part of their article's publication month, in the order given. A ``month``
        column (as the DuckDB views of :mod:`.duck` give) is left out: the month is the part's folder.
        """
        unknown = sorted(set(tables) - set(PARTITIONED))
        if unknown:
            raise StoreError(f"write_batch takes {', '.join(PARTITIONED)}, not {', '.join(unknown)} "
                             "(write entities with write_table)")
        if "articles" not in tables:
            raise StoreError("write_batch needs the batch's articles (their months partition the other tables)")
        self._open()
        tables = {n: f.drop(columns=[MONTH]) if MONTH in f.columns else f for n, f in tables.items()}
        articles = tables["articles"]
        months = article_months(articles)
        by_article = dict(zip(articles["article_id"], months)) if "article_id" in articles.columns else {}
        order = list(pd.unique(months))
        labels: dict[str, np.ndarray] = {"articles": months.to_numpy()}
        for name in PARTITIONED[1:]:
            if name in tables:
                frame = tables[name]
                labels[name] = child_months(frame, by_article).to_numpy()
                orphans = len(frame) if "article_id" not in frame.columns else \
                    int((~frame["article_id"].isin(list(by_article))).sum())
                if orphans:
                    self._orphans[name] = self._orphans.get(name, 0) + orphans
                    if UNDATED not in order:
                        order.append(UNDATED)
        numbers = {month: self._next + i for i, month in enumerate(order)}
        self._next += len(order)
        for name in PARTITIONED:
            if name not in tables:
                continue
            table = self._arrow(name, tables[name])
            for month in order:
                rows = np.flatnonzero(labels[name] == month)
                if len(rows):
                    part = table if len(rows) == table.num_rows else table.take(pa.array(rows))
                    self._write(part_key(name, month, numbers[month]), part, name)

    def write_table(self, name: str, frame: pd.DataFrame) -> None:
        """Write an unpartitioned table (``entities``) once."""
        if name not in UNPARTITIONED:
            raise StoreError(f"write_table writes {', '.join(UNPARTITIONED)}; "
                             f"'{name}' is written in batches with write_batch")
        key = part_key(name, None, 0)
        if key in self._files:
            raise StoreError(f"table '{name}' was already written")
        self._write(key, self._arrow(name, frame), name)

    def commit(self) -> Path:
        """Write the manifest and make this version current; return its folder."""
        tmp = self._open()
        try:
            missing = [n for n in TABLES if n not in self._schemas]
            if missing:
                raise StoreError(f"no {', '.join(missing)} written (give an empty frame for an empty table)",
                                 path=self.root)
            self._unify()
            for name in PARTITIONED:
                if not self._rows.get(name):
                    # An empty table keeps its columns and types: one empty part.
                    self._write(part_key(name, UNDATED, self._next), self._schemas[name].empty_table(), name)
                    self._next += 1
            if self._orphans:
                log.warning("rows whose article is not in their batch are stored as undated: %s",
                            ", ".join(f"{n} {self._orphans[n]}" for n in sorted(self._orphans)))
            meta = self.manifest | {"version": self.version, "layout": LAYOUT,
                                    "tables": {n: int(self._rows.get(n, 0)) for n in TABLES}, "files": self._files}
            (tmp / MANIFEST).write_text(json.dumps(meta, indent=2, default=str), encoding="utf-8")
            final = self.root / self.version
            os.replace(tmp, final)
            pointer = self.root / f".{CURRENT}.{uuid.uuid4().hex[:6]}"
            pointer.write_text(self.version, encoding="utf-8")
            os.replace(pointer, self.root / CURRENT)
            self._done = True
            self.folder = final
            prune_versions(self.root, current=self.version, grace=self.keep_previous_for)
        except BaseException:
            self.abort()
            raise
        try:  # under the lock still: no version is written meanwhile
            prune_rollups(self.root, grace=self.keep_previous_for)
        except OSError as e:
            log.warning("stale roll-ups of %s could not be removed (%s); the next write tries again", self.root, e)
        self._stack.close()
        return final


def write_dataset(
    root: str | Path, tables: Mapping[str, pd.DataFrame], *, manifest: Mapping[str, Any],
    keep_previous_for: float = GRACE_SECONDS,
) -> Path:
    """Write a complete dataset version under ``root`` (one batch) and make it current; return its folder.

    One writer at a time per store (a lock file); the replaced version stays on disk for
    ``keep_previous_for`` seconds, and temporary folders of killed writers are removed.
    """
    batch = {name: tables[name] for name in PARTITIONED}
    entities = tables["entities"]
    with DatasetWriter(root, manifest=manifest, keep_previous_for=keep_previous_for) as writer:
        writer.write_batch(batch)
        writer.write_table("entities", entities)
        return writer.commit()
