"""How dates, sources and numbers read in every briefing, email and explorer view."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Literal

import pandas as pd

from ..analysis.change import Span
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


def pct(share: float) -> str:
    """A share as a percentage, the one rule of briefings, emails and the appendix: one decimal below 10% (0.4%,
    5.5%), none from 10% (12%); a share above zero that would read 0.0% reads <0.1%."""
    if 0 < share < 0.0005:
        return "<0.1%"
    return f"{share:.1%}" if share < 0.0995 else f"{share:.0%}"


ELLIPSIS = "\u2026"
_SPACE = re.compile(r"\s+")


def clip(text: object, limit: int = 280, *, keep: Literal["start", "end"] = "start", words: bool = True,
         strip: bool = True) -> str:
    """``text`` on one line (runs of whitespace as one space), at most ``limit`` characters: where it is longer,
    cut with an ellipsis, the one cut of every briefing, email, chart label and appendix.

    ``keep="start"`` keeps the beginning (the ellipsis last), ``"end"`` the end (the ellipsis first). With ``words``
    the cut falls at a word boundary when one is in the kept half (``"a long tit …"``), else anywhere
    (``"a long titl…"``, fixed-width columns). ``strip=False`` keeps a space at either end (pieces of a sentence
    joined again). Missing values (None, NaN) are ``''``."""
    if is_missing(text):
        return ""
    value = _SPACE.sub(" ", str(text))
    value = value.strip() if strip else value
    if len(value) <= limit:
        return value
    if keep == "end":
        cut = value[len(value) - limit + 1:]
        if words and " " in cut[: limit // 2]:
            cut = cut.split(" ", 1)[1]
        return ELLIPSIS + cut
    cut = value[: limit - 1]
    if not words:
        return cut + ELLIPSIS
    if " " in cut[limit // 2:]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(",;: ") + " " + ELLIPSIS


def fmt_source(value: Any) -> str:
    return UNKNOWN_SOURCE if is_missing(value) else " ".join(str(value).split())


def fmt_text(value: Any) -> str:
    """A metadata value on one line ('' when missing)."""
    return "" if is_missing(value) else " ".join(str(value).split())


def _page_name(page: Any) -> str:
    """A recorded page as ``skipped.csv`` lists it (relative to the input folder); an absolute path (recorded by an
    older run) by its file name."""
    text = str(page)
    return text.rsplit("/", 1)[-1] if text.startswith("/") or re.match(r"[A-Za-z]:[\\/]", text) else text


def skipped_note(record: Mapping[str, Any] | None, *, limit: int = 5) -> str | None:
    """"2 of 64 pages could not be read: a.html (the file is empty); b.txt (in Korean (ko), ...)." from what a
    run's ingest recorded (``{"pages": n, "skipped": [{"page", "reason"}]}``); None when nothing was skipped."""
    skipped = list((record or {}).get("skipped") or [])
    if not skipped:
        return None
    pages = int((record or {}).get("pages") or len(skipped))
    named = "; ".join(f"{_page_name(s['page'])} ({s['reason']})" for s in skipped[:limit])
    more = f"; and {len(skipped) - limit:,} more (skipped.csv lists every one)" if len(skipped) > limit else ""
    return f"{len(skipped):,} of {pages:,} pages could not be read: {named}{more}."


def run_notes(fetched: tuple[int, int] | None, ingest: Mapping[str, Any] | None) -> list[str]:
    """Notes on a run: links (``fetched``: failed, links) and pages that could not be read, dates that were flagged
    (``ingest``: what the run's ingest recorded)."""
    notes = (fetch_note(fetched), skipped_note(ingest), flagged_dates_note(ingest))
    return [note for note in notes if note]


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


def article_title(articles: pd.DataFrame) -> str | None:
    """An article briefing's title when the params give none: its article's (None when it has none)."""
    first = articles["title"].iloc[0] if len(articles) and "title" in articles else None
    return None if is_missing(first) else str(first)


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


# ---------------------------------------------------------------------------------------------- periods
# Every name of a period a briefing, an email or the explorer shows is built here.
_PERIOD_NOUNS = {"W": "week", "D": "day", "M": "month"}


def period_noun(freq: str) -> str:
    """'week', 'day', 'month' for a ``freq`` ('period' for any other)."""
    return _PERIOD_NOUNS.get(freq.upper()[:1], "period")


def fmt_period(period: pd.Timestamp, freq: str) -> str:
    """A ``freq`` period by its start: 'the week of 5 March 1987', '5 March 1987', 'March 1987'."""
    stamp = pd.Timestamp(period)
    day = f"{stamp.day} {stamp:%B %Y}"
    f = freq.upper()[:1]
    return {"D": day, "M": f"{stamp:%B %Y}"}.get(f, f"the {period_noun(freq)} of {day}")


def when(period: pd.Timestamp, freq: str) -> str:
    """A ``freq`` period (its start) in a sentence: 'in the week of 5 March 1987', 'on 5 March 1987',
    'in March 1987'."""
    f = freq.upper()[:1]
    if f not in _PERIOD_NOUNS:
        return f"in the period from {fmt_period(period, 'D')}"
    return f"{'on' if f == 'D' else 'in'} {fmt_period(period, freq)}"


def previous_period(freq: str) -> str:
    """'the previous week' (day, month, period)."""
    return f"the previous {period_noun(freq)}"


_SPANS = {"earlier": "all earlier articles", "corpus": "the whole corpus", "this": "this corpus",
          "baseline": "the baseline store", "last-run": "the last run", "none": ""}


def span_label(span: Span) -> str:
    """What one side of a comparison covers, in words: 'the week of 5 March 1987', 'the 3 weeks from 12 February
    to 26 February 1987', '1 August 2017 to 31 August 2017', 'all earlier articles', 'the baseline store'."""
    if span.kind in _SPANS or span.first is None or span.last is None:
        return _SPANS.get(span.kind, "")
    first, last = pd.Timestamp(span.first), pd.Timestamp(span.last)
    if span.kind == "range":
        return f"{fmt_period(first, 'D')} to {fmt_period(last, 'D')}"
    if first == last:
        return fmt_period(first, span.freq)
    n = len(pd.period_range(first, last, freq=span.freq))
    return f"the {n} {period_noun(span.freq)}s from {first.day} {first:%B} to {fmt_period(last, 'D')}"


def no_comparison(split: Any) -> str:
    """Why a comparison (a split of :mod:`newsbrief.analysis.change` or :mod:`~newsbrief.analysis.db_change`) has
    nothing to compare, in words ('' when it has)."""
    if split.usable:
        return ""
    if split.reason:
        return str(split.reason)
    if split.base_span.kind == "range":
        return f"no article outside the focus was published from {span_label(split.base_span)}"
    return ""
