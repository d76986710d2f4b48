"""Sentences of findings about tone: extremes, shifts between periods, leading entities' tone."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..analysis.sentiment import article_timeline, extreme_sentences, largest_shifts
from ..textutil import clip, plural, signed
from .formatters import previous_period, when


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
        first = tl.loc[tl["relative_position"] < 0.5, "sentiment"].mean()
        second = tl.loc[tl["relative_position"] >= 0.5, "sentiment"].mean()
        if pd.notna(first) and pd.notna(second) and abs(second - first) >= 0.02:
            word = "more negative" if second < first else "more positive"
            out.append(f"The second half of the article reads {word} than the first "
                       f"(mean {_num(second)} vs {_num(first)}).")
        low = tl.loc[tl["rolling"].idxmin()]
        out.append(f"The darkest stretch is around sentence {int(low['position']) + 1} of {len(tl)} "
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
        out += entity_tone_findings(entity_df)
    return out


def entity_tone_findings(entity_df: pd.DataFrame, *, min_gap: float = 0.01) -> list[str]:
    """Which leading entity is treated most negatively and which most positively.

    ``entity_df`` is :func:`~newsbrief.analysis.target_tone.entity_tone` output (any ``freq``): each
    entity's mean is the mean of its article means. Said only of two different entities whose means
    differ by at least ``min_gap``; a side keeps its sign ("least negatively" when every entity is
    treated negatively). With ``basis`` "sentence" (a store without tone towards entities) the finding is
    about the sentences that mention the entities, and says so.
    """
    sentence_basis = (bool(entity_df["basis"].eq("sentence").any()) if "basis" in entity_df.columns
                      else "n_sentences" in entity_df.columns)
    count = "n_sentences" if sentence_basis else "n_mentions"
    totals = entity_df.assign(w=entity_df["mean"] * entity_df["n_articles"]).groupby("entity").agg(
        w=("w", "sum"), n=("n_articles", "sum"), c=(count, "sum"))
    totals = totals[totals["n"] > 0]
    if len(totals) < 2:
        return []
    means = (totals["w"] / totals["n"]).sort_values(kind="stable")
    lo, hi = means.index[0], means.index[-1]
    if lo == hi or means[hi] - means[lo] < min_gap:
        return []
    n_lo, a_lo = int(totals.loc[lo, "c"]), int(totals.loc[lo, "n"])
    if sentence_basis:
        top_word = "most positive" if means[hi] >= 0.005 else "least negative"
        low_word = "most negative" if means[lo] <= -0.005 else "least positive"
        return [f"Sentences mentioning {lo} are the {low_word} of the leading entities "
                f"(mean {_num(means[lo])} over {plural(n_lo, 'sentence')}); those mentioning {hi} the {top_word} "
                f"({_num(means[hi])}). This store has no tone towards entities, only the tone of sentences."]
    low_word = "most negatively" if means[lo] < 0 else "least positively"
    top_word = "most positively" if means[hi] > 0 else "least negatively"
    where = f" in {_articles(a_lo)}" if a_lo > 1 else ""
    return [f"Of the leading entities, {lo} is treated {low_word} (mean {_num(means[lo])} over "
            f"{plural(n_lo, 'mention')}{where}) and {hi} {top_word} ({_num(means[hi])})."]
