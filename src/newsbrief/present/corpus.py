"""The corpus briefing: every aggregate asked of DuckDB over the store (out of core); what
``notebooks/corpus.ipynb`` calls. The editorial sections are laid out by :mod:`.sections` from the numbers here."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import ClassVar

import pandas as pd
from markupsafe import Markup

from ..analysis import change as ch
from ..analysis import db_change as dch
from ..analysis import db_counts as dbc
from ..analysis import db_spikes as dsp
from ..analysis import quote_table
from ..analysis.baseline import combined_database, store_split
from ..analysis.db import Db
from ..analysis.db_dask import DaskDb
from ..analysis.db_rollup import open_store_database
from ..errors import NewsbriefError
from ..params import LAST_RUN_DIR, BriefingOptions, Kind
from ..store import is_store
from ..store.duck import connect
from . import change_findings as cf
from . import sections
from .blocks import HTMLBlock, Parts, table_block
from .briefing import Briefing
from .charts.sentiment import corpus_sentiment_chart
from .figures import Chart, to_chart
from .findings import entity_findings_from, speaker_findings_from
from .formatters import article_titles, corpus_rows


@dataclass(kw_only=True)
class CorpusBriefing(Briefing):
    """A corpus: its entities table in memory, every other number from ``db`` (DuckDB over the store, or a Dask
    cluster's workers), so its memory does not grow with the corpus. ``compare`` names the baseline of "What
    changed" (``previous``, ``corpus``, a date range, or a store folder joined in ``baseline_db``); ``appendix`` is
    the link to the run's appendix."""

    entities: pd.DataFrame
    db: Db
    compare: str = "previous"
    appendix: str | None = None
    baseline_db: Db | None = None

    kind: ClassVar[Kind] = "corpus"
    label: ClassVar[str] = "Corpus briefing"
    chart_speakers: ClassVar[int] = 8

    @classmethod
    def load(cls, options: BriefingOptions) -> CorpusBriefing:
        """The store at ``options.data``; aggregations run in this process (``engine`` local) or on a Dask cluster
        (``dask``: the scheduler at ``scheduler``, else a LocalCluster of ``workers``)."""
        data = options.data
        db = Db(connect(data)) if options.engine == "dask" else open_store_database(data)
        entities = db.entities()
        if options.engine == "dask":
            db = DaskDb.open(data, scheduler=options.scheduler, workers=options.workers, db=db)
        baseline_db = None
        if options.compare not in ("previous", "corpus") and Path(options.compare).is_dir():
            if not is_store(options.compare):
                raise NewsbriefError("compare: not an annotation store (a run's data/ folder or `newsbrief "
                                     "annotate` output)", path=options.compare)
            baseline_db = combined_database(data, options.compare)
        return cls(title=options.title if options.title is not None else "News briefing", entities=entities, db=db,
                   compare=options.compare, appendix=options.appendix, baseline_db=baseline_db, **cls.shared(options))

    # ------------------------------------------------------------------ numbers
    def entity_frequencies(self) -> pd.DataFrame:
        return dbc.entity_frequencies(self.scope_db, self.entities, top=self.top_n)

    def speaker_share(self) -> pd.DataFrame:
        return dbc.speaker_share(self.scope_db, top=self.top_n)

    def thin(self, *, limit: int | None = None) -> tuple[dict[str, str], int]:
        """(``{article_id: reason}`` of up to ``limit`` articles with too little text to be read as articles,
        how many there are)."""
        return dbc.thin_articles(self.db, limit=limit)

    def n_articles(self) -> int:
        return self.db.count("articles")

    @cached_property
    def scope_db(self) -> Db:
        """The corpus the findings, tables and charts count: without the articles with too little text (unless
        ``include_thin``), so a finding and the table beside it count the same articles."""
        _, n_thin = self.thin(limit=0)
        if n_thin and not self.include_thin and n_thin < self.n_articles():
            return self.db.scoped(dbc.thin_scope(self.db))
        return self.db

    def n_counted(self) -> int:
        """Articles the findings count (all but those with too little text, unless ``include_thin``)."""
        n = self.n_articles()
        if self.include_thin:
            return n
        _, n_thin = self.thin(limit=0)
        return n - n_thin if n_thin < n else n

    def compute_findings(self) -> list[str]:
        """What changed and spiked first, then who leads; articles with too little text are left out unless
        ``include_thin`` (of the findings and of every table and chart beside them)."""
        _, n_thin = self.thin(limit=0)
        if n_thin and not self.include_thin and n_thin == self.n_articles():
            return ["No findings: every article has too little text to be read as an article (see the note "
                    "above; set include_thin to count them)."]
        db, n = self.scope_db, self.n_counted()
        lead = self.lead_findings()
        lead += entity_findings_from(dbc.entity_frequencies(db, self.entities), n_articles=n)[:1]
        return lead + speaker_findings_from(dbc.speaker_share(db, examples=False), n_articles=n)[:1]

    def notes(self) -> list[str]:
        thin, total = self.thin(limit=10)
        if not total:
            return self.run_notes()
        listed_ids = list(thin)
        meta = dbc.articles_by_id(self.db, listed_ids, columns=("article_id", "title"))
        names = dict(zip(meta["article_id"].astype(str), article_titles(meta["article_id"], meta)))
        listed = "; ".join(f"{names.get(i, i)} ({thin[i]})" for i in listed_ids)
        more = f"; and {total - len(listed_ids)} more" if total > len(listed_ids) else ""
        use = "are counted in the findings (include_thin)" if self.include_thin else "are left out of the key findings"
        return self.run_notes() + [f"{total} of {self.n_articles()} articles have too little text to be read as "
                                   f"articles and {use}: {listed}{more}."]

    def header_rows(self, *, with_url: bool = True) -> list[tuple[str, str]]:
        """The corpus's size, sources, span and words."""
        return corpus_rows(dbc.corpus_summary(self.db))

    def quote_rows(self, *, limit: int) -> tuple[pd.DataFrame, int]:
        return quote_table(dbc.first_quotes(self.db, limit=limit), limit=limit), self.db.count("quotes")

    def appendix_link(self) -> str | None:
        return self.appendix

    # ------------------------------------------------------------------ numbers of the sections (computed once)
    @cached_property
    def _compared(self) -> tuple[Db, dch.SqlSplit]:
        if self.baseline_db is not None:
            last_run = Path(self.compare).name == LAST_RUN_DIR
            return self.baseline_db, store_split(self.baseline_db, last_run=last_run)
        return self.scope_db, dch.compare_split(self.scope_db, freq=self.freq, compare=self.compare)

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
        return (dch.entity_changes(db, split), dch.speaker_changes(db, split), dch.new_speakers(db, split))

    @cached_property
    def tone_changes(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """(per source, per leading entity) tone shifts with their intervals."""
        db, split = self._compared
        empty = pd.DataFrame(columns=ch.TONE_COLUMNS)
        if not split.usable or not db.count("sentences"):
            return empty, empty
        by_source = dch.source_tone_shifts(db, split)
        leaders = dbc.entity_frequencies(db, db.entities(), top=self.top_n)["entity_id"]
        return by_source, dch.entity_tone_shifts(db, split, entity_ids=list(leaders))

    @cached_property
    def leaders(self) -> pd.DataFrame:
        return dbc.entity_frequencies(self.scope_db, self.entities, top=self.top_n)

    @cached_property
    def spikes(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        spikes = dsp.attention_spikes(self.scope_db, self.entities, entity_ids=list(self.leaders["entity_id"]),
                                      freq=self.freq)
        return spikes, dsp.spike_headlines(self.scope_db, spikes, freq=self.freq, n=3)

    @cached_property
    def network_nodes(self) -> pd.DataFrame:
        """The entities the co-occurrence network considers (at least the top 12)."""
        return dbc.entity_frequencies(self.scope_db, self.entities, top=max(self.top_n, 12))

    @cached_property
    def pairs(self) -> pd.DataFrame:
        return dsp.cooccurrence(self.scope_db, self.entities, entity_ids=list(self.network_nodes["entity_id"]))

    def lead_findings(self) -> list[str]:
        """What changed first (rises, falls, new voices, tone), then the largest spike."""
        entity, speaker, new = self.changes
        split = self.split
        out = cf.change_findings(entity, split, n=2) + cf.change_findings(speaker, split, n=1, what="quotes")
        out += cf.new_speaker_finding(new, split)
        by_source, by_entity = self.tone_changes
        out += cf.tone_shift_findings(by_source, kind="source", n=1)
        out += cf.tone_shift_findings(by_entity, kind="entity", n=1)
        out += cf.no_change_finding(entity, speaker, split)
        spikes, heads = self.spikes
        out += cf.spike_findings(spikes, heads, freq=self.freq, n=1)
        return out

    def articles_table(self, *, limit: int = 6) -> pd.DataFrame:
        """Articles behind the spikes and the reported rises (the article with most mentions of each riser)."""
        picks: dict[str, str] = {}
        _, heads = self.spikes
        for r in heads.itertuples(index=False):
            if r.rank <= 2:
                picks.setdefault(str(r.article_id), f"spike: {r.entity}")
        entity, _, _ = self.changes
        risers = entity[entity["reported"] & (entity["z"] > 0)].head(4)["item"] if not entity.empty else []
        db, split = self._compared
        if len(risers):
            for r in dch.top_article_per_name(db, list(risers), where=split.focus_sql).itertuples(index=False):
                picks.setdefault(str(r.article_id), f"rise: {r.name}")
        columns = ["article_id", "title", "url", "source", "published"]
        found = dbc.articles_by_id(db, list(picks), columns=columns) if picks else pd.DataFrame(columns=columns)
        return sections.articles_behind_table(found, picks, limit=limit)

    # ------------------------------------------------------------------ display
    def entity_table(self) -> HTMLBlock:
        """The top entities of each type side by side (people, organisations, places)."""
        freq = dbc.entity_frequencies(self.scope_db, self.entities)
        parts = []
        for kind, heading in (("person", "People"), ("organisation", "Organisations"), ("place", "Places")):
            top = freq[freq["type"] == kind].head(min(self.top_n, 5))[["name", "mentions", "articles"]]
            if not top.empty:
                parts.append(Markup(table_block(top, caption=heading).markup))
        return HTMLBlock.from_template("columns.html.j2", text="entities by type", parts=parts)

    def speaker_table(self) -> HTMLBlock | None:
        """The most quoted speakers with their quotes, the articles quoting them and whether they are named (the
        table the speaker finding is read from)."""
        return sections.speaker_counts(self.speaker_share())

    def sentiment_chart(self) -> Chart | HTMLBlock:
        if not self.scope_db.count("sentences"):
            return HTMLBlock.plain("No sentences to score.")
        timeline = dbc.corpus_timeline(self.scope_db, freq=self.freq)
        if timeline.empty or timeline["n_articles"].sum() == 0:
            return HTMLBlock.plain("No dated articles: no timeline to show.")
        return to_chart(corpus_sentiment_chart(timeline))

    def what_changed(self) -> Parts:
        """Risers and fallers (entities and speakers) with their test, new voices, tone shifts with intervals."""
        return sections.what_changed(self.split, self.changes, self.tone_changes)

    def why_it_spiked(self) -> Parts:
        """Spikes of the leading entities against their own baseline, each with the headlines behind it."""
        spikes, heads = self.spikes
        shown_ids = list(dict.fromkeys(spikes["entity_id"]))[:5]
        long = dsp.share_by_period(self.scope_db, entity_ids=shown_ids, freq=self.freq) if shown_ids else None
        return sections.why_it_spiked(spikes, heads, long, leaders=self.leaders, freq=self.freq)

    def who_with_whom(self) -> Parts:
        """The co-occurrence network of the leading entities and the strongest pairs."""
        return sections.who_with_whom(self.pairs, self.network_nodes)

    def share_of_voice(self) -> Parts | None:
        """Source x entity and source x speaker heat maps (corpora with several sources)."""
        return sections.share_of_voice(dsp.share_of_voice(self.scope_db, self.entities),
                                       dsp.speaker_share_of_voice(self.scope_db),
                                       wire=dsp.wire_of_sources(self.scope_db))

    def articles_behind(self) -> Parts:
        """The few articles behind the findings, and the link to the appendix with everything."""
        return sections.articles_behind(self.articles_table(), appendix=self.appendix)


#: What the corpus notebook shows, in its order (``notebooks/corpus.ipynb``): each is a method of the briefing.
NOTEBOOK_SECTIONS: tuple[str, ...] = (
    "header", "findings_block", "what_changed", "why_it_spiked", "entity_chart", "entity_table", "who_with_whom",
    "speaker_chart", "speaker_table", "share_of_voice", "sentiment_chart", "articles_behind")


def write_rollups(store: str | Path, *, options: BriefingOptions | None = None) -> CorpusBriefing:
    """Compute and keep the roll-ups a corpus briefing of ``store`` with ``options`` (default: the default
    briefing) reads (:mod:`newsbrief.analysis.db_rollup`): every section of the notebook is computed once, so the
    first briefing after annotating reads the roll-ups instead of the rows. Returns the briefing; a store that
    cannot have roll-ups (written without checksums) is left as it is (its ``db`` is not a RollupDb)."""
    from ..analysis.db_rollup import RollupDb

    briefing = CorpusBriefing.load(options or BriefingOptions.model_validate({"data": str(store), "mode": "corpus"}))
    if isinstance(briefing.db, RollupDb):
        for name in NOTEBOOK_SECTIONS:
            getattr(briefing, name)()
    return briefing
