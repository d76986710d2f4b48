"""DuckDB views over a store: the month column, partition pruning, damaged files, frames and old stores."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from newsbrief.errors import StoreError
from newsbrief.store import DatasetWriter, read_dataset, table_files
from newsbrief.store.duck import connect
from storedata import MONTHS, corpus, old_store, write_in_batches

PARTITIONED = ("articles", "mentions", "quotes", "sentences")


def months_by_table(store: object) -> dict[str, pd.DataFrame]:
    con = connect(store)  # type: ignore[arg-type]
    try:
        return {name: con.execute(f"SELECT article_id, month FROM {name} ORDER BY ALL").df().astype(str)
                for name in PARTITIONED}
    finally:
        con.close()


def test_month_column_is_the_same_for_a_store_frames_and_an_old_store(tmp_path: Path) -> None:
    tables = corpus()
    write_in_batches(tmp_path / "new", tables, size=3)
    old_store(tmp_path / "old", tables, checksums=True)
    new = months_by_table(tmp_path / "new")
    assert dict(zip(new["articles"]["article_id"], new["articles"]["month"])) == \
        {f"a{i}": m for i, m in enumerate(MONTHS)}
    for other in (months_by_table(tables), months_by_table(read_dataset(tmp_path / "new")),
                  months_by_table(tmp_path / "old")):
        for name in PARTITIONED:
            pd.testing.assert_frame_equal(other[name], new[name])
    con = connect(tmp_path / "new")
    try:
        kinds = dict(con.execute("SELECT table_name, data_type FROM information_schema.columns "
                                 "WHERE column_name = 'month'").fetchall())
        assert kinds == {name: "VARCHAR" for name in PARTITIONED}  # entities has none
    finally:
        con.close()


def test_a_month_filter_reads_only_that_partition(tmp_path: Path) -> None:
    tables = corpus()
    write_in_batches(tmp_path, tables, size=3)
    con = connect(tmp_path)  # checks every file now
    try:
        # Destroy every mentions file outside March after connecting: a query that touched one would fail.
        for path in table_files(tmp_path)["mentions"]:
            if path.parent.name != "month=1987-03":
                path.write_bytes(b"not parquet at all")
        march = sum(1 for m in MONTHS if m == "1987-03") * 3
        assert con.execute("SELECT count(*) FROM mentions WHERE month = '1987-03'").fetchone() == (march,)
        assert con.execute("SELECT sum(tone) FROM mentions WHERE month = '1987-03'").fetchone()[0] == \
            pytest.approx(march / 3 * 0.3)
        plan = con.execute("EXPLAIN ANALYZE SELECT count(*) FROM mentions WHERE month = '1987-03'").fetchall()
        assert "month=1987-04" not in plan[0][1] and "month=1987-03" in plan[0][1]
        with pytest.raises(Exception, match="month=1987-0[45]|month=undated"):
            con.execute("SELECT count(*) FROM mentions").fetchone()  # the damaged files are read
    finally:
        con.close()


def test_a_flipped_byte_is_a_store_error_from_connect(tmp_path: Path) -> None:
    write_in_batches(tmp_path, corpus(), size=3)
    path = table_files(tmp_path)["sentences"][-1]
    data = bytearray(path.read_bytes())
    data[len(data) // 3] ^= 0x04
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="table 'sentences' is damaged") as info:
        connect(tmp_path)
    assert info.value.path == str(path)


def test_frames_without_published_or_articles_are_undated() -> None:
    frame = pd.DataFrame({"article_id": ["x"], "start": [0]})
    con = connect({"mentions": frame, "articles": pd.DataFrame({"article_id": ["x"]})})
    try:
        assert con.execute("SELECT month FROM mentions").fetchall() == [("undated",)]
        assert con.execute("SELECT month FROM articles").fetchall() == [("undated",)]
    finally:
        con.close()


def test_batches_read_back_from_the_views_write_the_same_store(tmp_path: Path) -> None:
    """Frames from SQL carry the month column; the writer leaves it out (the month is the part's folder)."""
    write_in_batches(tmp_path / "a", corpus(), size=3)
    con = connect(tmp_path / "a")
    try:
        frames = {n: con.execute(f"SELECT * FROM {n}").df() for n in ("articles", "mentions", "quotes", "sentences")}
        entities = con.execute("SELECT * FROM entities").df()
    finally:
        con.close()
    assert "month" in frames["mentions"].columns
    with DatasetWriter(tmp_path / "b", manifest={}) as writer:
        writer.write_batch(frames)
        writer.write_table("entities", entities)
    again, before = months_by_table(tmp_path / "b"), months_by_table(tmp_path / "a")
    for name in PARTITIONED:
        pd.testing.assert_frame_equal(again[name], before[name])
    assert all("month" not in pd.read_parquet(p).columns for p in table_files(tmp_path / "b")["articles"])


def test_a_connection_draws_no_progress_bar(tmp_path: Path) -> None:
    # DuckDB draws one on standard output for a query of over two seconds: a long roll-up query filled a pipe with it
    from newsbrief.analysis.db import merge_partials

    con = connect({"articles": corpus()["articles"]})
    try:
        assert con.execute("SELECT current_setting('enable_progress_bar')").fetchone() == (False,)
    finally:
        con.close()
    import pyarrow as pa

    setting = merge_partials([pa.table({"x": [1]})],
                             "SELECT current_setting('enable_progress_bar') AS on FROM partials")
    assert setting["on"].tolist() == [False]
