"""The annotation store: Parquet tables, a per-article cache, atomic writes, checksums, locks.

Layout of a store folder::

    DIR/CURRENT                  name of the live dataset version (replaced atomically)
    DIR/v-<stamp>/<table>/month=YYYY-MM/part-<n>.parquet, manifest.json   one complete dataset version
                                 (see :mod:`.layout`; older versions hold one <table>.parquet per table)
    DIR/cache/<fingerprint>/batch-<id>/<table>.parquet, manifest.json   annotations keyed by content hash
    DIR/.lock                    held while a dataset version is written (one writer at a time)

A dataset version is written (:mod:`.writer`) into a fresh folder and only then named in ``CURRENT``,
so a run killed half-way leaves the previous dataset readable. The version it replaces is kept for
a grace period (:data:`GRACE_SECONDS`), so a reader that read the old ``CURRENT`` still finds
its files. Every table file is recorded in the manifest with its size, SHA-256 and row count and
verified when read (:mod:`.integrity`). Cache batches are renamed into place when complete; the
next run finds them and annotates only what is missing; a damaged batch is dropped and its
articles are annotated again.
"""

from __future__ import annotations

import json
import logging
import os
import time
import uuid
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd
import pyarrow as pa

from ..errors import StoreError
from .integrity import (
    MANIFEST,
    check_rows,
    expected_of,
    has_checksums,
    read_arrow,
    read_manifest_file,
    read_table,
    to_pandas,
    verify_file,
    write_table,
)
from .layout import CURRENT, GRACE_SECONDS, TABLES, part_number, table_of
from .lock import is_abandoned, remove_quietly, writer_tag
from .rollups import keep_verified, still_verified, verified_files
from .writer import write_dataset

log = logging.getLogger(__name__)

CACHE_TABLES: tuple[str, ...] = ("index", "mentions", "quotes", "sentences")

_unverified_warned: set[str] = set()
T = TypeVar("T")

__all__ = ["CACHE_TABLES", "CURRENT", "GRACE_SECONDS", "TABLES", "Cache", "is_store", "lost_current", "read_dataset",
           "read_manifest", "table_files", "write_dataset"]


def is_store(path: str | Path) -> bool:
    return (Path(path) / CURRENT).is_file()


def lost_current(path: str | Path) -> str | None:
    """When ``path`` is a store folder whose CURRENT file is gone (dataset versions with manifests, no CURRENT),
    the message that says so and how to recover; None otherwise (a store, or any other folder)."""
    root = Path(path)
    if not root.is_dir() or (root / CURRENT).exists():
        return None
    # Newest first: by when the manifest was written (two versions of one second share their name's stamp).
    versions = sorted((p.parent for p in root.glob("v-*/" + MANIFEST)),
                      key=lambda p: ((p / MANIFEST).stat().st_mtime_ns, p.name), reverse=True)
    if not versions:
        return None
    complete = next((v for v in versions if _complete(v)), None)
    restore = (f"the newest complete version is {complete.name}: restore the pointer with "
               f"`printf {complete.name} > {root / CURRENT}`" if complete is not None
               else "no version is complete: annotate the inputs again (`newsbrief annotate`)")
    return (f"this annotation store lost its CURRENT file (the pointer to its live dataset version); {restore}, "
            "then run again")


def _complete(folder: Path) -> bool:
    """Every file the version's manifest lists is there with the recorded size (no checksum: that is for reads)."""
    try:
        meta = read_manifest_file(folder)
    except StoreError:
        return False
    files = meta.get("files")
    if not isinstance(files, Mapping) or not files:
        return False
    for key, info in files.items():
        size = info.get("size") if isinstance(info, Mapping) else None
        path = folder / key
        if not path.is_file() or (isinstance(size, int) and path.stat().st_size != size):
            return False
    return True


def current_folder(root: Path) -> Path:
    """The folder of the store's current dataset version (a StoreError when the store or the version is missing)."""
    if not is_store(root):
        raise StoreError("not an annotation store (no CURRENT file); create one with `newsbrief annotate`", path=root)
    version = (root / CURRENT).read_text(encoding="utf-8").strip()
    folder = root / version
    if not version or not folder.is_dir():
        raise StoreError(f"CURRENT names dataset version '{version}', which is missing", path=root / CURRENT)
    return folder


