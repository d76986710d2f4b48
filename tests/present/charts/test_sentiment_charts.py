"""Sentiment charts: they build from the analysis tables, label their axes and mark thin points."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

from newsbrief.analysis import as_database, corpus_timeline
from newsbrief.analysis.sentiment import article_timeline, entity_sentiment
from newsbrief.present.charts.sentiment import article_sentiment_chart, corpus_sentiment_chart, entity_sentiment_chart


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def sentences(n_articles: int, per: int = 4, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = [{"article_id": f"a{a}", "sent_id": i, "start": i * 50, "end": i * 50 + 40, "text": f"Sentence {i}.",
             "sentiment": float(rng.uniform(-1, 1))} for a in range(n_articles) for i in range(per)]
    return pd.DataFrame(rows)


def articles(n: int, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    # most articles in the first week, a few three weeks later, two empty weeks between
    days = rng.choice([0, 1, 2, 3, 21, 22, 23], n, p=[0.2, 0.2, 0.2, 0.2, 0.1, 0.05, 0.05])
    return pd.DataFrame({"article_id": [f"a{i}" for i in range(n)],
                         "published": pd.Timestamp("2021-03-01", tz="UTC") + pd.to_timedelta(days, unit="D"),
                         "source": rng.choice(["WION", "Reuters"], n)})


def labels(fig: Figure) -> list[str]:
    return [t for ax in fig.axes for t in (ax.get_xlabel(), ax.get_ylabel()) if t]


def test_article_chart() -> None:
    fig = article_sentiment_chart(article_timeline(sentences(1, per=12), window=3))
    assert isinstance(fig, Figure)
    assert any("Sentence number" in t for t in labels(fig))
    assert any("\u22121" in t for t in labels(fig))
    fig.savefig(__import__("io").BytesIO(), format="png")


@pytest.mark.parametrize("by", [None, "source"])
def test_corpus_chart_marks_thin_points_and_counts(by: str | None) -> None:
    tl = corpus_timeline(as_database({"articles": articles(30), "sentences": sentences(30)}), freq="W", by=by,
                         thin_below=8)
    assert tl["thin"].any() and (tl["n_articles"] == 0).any()
    fig = corpus_sentiment_chart(tl)
    assert len(fig.axes) == 2  # mean axis + article-count axis
    assert any("Articles per week" in t for t in labels(fig))
    assert any("Mean sentiment" in t for t in labels(fig))
    hollow = [line for line in fig.axes[0].get_lines() if line.get_markerfacecolor() == "white"]
    assert hollow and sum(len(line.get_xdata()) for line in hollow) == int((tl["thin"] & tl["mean"].notna()).sum())
    bars = fig.axes[1].patches
    assert len(bars) == tl["period"].nunique()
    fig.savefig(__import__("io").BytesIO(), format="png")


@pytest.mark.parametrize("freq", [None, "W"])
def test_entity_chart(freq: str | None) -> None:
    s = sentences(6)
    mentions = pd.DataFrame({"article_id": [f"a{i}" for i in range(6)] * 2, "start": [0] * 6 + [55] * 6,
                             "end": [4] * 6 + [60] * 6, "text": ["NATO"] * 6 + ["Kyiv"] * 6,
                             "label": ["ORG"] * 6 + ["GPE"] * 6, "entity_id": ["nato"] * 6 + ["kyiv"] * 6})
    ents = pd.DataFrame({"entity_id": ["nato", "kyiv"], "name": ["NATO", "Kyiv"], "label": ["ORG", "GPE"],
                         "aliases": [["NATO"], ["Kyiv"]]})
    df = entity_sentiment(s, mentions, ents, articles(6), freq=freq)
    fig = entity_sentiment_chart(df)
    assert isinstance(fig, Figure)
    assert any("Mean sentiment" in t for t in labels(fig))
    fig.savefig(__import__("io").BytesIO(), format="png")


@pytest.mark.parametrize("freq", [None, "W"])
def test_entity_tone_chart_labels_its_measure_and_says_what_it_means(freq: str | None) -> None:
    s, a = sentences(12), articles(12)
    m = pd.DataFrame({"article_id": s["article_id"], "start": s["start"], "end": s["start"] + 4,
                      "entity_id": ["E1", "E2"] * (len(s) // 2), "tone": np.linspace(-0.9, 0.9, len(s))})
    e = pd.DataFrame({"entity_id": ["E1", "E2"], "name": ["NATO", "Kyiv"]})
    from newsbrief.analysis.target_tone import entity_tone, tone_meaning

    df = entity_tone(m, e, a, freq=freq)
    note = tone_meaning()
    fig = entity_sentiment_chart(df, title="Tone towards the leading entities", measure="Mean tone towards the entity",
                                 note=note)
    assert any("Mean tone towards the entity" in t for t in labels(fig))
    assert [" ".join(t.get_text().split()) for t in fig.axes[0].texts] == [note]  # wrapped to the figure width
    if freq is None:
        # 48 scored mentions
        assert {t.get_text() for t in fig.axes[0].get_yticklabels()} == {"NATO (n=24)", "Kyiv (n=24)"}
    fig.savefig(__import__("io").BytesIO(), format="png", bbox_inches="tight")
