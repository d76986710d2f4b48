"""The SQL (DuckDB) analyses, the only implementation the package runs, equal their pandas oracles
(``tests/oracles.py``) on random tables and on the sample corpus (slow: annotates it)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import oracles
from newsbrief.analysis import change as ch
from newsbrief.analysis import db_change as dch
from newsbrief.analysis import db_counts as dbc
from newsbrief.analysis import db_spikes as dsp
from newsbrief.analysis.db import Db
from newsbrief.store.duck import connect
from randomcorpus import random_tables


def same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    a, b = a.reset_index(drop=True), b.reset_index(drop=True)
    assert list(a.columns) == list(b.columns[: len(a.columns)]) or set(a.columns) <= set(b.columns)
    pd.testing.assert_frame_equal(a, b[list(a.columns)], check_dtype=False, rtol=1e-9)


def assert_sql_equals_pandas(t: dict[str, pd.DataFrame], db: Db) -> None:
    ents = t["entities"]
    same(oracles.entity_frequencies(t["mentions"], ents), dbc.entity_frequencies(db, ents))
    same(oracles.speaker_share(t["quotes"], t["articles"]), dbc.speaker_share(db))
    for by in (None, "source"):
        same(oracles.corpus_timeline(t["articles"], t["sentences"], freq="W", by=by),
             dbc.corpus_timeline(db, freq="W", by=by))
    for compare in ("previous", "corpus"):
        split = oracles.compare_split(t["articles"], freq="W", compare=compare)
        sql = dch.compare_split(db, freq="W", compare=compare)
        assert (len(split.focus), len(split.base), split.focus_span, split.base_span, split.kind) == \
            (sql.n_focus, sql.n_base, sql.focus_span, sql.base_span, sql.kind)
        same(oracles.entity_changes(t["mentions"], ents, split), dch.entity_changes(db, sql))
        same(oracles.speaker_changes(t["quotes"], split), dch.speaker_changes(db, sql))
        same(oracles.new_speakers(t["quotes"], split), dch.new_speakers(db, sql))
        same(oracles.tone_shifts(oracles.source_tone(t["sentences"], t["articles"]), split),
             dch.source_tone_shifts(db, sql))
        ids = list(oracles.entity_frequencies(t["mentions"], ents, top=10)["entity_id"])
        same(oracles.tone_shifts(oracles.entity_tone(t["sentences"], t["mentions"], ents, entity_ids=ids), split),
             dch.entity_tone_shifts(db, sql, entity_ids=ids))
    for freq in ("W", "D"):
        ids = list(oracles.entity_frequencies(t["mentions"], ents, top=10)["entity_id"])
        spikes = oracles.attention_spikes(t["mentions"], t["articles"], ents, entity_ids=ids, freq=freq)
        spikes_sql = dsp.attention_spikes(db, ents, entity_ids=ids, freq=freq)
        same(spikes, spikes_sql)
        same(oracles.spike_headlines(spikes, t["mentions"], t["articles"], freq=freq),
             dsp.spike_headlines(db, spikes_sql, freq=freq))
        long = oracles.share_by_period(t["mentions"], t["articles"], freq=freq)
        long = long[long["entity_id"].isin(ids[:5])].sort_values(["period", "entity_id"])
        same(long, dsp.share_by_period(db, entity_ids=ids[:5], freq=freq).sort_values(["period", "entity_id"]))
    ids = list(oracles.entity_frequencies(t["mentions"], ents, top=12)["entity_id"])
    same(oracles.cooccurrence(t["mentions"], t["sentences"], ents, entity_ids=ids),
         dsp.cooccurrence(db, ents, entity_ids=ids))
    pd.testing.assert_frame_equal(oracles.share_of_voice(t["mentions"], t["articles"], ents),
                                  dsp.share_of_voice(db, ents))
    pd.testing.assert_frame_equal(oracles.speaker_share_of_voice(t["quotes"], t["articles"]),
                                  dsp.speaker_share_of_voice(db))
    thin, total = dbc.thin_articles(db)
    assert thin == oracles.thin_articles(t["articles"]) and total == len(thin)


@pytest.mark.parametrize("keyed", [False, True], ids=["offsets", "mentions.sent_id"])
def test_sql_equals_pandas_on_random_tables(keyed: bool) -> None:
    tables = random_tables()
    if keyed:  # stores assembled since mentions carry their sentence: joined by key, not by offsets
        from newsbrief.annotate.runner import sentence_ids

        tables["mentions"]["sent_id"] = sentence_ids(tables["mentions"], tables["sentences"])
        assert tables["mentions"]["sent_id"].notna().all()
    db = Db(connect(tables))
    assert_sql_equals_pandas(tables, db)
    # the checks are not vacuous: there is something to compare in each section
    split = dch.compare_split(db, freq="W")
    assert split.usable and not dch.entity_changes(db, split).empty
    assert not dsp.cooccurrence(db, tables["entities"], entity_ids=[f"E{i}" for i in range(10)]).empty


@pytest.mark.slow
def test_sql_equals_pandas_on_the_sample_corpus(sample_store: Path) -> None:
    from newsbrief.store import read_dataset

    tables = read_dataset(sample_store)
    db = Db(connect(sample_store))
    assert len(tables["articles"]) > 200
    assert_sql_equals_pandas(tables, db)


def test_a_gap_before_the_focus_compares_with_everything_earlier() -> None:
    tables = random_tables()
    a = tables["articles"]
    weeks = (a["published"] - pd.Timestamp("2024-01-01", tz="UTC")).dt.days // 7
    keep = a["published"].isna() | (weeks <= 6) | (weeks == 9)  # weeks 7 and 8 are empty
    tables = {k: (v[v["article_id"].isin(set(a.loc[keep, "article_id"]))] if "article_id" in v and k != "entities"
                  else v) for k, v in tables.items()}
    split = oracles.compare_split(tables["articles"], freq="W")
    sql = dch.compare_split(Db(connect(tables)), freq="W")
    assert split.base_span == sql.base_span == ch.EARLIER
    assert len(split.base) == sql.n_base == int(((weeks <= 6) & keep & a["published"].notna()).sum())


@pytest.mark.parametrize("missing", ["entities and quotes", "dates", "sentences", "everything but one source"])
def test_a_corpus_missing_parts_has_every_section(tmp_path: Path, missing: str) -> None:
    """Nothing to count somewhere (no mentions or quotes, no dates, no sentences, one source): every corpus section
    says so or shows what there is, instead of failing."""
    from newsbrief.params import BriefingOptions
    from newsbrief.present.corpus import CorpusBriefing
    from newsbrief.store import write_dataset

    tables = random_tables()
    if missing == "entities and quotes":
        tables["mentions"] = tables["mentions"].iloc[0:0]
        tables["quotes"] = tables["quotes"].iloc[0:0]
    elif missing == "dates":
        tables["articles"]["published"] = pd.NaT
    elif missing == "sentences":
        tables["sentences"] = tables["sentences"].iloc[0:0]
    else:
        tables["articles"]["source"] = "Daily"
    write_dataset(tmp_path / "store", tables, manifest={})
    briefing = CorpusBriefing.load(BriefingOptions(data=str(tmp_path / "store"), mode="corpus"))
    entity, speaker, new = briefing.changes
    assert entity[entity["reported"]].empty or missing not in ("entities and quotes", "dates")
    for section in (briefing.header, briefing.what_changed, briefing.why_it_spiked, briefing.who_with_whom,
                    briefing.share_of_voice, briefing.articles_behind, briefing.findings_block, briefing.entity_chart,
                    briefing.entity_table, briefing.speaker_chart, briefing.sentiment_chart):
        section()
