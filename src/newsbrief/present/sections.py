"""The corpus briefing's editorial sections, laid out from numbers already computed: what changed, why it
spiked, who appears with whom, share of voice, the articles behind the findings. Each is one notebook cell
(heading, chart, short table); the numbers come from :class:`~newsbrief.present.corpus.CorpusBriefing`."""

from __future__ import annotations

import pandas as pd

from ..analysis.db_change import SqlSplit
from ..textutil import signed
from . import change_findings as cf
from .blocks import HTMLBlock, Parts, table_block
from .charts.changes import movers_chart, spikes_chart
from .charts.heatmap import share_heatmap
from .charts.network import network_chart
from .figures import to_chart
from .formatters import clip, fmt_day, fmt_source, fmt_text, no_comparison, pct, period_noun, span_label

#: How many rows the short tables of the briefing show (the appendix has them all).
SHORT = 6


def heading(title: str, *, intro: list[str] | None = None, items: list[str] | None = None) -> HTMLBlock:
    """A section heading with its intro paragraphs and a list of items."""
    text = "\n".join([title, *(intro or []), *(f"- {i}" for i in items or [])])
    return HTMLBlock.from_template("heading.html.j2", text=text, heading=title, intro=intro or [],
                                   items=items or [])


def speaker_counts(share: pd.DataFrame, *, n: int = 5) -> HTMLBlock | None:
    """The ``n`` most quoted speakers: quotes, the articles quoting them, named (yes/no) and share of quotes."""
    if share.empty:
        return None
    shown = share.head(n)[["speaker", "named", "quotes", "articles", "quote_share"]].copy()
    shown["named"] = shown["named"].map(yes_no)
    return table_block(shown.rename(columns={"quote_share": "share of quotes"}),
                       caption="Most quoted (articles: how many articles quote them)",
                       formats={"share of quotes": pct})


def yes_no(named: object) -> str:
    """A speaker table's "named" column: yes for a named person or organisation, no for a group, a role or
    unattributed quotes (the findings read the same column)."""
    return "yes" if bool(named) else "no"


def what_changed(split: SqlSplit, changes: tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame],
                 tone_changes: tuple[pd.DataFrame, pd.DataFrame]) -> Parts:
    """Risers and fallers (entities and speakers) with their test, new voices, tone shifts with intervals."""
    if not split.usable:
        reason = no_comparison(split) or "nothing to compare against"
        return Parts(heading("What changed", intro=[f"No comparison: {reason}."]))
    entity, speaker, new = changes
    n_focus, n_base = split.n_focus, split.n_base
    focus, base = span_label(split.focus_span), span_label(split.base_span)
    intro = [f"{focus[:1].upper()}{focus[1:]} ({n_focus:,} articles) against {base} "
             f"({n_base:,} articles). A rise or fall is shown when the log-odds test with an informative prior "
             "(Monroe et al. 2008) puts it beyond chance at 95% (|z| ≥ 1.96) and it spans at least two articles."]
    moved = pd.concat([entity[entity["reported"]], speaker[speaker["reported"]]], ignore_index=True)
    moved = moved.reindex(moved["z"].abs().sort_values(ascending=False).index).head(8)
    items = cf.no_change_finding(entity, speaker, split)  # new voices are a key finding already: said once
    chart = None
    table = None
    if not moved.empty:
        chart = to_chart(movers_chart(moved, focus="now", base="before"), email=True,
                         alt="What changed: share before and now")
        shown = pd.DataFrame({
            "name": moved["item"], "counted as": moved["type"].map(lambda t: "quotes" if t == "speaker" else t),
            "before": moved["base"].astype(str) + " (" + moved["base_share"].map(pct) + ")",
            "now": moved["focus"].astype(str) + " (" + moved["focus_share"].map(pct) + ")",
            "z": moved["z"]})
        table = table_block(shown.head(SHORT), formats={"z": "{:+.1f}"},
                            caption="Largest changes in share (count and share of mentions, or of quotes)")
    by_source, by_entity = tone_changes
    tone = pd.concat([t.assign(kind=k) for t, k in ((by_source, "source"), (by_entity, "entity")) if not t.empty],
                     ignore_index=True) if not (by_source.empty and by_entity.empty) else by_source
    tone_table = None
    if not tone.empty:
        tone["significant"] = tone["significant"].astype(bool)
        tone = tone.reindex(tone["shift"].abs().sort_values(ascending=False).index)
        tone = pd.concat([tone[tone["significant"]], tone[~tone["significant"]]]).head(4)
        shown = pd.DataFrame({
            "tone of": tone["kind"].map({"source": "articles at ", "entity": "sentences naming "}) + tone["group"],
            "before": tone["base_mean"], "now": tone["focus_mean"], "shift": tone["shift"],
            "95% interval": [f"{signed(lo)} to {signed(hi)}" for lo, hi in zip(tone["ci_low"], tone["ci_high"])],
            "beyond chance": tone["significant"].map({True: "yes", False: "no"})})
        tone_table = table_block(shown, formats={"before": "{:+.2f}", "now": "{:+.2f}", "shift": "{:+.2f}"},
                                 caption="Tone shifts (mean sentence sentiment per article, −1..1; at least 3 "
                                         "articles on each side)")
    return Parts(heading("What changed", intro=intro, items=items), chart, table, tone_table)


