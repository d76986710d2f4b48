"""Figures of the sentiment timelines from :mod:`newsbrief.analysis.sentiment`.

Each function takes the table its analysis function returns and gives back a matplotlib
Figure (never shown here).  Charts read in greyscale: series differ by line style and
marker, negative and positive bars sit on either side of a zero line, thin periods use
hollow markers, and every axis names its unit.
"""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ..formatters import period_noun
from .style import (
    ACCENT,
    FULL_WIDTH,
    NEGATIVE,
    NEUTRAL,
    POSITIVE,
    SMALL,
    fit_dates,
    integer_axis,
    legend_below,
    new_figure,
    series_style,
    tick_labels,
    tone_limit,
)

__all__ = ["article_sentiment_chart", "corpus_sentiment_chart", "entity_sentiment_chart"]

SCORE_LABEL = "Sentence tone (\u22121 \u2026 +1)"
MEAN_LABEL = "Mean sentiment (\u22121 \u2026 +1)"


def _zero_line(ax) -> None:
    ax.axhline(0.0, color="#555555", linewidth=0.8, zorder=1)


def _freq_word(periods: pd.Series) -> str:
    p = pd.to_datetime(periods).sort_values().drop_duplicates()
    if len(p) < 2:
        return "period"
    step = (p.diff().dropna().min()).days
    return period_noun("D" if step <= 1 else "W" if step <= 7 else "M" if step <= 31 else "")


def article_sentiment_chart(timeline_df: pd.DataFrame, *, title: str | None = None) -> Figure:
    """Sentence scores as bars along the article, with the rolling mean as a line.

    ``timeline_df`` is :func:`~newsbrief.analysis.sentiment.article_timeline` output for
    one article.
    """
    fig, ax = new_figure(FULL_WIDTH, 2.2)
    _along_article(ax, timeline_df, title=title)
    return fig


def _along_article(ax, timeline_df: pd.DataFrame, *, title: str | None = None) -> None:
    x = timeline_df["position"].to_numpy() + 1
    s = timeline_df["sentiment"].to_numpy(dtype=float)
    colours = np.where(s > 0, POSITIVE, np.where(s < 0, NEGATIVE, NEUTRAL))
    ax.bar(x, s, width=0.8, color=colours, alpha=0.55, edgecolor="none", label="sentence score", zorder=2)
    ax.plot(x, timeline_df["rolling"], color=ACCENT, linewidth=2.0, linestyle="-", label="rolling mean", zorder=3)
    _zero_line(ax)
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlim(0.3, max(len(x), 1) + 0.7)
    integer_axis(ax.xaxis)
    # what the bars and the line are, under the axis (a legend would take the room of the bars or of a row)
    ax.set_xlabel("Sentence number in the article\nbars: each sentence; line: rolling mean")
    ax.set_ylabel(SCORE_LABEL)
    ax.set_title(title or "Sentiment along the article")


def article_tone_chart(timeline_df: pd.DataFrame, entity_df: pd.DataFrame | None, *, measure: str = MEAN_LABEL,
                       entity_title: str = "Tone towards the leading entities", note: str | None = None) -> Figure:
    """An article's tone in one row: sentiment along the article (left, -1..+1) and the tone towards its leading
    entities with 95% intervals (right, symmetric around zero); the left panel alone without ``entity_df``."""
    import matplotlib.pyplot as plt

    from .style import apply_style

    if entity_df is None or entity_df.dropna(subset=["mean"]).empty:
        return article_sentiment_chart(timeline_df)
    apply_style()
    shown = entity_df.dropna(subset=["mean"])
    # a row per entity (labels on one line)
    fig, (left, right) = plt.subplots(1, 2, figsize=(FULL_WIDTH, max(1.5, 0.18 * len(shown) + 0.9)),
                                      gridspec_kw={"width_ratios": [1.0, 1.0]})
    _along_article(left, timeline_df)
    _tone_bars(right, entity_df, key="entity", measure=measure, title=entity_title, width=25)
    for ax, text in ((left, "Sentiment along the article"), (right, entity_title)):
        for loc in ("left", "center", "right"):  # two titles side by side: each starts at its own panel
            ax.set_title("", loc=loc)
        ax.set_title(text, loc="left", fontsize=SMALL + 1.5)
    _note(left, note)
    return fig

