"""Articles with too little text, judged in SQL over tables in memory (stores: tests/analysis/test_db_equal.py)."""

from __future__ import annotations

import pandas as pd

from newsbrief.analysis import thin_articles
from newsbrief.analysis.db import as_database
from newsbrief.analysis.db_counts import thin_scope

LONG = " ".join(["The council voted on Tuesday to expand the bus network, officials said."] * 10)


def test_thin_articles_are_named_with_their_reason_and_left_out_of_the_scope() -> None:
    articles = pd.DataFrame({"article_id": ["a", "b"], "text": ["A caption. (AP)", LONG]})
    db = as_database({"articles": articles})
    thin, total = thin_articles(db)
    assert list(thin) == ["a"] and "caption" in thin["a"] and total == 1
    assert db.df(f"SELECT article_id FROM articles a WHERE {thin_scope(db)}")["article_id"].tolist() == ["b"]


def test_the_stored_thin_column_is_read_when_there_is_one() -> None:
    articles = pd.DataFrame({"article_id": ["a", "b", "c"], "text": ["x", "y", "z"],
                             "thin": [None, "only 1 word", "only 1 word"]})
    assert thin_articles(as_database({"articles": articles}), limit=1) == ({"b": "only 1 word"}, 2)


def test_no_text_column_means_nothing_thin() -> None:
    assert thin_articles(as_database({"articles": pd.DataFrame({"article_id": ["a"]})})) == ({}, 0)
