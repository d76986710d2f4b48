"""newsbrief.query: SQL over the store's Parquet tables with DuckDB."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from test_explore import ZEL, make_tables, write_sample_store

from newsbrief.errors import NewsbriefError, StoreError
from newsbrief.query import QueryError, connect, sql, table_paths
from newsbrief.store import CURRENT, TABLES, read_dataset


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_sample_store(tmp_path_factory.mktemp("query") / "store")


def test_each_table_is_a_view_named_like_it(store: Path) -> None:
    views = sql("SELECT table_name FROM information_schema.tables ORDER BY table_name", store=store)
    assert sorted(views["table_name"]) == sorted(TABLES)
    for name, frame in read_dataset(store).items():
        assert sql(f"SELECT count(*) AS n FROM {name}", store=store)["n"].iloc[0] == len(frame)


def test_a_join_returns_a_dataframe(store: Path) -> None:
    got = sql(
        "SELECT e.name, count(*) AS mentions FROM mentions m JOIN entities e USING (entity_id) "
        "GROUP BY e.name ORDER BY mentions DESC, e.name", store=store)
    assert isinstance(got, pd.DataFrame)
    assert got.iloc[0].tolist() == ["Volodymyr Zelensky", 6]


def test_types_survive(store: Path) -> None:
    articles = sql("SELECT article_id, published FROM articles ORDER BY article_id", store=store)
    assert str(articles["published"].dt.tz) == "UTC"
    assert articles["published"].iloc[0] == pd.Timestamp("2021-04-01 10:00", tz="UTC")
    assert articles["published"].isna().sum() == 1
    aliases = sql(f"SELECT aliases FROM entities WHERE entity_id = '{ZEL}'", store=store)["aliases"].iloc[0]
    assert list(aliases) == ["Zelensky", "Volodymyr Zelensky"]
    tone = sql("SELECT avg(sentiment) AS t FROM sentences WHERE article_id = 'a2'", store=store)["t"].iloc[0]
    assert tone == pytest.approx(0.5)


def test_tables_in_memory_are_queried_the_same_way() -> None:
    got = sql("SELECT count(*) AS n FROM quotes WHERE kind = 'direct'", store=make_tables())
    assert got["n"].iloc[0] == 3
    with pytest.raises(StoreError, match="unknown table"):
        sql("SELECT 1", store={"nope": pd.DataFrame()})


def test_connect_gives_a_reusable_connection(store: Path) -> None:
    con = connect(store)
    try:
        assert con.execute("SELECT count(*) FROM articles").fetchone() == (5,)
        assert con.execute("SELECT count(*) FROM sentences").fetchone()[0] > 5
    finally:
        con.close()


@pytest.mark.parametrize(
    ("query", "pattern"),
    [
        ("SELEC * FROM articles", r"syntax error: .*SELEC"),
        ("SELECT * FROM articels", r"unknown table or function: .*articels.*available: articles\(article_id"),
        ("SELECT nope FROM articles", r"unknown column or wrong use of one: .*nope.*available: .*entities\("),
        ("SELECT CAST(title AS INTEGER) FROM articles", r"type conversion failed|invalid input|query failed"),
        ("", r"the query is empty"),
        ("   \n ", r"the query is empty"),
    ],
)
def test_bad_query_names_the_problem(store: Path, query: str, pattern: str) -> None:
    with pytest.raises(QueryError, match=pattern) as info:
        sql(query, store=store)
    assert isinstance(info.value, NewsbriefError) and info.value.exit_code == 2
    assert "\n" not in str(info.value)


def _break(store: Path, how: str) -> Path:
    version = store / (store / CURRENT).read_text(encoding="utf-8").strip()
    if how == "no CURRENT":
        (store / CURRENT).unlink()
    elif how == "dangling CURRENT":
        (store / CURRENT).write_text("v-gone", encoding="utf-8")
    elif how == "missing table":
        (version / "quotes.parquet").unlink()
    elif how == "corrupt table":
        (version / "sentences.parquet").write_bytes(b"not parquet at all")
    return store


@pytest.mark.parametrize(
    ("how", "pattern", "where"),
    [
        ("no CURRENT", r"not an annotation store", ""),
        ("dangling CURRENT", r"names dataset version 'v-gone', which is missing", "CURRENT"),
        ("missing table", r"lacks table\(s\) quotes", "v-"),
        ("corrupt table", r"cannot read table 'sentences'", "sentences.parquet"),
    ],
)
def test_bad_store_is_a_store_error(tmp_path: Path, how: str, pattern: str, where: str) -> None:
    store = _break(write_sample_store(tmp_path / "store"), how)
    with pytest.raises(StoreError, match=pattern) as info:
        sql("SELECT count(*) FROM articles", store=store)
    assert info.value.path is not None and where in info.value.path


def test_missing_folder_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such store folder"):
        sql("SELECT 1", store=tmp_path / "absent")
    with pytest.raises(StoreError):
        table_paths(tmp_path)
