"""Checksums of table files: recorded when a file is written, verified when it is read.

Each Parquet file of a dataset version (and of a cache batch) is described in its folder's
``manifest.json`` by its size, a SHA-256 of its bytes and its row count. Reading a table reads the
file's bytes once, checks size and hash, parses the same bytes and checks the row count, so a
flipped byte is a :class:`StoreError` naming the file instead of a table with other values.
Files written before checksums were recorded are read with the row count checked only.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import StoreError

HASH = "sha256"  # hashlib's SHA-256 is the fastest of its hashes here (~2 GB/s), and a standard one
MANIFEST = "manifest.json"


def write_table(frame: pd.DataFrame, path: Path) -> dict[str, Any]:
    """Write ``frame`` as Parquet to ``path``; return its entry for the manifest's ``files``."""
    sink = pa.BufferOutputStream()
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), sink)
    data = sink.getvalue().to_pybytes()
    with path.open("wb") as out:
        out.write(data)
        out.flush()
    return {"size": len(data), HASH: hashlib.sha256(data).hexdigest(), "rows": int(len(frame))}


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


def expected_of(meta: Mapping[str, Any], table: str) -> dict[str, Any]:
    """What the manifest says of ``table``: size/hash (if recorded) and rows (if recorded)."""
    files = meta.get("files")
    entry = dict(files.get(f"{table}.parquet", {})) if isinstance(files, Mapping) else {}
    rows = meta.get("tables", {}).get(table) if isinstance(meta.get("tables"), Mapping) else None
    if "rows" not in entry and isinstance(rows, int):
        entry["rows"] = rows
    return entry


def has_checksums(meta: Mapping[str, Any]) -> bool:
    return isinstance(meta.get("files"), Mapping) and bool(meta["files"])


def verify_file(path: Path, expected: Mapping[str, Any]) -> bytes:
    """The bytes of ``path`` after checking its size and hash against ``expected`` (when recorded)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as e:
        raise StoreError(f"table '{path.stem}' is missing", path=path) from e
    size = expected.get("size")
    if isinstance(size, int) and len(data) != size:
        raise StoreError(f"table '{path.stem}' is damaged: {len(data)} bytes, the manifest says {size}", path=path)
    digest = expected.get(HASH)
    if isinstance(digest, str) and hashlib.sha256(data).hexdigest() != digest:
        raise StoreError(f"table '{path.stem}' is damaged: its checksum does not match the manifest", path=path)
    return data


def read_table(path: Path, expected: Mapping[str, Any], *, columns: list[str] | None = None) -> pd.DataFrame:
    """Read one Parquet file, verified against ``expected`` (size, hash, rows: whichever are recorded)."""
    data = verify_file(path, expected)
    try:
        table = pq.read_table(pa.BufferReader(data), columns=columns)
    except Exception as e:  # noqa: BLE001 - pyarrow raises many types
        raise StoreError(f"table '{path.stem}' is damaged: {type(e).__name__}: {e}", path=path) from e
    rows = expected.get("rows")
    if isinstance(rows, int) and table.num_rows != rows:
        raise StoreError(f"table '{path.stem}' is damaged: {table.num_rows} rows, the manifest says {rows}", path=path)
    try:
        return table.to_pandas()
    except Exception as e:  # noqa: BLE001
        raise StoreError(f"table '{path.stem}' is damaged: {type(e).__name__}: {e}", path=path) from e
