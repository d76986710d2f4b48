"""What changed and why it spiked: movers between two periods, share of mentions with spikes marked."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ..formatters import clip
from .style import FULL_WIDTH, NEGATIVE, POSITIVE, SMALL, fit_dates, legend_below, new_figure, series_style, tick_labels


def movers_chart(changes: pd.DataFrame, *, focus: str, base: str,
                 title: str = "What changed: share before and now") -> Figure:
    """Dumbbells per item: share in the baseline (hollow) to share in the focus (filled), risers green, fallers red.

    ``changes`` has columns item, type, focus_share, base_share, z (the reported rows of a change table).
    """
    rows = changes.sort_values("z").reset_index(drop=True)
    fig, ax = new_figure(FULL_WIDTH, max(1.6, 0.22 * len(rows) + 0.85))
    y = np.arange(len(rows))
    for i, r in rows.iterrows():
        color = POSITIVE if r["z"] > 0 else NEGATIVE
        ax.annotate("", xy=(r["focus_share"] * 100, i), xytext=(r["base_share"] * 100, i),
                    arrowprops={"arrowstyle": "-|>", "color": color, "linewidth": 1.4, "shrinkA": 3, "shrinkB": 3})
    ax.scatter(rows["base_share"] * 100, y, s=30, facecolors="white", edgecolors="#333333", zorder=3, label=base)
    ax.scatter(rows["focus_share"] * 100, y, s=30, c=[POSITIVE if z > 0 else NEGATIVE for z in rows["z"]],
               edgecolors="#333333", zorder=3, label=focus, marker="D")
    kinds = ["" if t in ("person", "organisation", "place") else " (quotes)" for t in rows["type"]]
    ax.set_yticks(y, tick_labels([f"{n}{k}" for n, k in zip(rows["item"], kinds)], 34))
    ax.set_xlim(left=0)
    ax.set_xlabel("share of mentions, or of quotes for speakers (%)")
    ax.set_title(title)
    ax.grid(axis="y", visible=False)
    legend_below(fig, ax)
    return fig


def spikes_chart(shares: pd.DataFrame, spikes: pd.DataFrame, *,
                 title: str = "Share of all entity mentions per period") -> Figure:
    """Lines of each leading entity's share of mentions per period; spikes circled and labelled.

    ``shares``: rows period, columns entity names, values 0..1. ``spikes``: entity, period, share.
    """
    fig, ax = new_figure(FULL_WIDTH, 2.4)
    for i, column in enumerate(shares.columns):
        ax.plot(shares.index, shares[column] * 100, label=str(column), markersize=3, linewidth=1.2, **series_style(i))
    for _, r in spikes.iterrows():
        ax.scatter([r["period"]], [r["share"] * 100], s=160, facecolors="none", edgecolors="#111111", linewidths=1.2,
                   zorder=4)
        ax.annotate(clip(str(r["entity"]), 18), (r["period"], r["share"] * 100),
                    xytext=(6, 6), textcoords="offset points", fontsize=SMALL)
    fit_dates(ax, shares.index)
    ax.set_ylim(bottom=0)
    ax.set_ylabel("share of mentions (%)")
    ax.set_xlabel("period start")
    ax.set_title(title)
    legend_below(fig, ax, ncols=3)
    fig.autofmt_xdate()
    return fig
