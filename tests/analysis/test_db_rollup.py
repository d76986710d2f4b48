"""A briefing from the store's roll-ups equals one from its rows: every two-phase corpus function on random tables
written as a month-partitioned store (whole, in a scope), a second briefing reads the roll-ups instead of the rows,
a damaged roll-up is computed again, a run's data/ shares the store's roll-ups, and the corpus briefing's sections
(with compare modes and a date scope) are the same."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from newsbrief.analysis.db import Db
from newsbrief.analysis.db_rollup import RollupDb
from newsbrief.store.duck import connect
from newsbrief.store.link import link_dataset
from newsbrief.store.rollups import ROLLUPS
from randomcorpus import random_tables

from ..storedata import write_in_batches
from .test_db_dask import assert_same_results, every_result, frames_equal, sections


@pytest.fixture
def store(tmp_path: Path) -> Path:
    root = tmp_path / "store"
    write_in_batches(root, random_tables(), size=40)
    return root


def kept(store: Path) -> list[Path]:
    return sorted((store / ROLLUPS).rglob("*.parquet"))


class NoRows(RollupDb):
    """A RollupDb that fails if a partial must be computed from the rows."""

    def _compute(self, number: int, sql: str) -> Any:
        raise AssertionError(f"rows read for a partial: {sql}")


def test_every_aggregate_from_rollups_equals_the_rows_and_is_read_back(store: Path) -> None:
    rows = Db(connect(store))
    entities = rows.entities()
    first = RollupDb.open(store)
    assert isinstance(first, RollupDb) and len(first.parts) == 4
    want = every_result(rows, entities)
    assert_same_results(want, every_result(first, entities))
    written = kept(store)
    assert written
    again = NoRows.open(store)  # every partial is kept now: a second briefing never reads the rows
    assert_same_results(want, every_result(again, entities))
    assert kept(store) == written


def test_a_scope_gets_its_own_rollups_equal_to_the_rows(store: Path) -> None:
    rows = Db(connect(store)).scoped("a.source IS NOT NULL")
    entities = rows.entities()
    assert_same_results(every_result(rows, entities),
                        every_result(RollupDb.open(store).scoped("a.source IS NOT NULL"), entities))


def test_a_damaged_rollup_is_noticed_and_computed_again(store: Path, caplog: pytest.LogCaptureFixture) -> None:
    db = RollupDb.open(store)
    entities = db.entities()
    want = every_result(db, entities)
    files = kept(store)
    files[0].write_bytes(files[0].read_bytes()[:-9] + b"damaged!!")  # same size, other bytes
    files[1].write_bytes(b"")
    got = every_result(RollupDb.open(store), entities)
    assert_same_results(want, got)
    assert "damaged" in caplog.text
    assert len(kept(store)) == len(files)


def test_a_new_version_with_one_changed_month_keeps_the_other_months_rollups(store: Path) -> None:
    tables = random_tables()
    db = RollupDb.open(store)
    every_result(db, db.entities())
    before = {p.name for p in (store / ROLLUPS).glob("*/*")}
    changed = tables["articles"].copy()
    month = pd.to_datetime(changed["published"], utc=True).dt.strftime("%Y-%m")
    changed.loc[month == "2024-01", "title"] = "changed"
    if not (month == "2024-01").any():
        changed.loc[month == month.dropna().iloc[0], "title"] = "changed"
    write_in_batches(store, {**tables, "articles": changed}, size=40)
    after = RollupDb.open(store)
    assert isinstance(after, RollupDb)
    digests = {d for d, _ in after.parts}
    assert len(digests - before) == 1 and len(digests & before) == 3


def test_a_runs_linked_data_shares_the_stores_rollups(store: Path, tmp_path: Path) -> None:
    data = link_dataset(store, tmp_path / "run" / "data")
    db = RollupDb.open(data)
    every_result(db, db.entities())
    assert kept(store) and (data / ROLLUPS).resolve() == (store / ROLLUPS).resolve()
    again = NoRows.open(store)
    every_result(again, again.entities())


@pytest.mark.parametrize("options", [{}, *(pytest.param(o, marks=pytest.mark.slow) for o in (
    {"compare": "corpus"}, {"compare": "2024-02-01..2024-02-29"}, {"include_thin": True, "freq": "D"},
    {"entities": ["Ann Lee", "Acme"]}))])
def test_the_corpus_briefing_from_rollups_equals_the_one_from_rows(store: Path, options: dict[str, Any],
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from newsbrief.params import BriefingOptions
    from newsbrief.present import corpus as module
    from newsbrief.present.corpus import CorpusBriefing

    rollup = CorpusBriefing.load(BriefingOptions(data=str(store), mode="corpus", **options))
    assert isinstance(rollup.db, RollupDb)
    got = sections(rollup)
    monkeypatch.setattr(module, "open_store_database", lambda data: Db(connect(data)))
    rows = CorpusBriefing.load(BriefingOptions(data=str(store), mode="corpus", **options))
    assert type(rows.db) is Db
    want = sections(rows)
    assert want.keys() == got.keys()
    for key, value in want.items():
        if isinstance(value, pd.DataFrame):
            frames_equal(value, got[key])
        else:
            assert got[key] == value, key
    assert want["findings"]


def test_written_rollups_serve_the_first_briefing_without_reading_rows(store: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from newsbrief.params import BriefingOptions
    from newsbrief.present import corpus as module
    from newsbrief.present.corpus import NOTEBOOK_SECTIONS, CorpusBriefing, write_rollups

    write_rollups(store)
    monkeypatch.setattr(module, "open_store_database", NoRows.open)
    briefing = CorpusBriefing.load(BriefingOptions(data=str(store), mode="corpus"))
    assert isinstance(briefing.db, NoRows)
    for name in NOTEBOOK_SECTIONS:
        getattr(briefing, name)()


def test_the_sections_written_are_those_the_corpus_notebook_shows() -> None:
    import re

    import nbformat

    from newsbrief.present.corpus import NOTEBOOK_SECTIONS
    from newsbrief.render.brief import NOTEBOOKS

    nb = nbformat.read(NOTEBOOKS / "corpus.ipynb", as_version=4)
    called = [m for cell in nb.cells if cell.cell_type == "code"
              for m in re.findall(r"^briefing\.(\w+)\(", cell.source, flags=re.M)]
    assert tuple(called) == NOTEBOOK_SECTIONS
