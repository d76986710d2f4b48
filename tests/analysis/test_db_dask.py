"""The corpus aggregations on a Dask cluster (one partial per month partition, merged on the client) equal the
local ones: every two-phase function on random tables written as a month-partitioned store, and the corpus
briefing's sections (the sample corpus: slow)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from newsbrief.analysis import db_change as dch
from newsbrief.analysis import db_counts as dbc
from newsbrief.analysis import db_spikes as dsp
from newsbrief.analysis.db import Db
from newsbrief.analysis.db_dask import DaskDb, file_parts, frame_parts
from newsbrief.cluster import DaskCluster
from newsbrief.store import table_files
from newsbrief.store.duck import connect
from randomcorpus import random_tables

from ..storedata import write_in_batches
from .test_db_equal import assert_sql_equals_pandas

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster() -> Iterator[DaskCluster]:
    with (distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as lc,
          distributed.Client(lc) as client):
        yield DaskCluster(client)


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return random_tables()


@pytest.fixture(scope="module")
def store(tables: dict[str, pd.DataFrame], tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("partitioned") / "store"
    write_in_batches(root, tables, size=40)
    return root


def frames_equal(a: pd.DataFrame, b: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True), check_dtype=False, rtol=1e-9)


def every_result(db: Db, entities: pd.DataFrame) -> dict[str, Any]:
    """Every two-phase corpus function's result on ``db`` (both comparison modes, weekly and daily)."""
    out: dict[str, Any] = {
        "frequencies": dbc.entity_frequencies(db, entities), "speakers": dbc.speaker_share(db),
        "timeline": dbc.corpus_timeline(db, freq="W"), "timeline_source": dbc.corpus_timeline(db, by="source"),
        "summary": pd.DataFrame([dbc.corpus_summary(db)]), "thin": dbc.thin_articles(db, limit=3),
        "by_id": dbc.articles_by_id(db, ["a0001", "a0002", "a0100"]).sort_values("article_id"),
    }
    ids = list(out["frequencies"]["entity_id"].head(10))
    for compare in ("previous", "corpus"):
        split = dch.compare_split(db, compare=compare)
        out[f"split_{compare}"] = split
        out[f"entity_changes_{compare}"] = dch.entity_changes(db, split)
        out[f"speaker_changes_{compare}"] = dch.speaker_changes(db, split)
        out[f"new_speakers_{compare}"] = dch.new_speakers(db, split, min_quotes=1)
        out[f"source_tone_{compare}"] = dch.source_tone_shifts(db, split)
        out[f"entity_tone_{compare}"] = dch.entity_tone_shifts(db, split, entity_ids=ids)
    for freq in ("W", "D"):
        spikes = dsp.attention_spikes(db, entities, entity_ids=ids, freq=freq)
        out[f"spikes_{freq}"] = spikes
        out[f"headlines_{freq}"] = dsp.spike_headlines(db, spikes, freq=freq).sort_values(["entity_id", "rank"])
        out[f"share_{freq}"] = dsp.share_by_period(db, entity_ids=ids[:5], freq=freq)
    out["pairs"] = dsp.cooccurrence(db, entities, entity_ids=ids)
    out["share_of_voice"] = dsp.share_of_voice(db, entities)
    out["speaker_share_of_voice"] = dsp.speaker_share_of_voice(db)
    return out


def assert_same_results(local: dict[str, Any], dask: dict[str, Any]) -> None:
    assert local.keys() == dask.keys()
    for key, want in local.items():
        got = dask[key]
        if isinstance(want, pd.DataFrame):
            frames_equal(want, got)
        else:
            assert got == want, key


def test_the_store_splits_into_article_disjoint_month_parts(store: Path, tables: dict[str, pd.DataFrame]) -> None:
    parts = file_parts(table_files(store))
    assert len(parts) == 4  # January, February, March and undated
    seen = [set(pd.concat([pd.read_parquet(p) for p in part["articles"]])["article_id"]) for part in parts]
    assert sum(map(len, seen)) == len(set().union(*seen)) == len(tables["articles"])
    assert all(part["entities"] == table_files(store)["entities"] for part in parts)
    assert [len(p["articles"]) for p in frame_parts(tables)] == [len(s) for s in seen]
    # finer: one part per written file number (the same articles in every table)
    for part in file_parts(table_files(store), by="file"):
        ids = set(pd.concat([pd.read_parquet(p) for p in part["articles"]])["article_id"])
        for name in ("mentions", "quotes", "sentences"):
            assert set(pd.concat([pd.read_parquet(p) for p in part[name]])["article_id"]) <= ids
    assert len(file_parts(table_files(store), by="file")) > len(parts)


