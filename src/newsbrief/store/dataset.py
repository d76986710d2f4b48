"""The annotation store: Parquet tables, a per-article cache, atomic writes, checksums, locks.

Layout of a store folder::

    DIR/CURRENT                  name of the live dataset version (replaced atomically)
    DIR/v-<stamp>/<table>.parquet, manifest.json   one complete dataset version
    DIR/cache/<fingerprint>/batch-<id>/<table>.parquet, manifest.json   annotations keyed by content hash
    DIR/.lock                    held while a dataset version is written (one writer at a time)

A dataset version is written into a fresh folder and only then named in ``CURRENT``, so a
run killed half-way leaves the previous dataset readable. The version it replaces is kept for
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
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import StoreError
from .integrity import (
    MANIFEST,
    expected_of,
    has_checksums,
    read_manifest_file,
    read_table,
    verify_file,
    write_table,
)
from .lock import is_abandoned, locked, remove_quietly, writer_tag

log = logging.getLogger(__name__)

TABLES: tuple[str, ...] = ("articles", "mentions", "entities", "quotes", "sentences")
CACHE_TABLES: tuple[str, ...] = ("index", "mentions", "quotes", "sentences")
CURRENT = "CURRENT"
LOCK = ".lock"
SUPERSEDED = ".superseded"
#: A replaced dataset version is removed by the first write after it has been replaced this long (seconds).
GRACE_SECONDS = 600.0

_unverified_warned: set[str] = set()


def is_store(path: str | Path) -> bool:
    return (Path(path) / CURRENT).is_file()


def _prune_versions(root: Path, *, current: str, grace: float) -> None:
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


def write_dataset(
    root: str | Path, tables: Mapping[str, pd.DataFrame], *, manifest: Mapping[str, Any],
    keep_previous_for: float = GRACE_SECONDS,
) -> Path:
    """Write a complete dataset version under ``root`` and make it current; return its folder.

    One writer at a time per store (a lock file); the replaced version stays on disk for
    ``keep_previous_for`` seconds, and temporary folders of killed writers are removed.
    """
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    with locked(root / LOCK, what=f"the store {root}"):
        for stale in root.glob(".v-*.tmp"):
            remove_quietly(stale)  # no other writer runs while we hold the lock
        for stale in root.glob(f".{CURRENT}.*"):
            remove_quietly(stale)
        version = f"v-{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:6]}"
        tmp = root / f".{version}.tmp"
        tmp.mkdir()
        try:
            files = {f"{name}.parquet": write_table(tables[name], tmp / f"{name}.parquet") for name in TABLES}
            meta = dict(manifest) | {"version": version, "tables": {n: int(len(tables[n])) for n in TABLES},
                                     "files": files}
            (tmp / MANIFEST).write_text(json.dumps(meta, indent=2, default=str), encoding="utf-8")
            final = root / version
            os.replace(tmp, final)
            pointer = root / f".{CURRENT}.{uuid.uuid4().hex[:6]}"
            pointer.write_text(version, encoding="utf-8")
            os.replace(pointer, root / CURRENT)
        except BaseException:
            remove_quietly(tmp)
            raise
        _prune_versions(root, current=version, grace=keep_previous_for)
    return final


def _current_folder(root: Path) -> Path:
    if not is_store(root):
        raise StoreError("not an annotation store (no CURRENT file); create one with `newsbrief annotate`", path=root)
    version = (root / CURRENT).read_text(encoding="utf-8").strip()
    folder = root / version
    if not version or not folder.is_dir():
        raise StoreError(f"CURRENT names dataset version '{version}', which is missing", path=root / CURRENT)
    return folder


def _read_version(folder: Path, tables: Iterable[str]) -> dict[str, pd.DataFrame]:
    meta = read_manifest_file(folder)
    if not has_checksums(meta) and str(folder) not in _unverified_warned:
        _unverified_warned.add(str(folder))
        log.warning("%s was written without checksums (an older newsbrief): only its row counts are checked; "
                    "writing it again (`newsbrief annotate` or `newsbrief run`) adds them", folder)
    return {name: read_table(folder / f"{name}.parquet", expected_of(meta, name)) for name in tables}


def read_dataset(root: str | Path, tables: Iterable[str] = TABLES) -> dict[str, pd.DataFrame]:
    """The current dataset of a store as pandas tables, each file checked against the manifest.

    A damaged, missing or truncated file is a :class:`StoreError` naming it.
    """
    root = Path(root)
    names = list(tables)
    for attempt in (1, 2):
        folder = _current_folder(root)
        try:
            return _read_version(folder, names)
        except StoreError:
            # A writer replaced CURRENT while we read (and the old version's grace period ran out): read the new one.
            if attempt == 2 or _current_folder(root) == folder:
                raise
    raise AssertionError("unreachable")


def verified_paths(root: str | Path) -> dict[str, Path]:
    """The Parquet file of each table in the current version, every one checked against the manifest."""
    folder = _current_folder(Path(root))
    meta = read_manifest_file(folder)
    out = {}
    for name in TABLES:
        path = folder / f"{name}.parquet"
        read_table(path, expected_of(meta, name), columns=[])
        out[name] = path
    return out


def read_manifest(root: str | Path) -> dict[str, Any]:
    return read_manifest_file(_current_folder(Path(root)))


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

    def write_batch(self, tables: Mapping[str, pd.DataFrame]) -> Path:
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

    def read(self, hashes: set[str]) -> dict[str, pd.DataFrame]:
        """Cached rows of the given content hashes (first batch wins for a hash seen twice).

        Every file read is verified; a batch damaged since :meth:`known_hashes` is a StoreError.
        """
        parts: dict[str, list[pd.DataFrame]] = {t: [] for t in CACHE_TABLES}
        taken: set[str] = set()
        for batch in self.batches():
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