def _series(ax, df: pd.DataFrame, i: int, label: str | None, *, band: bool) -> None:
    style = series_style(i)
    x = pd.to_datetime(df["period"])
    if band:
        # Scores live in -1..1: a band from two articles can reach past that; clip it to the scale.
        low, high = df["ci_low"].clip(-1, 1), df["ci_high"].clip(-1, 1)
        ax.fill_between(x, low, high, color=style["color"], alpha=0.18, linewidth=0,
                        label="95% confidence band" if i == 0 else None, zorder=2)
        # the interval also as a whisker, so an isolated period (no neighbour to band with) shows it
        ax.vlines(x, low, high, color=style["color"], alpha=0.45, linewidth=1.0, zorder=2)
    ax.plot(x, df["mean"], color=style["color"], linestyle=style["linestyle"], linewidth=1.8, label=label, zorder=3)
    thin = df["thin"].astype(bool).to_numpy() & df["mean"].notna().to_numpy()
    ax.plot(x[~thin], df["mean"][~thin], linestyle="none", marker=style["marker"], markersize=5,
            color=style["color"], zorder=4)
    ax.plot(x[thin], df["mean"][thin], linestyle="none", marker=style["marker"], markersize=6,
            markerfacecolor="white", markeredgecolor=style["color"], markeredgewidth=1.3, zorder=4,
            label="thin (few articles)" if i == 0 and thin.any() else None)


def corpus_sentiment_chart(timeline_df: pd.DataFrame, *, title: str | None = None) -> Figure:
    """Mean per period with its confidence band, thin points hollow, article counts as bars.

    ``timeline_df`` is :func:`~newsbrief.analysis.sentiment.corpus_timeline` output; with a
    ``source`` column there is one line (and band) per source and the bars count all
    sources together.
    """
    fig, ax = new_figure(FULL_WIDTH, 2.6)
    df = timeline_df.sort_values("period")
    unit = _freq_word(df["period"])
    counts = df.groupby("period", sort=True)["n_articles"].sum()
    ax_n = ax.twinx()
    step_days = {"day": 1, "week": 7, "month": 30}.get(unit, 7)
    ax_n.bar(pd.to_datetime(counts.index), counts.to_numpy(), width=step_days * 0.8, align="center",
             color="#cfcfcf", edgecolor="none", zorder=0)
    ax_n.set_ylabel(f"Articles per {unit} (grey bars)")
    integer_axis(ax_n.yaxis)
    ax_n.set_ylim(0, max(float(counts.max()) if len(counts) else 1.0, 1.0) * 3)
    ax_n.grid(False)
    ax_n.spines["right"].set_visible(True)
    ax.set_zorder(ax_n.get_zorder() + 1)
    ax.patch.set_visible(False)
    if "source" in df.columns:
        for i, (source, part) in enumerate(df.groupby("source", sort=True)):
            _series(ax, part, i, str(source), band=True)
    else:
        _series(ax, df, 0, f"mean per {unit}", band=True)
    _zero_line(ax)
    limit = tone_limit(df["mean"], df["ci_low"].clip(-1, 1), df["ci_high"].clip(-1, 1))
    ax.set_ylim(-limit, limit)  # symmetric: zero in the middle, a small wobble stays small
    ax.set_xlabel(f"{unit.capitalize()} (start date, UTC)")
    ax.set_ylabel(MEAN_LABEL)
    fit_dates(ax, df["period"])
    by_source = " by source" if "source" in df.columns else ""
    ax.set_title(title or f"Sentiment per {unit}{by_source}")
    legend_below(fig, ax, ax_n, ncols=3)
    fig.autofmt_xdate()
    return fig


