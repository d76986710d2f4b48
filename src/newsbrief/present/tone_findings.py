"""Sentences of findings about tone: extremes, shifts between periods, leading entities' tone."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..analysis.sentiment import article_timeline, extreme_sentences, largest_shifts
from ..textutil import plural, signed
from .formatters import clip, previous_period, when


def _num(x: float) -> str:
    return signed(x)


def _articles(n: int) -> str:
    return plural(n, "article")


def _when(period: pd.Timestamp, freq: str) -> tuple[str, str]:
    """('in the week of 5 March 1987', 'the previous week') for a period start."""
    return when(period, freq), previous_period(freq)


def findings(
    sentences: pd.DataFrame,
    *,
    timeline: pd.DataFrame | None = None,
    entity_df: pd.DataFrame | None = None,
    freq: str = "W",
    n_shifts: int = 3,
    min_articles: int = 2,
    n_sentences: dict[str, int] | None = None,
) -> list[str]:
    """Plain-English key findings from the numbers.

    From ``sentences``: the most negative and most positive sentence, and for a single
    article whether its second half reads more negative than its first.  From
    ``timeline`` (:func:`corpus_timeline`): the overall mean and the ``n_shifts``
    largest period-to-period shifts between periods with at least ``min_articles``
    articles (thin periods are said to be thin).  From ``entity_df``
    (:func:`~newsbrief.analysis.target_tone.entity_tone`): see :func:`entity_tone_findings`.
    Returns a list of sentences.
    """
    out: list[str] = []
    extremes = extreme_sentences(sentences, n=1)
    for _, row in extremes.iterrows():
        quoted = clip(row["text"], 180).strip().strip('"\u201c\u201d')
        out.append(f"The {row['kind']} sentence: \u201c{quoted}\u201d ({_num(row['sentiment'])}).")
    if not sentences.empty and sentences["article_id"].nunique() == 1 and len(sentences) >= 4:
        tl = article_timeline(sentences)
        first = tl.loc[tl["relative_position"] < 0.5, "sentiment"].dropna()
        second = tl.loc[tl["relative_position"] >= 0.5, "sentiment"].dropna()
        if len(first) >= MIN_SENTENCES and len(second) >= MIN_SENTENCES and _differ(first, second):
            word = "more negative" if second.mean() < first.mean() else "more positive"
            out.append(f"The second half of the article reads {word} than the first "
                       f"(mean {_num(second.mean())} vs {_num(first.mean())}, a difference beyond chance).")
        low = tl.loc[tl["rolling"].idxmin()]
        centre = int(low["position"])
        stretch = tl.loc[(tl["position"] - centre).abs() <= 2, "sentiment"].dropna()
        lo, hi = _interval(stretch)
        if len(stretch) >= MIN_SENTENCES and hi < 0:
            out.append(f"The darkest stretch is around sentence {centre + 1} of {len(tl)} "
                       f"(rolling mean {_num(low['rolling'])}).")
    if timeline is not None and not timeline.empty:
        has = timeline[timeline["n_articles"] > 0]
        if "source" not in timeline.columns and len(has):
            overall = np.average(has["mean"], weights=has["n_articles"])
            out.append(f"Across {int(has['n_articles'].sum())} dated articles in {len(has)} periods, "
                       f"the mean article sentiment is {_num(overall)}.")
        shifts = largest_shifts(timeline, n=n_shifts, min_articles=min_articles)
        for _, row in shifts.iterrows():
            when, previous = _when(row["period"], freq)
            step_before = (pd.Timestamp(row["period"]).tz_localize(None).to_period(freq) - 1).start_time
            if pd.Timestamp(row["previous_period"]).tz_localize(None) != step_before:
                previous = _when(row["previous_period"], freq)[0].removeprefix("in ").removeprefix("on ")
            where = f"At {row['source']}, coverage" if "source" in shifts.columns else "Coverage"
            word = "more negative" if row["change"] < 0 else "more positive"
            caveat = " (few articles: read with care)" if row["thin"] else ""
            out.append(f"{where} turned {word} {when} ({_num(row['change'])} vs {previous}; mean "
                       f"{_num(row['mean'])} over {_articles(int(row['n_articles']))} after "
                       f"{_num(row['previous_mean'])} over {int(row['previous_n_articles'])}){caveat}.")
    if entity_df is not None and not entity_df.empty:
        out += entity_tone_findings(entity_df, n_sentences=n_sentences)
    return out


#: A tone finding rests on at least this many scored mentions (or sentences) ...
MIN_MENTIONS = 3
#: ... in at least this many sentences, and on an interval that excludes zero; else there is too little to tell.
MIN_SENTENCES = 2
#: How far from zero an interval's near end must be: half of the last printed digit (two decimals).
CLEAR = 0.005


def _interval(values: pd.Series, level: float = 0.95) -> tuple[float, float]:
    """Student-t interval of the mean of ``values`` (NaN, NaN with fewer than two).

    The t quantile is scipy.special's (what ``scipy.stats.t.ppf`` returns; scipy.stats takes half a second to import
    in the briefing's kernel, scipy.special a tenth of that)."""
    from scipy.special import stdtrit

    v = values.dropna().to_numpy(dtype=float)
    if len(v) < 2:
        return float("nan"), float("nan")
    half = float(stdtrit(len(v) - 1, 0.5 + level / 2) * v.std(ddof=1) / np.sqrt(len(v)))
    return float(v.mean() - half), float(v.mean() + half)


