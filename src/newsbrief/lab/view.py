"""One view of a focus under filters: counts, tone, sentences and quotes, with display helpers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from .. import analysis
from ..present import Chart, HTMLBlock, table_block, to_chart
from ..present.charts.entities import focus_chart
from ..present.evidence import evidence_block
from ..present.formatters import UNDATED, fmt_day, fmt_source, fmt_text
from ..textutil import signed
from .focus import (
    Filters,
    Focus,
    _in_period,
    _n,
    _period_key,
    _quote_rows,
    evidence,
    filter_tables,
    focus_mentions,
    focus_sentences,
    periods,
    quotes_about,
    quotes_by,
    timeline,
    tone,
    tone_basis,
)


@dataclass
class View:
    """Everything shown for one focus under one set of filters (plain data; display helpers below)."""

    focus: Focus
    filters: Filters
    freq: str
    counts: pd.DataFrame
    tone: pd.DataFrame
    overall: pd.DataFrame
    sentences: pd.DataFrame
    quotes_by: pd.DataFrame
    quotes_about: pd.DataFrame
    points: list[tuple[str, str]] = field(default_factory=list)
    n_articles: int = 0
    evidence: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=analysis.EVIDENCE_COLUMNS))
    basis: str = "target"

    def meaning(self) -> str:
        """One line saying what the tone shown means."""
        if self.basis == "quote":
            return (f"Tone of {self.focus.name}'s quoted words: the sentiment of the quote's own words, \u22121..1 "
                    "(scored in annotation).")
        return analysis.tone_meaning(self.focus.name, basis="sentence" if self.basis == "sentence" else "target")

    def busiest_point(self) -> str | None:
        """The period (``YYYY-MM-DD``) with the most sentences behind the focus; ``None`` if undated."""
        if not self.points:
            return None
        counts = (self.evidence if self.focus.kind == "entity" else self.sentences).dropna(subset=["published"])
        key = _period_key(counts["published"], self.freq).value_counts()
        return f"{key.idxmax():%Y-%m-%d}"

    def summary(self) -> HTMLBlock:
        f = self.filters
        when = f"{f.start or 'first'} to {f.end or 'last'}"
        where = ", ".join(f.sources) if f.sources else "all sources"
        what = "mentions" if self.focus.kind == "entity" else "quotes"
        total = int(self.counts.to_numpy().sum()) if not self.counts.empty else 0
        basis = {"target": f"tone towards {self.focus.name}", "sentence": "tone of sentences naming it",
                 "quote": "tone of quoted words"}[self.basis]
        if self.overall.empty or pd.isna(self.overall["mean"].iloc[0]):
            tone_text = "tone unknown"
        else:
            row = self.overall.iloc[0]
            mean = signed(round(float(row["mean"]), 2) + 0.0)
            tone_text = f"{basis} {mean} (mean over {_n(int(row['n_articles']), 'article')})"
        text = (f"{self.focus.name} ({self.focus.kind}): {total} dated {what} in {_n(self.n_articles, 'article')} "
                f"({when}, {where}); {tone_text}; {len(self.quotes_by)} quotes by, {len(self.quotes_about)} about.")
        note = self.meaning()
        return HTMLBlock.from_template("summary.html.j2", text=f"{text}\n{note}", summary=text, note=note)

    def chart(self) -> Chart | HTMLBlock:
        """Mentions or quotes per period (the briefing's trend chart), tone on a second axis."""
        if self.counts.empty:
            return HTMLBlock.plain("No dated articles for this choice: no timeline.")
        label = {"target": "tone towards it", "sentence": "tone of sentences naming it",
                 "quote": "tone of quoted words"}[self.basis]
        return to_chart(focus_chart(self.counts, self.tone, name=self.focus.name, kind=self.focus.kind, freq=self.freq,
                                    tone_label=f"{label} (\u22121..1)"))

    def quotes_by_table(self, *, limit: int = 30) -> HTMLBlock:
        return _table(self.quotes_by, f"Quotes by {self.focus.name}", limit=limit)

    def quotes_about_table(self, *, limit: int = 30) -> HTMLBlock:
        return _table(self.quotes_about, f"Quotes naming {self.focus.name}, by others", limit=limit)

    def sentences_table(self, period: Any = None, *, limit: int = 30) -> HTMLBlock:
        """Sentences behind the point ``period`` (any day of that period), or behind every point.

        An entity: one row per mention, the mention highlighted in its sentence, with the tone towards it
        there (what its tone is made of). A speaker: the sentences holding their quotes.
        """
        entity = self.focus.kind == "entity"
        rows = self.evidence if entity else self.sentences
        caption = f"Sentences behind {self.focus.name}" + (", each mention highlighted" if entity else "")
        if period is not None:
            rows = _in_period(rows, period, self.freq)
            caption += f", period starting {pd.Timestamp(period).to_period(self.freq).start_time:%d %b %Y}"
        if entity:
            header = "tone towards it" if self.basis == "target" else "sentence tone"
            return evidence_block(rows, caption=caption, note=self.meaning(), limit=limit, tone_header=header)
        return _table(rows, caption, limit=limit, hide=("sent_id", "article_id"))


def _table(rows: pd.DataFrame, caption: str, *, limit: int, hide: tuple[str, ...] = ()) -> HTMLBlock:
    """An escaped table of at most ``limit`` rows; article text on one line; the caption counts the rows.
    Missing metadata reads as the briefing's: "undated", "unknown source", the article id for a title."""
    shown = rows.head(limit).copy()
    for column in ("sentence", "quote", "title"):
        if column in shown:
            shown[column] = shown[column].map(lambda v: " ".join(str(v).split()) if isinstance(v, str) else v)
    if "title" in shown and "article_id" in shown:
        shown["title"] = [fmt_text(t) or str(i) for t, i in zip(shown["title"], shown["article_id"])]
    if "published" in shown:
        shown["published"] = [fmt_day(v) or UNDATED for v in shown["published"]]
    if "source" in shown:
        shown["source"] = [fmt_source(v) for v in shown["source"]]
    count = f"{len(rows)}" if len(rows) <= limit else f"first {limit} of {len(rows)}"
    return table_block(shown.drop(columns=[c for c in hide if c in shown]), caption=f"{caption} ({count})",
                       formats={"sentiment": "{:+.2f}"})


def make_view(
    tables: Mapping[str, pd.DataFrame], focus: Focus, *, filters: Filters | None = None, freq: str = "W"
) -> View:
    """Compute the view of ``focus`` over the articles that pass ``filters``."""
    filters = filters or Filters()
    sub = filter_tables(tables, filters)
    by = quotes_by(sub, focus)
    about = quotes_about(sub, focus)
    articles = set(focus_mentions(sub, focus)["article_id"]) | set(by["article_id"])
    return View(
        focus=focus, filters=filters, freq=freq,
        counts=timeline(sub, focus, freq=freq),
        tone=tone(sub, focus, freq=freq),
        overall=tone(sub, focus, freq=None),
        sentences=focus_sentences(sub, focus),
        quotes_by=_quote_rows(by, sub["articles"]),
        quotes_about=_quote_rows(about, sub["articles"]),
        points=periods(sub, focus, freq=freq),
        n_articles=len(articles),
        evidence=evidence(sub, focus) if focus.kind == "entity" else pd.DataFrame(columns=analysis.EVIDENCE_COLUMNS),
        basis=tone_basis(sub, focus),
    )
