"""What the briefing notebook calls: load a run's tables, then show header, findings, charts, tables.

Every string that comes from an article (titles, names, quotes) is escaped here before it
becomes HTML; the notebook never builds markup itself.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from . import analysis
from .charts.entities import entity_chart, entity_trend_chart
from .charts.speakers import speaker_chart
from .store import read_dataset, read_manifest

Mode = Literal["auto", "article", "corpus"]


class HTMLBlock:
    """Ready, escaped HTML for notebook display (with a plain-text fallback)."""

    def __init__(self, markup: str, text: str) -> None:
        self.markup = markup
        self.text = text

    def _repr_html_(self) -> str:
        return self.markup

    def __repr__(self) -> str:
        return self.text


def table_block(frame: pd.DataFrame, *, caption: str | None = None, formats: Mapping[str, str] | None = None) -> HTMLBlock:
    """A DataFrame as an escaped HTML table (article strings never become markup)."""
    shown = frame.copy()
    for column, fmt in (formats or {}).items():
        if column in shown:
            shown[column] = shown[column].map(lambda v, f=fmt: "" if pd.isna(v) else f.format(v))
    markup = shown.to_html(index=False, escape=True, border=0, classes="nb-table", na_rep="")
    if caption:
        markup = f'<p class="nb-caption">{html.escape(caption)}</p>\n{markup}'
    return HTMLBlock(f'<div class="nb-table-wrap">{markup}</div>', shown.to_string(index=False))


def _close(fig: Figure) -> Figure:
    plt.close(fig)  # displayed once, as the cell's value; never twice by the inline backend
    return fig


def _fmt_date(value: Any) -> str:
    if value is None or pd.isna(value):
        return "date unknown"
    return pd.Timestamp(value).strftime("%d %B %Y, %H:%M UTC").lstrip("0")


@dataclass
class Briefing:
    """The tables of one run plus the options that shape the briefing."""

    tables: dict[str, pd.DataFrame]
    mode: Literal["article", "corpus"]
    title: str
    top_n: int = 10
    freq: str = "W"
    follow: Sequence[str] = ()
    params: Mapping[str, Any] | None = None

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(
        cls, data: str | Path, *, title: str | None = None, mode: Mode = "auto", top_n: int = 10, freq: str = "W",
        entities: Sequence[str] = (), params: Mapping[str, Any] | None = None,
    ) -> Briefing:
        tables = read_dataset(data)
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
                   params=params)

    @property
    def articles(self) -> pd.DataFrame:
        return self.tables["articles"]

    # ------------------------------------------------------------------ numbers
    def entity_frequencies(self) -> pd.DataFrame:
        return analysis.entity_frequencies(self.tables["mentions"], self.tables["entities"], top=self.top_n)

    def speaker_share(self) -> pd.DataFrame:
        return analysis.speaker_share(self.tables["quotes"], self.articles, top=self.top_n)

    def findings(self) -> list[str]:
        return analysis.key_findings(self.tables, mode=self.mode, top=self.top_n, freq=self.freq)

    # ------------------------------------------------------------------ display
    def header(self) -> HTMLBlock:
        a = self.articles
        esc = html.escape
        rows: list[tuple[str, str]] = []
        if self.mode == "article" and len(a):
            first = a.iloc[0]
            for label, key in (("Source", "source"), ("Author", "author"), ("URL", "url")):
                value = first.get(key)
                if value is not None and not pd.isna(value):
                    rows.append((label, str(value)))
            rows.append(("Published", _fmt_date(first["published"])))
            rows.append(("Words", f"{int(first['n_words']):,}"))
        else:
            dates = a["published"].dropna()
            period = f"{_fmt_date(dates.min())} to {_fmt_date(dates.max())}" if len(dates) else "dates unknown"
            rows += [("Articles", f"{len(a):,}"), ("Sources", f"{a['source'].nunique():,}"), ("Period", period),
                     ("Words", f"{int(a['n_words'].sum()):,}")]
        meta = "".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in rows)
        params = "".join(
            f"<tr><th>{esc(str(k))}</th><td>{esc(str(v))}</td></tr>" for k, v in (self.params or {}).items()
        )
        kind = "Article briefing" if self.mode == "article" else "Corpus briefing"
        markup = (
            f'<header class="nb-header"><p class="nb-kicker">{esc(kind)}</p><h1>{esc(self.title)}</h1>'
            f'<table class="nb-meta">{meta}</table>'
            + (f'<details class="nb-params"><summary>Run parameters</summary><table class="nb-meta">{params}</table>'
               f"</details>" if params else "")
            + "</header>"
        )
        text = "\n".join([self.title, *[f"{k}: {v}" for k, v in rows]])
        return HTMLBlock(markup, text)

    def findings_block(self) -> HTMLBlock:
        items = self.findings()
        markup = '<ul class="nb-findings">' + "".join(f"<li>{html.escape(s)}</li>" for s in items) + "</ul>"
        return HTMLBlock(markup, "\n".join(f"- {s}" for s in items))

    def entity_chart(self) -> Figure | HTMLBlock:
        freq = self.entity_frequencies()
        if freq.empty:
            return HTMLBlock("<p>No people, organisations or places found.</p>", "No entities found.")
        return _close(entity_chart(freq))

    def entity_table(self) -> HTMLBlock:
        freq = self.entity_frequencies()
        shown = freq[["name", "type", "mentions", "articles", "share", "aliases"]].rename(
            columns={"share": "share of mentions", "aliases": "written as"})
        if self.mode == "article":
            shown = shown.drop(columns=["articles"])
        return table_block(shown, formats={"share of mentions": "{:.0%}"})

    def entity_trend_chart(self) -> Figure | HTMLBlock:
        freq = self.entity_frequencies()
        ids = freq["entity_id"].head(5).tolist()
        trend = analysis.entity_trend(self.tables["mentions"], self.articles, self.tables["entities"], entity_ids=ids,
                                      freq=self.freq)
        if trend.empty:
            return HTMLBlock("<p>No dated articles: no trend to show.</p>", "No trend.")
        return _close(entity_trend_chart(trend))

    def speaker_chart(self) -> Figure | HTMLBlock:
        share = self.speaker_share()
        if share.empty:
            return HTMLBlock("<p>No reported speech found.</p>", "No quotes found.")
        return _close(speaker_chart(share))

    def speaker_table(self) -> HTMLBlock:
        share = self.speaker_share()
        shown = share[["speaker", "quotes", "words", "quote_share", "word_share", "example"]].rename(
            columns={"quote_share": "share of quotes", "word_share": "share of words", "example": "longest quote"})
        return table_block(shown, formats={"share of quotes": "{:.0%}", "share of words": "{:.0%}"})

    def quote_table(self, *, limit: int = 40) -> HTMLBlock:
        table = analysis.quote_table(self.tables["quotes"], limit=limit)
        if self.mode == "article":
            table = table.drop(columns=["article_id"])
        return table_block(table)

    def sentiment_chart(self) -> Figure | HTMLBlock:
        from .charts.sentiment import article_sentiment_chart, corpus_sentiment_chart

        sentences = self.tables["sentences"]
        if sentences.empty:
            return HTMLBlock("<p>No sentences to score.</p>", "No sentences.")
        if self.mode == "article":
            timeline = analysis.article_timeline(sentences, article_id=self.articles["article_id"].iloc[0])
            return _close(article_sentiment_chart(timeline))
        timeline = analysis.corpus_timeline(self.articles, sentences, freq=self.freq)
        if timeline.empty or timeline["n_articles"].sum() == 0:
            return HTMLBlock("<p>No dated articles: no timeline to show.</p>", "No timeline.")
        return _close(corpus_sentiment_chart(timeline))
