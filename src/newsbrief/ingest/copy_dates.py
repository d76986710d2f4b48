"""The date of a browser copy: the first date line of its header, the published one before an update's, a date
inside a sentence (a photo caption, a teaser) only when no line is a date line."""

from __future__ import annotations

import re
from datetime import datetime

from ..dates import TZINFOS, parse_date
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


def in_sentence(line: str, start: int) -> bool:
    """A date inside a sentence of prose (a photo caption: "... speaks during a campaign stop, Tuesday, Nov. 19, 2019,
    in Columbia."): five words or more before it, one of them in lowercase, and the line ends as a sentence does (a
    full stop, "!" or "?"); never a byline or a date line ("By Jane Doe, Staff Writer | Published on November 18,
    2019.")."""
    head = line[:start]
    before = head.split()
    if BYLINE.match(line) or "|" in head or DATE_WORD.search(head):
        return False
    return len(before) >= 5 and any(w[:1].islower() for w in before) and \
        line.rstrip().endswith((".", "!", "?", ")", "”"))  # a sentence, stated, exclaimed or asked


def find_date(lines: list[str], year_hint: int | None, *,
              day_first: bool | None = None) -> tuple[datetime | None, int | None]:
    """The first date line's date, the publication time before an update's ("Published Nov 19, 2019" beside the
    "Updated Nov 20, 2019" line); a date inside a sentence (a caption, a teaser) only when no line is a date line.
    ``day_first``: a dotted date "04.05.2019" that the lines show no order for is 4 May (a page in a language that
    writes dates so), else undated (:func:`_dotted`)."""
    order = _dotted_order(lines)
    found, at = _find_date_line(lines, year_hint, sentences=False, day_first=order if order is not None else day_first)
    if found is None:
        return _find_date_line(lines, year_hint, sentences=True)
    if at is not None and (m := DATE.search(lines[at])) and UPDATED_WORD.search(lines[at][:m.start()]):
        for j in sorted(range(max(0, at - 3), min(len(lines), at + 4)), key=lambda j: abs(j - at)):
            if j != at and len(lines[j]) <= 160 and \
                    (published := _published_in(lines[j], year_hint, least=1, updated=found)):
                return published, j
    return found, at


def _find_date_line(lines: list[str], year_hint: int | None, *, sentences: bool,
                    day_first: bool | None = None) -> tuple[datetime | None, int | None]:
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
            if in_sentence(line, match.start()) != sentences:
                continue  # a caption's date now, a date line's then: never its month and day read as a short date
            found = _published_in(line, year_hint) or _timed(line, match) or parse_match(match.group(0))
            if found is not None:
                return found, i
        if sentences:
            continue
        if (dotted := _dotted(line, day_first=day_first)) is not None:
            return dotted, i
        match = DATE_NO_YEAR.search(line)
        if match and year_hint and (BYLINE.match(line) or len(words(line)) <= 12):
            found = _published_in(line, year_hint) or parse_date(f"{match.group(0).strip(' ,|-•')} {year_hint}")
            if found is not None:
                return found, i
    return None, None


#: A time written before its date ("11:11 PM EST Nov 19, 2019", "5:45 AM PST 11/19/2019").
TIME_BEFORE = re.compile(r"(?:\b(?P<zone>(?-i:[A-Z]{2,4}))\s+)?"
                         r"(?P<time>\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*(?-i:[A-Z]{2,4})\b)?)[\s,|•-]*$",
                         re.IGNORECASE)


def _timed(line: str, match: re.Match[str]) -> datetime | None:
    """The date of ``match`` with the time written just before it, when there is one and the date has none; a zone
    written before the time too ("EST 11:11 PM Nov 19, 2019")."""
    before = TIME_BEFORE.search(line, 0, match.start())
    if before is None or re.search(r"\d[:.]\d{2}", match.group(0)):
        return None
    zone = before.group("zone") or ""
    if zone not in TZINFOS or before.group("time").split()[-1] in TZINFOS:
        zone = ""  # a known zone, and the time has none after it
    return parse_match(f"{match.group(0).strip(' ,|-•')} {before.group('time')} {zone}".strip())


