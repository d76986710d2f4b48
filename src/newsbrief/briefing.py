"""What the briefing notebook calls: load a run's tables, then show header, findings, charts, tables.

Every string that comes from an article (titles, names, quotes) is escaped here before it
becomes HTML; the notebook never builds markup itself.
"""

from __future__ import annotations

import base64
import html
import io
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


def _minus(text: str) -> str:
    """A true minus sign for negative numbers, as in the findings (−0.35, not -0.35)."""
    return text.replace("-", "\u2212")


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
    for column in shown.columns:
        if shown[column].dtype == object or pd.api.types.is_string_dtype(shown[column]):
            # pandas shows a newline inside a cell as a literal "\n": collapse whitespace for readers
            shown[column] = shown[column].map(lambda v: " ".join(v.split()) if isinstance(v, str) else v)
    for column, fmt in (formats or {}).items():
        if column in shown:
            shown[column] = shown[column].map(lambda v, f=fmt: "" if pd.isna(v) else _minus(f.format(v)))
    markup = shown.to_html(index=False, escape=True, border=0, classes="nb-table", na_rep="")
    if caption:
        markup = f'<p class="nb-caption">{html.escape(caption)}</p>\n{markup}'
    return HTMLBlock(f'<div class="nb-table-wrap">{markup}</div>', shown.to_string(index=False))


class Chart:
    """A rendered chart: PNG bytes with alt text, displayed by any Jupyter front end or exporter."""

    def __init__(self, png: bytes, *, alt: str, width: int, height: int) -> None:
        self.png = png
        self.alt = alt
        self.width = width
        self.height = height

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> tuple[dict[str, Any], dict[str, Any]]:
        data = {"image/png": base64.b64encode(self.png).decode("ascii"), "text/plain": f"<Chart: {self.alt}>"}
        meta = {"image/png": {"width": self.width, "height": self.height, "alt": self.alt}}
        return data, meta

    def __repr__(self) -> str:
        return f"<Chart: {self.alt}>"


