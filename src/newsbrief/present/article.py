"""The article briefing: one article's tables in memory; what ``notebooks/article.ipynb`` calls."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import pandas as pd
from markupsafe import Markup

from .. import analysis
from ..params import BriefingOptions, Kind
from ..store import read_dataset
from ..textutil import clip
from .blocks import HTMLBlock, table_block
from .briefing import Briefing
from .charts.sentiment import article_sentiment_chart, entity_sentiment_chart
from .figures import Chart, to_chart
from .findings import key_findings
from .formatters import fmt_text, header_rows


@dataclass(kw_only=True)
class ArticleBriefing(Briefing):
    """One article: its annotation tables (``articles``, ``mentions``, ``entities``, ``quotes``, ``sentences``)."""

    tables: dict[str, pd.DataFrame]

    kind: ClassVar[Kind] = "article"
    label: ClassVar[str] = "Article briefing"

    @classmethod
    def load(cls, options: BriefingOptions) -> ArticleBriefing:
        """The article's tables at ``options.data``; its title unless ``options.title`` is given."""
        tables = read_dataset(options.data)
        articles = tables["articles"]
        title = options.title
        if title is None:
            first = articles["title"].iloc[0] if len(articles) else None
            title = str(first) if first is not None and not pd.isna(first) else "News briefing"
        return cls(title=title, tables=tables, **cls.shared(options))

    @property
    def articles(self) -> pd.DataFrame:
        return self.tables["articles"]

    # ------------------------------------------------------------------ numbers
    def entity_frequencies(self) -> pd.DataFrame:
        return analysis.entity_frequencies(self.tables["mentions"], self.tables["entities"], top=self.top_n)

    def speaker_share(self) -> pd.DataFrame:
        return analysis.speaker_share(self.tables["quotes"], self.articles, top=self.top_n)

    def compute_findings(self) -> list[str]:
        return key_findings(self.tables, top=self.top_n, freq=self.freq, follow=self.follow)

    def notes(self) -> list[str]:
        thin = analysis.thin_articles(self.articles)
        if not thin:
            return self.run_notes()
        reason = next(iter(thin.values()))
        return self.run_notes() + [f"Too little text: this briefing rests on a body that {_reads_as(reason)}. The "
                                   "page's article may not have been read; check the source before relying on it."]

    def header_rows(self, *, with_url: bool = True) -> list[tuple[str, str]]:
        """The article's source, author, (URL,) date and words."""
        return header_rows(self.articles, with_url=with_url)

    def quote_rows(self, *, limit: int) -> tuple[pd.DataFrame, int]:
        quotes = self.tables["quotes"]
        return analysis.quote_table(quotes, limit=limit), len(quotes)

    def url(self) -> str | None:
        if not len(self.articles):
            return None
        return fmt_text(self.articles["url"].iloc[0]) or None

    # ------------------------------------------------------------------ display
    def entity_table(self) -> HTMLBlock:
        """The frequency table."""
        shown = self.entity_frequencies()[["name", "type", "mentions", "share", "aliases"]].rename(
            columns={"share": "share of mentions", "aliases": "written as"})
        return table_block(shown, formats={"share of mentions": "{:.0%}"})

    def speaker_table(self) -> HTMLBlock:
        """Speakers with their counts, shares and longest quote."""
        shown = self.speaker_share()[["speaker", "quotes", "words", "quote_share", "word_share", "example"]].rename(
            columns={"quote_share": "share of quotes", "word_share": "share of words", "example": "longest quote"})
        shown["longest quote"] = shown["longest quote"].map(clip)
        return table_block(shown, formats={"share of quotes": "{:.0%}", "share of words": "{:.0%}"})

    def quotes_section(self) -> HTMLBlock:
        """A "Quotes" sub-heading and every quote."""
        table = self.quote_table()
        return HTMLBlock.from_template("subsection.html.j2", text=table.text, heading="Quotes",
                                       body=Markup(table.markup))

    def quote_table(self, *, limit: int = 40) -> HTMLBlock:
        """Every quote in order."""
        return table_block(analysis.quote_table(self.tables["quotes"], limit=limit).drop(columns=["article_id"]))

    def sentiment_chart(self) -> Chart | HTMLBlock:
        sentences = self.tables["sentences"]
        if sentences.empty:
            return HTMLBlock.plain("No sentences to score.")
        timeline = analysis.article_timeline(sentences, article_id=self.articles["article_id"].iloc[0])
        return to_chart(article_sentiment_chart(timeline))

    def entity_sentiment_chart(self) -> Chart | None:
        """Tone towards the top (or followed) entities, with what it means.

        Stores without ``mentions.tone`` show the tone of the sentences that mention them, and say so.
        """
        if self.tables["mentions"].empty or self.tables["sentences"].empty:
            return None
        df = analysis.entity_tone(
            self.tables["mentions"], self.tables["entities"], self.articles, sentences=self.tables["sentences"],
            names=list(self.follow) or None, top=5, freq=None,
        )
        if df.empty or df["mean"].notna().sum() == 0:
            return None
        target = bool((df["basis"] == "target").all())
        title = "Tone towards the leading entities" if target else "Tone of sentences mentioning the leading entities"
        measure = "Mean tone towards the entity (\u22121 \u2026 +1)" if target else "Mean sentiment (\u22121 \u2026 +1)"
        note = analysis.tone_meaning(basis="target" if target else "sentence")
        return to_chart(entity_sentiment_chart(df, title=title, measure=measure, note=note))

    def speaker_sentiment_chart(self) -> Chart | None:
        """Tone of what the most quoted speakers are quoted as saying (scored in annotation)."""
        quotes = self.tables["quotes"]
        if quotes.empty or quotes["speaker"].notna().sum() == 0 or "sentiment" not in quotes:
            return None
        df = analysis.speaker_sentiment(quotes, self.articles, top=5, freq=None)
        if df.empty or df["mean"].notna().sum() == 0:
            return None
        return to_chart(entity_sentiment_chart(df, title="Tone of what the leading speakers are quoted as saying"))


def _reads_as(reason: str) -> str:
    """ "only 24 words" -> "has only 24 words"; "looks like ..." and "mostly ..." read as they are."""
    if reason.startswith("only"):
        return f"has {reason}"
    return f"is {reason}" if reason.startswith("mostly") else reason
