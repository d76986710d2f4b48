"""What a store holds that an earlier run's data/ did not (`newsbrief run STORE --email-if-new`)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from newsbrief.store.link import link_dataset
from newsbrief.store.newer import new_articles
from storedata import corpus, write_in_batches


def test_a_store_counts_the_articles_an_earlier_store_does_not_hold(tmp_path: Path) -> None:
    tables = corpus()
    n = len(tables["articles"])
    tables["articles"]["content_hash"] = pd.array([f"h{i}" for i in range(n)], dtype="string")
    write_in_batches(tmp_path / "store", tables)
    assert new_articles(tmp_path / "store", tmp_path / "no-earlier-run") == n
    link_dataset(tmp_path / "store", tmp_path / "run" / "data")  # the last run read this very version
    assert new_articles(tmp_path / "store", tmp_path / "run" / "data") == 0
    older = {name: frame[frame["article_id"].isin(["a0", "a1"])] if "article_id" in frame.columns else frame
             for name, frame in tables.items()}
    write_in_batches(tmp_path / "older", older)
    assert new_articles(tmp_path / "store", tmp_path / "older") == n - 2
    assert new_articles(tmp_path / "older", tmp_path / "store") == 0
