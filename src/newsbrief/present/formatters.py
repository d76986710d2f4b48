"""How dates, sources and numbers read in every briefing, email and explorer view."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from ..analysis.periods import UNKNOWN_SOURCE

UNDATED = "undated"


def is_missing(value: Any) -> bool:
    """None, NaN/NA/NaT or a blank string."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def fmt_date(value: Any) -> str:
    """``6 April 2021, 12:29 UTC``; a date given without a time shows no time; missing: ``undated``."""
    if is_missing(value):
        return UNDATED
    stamp = pd.Timestamp(value)
    if stamp.tzinfo is not None:
        stamp = stamp.tz_convert("UTC")
    if stamp.hour == stamp.minute == stamp.second == 0:
        return stamp.strftime("%d %B %Y").lstrip("0")
    return stamp.strftime("%d %B %Y, %H:%M UTC").lstrip("0")


def fmt_day(value: Any) -> str:
    """``2021-04-06`` (UTC), or an empty string when missing."""
    if is_missing(value):
        return ""
    stamp = pd.Timestamp(value)
    if stamp.tzinfo is not None:
        stamp = stamp.tz_convert("UTC")
    return stamp.strftime("%Y-%m-%d")


def fmt_source(value: Any) -> str:
    return UNKNOWN_SOURCE if is_missing(value) else " ".join(str(value).split())


def fmt_text(value: Any) -> str:
    """A metadata value on one line ('' when missing)."""
    return "" if is_missing(value) else " ".join(str(value).split())


def skipped_note(record: Mapping[str, Any] | None, *, limit: int = 5) -> str | None:
    """"2 of 64 pages could not be read: a.html (the file is empty); b.txt (in Korean (ko), ...)." from what a
    run's ingest recorded (``{"pages": n, "skipped": [{"page", "reason"}]}``); None when nothing was skipped."""
    skipped = list((record or {}).get("skipped") or [])
    if not skipped:
        return None
    pages = int((record or {}).get("pages") or len(skipped))
    named = "; ".join(f"{str(s['page']).rsplit('/', 1)[-1]} ({s['reason']})" for s in skipped[:limit])
    more = f"; and {len(skipped) - limit:,} more (skipped.csv lists every one)" if len(skipped) > limit else ""
    return f"{len(skipped):,} of {pages:,} pages could not be read: {named}{more}."


def flagged_dates_note(record: Mapping[str, Any] | None, *, limit: int = 5) -> str | None:
    """"2 articles' dates were left out of the period and timeline: a.html: 2010-01-01 (far outside the other
    dates ...)." from what a run's ingest recorded (``{"flagged_dates": [{"page", "date", "reason"}]}``)."""
    flagged = list((record or {}).get("flagged_dates") or [])
    if not flagged:
        return None
    named = "; ".join(f"{str(f['page']).rsplit('/', 1)[-1]}: {f['date']} ({f['reason']})" for f in flagged[:limit])
    more = f"; and {len(flagged) - limit:,} more" if len(flagged) > limit else ""
    what = "1 article's date was" if len(flagged) == 1 else f"{len(flagged):,} articles' dates were"
    return f"{what} left out of the period and timeline as implausible (the articles count, undated): {named}{more}."


def article_titles(article_ids: pd.Series, articles: pd.DataFrame) -> pd.Series:
    """The title of each article id, or the id itself when the article has no title (never all-NA:
    pandas maps a column whose values are all missing to an untyped column that cannot be filled)."""
    titles = {i: fmt_text(t) for i, t in zip(articles["article_id"], articles["title"] if "title" in articles
                                              else [None] * len(articles))}
    return pd.Series([titles.get(i) or str(i) for i in article_ids], index=article_ids.index, dtype=object)


def header_rows(articles: pd.DataFrame, *, with_url: bool = True) -> list[tuple[str, str]]:
    """The facts under an article briefing's title: source, author, (URL,) date and words of its article."""
    rows: list[tuple[str, str]] = []
    if not len(articles):
        return rows
    first = articles.iloc[0]
    rows.append(("Source", fmt_source(first.get("source"))))
    keys = (("Author", "author"), ("URL", "url")) if with_url else (("Author", "author"),)
    for label, key in keys:
        value = fmt_text(first.get(key))
        if value:
            rows.append((label, value))
    rows.append(("Published", fmt_date(first.get("published"))))
    rows.append(("Words", f"{int(first['n_words']):,}"))
    return rows


def corpus_rows(summary: Mapping[str, Any]) -> list[tuple[str, str]]:
    """A corpus header from its summary (articles, dated, first, last, sources, words), however counted."""
    n, dated = int(summary["articles"]), int(summary["dated"])
    period = f"{fmt_date(summary['first'])} to {fmt_date(summary['last'])}" if dated else "all undated"
    if dated and n - dated:
        period += f" ({n - dated:,} undated)"
    words = summary["words"]
    return [("Articles", f"{n:,}"), ("Sources", f"{int(summary['sources']):,}"), ("Period", period),
            ("Words", f"{int(0 if words is None or pd.isna(words) else words):,}")]


def fetch_note(counts: tuple[int, int] | None) -> str | None:
    """``3 of 120 links could not be read (each is listed in fetch.csv).`` from (failed, links); None when all
    were read or nothing was fetched."""
    if not counts or not counts[0]:
        return None
    failed, total = counts
    return f"{failed:,} of {total:,} links could not be read (each is listed with its reason in fetch.csv)."


_PERIOD_NOUNS = {"W": "week", "D": "day", "M": "month"}


def when(period: pd.Timestamp, freq: str) -> str:
    """A ``freq`` period (its start) in a sentence: 'in the week of 5 March 1987', 'on 5 March 1987',
    'in March 1987'."""
    day = f"{period.day} {period:%B %Y}"
    f = freq.upper()[:1]
    phrases = {"W": f"in the week of {day}", "D": f"on {day}", "M": f"in {period:%B %Y}"}
    return phrases.get(f, f"in the period from {day}")


def previous_period(freq: str) -> str:
    """'the previous week' (day, month, period)."""
    return f"the previous {_PERIOD_NOUNS.get(freq.upper()[:1], 'period')}"
