"""Engines: local (all cores, streaming batches) and Dask give the same tables."""

from __future__ import annotations

import inspect
from pathlib import Path

import pandas as pd
import pytest

import newsbrief.annotate.parallel as annotate_mod
from newsbrief.annotate import Settings, annotate_corpus
from newsbrief.annotate.parallel import local_engine
from newsbrief.errors import RegistryError
from newsbrief.ingest import Article
from newsbrief.store import read_dataset

TEXTS = [
    'Angela Merkel met Emmanuel Macron in Berlin. "We agree on trade," Merkel said on Monday.',
    "Dmitry Peskov said Moscow would respond. Peskov gave no details, the Kremlin said.",
    "Joe Biden spoke to Volodymyr Zelensky. Biden promised support for Ukraine, officials said.",
    "NATO ministers met in Brussels. The alliance was united, Jens Stoltenberg told reporters.",
]


def articles(n: int = 8) -> list[Article]:
    return [Article(article_id=f"a{i}", text=f"{TEXTS[i % 4]} Report {i}.") for i in range(n)]


def sorted_tables(store: Path) -> dict[str, pd.DataFrame]:
    keys = {"articles": ["article_id"], "mentions": ["article_id", "start", "end"], "entities": ["entity_id"],
            "quotes": ["article_id", "content_start", "content_end"], "sentences": ["article_id", "sent_id"]}
    out = {}
    for name, frame in read_dataset(store).items():
        if name == "entities":
            frame = frame.assign(aliases=frame["aliases"].map(lambda a: tuple(sorted(a))))
        out[name] = frame.sort_values(keys[name]).reset_index(drop=True)
    return out


def assert_same(a: Path, b: Path) -> None:
    left, right = sorted_tables(a), sorted_tables(b)
    for name in left:
        pd.testing.assert_frame_equal(left[name], right[name], check_dtype=False, obj=name)


def test_unknown_engine_lists_the_valid_ones(tmp_path: Path) -> None:
    with pytest.raises(RegistryError, match="dask.*local|local.*dask"):
        annotate_corpus(articles(1), store=tmp_path, engine="spark")


def test_local_engine_streams_small_batches() -> None:
    """Each worker task carries one batch (never the corpus); results come back batch by batch."""
    assert inspect.isgeneratorfunction(annotate_mod._iter_batches)
    items = [(a.content_hash, a.text) for a in articles(7)]
    results = local_engine(items, Settings(), workers=2, batch_size=2)
    assert inspect.isgenerator(results)
    sizes = sorted(len(r["index"]) for r in results)
    assert sizes == [1, 2, 2, 2]


def test_workers_leave_the_parents_collector_as_it_was() -> None:
    """The parent's objects are kept from the children's collector while workers run, not after."""
    import gc

    items = [(a.content_hash, a.text) for a in articles(4)]
    assert gc.get_freeze_count() == 0
    seen = [gc.get_freeze_count() for _ in local_engine(items, Settings(), workers=2, batch_size=2)]
    assert min(seen) > 0
    assert gc.get_freeze_count() == 0


def test_local_engine_with_two_workers_equals_one(tmp_path: Path) -> None:
    annotate_corpus(articles(), store=tmp_path / "one", workers=1, batch_size=3)
    annotate_corpus(articles(), store=tmp_path / "two", workers=2, batch_size=3)
    assert_same(tmp_path / "one", tmp_path / "two")


@pytest.mark.slow
def test_dask_local_cluster_equals_local_engine(tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed")
    annotate_corpus(articles(), store=tmp_path / "local", workers=2, batch_size=3)
    result = annotate_corpus(articles(), store=tmp_path / "dask", engine="dask", workers=2, batch_size=3)
    assert result.summary.annotated == 8 and result.summary.batches == 3
    assert_same(tmp_path / "local", tmp_path / "dask")
