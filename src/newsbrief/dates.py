"""Publication dates: parse with python-dateutil, zone names from a news-oriented table.

Only what the input states is stored: a date without a year, month or day ("2017", "Monday", "12") is never
completed from today's date; it is read as missing, with the reason, for the caller's one summary warning.
"""

from __future__ import annotations

import re
import warnings
from datetime import UTC, date, datetime, tzinfo
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
#: "UTC+2", "GMT-05:00": news means east of Greenwich for +; dateutil reads them the POSIX way (UTC+2 as UTC-2).
_UTC_OFFSET = re.compile(r"\b(?:UTC|GMT)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?\b", re.IGNORECASE)
#: Unix time in seconds (10 digits, optional fraction) or milliseconds (13 digits), as JSON exports of APIs write it.
_EPOCH = re.compile(r"^(\d{10})(?:\.\d+)?$|^(\d{13})$")
#: "Jan 13, 2017 | 5:00 PM PT", "13 Aug 2017 • 10:00", "Aug 13, 2017 at 8:01": the date and the time apart.
_SEPARATOR = re.compile(r"\s*[|•·]\s*|\s+at\s+(?=\d)", re.IGNORECASE)
_EMPTY = frozenset({"nan", "nat", "none", "null"})
# dateutil fills what a text lacks from a default. Year 4 (a leap year, so "Feb 29" parses) is no news year: a
# result in it has no year. A month or day of 1 may be the default's: only then is the text parsed again with a
# second default, and a field that changes with the default is one the text lacks.
_DEFAULTS = (datetime(4, 1, 1), datetime(2001, 2, 2))


class DateReading(NamedTuple):
    """A parsed date (aware, UTC) or None, and why it is missing or doubtful (None when all is well)."""

    value: datetime | None
    problem: str | None = None


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


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
            first = dateutil_parser.parse(text, default=_DEFAULTS[0], tzinfos=TZINFOS)
            second = first
            if first.year != _DEFAULTS[0].year and (first.month == 1 or first.day == 1):
                second = dateutil_parser.parse(text, default=_DEFAULTS[1], tzinfos=TZINFOS)
        except (ValueError, OverflowError, TypeError):
            return None
    missing = "no year" if first.year == _DEFAULTS[0].year else _missing_parts(first, second)
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
        if value != value:  # pandas' NaT (a missing timestamp in a Parquet column) is a datetime unequal to itself
            return DateReading(None)
        return DateReading(_aware(value))
    if isinstance(value, date):
        return DateReading(datetime(value.year, value.month, value.day, tzinfo=UTC))
    if isinstance(value, bool):
        return DateReading(None, "not a date")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if not text or text.lower() in _EMPTY:
        return DateReading(None)
    epoch = _EPOCH.match(text)
    if epoch:
        seconds = float(text) if epoch.group(1) else int(text) / 1000
        return DateReading(datetime.fromtimestamp(seconds, tz=UTC))
    if len(text) >= 10 and text[4] == "-":  # ISO 8601, the common case in tables: no dateutil needed
        try:
            return DateReading(_aware(datetime.fromisoformat(text)))
        except ValueError:
            pass
    text = _SEPARATOR.sub(" ", _DOTTED_MERIDIEM.sub(r"\1m", text))
    text = _UTC_OFFSET.sub(lambda m: f" {m.group(1)}{int(m.group(2)):02d}:{m.group(3) or '00'}", text)
    for candidate in dict.fromkeys((text, _JUNK_AFTER_TIME.sub(r"\1", text))):
        reading = _dateutil(candidate)
        if reading is not None:
            return reading
    return DateReading(None, "not a date")


def parse_date(value: object) -> datetime | None:
    """The date :func:`read_date` reads, or None (missing, unreadable or partial)."""
    return read_date(value).value
