"""What changed and why it spiked: movers between two periods, share of mentions with spikes marked."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.transforms import Bbox

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
    circles = [ax.scatter([r["period"]], [r["share"] * 100], s=CIRCLE, facecolors="none", edgecolors="#111111",
                          linewidths=1.2, zorder=4) for _, r in spikes.iterrows()]
    fit_dates(ax, shares.index)
    peak = float(np.nanmax([*(shares.to_numpy().ravel() * 100), *(spikes["share"] * 100), 0.0]))
    ax.set_ylim(0, max(ax.get_ylim()[1], peak * 1.3) or 1.0)  # headroom for a label above the highest spike
    ax.set_ylabel("share of mentions (%)")
    ax.set_xlabel("period start")
    ax.set_title(title)
    legend_below(fig, ax, ncols=3)
    fig.autofmt_xdate()
    _label_spikes(fig, ax, [clip(str(e), 18) for e in spikes["entity"]], circles)
    return fig


#: Area of a spike's circle (points squared).
CIRCLE = 160
#: Where a spike's label may go, in points from the spike (the first that fits): beside it, then stacked further
#: above or below, then anywhere nearer first (with a leader line once it is away from the circle).
_PLACES: tuple[tuple[float, float], ...] = (
    (6, 6), (-6, 6), (6, -6), (-6, -6), (9, 0), (-9, 0),
    *((dx, dy * k) for k in (2, 3, 4, 5) for dx, dy in ((6, 8), (-6, 8), (6, -8), (-6, -8))),
    *sorted(((dx, dy) for dx in range(-120, 121, 12) for dy in range(-64, 65, 8) if dx or dy),
            key=lambda p: (np.hypot(*p), p)),
)


def _label_spikes(fig: Figure, ax: Any, labels: list[str], circles: list[Any]) -> None:
    """Label each circled spike, largest first, at the first of :data:`_PLACES` where the label stays inside the
    axes and clear of the labels already placed and of the other circles. A spike with no such place keeps its
    circle unlabelled (its line's legend entry names it, and the spikes table lists the largest)."""
    fig.canvas.draw()  # the constrained layout settles the axes first; labels are kept out of it
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]  # the Agg canvas of new_figure
    frame = ax.get_window_extent(renderer)
    radius = np.sqrt(CIRCLE) / 2 * fig.dpi / 72
    centres = [c.get_offset_transform().transform(c.get_offsets())[0] for c in circles]
    rings = [Bbox.from_extents(x - radius, y - radius, x + radius, y + radius) for x, y in centres]
    clear = [ring.padded(2 * fig.dpi / 72) for ring in rings]  # a label keeps 2 points off another spike's circle
    placed: list[Bbox] = []
    for i, (label, circle) in enumerate(zip(labels, circles, strict=True)):
        point = circle.get_offsets()[0]
        others, crossed = [*placed, *clear[:i], *clear[i + 1:]], [*placed, *rings[:i], *rings[i + 1:]]
        for dx, dy in _PLACES:
            leader = abs(dy) > 8 or abs(dx) > 9
            ha = "left" if dx > 0 else "right" if dx < 0 else "center"
            va = "bottom" if dy > 0 else "top" if dy < 0 else "center"
            text = ax.annotate(label, point, xytext=(dx, dy), textcoords="offset points", fontsize=SMALL, ha=ha,
                               va=va, annotation_clip=False,
                               arrowprops={"arrowstyle": "-", "color": "#666666", "linewidth": 0.6, "shrinkA": 1,
                                           "shrinkB": np.sqrt(CIRCLE) / 2} if leader else None)
            text.set_in_layout(False)
            box = _text_box(text, renderer)
            if (_inside(box, frame) and not any(box.overlaps(b) for b in others)
                    and not (leader and _crosses(box, centres[i], crossed))):
                placed.append(box)
                break
            text.remove()


def _text_box(text: Any, renderer: Any) -> Bbox:
    """The display box of an annotation's text alone (its leader line is not part of it)."""
    text.update_positions(renderer)
    return Text.get_window_extent(text, renderer)


def _crosses(box: Bbox, point: Any, boxes: list[Bbox]) -> bool:
    """True when the leader line from the label ``box`` to its spike at ``point`` (display units) passes through
    any of ``boxes`` (another label, another spike's circle)."""
    start = np.array([(box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2])
    steps = np.linspace(0, 1, 40)[:, None] * (np.asarray(point) - start) + start
    line = [(x, y) for x, y in steps if not box.contains(x, y)]
    return any(b.contains(x, y) for b in boxes for x, y in line)


def _inside(box: Bbox, frame: Bbox) -> bool:
    return bool(box.x0 >= frame.x0 and box.x1 <= frame.x1 and box.y0 >= frame.y0 and box.y1 <= frame.y1)
