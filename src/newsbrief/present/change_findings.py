"""Sentences of the corpus lead findings: what changed, which tone moved, what spiked (one builder each)."""

from __future__ import annotations

import pandas as pd

from ..analysis.change import Split
from ..analysis.db_change import SqlSplit
from ..textutil import plural, signed
from .formatters import clip, no_comparison, pct, span_label, when


def _z(z: float) -> str:
    return f"{z:.1f}".replace("-", "\u2212")


def _was(share: float) -> str:
    return "none" if share == 0 else pct(share)


def change_findings(
    changes: pd.DataFrame, split: Split | SqlSplit, *, n: int = 2, what: str = "entity mentions"
) -> list[str]:
    """Rises and falls that the test reports (see :func:`~newsbrief.analysis.db_change.entity_changes`)."""
    if not split.usable or changes.empty:
        return []
    shown = changes[changes["reported"]] if "reported" in changes else changes[changes["significant"]]
    out: list[str] = []
    rows = [*shown[shown["z"] > 0].head(n).iterrows(), *shown[shown["z"] < 0].sort_values("z").head(n).iterrows()]
    for _, r in rows:
        verb = "rose" if r["z"] > 0 else "fell"
        spread = _spread(r)
        if not out:  # the first sentence names the periods, the next ones are short
            out.append(f"{r['item']} {verb} to {pct(r['focus_share'])} of {what} in {span_label(split.focus_span)}, "
                       f"from {_was(r['base_share'])} in {span_label(split.base_span)} (z = {_z(r['z'])}{spread}).")
        else:
            out.append(f"{r['item']} {verb} to {pct(r['focus_share'])} of {what}, from {_was(r['base_share'])} "
                       f"(z = {_z(r['z'])}{spread}).")
    return out


def _spread(r: pd.Series) -> str:
    """'; in 12 articles now' (a rise) or '; in 5 articles before' (a fall): how many articles carry the change."""
    if "focus_articles" not in r.index:
        return ""
    rising = r["z"] > 0
    n = int(r["focus_articles"] if rising else r["base_articles"])
    return f"; in {plural(n, 'article')} {'now' if rising else 'before'}"


def no_change_finding(entity: pd.DataFrame, speaker: pd.DataFrame, split: Split | SqlSplit) -> list[str]:
    """The sentence for a quiet period: nothing moved beyond chance."""
    if not split.usable:
        reason = no_comparison(split)
        return [f"No comparison over time: {reason}."] if reason else []
    moved = [t for t in (entity, speaker) if not t.empty and "reported" in t and t["reported"].any()]
    if moved:
        return []
    return [f"No person, organisation, place or speaker gained or lost share beyond chance in "
            f"{span_label(split.focus_span)} against {span_label(split.base_span)}."]


def new_speaker_finding(new: pd.DataFrame, split: Split | SqlSplit) -> list[str]:
    if new.empty or not split.usable:
        return []
    names = [f"{r['speaker']} ({plural(int(r['quotes']), 'quote')})" for _, r in new.head(3).iterrows()]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return [f"New voices in {span_label(split.focus_span)}, not quoted before: {listed}."]


def tone_shift_findings(shifts: pd.DataFrame, *, kind: str, n: int = 2) -> list[str]:
    """Significant tone shifts per source (``kind="source"``) or entity, with their 95% interval."""
    out: list[str] = []
    if shifts.empty:
        return out
    for _, r in shifts[shifts["significant"]].head(n).iterrows():
        word = "more negative" if r["shift"] < 0 else "more positive"
        where = f"At {r['group']}, articles read" if kind == "source" else f"Sentences naming {r['group']} read"
        out.append(f"{where} {word}: {signed(r['shift'])} (95% interval {signed(r['ci_low'])} to "
                   f"{signed(r['ci_high'])}), a mean of {signed(r['focus_mean'])} over "
                   f"{plural(int(r['focus_articles']), 'article')} after {signed(r['base_mean'])} over "
                   f"{int(r['base_articles'])}.")
    return out


def spike_findings(spikes: pd.DataFrame, headlines: pd.DataFrame, *, freq: str = "W", n: int = 1) -> list[str]:
    """The largest attention spikes, each with the headline that carried most of its mentions."""
    out = []
    for _, r in spikes.head(n).iterrows():
        heads = headlines[(headlines["entity_id"] == r["entity_id"]) & (headlines["period"] == r["period"])]
        lead = f"; most of them in \u201c{clip(heads['title'].iloc[0], 90)}\u201d" if len(heads) else ""
        has_articles = "articles" in r.index and pd.notna(r["articles"])
        spread = f" in {plural(int(r['articles']), 'article')}" if has_articles else ""
        out.append(f"Attention on {r['entity']} spiked {when(pd.Timestamp(r['period']), freq)}: "
                   f"{int(r['mentions'])} mentions{spread}, {pct(r['share'])} of all entity mentions against a typical "
                   f"{pct(r['baseline_share'])}{lead}.")
    return out
