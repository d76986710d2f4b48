"""The spike labels of "Share of all entity mentions" stay inside the axes and never overlap each other, also when
spikes crowd one corner at the top of the chart (as the sample corpus's last weeks do)."""

from __future__ import annotations

import itertools

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.text import Text

from newsbrief.present.charts.changes import spikes_chart

PERIODS = pd.date_range("2017-08-07", periods=12, freq="W-MON", tz="UTC")
NAMES = ["Barack Obama", "FBI", "Hillary Clinton", "North Korea", "The International Federation of Red Cross"]


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def crowded() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Five entities spiking in the last two weeks at nearly the same height, the top one at the axes' top."""
    shares = pd.DataFrame({name: [0.005] * 10 + [0.04 + 0.002 * i, 0.06 - 0.003 * i] for i, name in enumerate(NAMES)},
                          index=PERIODS)
    spikes = pd.DataFrame([{"entity": name, "period": PERIODS[10 + i % 2], "share": shares[name].iloc[10 + i % 2]}
                           for i, name in enumerate(NAMES)] + [{"entity": "Barack Obama", "period": PERIODS[3],
                                                                "share": 0.055}])
    shares.loc[PERIODS[3], "Barack Obama"] = 0.055
    return shares, spikes.sort_values("share", ascending=False).reset_index(drop=True)


def test_spike_labels_stay_inside_the_axes_and_do_not_overlap() -> None:
    shares, spikes = crowded()
    fig = spikes_chart(shares, spikes)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    frame = ax.get_window_extent(renderer)
    labels = [t for t in ax.texts if t.get_text()]
    boxes = [Text.get_window_extent(t, renderer) for t in labels]  # the text, not its leader line
    assert len(labels) >= 4  # the crowded corner is labelled, not emptied; a spike left unlabelled has its legend
    assert {t.get_text() for t in labels} >= {"Barack Obama", "FBI"}  # the largest, and the one standing alone
    for text, box in zip(labels, boxes, strict=True):
        assert frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1, text.get_text()
    for (a, box_a), (b, box_b) in itertools.combinations(zip(labels, boxes, strict=True), 2):
        assert not box_a.overlaps(box_b), (a.get_text(), b.get_text())


def test_a_single_spike_is_labelled_beside_its_circle() -> None:
    shares, spikes = crowded()
    fig = spikes_chart(shares[["FBI"]], spikes[spikes["entity"] == "FBI"])
    (label,) = (t for t in fig.axes[0].texts if t.get_text())
    assert label.get_text() == "FBI" and label.arrow_patch is None  # the first place fits: no leader line
