"""The corpus briefing's editorial sections: what changed, why it spiked, who appears with whom, share of voice.

:class:`CorpusSections` is mixed into :class:`~newsbrief.present.briefing.Briefing`; each section is one
notebook cell (heading, chart, short table) and returns None in an article briefing or when it has nothing to
say. The numbers come from :mod:`newsbrief.analysis` and the sentences from its sentence builders.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

import pandas as pd

from ..analysis import change as ch
from ..analysis import change_findings as cf
from ..analysis import db_change as dch
from ..analysis import db_spikes as dsp
from ..analysis.db import PARTIALS, Db, id_list, sum_merge
from ..analysis.db_counts import articles_by_id_db, entity_frequencies_db
from ..store import read_dataset
from ..store.duck import connect
from ..textutil import clip, signed
from .blocks import HTMLBlock, Parts, table_block
from .charts.changes import movers_chart, spikes_chart
from .charts.heatmap import share_heatmap
from .charts.network import network_chart
from .figures import to_chart
from .formatters import fmt_day, fmt_source, fmt_text

#: How many rows the short tables of the briefing show (the appendix has them all).
SHORT = 6
BASELINE_PREFIX = "baseline:"


def combine(tables: dict[str, pd.DataFrame], baseline: dict[str, pd.DataFrame]) -> tuple[dict[str, pd.DataFrame], ch.Split]:
    """This corpus and a baseline store as one set of tables (baseline ids prefixed) and the split between them."""
    out = {}
    for name, table in tables.items():
        other = baseline.get(name)
        if other is None:
            out[name] = table
            continue
        if "article_id" in other.columns:
            other = other.assign(article_id=BASELINE_PREFIX + other["article_id"].astype(str))
        merged = pd.concat([table, other], ignore_index=True)
        out[name] = merged.drop_duplicates("entity_id") if name == "entities" else merged
    focus = frozenset(tables["articles"]["article_id"].astype(str))
    base = frozenset(BASELINE_PREFIX + baseline["articles"]["article_id"].astype(str))
    split = ch.Split(focus, base, "this corpus", "the baseline store", "store", earlier=base)
    return out, split


def combined_db(data: str | Path, baseline: str | Path) -> Db:
    """This store and a baseline store as one set of tables (baseline ids prefixed with ``baseline:``).

    Both stores are read into memory: a baseline store is a comparison a user picks, not the archive itself.
    """
    tables, _ = combine(read_dataset(data), read_dataset(baseline))
    return Db(connect(tables))


def store_split(db: Db) -> dch.SqlSplit:
    """The split of :func:`combined_db`: this corpus against the baseline store."""
    base = f"starts_with(a.article_id, '{BASELINE_PREFIX}')"
    counts = db.aggregate(f"SELECT count(*) FILTER (NOT {base}) AS f, count(*) FILTER ({base}) AS b FROM articles a",
                          sum_merge("", ["f", "b"])).iloc[0]
    return dch.SqlSplit(f"(NOT {base})", base, base, int(counts["f"]), int(counts["b"]), "this corpus",
                        "the baseline store", "store")


class CorpusSections:
    """Corpus sections over ``self.tables`` (see :class:`~newsbrief.present.briefing.Briefing`)."""

    tables: dict[str, pd.DataFrame]
    mode: str
    top_n: int
    freq: str
    compare: str
    baseline_db: Db | None
    appendix: str | None

    @property
    def scope_db(self) -> Db:  # provided by Briefing
        raise NotImplementedError

    # ------------------------------------------------------------------ numbers (computed once)
    @cached_property
    def _compared(self) -> tuple[Db, dch.SqlSplit]:
        if self.baseline_db is not None:
            return self.baseline_db, store_split(self.baseline_db)
        return self.scope_db, dch.compare_split_db(self.scope_db, freq=self.freq, compare=self.compare)

    @property
    def split(self) -> dch.SqlSplit:
        return self._compared[1]

    @cached_property
    def changes(self) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
        """(entity changes, speaker changes, new speakers) between the focus and the baseline."""
        db, split = self._compared
        if not split.usable:
            empty = dch.no_changes()
            return empty, empty, pd.DataFrame(columns=["speaker", "quotes", "articles"])
        return (dch.entity_changes_db(db, split), dch.speaker_changes_db(db, split), dch.new_speakers_db(db, split))

    @cached_property
    def tone_changes(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """(per source, per leading entity) tone shifts with their intervals."""
        db, split = self._compared
        empty = pd.DataFrame(columns=ch.TONE_COLUMNS)
        if not split.usable or not db.count("sentences"):
            return empty, empty
        by_source = dch.source_tone_shifts_db(db, split)
        leaders = entity_frequencies_db(db, db.entities(), top=self.top_n)["entity_id"]
        return by_source, dch.entity_tone_shifts_db(db, split, entity_ids=list(leaders))

    @cached_property
    def leaders(self) -> pd.DataFrame:
        return entity_frequencies_db(self.scope_db, self.tables["entities"], top=self.top_n)

    @cached_property
    def spikes(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        db = self.scope_db
        spikes = dsp.attention_spikes_db(db, self.tables["entities"], entity_ids=list(self.leaders["entity_id"]),
                                         freq=self.freq)
        return spikes, dsp.spike_headlines_db(db, spikes, freq=self.freq, n=3)

    @cached_property
    def pairs(self) -> pd.DataFrame:
        ids = entity_frequencies_db(self.scope_db, self.tables["entities"], top=max(self.top_n, 12))["entity_id"]
        return dsp.cooccurrence_db(self.scope_db, self.tables["entities"], entity_ids=list(ids))

    # ------------------------------------------------------------------ findings
    def lead_findings(self) -> list[str]:
        """What changed first (rises, falls, new voices, tone), then the largest spike."""
        entity, speaker, new = self.changes
        split = self.split
        out = cf.change_findings(entity, split, n=2) + cf.change_findings(speaker, split, n=1, what="quotes")
        out += cf.new_speaker_finding(new, split)
        by_source, by_entity = self.tone_changes
        out += cf.tone_shift_findings(by_source, kind="source", n=1) + cf.tone_shift_findings(by_entity, kind="entity", n=1)
        out += cf.no_change_finding(entity, speaker, split)
        spikes, heads = self.spikes
        out += cf.spike_findings(spikes, heads, freq=self.freq, n=1)
        return out

    # ------------------------------------------------------------------ sections
    def _heading(self, heading: str, *, intro: list[str] | None = None, items: list[str] | None = None) -> HTMLBlock:
        text = "\n".join([heading, *(intro or []), *(f"- {i}" for i in items or [])])
        return HTMLBlock.from_template("heading.html.j2", text=text, heading=heading, intro=intro or [],
                                       items=items or [])

    def what_changed(self) -> Parts | None:
        """Risers and fallers (entities and speakers) with their test, new voices, tone shifts with intervals."""
        if self.mode != "corpus":
            return None
        split = self.split
        if not split.usable:
            reason = split.reason or "nothing to compare against"
            return Parts(self._heading("What changed", intro=[f"No comparison: {reason}."]))
        entity, speaker, new = self.changes
        n_focus, n_base = split.n_focus, split.n_base
        intro = [f"{split.focus_label[:1].upper()}{split.focus_label[1:]} ({n_focus:,} articles) against {split.base_label} "
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
                "before": moved["base"].astype(str) + " (" + moved["base_share"].map(cf.pct) + ")",
                "now": moved["focus"].astype(str) + " (" + moved["focus_share"].map(cf.pct) + ")",
                "z": moved["z"]})
            table = table_block(shown.head(SHORT), formats={"z": "{:+.1f}"},
                                caption="Largest changes in share (count and share of mentions, or of quotes)")
        by_source, by_entity = self.tone_changes
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
        return Parts(self._heading("What changed", intro=intro, items=items), chart, table, tone_table)

    def why_it_spiked(self) -> Parts | None:
        """Spikes of the leading entities against their own baseline, each with the headlines behind it."""
        if self.mode != "corpus":
            return None
        spikes, heads = self.spikes
        intro = ["A spike is a period where an entity's share of all entity mentions is at least 3 robust "
                 "standard deviations (median + 3 × 1.4826 × MAD, never below sampling noise) above its own median, "
                 "with at least 5 mentions in 2 articles."]
        if spikes.empty:
            return Parts(self._heading("Why it spiked", intro=[*intro, "No leading entity spiked."]))
        shown_ids = list(dict.fromkeys(spikes["entity_id"]))[:5]
        long = dsp.share_by_period_db(self.scope_db, entity_ids=shown_ids, freq=self.freq)
        names = dict(zip(self.leaders["entity_id"], self.leaders["name"]))
        shares = (long.assign(share=long["mentions"] / long["total"].where(long["total"] > 0))
                  .pivot(index="period", columns="entity_id", values="share").fillna(0.0))
        shares = shares[[i for i in shown_ids if i in shares.columns]].rename(columns=names)
        chart = to_chart(spikes_chart(shares, spikes[spikes["entity_id"].isin(shown_ids)].head(SHORT)), email=True)
        rows = []
        for _, r in spikes.head(4).iterrows():
            h = heads[(heads["entity_id"] == r["entity_id"]) & (heads["period"] == r["period"])]
            rows.append({"entity": r["entity"], "period": fmt_day(r["period"]), "mentions": int(r["mentions"]),
                         "share (typical)": f"{cf.pct(r['share'])} ({cf.pct(r['baseline_share'])})",
                         "headlines carrying most mentions": " · ".join(clip(fmt_text(x), 70) for x in h["title"].head(2))})
        table = table_block(pd.DataFrame(rows), caption="Spikes, largest first (period: start of the "
                            + {"D": "day", "W": "week"}.get(self.freq.upper()[:1], "period") + ")")
        return Parts(self._heading("Why it spiked", intro=intro), chart, table)

    def who_with_whom(self) -> Parts | None:
        """The co-occurrence network of the leading entities and the strongest pairs."""
        if self.mode != "corpus":
            return None
        pairs = self.pairs
        strong = pairs[pairs["significant"]] if not pairs.empty else pairs
        intro = ["Entities named in the same sentence more often than chance: NPMI weighs the pair (−1..1, 0 is "
                 "chance), Dunning's log-likelihood test (Bonferroni-corrected) decides whether it is drawn."]
        if strong.empty:
            return Parts(self._heading("Who appears with whom", intro=[*intro, "No pair stands out."]))
        freq = entity_frequencies_db(self.scope_db, self.tables["entities"], top=max(self.top_n, 12))
        nodes = freq[freq["name"].isin(set(strong["a"]) | set(strong["b"]))]
        chart = to_chart(network_chart(strong.head(20), nodes), alt="Who appears with whom: co-occurrence network")
        shown = pd.DataFrame({"pair": strong["a"] + " – " + strong["b"], "sentences together": strong["together"],
                              "expected by chance": strong["expected"], "NPMI": strong["npmi"]}).head(SHORT)
        table = table_block(shown, formats={"expected by chance": "{:.1f}", "NPMI": "{:.2f}"},
                            caption="Strongest pairs")
        return Parts(self._heading("Who appears with whom", intro=intro), chart, table)

    def share_of_voice(self) -> Parts | None:
        """Source x entity and source x speaker heat maps (corpora with several sources)."""
        if self.mode != "corpus":
            return None
        entities = dsp.share_of_voice_db(self.scope_db, self.tables["entities"])
        speakers = dsp.speaker_share_of_voice_db(self.scope_db)
        panels = [(h, p) for h, p in (("entities (% of the source's mentions)", entities),
                                      ("speakers (% of the source's quotes)", speakers)) if not p.empty]
        if not panels:
            return None
        intro = ["The largest sources (at least 3 articles): what share of their entity mentions, and of their "
                 "attributed quotes, goes to each leading name."]
        return Parts(self._heading("Share of voice by source", intro=intro), to_chart(share_heatmap(panels)))

    def articles_behind(self) -> Parts | None:
        """The few articles behind the findings, and the link to the appendix with everything."""
        if self.mode != "corpus":
            return None
        a = self.articles_table()
        link = (HTMLBlock.from_template("appendix_link.html.j2", text=f"Appendix: {self.appendix}", href=self.appendix,
                                        label="appendix.html", folder=not self.appendix.startswith("http"))
                if self.appendix else None)
        if a.empty:
            return Parts(self._heading("Articles behind the findings", intro=["No article stands out."]), link)
        rows = [{"title": clip(fmt_text(r.title) or str(r.article_id), 100), "url": r.url, "source": fmt_source(r.source),
                 "published": fmt_day(r.published), "why": r.why} for r in a.itertuples(index=False)]
        block = HTMLBlock.from_template("articles_behind.html.j2", text=f"{len(rows)} articles", articles=rows)
        return Parts(self._heading("Articles behind the findings"), block, link)

    def articles_table(self, *, limit: int = 6) -> pd.DataFrame:
        """Articles behind the spikes and the reported rises (the article with most mentions of each riser)."""
        picks: dict[str, str] = {}
        spikes, heads = self.spikes
        for r in heads.itertuples(index=False):
            if r.rank <= 2:
                picks.setdefault(str(r.article_id), f"spike: {r.entity}")
        entity, speaker, _ = self.changes
        risers = entity[entity["reported"] & (entity["z"] > 0)].head(4)["item"] if not entity.empty else []
        db, split = self._compared
        if len(risers):
            top = db.aggregate(f"""SELECT e.name, m.article_id, count(*) AS n FROM mentions m
                            JOIN (SELECT DISTINCT ON (entity_id) entity_id, name FROM entities) e USING (entity_id)
                            JOIN articles a ON m.article_id = a.article_id
                            WHERE e.name IN {id_list(list(risers))} AND {split.focus_sql}
                            GROUP BY ALL""", f"SELECT * FROM {PARTIALS} ORDER BY n DESC, article_id")
            for r in top.drop_duplicates("name").itertuples(index=False):
                picks.setdefault(str(r.article_id), f"rise: {r.name}")
        columns = ["article_id", "title", "url", "source", "published"]
        a = articles_by_id_db(db, list(picks), columns=columns) if picks else pd.DataFrame(columns=columns)
        a = a.assign(_id=a["article_id"].astype(str))
        a = a.assign(why=a["_id"].map(picks))
        a = a.drop_duplicates("title").sort_values(["published", "_id"], ascending=[False, True], na_position="last")
        a = a.head(limit)
        a["url"] = [u if fmt_text(u).startswith(("http://", "https://")) else "" for u in a["url"]]
        return a[["article_id", "title", "url", "source", "published", "why"]]
