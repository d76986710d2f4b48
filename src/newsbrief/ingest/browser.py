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
    SLASH_CREDIT,
    author_box,
    bare_name,
    find_author,
    is_staff,
    lowercase_words,
    photo_credit,
)
from .copy_dates import DOTTED, find_date
from .copy_language import stopwords_of
from .copy_patterns import DATE, DATE_NO_YEAR, MONTH, STOPWORDS, lede_of, lede_overlap, words
from .copy_teasers import before_author_note, comment_head, story_lines
from .copyright import copyright_owner, copyright_year
from .names import clean_author, is_outlet, outlet_in

WIRE_DATELINE = re.compile(r"^[A-Z][A-Za-z .,'-]{1,40}\((?P<src>[A-Z][\w .&-]{1,30})\)\s*[-—–:]")
MIN_BODY_WORDS = 40
CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")  # scripts written without spaces between words
# Words of prose a story read with another language's function words needs (selected on dev among 40-200: a page of
# tables and teasers, a standings table, has a short run of prose that is not its story; the whole copy is better).
FOREIGN_MIN_WORDS = 160
STANDFIRST_WORDS = 80  # a headline, standfirst and photo caption together are shorter than this
BAD_RUN_CAP = 60.0
# A date line without a year ("Updated Nov 19, 9:41 AM; Posted Nov 18, 8:19 PM").
DATE_LINE = re.compile(rf"^\W*(?:updated|posted|published|modified|last updated)\b.{{0,20}}{DATE_NO_YEAR.pattern}",
                       re.IGNORECASE)
# A photo credit glued to its caption's last sentence ("The road is long.Jane Doe/Example Images").
GLUED_CREDIT = re.compile(rf"[.!?]{SLASH_CREDIT}")
# A breadcrumb ("BLOG > Bridges > Closures", "Notícias » Cidade", "Home › Software ›"): a trail of sections, no headline.
BREADCRUMB = re.compile(r"(?:^|\s)[»›](?:\s|$)|\s>\s.*\s>\s")
RELATIVE_TIME = re.compile(r"\b\d+\s+(?:minutes?|hours?|days?|weeks?)\s+ago\b", re.IGNORECASE)
# Headline scoring, selected on the train and dev copies (benchmarks/pages_silver.py): the story's opening repeats
# a headline's words (weight of the share it repeats), the headline sits right above the byline or date line, a
# line in capitals is a section label or kicker more often than a headline.
LEDE_WEIGHT = 2.0
NEXT_TO_HEADER = 0.5
CAPITALS = 2.0
STANDFIRST = 1.5  # a long line right under a shorter headline-like one is its standfirst
STANDFIRST_MIN = 14
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


# Sentences of the page's interface, not of the news: player and browser notices, link hints, breadcrumbs.
INTERFACE = re.compile(
    r"\b(?:media playback|(?:on|in) your (?:device|browser)|external (?:links?|sites?)|"
    r"(?:in|open in) a new (?:window|tab)|"
    r"sharing options|share (?:this|on|via|with)|more on this (?:story|topic)|sign(?:ed)? (?:in|up|out)|log ?in|"
    r"subscribe|"
    r"newsletter|javascript|enable cookies|skip to|you are here|"
    r"click here|tap here|swipe|scroll (?:down|up)|welcome to|read more|"
    r"(?:facebook|twitter|email|linkedin|reddit|pinterest|whatsapp|flipboard)\W+"
    r"(?:facebook|twitter|email|linkedin|reddit|pinterest|whatsapp|flipboard))\b", re.IGNORECASE)
# A media teaser's label ("Video Julian Assange dragged ...", "Watch: ..."; "Video shows ..." is a headline) or a
# caption's ("Media caption ...").
TEASER = re.compile(r"^(?:Video|Watch|Gallery|Audio|Photos?|Listen)(?::|\s+(?-i:[A-Z\d\"“‘']))|"
                    r"^(?:media |image |photo )?caption", re.IGNORECASE)


def _title_like(line: str, author: str | None) -> bool:
    tokens = words(line)
    if not 3 <= len(tokens) <= 30 or is_boilerplate(line) or DATE.search(line) or BYLINE.match(line) or \
            is_staff(line):
        return False
    if INTERFACE.search(line) or TEASER.match(line) or photo_credit(line, below_date=False) or \
            RELATIVE_TIME.search(line) or DATE_LINE.match(line) or BREADCRUMB.search(line):
        return False
    if re.search(r"\[[^\]]{0,40}:[^\]]{1,40}\]$|\((?:photo|image|file)[^)]*\)$|\([^()/]{2,40}/[^()/]{2,40}\)$", line,
                 re.IGNORECASE) or GLUED_CREDIT.search(line):
        return False  # a caption with its credit ("... [File: Example Agency]", "... isn't easy.Jane Doe/Getty")
    if line == author or sum(c.isalpha() for c in line) < 0.6 * len(line.replace(" ", "")):
        return False
    if re.search(r"(?<!\w)@\w{3,}", line) or (line.count(",") == 1 and bare_name(line.split(",")[0].strip())
                                              and re.fullmatch(r"(?:\s+[A-Z][\w.&'’-]*){1,3}", line.split(",")[1])):
        return False  # a social handle ("Follow @example"), a byline with its outlet ("Jane Doe, Example Insider")
    if re.search(r"\b(?:by|of|from|for|the|and|with|to)$", line.rstrip(), re.IGNORECASE):
        return False
    return not line.startswith(("http", "<", "*", "•", '"', "{")) and line.rstrip()[-1:] not in ",;:"


