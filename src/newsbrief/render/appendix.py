"""The corpus briefing's appendix: every table in full, as ``appendix.html`` and CSV files in the run folder.

The briefing stays short and links here. The page is standalone (CSS inlined, no script, no external file),
its markup comes from the Jinja templates in ``templates/appendix/`` (autoescaped) and passes the one
sanitizer; the CSV files hold the same rows for spreadsheets.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from markupsafe import Markup

from .. import analysis
from ..analysis.change import source_tone
from ..analysis.periods import source_labels
from ..present.formatters import fmt_day, fmt_source, fmt_text
from ..textutil import clip
from .pages import TEMPLATES, environment
from .sanitize import sanitize

#: Quotes shown per speaker in the HTML page (quotes.csv has every one).
QUOTES_PER_SPEAKER = 5
CSV_FILES = ("entities.csv", "speakers.csv", "quotes.csv", "articles.csv", "sources.csv")


@dataclass(frozen=True)
class AppendixTables:
    entities: pd.DataFrame
    speakers: pd.DataFrame
    quotes: pd.DataFrame
    articles: pd.DataFrame
    sources: pd.DataFrame


def appendix_tables(tables: dict[str, pd.DataFrame]) -> AppendixTables:
    """The full tables: entities, speakers, quotes (with their article), articles (with tone), sources."""
    articles, quotes = tables["articles"], tables["quotes"]
    entities = analysis.entity_frequencies(tables["mentions"], tables["entities"]).drop(columns=["entity_id", "label"])
    speakers = analysis.speaker_share(quotes, articles).drop(columns=["example"])
    titles = dict(zip(articles["article_id"], articles["title"]))
    q = analysis.quote_table(quotes)
    q.insert(1, "article", q["article_id"].map(titles).map(fmt_text))
    tone = tables["sentences"].groupby("article_id")["sentiment"].mean()
    a = articles.sort_values("published", ascending=False, na_position="last")
    listed = pd.DataFrame({
        "title": [fmt_text(t) or str(i) for t, i in zip(a["title"], a["article_id"])],
        "url": [u if fmt_text(u).startswith(("http://", "https://")) else "" for u in a["url"]],
        "source": a["source"].map(fmt_source), "published": a["published"].map(fmt_day),
        "words": a["n_words"].astype(int), "tone": a["article_id"].map(tone).astype(float),
        "article_id": a["article_id"],
    })
    per = source_tone(tables["sentences"], articles)
    src = articles.assign(source=source_labels(articles["source"])).groupby("source").agg(
        articles=("article_id", "size"), words=("n_words", "sum"))
    src["tone"] = per.groupby("group")["value"].mean()
    src["tone_sd"] = per.groupby("group")["value"].std()
    src = src.sort_values(["articles", "words"], ascending=False).reset_index()
    return AppendixTables(entities=entities, speakers=speakers, quotes=q, articles=listed, sources=src)


def _table(frame: pd.DataFrame, *, caption: str, formats: dict[str, str] | None = None) -> Markup:
    from ..present.blocks import table_block

    return Markup(table_block(frame, caption=caption, formats=formats).markup)


def appendix_page(tables: dict[str, pd.DataFrame], *, title: str) -> str:
    """The standalone, sanitised appendix page."""
    full = appendix_tables(tables)
    by_speaker = []
    for speaker, part in full.quotes.sort_values("words", ascending=False).groupby("speaker", sort=False):
        by_speaker.append((speaker, len(part), [
            {"quote": clip(r.quote, 400), "article": r.article, "kind": r.kind}
            for r in part.head(QUOTES_PER_SPEAKER).itertuples(index=False)]))
    order = {s: i for i, s in enumerate(full.speakers["speaker"])}
    by_speaker.sort(key=lambda item: order.get(item[0], len(order)))
    body = environment().get_template("appendix/body.html.j2").render(
        title=title,
        entities=_table(full.entities, caption=f"{len(full.entities):,} people, organisations and places",
                        formats={"share": "{:.2%}"}),
        speakers=_table(full.speakers, caption=f"{len(full.speakers):,} speakers",
                        formats={"quote_share": "{:.1%}", "word_share": "{:.1%}"}),
        sources=_table(full.sources, caption="Tone per source: mean and spread of article tone (−1..1)",
                       formats={"tone": "{:+.3f}", "tone_sd": "{:.3f}", "words": "{:,}"}),
        quotes=by_speaker, per_speaker=QUOTES_PER_SPEAKER,
        articles=[{**r, "tone": "" if pd.isna(r["tone"]) else f"{r['tone']:+.2f}".replace("-", "\u2212")}
                  for r in full.articles.to_dict("records")],
        csv_files=CSV_FILES,
    )
    css = (TEMPLATES / "briefing" / "briefing.css").read_text(encoding="utf-8")
    return environment().get_template("appendix/page.html.j2").render(title=title, css=Markup(css),
                                                                      body=Markup(sanitize(body)))


def write_appendix(folder: Path, tables: dict[str, pd.DataFrame], *, title: str) -> Path:
    """Write ``appendix.html`` and the CSV files into ``folder`` (the run's temporary folder)."""
    full = appendix_tables(tables)
    for name, frame in zip(CSV_FILES, (full.entities, full.speakers, full.quotes, full.articles, full.sources)):
        frame.to_csv(folder / name, index=False)
    path = folder / "appendix.html"
    path.write_text(appendix_page(tables, title=title), encoding="utf-8")
    return path
