"""One visual style for every newsbrief chart.

Charts must read in greyscale: series differ by lightness, line style and marker, not
by hue alone; axes are labelled with units.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import matplotlib

matplotlib.use("Agg", force=False)

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.rcsetup import cycler  # noqa: E402  (what matplotlib.cycler is)

if TYPE_CHECKING:
    from matplotlib.typing import RcKeyType

#: Dark-to-light palette that stays distinguishable when printed in greyscale.
PALETTE: tuple[str, ...] = ("#1b3a5c", "#c0392b", "#7f8c8d", "#2e86c1", "#d4ac0d", "#145a32", "#6c3483")
LINESTYLES: tuple[str | tuple[int, tuple[int, ...]], ...] = (
    "-", "--", ":", "-.", (0, (5, 1, 1, 1)), (0, (1, 1)), (0, (3, 2, 1, 2)),
)
MARKERS: tuple[str, ...] = ("o", "s", "^", "D", "v", "P", "X")
POSITIVE = "#2e7d32"
NEGATIVE = "#b71c1c"
NEUTRAL = "#9e9e9e"
ACCENT = PALETTE[0]

#: Widths (inches) a chart is drawn at: the printed text column of A4 and Letter (16 mm margins leave 7.0 in),
#: and half of it for two charts side by side. A chart drawn at these widths prints at its own size, so a
#: font size here is the size on paper.
FULL_WIDTH = 6.3
HALF_WIDTH = 3.2
#: The smallest font size (points) any chart may use: printed labels stay at least 7 pt.
SMALL = 8.0
#: A tone axis is symmetric around zero and spans at least this much each side (and at most 1).
TONE_MIN_SPAN = 0.25

RC: dict[RcKeyType, Any] = {
    "figure.dpi": 110,
    "savefig.dpi": 150,
    "font.size": 9,
    "xtick.labelsize": SMALL + 0.5,
    "ytick.labelsize": SMALL + 0.5,
    "legend.fontsize": SMALL,
    "legend.title_fontsize": SMALL,
    "font.family": "DejaVu Sans",
    "axes.titlesize": 10.5,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#dddddd",
    "grid.linewidth": 0.6,
    "axes.prop_cycle": cycler(color=list(PALETTE)),
    "legend.frameon": False,
    "figure.constrained_layout.use": True,
    # News is full of "$5 billion": every text is drawn as written, never read as mathtext or LaTeX.
    "text.parse_math": False,
    "text.usetex": False,
}


def apply_style() -> None:
    """Apply the newsbrief style to matplotlib's global rc parameters."""
    plt.rcParams.update(RC)


def new_figure(width: float = FULL_WIDTH, height: float = 3.0) -> tuple[Figure, Any]:
    """A styled figure with one axes; width and height in inches (the width at most :data:`FULL_WIDTH`, so the
    chart prints at its own size)."""
    apply_style()
    fig, ax = plt.subplots(figsize=(min(width, FULL_WIDTH), height))
    return fig, ax


def tone_limit(*values: Any) -> float:
    """Half-width of a symmetric tone axis that holds ``values`` (means and interval ends): the largest magnitude
    rounded up to a quarter, at least :data:`TONE_MIN_SPAN`, at most 1, so zero is always in the middle and a
    mean of -0.03 does not fill the width."""
    import numpy as np

    flat = np.concatenate([np.ravel(np.asarray(v, dtype=float)) for v in values]) if values else np.array([])
    flat = flat[np.isfinite(flat)]
    top = float(np.abs(flat).max()) if flat.size else 0.0
    return float(min(1.0, max(TONE_MIN_SPAN, np.ceil(top * 4 - 1e-9) / 4)))


def smallest_font(fig: Figure) -> float:
    """The smallest font size (points, at the figure's own size) of any visible, non-empty text of ``fig``."""
    from matplotlib.text import Text

    sizes = [t.get_fontsize() for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
    return float(min(sizes)) if sizes else 0.0


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


def legend_below(fig: Figure, *axes: Any, handles: list[Any] | None = None, ncols: int | None = None,
                 title: str | None = None) -> Any:
    """One legend for ``axes`` (the artists they label, twin axes included; or ``handles``) under the figure's
    plot area, outside every axes (the constrained layout makes room for it), so it never hides data. None when
    nothing is labelled."""
    if handles is None:
        pairs = [pair for ax in axes for pair in zip(*ax.get_legend_handles_labels(), strict=True)]
    else:
        pairs = [(h, h.get_label()) for h in handles]
    if not pairs:
        return None
    shown, labels = zip(*pairs, strict=True)
    return fig.legend(list(shown), list(labels), loc="outside lower center", ncols=ncols or min(len(pairs), 4),
                      fontsize=SMALL, title=title, title_fontsize=SMALL)


def tick_labels(names: Any, width: int) -> list[str]:
    """Axis labels of at most ``width`` characters, on one line: a longer name is cut with an ellipsis (wrapped
    labels crowd the next row and shift the bars they name)."""
    from ..formatters import clip

    return [clip(n, width) for n in names]
