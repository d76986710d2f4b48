"""Share of voice by source: source x entity (and source x speaker) heat maps of shares."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ..formatters import clip
from .style import FULL_WIDTH, SMALL, apply_style


def share_heatmap(panels: list[tuple[str, pd.DataFrame]], *, title: str = "Share of voice by source") -> Figure:
    """One heat map per (heading, table) side by side; rows sources, columns names, cells shares 0..1 in %."""
    import matplotlib.pyplot as plt

    apply_style()
    rows = max(len(t) for _, t in panels)
    fig, axes = plt.subplots(1, len(panels), figsize=(FULL_WIDTH, 0.24 * rows + 1.9), squeeze=False)
    for ax, (heading, table) in zip(axes[0], panels):
        values = table.to_numpy(dtype=float) * 100
        top = max(1.0, float(np.nanmax(values)) if values.size else 1.0)
        ax.imshow(values, cmap="Greys", vmin=0, vmax=top, aspect="auto")
        for (i, j), v in np.ndenumerate(values):
            if v >= 0.5:
                ax.text(j, i, f"{v:.0f}", ha="center", va="center", fontsize=SMALL,
                        color="white" if v > top * 0.55 else "#111111")
        ax.set_xticks(range(table.shape[1]), [clip(str(c), 16) for c in table.columns],
                      rotation=45, ha="right", fontsize=SMALL)
        ax.set_yticks(range(table.shape[0]), [clip(str(s), 22) for s in table.index],
                      fontsize=SMALL)
        ax.grid(False)
        ax.set_title(heading, fontsize=SMALL + 1)
    fig.suptitle(title, x=0.01, ha="left", fontsize=10.5, fontweight="bold")
    return fig
