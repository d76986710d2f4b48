"""What changed, why it spiked, who appears with whom: the statistics on small hand-made tables (through the
pandas oracles, which tests/analysis/test_db_equal.py holds equal to the SQL the package runs)."""

from __future__ import annotations

import pandas as pd
import pytest

from newsbrief.analysis.change import NO_SPAN, Split, log_odds_changes, parse_range
from newsbrief.errors import NewsbriefError
from newsbrief.present.formatters import span_label
from oracles import (
    attention_spikes,
    compare_split,
    cooccurrence,
    entity_changes,
    new_speakers,
    share_of_voice,
    spike_headlines,
    tone_shifts,
    welch_interval,
)


def counts(**items: int) -> pd.DataFrame:
    return pd.DataFrame({"item": list(items), "type": "person", "count": list(items.values())})


def test_a_large_rise_is_significant_and_a_small_one_is_not() -> None:
    # Big counts: Ann goes from 1% to 8% of 1,000 mentions.
    focus = counts(Ann=80, Other=920)
    base = counts(Ann=10, Other=990)
    big = log_odds_changes(focus, base).set_index("item")
    assert big.loc["Ann", "significant"] and big.loc["Ann", "z"] > 3
    assert big.loc["Other", "z"] < 0
    # Small counts, the same direction: 1 of 20 against 3 of 20 is noise.
    small = log_odds_changes(counts(Ann=3, Other=17), counts(Ann=1, Other=19)).set_index("item")
    assert not small.loc["Ann", "significant"] and 0 < small.loc["Ann", "z"] < 1.96


def test_a_fall_is_negative_and_rare_items_are_left_out() -> None:
    table = log_odds_changes(counts(Bob=5, Eve=1, Other=994), counts(Bob=60, Other=940), min_count=3)
    assert "Eve" not in set(table["item"])
    bob = table.set_index("item").loc["Bob"]
    assert bob["significant"] and bob["z"] < -3 and bob["change"] < 0


def test_the_prior_shrinks_an_item_that_is_rare_in_the_background() -> None:
    focus, base = counts(Ann=6, Other=94), counts(Ann=0, Other=100)
    weak = log_odds_changes(focus, base, background=counts(Ann=1000, Other=100_000)).set_index("item")
    strong = log_odds_changes(focus, base, background=counts(Ann=1000, Other=100_000),
                              prior_strength=100_000).set_index("item")
    assert strong.loc["Ann", "z"] < weak.loc["Ann", "z"]


def articles_over(weeks: dict[str, int]) -> pd.DataFrame:
    rows = []
    for week, n in weeks.items():
        for i in range(n):
            rows.append({"article_id": f"{week}-{i}", "published": pd.Timestamp(week, tz="UTC") + pd.Timedelta(hours=i),
                         "source": "A" if i % 2 else "B", "title": f"t {week} {i}", "url": None})
    return pd.DataFrame(rows)


def test_split_previous_widens_a_thin_last_week() -> None:
    arts = articles_over({"2024-01-01": 12, "2024-01-08": 12, "2024-01-15": 12, "2024-01-22": 2})
    split = compare_split(arts, freq="W", min_articles=10)
    assert split.kind == "previous" and len(split.focus) == 14  # last two weeks: 12 + 2
    assert len(split.base) == 24 and "2 weeks" in span_label(split.focus_span)
    assert split.earlier == split.base | {a for a in arts["article_id"] if a.startswith("2024-01-01")}


def test_split_of_one_week_has_nothing_to_compare_and_a_range_picks_its_dates() -> None:
    one = compare_split(articles_over({"2024-01-01": 5}), freq="W")
    assert not one.usable and one.kind == "none" and "nothing earlier to compare" in one.reason
    arts = articles_over({"2024-01-01": 12, "2024-01-08": 12, "2024-01-15": 12})
    ranged = compare_split(arts, freq="W", compare="2024-01-01..2024-01-07")
    assert ranged.kind == "range" and len(ranged.base) == 12
    assert span_label(ranged.base_span) == "1 January 2024 to 7 January 2024"
    assert parse_range("2024-01-01 to 2024-01-31") is not None and parse_range("last week") is None
    with pytest.raises(NewsbriefError, match="compare"):
        compare_split(arts, compare="last week")
    undated = compare_split(arts.assign(published=pd.NaT), freq="W")
    assert not undated.usable and "dated" in undated.reason


