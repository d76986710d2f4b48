"""The appendix of a store briefed again is the one written the first time, linked from its roll-ups instead of
written again; a damaged kept file is written again; another title gets its own page over the same kept files,
another scope files of its own."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsbrief.analysis.db import Db
from newsbrief.analysis.db_rollup import RollupDb
from newsbrief.render import appendix as module
from newsbrief.render.appendix import BODY, CSV_FILES, write_appendix, write_appendix_kept
from newsbrief.store.duck import connect
from randomcorpus import random_tables

from ..storedata import write_in_batches
from .test_appendix import assert_same_csv

NAMES = (*CSV_FILES, "appendix.html")


@pytest.fixture
def store(tmp_path: Path) -> Path:
    root = tmp_path / "store"
    write_in_batches(root, random_tables(), size=40)
    return root


def written(folder: Path, db: Db, title: str = "Test") -> Path:
    folder.mkdir(parents=True)
    write_appendix_kept(folder, db, title=title)
    return folder


def test_a_kept_appendix_equals_one_from_the_rows_and_is_linked_not_written(store: Path, tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    rows = tmp_path / "rows"
    rows.mkdir()
    write_appendix(rows, Db(connect(store)), title="Test")
    db = RollupDb.open(store)
    assert isinstance(db, RollupDb)
    first = written(tmp_path / "first", db)
    calls: list[Path] = []

    def counted(folder: Path, *args: object, **kwargs: object) -> Path:
        calls.append(folder)
        return written_files(folder, *args, **kwargs)  # type: ignore[arg-type]

    written_files = module._write_files
    monkeypatch.setattr(module, "_write_files", counted)
    second = written(tmp_path / "second", RollupDb.open(store))
    assert not calls  # linked from the roll-ups
    for name in CSV_FILES:  # the same rows (a float's last digits may differ: DuckDB sums in any order)
        assert_same_csv(first / name, rows / name)
    for name in NAMES:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    for name in CSV_FILES:
        assert os.path.samefile(first / name, second / name)
    assert not (second / BODY).exists()  # the kept body is in the page, not beside it
    other = written(tmp_path / "other-title", RollupDb.open(store), title="Other")
    assert not calls  # another title: the same kept files, its own page
    page = (other / "appendix.html").read_text(encoding="utf-8")
    want = (first / "appendix.html").read_text(encoding="utf-8")
    assert "<h1>Other</h1>" in page and page.split("</header>")[1] == want.split("</header>")[1]
    written(tmp_path / "scoped", RollupDb.open(store).scoped("a.source IS NOT NULL"))
    assert len(calls) == 1


def test_a_damaged_kept_appendix_is_written_again(store: Path, tmp_path: Path) -> None:
    first = written(tmp_path / "first", RollupDb.open(store))
    want = (first / "quotes.csv").read_bytes()
    with (first / "quotes.csv").open("ab") as f:  # the kept file too: they are one file
        f.write(b"garbage\n")
    second = written(tmp_path / "second", RollupDb.open(store))
    assert (second / "quotes.csv").read_bytes() == want


def test_another_csv_cap_is_not_given_the_files_kept_for_the_default_cap(store: Path, tmp_path: Path) -> None:
    def rows(folder: Path) -> int:
        return sum(1 for _ in (folder / "quotes.csv").open(encoding="utf-8")) - 1

    whole = written(tmp_path / "default", RollupDb.open(store))
    assert rows(whole) > 5
    tmp = tmp_path / "cut"
    tmp.mkdir()
    write_appendix_kept(tmp, RollupDb.open(store), title="Test", csv_rows=5)
    assert rows(tmp) == 5
    assert "holds 5 of" in (tmp / "appendix.html").read_text(encoding="utf-8")
    again = tmp_path / "every-row"
    again.mkdir()
    write_appendix_kept(again, RollupDb.open(store), title="Test", csv_rows=None)  # not the 5-row files kept last
    assert rows(again) == rows(whole)
    assert (whole / "quotes.csv").read_bytes() == (tmp_path / "default" / "quotes.csv").read_bytes()
