"""newsbrief.query: SQL over the store's Parquet tables with DuckDB."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from newsbrief.errors import NewsbriefError, StoreError
from newsbrief.lab.query import QueryError, connect, sql, table_paths
from newsbrief.store import CURRENT, TABLES, read_dataset, write_dataset

ZEL = "E-zel"


def make_tables() -> dict[str, pd.DataFrame]:
    """Three articles (one undated) in the shape of the annotation contract."""
    texts = ["Zelensky urged NATO to act. Zelensky was calm.", 'Biden said "we stand firm". Zelensky agreed.',
             "Zelensky spoke. It rained."]
    articles = pd.DataFrame({
        "article_id": ["a1", "a2", "a3"], "title": ["One", "Two", "Three"],
        "source": ["Daily Planet", "Morning Post", "Daily Planet"], "author": [None, None, None],
        "published": pd.to_datetime(["2021-04-01T10:00Z", "2021-04-03T09:00Z", None], utc=True),
        "url": [None, None, None], "text": texts, "n_words": [len(t.split()) for t in texts],
        "content_hash": ["h1", "h2", "h3"],
    })
    ids = {"Zelensky": (ZEL, "PERSON"), "NATO": ("E-nato", "ORG"), "Biden": ("E-bid", "PERSON")}
    mentions = pd.DataFrame(
        [(f"a{i + 1}", at, at + len(word), word, ids[word][1], ids[word][0])
         for i, text in enumerate(texts) for word in ids
         for at in [j for j in range(len(text)) if text.startswith(word, j)]],
        columns=["article_id", "start", "end", "text", "label", "entity_id"]).sort_values(["article_id", "start"])
    entities = pd.DataFrame({"entity_id": [ZEL, "E-nato", "E-bid"], "name": ["Volodymyr Zelensky", "NATO", "Joe Biden"],
                             "label": ["PERSON", "ORG", "PERSON"],
                             "aliases": [["Zelensky", "Volodymyr Zelensky"], ["NATO"], ["Biden"]]})
    quotes = pd.DataFrame([{
        "article_id": "a2", "quote_id": 0, "content": "we stand firm", "content_start": texts[1].index("we"),
        "content_end": texts[1].index("we") + len("we stand firm"),
        "kind": "direct", "cue": "said", "speaker_text": "Biden", "speaker_start": 0, "speaker_end": 5,
        "speaker": "Joe Biden", "speaker_entity_id": "E-bid"}])
    scores = iter([0.2, 0.4, 0.5, 0.5, 0.0, -0.3])
    rows = []
    for i, text in enumerate(texts):
        cut = text.index(". ") + 1
        rows += [(f"a{i + 1}", 0, 0, cut, text[:cut], next(scores)),
                 (f"a{i + 1}", 1, cut + 1, len(text), text[cut + 1:], next(scores))]
    sentences = pd.DataFrame(rows, columns=["article_id", "sent_id", "start", "end", "text", "sentiment"])
    return {"articles": articles, "mentions": mentions, "entities": entities, "quotes": quotes,
            "sentences": sentences}


def write_sample_store(folder: Path) -> Path:
    write_dataset(folder, make_tables(), manifest={"test": True})
    return folder


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
    assert got.iloc[0].tolist() == ["Volodymyr Zelensky", 4]


def test_types_survive(store: Path) -> None:
    articles = sql("SELECT article_id, published FROM articles ORDER BY article_id", store=store)
    assert str(articles["published"].dt.tz) == "UTC"
    assert articles["published"].iloc[0] == pd.Timestamp("2021-04-01 10:00", tz="UTC")
    assert articles["published"].isna().sum() == 1
    aliases = sql(f"SELECT aliases FROM entities WHERE entity_id = '{ZEL}'", store=store)["aliases"].iloc[0]
    assert list(aliases) == ["Zelensky", "Volodymyr Zelensky"]
    tone = sql("SELECT avg(sentiment) AS t FROM sentences WHERE article_id = 'a2'", store=store)["t"].iloc[0]
    assert tone == pytest.approx(0.5)
    tables = make_tables()
    for a, s, e, t in zip(*(tables["mentions"][c] for c in ("article_id", "start", "end", "text"))):
        assert tables["articles"].set_index("article_id").loc[a, "text"][s:e] == t


def test_tables_in_memory_are_queried_the_same_way() -> None:
    got = sql("SELECT count(*) AS n FROM sentences WHERE sentiment > 0", store=make_tables())
    assert got["n"].iloc[0] == 4
    with pytest.raises(StoreError, match="unknown table"):
        sql("SELECT 1", store={"nope": pd.DataFrame()})


def test_connect_gives_a_reusable_connection(store: Path) -> None:
    con = connect(store)
    try:
        assert con.execute("SELECT count(*) FROM articles").fetchone() == (3,)
        assert con.execute("SELECT count(*) FROM sentences").fetchone() == (6,)
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
        next((version / "quotes").rglob("*.parquet")).unlink()
    elif how == "corrupt table":
        next((version / "sentences").rglob("*.parquet")).write_bytes(b"not parquet at all")
    return store


@pytest.mark.parametrize(
    ("how", "pattern", "where"),
    [
        ("no CURRENT", r"not an annotation store", ""),
        ("dangling CURRENT", r"names dataset version 'v-gone', which is missing", "CURRENT"),
        ("missing table", r"table 'quotes' is missing", "quotes/month="),
        ("corrupt table", r"table 'sentences' is damaged", "sentences/month="),
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
