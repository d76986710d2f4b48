"""The headline of a browser copy where no story stands out (a page of tables, a page in a script written without
spaces, a short post): the headline-like line right above the copy's first date line, in any language.

Such a copy's first line is its site's chrome far more often than its headline (a menu word, "Skip to content", a
social handle), so the line above a date is looked for first; :func:`dated_headline` gives None when there is none.
"""

from __future__ import annotations

import re

from .browser import CJK, INTERFACE, TEASER, _title_like
from .copy_patterns import words

# A date line in any language: a year and a day number or a time on a short line ("terça-feira, 19 de novembro de
# 2019 às 20:13", "05/10/2018 - Publicado por: ...", "2018-08-16").
YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
DAY_OR_TIME = re.compile(r"(?<![\d.,])(?:[0-2]?\d|3[01])(?![\d.,]\d)|\d{1,2}:\d{2}")
DATE_WORDS = 14  # a date line is short: the date, a weekday, "Publicado por:" and a name


def date_like(line: str) -> bool:
    """A short line showing a year and a day number or a time, whatever the language of its month."""
    year = YEAR.search(line)
    return year is not None and len(line.split()) <= DATE_WORDS and \
        DAY_OR_TIME.search(line[:year.start()] + " " + line[year.end():]) is not None


def headline_like(line: str) -> bool:
    """A headline in any language: two words or more (a run of characters in a script written without spaces), no
    interface sentence, teaser label, date or trailing punctuation of a label; three words or more read as in
    :func:`~.browser._title_like`."""
    n = len(words(line))
    if n >= 3:
        return _title_like(line, None)
    if n < 2 and not (CJK.search(line) and len(line) >= 8):
        return False
    return not (INTERFACE.search(line) or TEASER.match(line) or date_like(line) or "@" in line) and \
        line.rstrip()[-1:] not in ",;:|»›>" and sum(c.isalpha() for c in line) >= 0.6 * len(line.replace(" ", ""))


def dated_headline(lines: list[str]) -> str | None:
    """The headline-like line right above the copy's first date line that has one above it, else None."""
    for i in range(1, len(lines)):
        if date_like(lines[i]) and not date_like(lines[i - 1]) and headline_like(lines[i - 1]):
            return lines[i - 1]
    return None
