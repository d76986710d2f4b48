"""Small annotation tables spanning months (and undated articles) for the store tests, and an old-layout store."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from newsbrief.store import CURRENT, TABLES, DatasetWriter
from newsbrief.store.integrity import write_table

# Publication times: two months, a time that is March in UTC but April in Kyiv, and undated articles.
DATES = ["1987-03-02T10:00:00Z", "1987-04-01T01:30:00+03:00", None, "1987-04-15T12:00:00Z", "1987-03-31T23:59:00Z",
         None, "1987-05-01T00:00:00Z", "1987-04-30T22:00:00-05:00"]
MONTHS = ["1987-03", "1987-03", "undated", "1987-04", "1987-03", "undated", "1987-05", "1987-05"]


def corpus(n: int = len(DATES)) -> dict[str, pd.DataFrame]:
    ids = [f"a{i}" for i in range(n)]
    articles = pd.DataFrame({
        "article_id": pd.array(ids, dtype="string"),
        "title": pd.array([f"title {i}" for i in range(n)], dtype="string"),
        "published": pd.to_datetime([DATES[i % len(DATES)] for i in range(n)], utc=True, format="ISO8601"),
        "n_words": list(range(n)),
    })
    mentions = pd.DataFrame({"article_id": pd.array([i for i in ids for _ in range(3)], dtype="string"),
                             "start": [k for _ in ids for k in range(3)],
                             "tone": [0.1 * k for _ in ids for k in range(3)]})
    quotes = pd.DataFrame({"article_id": pd.array(ids[::2], dtype="string"), "quote_id": list(range(len(ids[::2])))})
    sentences = pd.DataFrame({"article_id": pd.array(ids, dtype="string"), "sent_id": [0] * n,
                              "sentiment": [0.5] * n})
    entities = pd.DataFrame({"entity_id": ["E1", "E2"], "name": ["Zelensky", "NATO"]})
    return {"articles": articles, "mentions": mentions, "quotes": quotes, "sentences": sentences,
            "entities": entities}


def batches(tables: dict[str, pd.DataFrame], size: int) -> list[dict[str, pd.DataFrame]]:
    ids = list(tables["articles"]["article_id"])
    out = []
    for at in range(0, len(ids), size):
        chunk = set(ids[at : at + size])
        out.append({n: tables[n][tables[n]["article_id"].isin(chunk)] for n in ("articles", "mentions", "quotes",
                                                                              "sentences")})
    return out


def same_rows(got: pd.DataFrame, want: pd.DataFrame) -> None:
    keys = list(want.columns)
    pd.testing.assert_frame_equal(got.sort_values(keys).reset_index(drop=True),
                                  want.sort_values(keys).reset_index(drop=True))


def write_in_batches(root: Path, tables: dict[str, pd.DataFrame], size: int = 3) -> Path:
    with DatasetWriter(root, manifest={"test": True}) as writer:
        for chunk in batches(tables, size):
            writer.write_batch(chunk)
        writer.write_table("entities", tables["entities"])
    assert writer.folder is not None
    return writer.folder


def old_store(root: Path, tables: dict[str, pd.DataFrame], *, checksums: bool) -> None:
    """A store as written before partitioning: one ``<table>.parquet`` per table."""
    folder = root / "v-old"
    folder.mkdir(parents=True)
    files = {f"{n}.parquet": write_table(tables[n], folder / f"{n}.parquet") for n in TABLES}
    meta: dict[str, object] = {"version": "v-old", "tables": {n: len(tables[n]) for n in TABLES}}
    if checksums:
        meta["files"] = files
    (folder / "manifest.json").write_text(json.dumps(meta))
    (root / CURRENT).write_text("v-old")
