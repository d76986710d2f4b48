"""DatasetWriter: batches partitioned by publication month, streamed checksums, atomic commit (issue 17)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from newsbrief.errors import StoreError
from newsbrief.store import (
    CURRENT,
    TABLES,
    DatasetWriter,
    months_of,
    read_dataset,
    read_manifest,
    table_files,
    write_dataset,
)
from storedata import DATES, MONTHS, batches, corpus, old_store, same_rows, write_in_batches


def test_months_of_is_the_utc_month() -> None:
    assert list(months_of(pd.Series(pd.to_datetime(DATES, utc=True, format="ISO8601")))) == MONTHS


def test_round_trip_in_batches_spanning_months(tmp_path: Path) -> None:
    tables = corpus(16)
    folder = write_in_batches(tmp_path, tables, size=3)
    back = read_dataset(tmp_path)
    for name in TABLES:
        assert list(back[name].columns) == list(tables[name].columns)
        assert (back[name].dtypes == tables[name].dtypes).all(), name
        same_rows(back[name], tables[name])
    meta = read_manifest(tmp_path)
    assert meta["test"] is True and meta["tables"] == {n: len(tables[n]) for n in TABLES}
    keys = set(meta["files"])
    assert "entities/part-0.parquet" in keys and "mentions/month=undated/part-00001.parquet" in keys
    assert {k.split("/")[1] for k in keys if k.startswith("articles/")} == {f"month={m}" for m in set(MONTHS)}
    for key, entry in meta["files"].items():
        assert (folder / key).stat().st_size == entry["size"] and len(entry["sha256"]) == 64
    # Every row sits in its article's month; no month column inside the files.
    month_of = dict(zip(tables["articles"]["article_id"], months_of(tables["articles"]["published"])))
    for name in ("articles", "mentions", "quotes", "sentences"):
        for path in table_files(tmp_path)[name]:
            part = pd.read_parquet(path)  # one file: no partition discovery
            assert "month" not in part.columns
            assert {month_of[a] for a in part["article_id"]} == {path.parent.name.removeprefix("month=")}
    # Within a part the rows keep the order given.
    first = pd.read_parquet(table_files(tmp_path)["mentions"][0])
    assert list(first["start"]) == [0, 1, 2] * (len(first) // 3)


def test_write_dataset_is_one_batch_and_keeps_the_order_within_a_month(tmp_path: Path) -> None:
    tables = corpus()
    write_dataset(tmp_path, tables, manifest={})
    back = read_dataset(tmp_path)
    for name in TABLES:
        same_rows(back[name], tables[name])
    # Parts in the order written: the months in order of first appearance, rows in order within each.
    assert list(back["articles"]["article_id"]) == ["a0", "a1", "a4", "a2", "a5", "a3", "a6", "a7"]


def test_empty_tables_keep_their_columns_and_types(tmp_path: Path) -> None:
    tables = corpus(4)
    tables["quotes"] = tables["quotes"].iloc[:0]
    write_dataset(tmp_path, tables, manifest={})
    back = read_dataset(tmp_path)
    assert back["quotes"].empty and list(back["quotes"].columns) == ["article_id", "quote_id"]
    assert (back["quotes"].dtypes == tables["quotes"].dtypes).all()
    assert len(table_files(tmp_path)["quotes"]) == 1


def test_a_column_null_in_the_first_batch_gets_one_type(tmp_path: Path) -> None:
    tables = corpus(6)
    tables["articles"]["author"] = [None, None, None, "Ann", None, "Bo"]  # all null in the first batch
    write_in_batches(tmp_path, tables, size=3)
    back = read_dataset(tmp_path)
    assert sorted(back["articles"]["author"].dropna()) == ["Ann", "Bo"]
    from newsbrief.store.duck import connect

    con = connect(tmp_path)
    try:
        assert con.execute("SELECT count(author) FROM articles").fetchone() == (2,)
    finally:
        con.close()


def test_an_exception_in_the_block_keeps_the_previous_version(tmp_path: Path) -> None:
    write_dataset(tmp_path, corpus(2), manifest={"first": True})
    before = (tmp_path / CURRENT).read_text()
    tables = corpus()
    with pytest.raises(RuntimeError, match="killed"), DatasetWriter(tmp_path, manifest={}) as writer:
        writer.write_batch(batches(tables, 4)[0])
        assert list(tmp_path.glob(".v-*.tmp"))  # written so far: a temporary folder
        raise RuntimeError("killed")
    assert (tmp_path / CURRENT).read_text() == before and read_manifest(tmp_path)["first"] is True
    assert not list(tmp_path.glob(".v-*.tmp"))
    assert len(read_dataset(tmp_path)["articles"]) == 2
    with pytest.raises(StoreError, match="already committed or been aborted"):
        writer.write_batch(batches(tables, 4)[1])


def test_a_missing_table_fails_the_commit(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no entities written"), DatasetWriter(tmp_path, manifest={}) as writer:
        writer.write_batch(batches(corpus(), 4)[0])
    assert not (tmp_path / CURRENT).exists() and not list(tmp_path.glob(".v-*.tmp"))


def test_misuse_is_a_store_error(tmp_path: Path) -> None:
    tables = corpus(2)
    with DatasetWriter(tmp_path, manifest={}) as writer:
        with pytest.raises(StoreError, match="needs the batch's articles"):
            writer.write_batch({"mentions": tables["mentions"]})
        with pytest.raises(StoreError, match="write entities with write_table"):
            writer.write_batch({"articles": tables["articles"], "entities": tables["entities"]})
        with pytest.raises(StoreError, match="written in batches"):
            writer.write_table("mentions", tables["mentions"])
        writer.write_batch({n: tables[n] for n in ("articles", "mentions", "quotes", "sentences")})
        with pytest.raises(StoreError, match="columns"):
            writer.write_batch({"articles": tables["articles"].drop(columns=["title"])})
        writer.write_table("entities", tables["entities"])
        with pytest.raises(StoreError, match="already written"):
            writer.write_table("entities", tables["entities"])
    assert len(read_dataset(tmp_path)["articles"]) == 2


@pytest.mark.parametrize("name", TABLES)
def test_a_flipped_byte_in_any_part_is_a_store_error_naming_it(tmp_path: Path, name: str) -> None:
    write_in_batches(tmp_path, corpus(), size=4)
    for path in table_files(tmp_path)[name]:
        original = path.read_bytes()
        data = bytearray(original)
        data[len(data) // 2] ^= 0x10
        path.write_bytes(bytes(data))
        for read in (read_dataset, table_files):
            with pytest.raises(StoreError, match=f"table '{name}' is damaged: its checksum") as info:
                read(tmp_path)
            assert info.value.path == str(path)
        path.write_bytes(original)
    assert len(read_dataset(tmp_path)[name]) == len(corpus()[name])


def test_verification_streams_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No whole-file read: a file is hashed in chunks and parsed by pyarrow from its path."""
    write_dataset(tmp_path, corpus(), manifest={})

    def whole(self: Path) -> bytes:
        raise AssertionError(f"read whole: {self}")

    monkeypatch.setattr(Path, "read_bytes", whole)
    assert len(read_dataset(tmp_path)["mentions"]) == 3 * len(DATES)
    assert table_files(tmp_path)


@pytest.mark.parametrize("checksums", [True, False])
def test_an_old_single_file_store_is_still_read(tmp_path: Path, checksums: bool) -> None:
    tables = corpus()
    old_store(tmp_path, tables, checksums=checksums)
    back = read_dataset(tmp_path)
    for name in TABLES:
        pd.testing.assert_frame_equal(back[name], tables[name])
    assert {n: [p.name for p in ps] for n, ps in table_files(tmp_path).items()} == {n: [f"{n}.parquet"] for n in TABLES}
    if checksums:
        path = tmp_path / "v-old" / "sentences.parquet"
        data = bytearray(path.read_bytes())
        data[10] ^= 1
        path.write_bytes(bytes(data))
        with pytest.raises(StoreError, match="table 'sentences' is damaged") as info:
            table_files(tmp_path)
        assert info.value.path == str(path)


def test_a_new_version_replaces_an_old_single_file_store(tmp_path: Path) -> None:
    old_store(tmp_path, corpus(2), checksums=True)
    write_in_batches(tmp_path, corpus(), size=5)
    assert len(read_dataset(tmp_path)["articles"]) == len(DATES)
    assert all("month=" in str(p) for p in table_files(tmp_path)["mentions"])
