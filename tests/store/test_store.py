"""The Parquet store: versions behind CURRENT, atomic writes, the per-article cache."""

from __future__ import annotations

import logging
from pathlib import Path

import pandas as pd
import pytest

from newsbrief.errors import StoreError
from newsbrief.store import CURRENT, TABLES, Cache, is_store, read_dataset, read_manifest, write_dataset


def tables(n: int) -> dict[str, pd.DataFrame]:
    out = {name: pd.DataFrame({"article_id": [f"a{i}" for i in range(n)], "x": list(range(n))}) for name in TABLES}
    return out


def batch(*hashes: str) -> dict[str, pd.DataFrame]:
    index = pd.DataFrame({"content_hash": list(hashes)})
    rows = pd.DataFrame({"content_hash": list(hashes), "start": [0] * len(hashes)})
    return {"index": index, "mentions": rows, "quotes": rows.copy(), "sentences": rows.copy()}


def test_round_trip_and_manifest(tmp_path: Path) -> None:
    folder = write_dataset(tmp_path, tables(3), manifest={"fingerprint": "f"})
    assert is_store(tmp_path) and folder.parent == tmp_path
    back = read_dataset(tmp_path)
    pd.testing.assert_frame_equal(back["mentions"], tables(3)["mentions"])
    manifest = read_manifest(tmp_path)
    assert manifest["fingerprint"] == "f" and manifest["tables"]["articles"] == 3


def test_new_version_replaces_the_old_one(tmp_path: Path) -> None:
    first = write_dataset(tmp_path, tables(1), manifest={})
    second = write_dataset(tmp_path, tables(2), manifest={})
    assert (tmp_path / CURRENT).read_text().strip() == second.name
    assert not first.exists()
    assert len(read_dataset(tmp_path)["articles"]) == 2


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
    (cache.dir / ".batch-x.tmp").mkdir()  # a run killed while writing
    broken = cache.dir / "batch-zzz"
    broken.mkdir()
    (broken / "index.parquet").write_bytes(b"not parquet")
    with caplog.at_level(logging.WARNING):
        assert cache.known_hashes() == {"h1"}
    assert "unreadable cache batch" in caplog.text
    cache.clean_stale()
    assert not (cache.dir / ".batch-x.tmp").exists()
    assert set(cache.read({"h1"})["index"]["content_hash"]) == {"h1"}