def test_dask_equals_local_on_a_partitioned_store(store: Path, tables: dict[str, pd.DataFrame],
                                                  cluster: DaskCluster) -> None:
    local = Db(connect(store))
    dask = DaskDb.open(store, cluster=cluster)
    assert len(dask.parts) == 4
    # weeks that span two months (parts) are merged from their moments: the test would catch averaged averages
    weeks = dbc.corpus_timeline(local, freq="W")["period"]
    assert any(p.month != (p + pd.Timedelta(days=6)).month for p in weeks)
    entities = local.entities()
    assert_same_results(every_result(local, entities), every_result(dask, entities))


@pytest.mark.slow
def test_dask_by_written_file_equals_local(store: Path, cluster: DaskCluster) -> None:
    local, dask = Db(connect(store)), DaskDb.open(store, cluster=cluster, by="file")
    assert len(dask.parts) > 4
    entities = local.entities()
    assert_same_results(every_result(local, entities), every_result(dask, entities))


@pytest.mark.slow
def test_dask_equals_local_and_pandas_in_a_scope(store: Path, tables: dict[str, pd.DataFrame],
                                                 cluster: DaskCluster) -> None:
    local, dask = Db(connect(store)), DaskDb.open(store, cluster=cluster)
    entities = local.entities()
    assert_same_results(every_result(local.scoped("a.source IS NOT NULL"), entities),
                        every_result(dask.scoped("a.source IS NOT NULL"), entities))
    assert_sql_equals_pandas(tables, dask)


@pytest.mark.slow
def test_dask_over_in_memory_tables_equals_pandas(tables: dict[str, pd.DataFrame], cluster: DaskCluster) -> None:
    assert_sql_equals_pandas(tables, DaskDb.open(tables, cluster=cluster))


class StrictDaskDb(DaskDb):
    """A DaskDb that refuses single-phase queries other than the entities table (small, read whole)."""

    def df(self, sql: str, params: Any = None) -> pd.DataFrame:
        assert sql.strip() == "SELECT * FROM entities", f"single-phase query on the client: {sql}"
        return super().df(sql, params)

    def value(self, sql: str, params: Any = None) -> Any:
        raise AssertionError(f"single-phase query on the client: {sql}")


def sections(briefing: Any) -> dict[str, Any]:
    """What a corpus briefing shows, as text (and its charts' alt text)."""
    out: dict[str, Any] = {"header": briefing.header_rows(), "notes": briefing.notes(),
                           "findings": briefing.findings(), "articles": briefing.articles_table()}
    for name in ("entity_chart", "speaker_chart", "sentiment_chart", "entity_table", "what_changed",
                 "why_it_spiked", "who_with_whom", "share_of_voice", "articles_behind"):
        shown = getattr(briefing, name)()
        parts = getattr(shown, "parts", [shown])
        out[name] = [getattr(p, "text", None) or getattr(p, "alt", None) for p in parts if p is not None]
    return out


def compare_briefings(data: Path, cluster: DaskCluster, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    from newsbrief.params import BriefingOptions
    from newsbrief.present import corpus as module
    from newsbrief.present.corpus import CorpusBriefing

    local = sections(CorpusBriefing.load(BriefingOptions(data=str(data), mode="corpus")))
    class Opener:  # CorpusBriefing.load's DaskDb.open, on the test's cluster and strict
        @staticmethod
        def open(store: Path, **kw: Any) -> DaskDb:
            return StrictDaskDb.open(store, cluster=cluster, db=kw["db"])

    monkeypatch.setattr(module, "DaskDb", Opener)
    remote = CorpusBriefing.load(BriefingOptions(data=str(data), mode="corpus", engine="dask"))
    assert isinstance(remote.db, StrictDaskDb)
    got = sections(remote)
    assert got.keys() == local.keys()
    for key, want in local.items():
        if isinstance(want, pd.DataFrame):
            frames_equal(want, got[key])
        else:
            assert got[key] == want, key
    return local


def test_a_corpus_briefing_on_dask_runs_through_aggregate_and_equals_local(
        store: Path, cluster: DaskCluster, monkeypatch: pytest.MonkeyPatch) -> None:
    shown = compare_briefings(store, cluster, monkeypatch)
    assert shown["what_changed"] and shown["findings"]


@pytest.mark.slow
def test_the_sample_corpus_briefing_on_dask_equals_local(sample_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert len(file_parts(table_files(sample_store))) > 1
    with (distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as lc,
          distributed.Client(lc) as client):
        shown = compare_briefings(sample_store, DaskCluster(client), monkeypatch)
    assert shown["findings"] and shown["what_changed"]
