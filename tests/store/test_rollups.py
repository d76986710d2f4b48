"""Roll-ups on disk: a partial result is kept once and read back, a damaged one is noticed and computed again,
concurrent briefings compute each once, a read-only store still answers, and store files are hashed once and
checked by their stat afterwards (a replaced or rewritten file is hashed again)."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pyarrow as pa
import pytest

from newsbrief.errors import StoreError
from newsbrief.store import table_files
from newsbrief.store.dataset import current_folder
from newsbrief.store.rollups import ROLLUPS, Rollups, verified_files

from ..storedata import corpus, write_in_batches

SQL = "SELECT 1 AS x"


def table(n: int) -> pa.Table:
    return pa.table({"x": list(range(n))})


def test_a_rollup_is_computed_once_then_read(tmp_path: Path) -> None:
    calls = []
    rollups = Rollups(tmp_path)
    for _ in range(3):
        got = rollups.get("part", SQL, lambda: calls.append(1) or table(3))
        assert got.equals(table(3))
    assert len(calls) == 1
    assert Rollups(tmp_path).get("part", SQL, lambda: table(9)).equals(table(3))  # another process: kept on disk
    assert Rollups(tmp_path).get("other", SQL, lambda: table(4)).equals(table(4))  # another part: its own


@pytest.mark.parametrize("damage", [b"", b"PAR1 not a parquet file", None])
def test_a_damaged_rollup_is_computed_again(tmp_path: Path, damage: bytes | None,
                                            caplog: pytest.LogCaptureFixture) -> None:
    Rollups(tmp_path).get("part", SQL, lambda: table(3))
    [path] = (tmp_path / ROLLUPS).rglob("*.parquet")
    data = path.read_bytes()
    path.write_bytes(damage if damage is not None else data[:20] + bytes([data[20] ^ 1]) + data[21:])
    assert Rollups(tmp_path).get("part", SQL, lambda: table(5)).equals(table(5))
    assert "damaged" in caplog.text
    assert Rollups(tmp_path).get("part", SQL, lambda: table(7)).equals(table(5))


def test_concurrent_briefings_compute_a_rollup_once(tmp_path: Path) -> None:
    calls = []
    results = []

    def slow() -> pa.Table:
        calls.append(1)
        time.sleep(0.3)
        return table(2)

    threads = [threading.Thread(target=lambda: results.append(Rollups(tmp_path).get("p", SQL, slow)))
               for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1 and all(r.equals(table(2)) for r in results)
    assert not [p for p in (tmp_path / ROLLUPS).rglob("*") if p.name.endswith(".tmp")]


def test_a_store_that_cannot_be_written_still_answers(tmp_path: Path) -> None:
    (tmp_path / ROLLUPS).write_text("a file where the folder would be", encoding="utf-8")
    rollups = Rollups(tmp_path)
    assert rollups.get("p", SQL, lambda: table(2)).equals(table(2))
    assert rollups.read_only


def test_store_files_are_hashed_once_then_checked_by_their_stat(tmp_path: Path) -> None:
    store = tmp_path / "store"
    write_in_batches(store, corpus(), size=3)
    folder = current_folder(store)
    old = time.time() - 60
    for path in folder.rglob("*.parquet"):
        os.utime(path, (old, old))
    files = table_files(store)
    known = verified_files(store, folder)
    assert len(known) == sum(len(v) for v in files.values())
    victim = files["articles"][0]
    data = bytearray(victim.read_bytes())
    data[len(data) // 2] ^= 0xFF
    victim.write_bytes(bytes(data))  # same size, a new modification time: hashed again
    with pytest.raises(StoreError, match="checksum"):
        table_files(store)
