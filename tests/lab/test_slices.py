"""The explorer in bounded memory: pick lists from SQL, and every view computed on a focus's slice equals the
view computed on the whole tables (entities and speakers, with date and source filters, per week and month)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from newsbrief.lab import Explorer, Filters, Focus, focus, make_filters, make_view
from newsbrief.lab.slices import (
    date_bounds,
    entity_choices,
    find_focus,
    open_database,
    read_slice,
    source_choices,
    speaker_choices,
    store_counts,
)
from newsbrief.store import read_dataset
from randomcorpus import random_tables

from ..storedata import old_store, write_in_batches
from . import focus_oracle as oracle
from .test_explore import make_tables

FILTERS = [
    Filters(),
    make_filters(start="2024-01-15", end="2024-02-20"),
    make_filters(sources=["Post", "unknown source"]),
    make_filters(start="2024-02-01", sources="Daily"),
    make_filters(start="2021-04-03"),
    make_filters(sources="Daily Planet"),
]


def _shuffled(tables: dict[str, pd.DataFrame], seed: int = 3) -> dict[str, pd.DataFrame]:
    """The same tables with the articles (and their rows) in a random order: the store's order is not the ids'."""
    order = list(np.random.default_rng(seed).permutation(tables["articles"]["article_id"].to_numpy()))
    rank = {a: i for i, a in enumerate(order)}
    out = {}
    for name, frame in tables.items():
        if name == "entities":
            out[name] = frame
            continue
        key = frame["article_id"].map(rank)
        out[name] = frame.assign(_k=key).sort_values("_k", kind="stable").drop(columns="_k").reset_index(drop=True)
    return out


@pytest.fixture(scope="module", params=["random", "random-old-layout", "sample"])
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("slices") / "store"
    if request.param == "sample":
        write_in_batches(root, make_tables(), size=2)
    elif request.param == "random-old-layout":
        old_store(root, _shuffled(random_tables(seed=11, n_articles=90)), checksums=True)
    else:
        write_in_batches(root, _shuffled(random_tables()), size=40)
    return root


def _same(a: pd.DataFrame, b: pd.DataFrame, what: str) -> None:
    a, b = a.reset_index(drop=True), b.reset_index(drop=True)
    assert list(a.columns) == list(b.columns), what
    assert len(a) == len(b), what
    if len(a):
        pd.testing.assert_frame_equal(a, b, check_dtype=False, check_index_type=False, obj=what)


def _focuses(tables: dict[str, pd.DataFrame]) -> list[Focus]:
    entities = [v for _, v in oracle.entity_choices(tables)]
    speakers = [v for _, v in oracle.speaker_choices(tables)]
    picks = [oracle.find_focus(tables, entity=e) for e in entities[:2] + entities[-1:]]
    return picks + [oracle.find_focus(tables, speaker=s) for s in speakers[:3]]


def test_pick_lists_and_overview_match_the_whole_tables(store: Path) -> None:
    tables = read_dataset(store)
    db = open_database(store)
    assert entity_choices(db) == oracle.entity_choices(tables)
    assert entity_choices(db, top=2) == oracle.entity_choices(tables, top=2)
    assert speaker_choices(db) == oracle.speaker_choices(tables)
    assert speaker_choices(db, top=1) == oracle.speaker_choices(tables, top=1)
    counts = focus.analysis.source_labels(tables["articles"]["source"]).value_counts()
    got = source_choices(db)
    assert sorted(got) == sorted(counts.index) and [counts[s] for s in got] == sorted(counts, reverse=True)
    assert date_bounds(db) == oracle.date_bounds(tables)
    n = store_counts(db)
    assert (n["articles"], n["quotes"], n["sentences"], n["entities"]) == tuple(
        len(tables[t]) for t in ("articles", "quotes", "sentences", "entities"))
    assert n["sources"] == tables["articles"]["source"].nunique()
    assert find_focus(db) == oracle.find_focus(tables)
    for f in _focuses(tables):
        key = {"entity": f.key} if f.kind == "entity" else {"speaker": f.key.upper()}
        assert find_focus(db, **key) == oracle.find_focus(tables, **key)
    with pytest.raises(ValueError, match="no entity 'Nobody'"):
        find_focus(db, entity="Nobody")
    with pytest.raises(ValueError, match="no quotes by speaker"):
        find_focus(db, speaker="Nobody")


def test_every_view_on_the_slice_equals_the_view_on_the_whole_tables(store: Path) -> None:
    tables = read_dataset(store)
    db = open_database(store)
    focuses = _focuses(tables)
    assert {f.kind for f in focuses} == {"entity", "speaker"}
    for f in focuses:
        part = read_slice(db, f)
        assert len(part["articles"]) <= len(tables["articles"]) and "text" not in part["articles"]
        for filters in FILTERS:
            for freq in ("W", "M") if filters == Filters() else ("W",):
                full = make_view(tables, f, filters=filters, freq=freq)
                got = make_view(part, f, filters=filters, freq=freq)
                what = f"{f.kind} {f.key} {filters} {freq}"
                for name in ("counts", "tone", "overall", "sentences", "quotes_by", "quotes_about", "evidence"):
                    _same(getattr(full, name), getattr(got, name), f"{name}: {what}")
                assert (got.points, got.n_articles, got.basis) == (full.points, full.n_articles, full.basis), what
                assert got.summary().text == full.summary().text
                assert got.busiest_point() == full.busiest_point()
                for period in [None, *(p for _, p in full.points[:2])]:
                    assert got.sentences_table(period).text == full.sentences_table(period).text


def test_the_explorer_holds_one_slice(store: Path) -> None:
    ex = Explorer.load(store)
    first = ex.tables
    assert ex.tables is first  # read once per focus
    speaker = ex.speaker_choices()[0][1]
    ex.choose(speaker=speaker)
    assert ex.tables is not first and ex._cache["slice"][0] == ex.focus
    assert set(ex.tables["quotes"].loc[ex.tables["quotes"]["speaker"] == speaker, "article_id"]) <= set(
        ex.tables["articles"]["article_id"])
