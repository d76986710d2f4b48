"""What the briefing notebook calls: load a run's tables, then show header, findings, charts, tables.

Markup comes only from the autoescaping templates in ``templates/`` (article strings never become
markup); the notebook never builds markup itself.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from markupsafe import Markup

from .. import analysis
from ..analysis.periods import source_labels
from ..errors import NewsbriefError
from ..store import is_store, read_dataset, read_manifest
from ..textutil import clip, signed
from .blocks import HTMLBlock, table_block
from .charts.entities import entity_chart, entity_trend_chart
from .charts.sentiment import article_sentiment_chart, corpus_sentiment_chart, entity_sentiment_chart
from .charts.speakers import speaker_chart
from .corpus import CorpusSections
from .figures import Chart, to_chart
from .formatters import UNDATED, article_titles, fmt_day, fmt_source, fmt_text, header_rows

Mode = Literal["auto", "article", "corpus"]
@dataclass
class Briefing(CorpusSections):
    """The tables of one run plus the options that shape the briefing.

    ``compare`` names the baseline of "What changed" (``previous``, ``corpus``, a date range, or a store folder
    loaded into ``baseline``); ``appendix`` is the link to the run's appendix (corpus briefings).
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
    baseline: dict[str, pd.DataFrame] | None = None
    appendix: str | None = None

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(
        cls, data: str | Path, *, title: str | None = None, mode: Mode = "auto", top_n: int = 10, freq: str = "W",
        entities: Sequence[str] = (), params: Mapping[str, Any] | None = None, include_thin: bool = False,
        compare: str = "previous", appendix: str | None = None,
    ) -> Briefing:
        tables = read_dataset(data)
        baseline = None
        if compare not in ("previous", "corpus") and Path(compare).is_dir():
            if not is_store(compare):
                raise NewsbriefError("compare: not an annotation store (a run's data/ folder or `newsbrief annotate` "
                                     "output)", path=compare)
            baseline = read_dataset(compare)
        articles = tables["articles"]
        resolved: Literal["article", "corpus"]
        if mode == "auto":
            resolved = "article" if len(articles) == 1 else "corpus"
        else:
            resolved = mode
        if title is None:
            first = articles["title"].iloc[0] if len(articles) else None
            title = str(first) if resolved == "article" and first is not None and not pd.isna(first) else "News briefing"
        if params is None:
            params = read_manifest(data).get("params", {})
        return cls(tables=tables, mode=resolved, title=title, top_n=top_n, freq=freq, follow=tuple(entities),
                   params=params, include_thin=include_thin, compare=compare, baseline=baseline, appendix=appendix)

    @property
    def articles(self) -> pd.DataFrame:
        return self.tables["articles"]

    # ------------------------------------------------------------------ numbers
    def entity_frequencies(self) -> pd.DataFrame:
        return analysis.entity_frequencies(self.tables["mentions"], self.tables["entities"], top=self.top_n)

    def speaker_share(self) -> pd.DataFrame:
        return analysis.speaker_share(self.tables["quotes"], self.articles, top=self.top_n)

    def thin(self) -> dict[str, str]:
        """``{article_id: reason}`` of the articles with too little text to be read as articles."""
        return analysis.thin_articles(self.articles)

    def findings(self) -> list[str]:
        """Article: the key findings. Corpus: what changed and spiked first, then who leads; articles with too
        little text are left out unless ``include_thin``."""
        tables = self.tables
        thin = self.thin()
        if self.mode == "corpus" and thin and not self.include_thin:
            if len(thin) == len(self.articles):
                return ["No findings: every article has too little text to be read as an article (see the note "
                        "above; set include_thin to count them)."]
            tables = analysis.without_articles(tables, set(thin))
        if self.mode != "corpus":
            return analysis.key_findings(tables, mode=self.mode, top=self.top_n, freq=self.freq, follow=self.follow)
        from ..analysis.findings import entity_findings, speaker_findings

        # corpus: what changed and spiked first, then who leads (the same sentence builders)
        lead = self.lead_findings()
        lead += entity_findings(tables["mentions"], tables["entities"], n_articles=len(tables["articles"]))[:1]
        return lead + speaker_findings(tables["quotes"], tables["articles"])[:1]

    def notes(self) -> list[str]:
        """Notes shown under the header: articles whose text is too little to be read as articles."""
        thin = self.thin()
        if not thin:
            return []
        if self.mode == "article":
            reason = next(iter(thin.values()))
            return [f"Too little text: this briefing rests on a body that {_reads_as(reason)}. The page's article "
                    "may not have been read; check the source before relying on it."]
        names = dict(zip(self.articles["article_id"].astype(str), article_titles(self.articles["article_id"],
                                                                                   self.articles)))
        listed = "; ".join(f"{names.get(i, i)} ({reason})" for i, reason in list(thin.items())[:10])
        more = f"; and {len(thin) - 10} more" if len(thin) > 10 else ""
        use = "are counted in the findings (include_thin)" if self.include_thin else "are left out of the key findings"
        return [f"{len(thin)} of {len(self.articles)} articles have too little text to be read as articles and "
                f"{use}: {listed}{more}."]

    # ------------------------------------------------------------------ display
    def header(self) -> HTMLBlock:
        rows = header_rows(self.articles, mode=self.mode)
        params = [(str(k), str(v)) for k, v in (self.params or {}).items()]
        kind = "Article briefing" if self.mode == "article" else "Corpus briefing"
        notes = self.notes()
        text = "\n".join([self.title, *[f"{k}: {v}" for k, v in rows], *notes])
        return HTMLBlock.from_template("header.html.j2", text=text, kind=kind, title=self.title, rows=rows,
                                       notes=notes, params=params)

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

    def entity_trend_chart(self) -> Chart | HTMLBlock:
        freq = self.entity_frequencies()
        ids = freq["entity_id"].head(5).tolist()
        trend = analysis.entity_trend(self.tables["mentions"], self.articles, self.tables["entities"], entity_ids=ids,
                                      freq=self.freq)
        if trend.empty:
            return HTMLBlock.plain("No dated articles: no trend to show.")
        return to_chart(entity_trend_chart(trend))

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
        """Article: every quote in order. Corpus: the longest quote of each top speaker, with its article."""
        quotes = self.tables["quotes"]
        if self.mode == "article":
            return table_block(analysis.quote_table(quotes, limit=limit).drop(columns=["article_id"]))
        share = self.speaker_share()
        table = analysis.quote_table(quotes)
        table = table[table["speaker"].isin(share["speaker"])]
        table = table.sort_values("words", ascending=False).drop_duplicates("speaker").head(limit)
        table.insert(1, "article", article_titles(table["article_id"], self.articles))
        table["quote"] = table["quote"].map(clip)
        return table_block(table.drop(columns=["article_id"]), caption="An example quote from each top speaker")

    def sentiment_chart(self) -> Chart | HTMLBlock:
        sentences = self.tables["sentences"]
        if sentences.empty:
            return HTMLBlock.plain("No sentences to score.")
        if self.mode == "article":
            timeline = analysis.article_timeline(sentences, article_id=self.articles["article_id"].iloc[0])
            return to_chart(article_sentiment_chart(timeline))
        timeline = analysis.corpus_timeline(self.articles, sentences, freq=self.freq)
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

    def speaker_sentiment_chart(self) -> Chart | HTMLBlock | None:
        """Tone of what the most quoted speakers are quoted as saying (scored in annotation)."""
        quotes = self.tables["quotes"]
        if self.mode == "corpus" or quotes.empty or quotes["speaker"].notna().sum() == 0 or "sentiment" not in quotes:
            return None
        df = analysis.speaker_sentiment(quotes, self.articles, top=5, freq=self.freq if self.mode == "corpus" else None)
        if df.empty or df["mean"].notna().sum() == 0:
            return None
        return to_chart(entity_sentiment_chart(df, title="Tone of what the leading speakers are quoted as saying"))

    # ------------------------------------------------------------------ corpus sections
    def entities_by_type(self) -> HTMLBlock | None:
        """Corpus: the top entities of each type side by side (people, organisations, places)."""
        if self.mode != "corpus":
            return None
        freq = analysis.entity_frequencies(self.tables["mentions"], self.tables["entities"])
        parts = []
        for kind, heading in (("person", "People"), ("organisation", "Organisations"), ("place", "Places")):
            top = freq[freq["type"] == kind].head(min(self.top_n, 5))[["name", "mentions", "articles"]]
            if not top.empty:
                parts.append(Markup(table_block(top, caption=heading).markup))
        return HTMLBlock.from_template("columns.html.j2", text="entities by type", parts=parts)

    def sources_section(self) -> HTMLBlock | None:
        """Corpus: heading plus the per-source table (the briefing links the appendix's table instead)."""
        table = self.source_table()
        if table is None or self.articles["source"].nunique(dropna=False) < 2:
            return None
        return HTMLBlock.from_template("section.html.j2", text=table.text, heading="Sources compared",
                                       body=Markup(table.markup))

    def articles_section(self) -> HTMLBlock | None:
        """Corpus: heading plus the article list."""
        listing = self.article_list()
        if listing is None:
            return None
        return HTMLBlock.from_template("section.html.j2", text=listing.text, heading="Articles",
                                       body=Markup(listing.markup))

    def source_table(self) -> HTMLBlock | None:
        """Corpus: one row per source: articles, words, mean tone, most mentioned entity, most quoted speaker."""
        if self.mode != "corpus":
            return None
        a = self.articles
        tone = self.tables["sentences"].groupby("article_id")["sentiment"].mean().rename("tone")
        per = a.merge(tone, left_on="article_id", right_index=True, how="left")
        per["source"] = source_labels(per["source"])
        out = per.groupby("source").agg(articles=("article_id", "size"), words=("n_words", "sum"), tone=("tone", "mean"))
        a = a.assign(source=source_labels(a["source"]))
        m = self.tables["mentions"].merge(a[["article_id", "source"]], on="article_id")
        names = dict(zip(self.tables["entities"]["entity_id"], self.tables["entities"]["name"]))
        if not m.empty:
            top_entity = m.groupby(["source", "entity_id"]).size().reset_index(name="n")
            top_entity = top_entity.sort_values("n", ascending=False).drop_duplicates("source").set_index("source")
            out["most mentioned"] = top_entity["entity_id"].map(names)
        q = self.tables["quotes"].merge(a[["article_id", "source"]], on="article_id").dropna(subset=["speaker"])
        if not q.empty:
            top_speaker = q.groupby(["source", "speaker"]).size().reset_index(name="n")
            top_speaker = top_speaker.sort_values("n", ascending=False).drop_duplicates("source").set_index("source")
            out["most quoted"] = top_speaker["speaker"]
        out = out.sort_values(["articles", "words"], ascending=False).head(max(self.top_n, 15)).reset_index()
        return table_block(out, caption="Sources with the most articles (tone: mean sentence sentiment, -1..1)",
                           formats={"tone": "{:+.2f}", "words": "{:,}"})

    def source_sentiment_chart(self) -> Chart | HTMLBlock | None:
        """Corpus: tone per period for the largest sources."""
        if self.mode != "corpus":
            return None
        timeline = analysis.corpus_timeline(self.articles, self.tables["sentences"], freq=self.freq, by="source")
        if timeline.empty or self.articles["source"].nunique() < 2:
            return None
        biggest = self.articles["source"].value_counts().head(4).index
        timeline = timeline[timeline["source"].isin(biggest)]
        if timeline.empty or timeline["n_articles"].sum() == 0:
            return None
        return to_chart(corpus_sentiment_chart(timeline))

    def article_list(self, *, limit: int = 300) -> HTMLBlock | None:
        """Corpus: every article with a link (http/https only), source, date, words and tone."""
        if self.mode != "corpus":
            return None
        a = self.articles.sort_values("published", ascending=False, na_position="last").head(limit)
        tone = self.tables["sentences"].groupby("article_id")["sentiment"].mean()
        rows = []
        for r in a.itertuples(index=False):
            url = fmt_text(r.url)
            t = tone.get(r.article_id)
            rows.append({
                "title": fmt_text(r.title) or str(r.article_id),
                "url": url if url.startswith(("http://", "https://")) else "",
                "source": fmt_source(r.source), "published": fmt_day(r.published) or UNDATED, "words": f"{int(r.n_words):,}",
                "tone": "" if t is None or pd.isna(t) else signed(float(t)),
            })
        return HTMLBlock.from_template("articles.html.j2", text=f"{len(rows)} articles", articles=rows)


def _reads_as(reason: str) -> str:
    """ "only 24 words" -> "has only 24 words"; "looks like ..." and "mostly ..." read as they are."""
    if reason.startswith("only"):
        return f"has {reason}"
    return f"is {reason}" if reason.startswith("mostly") else reason
