"""The briefing's sections after the findings, sized to the article: who is in it, who speaks, tone.

An article briefing puts "Who is in it" and "Who speaks" side by side as two short tables, shows only the top
quotes (every quote is in the appendix) and the tone charts on a fixed scale, so a short story fits one A4 page
and a long one two or three. A corpus briefing keeps its charts and tables, one under the other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd
from markupsafe import Markup

from ..textutil import clip
from .blocks import HTMLBlock, Parts, table_block

if TYPE_CHECKING:
    from .briefing import Briefing

#: Rows of the entity and speaker tables of an article briefing, by the article's length in words
#: (at most ``top_n``): a short story names few people, and a page holds few rows beside the findings.
ROWS_BY_WORDS: tuple[tuple[int, int], ...] = ((400, 5), (1500, 8))
#: Quotes shown in an article briefing (the longest of each of the most quoted speakers), by the article's length
#: in words as for :data:`ROWS_BY_WORDS`; the appendix has every quote.
QUOTES_BY_WORDS: tuple[tuple[int, int], ...] = ((400, 2), (1500, 3))
TOP_QUOTES = 4
#: A speaker's quotes are shown with their tone only when there are at least this many (else it is noise).
MIN_QUOTES_FOR_TONE = 3

ENTITIES_HEADING = "Who and what is in the news"
ENTITIES_INTRO = "Mentions of people, organisations and places, with spelling variants merged."
SPEAKERS_HEADING = "Who gets to speak"
SPEAKERS_INTRO = "Direct and indirect quotes by resolved speaker; unattributed quotes are their own line."
TONE_HEADING = "Tone"
TONE_INTRO = "Sentence sentiment from \u22121 (negative) to +1 (positive), on a fixed scale with zero marked."


def rows_for(n_words: int, top_n: int, *, steps: tuple[tuple[int, int], ...] = ROWS_BY_WORDS) -> int:
    """How many rows (entities and speakers, or quotes with :data:`QUOTES_BY_WORDS`) an article briefing lists
    for an article of ``n_words`` words, at most ``top_n``."""
    for limit, rows in steps:
        if n_words <= limit:
            return min(rows, top_n)
    return top_n


def _yes_no(named: object) -> str:
    """The speaker table's "named" column: yes for a named person or organisation, no for a group, a role or
    unattributed quotes (the findings read the same column)."""
    return "yes" if bool(named) else "no"


def _heading(heading: str, intro: str | None = None, *, level: int = 2) -> HTMLBlock:
    return HTMLBlock.from_template("heading.html.j2", text="\n".join([heading, *([intro] if intro else [])]),
                                   heading=heading, intro=[intro] if intro else [], items=[], level=level)


class BriefingSections:
    """Mixin of :class:`~.briefing.Briefing`: the sections the notebook shows after the findings."""

    def _article_words(self: Briefing) -> int:
        return int(pd.to_numeric(self.articles["n_words"], errors="coerce").fillna(0).sum())

    def _article_rows(self: Briefing) -> int:
        return rows_for(self._article_words(), self.top_n)

    def entities_section(self: Briefing) -> Parts:
        """Corpus: heading, chart, top entities by type. Article: entities and speakers as two tables side by side."""
        if self.mode == "corpus":
            return Parts(_heading(ENTITIES_HEADING, ENTITIES_INTRO), self.entity_chart(), self.entity_table())
        rows = self._article_rows()
        freq = self.entity_frequencies().head(rows)
        if freq.empty:
            left = HTMLBlock.plain("No people, organisations or places found.")
        else:
            left = table_block(freq[["name", "type", "mentions", "share"]], formats={"share": "{:.0%}"})
        share = self.speaker_share()
        if share.empty:
            right = HTMLBlock.plain("No reported speech found.")
        else:
            shown = share.head(rows)[["speaker", "named", "quotes", "words", "quote_share"]].copy()
            shown["named"] = shown["named"].map(_yes_no)
            right = table_block(shown.rename(columns={"quote_share": "share"}), formats={"share": "{:.0%}"})
        parts = [Markup(_heading("Who is in it").markup + left.markup),
                 Markup(_heading("Who speaks").markup + right.markup)]
        text = "\n\n".join(["Who is in it", left.text, "Who speaks", right.text])
        return Parts(HTMLBlock.from_template("columns.html.j2", text=text, parts=parts))

    def speakers_section(self: Briefing) -> Parts | None:
        """Corpus: heading and the speaker chart. Article: the top quotes, and where every quote is."""
        if self.mode == "corpus":
            return Parts(_heading(SPEAKERS_HEADING, SPEAKERS_INTRO), self.speaker_chart(), self.speaker_counts())
        quotes = self.tables["quotes"]
        if quotes.empty:
            return None
        top = self.top_quotes(n=rows_for(self._article_words(), TOP_QUOTES, steps=QUOTES_BY_WORDS))
        total = len(quotes)
        more = (f"{total - len(top)} more quote{'s' if total - len(top) != 1 else ''}: every quote, with its cue "
                f"and kind, is in the appendix" if total > len(top) else "")
        caption = f"Top quotes ({len(top)} of {total})" if total > len(top) else "Quotes"
        table = table_block(top, caption=caption)
        link = (HTMLBlock.from_template("appendix_link.html.j2", text=f"{more}: {self.appendix}", href=self.appendix,
                                        label="appendix.html", folder=False, lead=more)
                if self.appendix and more else (HTMLBlock.plain(more + ".") if more else None))
        return Parts(table, link)

    def speaker_counts(self: Briefing, *, n: int = 5) -> HTMLBlock | None:
        """Corpus: the most quoted speakers with their quotes, the articles they are quoted in, and whether they are
        named (the table the speaker finding is read from)."""
        share = self.speaker_share().head(n)
        if share.empty:
            return None
        shown = share[["speaker", "named", "quotes", "articles", "quote_share"]].copy()
        shown["named"] = shown["named"].map(_yes_no)
        return table_block(shown.rename(columns={"quote_share": "share of quotes"}),
                           caption="Most quoted (articles: how many articles quote them)",
                           formats={"share of quotes": "{:.0%}"})

    def top_quotes(self: Briefing, *, n: int = TOP_QUOTES) -> pd.DataFrame:
        """The longest quote of each of the ``n`` most quoted speakers (unattributed quotes last)."""
        from .. import analysis

        share = self.speaker_share()
        table = analysis.quote_table(self.tables["quotes"])
        out = []
        for speaker in share["speaker"]:
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

    def tone_section(self: Briefing) -> Parts:
        """The sentiment chart, and (articles) the tone towards the leading entities and speakers."""
        if self.mode == "corpus":
            return Parts(_heading(TONE_HEADING, TONE_INTRO), self.sentiment_chart())
        from .. import analysis

        mentions = self.tables["mentions"]
        target = "tone" in mentions.columns and mentions["tone"].notna().any()
        intro = analysis.tone_meaning(basis="target" if target else "sentence")
        return Parts(_heading(TONE_HEADING, intro), self.article_tone_chart(), self.speaker_sentiment_chart())