def _note(ax, note: str | None, *, wrap: int = 110) -> None:
    """A line under everything drawn (the legend below the axes, else the axis label) saying what the
    measure means; anchored to that artist, so it follows the final layout, and part of the PNG."""
    if not note:
        return
    fig = ax.get_figure()
    fig.canvas.draw()  # the final layout: the note wraps to the room between the axes' left edge and the figure's
    renderer = fig.canvas.get_renderer()
    drawn_below = [a for a in (*fig.legends, ax.xaxis.label) if a is not None and a.get_visible()]
    anchor = min(drawn_below, key=lambda a: a.get_window_extent(renderer).y0)  # the lowest: legend below or label
    room = (1 - ax.get_position().x0) * fig.get_figwidth() * 72  # points
    wrap = max(30, min(wrap, int(room / (SMALL * 0.56))))
    ax.annotate(textwrap.fill(note, wrap), xy=(0, 0), xycoords=("axes fraction", anchor), xytext=(0, -8),
                        textcoords="offset points", ha="left", va="top", fontsize=SMALL, color="#333333",
                        annotation_clip=False)


def entity_sentiment_chart(
    df: pd.DataFrame, *, title: str | None = None, measure: str = MEAN_LABEL, note: str | None = None
) -> Figure:
    """Per-entity (or per-speaker) mean sentiment, or tone towards each entity.

    With a ``period`` column: one line per entity over time (thin points hollow).
    Without (``freq=None``): horizontal bars with 95% intervals, most negative at top.
    ``measure`` labels the value axis; ``note`` is a line under the chart saying what it means.
    """
    key = "entity" if "entity" in df.columns else "speaker"
    if "period" not in df.columns:
        fig, ax = new_figure(FULL_WIDTH, 0.3 * max(len(df), 2) + 1.1)
        _tone_bars(ax, df, key=key, measure=measure, title=title or f"Sentiment of sentences mentioning each {key}")
        _note(ax, note)
        return fig
    fig, ax = new_figure(FULL_WIDTH, 3.0)
    d = df.sort_values("period")
    for i, (name, part) in enumerate(d.groupby(key, sort=True)):
        _series(ax, part.dropna(subset=["mean"]), i, str(name), band=False)
    _zero_line(ax)
    limit = tone_limit(d["mean"], *(d[c] for c in ("ci_low", "ci_high") if c in d.columns))
    ax.set_ylim(-limit, limit)
    unit = _freq_word(d["period"])
    ax.set_xlabel(f"{unit.capitalize()} (start date, UTC)")
    ax.set_ylabel(measure)
    fit_dates(ax, d["period"])
    ax.set_title(title or f"Sentiment around each {key}, per {unit}")
    legend_below(fig, ax, ncols=3)
    fig.autofmt_xdate()
    _note(ax, note)
    return fig


def _tone_bars(ax, df: pd.DataFrame, *, key: str, measure: str, title: str, width: int = 30) -> None:
    """Horizontal bars of mean tone with 95% intervals, most negative at top, on a symmetric axis with zero."""
    d = df.dropna(subset=["mean"]).sort_values("mean", ascending=True)
    y = np.arange(len(d))
    colours = np.where(d["mean"] > 0, POSITIVE, NEGATIVE)
    err = np.vstack([(d["mean"] - d["ci_low"]).fillna(0).clip(lower=0),
                     (d["ci_high"] - d["mean"]).fillna(0).clip(lower=0)])
    ax.barh(y, d["mean"], color=colours, alpha=0.7, xerr=err, capsize=3, ecolor="#333333", zorder=2)
    count_col = next((c for c in ("n_sentences", "n_quotes", "n_mentions") if c in d.columns), None)
    counts = d[count_col] if count_col else d["n_articles"]
    labels = [f"{name} (n={int(c)})" if count_col else name  # the name is cut, never the count
              for name, c in zip(tick_labels(d[key], width - (7 if count_col else 0)), counts, strict=True)]
    ax.set_yticks(y, labels)
    ax.invert_yaxis()
    ax.axvline(0.0, color="#555555", linewidth=0.8)
    limit = tone_limit(d["mean"], d["ci_low"], d["ci_high"])
    ax.set_xlim(-limit, limit)  # symmetric around zero: -0.03 reads as near zero, not as a full bar
    widths = (d["ci_high"] - d["ci_low"]).fillna(0)
    ax.set_xlabel(measure + ("\nlines: 95% interval" if (widths > 0).any() else ""))
    ax.set_title(title)
