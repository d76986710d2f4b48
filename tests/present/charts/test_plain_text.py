"""Every text a chart draws is plain text: dollar signs in names and titles are never read as mathtext."""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from newsbrief.present.charts.entities import entity_chart
from newsbrief.present.charts.speakers import speaker_chart
from newsbrief.present.charts.style import new_figure

#: Names that matplotlib's mathtext would parse (or fail on) if it read them.
MONEY = ["Cash $$ Times", "$x^2$ Weekly", "Daily \\frac{$ Post", "$5 billion deal", "$ and $"]


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def drawn(fig) -> list[str]:  # type: ignore[no-untyped-def]
    fig.canvas.draw()
    return [t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text") and hasattr(a, "_parse_math"))]


def test_a_figure_of_the_style_draws_dollar_signs_as_written() -> None:
    fig, ax = new_figure()
    ax.set_title(MONEY[2])
    ax.bar(MONEY, range(1, len(MONEY) + 1))
    fig.savefig(io.BytesIO(), format="png")
    texts = fig.findobj(lambda a: hasattr(a, "_parse_math") and a.get_text() in MONEY)
    assert texts and all(t._parse_math is False for t in texts)


def test_entity_and_speaker_charts_of_money_names_render() -> None:
    freq = pd.DataFrame({"name": MONEY, "type": ["organisation"] * len(MONEY), "mentions": [9, 7, 5, 3, 2]})
    fig = entity_chart(freq, title="Who got $5 billion")
    fig.savefig(io.BytesIO(), format="png")
    assert set(MONEY) <= set(drawn(fig))
    share = pd.DataFrame({"speaker": MONEY, "quotes": [5, 4, 3, 2, 1], "words": [50, 40, 30, 20, 10],
                          "quote_share": [.33, .27, .2, .13, .07], "word_share": [.33, .27, .2, .13, .07],
                          "named": [True] * len(MONEY)})
    fig = speaker_chart(share)
    fig.savefig(io.BytesIO(), format="png")
