"""The article briefing: one article's tables in memory; what ``notebooks/article.ipynb`` calls.

Its counts (entity frequencies, speaker share, too little text) run the SQL a corpus briefing runs, by DuckDB over
the tables in memory (:func:`~newsbrief.analysis.db.as_database`); the per-article tone views are pandas over its
few rows.

Sized to the article: "Who is in it" and "Who speaks" side by side as two short tables, the top quotes (every
quote is in the appendix), the tone in one row on fixed scales, so a story of up to 400 words fits one A4 page,
one of up to 1,500 two, a longer one three.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar

import pandas as pd
from markupsafe import Markup

from .. import analysis
from ..analysis.db import Db, as_database
from ..params import BriefingOptions, Kind
from ..store import read_dataset
from .blocks import HTMLBlock, Parts, table_block
from .briefing import Briefing
from .charts.sentiment import article_sentiment_chart, article_tone_chart, entity_sentiment_chart
from .figures import Chart, to_chart
from .findings import key_findings
from .formatters import article_title, clip, fmt_text, header_rows, pct
from .sections import heading, yes_no

#: Rows of the entity and speaker tables of an article briefing, by the article's length in words, when ``top_n`` is
#: not given (a ``top_n`` given is shown as asked): a short story names few people, and a page holds few rows beside
#: the findings.
ROWS_BY_WORDS: tuple[tuple[int, int], ...] = ((400, 5), (1500, 8))
#: Quotes shown (the longest of each of the most quoted speakers), by the article's length in words; at most
#: :data:`TOP_QUOTES`. The appendix has every quote.
QUOTES_BY_WORDS: tuple[tuple[int, int], ...] = ((400, 2), (1500, 3))
TOP_QUOTES = 4
#: A speaker's tone is shown only with at least this many quotes (fewer: too little to tell).
MIN_QUOTES_FOR_TONE = 3


@dataclass(kw_only=True)
class ArticleBriefing(Briefing):
    """One article: its annotation tables (``articles``, ``mentions``, ``entities``, ``quotes``, ``sentences``)."""

    tables: dict[str, pd.DataFrame]
    appendix: str | None = None

    kind: ClassVar[Kind] = "article"
    label: ClassVar[str] = "Article briefing"

    @classmethod
    def load(cls, options: BriefingOptions) -> ArticleBriefing:
        """The article's tables at ``options.data``; its title unless ``options.title`` is given."""
        tables = read_dataset(options.data)
        title = options.title if options.title is not None else article_title(tables["articles"])
        return cls(title=title or "News briefing", tables=tables, appendix=options.appendix, **cls.shared(options))

    @property
    def articles(self) -> pd.DataFrame:
        return self.tables["articles"]

    # ------------------------------------------------------------------ numbers
    @cached_property
    def db(self) -> Db:
        """The article's tables behind DuckDB views (closed with the briefing's last reference)."""
        return as_database(self.tables)

    @cached_property
    def every_entity(self) -> pd.DataFrame:
        """The frequencies of every entity of the article (the findings read them; the tables show the first)."""
        return analysis.entity_frequencies(self.db, self.tables["entities"])

    @cached_property
    def every_speaker(self) -> pd.DataFrame:
        """The share of every speaker of the article (the findings read it; the tables show the first)."""
        return analysis.speaker_share(self.db)

    def entity_frequencies(self) -> pd.DataFrame:
        return self.every_entity.head(self.top_n).reset_index(drop=True)

    def speaker_share(self) -> pd.DataFrame:
        return self.every_speaker.head(self.top_n).reset_index(drop=True)

    def compute_findings(self) -> list[str]:
        return key_findings(self.tables, frequencies=self.every_entity, share=self.every_speaker, freq=self.freq,
                            follow=self.follow)

    @cached_property
    def too_little_text(self) -> dict[str, str]:
        """``{article_id: reason}`` when the article's text is too little to be read as an article."""
        return analysis.thin_articles(self.db)[0]

    def notes(self) -> list[str]:
        thin = self.too_little_text
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
    def _words(self) -> int:
        return int(pd.to_numeric(self.articles["n_words"], errors="coerce").fillna(0).sum())

    def who_section(self) -> HTMLBlock:
        """"Who is in it" and "Who speaks" side by side: the leading entities and speakers, ``top_n`` rows when it
        was given, else as many as the article's length calls for (:func:`rows_for`)."""
        rows = rows_for(self._words(), self.top_n) if self.sized else self.top_n
        every = self.every_entity  # all, as the findings
        # the rows a finding names are always in the table beside it (the most mentioned person, the lead speaker)
        freq = _with_first(every.head(rows), every[every["type"] == "person"], key="entity_id")
        if freq.empty:
            left = HTMLBlock.plain("No people, organisations or places found.")
        else:
            left = table_block(freq[["name", "type", "mentions", "share"]], formats={"share": pct})
        share = self.every_speaker  # every speaker, as the findings
        if share.empty:
            right = HTMLBlock.plain("No reported speech found.")
        else:
            named = share[share["named"].astype(bool)]
            shown = _with_first(share.head(rows), named, key="speaker")
            shown = shown[["speaker", "named", "quotes", "words", "quote_share"]].copy()
            shown["named"] = shown["named"].map(yes_no)
            right = table_block(shown.rename(columns={"quote_share": "share"}), formats={"share": pct})
        parts = [Markup(heading("Who is in it").markup + left.markup),
                 Markup(heading("Who speaks").markup + right.markup)]
        text = "\n\n".join(["Who is in it", left.text, "Who speaks", right.text])
        return HTMLBlock.from_template("columns.html.j2", text=text, parts=parts)

    def top_quotes(self, *, n: int = TOP_QUOTES) -> pd.DataFrame:
        """The longest quote of each of the ``n`` most quoted speakers (unattributed quotes last)."""
        table = analysis.quote_table(self.tables["quotes"])
        out = []
        for speaker in self.speaker_share()["speaker"]:
            mine = table[table["speaker"] == speaker]
            if not mine.empty:
                out.append(mine.loc[mine["words"].idxmax()])
            if len(out) == n:
                break
        if not out:
            return table.head(0)[["speaker", "words", "quote"]]
        top = pd.DataFrame(out)[["speaker", "words", "quote"]]
        top["quote"] = top["quote"].map(lambda q: clip(str(q), 170))
        return top.reset_index(drop=True)

    def quotes_section(self) -> Parts | None:
        """The top quotes, and where every quote is (the appendix)."""
        total = len(self.tables["quotes"])
        if not total:
            return None
        top = self.top_quotes(n=rows_for(self._words(), TOP_QUOTES, steps=QUOTES_BY_WORDS))
        rest = total - len(top)
        more = f"{rest} more quote{'s' if rest != 1 else ''}: every quote, with its cue and kind, is in the appendix"
        caption = f"Top quotes ({len(top)} of {total})" if rest else "Quotes"
        link = None
        if rest and self.appendix:
            link = HTMLBlock.from_template("appendix_link.html.j2", text=f"{more}: {self.appendix}", href=self.appendix,
                                           label="appendix.html", folder=False, lead=more)
        elif rest:
            link = HTMLBlock.plain(more + ".")
        return Parts(table_block(top, caption=caption), link)

    def tone_section(self) -> Parts:
        """What the tone measure means, sentiment along the article beside the tone towards the leading entities,
        and the tone of what speakers say when at least two have enough quotes."""
        mentions = self.tables["mentions"]
        target = "tone" in mentions.columns and bool(mentions["tone"].notna().any())
        intro = analysis.tone_meaning(basis="target" if target else "sentence")
        return Parts(heading("Tone", intro=[intro]), self.tone_chart(), self.speaker_sentiment_chart())

    def tone_chart(self) -> Chart | HTMLBlock:
        """Sentiment along the article (−1..+1) and the tone towards its leading entities with their intervals
        (a symmetric scale around zero), side by side."""
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
        return to_chart(article_tone_chart(timeline, df, measure=measure, entity_title=title),
                        alt="Sentiment along the article and tone towards the leading entities")

    def speaker_sentiment_chart(self) -> Chart | None:
        """Tone of what the most quoted speakers are quoted as saying (scored in annotation): only speakers with
        at least :data:`MIN_QUOTES_FOR_TONE` quotes, and only when two or more have them."""
        quotes = self.tables["quotes"]
        if quotes.empty or quotes["speaker"].notna().sum() == 0 or "sentiment" not in quotes:
            return None
        df = analysis.speaker_sentiment(quotes, self.articles, top=5, freq=None)
        df = df[df["n_quotes"] >= MIN_QUOTES_FOR_TONE]  # fewer quotes: too little to tell a tone
        if df["mean"].notna().sum() < 2:  # one speaker's bar compares with nothing
            return None
        return to_chart(entity_sentiment_chart(df, title="Tone of what the leading speakers are quoted as saying"))


def _with_first(shown: pd.DataFrame, candidates: pd.DataFrame, *, key: str) -> pd.DataFrame:
    """``shown`` with the first row of ``candidates`` added at the end when it is not among its rows."""
    if candidates.empty or candidates.iloc[0][key] in set(shown[key]):
        return shown
    return pd.concat([shown, candidates.head(1)])


def rows_for(n_words: int, top_n: int, *, steps: tuple[tuple[int, int], ...] | None = None) -> int:
    """How many rows (entities and speakers, or quotes with :data:`QUOTES_BY_WORDS`) an article briefing lists
    for an article of ``n_words`` words, at most ``top_n``."""
    for limit, rows in steps or ROWS_BY_WORDS:
        if n_words <= limit:
            return min(rows, top_n)
    return top_n


def _reads_as(reason: str) -> str:
    """ "only 24 words" -> "has only 24 words"; "looks like ..." and "mostly ..." read as they are."""
    if reason.startswith("only"):
        return f"has {reason}"
    return f"is {reason}" if reason.startswith("mostly") else reason
