"""Sentiment timelines on small made-up tables: known means, bands, empty periods, findings."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from newsbrief import analysis
from newsbrief.analysis.sentiment import (
    article_timeline,
    entity_sentiment,
    extreme_sentences,
    largest_shifts,
    speaker_sentiment,
    t_quantile,
)
from newsbrief.errors import NewsbriefError
from newsbrief.present.tone_findings import findings


def corpus_timeline(articles: pd.DataFrame, sentences: pd.DataFrame, **options: object) -> pd.DataFrame:
    """The corpus timeline (SQL) over these tables in memory."""
    return analysis.corpus_timeline(analysis.as_database({"articles": articles, "sentences": sentences}), **options)


def make_sentences(scores: dict[str, list[float]]) -> pd.DataFrame:
    rows = []
    for aid, values in scores.items():
        pos = 0
        for i, v in enumerate(values):
            text = f"Sentence {i} of article {aid} says something."
            rows.append({"article_id": aid, "sent_id": i, "start": pos, "end": pos + len(text), "text": text,
                         "sentiment": v})
            pos += len(text) + 1
    return pd.DataFrame(rows)


def make_articles(dates: dict[str, str | None], sources: dict[str, str] | None = None) -> pd.DataFrame:
    return pd.DataFrame({
        "article_id": list(dates),
        "published": pd.to_datetime(list(dates.values()), utc=True, format="ISO8601"),
        "source": [(sources or {}).get(a, "Wire") for a in dates],
    })


def test_article_timeline_rolling_mean_and_order() -> None:
    s = make_sentences({"a": [0.0, 1.0, -1.0, 0.5, -0.5]}).sample(frac=1, random_state=1)
    tl = article_timeline(s, window=3)
    assert list(tl["position"]) == [0, 1, 2, 3, 4]
    assert list(tl["sentiment"]) == [0.0, 1.0, -1.0, 0.5, -0.5]
    assert tl["rolling"].tolist() == pytest.approx([0.5, 0.0, 0.5 / 3, -1 / 3, 0.0])
    assert tl["relative_position"].iloc[-1] == 1.0


def test_article_timeline_keeps_articles_apart() -> None:
    s = make_sentences({"a": [1.0, 1.0], "b": [-1.0, -1.0]})
    tl = article_timeline(s, window=5)
    assert tl.groupby("article_id")["rolling"].first().to_dict() == {"a": 1.0, "b": -1.0}
    with pytest.raises(NewsbriefError):
        article_timeline(s, article_id="zzz")


def test_extreme_sentences() -> None:
    s = make_sentences({"a": [0.1, -0.7, 0.9, -0.2]})
    ex = extreme_sentences(s, n=1)
    assert ex["kind"].tolist() == ["most negative", "most positive"]
    assert ex["sentiment"].tolist() == [-0.7, 0.9]
    only_pos = extreme_sentences(make_sentences({"a": [0.1, 0.2]}))
    assert only_pos["kind"].tolist() == ["most positive"]


def test_t_quantile_matches_tables() -> None:
    got = t_quantile(0.975, np.array([0, 1, 2, 3, 5, 10, 30, 1000]))
    assert np.isnan(got[0])
    assert got[1:] == pytest.approx([12.706, 4.303, 3.182, 2.571, 2.228, 2.042, 1.962], rel=2e-3)


def test_corpus_timeline_known_means_and_empty_weeks() -> None:
    # week of 2 March: a (mean 0.5 over 2 sentences), b (-0.1); no article in the week of 9 March;
    # week of 16 March: c (0.2). Article means first: (0.5 + -0.1) / 2 = 0.2, not the sentence mean.
    s = make_sentences({"a": [0.0, 1.0], "b": [-0.1], "c": [0.2, 0.2, 0.2], "d": [0.9]})
    arts = make_articles({"a": "1987-03-02 10:00", "b": "1987-03-05 23:00", "c": "1987-03-18", "d": None})
    tl = corpus_timeline(arts, s, freq="W", thin_below=2)
    assert list(tl["period"]) == list(pd.to_datetime(["1987-03-02", "1987-03-09", "1987-03-16"], utc=True))
    assert tl["mean"].iloc[0] == pytest.approx(0.2)
    assert tl["n_articles"].tolist() == [2, 0, 1]
    assert np.isnan(tl["mean"].iloc[1])
    assert tl["thin"].tolist() == [False, True, True]
    assert tl["n_sentences"].tolist() == [3, 0, 3]
    assert tl["ci_low"].iloc[0] < 0.2 < tl["ci_high"].iloc[0]
    assert np.isnan(tl["ci_low"].iloc[2])  # one article: no interval
    daily = corpus_timeline(arts, s, freq="D")
    assert len(daily) == 17 and daily["n_articles"].sum() == 3


def test_band_narrows_with_more_articles() -> None:
    rng = np.random.default_rng(0)
    widths = []
    for n in (5, 20, 80):
        values = rng.normal(0.0, 0.3, n)
        values = (values - values.mean()) / values.std(ddof=1) * 0.3  # same sd, different n
        s = make_sentences({f"a{i}": [v] for i, v in enumerate(values)})
        arts = make_articles({f"a{i}": "2021-04-06" for i in range(n)})
        tl = corpus_timeline(arts, s, freq="W")
        assert tl["mean"].iloc[0] == pytest.approx(0.0, abs=1e-12)
        widths.append(float(tl["ci_high"].iloc[0] - tl["ci_low"].iloc[0]))
    assert widths[0] > widths[1] > widths[2]
    assert widths[2] == pytest.approx(2 * t_quantile(0.975, 79) * 0.3 / np.sqrt(80))


def test_corpus_timeline_by_source_spans_the_whole_range() -> None:
    s = make_sentences({"a": [0.5], "b": [-0.5], "c": [0.1]})
    arts = make_articles({"a": "2021-01-04", "b": "2021-01-18", "c": "2021-01-18"},
                         {"a": "WION", "b": "Reuters", "c": "WION"})
    tl = corpus_timeline(arts, s, freq="W", by="source")
    assert set(tl["source"]) == {"WION", "Reuters"}
    assert tl.groupby("source").size().tolist() == [3, 3]
    wion = tl[tl["source"] == "WION"].set_index("period")
    assert wion["n_articles"].tolist() == [1, 0, 1]
    with pytest.raises(NewsbriefError):
        corpus_timeline(arts, s, by="author")


def test_largest_shifts_skip_empty_periods() -> None:
    tl = pd.DataFrame({
        "period": pd.to_datetime(["2021-03-01", "2021-03-08", "2021-03-15", "2021-03-22"], utc=True),
        "mean": [0.1, np.nan, -0.3, -0.2],
        "n_articles": [4, 0, 5, 6],
        "thin": [False, True, False, False],
    })
    shifts = largest_shifts(tl, n=2)
    assert shifts["change"].tolist() == pytest.approx([-0.4, 0.1])
    assert shifts["previous_period"].iloc[0] == pd.Timestamp("2021-03-01", tz="UTC")


@pytest.fixture()
def entity_tables() -> dict[str, pd.DataFrame]:
    s = make_sentences({"a": [-0.5, 0.4, 0.0], "b": [-0.3, 0.6]})
    starts = s.set_index(["article_id", "sent_id"])["start"]
    nato = {"text": "NATO", "label": "ORG", "entity_id": "nato"}
    kyiv = {"text": "Kyiv", "label": "GPE", "entity_id": "kyiv"}
    mentions = pd.DataFrame([
        {"article_id": "a", "start": starts["a", 0] + 2, "end": starts["a", 0] + 6, **nato},
        {"article_id": "a", "start": starts["a", 0] + 9, "end": starts["a", 0] + 13, **nato},
        {"article_id": "a", "start": starts["a", 1], "end": starts["a", 1] + 5, **kyiv},
        {"article_id": "b", "start": starts["b", 0], "end": starts["b", 0] + 4, **nato},
        {"article_id": "b", "start": starts["b", 1] + 1, "end": starts["b", 1] + 5, **kyiv},
    ])
    entities = pd.DataFrame({"entity_id": ["nato", "kyiv"], "name": ["NATO", "Kyiv"],
                             "label": ["ORG", "GPE"], "aliases": [["NATO"], ["Kyiv", "Kiev"]]})
    articles = make_articles({"a": "2021-04-06", "b": "2021-04-14"})
    return {"sentences": s, "mentions": mentions, "entities": entities, "articles": articles}


def test_entity_sentiment_counts_each_sentence_once(entity_tables: dict[str, pd.DataFrame]) -> None:
    t = entity_tables
    overall = entity_sentiment(t["sentences"], t["mentions"], t["entities"], t["articles"], freq=None)
    by = overall.set_index("entity")
    assert by.loc["NATO", "mean"] == pytest.approx((-0.5 + -0.3) / 2)
    assert by.loc["NATO", "n_sentences"] == 2
    assert by.loc["NATO", "n_mentions"] == 3
    assert by.loc["Kyiv", "mean"] == pytest.approx(0.5)
    weekly = entity_sentiment(t["sentences"], t["mentions"], t["entities"], t["articles"], names=["Kiev"], freq="W")
    assert set(weekly["entity"]) == {"Kyiv"}
    assert weekly["n_articles"].tolist() == [1, 1]
    text = findings(t["sentences"], entity_df=overall)
    assert any("too little to tell" in line for line in text)  # 2 sentences, 1 article: noise is not stated


def test_speaker_sentiment_averages_the_quotes_sentiment_column() -> None:
    quotes = pd.DataFrame({
        "article_id": ["a", "a", "b", "b"],
        "content": ["This is a terrible, shameful failure.", "We are grateful and happy.", "A wonderful success.", "x"],
        "speaker": ["Zelensky", "Zelensky", "Peskov", None],
        "sentiment": [-1.0, 0.0, 0.8, 0.0],
    })
    articles = make_articles({"a": "2021-04-06", "b": "2021-04-06"})
    out = speaker_sentiment(quotes, articles, freq=None).set_index("speaker")
    assert set(out.index) == {"Zelensky", "Peskov"}
    assert out.loc["Zelensky", "n_quotes"] == 2
    assert out.loc["Zelensky", "mean"] == pytest.approx(-0.5)
    assert out.loc["Peskov", "mean"] == pytest.approx(0.8)
    with pytest.raises(NewsbriefError, match="sentiment"):
        speaker_sentiment(quotes.drop(columns=["sentiment"]), articles, freq=None)


def test_findings_name_extremes_and_shifts() -> None:
    s = make_sentences({"a": [0.4, 0.2, -0.3, -0.62], "b": [0.1], "c": [-0.2]})
    s.loc[3, "text"] = "The situation is quite frightening."
    article = findings(s[s["article_id"] == "a"])
    assert article[0] == "The most negative sentence: \u201cThe situation is quite frightening.\u201d (\u22120.62)."
    assert not any("second half" in line for line in article)  # 2 against 2 sentences: within noise
    arts = make_articles({"a": "2021-02-22", "b": "2021-02-23", "c": "2021-03-05"})
    tl = corpus_timeline(arts, s, freq="W", thin_below=2)
    corpus = findings(s, timeline=tl, min_articles=1)
    assert any(line.startswith("Coverage turned more negative in the week of 1 March 2021 (\u22120.21")
               for line in corpus), corpus
    assert any("few articles" in line for line in corpus)


def test_aggregates_a_corpus_of_19000_articles() -> None:
    # How fast this runs is measured by benchmarks/timelines.py, never asserted here.
    rng = np.random.default_rng(0)
    n_articles, per = 19_000, 30
    ids = np.repeat(np.arange(n_articles).astype(str), per)
    sentences = pd.DataFrame({"article_id": ids, "sent_id": np.tile(np.arange(per), n_articles),
                              "start": np.tile(np.arange(per) * 100, n_articles),
                              "end": np.tile(np.arange(per) * 100 + 90, n_articles),
                              "text": "x", "sentiment": rng.uniform(-1, 1, len(ids))})
    articles = pd.DataFrame({"article_id": np.arange(n_articles).astype(str),
                             "published": pd.Timestamp("1987-02-26", tz="UTC")
                             + pd.to_timedelta(rng.integers(0, 236, n_articles), unit="D"),
                             "source": rng.choice(["Reuters", "AP", "WION"], n_articles)})
    tl = corpus_timeline(articles, sentences, freq="D", by="source")
    article_timeline(sentences, window=5)
    largest_shifts(tl)
    assert tl["n_articles"].sum() == n_articles
