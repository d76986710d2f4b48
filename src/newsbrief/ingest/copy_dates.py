"""The date of a browser copy: the first date line of its header, the published one before an update's, a date
inside a sentence (a photo caption, a teaser) only when no line is a date line."""

from __future__ import annotations

import re
from datetime import datetime

from ..dates import parse_date
from .bylines import BYLINE
from .copy_patterns import DATE, DATE_NO_YEAR, TIME, WEEKDAY, words


def parse_match(text: str) -> datetime | None:
    """A matched date (with or without its time); the time is dropped when it does not parse."""
    text = WEEKDAY.sub("", text).strip(" ,|-•")
    text = re.sub(r"\b((?:19|20)\d{2})(?=\d{1,2}[:.]\d{2})", r"\1 ", text)  # "NOV 20 20194:29 AM": year, hour glued
    found = parse_date(text)
    if found is None:
        text = re.sub(TIME + "$", "", text).strip(" ,|-•")
        found = parse_date(re.sub(r"\s+at$", "", text))
    return found


#: A date line's word before its date ("Published on", "Updated 12:24 am EST, Wednesday,").
DATE_WORD = re.compile(r"(?i)\b(?:published|updated|posted|modified|first appeared|dated?)\b[^|]{0,40}$")
UPDATED_WORD = re.compile(r"(?i)\b(?:updated|modified|edited)\b[^|]{0,40}$")
PUBLISHED_WORD = re.compile(r"(?i)\b(?:published|posted|first appeared)\b[^|]{0,40}$")


def _in_sentence(line: str, start: int) -> bool:
    """A date inside a sentence of prose (a photo caption: "... speaks during a campaign stop, Tuesday, Nov. 19, 2019,
    in Columbia."): five words or more before it, one of them in lowercase, and the line ends as a sentence does;
    never a byline or a date line ("By Jane Doe, Staff Writer | Published on November 18, 2019.")."""
    head = line[:start]
    before = head.split()
    if BYLINE.match(line) or "|" in head or DATE_WORD.search(head):
        return False
    return len(before) >= 5 and any(w[:1].islower() for w in before) and line.rstrip().endswith((".", ")", "”"))


def find_date(lines: list[str], year_hint: int | None) -> tuple[datetime | None, int | None]:
    """The first date line's date, the publication time before an update's ("Published Nov 19, 2019" beside the
    "Updated Nov 20, 2019" line); a date inside a sentence (a caption, a teaser) only when no line is a date line."""
    found, at = _find_date_line(lines, year_hint, sentences=False)
    if found is None:
        return _find_date_line(lines, year_hint, sentences=True)
    if at is not None and (m := DATE.search(lines[at])) and UPDATED_WORD.search(lines[at][:m.start()]):
        for j in sorted(range(max(0, at - 3), min(len(lines), at + 4)), key=lambda j: abs(j - at)):
            line = lines[j]
            if j != at and len(line) <= 160 and (m := DATE.search(line)) and PUBLISHED_WORD.search(line[:m.start()]) \
                    and (published := parse_match(m.group(0))) is not None:
                return published, j
    return found, at


def _find_date_line(lines: list[str], year_hint: int | None, *, sentences: bool) -> tuple[datetime | None, int | None]:
    for i, line in enumerate(lines):
        if len(line) > 160:  # a paragraph: only a dateline at its start ("Feb. 23, 2015 -- Life ...")
            match = DATE.match(line)
            if match and re.match(r"\s*(?:--|[-—–:])\s", line[match.end():]):
                found = parse_match(match.group(0))
                if found is not None:
                    return found, i
            continue
        match = DATE.search(line)
        if match:
            if _in_sentence(line, match.start()) != sentences:
                continue  # a caption's date now, a date line's then: never its month and day read as a short date
            found = _published_in(line, year_hint) or _timed(line, match) or parse_match(match.group(0))
            if found is not None:
                return found, i
        if sentences:
            continue
        if (dotted := _dotted(line)) is not None:
            return dotted, i
        match = DATE_NO_YEAR.search(line)
        if match and year_hint and (BYLINE.match(line) or len(words(line)) <= 12):
            found = _published_in(line, year_hint) or parse_date(f"{match.group(0).strip(' ,|-•')} {year_hint}")
            if found is not None:
                return found, i
    return None, None


#: A time written before its date ("11:11 PM EST Nov 19, 2019", "5:45 AM PST 11/19/2019").
TIME_BEFORE = re.compile(r"(?P<time>\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*(?-i:[A-Z]{2,4})\b)?)[\s,|•-]*$",
                         re.IGNORECASE)


def _timed(line: str, match: re.Match[str]) -> datetime | None:
    """The date of ``match`` with the time written just before it, when there is one and the date has none."""
    before = TIME_BEFORE.search(line, 0, match.start())
    if before is None or re.search(r"\d[:.]\d{2}", match.group(0)):
        return None
    return parse_match(f"{match.group(0).strip(' ,|-•')} {before.group('time')}")


def _published_in(line: str, year_hint: int | None) -> datetime | None:
    """The publication date of a line showing two ("Updated Nov 19, 9:41 AM; Posted Nov 18, 8:19 PM"): the one a
    published word stands before; None when the line shows one date or none is marked published."""
    dated = [(m.start(), m.end(), m.group(0), True) for m in DATE.finditer(line)]
    found = sorted(dated + [(m.start(), m.end(), m.group(0), False) for m in DATE_NO_YEAR.finditer(line)
                            if not any(start <= m.start() < end for start, end, _, _ in dated)])  # "Nov 20th, 2019"
    if len(found) < 2:
        return None
    last = 0
    for start, end, text, with_year in found:
        if PUBLISHED_WORD.search(line[last:start]):
            if with_year:
                return parse_match(text)
            return parse_date(f"{text.strip(' ,|-•;')} {year_hint}") if year_hint else None
        last = end
    return None


def find_shown_date(lines: list[str]) -> datetime | None:
    """The first full date in ``lines`` (date lines, bylines, a dateline opening a paragraph)."""
    return find_date(lines, None)[0]


#: A numeric date with dots on a short date line ("13.11.2019, 23:06", "11.14.2019 09:00 AM").
DOTTED = re.compile(r"^\W*(?P<a>\d{1,2})\.(?P<b>\d{1,2})\.(?P<y>(?:19|20)\d{2})\b(?P<time>" + TIME + ")")


def _dotted(line: str) -> datetime | None:
    """The date of a date line opening with a dotted numeric date: day first, as in the languages that write dots,
    unless the first number cannot be a day's month and the second can ("11.14.2019" is November 14)."""
    match = DOTTED.match(line) if len(words(line)) <= 12 else None
    if match is None:
        return None
    a, b = int(match.group("a")), int(match.group("b"))
    day, month = (b, a) if b > 12 >= a else (a, b)
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    time = match.group("time").strip(" ,|•-")
    return parse_match(f"{match.group('y')}-{month:02d}-{day:02d} {time}".strip())
