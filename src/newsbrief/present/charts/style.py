"""One visual style for every newsbrief chart.

Charts must read in greyscale: series differ by lightness, line style and marker, not
by hue alone; axes are labelled with units.
"""

from __future__ import annotations

from typing import Any

import matplotlib

matplotlib.use("Agg", force=False)

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

#: Dark-to-light palette that stays distinguishable when printed in greyscale.
PALETTE: tuple[str, ...] = ("#1b3a5c", "#c0392b", "#7f8c8d", "#2e86c1", "#d4ac0d", "#145a32", "#6c3483")
LINESTYLES: tuple[str, ...] = ("-", "--", ":", "-.", (0, (5, 1, 1, 1)), (0, (1, 1)), (0, (3, 2, 1, 2)))
MARKERS: tuple[str, ...] = ("o", "s", "^", "D", "v", "P", "X")
POSITIVE = "#2e7d32"
NEGATIVE = "#b71c1c"
NEUTRAL = "#9e9e9e"
ACCENT = PALETTE[0]

RC: dict[str, Any] = {
    "figure.dpi": 110,
    "savefig.dpi": 150,
    "font.size": 10,
    "font.family": "DejaVu Sans",
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#dddddd",
    "grid.linewidth": 0.6,
    "axes.prop_cycle": matplotlib.cycler(color=list(PALETTE)),
    "legend.frameon": False,
    "figure.constrained_layout.use": True,
    # News is full of "$5 billion": every text is drawn as written, never read as mathtext or LaTeX.
    "text.parse_math": False,
    "text.usetex": False,
}


def apply_style() -> None:
    """Apply the newsbrief style to matplotlib's global rc parameters."""
    plt.rcParams.update(RC)


def new_figure(width: float = 7.0, height: float = 3.2) -> tuple[Figure, Any]:
    """A styled figure with one axes; width and height in inches."""
    apply_style()
    fig, ax = plt.subplots(figsize=(width, height))
    return fig, ax


def series_style(i: int) -> dict[str, Any]:
    """Colour, line style and marker of the i-th series (greyscale-safe)."""
    return {
        "color": PALETTE[i % len(PALETTE)],
        "linestyle": LINESTYLES[i % len(LINESTYLES)],
        "marker": MARKERS[i % len(MARKERS)],
    }


def fit_dates(ax: Any, dates: Any) -> None:
    """Keep a date axis readable when every point falls on one day (matplotlib would span years)."""
    import pandas as pd

    values = pd.to_datetime(pd.Series(list(dates))).dropna().unique()
    if len(values) == 1:
        day = pd.Timestamp(values[0])
        ax.set_xlim(day - pd.Timedelta(days=4), day + pd.Timedelta(days=4))


def integer_axis(axis: Any) -> None:
    """Counts get whole-number ticks (no 0.25 articles)."""
    from matplotlib.ticker import MaxNLocator

    axis.set_major_locator(MaxNLocator(integer=True))
