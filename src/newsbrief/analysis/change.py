"""What changed: a focus period against a baseline, with tests that keep noise on small counts out of the news.

* :func:`plan_split` (run by :func:`~newsbrief.analysis.db_change.compare_split`) picks the articles of the
  focus (the last ``freq`` period, widened backwards until it holds ``min_articles``) and of the baseline (the
  same number of periods before it, every earlier article, or a date range).
* :func:`log_odds_changes` is the log-odds ratio with an informative Dirichlet prior of Monroe, Colaresi and Quinn
  (2008), "Fightin' Words", section 3.5: for each item ``w`` with counts ``y`` in the focus and the baseline,

      delta_w = log((y_f + a_w) / (n_f + a0 - y_f - a_w)) - log((y_b + a_w) / (n_b + a0 - y_b - a_w))
      var_w  ~= 1 / (y_f + a_w) + 1 / (y_b + a_w),        z_w = delta_w / sqrt(var_w)

  where ``a_w = a0 * pi_w`` and ``pi_w`` is the item's share in a background (by default the whole corpus).
  The prior shrinks the estimates for rare items, so three mentions against one is not a "rise of 200%".
* :func:`shifts_from_moments` compares per-article mean tone per group (source, entity) with a Welch interval.

These are the statistics on the small tables the SQL of :mod:`.db_change` aggregates; sentences are written
elsewhere.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from statistics import NormalDist

import numpy as np
import pandas as pd

from ..errors import NewsbriefError
from ..params import DATE_RANGE
from .sentiment import t_quantile

CHANGE_COLUMNS = ["item", "type", "focus", "base", "focus_share", "base_share", "change", "log_odds", "z",
                  "significant"]
TONE_COLUMNS = ["group", "focus_mean", "base_mean", "shift", "ci_low", "ci_high", "focus_articles",
                "base_articles", "significant"]



@dataclass(frozen=True)
class Span:
    """What one side of a comparison covers, named by :func:`newsbrief.present.formatters.span_label`.

    ``kind``: ``periods`` (the ``freq`` periods whose naive UTC starts run from ``first`` to ``last``), ``range``
    (the days from ``first`` to ``last``), ``earlier`` (every article before the focus), ``corpus`` (the whole
    corpus), ``this`` (this corpus against a baseline store), ``baseline`` (that store), ``last-run`` (the
    previous run of the same briefing) or ``none``.
    """

    kind: str
    first: pd.Timestamp | None = None
    last: pd.Timestamp | None = None
    freq: str = "W"


EARLIER = Span("earlier")
NO_SPAN = Span("none")
#: Why a corpus whose dated articles all fall in one period has no "What changed".
ONE_PERIOD = "every dated article falls in the same period: there is nothing earlier to compare it with"


@dataclass(frozen=True)
class Split:
    """Which articles are the focus and which the baseline of a comparison, and what each covers."""

    focus: frozenset[str]
    base: frozenset[str]
    focus_span: Span
    base_span: Span
    kind: str  # previous, corpus, range, store, none
    earlier: frozenset[str] = field(default_factory=frozenset)  # every article dated before the focus
    reason: str = ""  # why there is no comparison (kind "none"; "" with a ``range`` base: nothing published in it)

    @property
    def usable(self) -> bool:
        return self.kind != "none" and bool(self.focus) and bool(self.base)


def parse_range(compare: str) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """``2017-08-01..2017-08-31`` (also ``/`` or `` to ``) -> (start, end of the last day), UTC; else None."""
    match = DATE_RANGE.match(compare)
    if not match:
        return None
    start = pd.Timestamp(match.group(1), tz="UTC")
    end = pd.Timestamp(match.group(2), tz="UTC") + pd.Timedelta(days=1) - pd.Timedelta(microseconds=1)
    if end < start:
        raise NewsbriefError(f"the date range {compare!r} ends before it starts", field="compare")
    return start, end


@dataclass(frozen=True)
class Plan:
    """Where the focus and the baseline lie on the calendar: what ``compare_split`` decides from period sizes.

    ``base`` is ``("periods", start)`` (periods from ``start`` up to the focus), ``("earlier",)``,
    ``("range", start, end)`` (publication times, outside the focus) or ``("none",)`` (one period: no baseline).
    """

    kind: str
    focus_start: pd.Timestamp  # naive UTC start of the first focus period
    focus_span: Span
    base_span: Span
    base: tuple[object, ...]


def plan_split(sizes: pd.Series, *, freq: str = "W", compare: str = "previous", min_articles: int = 10) -> Plan:
    """The :class:`Plan` for articles per period ``sizes`` (index: naive period starts; dated articles only)."""
    starts = sorted(sizes.index)
    chosen = [starts[-1]]
    while sum(int(sizes.get(c, 0)) for c in chosen) < min_articles and len(chosen) < len(starts) - 1:
        chosen.insert(0, starts[len(starts) - len(chosen) - 1])
    # Count periods on the calendar (empty weeks count too), so "the 3 weeks before" means that.
    first_focus = pd.Timestamp(chosen[0])
    span = len(pd.period_range(first_focus, pd.Timestamp(chosen[-1]), freq=freq))
    focus = Span("periods", first_focus, pd.Timestamp(chosen[-1]), freq)
    if len(starts) == 1:  # the focus is every dated article: no baseline is left to compare it with
        return Plan("none", first_focus, focus, NO_SPAN, ("none",))
    if compare == "previous":
        base_start = (first_focus.to_period(freq) - span).start_time
        base = Span("periods", base_start, (first_focus.to_period(freq) - 1).start_time, freq)
        return Plan("previous", first_focus, focus, base, ("periods", base_start))
    if compare == "corpus":
        return Plan("corpus", first_focus, focus, EARLIER, ("earlier",))
    bounds = parse_range(compare)
    if bounds is None:
        raise NewsbriefError(f"compare must be 'previous', 'corpus', a date range like 2017-08-01..2017-08-31 or "
                             f"a store, not {compare!r}", field="compare")
    return Plan("range", first_focus, focus, Span("range", bounds[0], bounds[1], "D"), ("range", *bounds))


# ---------------------------------------------------------------------------------------------- counts
def log_odds_changes(
    focus: pd.DataFrame, base: pd.DataFrame, *, background: pd.DataFrame | None = None,
    prior_strength: float | None = None, level: float = 0.95, min_count: int = 3,
) -> pd.DataFrame:
    """Fightin' Words between two count tables (columns item, type, count); largest z first.

    ``background`` (default: focus plus baseline) gives the prior shares; ``prior_strength`` (a0, default the
    mentions of focus and baseline together) how many pseudo-counts the prior weighs. ``significant`` means
    ``|z|`` beyond the normal quantile of ``level`` (1.96 at 95%). Items with fewer than ``min_count`` counts in
    focus and baseline together are left out. Columns: item, type, focus, base, focus_share, base_share, change
    (share points), log_odds, z, significant.
    """
    keys = ["item", "type"]
    table = pd.merge(focus.rename(columns={"count": "focus"}), base.rename(columns={"count": "base"}),
                     on=keys, how="outer").fillna({"focus": 0, "base": 0})
    if table.empty:
        return pd.DataFrame(columns=CHANGE_COLUMNS)
    bg = background if background is not None else pd.concat([focus, base]).groupby(keys, as_index=False)["count"].sum()
    table = table.merge(bg.rename(columns={"count": "bg"}), on=keys, how="left").fillna({"bg": 0})
    y_f, y_b = table["focus"].astype(float), table["base"].astype(float)
    n_f, n_b = y_f.sum(), y_b.sum()
    if n_f == 0 or n_b == 0:
        return pd.DataFrame(columns=CHANGE_COLUMNS)
    a0 = float(prior_strength) if prior_strength is not None else n_f + n_b
    # Every item gets at least half a pseudo-count, so an item unseen in the background stays finite.
    pi = (table["bg"].astype(float) + 0.5) / (table["bg"].sum() + 0.5 * len(table))
    alpha = a0 * pi
    delta = (np.log((y_f + alpha) / (n_f + a0 - y_f - alpha)) - np.log((y_b + alpha) / (n_b + a0 - y_b - alpha)))
    z = delta / np.sqrt(1.0 / (y_f + alpha) + 1.0 / (y_b + alpha))
    crit = NormalDist().inv_cdf(0.5 + level / 2)
    table["focus_share"] = y_f / n_f
    table["base_share"] = y_b / n_b
    table["change"] = table["focus_share"] - table["base_share"]
    table["log_odds"] = delta
    table["z"] = z
    table["significant"] = z.abs() >= crit
    table["focus"] = y_f.astype(int)
    table["base"] = y_b.astype(int)
    table = table[(table["focus"] + table["base"]) >= min_count]
    ordered = table.sort_values(["z", "item"], ascending=[False, True], kind="stable")
    return ordered[CHANGE_COLUMNS].reset_index(drop=True)


# ---------------------------------------------------------------------------------------------- tone
def welch_from_moments(
    mean_a: float, var_a: float, n_a: int, mean_b: float, var_b: float, n_b: int, *, level: float = 0.95,
) -> tuple[float, float, float]:
    """:func:`welch_interval` from each side's mean, sample variance and count (as SQL aggregates give them)."""
    diff = float(mean_a - mean_b) if n_a and n_b else math.nan
    if n_a < 2 or n_b < 2:
        return diff, math.nan, math.nan
    va, vb = var_a / n_a, var_b / n_b
    se = math.sqrt(va + vb)
    if se == 0:
        return diff, diff, diff
    dof = (va + vb) ** 2 / ((va**2 / (n_a - 1) if va else 0) + (vb**2 / (n_b - 1) if vb else 0) or 1e-12)
    half = float(t_quantile(0.5 + level / 2, dof)) * se
    return diff, diff - half, diff + half


def shifts_from_moments(moments: pd.DataFrame, *, min_articles: int = 3, level: float = 0.95) -> pd.DataFrame:
    """Tone shifts from per-group moments (group, n_f, mean_f, var_f, n_b, mean_b, var_b)."""
    rows = []
    for r in moments.sort_values("group", kind="stable").itertuples(index=False) if not moments.empty else []:
        if r.n_f < min_articles or r.n_b < min_articles:
            continue
        diff, low, high = welch_from_moments(r.mean_f, r.var_f, int(r.n_f), r.mean_b, r.var_b, int(r.n_b), level=level)
        rows.append({"group": r.group, "focus_mean": float(r.mean_f), "base_mean": float(r.mean_b), "shift": diff,
                     "ci_low": low, "ci_high": high, "focus_articles": int(r.n_f), "base_articles": int(r.n_b),
                     "significant": bool(pd.notna(low) and (low > 0 or high < 0))})
    out = pd.DataFrame(rows, columns=TONE_COLUMNS)
    return out.reindex(out["shift"].abs().sort_values(ascending=False).index).reset_index(drop=True)

