"""Publication dates: parse with python-dateutil, zone abbreviations from a news-oriented table."""

from __future__ import annotations

import re
from datetime import datetime, timezone

from dateutil import parser as dateutil_parser

# Abbreviations are ambiguous (IST is India, Ireland or Israel); this table picks the reading
# most common in English-language news datelines. UTC offsets in seconds.
TZINFOS: dict[str, int] = {
    "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "BST": 3600, "IST": 19800, "CET": 3600, "CEST": 7200,
    "EET": 7200, "EEST": 10800, "MSK": 10800, "GST": 14400, "PKT": 18000, "NPT": 20700,
    "ICT": 25200, "WIB": 25200, "HKT": 28800, "SGT": 28800, "PHT": 28800, "AWST": 28800,
    "CST": -21600, "CDT": -18000, "EST": -18000, "EDT": -14400, "MST": -25200, "MDT": -21600,
    "PST": -28800, "PDT": -25200, "AKST": -32400, "HST": -36000, "JST": 32400, "KST": 32400,
    "AEST": 36000, "AEDT": 39600, "ACST": 34200, "NZST": 43200, "NZDT": 46800, "SAST": 7200,
    "EAT": 10800, "WAT": 3600, "CAT": 7200, "BRT": -10800, "ART": -10800,
}

_JUNK_AFTER_TIME = re.compile(r"(\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*[^\d\sAPMapm+-].*$")


def parse_date(value: object) -> datetime | None:
    """Parse a date string or datetime into an aware UTC-comparable datetime, or None.

    Naive values are taken as UTC. Returns None for empty or unparseable input; callers
    decide whether that is worth a warning.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    text = str(value).strip()
    if not text or text.lower() in {"nan", "nat", "none", "null"}:
        return None
    for candidate in (text, _JUNK_AFTER_TIME.sub(r"\1", text)):
        try:
            parsed = dateutil_parser.parse(candidate, tzinfos=TZINFOS)
        except (ValueError, OverflowError, TypeError):
            continue
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
    return None
