"""Publication dates: parse with python-dateutil, zone names from a news-oriented table.

Only what the input states is stored: a date without a year, month or day ("2017", "Monday", "12") is never
completed from today's date; it is read as missing, with the reason, for the caller's one summary warning.
"""

from __future__ import annotations

import re
import warnings
from datetime import date, datetime, timezone, tzinfo
from typing import NamedTuple
from zoneinfo import ZoneInfo

from dateutil import parser as dateutil_parser

# Abbreviations are ambiguous (IST is India, Ireland or Israel); this table picks the reading
# most common in English-language news datelines. UTC offsets in seconds.
TZINFOS: dict[str, int | tzinfo] = {
    "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "BST": 3600, "IST": 19800, "CET": 3600, "CEST": 7200,
    "EET": 7200, "EEST": 10800, "MSK": 10800, "GST": 14400, "PKT": 18000, "NPT": 20700,
    "ICT": 25200, "WIB": 25200, "HKT": 28800, "SGT": 28800, "PHT": 28800, "AWST": 28800,
    "CST": -21600, "CDT": -18000, "EST": -18000, "EDT": -14400, "MST": -25200, "MDT": -21600,
    "PST": -28800, "PDT": -25200, "AKST": -32400, "HST": -36000, "JST": 32400, "KST": 32400,
    "AEST": 36000, "AEDT": 39600, "ACST": 34200, "NZST": 43200, "NZDT": 46800, "SAST": 7200,
    "EAT": 10800, "WAT": 3600, "CAT": 7200, "BRT": -10800, "ART": -10800,
    # US papers write the zone without standard/daylight ("8:01 AM ET"): the zone's offset on that date.
    "ET": ZoneInfo("America/New_York"), "CT": ZoneInfo("America/Chicago"), "MT": ZoneInfo("America/Denver"),
    "PT": ZoneInfo("America/Los_Angeles"), "AKT": ZoneInfo("America/Anchorage"),
    "AT": ZoneInfo("America/Halifax"),
}

_JUNK_AFTER_TIME = re.compile(r"(\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*[^\d\sAPMapm+-].*$")
#: "8:01 a.m." -> "8:01 am" (dateutil reads "a.m." as two tokens).
_DOTTED_MERIDIEM = re.compile(r"\b([ap])\.m\.", re.IGNORECASE)
_EMPTY = frozenset({"nan", "nat", "none", "null"})
# Two defaults that differ in every field: a field dateutil took from the default is one the text lacks.
_DEFAULTS = (datetime(2000, 1, 1), datetime(2001, 2, 2))


class DateReading(NamedTuple):
    """A parsed date (aware, UTC) or None, and why it is missing or doubtful (None when all is well)."""

    value: datetime | None
    problem: str | None = None


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def _missing_parts(a: datetime, b: datetime) -> str | None:
    if a.year != b.year:
        return "no year"
    if a.month != b.month:
        return "year only"
    if a.day != b.day:
        return "no day"
    return None


def _dateutil(text: str) -> DateReading | None:
    """Both readings of ``text`` (one per default), or None when dateutil cannot read it."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            first, second = (dateutil_parser.parse(text, default=d, tzinfos=TZINFOS) for d in _DEFAULTS)
        except (ValueError, OverflowError, TypeError):
            return None
    missing = _missing_parts(first, second)
    if missing is not None:
        return DateReading(None, f"partial date ({missing}): left undated rather than completed from today")
    unknown = [str(w.message) for w in caught if type(w.message).__name__ == "UnknownTimezoneWarning"]
    if unknown:
        zone = re.search(r"tzname (\S+)", unknown[0])
        name = zone.group(1) if zone else "?"
        return DateReading(_aware(first), f"unknown time zone {name}: read as UTC")
    return DateReading(_aware(first))


def read_date(value: object) -> DateReading:
    """Read a date string or datetime as an aware UTC-comparable datetime, with the problem if any.

    Naive values are taken as UTC. Empty input is missing without a problem; unreadable or partial input is
    missing with one; an unknown zone name is read as UTC with one.
    """
    if value is None:
        return DateReading(None)
    if isinstance(value, datetime):
        return DateReading(_aware(value))
    if isinstance(value, date):
        return DateReading(datetime(value.year, value.month, value.day, tzinfo=timezone.utc))
    text = str(value).strip()
    if not text or text.lower() in _EMPTY:
        return DateReading(None)
    if len(text) >= 10 and text[4] == "-":  # ISO 8601, the common case in tables: no dateutil needed
        try:
            return DateReading(_aware(datetime.fromisoformat(text)))
        except ValueError:
            pass
    text = _DOTTED_MERIDIEM.sub(r"\1m", text)
    for candidate in dict.fromkeys((text, _JUNK_AFTER_TIME.sub(r"\1", text))):
        reading = _dateutil(candidate)
        if reading is not None:
            return reading
    return DateReading(None, "not a date")


def parse_date(value: object) -> datetime | None:
    """The date :func:`read_date` reads, or None (missing, unreadable or partial)."""
    return read_date(value).value
