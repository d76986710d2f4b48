"""A page copied from a browser (any site): find the story among menus, teasers and footers.

The body is found as jusText finds it in HTML, by classifying paragraphs (here: lines): long lines
of prose with many function words are *good*, short link-like lines (menus, buttons, teasers) are
*bad*, the rest *short*. The article is the densest run of good lines (a maximum-sum segment), with
the short lines between good ones kept as crossheads and list items. The header sits just above that
run: the byline ("By ..."), the date line (``Updated`` lines too) and, above them, the headline. The
source comes from a wire dateline ("LOS ANGELES (Reuters) -") or the copyright line in the footer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from .boilerplate import is_boilerplate
from .bylines import (
    BY_LABEL,
    BYLINE,
    LONE_FOREIGN_BYLINE,
    author_box,
    bare_name,
    find_author,
    is_staff,
    lowercase_words,
    story_acronyms,
)
from .copy_dates import DOTTED, find_date
from .copy_headline import CJK, INTERFACE, RELATIVE_TIME, find_title
from .copy_language import stopwords_of
from .copy_patterns import DATE, MONTH, STOPWORDS, lede_of, words
from .copy_teasers import before_author_note, comment_head, story_lines
from .copyright import copyright_owner, copyright_year
from .names import clean_author, is_outlet, outlet_in

WIRE_DATELINE = re.compile(r"^[A-Z][A-Za-z .,'-]{1,40}\((?P<src>[A-Z][\w .&-]{1,30})\)\s*[-—–:]")
MIN_BODY_WORDS = 40
# Words of prose a story read with another language's function words needs (selected on dev among 40-200: a page of
# tables and teasers, a standings table, has a short run of prose that is not its story; the whole copy is better).
FOREIGN_MIN_WORDS = 160
STANDFIRST_WORDS = 80  # a headline, standfirst and photo caption together are shorter than this
BAD_RUN_CAP = 60.0
AUTHOR_BOX_LINES = 60  # an author box sits within this many lines after the story
JSON_HEADLINE = re.compile(r'^"headline"\s*:\s*"(?P<title>.+)",?$')


@dataclass(frozen=True)
class CopyFields:
    body: list[str]
    title: str | None
    author: str | None
    source: str | None
    published: datetime | None
    wire: str | None = None  # the agency a wire dateline credits ("LOS ANGELES (Reuters) -")


def _kind(line: str, stopwords: frozenset[str] = STOPWORDS) -> str:
    """'good' (prose), 'short' (could be either) or 'bad' (chrome) for one line (``stopwords``: the function words
    of the page's language, :func:`~.copy_language.stopwords_of`)."""
    tokens = words(line)
    if not tokens or is_boilerplate(line):
        return "bad"
    stop = sum(w.lower() in stopwords for w in tokens) / len(tokens)
    if len(tokens) >= 15 and stop >= 0.2 and line.rstrip()[-1:] in ".!?\"'”’:;)":
        return "good"
    if len(tokens) >= 30 and stop >= 0.25:
        return "good"
    if len(tokens) <= 3 or stop < 0.1 or line.count("|") >= 2:
        return "bad"
    return "short"


def _best_run(kinds: list[str], sizes: list[int]) -> tuple[int, int]:
    """The segment [start, end) with the largest sum: good lines add their words, bad ones subtract."""
    best, best_span, total, start, run_cost = 0.0, (0, 0), 0.0, 0, 0.0
    for i, (kind, size) in enumerate(zip(kinds, sizes)):
        if kind == "bad":  # a run of chrome costs more the longer it is, up to a cap (a chart, a gallery)
            weight = -min(12.0 if run_cost == 0 else 4.0, BAD_RUN_CAP - run_cost)
            run_cost -= weight
        else:
            weight, run_cost = (float(size) if kind == "good" else -3.0), 0.0
        if total <= 0:
            total, start = 0.0, i
        total += weight
        if total > best:
            best, best_span = total, (start, i + 1)
    lo, hi = best_span
    while lo < hi and kinds[lo] != "good":
        lo += 1
    while hi > lo and kinds[hi - 1] != "good":
        hi -= 1
    return lo, hi


def _after_header(lines: list[str], lo: int, hi: int, kinds: list[str]) -> int:
    """A run that opens with the headline and standfirst starts after the byline/date block within it."""
    start, prose = lo, 0
    for i in range(lo, min(hi, lo + 8)):
        line = lines[i]
        if start == lo and prose >= STANDFIRST_WORDS:
            break  # more than a headline and standfirst before any header line: the body has begun
        if kinds[i] == "good":
            prose += len(words(line))
        if len(line) <= 160 and (BYLINE.match(line) or BY_LABEL.match(line) or
                                 (DATE.search(line) and len(words(line)) <= 20)):
            start = i + 1
        elif start > lo and kinds[i] == "good":
            break  # the body has begun
    return start



def _header_anchor(lines: list[str], body_start: int, date_line: int | None) -> int:
    """First line of the byline (or else the date line) just above the body; else the body start."""
    for i in range(body_start + 1, max(0, body_start - 15) - 1, -1):
        if i < len(lines) and (BYLINE.match(lines[i]) or BY_LABEL.match(lines[i])):
            return i
    if date_line is not None and date_line <= body_start + 1:  # (a date line within the header zone)
        return date_line
    for i in range(body_start, max(0, body_start - 15) - 1, -1):
        if RELATIVE_TIME.search(lines[i]) and len(lines[i].split()) <= 10:
            return i
    return body_start


def _source(lines: list[str], body: list[str], *, chrome: list[str]) -> str | None:
    """The copyright owner when it is a known outlet; else the known outlet the page's chrome names most; else the
    copyright owner (often a parent company); else a wire dateline's agency."""
    wire = next((m.group("src").strip() for line in body[:3] if (m := WIRE_DATELINE.match(line))), None)
    owner = copyright_owner(lines)
    if is_outlet(owner):
        return owner
    return outlet_in(chrome) or owner or wire  # a wire dateline names the agency, the outlet only when nothing else


LIST_SEPARATOR = re.compile(r"\s(?:--|-|–|—|\|)\s|:\s")


def _item_shape(line: str) -> tuple[str, str] | None:
    """What a list item looks like: how it begins (a number, a month, a capital) and its separator."""
    sep = LIST_SEPARATOR.search(line)
    if sep is None or len(words(line)) > 30 or is_boilerplate(line):
        return None
    first = line.split()[0]
    start = "number" if first[0].isdigit() else "month" if re.fullmatch(MONTH, first, re.IGNORECASE) else \
        "capital" if first[0].isupper() else "other"
    return start, sep.group(0).strip()


def _listed_after(lines: list[str], hi: int) -> list[str]:
    """A list at the story's end: the items after an announcing line ("... tour dates:"; two items at least) or
    after a short heading line ("Tour Dates"; three items at least, each opening with a number or a month), as
    long as they look alike (the same beginning and separator: "June 9 -- Venue, City")."""
    if hi <= 0 or hi >= len(lines):
        return []
    announced = lines[hi - 1].rstrip().endswith(":") or lines[hi].rstrip().endswith(":")
    intro = hi - 1 if lines[hi - 1].rstrip().endswith(":") else hi
    if not announced and len(words(lines[hi])) > 8:
        return []
    items = [lines[intro]] if intro == hi else []
    shape = _item_shape(lines[intro + 1]) if intro + 1 < len(lines) else None
    if shape is None or (not announced and shape[0] not in ("number", "month")):
        return []
    j = intro + 1
    while j < len(lines) and _item_shape(lines[j]) == shape:
        items.append(lines[j])
        j += 1
    return items if len(items) - (intro == hi) >= (2 if announced else 3) else []


def _head_lines(lines: list[str], lo: int, *, size: int = 30) -> list[int]:
    """Indices of the header zone above the story, nearest first: up to ``size`` lines, not counting share buttons,
    interface sentences and one- or two-word labels without a digit (a long share box hides no header)."""
    out: list[int] = []
    for i in range(min(len(lines), lo + 2) - 1, -1, -1):
        line = lines[i]
        if i < lo and (INTERFACE.search(line) or (len(line.split()) <= 2 and not re.search(r"\d", line))):
            continue
        out.append(i)
        if len(out) >= size:
            break
    return out


def unchromed(lines: list[str]) -> list[str]:
    """The lines of a copy where no story stands out, without its chrome (menus, buttons, labels: lines of three
    words or fewer or without function words of the page's language); all of them when that leaves nothing."""
    return [line for line in lines if len(words(line)) > 2 or len(line) >= (10 if CJK.search(line) else 20)] or lines


def _other_byline(lines: list[str], lo: int, hi: int, *, title: str | None, zone_name: str | None,
                  common: frozenset[str], date_line: int | None) -> str | None:
    """The byline when the date line has no explicit one near it: an explicit byline under the headline or just above
    the story; else an author box after the story; else a staff line, a bare name or
    a name on the date line in the date line's zone (``zone_name``); else a bare name right under the headline (names
    as :func:`~.bylines.bare_name` tells them)."""
    near_title = [i for i, line in enumerate(lines[:hi]) if line == title] if title else []
    spans = [(i + 1, i + 7) for i in reversed(near_title)] + [(max(0, lo - 10), lo + 2)]
    explicit = next((a for start, end in spans if (a := find_author(
        lines[start:end], bare=False, date_at=None if date_line is None or date_line < start else date_line - start))),
        None)
    if explicit:
        return explicit
    return author_box(lines[hi:hi + AUTHOR_BOX_LINES], common=common) or zone_name or \
        next((lines[i + 1] for i in near_title if i + 1 < len(lines) and bare_name(lines[i + 1], common=common)
              and not (lines[i].isupper() and lines[i + 1].isupper())), None)  # not a menu in capitals


def _day_first(lines: list[str], head: list[str], stopwords: frozenset[str]) -> bool | None:
    """True when the page is in a language other than English (detected, :func:`~.copy_language.stopwords_of`, as
    for the copy's prose): a dotted date "04.05.2019" in its header is 4 May; None on an English page (undated
    without evidence of the order). Detected only when the header shows a dotted date."""
    if not any(DOTTED.match(line) for line in head):
        return None
    return True if (stopwords if stopwords is not STOPWORDS else stopwords_of(lines)) is not STOPWORDS else None


def read_browser_copy(lines: list[str], *, stopwords: frozenset[str] | None = None,
                      candidates: list[tuple[int, list[float]]] | None = None) -> CopyFields | None:
    """Fields of a browser copy, or None when no run of prose stands out (a plain text file).

    Prose is told by English function words; a copy where they find none is read again with those of its own
    language (:func:`~.copy_language.stopwords_of`), where a story needs :data:`FOREIGN_MIN_WORDS` words of prose.
    ``candidates``, when given, receives the headline candidates and their features (``scripts/train_headline.py``)."""
    if stopwords is None:
        found = read_browser_copy(lines, stopwords=STOPWORDS, candidates=candidates)
        if found is not None:
            return found
        foreign = stopwords_of(lines)
        return None if foreign is STOPWORDS else read_browser_copy(lines, stopwords=foreign, candidates=candidates)
    kinds = [_kind(line, stopwords) for line in lines]
    sizes = [len(words(line)) for line in lines]
    lo, hi = _best_run(kinds, sizes)
    first_comment = next((i for i, line in enumerate(lines) if comment_head(line)), None)
    if first_comment is not None and hi > first_comment:  # the comments are no story: the run before them
        before = _best_run(kinds[:first_comment], sizes[:first_comment])
        if sum(s for k, s in zip(kinds[before[0]:before[1]], sizes[before[0]:before[1]]) if k == "good") \
                >= MIN_BODY_WORDS:
            lo, hi = before
    least = MIN_BODY_WORDS if stopwords is STOPWORDS else FOREIGN_MIN_WORDS
    if hi <= lo or sum(s for k, s in zip(kinds[lo:hi], sizes[lo:hi]) if k == "good") < least:
        return None
    hi = before_author_note(lines, kinds, sizes, lo, hi)
    lo = _after_header(lines, lo, hi, kinds)
    body = story_lines([line for line, kind in zip(lines[lo:hi], kinds[lo:hi]) if kind != "bad"])
    listed = _listed_after(lines, hi)
    body += listed
    hi += len(listed)
    near = _head_lines(lines, lo)
    head = [lines[i] for i in near]
    published, at = find_date(head, copyright_year(lines), day_first=_day_first(lines, head, stopwords))
    date_line = None if at is None else near[at]
    zone_start = max(0, (date_line if date_line is not None else lo) - 6)
    byline_zone = lines[zone_start:(date_line if date_line is not None else lo) + 4]
    date_at = None if date_line is None else date_line - zone_start
    author = find_author(byline_zone, bare=False, date_at=date_at)
    common = lowercase_words(lines)
    zone_name = None if author else find_author(byline_zone, common=common, date_at=date_at)  # never the headline
    leaked = [m.group("title") for line in lines if (m := JSON_HEADLINE.match(line))]
    header_date = date_line if at is not None and at <= 15 else None  # a date line within the header zone
    lede = lede_of(body)
    title = leaked[0] if leaked else find_title(lines, kinds, _header_anchor(lines, lo, header_date),
                                                 author or zone_name, body_end=hi, body_start=lo, lede=lede,
                                                 candidates=candidates)
    lone = LONE_FOREIGN_BYLINE.match(title or "")  # the headline's words are no byline: "Por Favor Taqueria"
    if author is None or (lone and lone.group("name") == author):
        author = _other_byline(lines, lo, hi, title=title, zone_name=zone_name, common=common, date_line=date_line)
        author = None if lone and lone.group("name") == author else author
    if title is not None and body and body[0] == title:
        body = body[1:]
    wire = next((m.group("src").strip() for line in body[:3] if (m := WIRE_DATELINE.match(line))), None)
    source = _source(lines, body, chrome=lines[:lo] + lines[hi:])
    author = None if author and story_acronyms(author, body) else author  # "By NASA ESA": organisations credited
    author = author if author and is_staff(author) else clean_author(author)  # names joined by ", " as for HTML
    return CopyFields(body=body, title=title, author=author, source=source, published=published,
                      wire=None if wire == source else wire)