def test_entity_changes_need_the_rise_to_span_two_articles() -> None:
    split = Split(frozenset({"f1", "f2"}), frozenset({"b1", "b2"}), NO_SPAN, NO_SPAN, "previous")
    rows = [("f1", "E1")] * 40 + [("f1", "E0")] * 20 + [("f2", "E0")] * 40 + [("b1", "E0")] * 50 + [("b2", "E0")] * 50
    rows += [("b1", "E2")] * 2 + [("f1", "E2")] * 15 + [("f2", "E2")] * 15
    mentions = pd.DataFrame(rows, columns=["article_id", "entity_id"]).assign(start=range(len(rows)))
    entities = pd.DataFrame({"entity_id": ["E0", "E1", "E2"], "name": ["Zero", "One-article", "Two-articles"],
                             "label": "PERSON"})
    table = entity_changes(mentions, entities, split).set_index("item")
    assert table.loc["One-article", "significant"] and not table.loc["One-article", "reported"]
    assert table.loc["Two-articles", "reported"]


def test_new_speakers_are_not_quoted_before() -> None:
    split = Split(frozenset({"f1", "f2"}), frozenset({"b1"}), NO_SPAN, NO_SPAN, "previous",
                  earlier=frozenset({"e1", "b1"}))
    quotes = pd.DataFrame({"article_id": ["f1", "f1", "f2", "f1", "f2", "e1", "f1"],
                           "speaker": ["New", "New", "Old", "Old", "Once", "Old", None]})
    assert new_speakers(quotes, split)["speaker"].tolist() == ["New"]


def test_tone_shift_interval() -> None:
    split = Split(frozenset(f"f{i}" for i in range(8)), frozenset(f"b{i}" for i in range(8)), NO_SPAN, NO_SPAN,
                  "previous")
    values = pd.DataFrame({
        "group": ["Moved"] * 16 + ["Still"] * 16,
        "article_id": [f"f{i}" for i in range(8)] + [f"b{i}" for i in range(8)] * 1 + [f"f{i}" for i in range(8)]
        + [f"b{i}" for i in range(8)],
        "value": [-0.5, -0.4, -0.6, -0.5, -0.45, -0.55, -0.5, -0.4] + [0.1, 0.2, 0.0, 0.1, 0.15, 0.05, 0.1, 0.2]
        + [0.1, -0.1, 0.2, -0.2, 0.0, 0.1, -0.1, 0.0] + [0.0, 0.1, -0.1, 0.2, -0.2, 0.1, 0.0, -0.1],
    })
    table = tone_shifts(values, split).set_index("group")
    assert table.loc["Moved", "significant"] and table.loc["Moved", "ci_high"] < 0
    assert not table.loc["Still", "significant"] and table.loc["Still", "ci_low"] < 0 < table.loc["Still", "ci_high"]
    diff, low, high = welch_interval(pd.Series([1.0]), pd.Series([0.0, 0.5]))
    assert diff == 0.75 and pd.isna(low) and pd.isna(high)


def weekly_mentions(series: dict[str, list[int]], *, per_week_other: int = 50) -> tuple[pd.DataFrame, ...]:
    """Articles (two per week) and mentions: each entity's weekly count split over the two articles."""
    weeks = pd.date_range("2024-01-01", periods=len(next(iter(series.values()))), freq="7D", tz="UTC")
    arts, rows = [], []
    for w, day in enumerate(weeks):
        for j in range(2):
            arts.append({"article_id": f"w{w}a{j}", "published": day, "title": f"Week {w} story {j}", "source": "S",
                         "url": None})
        for j in range(per_week_other):
            rows.append((f"w{w}a{j % 2}", "OTHER"))
        for name, values in series.items():
            for j in range(values[w]):
                rows.append((f"w{w}a{j % 2}", name))
    mentions = pd.DataFrame(rows, columns=["article_id", "entity_id"]).assign(start=range(len(rows)))
    entities = pd.DataFrame({"entity_id": [*series, "OTHER"], "name": [*series, "Other"], "label": "PERSON"})
    return pd.DataFrame(arts), mentions, entities