def clip(text: object, limit: int = 280) -> str:
    """Shorten long text for tables at a word boundary, with an ellipsis."""
    value = "" if text is None or (isinstance(text, float) and pd.isna(text)) else str(text)
    if len(value) <= limit:
        return value
    return value[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …"


def _close(fig: Figure) -> Chart:
    """Render a figure to PNG (150 dpi, shown at 100 dpi size) and free it."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=150, bbox_inches="tight", facecolor="white")
    axes = fig.get_axes()
    titles = [axes[0].get_title(loc=loc) for loc in ("left", "center", "right")] if axes else []
    alt = next((t for t in titles if t), "chart")
    plt.close(fig)
    from PIL import Image

    buffer.seek(0)
    with Image.open(buffer) as image:
        width, height = image.size
    return Chart(buffer.getvalue(), alt=alt, width=round(width * 2 / 3), height=round(height * 2 / 3))


def _fmt_date(value: Any) -> str:
    """``6 April 2021, 12:29 UTC``; a date given without a time shows no time."""
    if value is None or pd.isna(value):
        return "date unknown"
    stamp = pd.Timestamp(value)
    if stamp.hour == stamp.minute == stamp.second == 0:
        return stamp.strftime("%d %B %Y").lstrip("0")
    return stamp.strftime("%d %B %Y, %H:%M UTC").lstrip("0")


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
    scorer: str = "vader"
    scorer_options: Mapping[str, Any] | None = None

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
        manifest = read_manifest(data)
        if params is None:
            params = manifest.get("params", {})
        settings = manifest.get("settings", {})
        scorer = str(settings.get("sentiment", "vader"))
        options = {str(k): v for k, v in settings.get("sentiment_options") or ()}
        return cls(tables=tables, mode=resolved, title=title, top_n=top_n, freq=freq, follow=tuple(entities),
                   params=params, scorer=scorer, scorer_options=options)

    @property
    def articles(self) -> pd.DataFrame:
        return self.tables["articles"]

    # ------------------------------------------------------------------ numbers
    def entity_frequencies(self) -> pd.DataFrame:
        return analysis.entity_frequencies(self.tables["mentions"], self.tables["entities"], top=self.top_n)

    def speaker_share(self) -> pd.DataFrame:
        return analysis.speaker_share(self.tables["quotes"], self.articles, top=self.top_n)

    def findings(self) -> list[str]:
        return analysis.key_findings(self.tables, mode=self.mode, top=self.top_n, freq=self.freq, follow=self.follow)

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

    def entity_chart(self) -> Chart | HTMLBlock:
        freq = self.entity_frequencies()
        if freq.empty:
            return HTMLBlock("<p>No people, organisations or places found.</p>", "No entities found.")
        return _close(entity_chart(freq))

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
            return HTMLBlock("<p>No dated articles: no trend to show.</p>", "No trend.")
        return _close(entity_trend_chart(trend))

    def speaker_chart(self) -> Chart | HTMLBlock:
        share = self.speaker_share()
        if share.empty:
            return HTMLBlock("<p>No reported speech found.</p>", "No quotes found.")
        return _close(speaker_chart(share))

    def speaker_table(self) -> HTMLBlock:
        share = self.speaker_share()
        shown = share[["speaker", "quotes", "words", "quote_share", "word_share", "example"]].rename(
            columns={"quote_share": "share of quotes", "word_share": "share of words", "example": "longest quote"})
        shown["longest quote"] = shown["longest quote"].map(clip)
        return table_block(shown, formats={"share of quotes": "{:.0%}", "share of words": "{:.0%}"})

    def quote_table(self, *, limit: int = 40) -> HTMLBlock:
        """Article: every quote in order. Corpus: the longest quote of each top speaker, with its article."""
        quotes = self.tables["quotes"]
        if self.mode == "article":
            return table_block(analysis.quote_table(quotes, limit=limit).drop(columns=["article_id"]))
        share = self.speaker_share()
        table = analysis.quote_table(quotes)
        table = table[table["speaker"].isin(share["speaker"])]
        table = table.sort_values("words", ascending=False).drop_duplicates("speaker").head(limit)
        titles = dict(zip(self.articles["article_id"], self.articles["title"]))
        table.insert(1, "article", table["article_id"].map(titles).fillna(table["article_id"]))
        table["quote"] = table["quote"].map(clip)
        return table_block(table.drop(columns=["article_id"]), caption="An example quote from each top speaker")

    def sentiment_chart(self) -> Chart | HTMLBlock:
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

    def entity_sentiment_chart(self) -> Chart | HTMLBlock | None:
        """Tone of the sentences that mention the top (or followed) entities: bars (article) or lines (corpus)."""
        from .analysis.sentiment import entity_sentiment
        from .charts.sentiment import entity_sentiment_chart

        if self.tables["mentions"].empty or self.tables["sentences"].empty:
            return None
        df = entity_sentiment(
            self.tables["sentences"], self.tables["mentions"], self.tables["entities"], self.articles,
            names=list(self.follow) or None, top=5, freq=self.freq if self.mode == "corpus" else None,
        )
        if df.empty or df["mean"].notna().sum() == 0:
            return None
        return _close(entity_sentiment_chart(df, title="Tone of sentences mentioning the leading entities"))

    def speaker_sentiment_chart(self) -> Chart | HTMLBlock | None:
        """Tone of what the most quoted speakers are quoted as saying (scored with the run's scorer)."""
        from .analysis.sentiment import speaker_sentiment
        from .charts.sentiment import entity_sentiment_chart

        quotes = self.tables["quotes"]
        if quotes.empty or quotes["speaker"].notna().sum() == 0:
            return None
        from .nlp.sentiment import get_scorer

        scorer = get_scorer(self.scorer, **dict(self.scorer_options)) if self.scorer_options else self.scorer
        df = speaker_sentiment(quotes, self.articles, scorer=scorer, top=5,
                               freq=self.freq if self.mode == "corpus" else None)
        if df.empty or df["mean"].notna().sum() == 0:
            return None
        return _close(entity_sentiment_chart(df, title="Tone of what the leading speakers are quoted as saying"))

    # ------------------------------------------------------------------ corpus sections
    def entities_by_type(self) -> HTMLBlock | None:
        """Corpus: the top entities of each type side by side (people, organisations, places)."""
        if self.mode != "corpus":
            return None
        freq = analysis.entity_frequencies(self.tables["mentions"], self.tables["entities"])
        parts = []
        for kind, heading in (("person", "People"), ("organisation", "Organisations"), ("place", "Places")):
            top = freq[freq["type"] == kind].head(self.top_n)[["name", "mentions", "articles"]]
            if not top.empty:
                parts.append(table_block(top, caption=heading).markup)
        markup = '<div class="nb-columns">' + "".join(f'<div class="nb-column">{p}</div>' for p in parts) + "</div>"
        return HTMLBlock(markup, "entities by type")

    def entity_trend(self) -> Chart | HTMLBlock | None:
        return self.entity_trend_chart() if self.mode == "corpus" else None

    def sources_section(self) -> HTMLBlock | None:
        """Corpus: heading plus the per-source table."""
        table = self.source_table()
        if table is None or self.articles["source"].nunique(dropna=False) < 2:
            return None
        return HTMLBlock("<h2>Sources compared</h2>" + table.markup, table.text)

    def articles_section(self) -> HTMLBlock | None:
        """Corpus: heading plus the article list."""
        listing = self.article_list()
        if listing is None:
            return None
        return HTMLBlock("<h2>Articles</h2>" + listing.markup, listing.text)

    def source_table(self) -> HTMLBlock | None:
        """Corpus: one row per source: articles, words, mean tone, most mentioned entity, most quoted speaker."""
        if self.mode != "corpus":
            return None
        a = self.articles
        tone = self.tables["sentences"].groupby("article_id")["sentiment"].mean().rename("tone")
        per = a.merge(tone, left_on="article_id", right_index=True, how="left")
        per["source"] = per["source"].fillna("(unknown)")
        out = per.groupby("source").agg(articles=("article_id", "size"), words=("n_words", "sum"), tone=("tone", "mean"))
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
        from .charts.sentiment import corpus_sentiment_chart

        timeline = analysis.corpus_timeline(self.articles, self.tables["sentences"], freq=self.freq, by="source")
        if timeline.empty or self.articles["source"].nunique() < 2:
            return None
        biggest = self.articles["source"].value_counts().head(4).index
        timeline = timeline[timeline["source"].isin(biggest)]
        if timeline.empty or timeline["n_articles"].sum() == 0:
            return None
        return _close(corpus_sentiment_chart(timeline))

    def article_list(self, *, limit: int = 300) -> HTMLBlock | None:
        """Corpus: every article with a link (http/https only), source, date, words and tone."""
        if self.mode != "corpus":
            return None
        a = self.articles.sort_values("published", ascending=False, na_position="last").head(limit)
        tone = self.tables["sentences"].groupby("article_id")["sentiment"].mean()
        rows = []
        esc = html.escape
        for r in a.itertuples(index=False):
            title = esc(str(r.title)) if r.title is not None and not pd.isna(r.title) else esc(str(r.article_id))
            url = str(r.url) if r.url is not None and not pd.isna(r.url) else ""
            link = f'<a href="{esc(url, quote=True)}">{title}</a>' if url.startswith(("http://", "https://")) else title
            when = "undated" if pd.isna(r.published) else pd.Timestamp(r.published).strftime("%Y-%m-%d")
            source = "unknown source" if r.source is None or pd.isna(r.source) else str(r.source)
            t = tone.get(r.article_id)
            rows.append(
                f"<tr><td>{link}</td><td>{esc(source)}</td><td>{when}</td>"
                f"<td>{int(r.n_words):,}</td><td>{'' if t is None or pd.isna(t) else _minus(f'{t:+.2f}')}</td></tr>"
            )
        markup = (
            '<div class="nb-table-wrap"><table class="nb-table"><thead><tr><th>article</th><th>source</th>'
            "<th>published</th><th>words</th><th>tone</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table></div>"
        )
        return HTMLBlock(markup, f"{len(rows)} articles")
