"""analysis.thin: thin articles from the articles table, and tables without them."""

from __future__ import annotations

import pandas as pd

from newsbrief.analysis import thin_articles, without_articles

LONG = " ".join(["The council voted on Tuesday to expand the bus network, officials said."] * 10)


def test_thin_articles_and_tables_without_them() -> None:
    articles = pd.DataFrame({"article_id": ["a", "b"], "text": ["A caption. (AP)", LONG]})
    mentions = pd.DataFrame({"article_id": ["a", "b", "b"], "entity_id": ["E1", "E1", "E2"]})
    entities = pd.DataFrame({"entity_id": ["E1", "E2"], "name": ["X", "Y"]})
    thin = thin_articles(articles)
    assert list(thin) == ["a"] and "caption" in thin["a"]
    out = without_articles({"articles": articles, "mentions": mentions, "entities": entities}, set(thin))
    assert out["articles"]["article_id"].tolist() == ["b"] and len(out["mentions"]) == 2
    assert out["entities"] is entities


def test_no_text_column_means_nothing_thin() -> None:
    assert thin_articles(pd.DataFrame({"article_id": ["a"]})) == {}