def test_a_spike_against_its_own_baseline_and_steady_coverage_is_not_one() -> None:
    arts, mentions, entities = weekly_mentions({"Spiky": [2, 3, 2, 2, 30, 3, 2], "Steady": [10, 11, 9, 10, 12, 10, 11]})
    spikes = attention_spikes(mentions, arts, entities, entity_ids=["Spiky", "Steady"], freq="W")
    assert spikes["entity"].tolist() == ["Spiky"]
    assert spikes["period"].iloc[0] == pd.Timestamp("2024-01-29") and spikes["mentions"].iloc[0] == 30
    heads = spike_headlines(spikes, mentions, arts, n=3)
    assert heads["title"].tolist() == ["Week 4 story 0", "Week 4 story 1"]


def test_a_busy_week_alone_is_no_spike() -> None:
    # Everyone doubles in week 4 (more articles): shares stay level.
    arts, mentions, entities = weekly_mentions({"Ann": [5, 5, 5, 5, 10, 5, 5]}, per_week_other=50)
    extra = mentions[mentions["article_id"].str.startswith("w4")]
    mentions = pd.concat([mentions, extra]).assign(start=lambda d: range(len(d)))
    assert attention_spikes(mentions, arts, entities, entity_ids=["Ann"], freq="W").empty


def test_cooccurrence_weighs_association_not_frequency() -> None:
    # 100 sentences; Big is in 50 of them; Ann and Bob are always together (5 sentences); Big meets Ann twice.
    sentences = pd.DataFrame({"article_id": "a", "sent_id": range(100), "start": [i * 10 for i in range(100)],
                              "end": [i * 10 + 9 for i in range(100)], "sentiment": 0.0})
    rows = [(i * 10, "Big") for i in range(50)]
    rows += [(i * 10 + 1, "Ann") for i in (60, 61, 62, 63, 64, 0, 1)]
    rows += [(i * 10 + 2, "Bob") for i in (60, 61, 62, 63, 64)]
    mentions = pd.DataFrame(rows, columns=["start", "entity_id"]).assign(article_id="a")
    entities = pd.DataFrame({"entity_id": ["Big", "Ann", "Bob"], "name": ["Big", "Ann", "Bob"]})
    pairs = cooccurrence(mentions, sentences, entities, entity_ids=["Big", "Ann", "Bob"], min_together=2)
    top = pairs.iloc[0]
    assert {top["a"], top["b"]} == {"Ann", "Bob"} and top["significant"] and top["npmi"] > 0.7
    big_ann = pairs[(pairs["a_id"] == "Ann") & (pairs["b_id"] == "Big")].iloc[0]
    assert not big_ann["significant"] and big_ann["npmi"] < top["npmi"]


def test_share_of_voice_rows_are_sources_and_sum_to_at_most_one() -> None:
    arts = pd.DataFrame({"article_id": list("abcdef"), "source": ["X"] * 3 + ["Y"] * 3})
    mentions = pd.DataFrame({"article_id": list("aabbccddeeff"), "entity_id": list("PPPPQQQQQQRR"), "start": range(12)})
    entities = pd.DataFrame({"entity_id": list("PQR"), "name": ["Pat", "Quinn", "Rae"]})
    table = share_of_voice(mentions, arts, entities, top=2)
    assert list(table.columns) == ["Quinn", "Pat"] and set(table.index) == {"X", "Y"}
    assert table.loc["X", "Pat"] == pytest.approx(4 / 6) and table.loc["Y", "Pat"] == 0
    assert (table.sum(axis=1) <= 1 + 1e-9).all()
    assert share_of_voice(mentions, arts.assign(source="X"), entities).empty