def _differ(a: pd.Series, b: pd.Series, alpha: float = 0.05) -> bool:
    """Welch's t-test: the two means differ beyond chance (the two-sided p-value of ``scipy.stats.ttest_ind(a, b,
    equal_var=False)``, from scipy.special's Student-t distribution as scipy.stats computes it)."""
    from scipy.special import stdtr

    if a.std(ddof=1) == 0 and b.std(ddof=1) == 0:
        return bool(a.mean() != b.mean())
    x, y = a.to_numpy(dtype=float), b.to_numpy(dtype=float)
    vx, vy = x.var(ddof=1) / len(x), y.var(ddof=1) / len(y)
    df = (vx + vy) ** 2 / (vx**2 / (len(x) - 1) + vy**2 / (len(y) - 1))
    t = (x.mean() - y.mean()) / np.sqrt(vx + vy)
    return bool(2 * stdtr(df, -abs(t)) < alpha)


def entity_tone_findings(entity_df: pd.DataFrame, *, n_sentences: dict[str, int] | None = None) -> list[str]:
    """Which leading entities are treated negatively or positively, said only where the numbers can tell.

    ``entity_df`` is :func:`~newsbrief.analysis.target_tone.entity_tone` output (``freq=None``): the mean, its
    95% interval (``ci_low``, ``ci_high``: over the mentions of one article, over articles of a corpus) and the
    count behind it: the chart shows the same numbers. An entity is stated when its interval excludes zero and
    it rests on at least :data:`MIN_MENTIONS` mentions in at least :data:`MIN_SENTENCES` sentences
    (``n_sentences``: entity name -> sentences naming it; a sentence-basis table counts sentences already); the
    most negative and the most positive such entity are named. When none qualifies, the finding says there is
    too little to tell.
    """
    sentence_basis = (bool(entity_df["basis"].eq("sentence").any()) if "basis" in entity_df.columns
                      else "n_sentences" in entity_df.columns)
    count = "n_sentences" if sentence_basis else "n_mentions"
    d = entity_df.dropna(subset=["mean"])
    if "period" in d.columns or d.empty:
        return []
    sents = d[count] if sentence_basis else d["entity"].map(n_sentences or {}).fillna(0)
    # clear of zero as printed too: an interval from +0.003 would read "+0.00 to ..."
    clear = (d["ci_low"] >= CLEAR) | (d["ci_high"] <= -CLEAR)
    ok = d[(d[count] >= MIN_MENTIONS) & (sents >= MIN_SENTENCES) & clear]
    unit = "sentence" if sentence_basis else "mention"
    what = "Sentences naming" if sentence_basis else "Tone towards"
    if ok.empty:
        return [f"{what} the leading entities: too little to tell (no entity has at least {MIN_MENTIONS} "
                f"{unit}s in {MIN_SENTENCES} sentences with a 95% interval clear of zero)."]
    out = []
    for side, row in (("negatively", ok.loc[ok["mean"].idxmin()]), ("positively", ok.loc[ok["mean"].idxmax()])):
        if (row["mean"] < 0) != (side == "negatively"):
            continue
        n = int(row[count])
        where = f" in {_articles(int(row['n_articles']))}" if int(row["n_articles"]) > 1 else ""
        band = f"95% interval {_num(row['ci_low'])} to {_num(row['ci_high'])}"
        if sentence_basis:
            word = "negative" if side == "negatively" else "positive"
            out.append(f"Sentences naming {row['entity']} read {word} (mean {_num(row['mean'])} over "
                       f"{plural(n, 'sentence')}{where}, {band}); this store has no tone towards entities.")
        else:
            out.append(f"{row['entity']} is treated {side} (mean {_num(row['mean'])} over {plural(n, 'mention')}"
                       f"{where}, {band}).")
    return out
