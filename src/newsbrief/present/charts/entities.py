"""Entity frequency charts."""

from __future__ import annotations

from typing import Any

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from .style import FULL_WIDTH, PALETTE, SMALL, fit_dates, integer_axis, legend_below, new_figure, tick_labels

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
    fig, ax = new_figure(FULL_WIDTH, max(1.6, 0.2 * len(rows) + 0.75))
    styles = [TYPE_STYLE.get(t, TYPE_STYLE["other"]) for t in rows["type"]]
    labels = tick_labels(rows["name"], 32)
    bars = ax.barh(range(len(rows)), rows["mentions"], color=[s[0] for s in styles], edgecolor="#333333", linewidth=0.5)
    for bar, (_, hatch) in zip(bars, styles):
        bar.set_hatch(hatch)
    for bar, value in zip(bars, rows["mentions"]):
        ax.text(bar.get_width(), bar.get_y() + bar.get_height() / 2, f" {int(value)}", va="center", fontsize=SMALL)
    ax.set_yticks(range(len(rows)), labels)
    integer_axis(ax.xaxis)
    ax.set_xlabel("mentions (count)")
    ax.set_title(title)
    ax.grid(axis="y", visible=False)
    present = [t for t in TYPE_STYLE if t in set(freq["type"])]
    legend_below(fig, handles=[Patch(facecolor=TYPE_STYLE[t][0], hatch=TYPE_STYLE[t][1], edgecolor="#333333", label=t)
                               for t in present])
    return fig


def entity_trend_chart(trend: pd.DataFrame, *, title: str = "Mentions over time") -> Figure:
    """Lines of mentions per period for a few entities."""
    fig, ax = _trend(trend, title=title)
    legend_below(fig, ax, ncols=2)
    return fig


def _trend(trend: pd.DataFrame, *, title: str) -> tuple[Figure, Any]:
    """The lines of :func:`entity_trend_chart`, without their legend."""
    from .style import series_style

    fig, ax = new_figure(FULL_WIDTH, 3.0)
    for i, column in enumerate(trend.columns):
        ax.plot(trend.index, trend[column], label=str(column), markersize=4, **series_style(i))
    fit_dates(ax, trend.index)
    integer_axis(ax.yaxis)
    ax.set_ylabel("mentions per period (count)")
    ax.set_xlabel("period start")
    ax.set_title(title)
    fig.autofmt_xdate()
    return fig, ax


def focus_chart(
    counts: pd.DataFrame, tone: pd.DataFrame, *, name: str, kind: str, freq: str, tone_label: str | None = None
) -> Figure:
    """Mentions (entity) or quotes (speaker) per period, with their tone and its band on a second axis
    (``tone_label`` names that axis)."""
    from matplotlib.ticker import MaxNLocator

    from .style import NEGATIVE, POSITIVE

    what = "Mentions" if kind == "entity" else "Quotes"
    fig, ax = _trend(counts, title=f"{what} of {name} per period, and their tone")
    ax.set_ylabel(f"{what.lower()} per period (count)")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylim(0, max(1, int(counts.to_numpy().max())) * 1.15)
    # Half a period of margin each side, so one point (one article) sits mid-chart at its own date.
    margin = (pd.Timestamp(counts.index[0]).to_period(freq).end_time - pd.Timestamp(counts.index[0])) / 2
    ax.set_xlim(counts.index.min() - margin, counts.index.max() + margin)
    t = tone.dropna(subset=["mean"]) if not tone.empty else tone
    right = None
    if not t.empty:
        right = ax.twinx()
        colors = [POSITIVE if v >= 0 else NEGATIVE for v in t["mean"]]
        low = (t["mean"] - t["ci_low"]).fillna(0).clip(lower=0)
        high = (t["ci_high"] - t["mean"]).fillna(0).clip(lower=0)
        right.errorbar(t["period"], t["mean"], yerr=[low, high], fmt="none", ecolor="#777777", elinewidth=0.8,
                       capsize=2, zorder=2)
        right.scatter(t["period"], t["mean"], marker="D", s=24, c=colors, edgecolors="#333333", linewidths=0.4,
                      zorder=3, label="tone, 95% band (right axis)")
        right.axhline(0, color="#999999", linewidth=0.6, linestyle=":")
        right.set_ylim(-1.05, 1.05)
        basis = "sentences naming it" if kind == "entity" else "quoted words"
        right.set_ylabel(tone_label or f"tone of {basis} (−1..1)")
        right.grid(False)
    legend_below(fig, ax, *([right] if right is not None else []), ncols=3)
    return fig