def why_it_spiked(spikes: pd.DataFrame, heads: pd.DataFrame, long: pd.DataFrame | None, *, leaders: pd.DataFrame,
                  freq: str) -> Parts:
    """Spikes of the leading entities against their own baseline (``long``: the share per period of the first
    five), each with the headlines behind it."""
    intro = ["A spike is a period where an entity's share of all entity mentions is at least 3 robust "
             "standard deviations (median + 3 × 1.4826 × MAD, never below sampling noise) above its own median, "
             "with at least 5 mentions in 2 articles."]
    if spikes.empty or long is None:
        return Parts(heading("Why it spiked", intro=[*intro, "No leading entity spiked."]))
    shown_ids = list(dict.fromkeys(spikes["entity_id"]))[:5]
    names = dict(zip(leaders["entity_id"], leaders["name"]))
    shares = (long.assign(share=long["mentions"] / long["total"].where(long["total"] > 0))
              .pivot(index="period", columns="entity_id", values="share").fillna(0.0))
    shares = shares[[i for i in shown_ids if i in shares.columns]].rename(columns=names)
    chart = to_chart(spikes_chart(shares, spikes[spikes["entity_id"].isin(shown_ids)].head(SHORT)), email=True)
    rows = []
    for _, r in spikes.head(4).iterrows():
        h = heads[(heads["entity_id"] == r["entity_id"]) & (heads["period"] == r["period"])]
        rows.append({"entity": r["entity"], "period": fmt_day(r["period"]), "mentions": int(r["mentions"]),
                     "share (typical)": f"{pct(r['share'])} ({pct(r['baseline_share'])})",
                     "headlines carrying most mentions": " · ".join(clip(fmt_text(x), 70) for x in h["title"].head(2))})
    table = table_block(pd.DataFrame(rows), caption="Spikes, largest first (period: start of the "
                        + period_noun(freq) + ")")
    return Parts(heading("Why it spiked", intro=intro), chart, table)


