"""Checksums of table files: recorded when a file is written, verified when it is read.

Each Parquet file of a dataset version (and of a cache batch) is described in its folder's
``manifest.json`` by its size, a SHA-256 of its bytes and its row count. Reading a file checks its
size, hashes it in 1 MiB chunks (never the whole file in memory), then parses it from the path and
checks the row count, so a flipped byte is a :class:`StoreError` naming the file instead of a table
with other values. Files written before checksums were recorded are read with the row count checked only.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import StoreError

HASH = "sha256"  # hashlib's SHA-256 is the fastest of its hashes here (~2 GB/s), and a standard one
MANIFEST = "manifest.json"


CHUNK = 1 << 20  # bytes hashed at a time


def write_table(frame: pd.DataFrame | pa.Table, path: Path) -> dict[str, Any]:
    """Write ``frame`` as Parquet to ``path``; return its entry for the manifest's ``files``."""
    table = frame if isinstance(frame, pa.Table) else pa.Table.from_pandas(frame, preserve_index=False)
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    data = memoryview(sink.getvalue())  # the file's bytes once, no copy
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        out.write(data)
        out.flush()
    return {"size": data.nbytes, HASH: hashlib.sha256(data).hexdigest(), "rows": int(table.num_rows)}


def read_manifest_file(folder: Path) -> dict[str, Any]:
    """The manifest of a dataset version or cache batch, or a StoreError naming it."""
    path = folder / MANIFEST
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as e:
        raise StoreError("the manifest is missing", path=path) from e
    except (OSError, UnicodeDecodeError, ValueError) as e:
        raise StoreError(f"the manifest is damaged ({type(e).__name__}: {e})", path=path) from e
    if not isinstance(meta, dict):
        raise StoreError("the manifest is damaged (not a JSON object)", path=path)
    return meta


def expected_of(meta: Mapping[str, Any], table: str, key: str | None = None) -> dict[str, Any]:
    """What the manifest says of the file ``key`` (default ``<table>.parquet``): size/hash and rows (if recorded).

    A table stored as one file gets the table's row count when its file entry has none.
    """
    files = meta.get("files")
    key = key or f"{table}.parquet"
    entry = dict(files.get(key, {})) if isinstance(files, Mapping) else {}
    rows = meta.get("tables", {}).get(table) if isinstance(meta.get("tables"), Mapping) else None
    if "rows" not in entry and isinstance(rows, int) and key == f"{table}.parquet":
        entry["rows"] = rows
    return entry


def has_checksums(meta: Mapping[str, Any]) -> bool:
    return isinstance(meta.get("files"), Mapping) and bool(meta["files"])


#: Files this process has verified, by what their stat and the manifest said then: a file is hashed once per
#: process (a run opens its store several times), and again as soon as it is replaced or written to.
_VERIFIED: set[tuple[Any, ...]] = set()
_SETTLED = 2.0


def verify_file(path: Path, expected: Mapping[str, Any], *, table: str | None = None) -> None:
    """Check the size and hash of ``path`` against ``expected`` (when recorded), streaming its bytes (once per
    process while the file's inode, size and modification time stay those it had when verified)."""
    name = table or path.stem
    try:
        stat = path.stat()
        seen = (str(path), stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns, expected.get(HASH))
        if seen in _VERIFIED:
            return
        actual = stat.st_size
        size = expected.get("size")
        if isinstance(size, int) and actual != size:
            raise StoreError(f"table '{name}' is damaged: {actual} bytes, the manifest says {size}", path=path)
        digest = expected.get(HASH)
        if not isinstance(digest, str):
            return
        sha = hashlib.sha256()
        with path.open("rb") as handle:
            while chunk := handle.read(CHUNK):
                sha.update(chunk)
    except FileNotFoundError as e:
        raise StoreError(f"table '{name}' is missing", path=path) from e
    except IsADirectoryError as e:
        raise StoreError(f"table '{name}' is damaged: a folder, not a file", path=path) from e
    if sha.hexdigest() != digest:
        raise StoreError(f"table '{name}' is damaged: its checksum does not match the manifest", path=path)
    if time.time() - stat.st_mtime > _SETTLED:  # a file written just now could change again within one clock tick
        _VERIFIED.add(seen)


def check_rows(path: Path, expected: Mapping[str, Any], *, table: str | None = None) -> None:
    """Parse the footer of ``path`` and check its row count (files recorded without checksums)."""
    name = table or path.stem
    try:
        rows = pq.ParquetFile(path).metadata.num_rows
    except FileNotFoundError as e:
        raise StoreError(f"table '{name}' is missing", path=path) from e
    except Exception as e:  # noqa: BLE001 - pyarrow raises many types
        raise StoreError(f"table '{name}' is damaged: {type(e).__name__}: {e}", path=path) from e
    want = expected.get("rows")
    if isinstance(want, int) and rows != want:
        raise StoreError(f"table '{name}' is damaged: {rows} rows, the manifest says {want}", path=path)


def read_arrow(
    path: Path, expected: Mapping[str, Any], *, columns: list[str] | None = None, table: str | None = None,
) -> pa.Table:
    """One Parquet file as an Arrow table, verified against ``expected`` (size, hash, rows: whichever are recorded)."""
    name = table or path.stem
    verify_file(path, expected, table=name)
    try:
        data = pq.ParquetFile(path).read(columns=columns)
    except FileNotFoundError as e:
        raise StoreError(f"table '{name}' is missing", path=path) from e
    except Exception as e:  # noqa: BLE001 - pyarrow raises many types
        raise StoreError(f"table '{name}' is damaged: {type(e).__name__}: {e}", path=path) from e
    rows = expected.get("rows")
    if isinstance(rows, int) and data.num_rows != rows:
        raise StoreError(f"table '{name}' is damaged: {data.num_rows} rows, the manifest says {rows}", path=path)
    return data


def to_pandas(data: pa.Table, *, path: Path, table: str) -> pd.DataFrame:
    try:
        return data.to_pandas()
    except Exception as e:  # noqa: BLE001
        raise StoreError(f"table '{table}' is damaged: {type(e).__name__}: {e}", path=path) from e


def read_table(
    path: Path, expected: Mapping[str, Any], *, columns: list[str] | None = None, table: str | None = None,
) -> pd.DataFrame:
    """Read one Parquet file, verified against ``expected`` (size, hash, rows: whichever are recorded)."""
    name = table or path.stem
    return to_pandas(read_arrow(path, expected, columns=columns, table=name), path=path, table=name)