def _manifest(folder: Path) -> dict[str, Any]:
    meta = read_manifest_file(folder)
    if not has_checksums(meta) and str(folder) not in _unverified_warned:
        _unverified_warned.add(str(folder))
        log.warning("%s was written without checksums (an older newsbrief): only its row counts are checked; "
                    "writing it again (`newsbrief annotate` or `newsbrief run`) adds them", folder)
    return meta


Part = tuple[Path, dict[str, Any]]


def _parts(folder: Path, meta: Mapping[str, Any], table: str) -> list[Part]:
    """The files of ``table`` in a version with what the manifest says of each, in the order written."""
    files = meta.get("files")
    keys = [k for k in files if table_of(k) == table] if has_checksums(meta) and isinstance(files, Mapping) else []
    if not keys:  # one file per table (older versions), or a table the manifest lost: reading names what is wrong
        return [(folder / f"{table}.parquet", expected_of(meta, table))]
    keys.sort(key=lambda k: (part_number(k), k))
    return [(folder / k, expected_of(meta, table, k)) for k in keys]


def _read_parts(table: str, parts: list[Part], columns: list[str] | None = None) -> pd.DataFrame:
    pieces = [read_arrow(path, expected, columns=columns, table=table) for path, expected in parts]
    data = pieces[0] if len(pieces) == 1 else pa.concat_tables(pieces, promote_options="default")
    del pieces
    return to_pandas(data, path=parts[0][0], table=table)


def _current(root: Path, read: Callable[[Path], T]) -> T:
    for attempt in (1, 2):
        folder = current_folder(root)
        try:
            return read(folder)
        except StoreError:
            # A writer replaced CURRENT while we read (and the old version's grace period ran out): read the new one.
            if attempt == 2 or current_folder(root) == folder:
                raise
    raise AssertionError("unreachable")


def read_dataset(root: str | Path, tables: Iterable[str] = TABLES, *,
                 columns: list[str] | None = None) -> dict[str, pd.DataFrame]:
    """The current dataset of a store as pandas tables (each table's parts in the order written; only ``columns``
    when given), every file checked against the manifest.

    A damaged, missing or truncated file is a :class:`StoreError` naming it.
    """
    names = list(tables)

    def read(folder: Path) -> dict[str, pd.DataFrame]:
        meta = _manifest(folder)
        return {name: _read_parts(name, _parts(folder, meta, name), columns) for name in names}

    return _current(Path(root), read)


def table_files(root: str | Path) -> dict[str, list[Path]]:
    """The Parquet files of each table in the store's current version, in the order written, after checking
    every file's size and SHA-256 against the manifest (streamed; older versions: the row counts). A file is hashed
    once: the store's roll-ups record it as verified (:func:`~.rollups.keep_verified`), and later reads check that
    it is still the same file (inode, size, modification time) instead of hashing it again."""

    def files(folder: Path) -> dict[str, list[Path]]:
        meta = _manifest(folder)
        known = verified_files(Path(root), folder) if has_checksums(meta) else {}
        hashed: list[str] = []
        out: dict[str, list[Path]] = {}
        for name in TABLES:
            parts = _parts(folder, meta, name)
            for path, expected in parts:
                key = path.relative_to(folder).as_posix()
                if not has_checksums(meta):
                    check_rows(path, expected, table=name)
                elif not still_verified(path, known.get(key)):
                    verify_file(path, expected, table=name)
                    hashed.append(key)
            out[name] = [path for path, _ in parts]
        if hashed:
            keep_verified(Path(root), folder, sorted(set(known) | set(hashed)))
        return out

    return _current(Path(root), files)


def read_manifest(root: str | Path) -> dict[str, Any]:
    return read_manifest_file(current_folder(Path(root)))


