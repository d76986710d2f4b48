"""Speaker share charts."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from .style import FULL_WIDTH, PALETTE, legend_below, new_figure, tick_labels


def speaker_chart(share: pd.DataFrame, *, title: str = "Who is quoted: share of quotes and of quoted words") -> Figure:
    """Paired horizontal bars per speaker: share of quotes (solid) and of quoted words (hatched)."""
    rows = share.iloc[::-1]
    fig, ax = new_figure(FULL_WIDTH, max(1.6, 0.28 * len(rows) + 0.8))
    y = np.arange(len(rows))
    h = 0.38
    ax.barh(y + h / 2, rows["quote_share"] * 100, height=h, color=PALETTE[0], edgecolor="#333333", linewidth=0.5,
            label="share of quotes")
    ax.barh(y - h / 2, rows["word_share"] * 100, height=h, color="#d9d9d9", edgecolor="#333333", hatch="///",
            linewidth=0.5, label="share of quoted words")
    names = tick_labels(rows["speaker"], 24)
    ax.set_yticks(y, [f"{s}{'' if named else ' †'}" for s, named in zip(names, rows["named"])])
    ax.set_xlabel("share (%)")
    ax.set_title(title)
    ax.grid(axis="y", visible=False)
    unnamed = bool((~rows["named"].astype(bool)).any())
    legend_below(fig, ax, title="† not a named entity (unnamed group, role or unattributed)" if unnamed else None)
    return fig
