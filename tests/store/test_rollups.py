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


def _write(root: Path, tables: dict, *, grace: float) -> Path:
    from newsbrief.store import DatasetWriter

    from ..storedata import batches

    with DatasetWriter(root, manifest={"test": True}, keep_previous_for=grace) as writer:
        for chunk in batches(tables, 40):
            writer.write_batch(chunk)
        writer.write_table("entities", tables["entities"])
    assert writer.folder is not None
    return writer.folder


def _one_month_changed(tables: dict) -> dict:
    import pandas as pd

    changed = tables["articles"].copy()
    month = pd.to_datetime(changed["published"], utc=True).dt.strftime("%Y-%m")
    changed.loc[month == month.dropna().iloc[0], "title"] = "changed"
    return {**tables, "articles": changed}


@pytest.mark.parametrize("grace", [0.0, 600.0])
def test_rollups_no_kept_version_can_read_are_pruned_when_a_version_is_written(tmp_path: Path, grace: float) -> None:
    from newsbrief.analysis.db_rollup import RollupDb
    from newsbrief.store.rollups import rollup_version, version_digests
    from randomcorpus import random_tables

    store = tmp_path / "store"
    tables = random_tables()
    first = _write(store, tables, grace=grace)
    db = RollupDb.open(store)
    assert isinstance(db, RollupDb)
    db.partials("SELECT count(*) AS n FROM articles")
    old = {digest for digest, _ in db.parts}
    assert old == version_digests(first)
    db.rollups.files("k", ["a.txt"], None, lambda into: (into / "a.txt").write_text("a"), parts=sorted(old))
    stale_code = store / ROLLUPS / "0123456789abcdef"
    (stale_code / "part").mkdir(parents=True)
    os.utime(stale_code, (time.time() - 3600, time.time() - 3600))
    record = store / ROLLUPS / "verified" / f"{first.name}-0123456789abcdef.json"  # files hashed once
    record.parent.mkdir(parents=True, exist_ok=True)
    record.write_text("{}", encoding="utf-8")
    second = _write(store, _one_month_changed(tables), grace=grace)
    new = version_digests(second)
    assert len(new - old) == 1 and len(old - new) == 1
    parts = {p.name for p in (store / ROLLUPS / rollup_version()).iterdir() if p.name != "files"}
    kept_files = (store / ROLLUPS / rollup_version() / "files" / "k").is_dir()
    if grace:  # the replaced version is still on disk (a reader may be using it): its roll-ups stay
        assert parts == old and kept_files and record.exists()
    else:
        assert parts == old & new and not kept_files and not record.exists()
        assert not first.exists()
    assert not stale_code.exists()


def test_a_runs_linked_data_never_prunes_the_stores_rollups(tmp_path: Path) -> None:
    from newsbrief.analysis.db_rollup import RollupDb
    from newsbrief.store.link import link_dataset
    from newsbrief.store.rollups import prune_rollups
    from randomcorpus import random_tables

    store = tmp_path / "store"
    _write(store, random_tables(), grace=0.0)
    data = link_dataset(store, tmp_path / "run" / "data")
    (data.resolve() / ROLLUPS / "0123456789abcdef").mkdir(parents=True)  # another code version's, old
    os.utime(store / ROLLUPS / "0123456789abcdef", (time.time() - 3600, time.time() - 3600))
    db = RollupDb.open(store)
    assert isinstance(db, RollupDb)
    db.partials("SELECT count(*) AS n FROM articles")
    before = sorted((store / ROLLUPS).rglob("*"))
    assert prune_rollups(data, grace=0.0) == 0
    assert sorted((store / ROLLUPS).rglob("*")) == before
