"""The Parquet store: versions behind CURRENT, atomic writes, the per-article cache."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from newsbrief.errors import StoreError
from newsbrief.store import CURRENT, TABLES, Cache, is_store, read_dataset, read_manifest, table_files, write_dataset
from storedata import old_store


def tables(n: int) -> dict[str, pd.DataFrame]:
    out = {name: pd.DataFrame({"article_id": [f"a{i}" for i in range(n)], "x": list(range(n))}) for name in TABLES}
    return out


def batch(*hashes: str) -> dict[str, pd.DataFrame]:
    index = pd.DataFrame({"content_hash": list(hashes)})
    rows = pd.DataFrame({"content_hash": list(hashes), "start": [0] * len(hashes)})
    return {"index": index, "mentions": rows, "quotes": rows.copy(), "sentences": rows.copy()}


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def part_of(folder: Path, name: str) -> Path:
    """The one file of ``name`` in a dataset version (all rows of these tests are undated: one part)."""
    (path,) = sorted((folder / name).rglob("*.parquet"))
    return path


def flip(path: Path, at: int) -> None:
    data = bytearray(path.read_bytes())
    data[at] ^= 0x01
    path.write_bytes(bytes(data))


def test_round_trip_and_manifest(tmp_path: Path) -> None:
    folder = write_dataset(tmp_path, tables(3), manifest={"fingerprint": "f"})
    assert is_store(tmp_path) and folder.parent == tmp_path
    back = read_dataset(tmp_path)
    pd.testing.assert_frame_equal(back["mentions"], tables(3)["mentions"])
    manifest = read_manifest(tmp_path)
    assert manifest["fingerprint"] == "f" and manifest["tables"]["articles"] == 3


def test_new_version_replaces_the_old_one_after_a_grace_period(tmp_path: Path) -> None:
    first = write_dataset(tmp_path, tables(1), manifest={})
    second = write_dataset(tmp_path, tables(2), manifest={})
    assert (tmp_path / CURRENT).read_text().strip() == second.name
    assert len(read_dataset(tmp_path)["articles"]) == 2
    # A reader that read the old CURRENT still finds its files during the grace period ...
    assert first.is_dir() and part_of(first, "articles").is_file()
    write_dataset(tmp_path, tables(3), manifest={})
    assert first.is_dir() and second.is_dir()
    # ... and a write after it has passed removes them (here: a grace period of 0 s).
    third = write_dataset(tmp_path, tables(4), manifest={}, keep_previous_for=0)
    assert sorted(p.name for p in tmp_path.glob("v-*")) == [third.name]


def test_a_failed_write_keeps_the_previous_version(tmp_path: Path) -> None:
    write_dataset(tmp_path, tables(1), manifest={})
    broken = tables(2)
    del broken["quotes"]
    with pytest.raises(KeyError):
        write_dataset(tmp_path, broken, manifest={})
    assert len(read_dataset(tmp_path)["articles"]) == 1
    assert not list(tmp_path.glob(".v-*.tmp"))


def test_not_a_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="not an annotation store"):
        read_dataset(tmp_path)


def test_cache_batches_known_hashes_and_read(tmp_path: Path) -> None:
    cache = Cache(tmp_path, "fp1")
    cache.write_batch(batch("h1", "h2"))
    cache.write_batch(batch("h3"))
    assert cache.known_hashes() == {"h1", "h2", "h3"}
    rows = cache.read({"h1", "h3"})
    assert sorted(rows["mentions"]["content_hash"]) == ["h1", "h3"]
    assert Cache(tmp_path, "fp2").known_hashes() == set()  # other fingerprint, other cache


def test_a_hash_cached_twice_is_read_once(tmp_path: Path) -> None:
    cache = Cache(tmp_path, "fp")
    cache.write_batch(batch("h1"))
    cache.write_batch(batch("h1"))
    assert len(cache.read({"h1"})["sentences"]) == 1


def test_unfinished_and_unreadable_batches_are_ignored(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    cache = Cache(tmp_path, "fp")
    cache.write_batch(batch("h1"))
    killed = cache.dir / f".batch-x-p{dead_pid()}.tmp"  # a run killed while writing
    killed.mkdir()
    live = cache.dir / f".batch-y-p{os.getpid()}.tmp"  # a run writing now
    live.mkdir()
    for folder in (killed, live):
        os.utime(folder, (time.time() - 120, time.time() - 120))
    broken = cache.dir / "batch-zzz"
    broken.mkdir()
    (broken / "index.parquet").write_bytes(b"not parquet")
    with caplog.at_level(logging.WARNING):
        assert cache.known_hashes() == {"h1"}
    assert "dropped 1 damaged cache batch" in caplog.text and "batch-zzz" in caplog.text
    assert not broken.exists()
    cache.clean_stale()
    assert not killed.exists() and live.exists()
    assert set(cache.read({"h1"})["index"]["content_hash"]) == {"h1"}


# ---------------------------------------------------------------- damage is noticed (issue 16, item 5)
@pytest.mark.parametrize("name", TABLES)
def test_a_flipped_byte_in_any_table_file_is_a_store_error_naming_it(tmp_path: Path, name: str) -> None:
    folder = write_dataset(tmp_path / "store", tables(50), manifest={})
    path = part_of(folder, name)
    key = path.relative_to(folder).as_posix()
    original = path.read_bytes()
    manifest = read_manifest(tmp_path / "store")
    assert manifest["files"][key]["size"] == len(original)
    assert len(manifest["files"][key]["sha256"]) == 64
    for at in range(0, len(original), max(1, len(original) // 12)):  # header, pages, footer, magic
        path.write_bytes(original)
        flip(path, at)
        with pytest.raises(StoreError, match="damaged") as info:
            read_dataset(tmp_path / "store")
        assert str(path) in str(info.value)
        with pytest.raises(StoreError, match="damaged"):
            table_files(tmp_path / "store")  # what `newsbrief query` and the lab read
    path.write_bytes(original)
    assert len(read_dataset(tmp_path / "store")[name]) == 50


def test_truncated_missing_and_padded_files_are_store_errors(tmp_path: Path) -> None:
    folder = write_dataset(tmp_path, tables(5), manifest={})
    path = part_of(folder, "quotes")
    original = path.read_bytes()
    path.write_bytes(original[:-10])
    with pytest.raises(StoreError, match="bytes, the manifest says"):
        read_dataset(tmp_path)
    path.write_bytes(original + b"\0")
    with pytest.raises(StoreError, match="bytes, the manifest says"):
        read_dataset(tmp_path)
    path.unlink()
    with pytest.raises(StoreError, match="missing") as info:
        read_dataset(tmp_path)
    assert str(path) in str(info.value)
    (folder / "manifest.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(StoreError, match="manifest is damaged"):
        read_dataset(tmp_path)


def test_an_old_store_without_checksums_still_reads_and_row_counts_are_checked(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    old_store(tmp_path, tables(4), checksums=False)  # as written before checksums were recorded
    folder = tmp_path / "v-old"
    meta = json.loads((folder / "manifest.json").read_text())
    with caplog.at_level(logging.WARNING):
        assert len(read_dataset(tmp_path)["articles"]) == 4
        read_dataset(tmp_path)
    assert caplog.text.count("without checksums") == 1  # said once
    meta["tables"]["mentions"] = 5
    (folder / "manifest.json").write_text(json.dumps(meta))
    with pytest.raises(StoreError, match="4 rows, the manifest says 5") as info:
        read_dataset(tmp_path)
    assert "mentions.parquet" in str(info.value)


def test_a_flipped_byte_in_a_cache_batch_drops_the_batch(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    cache = Cache(tmp_path, "fp")
    cache.write_batch(batch("h1", "h2"))
    damaged = cache.write_batch(batch("h3"))
    path = damaged / "sentences.parquet"
    flip(path, len(path.read_bytes()) // 2)
    with caplog.at_level(logging.WARNING):
        assert cache.known_hashes() == {"h1", "h2"}  # h3 is annotated again
        assert cache.known_hashes() == {"h1", "h2"}
    assert caplog.text.count("dropped 1 damaged cache batch") == 1
    assert "sentences.parquet" in caplog.text and damaged.name in caplog.text
    assert not damaged.exists() and not list(cache.dir.glob(".damaged-*"))
    assert set(cache.read({"h1", "h2", "h3"})["sentences"]["content_hash"]) == {"h1", "h2"}


def test_stale_temporary_versions_are_removed_by_the_next_write(tmp_path: Path) -> None:
    write_dataset(tmp_path, tables(1), manifest={})
    (tmp_path / ".v-killed.tmp").mkdir()
    (tmp_path / f".{CURRENT}.abc123").write_text("v-x")
    write_dataset(tmp_path, tables(2), manifest={})
    assert not (tmp_path / ".v-killed.tmp").exists() and not (tmp_path / f".{CURRENT}.abc123").exists()