def who_with_whom(pairs: pd.DataFrame, freq: pd.DataFrame) -> Parts:
    """The co-occurrence network of the leading entities (``freq``: their frequencies) and the strongest pairs."""
    strong = pairs[pairs["significant"]] if not pairs.empty else pairs
    intro = ["Entities named in the same sentence more often than chance: NPMI weighs the pair (−1..1, 0 is "
             "chance), Dunning's log-likelihood test (Bonferroni-corrected) decides whether it is drawn."]
    if strong.empty:
        return Parts(heading("Who appears with whom", intro=[*intro, "No pair stands out."]))
    nodes = freq[freq["name"].isin(set(strong["a"]) | set(strong["b"]))]
    chart = to_chart(network_chart(strong.head(20), nodes), alt="Who appears with whom: co-occurrence network")
    shown = pd.DataFrame({"pair": strong["a"] + " – " + strong["b"], "sentences together": strong["together"],
                          "expected by chance": strong["expected"], "NPMI": strong["npmi"]}).head(SHORT)
    table = table_block(shown, formats={"expected by chance": "{:.1f}", "NPMI": "{:.2f}"},
                        caption="Strongest pairs")
    return Parts(heading("Who appears with whom", intro=intro), chart, table)


def wire_note(wire: pd.DataFrame | None) -> str | None:
    """"Of which agency copy: Times Union 12 of 40 articles (AP); ..." for the sources shown that ran any (``wire``:
    :func:`~newsbrief.analysis.db_spikes.wire_of_sources`); None when none did."""
    if wire is None or wire.empty or not (wire["wire"] > 0).any():
        return None
    named = "; ".join(f"{fmt_source(r.source)} {int(r.wire):,} of {int(r.articles):,} articles"
                      + (f" ({r.agencies})" if r.agencies else "")
                      for r in wire[wire["wire"] > 0].itertuples(index=False))
    return f"Of which agency copy (wire stories run under the outlet's name, counted for the outlet): {named}."


def share_of_voice(entities: pd.DataFrame, speakers: pd.DataFrame, *,
                   wire: pd.DataFrame | None = None) -> Parts | None:
    """Source x entity and source x speaker heat maps (corpora with several sources), with how much of each source
    is agency copy (``wire``: :func:`wire_note`)."""
    panels = [(h, p) for h, p in (("entities (% of the source's mentions)", entities),
                                  ("speakers (% of the source's quotes)", speakers)) if not p.empty]
    if not panels:
        return None
    intro = ["The largest sources (at least 3 articles): what share of their entity mentions, and of their "
             "attributed quotes, goes to each leading name."]
    intro += [note] if (note := wire_note(wire)) else []
    return Parts(heading("Share of voice by source", intro=intro), to_chart(share_heatmap(panels)))


def articles_behind(a: pd.DataFrame, *, appendix: str | None) -> Parts:
    """The few articles behind the findings (:func:`articles_behind_table`), and the link to the appendix."""
    link = (HTMLBlock.from_template("appendix_link.html.j2", text=f"Appendix: {appendix}", href=appendix,
                                    label="appendix.html", folder=not appendix.startswith("http"))
            if appendix else None)
    if a.empty:
        return Parts(heading("Articles behind the findings", intro=["No article stands out."]), link)
    rows = [{"title": clip(fmt_text(r.title) or str(r.article_id), 100), "url": r.url, "source": fmt_source(r.source),
             "published": fmt_day(r.published), "why": r.why} for r in a.itertuples(index=False)]
    block = HTMLBlock.from_template("articles_behind.html.j2", text=f"{len(rows)} articles", articles=rows)
    return Parts(heading("Articles behind the findings"), block, link)


def articles_behind_table(found: pd.DataFrame, picks: dict[str, str], *, limit: int = 6) -> pd.DataFrame:
    """The picked articles (``found``: their metadata; ``picks``: why each was picked), newest first, one per
    title, with only http(s) links."""
    a = found.assign(_id=found["article_id"].astype(str))
    a = a.assign(why=a["_id"].map(picks))
    a = a.drop_duplicates("title").sort_values(["published", "_id"], ascending=[False, True], na_position="last")
    a = a.head(limit)
    a["url"] = [u if fmt_text(u).startswith(("http://", "https://")) else "" for u in a["url"]]
    return a[["article_id", "title", "url", "source", "published", "why"]]
