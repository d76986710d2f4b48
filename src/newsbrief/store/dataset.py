"""The annotation store: Parquet tables, a per-article cache, atomic writes.

Layout of a store folder::

    DIR/CURRENT                  name of the live dataset version (replaced atomically)
    DIR/v-<stamp>/<table>.parquet, manifest.json   one complete dataset version
    DIR/cache/<fingerprint>/batch-<id>/<table>.parquet   annotations keyed by content hash

A dataset version is written into a fresh folder and only then named in ``CURRENT``, so a
run killed half-way leaves the previous dataset readable. Cache batches are renamed into
place when complete; the next run finds them and annotates only what is missing.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import time
import uuid
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import StoreError

log = logging.getLogger(__name__)

TABLES: tuple[str, ...] = ("articles", "mentions", "entities", "quotes", "sentences")
CACHE_TABLES: tuple[str, ...] = ("index", "mentions", "quotes", "sentences")
CURRENT = "CURRENT"


def _write_parquet(frame: pd.DataFrame, path: Path) -> None:
    table = pa.Table.from_pandas(frame, preserve_index=False)
    pq.write_table(table, path)


def is_store(path: str | Path) -> bool:
    return (Path(path) / CURRENT).is_file()


def write_dataset(root: str | Path, tables: Mapping[str, pd.DataFrame], *, manifest: Mapping[str, Any]) -> Path:
    """Write a complete dataset version under ``root`` and make it current; return its folder."""
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    version = f"v-{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:6]}"
    tmp = root / f".{version}.tmp"
    tmp.mkdir()
    try:
        for name in TABLES:
            _write_parquet(tables[name], tmp / f"{name}.parquet")
        meta = dict(manifest) | {"version": version, "tables": {n: int(len(tables[n])) for n in TABLES}}
        (tmp / "manifest.json").write_text(json.dumps(meta, indent=2, default=str), encoding="utf-8")
        final = root / version
        os.replace(tmp, final)
        pointer = root / f".{CURRENT}.{uuid.uuid4().hex[:6]}"
        pointer.write_text(version, encoding="utf-8")
        previous = (root / CURRENT).read_text(encoding="utf-8").strip() if is_store(root) else None
        os.replace(pointer, root / CURRENT)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if previous and previous != version:
        shutil.rmtree(root / previous, ignore_errors=True)
    for stale in root.glob(".v-*.tmp"):
        shutil.rmtree(stale, ignore_errors=True)
    return final


def read_dataset(root: str | Path, tables: Iterable[str] = TABLES) -> dict[str, pd.DataFrame]:
    """The current dataset of a store as pandas tables."""
    root = Path(root)
    if not is_store(root):
        raise StoreError("not an annotation store (no CURRENT file); create one with `newsbrief annotate`", path=root)
    folder = root / (root / CURRENT).read_text(encoding="utf-8").strip()
    out: dict[str, pd.DataFrame] = {}
    for name in tables:
        path = folder / f"{name}.parquet"
        try:
            out[name] = pd.read_parquet(path)
        except Exception as e:  # noqa: BLE001 - pyarrow raises many types
            raise StoreError(f"cannot read table '{name}': {e}", path=path) from e
    return out


def read_manifest(root: str | Path) -> dict[str, Any]:
    root = Path(root)
    if not is_store(root):
        raise StoreError("not an annotation store", path=root)
    folder = root / (root / CURRENT).read_text(encoding="utf-8").strip()
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))


class Cache:
    """Per-article annotations keyed by content hash, under one pipeline fingerprint."""

    def __init__(self, root: str | Path, fingerprint: str) -> None:
        self.fingerprint = fingerprint
        self.dir = Path(root) / "cache" / fingerprint
        self.dir.mkdir(parents=True, exist_ok=True)

    def batches(self) -> list[Path]:
        return sorted(p for p in self.dir.glob("batch-*") if p.is_dir())

    def known_hashes(self) -> set[str]:
        hashes: set[str] = set()
        for batch in self.batches():
            try:
                index = pq.read_table(batch / "index.parquet", columns=["content_hash"])
            except Exception as e:  # noqa: BLE001
                log.warning("ignoring unreadable cache batch %s: %s", batch, e)
                continue
            hashes.update(index.column("content_hash").to_pylist())
        return hashes

    def write_batch(self, tables: Mapping[str, pd.DataFrame]) -> Path:
        """Write one batch atomically (folder renamed into place when complete)."""
        name = f"batch-{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}"
        tmp = self.dir / f".{name}.tmp"
        tmp.mkdir()
        try:
            for table in CACHE_TABLES:
                _write_parquet(tables[table], tmp / f"{table}.parquet")
            os.replace(tmp, self.dir / name)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        return self.dir / name

    def read(self, hashes: set[str]) -> dict[str, pd.DataFrame]:
        """Cached rows of the given content hashes (first batch wins for a hash seen twice)."""
        parts: dict[str, list[pd.DataFrame]] = {t: [] for t in CACHE_TABLES}
        taken: set[str] = set()
        for batch in self.batches():
            try:
                index = pd.read_parquet(batch / "index.parquet")
            except Exception:  # noqa: BLE001 - unreadable batches were reported by known_hashes
                continue
            wanted = set(index["content_hash"]) & hashes - taken
            if not wanted:
                continue
            for table in CACHE_TABLES:
                frame = pd.read_parquet(batch / f"{table}.parquet")
                parts[table].append(frame[frame["content_hash"].isin(wanted)])
            taken |= wanted
        return {t: (pd.concat(f, ignore_index=True) if f else pd.DataFrame()) for t, f in parts.items()}

    def clean_stale(self) -> None:
        for stale in self.dir.glob(".batch-*.tmp"):
            shutil.rmtree(stale, ignore_errors=True)
