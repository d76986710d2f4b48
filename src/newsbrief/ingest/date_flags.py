"""Dates a news corpus should not be spread over: before 1990, after tomorrow, or far from every other date.

Before 1990 is the web-news era's bound; a corpus most of whose dates are earlier (an archive such as
Reuters-21578, 1987) keeps them, and only its far outliers are flagged.

A flagged date is left out (the article stays, undated) so that one video page dated 2010 does not stretch a
2014-2015 corpus's period and timeline over five years; the caller lists the flagged articles once.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta, timezone

from .model import Article

#: Earliest plausible publication date of a news article in a corpus (the web-news era).
EARLIEST = datetime(1990, 1, 1, tzinfo=timezone.utc)
#: A date this many interquartile ranges before the first quartile or after the third is far from the rest ...
FENCE_IQRS = 3.0
#: ... and at least this far (a corpus of one week keeps an article of the month before).
MIN_FENCE = timedelta(days=730)
#: Outliers are judged only in a corpus with at least this many dated articles.
MIN_DATED = 5


def date_window(*, earliest: datetime | None = None, latest: datetime | None = None) -> tuple[datetime, datetime]:
    """The plausible publication window: default 1990-01-01 to tomorrow (UTC)."""
    return (earliest or EARLIEST, latest or datetime.now(timezone.utc) + timedelta(days=1))


def _quartiles(stamps: Sequence[float]) -> tuple[float, float]:
    ordered = sorted(stamps)

    def at(q: float) -> float:
        pos = q * (len(ordered) - 1)
        lo = int(pos)
        hi = min(lo + 1, len(ordered) - 1)
        return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)

    return at(0.25), at(0.75)


def date_problem(published: datetime, *, window: tuple[datetime, datetime],
                 fence: tuple[datetime, datetime] | None) -> str | None:
    lo, hi = window
    if published < lo:
        return f"before {lo.date().isoformat()}"
    if published > hi:
        return "in the future"
    if fence is not None and not fence[0] <= published <= fence[1]:
        return f"far outside the other dates ({fence[0].date().isoformat()} to {fence[1].date().isoformat()})"
    return None


def corpus_fence(dates: Sequence[datetime]) -> tuple[datetime, datetime] | None:
    """The span outside which a date is far from the rest (None for fewer than :data:`MIN_DATED` dates)."""
    if len(dates) < MIN_DATED:
        return None
    q1, q3 = _quartiles([d.timestamp() for d in dates])
    reach = max(FENCE_IQRS * (q3 - q1), MIN_FENCE.total_seconds())
    return (datetime.fromtimestamp(q1 - reach, tz=timezone.utc), datetime.fromtimestamp(q3 + reach, tz=timezone.utc))


def flag_dates(articles: Sequence[Article], *, window: tuple[datetime, datetime] | None = None) -> list[str]:
    """Leave out implausible and far-outlying dates (set to None); return one line per article left undated:
    ``"<origin>: 1900-01-01 (before 1990-01-01)"``."""
    window = window or date_window()
    lo, hi = window
    dated = [a.published for a in articles if a.published is not None and a.published <= hi]
    if len(dated) >= MIN_DATED and 2 * sum(d < lo for d in dated) >= len(dated):
        # An archive (Reuters-21578 is 1987): the early dates are the corpus; only far outliers are flagged.
        window = (datetime.min.replace(tzinfo=timezone.utc), hi)
        lo = window[0]
    plausible = [d for d in dated if d >= lo]
    fence = corpus_fence(plausible)
    flagged = []
    for article in articles:
        if article.published is None:
            continue
        problem = date_problem(article.published, window=window, fence=fence)
        if problem is not None:
            flagged.append(f"{article.origin or article.article_id}: {article.published.date().isoformat()} ({problem})")
            article.published = None
    return flagged
