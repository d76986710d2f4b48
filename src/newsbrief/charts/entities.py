"""Entity frequency charts."""

from __future__ import annotations

import textwrap

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from .style import PALETTE, fit_dates, integer_axis, new_figure

#: Colour and hatch per entity type, so the chart reads in greyscale too.
TYPE_STYLE: dict[str, tuple[str, str]] = {
    "person": (PALETTE[0], ""),
    "organisation": (PALETTE[2], "///"),
    "place": (PALETTE[3], ".."),
    "other": (PALETTE[4], "xx"),
}


def entity_chart(freq: pd.DataFrame, *, title: str = "Most mentioned people, organisations and places") -> Figure:
    """Horizontal bars of mentions per entity, styled by type (person, organisation, place)."""
    rows = freq.iloc[::-1]
    fig, ax = new_figure(7.0, max(2.2, 0.32 * len(rows) + 1.0))
    styles = [TYPE_STYLE.get(t, TYPE_STYLE["other"]) for t in rows["type"]]
    labels = [textwrap.shorten(str(n), 32, placeholder="…") for n in rows["name"]]
    bars = ax.barh(range(len(rows)), rows["mentions"], color=[s[0] for s in styles], edgecolor="#333333", linewidth=0.5)
    for bar, (_, hatch) in zip(bars, styles):
        bar.set_hatch(hatch)
    for bar, value in zip(bars, rows["mentions"]):
        ax.text(bar.get_width(), bar.get_y() + bar.get_height() / 2, f" {int(value)}", va="center", fontsize=8)
    ax.set_yticks(range(len(rows)), labels)
    integer_axis(ax.xaxis)
    ax.set_xlabel("mentions (count)")
    ax.set_title(title)
    ax.grid(axis="y", visible=False)
    present = [t for t in TYPE_STYLE if t in set(freq["type"])]
    ax.legend(
        handles=[Patch(facecolor=TYPE_STYLE[t][0], hatch=TYPE_STYLE[t][1], edgecolor="#333333", label=t) for t in present],
        loc="lower right",
    )
    return fig


def entity_trend_chart(trend: pd.DataFrame, *, title: str = "Mentions over time") -> Figure:
    """Lines of mentions per period for a few entities."""
    from .style import series_style

    fig, ax = new_figure(7.0, 3.2)
    for i, column in enumerate(trend.columns):
        ax.plot(trend.index, trend[column], label=str(column), markersize=4, **series_style(i))
    fit_dates(ax, trend.index)
    integer_axis(ax.yaxis)
    ax.set_ylabel("mentions per period (count)")
    ax.set_xlabel("period start")
    ax.set_title(title)
    ax.legend(loc="upper left", fontsize=8, ncols=2)
    fig.autofmt_xdate()
    return fig
