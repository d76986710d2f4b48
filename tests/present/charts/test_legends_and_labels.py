"""Chart legends never sit over the plotted data, and tick labels stay on one line: a long name is cut with an
ellipsis, never wrapped into the next row."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from newsbrief.present.charts.changes import movers_chart, spikes_chart
from newsbrief.present.charts.entities import entity_chart, entity_trend_chart, focus_chart
from newsbrief.present.charts.network import network_chart
from newsbrief.present.charts.sentiment import (
    article_sentiment_chart,
    article_tone_chart,
    corpus_sentiment_chart,
    entity_sentiment_chart,
)
from newsbrief.present.charts.speakers import speaker_chart

LONG = "The International Federation of Red Cross and Red Crescent Societies"
PERIODS = pd.date_range("2017-08-07", periods=6, freq="W-MON", tz="UTC")


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _figures() -> dict[str, plt.Figure]:
    freq = pd.DataFrame({"name": [LONG, "NATO", "Ukraine", "Volodymyr Zelensky"],
                         "type": ["organisation", "organisation", "place", "person"], "mentions": [30, 25, 20, 12]})
    share = pd.DataFrame({"speaker": [LONG, "police", "Ann Lee"], "named": [True, False, True],
                          "quote_share": [0.5, 0.3, 0.2], "word_share": [0.6, 0.2, 0.2]})
    tone = pd.DataFrame({"entity": [LONG, "NATO", "Volodymyr Zelensky"], "mean": [-0.9, -0.1, 0.9],
                         "ci_low": [-1.0, -0.2, 0.8], "ci_high": [-0.8, 0.0, 1.0], "n_mentions": [5, 3, 4],
                         "n_articles": 1, "basis": "target"})
    timeline = pd.DataFrame({"position": np.arange(20), "sentiment": np.sin(np.arange(20)),
                             "rolling": np.sin(np.arange(20)) * 0.9})
    moved = pd.DataFrame({"item": [LONG, "FBI"], "type": ["person", "speaker"], "focus_share": [0.05, 0.02],
                          "base_share": [0.01, 0.04], "z": [4.1, -2.3]})
    shares = pd.DataFrame({LONG: [0.9, 0.2, 0.8, 0.2, 0.1, 0.9], "NATO": [0.1, 0.8, 0.2, 0.8, 0.9, 0.1]},
                          index=PERIODS)
    spikes = pd.DataFrame({"entity": [LONG], "period": [PERIODS[2]], "share": [0.8]})
    corpus = pd.DataFrame({"period": PERIODS, "mean": [0.9, -0.9, 0.8, -0.8, 0.9, -0.9], "ci_low": -1.0,
                           "ci_high": 1.0, "n_articles": 5, "thin": False, "n_sentences": 50})
    naive = PERIODS.tz_localize(None)  # as the explorer gives them
    counts = pd.DataFrame({LONG: [9, 1, 8, 1, 9, 1]}, index=naive)
    focus_tone = pd.DataFrame({"period": naive, "mean": [0.9, -0.9, 0.9, -0.9, 0.9, -0.9], "ci_low": -1.0,
                               "ci_high": 1.0})
    nodes = pd.DataFrame({"name": [LONG, "NATO", "Ukraine"], "type": ["organisation", "organisation", "place"],
                          "mentions": [30, 20, 10]})
    pairs = pd.DataFrame({"a": [LONG, "NATO"], "b": ["NATO", "Ukraine"], "npmi": [0.3, 0.2], "together": [9, 5]})
    return {"entities": entity_chart(freq), "speakers": speaker_chart(share), "article tone":
            article_tone_chart(timeline, tone), "article sentiment": article_sentiment_chart(timeline),
            "entity tone": entity_sentiment_chart(tone, note="What the measure means."),
            "entity tone per period": entity_sentiment_chart(tone.assign(period=PERIODS[0], thin=False)),
            "movers": movers_chart(moved, focus="now", base="before"), "spikes": spikes_chart(shares, spikes),
            "corpus tone": corpus_sentiment_chart(corpus), "trend": entity_trend_chart(counts),
            "focus": focus_chart(counts, focus_tone, name=LONG, kind="entity", freq="W"),
            "network": network_chart(pairs, nodes)}


def _overlap(a, b) -> float:
    """The area (pixels) two display boxes share."""
    width = min(a.x1, b.x1) - max(a.x0, b.x0)
    height = min(a.y1, b.y1) - max(a.y0, b.y0)
    return max(width, 0) * max(height, 0)


def test_no_legend_sits_over_a_plot_area() -> None:
    for name, fig in _figures().items():
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        legends = [*fig.legends, *(ax.get_legend() for ax in fig.axes if ax.get_legend() is not None)]
        # bars with intervals, sentence bars and their rolling mean: their axis labels say what is drawn
        assert legends or name in ("entity tone", "article tone", "article sentiment"), name
        for legend in legends:
            box = legend.get_window_extent(renderer)
            for ax in fig.axes:
                assert _overlap(box, ax.get_window_extent(renderer)) < 1.0, name


def test_tick_labels_are_one_line_and_a_long_name_is_cut_with_an_ellipsis() -> None:
    for name, fig in _figures().items():
        fig.canvas.draw()
        for ax in fig.axes:
            labels = [t.get_text() for t in ax.get_yticklabels() if t.get_text()]
            assert all("\n" not in label for label in labels), (name, labels)
            assert not any(LONG in label for label in labels), (name, labels)
        if name in ("entities", "speakers", "article tone", "entity tone", "movers"):
            labels = [t.get_text() for ax in fig.axes for t in ax.get_yticklabels()]
            assert any(label.startswith("The International") and "\u2026" in label for label in labels), name
