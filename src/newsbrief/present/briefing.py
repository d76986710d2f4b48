"""What the briefing notebook calls: load a run's tables, then show header, findings, charts, tables.

Markup comes only from the autoescaping templates in ``templates/`` (article strings never become
markup); the notebook never builds markup itself.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from markupsafe import Markup

from .. import analysis
from ..analysis import db_counts as dbc
from ..analysis.db import PARTIALS, Db
from ..analysis.db_dask import DaskDb
from ..analysis.findings import entity_findings_from, speaker_findings_from
from ..errors import NewsbriefError
from ..params import BriefingOptions
from ..store import is_store, read_dataset, read_manifest
from ..store.duck import connect
from ..textutil import clip
from .blocks import HTMLBlock, table_block
from .charts.entities import entity_chart
from .charts.sentiment import (
    article_sentiment_chart, article_tone_chart, corpus_sentiment_chart, entity_sentiment_chart,
)
from .charts.speakers import speaker_chart
from .corpus import CorpusSections, combined_db
from .figures import Chart, to_chart
from .sections import MIN_QUOTES_FOR_TONE, BriefingSections
from .formatters import article_titles, corpus_rows, fmt_text, header_rows
from .record import KEY, QUOTE_LIMIT, Record


@dataclass
class Briefing(CorpusSections, BriefingSections):
    """The tables of one run plus the options that shape the briefing.

    An article briefing holds its tables in ``tables``. A corpus briefing holds only the entities there and asks
    ``db`` (DuckDB over the store, out of core) for every aggregate, so its memory does not grow with the corpus.
    ``compare`` names the baseline of "What changed" (``previous``, ``corpus``, a date range, or a store folder
    joined in ``baseline_db``); ``appendix`` is the link to the run's appendix (corpus briefings).
    """

    tables: dict[str, pd.DataFrame]
    mode: Literal["article", "corpus"]
    title: str
    top_n: int = 10
    freq: str = "W"
    follow: Sequence[str] = ()
    params: Mapping[str, Any] | None = None
    include_thin: bool = False
    compare: str = "previous"
    appendix: str | None = None
    db: Db | None = None
    baseline_db: Db | None = None
    _findings: list[str] | None = field(default=None, init=False, repr=False)
    _scope_db: Db | None = field(default=None, init=False, repr=False)

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, options: BriefingOptions) -> Briefing:
        """The run's tables at ``options.data``; a corpus briefing's aggregations run in this process (``engine``
        local) or on a Dask cluster (``dask``: the scheduler at ``scheduler``, else a LocalCluster of ``workers``)."""
        data, title = options.data, options.title
        db = Db(connect(data))
        n_articles = db.count("articles")
        resolved: Literal["article", "corpus"]
        if options.mode == "auto":
            resolved = "article" if n_articles == 1 else "corpus"
        else:
            resolved = options.mode
        baseline_db = None
        if resolved == "article":
            tables = read_dataset(data)
            articles = tables["articles"]
            first = articles["title"].iloc[0] if len(articles) else None
            title = title if title is not None else (str(first) if first is not None and not pd.isna(first)
                                                     else "News briefing")
        else:
            tables = {"entities": db.entities()}
            title = title if title is not None else "News briefing"
            if options.engine == "dask":
                db = DaskDb.open(data, scheduler=options.scheduler, workers=options.workers, db=db)
            if options.compare not in ("previous", "corpus") and Path(options.compare).is_dir():
                if not is_store(options.compare):
                    raise NewsbriefError("compare: not an annotation store (a run's data/ folder or `newsbrief "
                                         "annotate` output)", path=options.compare)
                baseline_db = combined_db(data, options.compare)
        params = options.params or read_manifest(data).get("params", {})
        return cls(tables=tables, mode=resolved, title=title, top_n=options.top_n, freq=options.freq,
                   follow=tuple(options.entities), params=params, include_thin=options.include_thin,
                   compare=options.compare, appendix=options.appendix, db=db, baseline_db=baseline_db)

    @property
    def articles(self) -> pd.DataFrame:
        """The articles table (article briefings; a corpus briefing never loads it)."""
        if "articles" not in self.tables:
            raise NewsbriefError("a corpus briefing does not load the articles table; use its db")
        return self.tables["articles"]

    @property
    def corpus_db(self) -> Db:
        if self.db is None:
            self.db = Db(connect(self.tables))
        return self.db

    @property
    def scope_db(self) -> Db:
        """The corpus the findings, tables and charts count: without the articles with too little text (unless
        ``include_thin``), so a finding and the table beside it count the same articles."""
        if self._scope_db is None:
            db = self.corpus_db
            _, n_thin = self.thin(limit=0)
            if n_thin and not self.include_thin and n_thin < self.n_articles():
                db = db.scoped(dbc.thin_scope(db))
            self._scope_db = db
        return self._scope_db

    def n_counted(self) -> int:
        """Articles the findings count (all but those with too little text, unless ``include_thin``)."""
        n = self.n_articles()
        if self.mode != "corpus" or self.include_thin:
            return n
        _, n_thin = self.thin(limit=0)
        return n - n_thin if n_thin < n else n

    # ------------------------------------------------------------------ numbers
    def entity_frequencies(self) -> pd.DataFrame:
        if self.mode == "corpus":
            return dbc.entity_frequencies_db(self.scope_db, self.tables["entities"], top=self.top_n)
        return analysis.entity_frequencies(self.tables["mentions"], self.tables["entities"], top=self.top_n)

    def speaker_share(self) -> pd.DataFrame:
        if self.mode == "corpus":
            return dbc.speaker_share_db(self.scope_db, top=self.top_n)
        return analysis.speaker_share(self.tables["quotes"], self.articles, top=self.top_n)

    def thin(self, *, limit: int | None = None) -> tuple[dict[str, str], int]:
        """(``{article_id: reason}`` of up to ``limit`` articles with too little text to be read as articles,
        how many there are)."""
        if self.mode == "corpus":
            return dbc.thin_articles_db(self.corpus_db, limit=limit)
        thin = analysis.thin_articles(self.articles)
        return thin, len(thin)

    def n_articles(self) -> int:
        if self.mode == "corpus":
            return self.corpus_db.count("articles")
        return len(self.articles)

    def findings(self) -> list[str]:
        """The key findings (computed once)."""
        if self._findings is None:
            self._findings = self._compute_findings()
        return list(self._findings)

    def _compute_findings(self) -> list[str]:
        """Article: the key findings. Corpus: what changed and spiked first, then who leads; articles with too
        little text are left out unless ``include_thin``."""
        if self.mode != "corpus":
            return analysis.key_findings(self.tables, mode=self.mode, top=self.top_n, freq=self.freq,
                                         follow=self.follow)
        _, n_thin = self.thin(limit=0)
        if n_thin and not self.include_thin and n_thin == self.n_articles():
            return ["No findings: every article has too little text to be read as an article (see the note "
                    "above; set include_thin to count them)."]
        db, n = self.scope_db, self.n_counted()
        # corpus: what changed and spiked first, then who leads (the same sentence builders)
        lead = self.lead_findings()
        lead += entity_findings_from(dbc.entity_frequencies_db(db, self.tables["entities"]), n_articles=n)[:1]
        return lead + speaker_findings_from(dbc.speaker_share_db(db, examples=False), n_articles=n)[:1]

    def notes(self) -> list[str]:
        """Notes shown under the header: articles whose text is too little to be read as articles."""
        thin, total = self.thin(limit=10)
        if not total:
            return []
        if self.mode == "article":
            reason = next(iter(thin.values()))
            return [f"Too little text: this briefing rests on a body that {_reads_as(reason)}. The page's article "
                    "may not have been read; check the source before relying on it."]
        listed_ids = list(thin)
        meta = dbc.articles_by_id_db(self.corpus_db, listed_ids, columns=("article_id", "title"))
        names = dict(zip(meta["article_id"].astype(str), article_titles(meta["article_id"], meta)))
        listed = "; ".join(f"{names.get(i, i)} ({thin[i]})" for i in listed_ids)
        more = f"; and {total - len(listed_ids)} more" if total > len(listed_ids) else ""
        use = "are counted in the findings (include_thin)" if self.include_thin else "are left out of the key findings"
        return [f"{total} of {self.n_articles()} articles have too little text to be read as articles and "
                f"{use}: {listed}{more}."]

    def header_rows(self, *, with_url: bool = True) -> list[tuple[str, str]]:
        """The facts under the title (an article's source, author, date; a corpus's span and size)."""
        if self.mode == "corpus":
            return corpus_rows(dbc.corpus_summary_db(self.corpus_db))
        return header_rows(self.articles, mode=self.mode, with_url=with_url)

    def quote_rows(self, *, limit: int) -> tuple[pd.DataFrame, int]:
        """(the first ``limit`` quotes as a reader sees them, how many quotes there are)."""
        if self.mode == "corpus":
            db = self.corpus_db
            total = db.count("quotes")
            first = db.aggregate(f"SELECT * FROM quotes LIMIT {int(limit)}", f"SELECT * FROM {PARTIALS} LIMIT {int(limit)}")
            return analysis.quote_table(first, limit=limit), total
        quotes = self.tables["quotes"]
        return analysis.quote_table(quotes, limit=limit), len(quotes)

    def record(self) -> Record:
        """What the email shows besides the charts, as this briefing computed it."""
        url = None
        if self.mode == "article" and len(self.articles):
            url = fmt_text(self.articles["url"].iloc[0]) or None
        quotes, total = self.quote_rows(limit=QUOTE_LIMIT)
        return Record(title=" ".join(str(self.title).split()), kind=self.mode, facts=self.header_rows(with_url=False),
                      url=url, notes=self.notes(), findings=self.findings(), entities=self.entity_frequencies(),
                      speakers=self.speaker_share(), quotes=quotes, quotes_total=total)

    # ------------------------------------------------------------------ display
    def header(self) -> HTMLBlock:
        """The title, facts and notes; its output carries the briefing's :class:`~.record.Record` for the email."""
        rows = self.header_rows()
        params = [(str(k), str(v)) for k, v in (self.params or {}).items()]
        kind = "Article briefing" if self.mode == "article" else "Corpus briefing"
        notes = self.notes()
        text = "\n".join([self.title, *[f"{k}: {v}" for k, v in rows], *notes])
        block = HTMLBlock.from_template("header.html.j2", text=text, kind=kind, title=self.title, rows=rows,
                                        notes=notes, params=params)
        return block.with_metadata({KEY: self.record().to_json()})

    def findings_block(self) -> HTMLBlock:
        items = self.findings()
        return HTMLBlock.from_template("findings.html.j2", text="\n".join(f"- {s}" for s in items), items=items)

    def entity_chart(self) -> Chart | HTMLBlock:
        freq = self.entity_frequencies()
        if freq.empty:
            return HTMLBlock.plain("No people, organisations or places found.")
        return to_chart(entity_chart(freq))

    def entity_table(self) -> HTMLBlock | None:
        """Article: the frequency table (a corpus briefing shows :meth:`entities_by_type` instead)."""
        if self.mode == "corpus":
            return self.entities_by_type()
        freq = self.entity_frequencies()
        shown = freq[["name", "type", "mentions", "articles", "share", "aliases"]].rename(
            columns={"share": "share of mentions", "aliases": "written as"})
        if self.mode == "article":
            shown = shown.drop(columns=["articles"])
        return table_block(shown, formats={"share of mentions": "{:.0%}"})

    def speaker_chart(self) -> Chart | HTMLBlock:
        share = self.speaker_share()
        if self.mode == "corpus":
            share = share.head(8)
        if share.empty:
            return HTMLBlock.plain("No reported speech found.")
        return to_chart(speaker_chart(share))

    def speaker_table(self) -> HTMLBlock | None:
        """Article: speakers with their longest quote. Corpus: none (the chart shows the shares, the appendix all)."""
        if self.mode == "corpus":
            return None
        return self._speaker_block(self.speaker_share())

    @staticmethod
    def _speaker_block(share: pd.DataFrame, *, caption: str | None = None) -> HTMLBlock:
        shown = share[["speaker", "quotes", "words", "quote_share", "word_share", "example"]].rename(
            columns={"quote_share": "share of quotes", "word_share": "share of words", "example": "longest quote"})
        shown["longest quote"] = shown["longest quote"].map(clip)
        return table_block(shown, caption=caption, formats={"share of quotes": "{:.0%}", "share of words": "{:.0%}"})

    def quotes_section(self) -> HTMLBlock | None:
        """Article: a "Quotes" sub-heading and every quote. Corpus: none (the appendix lists the quotes)."""
        if self.mode == "corpus":
            return None
        table = self.quote_table()
        return HTMLBlock.from_template("subsection.html.j2", text=table.text, heading="Quotes", body=Markup(table.markup))

    def quote_table(self, *, limit: int = 40) -> HTMLBlock:
        """Article: every quote in order."""
        return table_block(analysis.quote_table(self.tables["quotes"], limit=limit).drop(columns=["article_id"]))

    def sentiment_chart(self) -> Chart | HTMLBlock:
        if self.mode == "article":
            sentences = self.tables["sentences"]
            if sentences.empty:
                return HTMLBlock.plain("No sentences to score.")
            timeline = analysis.article_timeline(sentences, article_id=self.articles["article_id"].iloc[0])
            return to_chart(article_sentiment_chart(timeline))
        if not self.corpus_db.count("sentences"):
            return HTMLBlock.plain("No sentences to score.")
        timeline = dbc.corpus_timeline_db(self.corpus_db, freq=self.freq)
        if timeline.empty or timeline["n_articles"].sum() == 0:
            return HTMLBlock.plain("No dated articles: no timeline to show.")
        return to_chart(corpus_sentiment_chart(timeline))

    def entity_sentiment_chart(self) -> Chart | HTMLBlock | None:
        """Tone towards the top (or followed) entities: bars (article) or lines (corpus), with what it means.

        Stores without ``mentions.tone`` show the tone of the sentences that mention them, and say so.
        """
        if self.mode == "corpus" or self.tables["mentions"].empty or self.tables["sentences"].empty:
            return None  # corpus: tone per entity is in "What changed", with its interval
        df = analysis.entity_tone(
            self.tables["mentions"], self.tables["entities"], self.articles, sentences=self.tables["sentences"],
            names=list(self.follow) or None, top=5, freq=self.freq if self.mode == "corpus" else None,
        )
        if df.empty or df["mean"].notna().sum() == 0:
            return None
        target = bool((df["basis"] == "target").all())
        title = "Tone towards the leading entities" if target else "Tone of sentences mentioning the leading entities"
        measure = "Mean tone towards the entity (\u22121 \u2026 +1)" if target else "Mean sentiment (\u22121 \u2026 +1)"
        note = analysis.tone_meaning(basis="target" if target else "sentence")
        return to_chart(entity_sentiment_chart(df, title=title, measure=measure, note=note))

    def article_tone_chart(self) -> Chart | HTMLBlock:
        """Article: sentiment along the article and the tone towards its leading entities, side by side."""
        sentences = self.tables["sentences"]
        if sentences.empty:
            return HTMLBlock.plain("No sentences to score.")
        timeline = analysis.article_timeline(sentences, article_id=self.articles["article_id"].iloc[0])
        df = None
        if not self.tables["mentions"].empty:
            df = analysis.entity_tone(self.tables["mentions"], self.tables["entities"], self.articles,
                                      sentences=sentences, names=list(self.follow) or None, top=5, freq=None)
        if df is None or df.empty or df["mean"].notna().sum() == 0:
            return to_chart(article_sentiment_chart(timeline))
        target = bool((df["basis"] == "target").all())
        title = "Tone towards the leading entities" if target else "Tone of sentences naming the leading entities"
        measure = "Tone towards the entity (\u22121 \u2026 +1)" if target else "Mean sentiment (\u22121 \u2026 +1)"
        return to_chart(article_tone_chart(timeline, df, measure=measure, entity_title=title, note=None),
                        alt="Sentiment along the article and tone towards the leading entities")

    def speaker_sentiment_chart(self) -> Chart | HTMLBlock | None:
        """Tone of what the most quoted speakers are quoted as saying (scored in annotation)."""
        if self.mode == "corpus":
            return None
        quotes = self.tables["quotes"]
        if quotes.empty or quotes["speaker"].notna().sum() == 0 or "sentiment" not in quotes:
            return None
        df = analysis.speaker_sentiment(quotes, self.articles, top=5, freq=self.freq if self.mode == "corpus" else None)
        if "n_quotes" in df.columns:
            df = df[df["n_quotes"] >= MIN_QUOTES_FOR_TONE]  # fewer quotes: too little to tell a tone
        if df["mean"].notna().sum() < 2:  # one speaker's bar compares with nothing
            return None
        return to_chart(entity_sentiment_chart(df, title="Tone of what the leading speakers are quoted as saying"))

    # ------------------------------------------------------------------ corpus sections
    def entities_by_type(self) -> HTMLBlock | None:
        """Corpus: the top entities of each type side by side (people, organisations, places)."""
        if self.mode != "corpus":
            return None
        freq = dbc.entity_frequencies_db(self.scope_db, self.tables["entities"])
        parts = []
        for kind, heading in (("person", "People"), ("organisation", "Organisations"), ("place", "Places")):
            top = freq[freq["type"] == kind].head(min(self.top_n, 5))[["name", "mentions", "articles"]]
            if not top.empty:
                parts.append(Markup(table_block(top, caption=heading).markup))
        return HTMLBlock.from_template("columns.html.j2", text="entities by type", parts=parts)


def _reads_as(reason: str) -> str:
    """ "only 24 words" -> "has only 24 words"; "looks like ..." and "mostly ..." read as they are."""
    if reason.startswith("only"):
        return f"has {reason}"
    return f"is {reason}" if reason.startswith("mostly") else reason