class Cache:
    """Per-article annotations keyed by content hash, under one pipeline fingerprint.

    Each batch folder holds a ``manifest.json`` with the size, SHA-256 and rows of its files
    (batches from older versions have none and are checked by parsing them).
    """

    def __init__(self, root: str | Path, fingerprint: str) -> None:
        self.fingerprint = fingerprint
        self.dir = Path(root) / "cache" / fingerprint
        self.dir.mkdir(parents=True, exist_ok=True)

    def batches(self) -> list[Path]:
        return sorted(p for p in self.dir.glob("batch-*") if p.is_dir())

    @staticmethod
    def _meta(batch: Path) -> dict[str, Any]:
        return read_manifest_file(batch) if (batch / MANIFEST).exists() else {}

    def _check(self, batch: Path) -> set[str]:
        """The content hashes of a batch after checking every file of it; StoreError if damaged."""
        meta = self._meta(batch)
        for table in CACHE_TABLES[1:]:
            path = batch / f"{table}.parquet"
            if has_checksums(meta):
                verify_file(path, expected_of(meta, table))
            else:
                read_table(path, expected_of(meta, table), columns=[])
        index = read_table(batch / "index.parquet", expected_of(meta, "index"), columns=["content_hash"])
        return set(index["content_hash"])

    def known_hashes(self) -> set[str]:
        """Content hashes cached here. Damaged batches are dropped (one warning) so their articles are
        annotated again."""
        hashes: set[str] = set()
        damaged: list[str] = []
        for batch in self.batches():
            try:
                hashes |= self._check(batch)
            except StoreError as e:
                damaged.append(f"{batch.name} ({e.message}: {Path(e.path or batch).name})")
                aside = self.dir / f".damaged-{batch.name}-{uuid.uuid4().hex[:6]}"
                try:
                    os.replace(batch, aside)
                except OSError:
                    continue  # another run dropped it first
                remove_quietly(aside)
        if damaged:
            log.warning("dropped %d damaged cache batch(es) in %s, their articles are annotated again: %s",
                        len(damaged), self.dir, "; ".join(damaged))
        return hashes

    @staticmethod
    def as_arrow(tables: Mapping[str, pd.DataFrame | pa.Table]) -> dict[str, pa.Table]:
        """A batch's tables as written to its files (what :meth:`write_batch` writes and :meth:`read` takes as
        ``fresh``): converting once serves both."""
        return {t: tables[t] if isinstance(tables[t], pa.Table)
                else pa.Table.from_pandas(tables[t], preserve_index=False) for t in CACHE_TABLES}

    def write_batch(self, tables: Mapping[str, pd.DataFrame | pa.Table]) -> Path:
        """Write one batch atomically (folder renamed into place when complete), with its manifest."""
        name = f"batch-{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}"
        tmp = self.dir / f".{name}-{writer_tag()}.tmp"
        tmp.mkdir()
        try:
            files = {f"{t}.parquet": write_table(tables[t], tmp / f"{t}.parquet") for t in CACHE_TABLES}
            meta = {"files": files, "tables": {t: entry["rows"] for t, entry in zip(CACHE_TABLES, files.values())}}
            (tmp / MANIFEST).write_text(json.dumps(meta, indent=2), encoding="utf-8")
            os.replace(tmp, self.dir / name)
        except BaseException:
            remove_quietly(tmp)
            raise
        return self.dir / name

    def read(self, hashes: set[str], *, fresh: Iterable[Mapping[str, pa.Table]] = ()) -> dict[str, pd.DataFrame]:
        """Cached rows of the given content hashes (first batch wins for a hash seen twice).

        ``fresh``: batches this process has just written (:meth:`as_arrow` of what :meth:`write_batch` got), taken
        from memory, as they would be read, before the files of the other batches (which are not opened when no
        hash is left). Every file read is verified; a batch damaged since :meth:`known_hashes` is a StoreError.
        """
        parts: dict[str, list[pd.DataFrame]] = {t: [] for t in CACHE_TABLES}
        taken: set[str] = set()
        for tables in fresh:
            index = tables["index"].to_pandas()
            wanted = set(index["content_hash"]) & hashes - taken
            if not wanted:
                continue
            parts["index"].append(index[index["content_hash"].isin(wanted)])
            for table in CACHE_TABLES[1:]:
                frame = tables[table].to_pandas()
                parts[table].append(frame[frame["content_hash"].isin(wanted)])
            taken |= wanted
        for batch in self.batches() if hashes - taken else ():
            meta = self._meta(batch)
            index = read_table(batch / "index.parquet", expected_of(meta, "index"))
            wanted = set(index["content_hash"]) & hashes - taken
            if not wanted:
                continue
            parts["index"].append(index[index["content_hash"].isin(wanted)])
            for table in CACHE_TABLES[1:]:
                frame = read_table(batch / f"{table}.parquet", expected_of(meta, table))
                parts[table].append(frame[frame["content_hash"].isin(wanted)])
            taken |= wanted
        return {t: (pd.concat(f, ignore_index=True) if f else pd.DataFrame()) for t, f in parts.items()}

    def clean_stale(self) -> None:
        """Remove the temporary folders of killed writers (see :func:`.lock.is_abandoned`)."""
        for stale in self.dir.glob(".batch-*.tmp"):
            if is_abandoned(stale):
                remove_quietly(stale)
        for stale in self.dir.glob(".damaged-*"):
            remove_quietly(stale)