def _ends_sentence(line: str) -> bool:
    last = line.rstrip().split()[-1]
    return last.endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+", last.strip("\"'”’"))


def _find_title(lines: list[str], kinds: list[str], anchor: int, author: str | None, *,
                body_end: int, body_start: int | None = None,
                lede: frozenset[str] | set[str] = frozenset()) -> str | None:
    """The headline: the title-like line nearest above the header block (byline, else date, else body), whose words
    the story's opening (``lede``: :func:`_stems`) repeats; a line under the date line only before the story begins
    (``body_start``: a crosshead under the story's first paragraph is none)."""
    seen_at: dict[str, list[int]] = {}
    for j, line in enumerate(lines):
        for part in {line, *line.split("|")}:
            seen_at.setdefault(part.strip().casefold(), []).append(j)
    best, best_score = None, float("-inf")
    below = 4 if _dated(lines, anchor) and not BYLINE.match(lines[anchor]) else 0
    for i in range(max(0, anchor - 20), min(len(lines), anchor + below)):
        line = lines[i]
        if i >= anchor and (kinds[i] == "good" or i == anchor or (body_start is not None and i >= body_start)):
            continue
        if not _title_like(line, author) or _above_credit(lines, i, below_date=i >= anchor):
            continue  # not a headline, or a photo caption above its credit
        n = len(words(line))
        # a headline is repeated above the story's end (the page title, a breadcrumb, an image
        # caption); a line repeated only below the story is a teaser or section link of the chrome
        others = [j for j in seen_at.get(line.casefold(), []) if j != i]
        score = 2.0 if any(j < body_end for j in others) else -1.5 if others else 0.0
        score -= 0.5 * abs(anchor - i)
        score += (-3.0 if n > 8 else 0.0) if _ends_sentence(line) else 2.0  # a short sentence: a caption as often
        score += 1.0 if 4 <= n <= 25 else -1.0
        score += 0.25 if i < anchor else 0.0  # the headline usually sits above the byline/date block
        score += LEDE_WEIGHT * lede_overlap(line, lede)
        score += NEXT_TO_HEADER * (i == anchor - 1 or _dated(lines, i + 1))
        score -= CAPITALS * (sum(c.isupper() for c in line) > 0.8 * sum(c.isalpha() for c in line))
        score -= STANDFIRST * _under_headline(lines, i, n, author)
        if score > best_score:
            best, best_score = line, score
    return best


def _above_credit(lines: list[str], i: int, *, below_date: bool) -> bool:
    """A photo caption above its credit line (:func:`~.bylines.photo_credit`); above the date line only one that ends
    a sentence (a headline sits above a credit as often)."""
    return i + 1 < len(lines) and (below_date or _ends_sentence(lines[i])) and \
        photo_credit(lines[i + 1], below_date=below_date)


def _dated(lines: list[str], i: int) -> bool:
    """A date line (a short line showing a date, with or without its year)."""
    return i < len(lines) and len(words(lines[i])) <= 20 and \
        bool(DATE.search(lines[i]) or DATE_LINE.match(lines[i]) or DOTTED.match(lines[i]))


def _under_headline(lines: list[str], i: int, n: int, author: str | None) -> bool:
    """A standfirst: a long line (:data:`STANDFIRST_MIN` words or more) right under a shorter title-like line (a
    one-word label such as "Editorial" may sit between)."""
    if n < STANDFIRST_MIN:
        return False
    above = [j for j in (i - 1, i - 2) if j >= 0][: 1 if i < 2 or len(lines[i - 1].split()) > 1 else 2]
    return any(_title_like(lines[j], author) and len(words(lines[j])) < n for j in above)


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


def read_browser_copy(lines: list[str], *, stopwords: frozenset[str] | None = None) -> CopyFields | None:
    """Fields of a browser copy, or None when no run of prose stands out (a plain text file).

    Prose is told by English function words; a copy where they find none is read again with those of its own
    language (:func:`~.copy_language.stopwords_of`), where a story needs :data:`FOREIGN_MIN_WORDS` words of prose."""
    if stopwords is None:
        found = read_browser_copy(lines, stopwords=STOPWORDS)
        if found is not None:
            return found
        foreign = stopwords_of(lines)
        return None if foreign is STOPWORDS else read_browser_copy(lines, stopwords=foreign)
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
    title = leaked[0] if leaked else _find_title(lines, kinds, _header_anchor(lines, lo, header_date),
                                                        author or zone_name, body_end=hi, body_start=lo, lede=lede)
    lone = LONE_FOREIGN_BYLINE.match(title or "")  # the headline's words are no byline: "Por Favor Taqueria"
    if author is None or (lone and lone.group("name") == author):
        author = _other_byline(lines, lo, hi, title=title, zone_name=zone_name, common=common, date_line=date_line)
        author = None if lone and lone.group("name") == author else author
    if title is not None and body and body[0] == title:
        body = body[1:]
    wire = next((m.group("src").strip() for line in body[:3] if (m := WIRE_DATELINE.match(line))), None)
    source = _source(lines, body, chrome=lines[:lo] + lines[hi:])
    author = author if author and is_staff(author) else clean_author(author)  # names joined by ", " as for HTML
    return CopyFields(body=body, title=title, author=author, source=source, published=published,
                      wire=None if wire == source else wire)
