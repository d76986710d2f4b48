"""Roll-ups written with a store: kept with the appendix's files, a new version computes partial results only for
the month partitions that changed (and for a query whose text names articles the whole store's numbers chose), and
a store without checksums is left to be read from its rows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from newsbrief.analysis.db_rollup import RollupDb
from newsbrief.render.appendix import BODY, CSV_FILES
from newsbrief.render.rollups import write_store_rollups
from newsbrief.store.rollups import ROLLUPS
from randomcorpus import random_tables

from ..storedata import old_store, write_in_batches


@pytest.fixture
def computed(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """(part digest, partial query) of each partial computed from a part's rows."""
    parts: list[tuple[str, str]] = []
    compute = RollupDb._compute

    def counted(self: RollupDb, number: int, sql: str) -> Any:
        parts.append((self.parts[number][0], sql))
        return compute(self, number, sql)

    monkeypatch.setattr(RollupDb, "_compute", counted)
    return parts


def test_a_new_version_computes_rollups_only_for_the_months_that_changed(tmp_path: Path,
                                                                          computed: list[tuple[str, str]]) -> None:
    store = tmp_path / "store"
    tables = random_tables()
    write_in_batches(store, tables, size=40)
    assert write_store_rollups(store)
    first = set(computed)
    assert len({digest for digest, _ in first}) == 4
    assert {p.name for p in (store / ROLLUPS).rglob("*") if p.is_file()} >= {*CSV_FILES, BODY}
    computed.clear()
    assert write_store_rollups(store)  # all kept: nothing computed
    assert not computed
    changed = tables["articles"].copy()
    month = pd.to_datetime(changed["published"], utc=True).dt.strftime("%Y-%m")
    changed.loc[month == month.dropna().iloc[0], "title"] = "changed"
    write_in_batches(store, {**tables, "articles": changed}, size=40)
    assert write_store_rollups(store)
    new = RollupDb.open(store)
    assert isinstance(new, RollupDb)
    (changed_part,) = {digest for digest, _ in new.parts} - {digest for digest, _ in first}
    asked = {sql for _, sql in computed}
    assert {sql for digest, sql in computed if digest == changed_part} == asked  # the changed month: every query
    # the other months: only a query whose text names what the whole store's numbers chose (articles by id)
    again = [sql for digest, sql in computed if digest != changed_part]
    assert not set(computed) & first and all(sql not in {s for _, s in first} for sql in again)
    assert len(again) <= len(asked) // 4


def test_a_store_without_checksums_gets_no_rollups(tmp_path: Path, computed: list[tuple[str, str]]) -> None:
    old_store(tmp_path, random_tables(), checksums=False)
    assert not write_store_rollups(tmp_path)
    assert not computed and not list((tmp_path / ROLLUPS).rglob("*.parquet"))
