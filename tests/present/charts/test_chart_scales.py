"""One chart style: drawn at print width with no font under 8 pt, tone on a symmetric scale around zero, and the
network's strongest pair drawn with a visible edge."""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from newsbrief.present.article import rows_for
from newsbrief.present.charts.changes import movers_chart, spikes_chart
from newsbrief.present.charts.entities import entity_chart
from newsbrief.present.charts.heatmap import share_heatmap
from newsbrief.present.charts.network import network_chart
from newsbrief.present.charts.sentiment import article_tone_chart, entity_sentiment_chart
from newsbrief.present.charts.speakers import speaker_chart
from newsbrief.present.charts.style import FULL_WIDTH, SMALL, smallest_font, tone_limit


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


NODES = pd.DataFrame({"name": ["Donald Trump", "America", "Barack Obama", "North Korea", "White House", "NFL"],
                      "type": ["person", "place", "person", "place", "organisation", "organisation"],
                      "mentions": [700, 400, 300, 100, 90, 80]})
PAIRS = pd.DataFrame({"a": ["America", "Donald Trump", "NFL"], "b": ["North Korea", "White House", "Donald Trump"],
                      "npmi": [0.32, 0.25, 0.2], "together": [20, 30, 19]})
TONE = pd.DataFrame({"entity": ["A", "B", "C"], "mean": [-0.03, -0.01, 0.02], "ci_low": [-0.06, -0.02, 0.0],
                     "ci_high": [0.0, 0.0, 0.04], "n_mentions": [5, 3, 4], "n_articles": 1, "basis": "target"})


def _figures():
    freq = pd.DataFrame({"name": ["Ukraine", "NATO"], "type": ["place", "organisation"], "mentions": [12, 8]})
    share = pd.DataFrame({"speaker": ["Ann Lee", "police"], "named": [True, False], "quote_share": [0.6, 0.4],
                          "word_share": [0.5, 0.5]})
    moved = pd.DataFrame({"item": ["Obama", "FBI"], "type": ["person", "speaker"], "focus_share": [0.05, 0.02],
                          "base_share": [0.01, 0.04], "z": [4.1, -2.3]})
    periods = pd.date_range("2017-08-07", periods=6, freq="W-MON", tz="UTC")
    shares = pd.DataFrame({"Obama": [0.01, 0.02, 0.08, 0.02, 0.01, 0.02]}, index=periods)
    spikes = pd.DataFrame({"entity": ["Obama"], "period": [periods[2]], "share": [0.08]})
    heat = pd.DataFrame([[0.2, 0.1], [0.05, 0.3]], index=["cnn.com", "fox.com"], columns=["Trump", "Obama"])
    timeline = pd.DataFrame({"position": np.arange(8), "sentiment": np.linspace(-0.5, 0.5, 8),
                             "rolling": np.linspace(-0.2, 0.2, 8)})
    return [entity_chart(freq), speaker_chart(share), movers_chart(moved, focus="now", base="before"),
            spikes_chart(shares, spikes), share_heatmap([("entities", heat)]), network_chart(PAIRS, NODES),
            entity_sentiment_chart(TONE, note="What the measure means."), article_tone_chart(timeline, TONE)]


def test_every_chart_is_drawn_at_print_width_with_fonts_of_at_least_8_pt() -> None:
    for fig in _figures():
        fig.canvas.draw()
        assert fig.get_figwidth() <= FULL_WIDTH + 1e-9
        assert smallest_font(fig) >= SMALL, fig.axes[0].get_title()


@pytest.mark.parametrize(("values", "limit"), [([-0.03, 0.0], 0.25), ([0.6, -0.1], 0.75), ([1.4], 1.0), ([], 0.25)])
def test_tone_axis_is_symmetric_around_zero(values: list[float], limit: float) -> None:
    assert tone_limit(values) == limit


def test_small_tones_do_not_fill_the_width() -> None:
    ax = entity_sentiment_chart(TONE).axes[0]
    low, high = ax.get_xlim()
    assert low == -high and high >= 0.25  # -0.03 is a short bar near the middle, zero in the middle


def test_strongest_pair_has_a_visible_edge() -> None:
    fig = network_chart(PAIRS, NODES)
    fig.canvas.draw()
    ax = fig.axes[0]
    edges = ax.collections[0]  # drawn first, strongest last
    start, end = edges.get_segments()[-1]
    (x0, y0), (x1, y1) = ax.transData.transform([start, end])
    sizes = {}
    for nodes in ax.collections[1:]:
        for (x, y), s in zip(nodes.get_offsets(), nodes.get_sizes()):
            sizes[(round(float(x), 6), round(float(y), 6))] = s
    radius_px = [math.sqrt(sizes[(round(float(p[0]), 6), round(float(p[1]), 6))]) / 2 * fig.dpi / 72
                 for p in (start, end)]
    visible = math.hypot(x1 - x0, y1 - y0) - sum(radius_px)
    assert visible > 20  # pixels of line between the two nodes' edges


def test_rows_follow_the_article_length() -> None:
    assert [rows_for(w, 10) for w in (150, 400, 800, 1500, 3000)] == [5, 5, 8, 8, 10]
    assert rows_for(3000, 4) == 4