def _published_in(line: str, year_hint: int | None, *, least: int = 2,
                  updated: datetime | None = None) -> datetime | None:
    """The publication date of a line showing two ("Updated Nov 19, 9:41 AM; Posted Nov 18, 8:19 PM"; ``least``: the
    dates the line must show): the one a published word stands before; None when none is marked published. A date
    without its year takes the year of a dated one on the line (the year before when that would put it after it:
    "Updated Jan 2, 2020; Posted Dec 31"; an update at midnight, written without its time, on the published day is
    no earlier: days are compared), else that of ``updated`` (the update on a line near it), else ``year_hint``."""
    dated = [(m.start(), m.end(), m.group(0), True) for m in DATE.finditer(line)]
    found = sorted(dated + [(m.start(), m.end(), m.group(0), False) for m in DATE_NO_YEAR.finditer(line)
                            if not any(start <= m.start() < end for start, end, _, _ in dated)])  # "Nov 20th, 2019"
    if len(found) < least:
        return None
    shown = next((parsed for _, _, text, with_year in found if with_year and (parsed := parse_match(text))), updated)
    year = shown.year if shown is not None else year_hint
    if shown is None and year:  # no date with its year: the other one in the same year
        shown = next((parsed for start, _, text, _ in found if not PUBLISHED_WORD.search(line[:start]) and
                      (parsed := parse_date(f"{text.strip(' ,|-•;')} {year}"))), None)
    last = 0
    for start, end, text, with_year in found:
        if PUBLISHED_WORD.search(line[last:start]):
            if with_year:
                return parse_match(text)
            published = parse_date(f"{text.strip(' ,|-•;')} {year}") if year else None
            if published is not None and shown is not None and published.date() > shown.date():  # Dec 31, Jan 2
                published = parse_date(f"{text.strip(' ,|-•;')} {published.year - 1}")
            return published
        last = end
    return None


def find_shown_date(lines: list[str]) -> datetime | None:
    """The first full date in ``lines`` (date lines, bylines, a dateline opening a paragraph)."""
    return find_date(lines, None)[0]


#: A numeric date with dots on a short date line ("13.11.2019, 23:06", "11.14.2019 09:00 AM").
DOTTED = re.compile(r"^\W*(?P<a>\d{1,2})\.(?P<b>\d{1,2})\.(?P<y>(?:19|20)\d{2})\b(?P<time>" + TIME + ")")


DOTTED_ANYWHERE = re.compile(r"(?<![\d.])(?P<a>\d{1,2})\.(?P<b>\d{1,2})\.(?:19|20)\d{2}\b")


def _dotted_order(lines: list[str]) -> bool | None:
    """The order the dotted dates of ``lines`` show: True for day first (a first number over 12: "13.11.2019"), False
    for month first ("11.14.2019"), None when none tells."""
    for line in lines:
        for match in DOTTED_ANYWHERE.finditer(line):
            a, b = int(match.group("a")), int(match.group("b"))
            if a > 12 >= b or b > 12 >= a:
                return a > 12
    return None


def _dotted(line: str, *, day_first: bool | None) -> datetime | None:
    """The date of a date line opening with a dotted numeric date, in the order ``day_first`` gives (None: no order
    known); a date whose numbers tell the order themselves ("13.11.2019", "11.14.2019") needs none; one that could be
    either ("04.05.2019") is left undated without an order."""
    match = DOTTED.match(line) if len(words(line)) <= 12 else None
    if match is None:
        return None
    a, b = int(match.group("a")), int(match.group("b"))
    if a <= 12 and b <= 12 and a != b and day_first is None:
        return None  # 4 May or 5 April: nothing on the page says
    day, month = (b, a) if b > 12 >= a or (day_first is False and a <= 12) else (a, b)
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    time = match.group("time").strip(" ,|•-")
    return parse_match(f"{match.group('y')}-{month:02d}-{day:02d} {time}".strip())
