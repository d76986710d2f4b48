"""A store that lost its CURRENT file is recognised as one, and the newest complete version is named."""

from __future__ import annotations

from pathlib import Path

from newsbrief.store import CURRENT, lost_current, write_dataset
from storedata import corpus


def test_the_newest_complete_version_is_named(tmp_path: Path) -> None:
    store = tmp_path / "store"
    older = write_dataset(store, corpus(), manifest={}, keep_previous_for=3600)
    newer = write_dataset(store, corpus(6), manifest={}, keep_previous_for=3600)
    (store / CURRENT).unlink()
    assert f"the newest complete version is {newer.name}" in (lost_current(store) or "")
    next(p for p in newer.rglob("*.parquet")).unlink()  # the newer version is damaged: the older one is named
    assert f"the newest complete version is {older.name}" in (lost_current(store) or "")


def test_a_store_with_current_and_other_folders_are_not_lost(tmp_path: Path) -> None:
    store = tmp_path / "store"
    write_dataset(store, corpus(), manifest={})
    assert lost_current(store) is None
    (tmp_path / "pages").mkdir()
    assert lost_current(tmp_path / "pages") is None
