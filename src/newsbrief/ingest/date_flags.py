"""Dates a news corpus should not be spread over: before 1990, after tomorrow, or far from every other date.

Before 1990 is the web-news era's bound; a corpus most of whose dates are earlier (an archive such as
Reuters-21578, 1987) keeps them, and only its far outliers are flagged.

A date far from the rest is flagged only when it is alone there: a few old stories spread over months are
content, one video page dated 2010 in a 2014-2015 corpus (or two pages with the same placeholder date) are not.
A flagged date is left out (the article stays, undated) so that it does not stretch the corpus's period and
timeline over years; the caller lists the flagged articles once.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from .model import Article, FlaggedDate

#: Earliest plausible publication date of a news article in a corpus (the web-news era).
EARLIEST = datetime(1990, 1, 1, tzinfo=UTC)
#: A date this many interquartile ranges before the first quartile or after the third is far from the rest ...
FENCE_IQRS = 3.0
#: ... and at least this far (a corpus of one week keeps an article of the month before).
MIN_FENCE = timedelta(days=730)
#: Outliers are judged only in a corpus with at least this many dated articles.
MIN_DATED = 5
#: A date beyond the fence is kept when at least MIN_COMPANY other articles, on other days, are within ISOLATION.
ISOLATION = timedelta(days=365)
MIN_COMPANY = 2


def date_window(*, earliest: datetime | None = None, latest: datetime | None = None) -> tuple[datetime, datetime]:
    """The plausible publication window: default 1990-01-01 to tomorrow (UTC)."""
    return (earliest or EARLIEST, latest or datetime.now(UTC) + timedelta(days=1))


def _quartiles(stamps: Sequence[float]) -> tuple[float, float]:
    ordered = sorted(stamps)

    def at(q: float) -> float:
        pos = q * (len(ordered) - 1)
        lo = int(pos)
        hi = min(lo + 1, len(ordered) - 1)
        return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)

    return at(0.25), at(0.75)


def date_problem(published: datetime, *, window: tuple[datetime, datetime],
                 fence: tuple[datetime, datetime] | None, days: Sequence[int] = ()) -> str | None:
    """Why ``published`` is left out, or None. ``days``: the sorted distinct days (ordinals) of the corpus's
    plausible dates, to tell a date alone beyond the fence from one among others."""
    lo, hi = window
    if published < lo:
        return f"before {lo.date().isoformat()}"
    if published > hi:
        return "in the future"
    if fence is not None and not fence[0] <= published <= fence[1] and _company(published, days) < MIN_COMPANY:
        return (f"far outside the other dates ({fence[0].date().isoformat()} to {fence[1].date().isoformat()}) "
                "and alone there")
    return None


def _company(published: datetime, days: Sequence[int]) -> int:
    """Other days within :data:`ISOLATION` of ``published`` on which an article of the corpus is dated."""
    own = published.date().toordinal()
    reach = ISOLATION.days
    near = bisect_right(days, own + reach) - bisect_left(days, own - reach)
    at_own = bisect_right(days, own) - bisect_left(days, own)
    return near - at_own


def corpus_fence(dates: Sequence[datetime]) -> tuple[datetime, datetime] | None:
    """The span outside which a date is far from the rest (None for fewer than :data:`MIN_DATED` dates)."""
    if len(dates) < MIN_DATED:
        return None
    q1, q3 = _quartiles([d.timestamp() for d in dates])
    reach = max(FENCE_IQRS * (q3 - q1), MIN_FENCE.total_seconds())
    return (datetime.fromtimestamp(q1 - reach, tz=UTC), datetime.fromtimestamp(q3 + reach, tz=UTC))


def flag_dates(articles: Sequence[Article], *,
               window: tuple[datetime, datetime] | None = None) -> list[FlaggedDate]:
    """Leave out implausible and far-outlying dates (set to None); return the articles left undated, e.g.
    ``<origin>: 1900-01-01 (before 1990-01-01)``."""
    window = window or date_window()
    lo, hi = window
    dated = [a.published for a in articles if a.published is not None and a.published <= hi]
    if len(dated) >= MIN_DATED and 2 * sum(d < lo for d in dated) >= len(dated):
        # An archive (Reuters-21578 is 1987): the early dates are the corpus; only far outliers are flagged.
        window = (datetime.min.replace(tzinfo=UTC), hi)
        lo = window[0]
    plausible = [d for d in dated if d >= lo]
    fence = corpus_fence(plausible)
    days = sorted({d.date().toordinal() for d in plausible}) if fence is not None else []
    flagged = []
    for article in articles:
        if article.published is None:
            continue
        problem = date_problem(article.published, window=window, fence=fence, days=days)
        if problem is not None:
            flagged.append(FlaggedDate(page=article.origin or article.article_id,
                                       date=article.published.date().isoformat(), reason=problem))
            article.published = None
    return flagged
