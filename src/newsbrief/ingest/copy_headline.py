"""A browser copy's headline: which lines may be one, and which of them is the story's.

:func:`find_title` scores the title-like lines (:func:`title_like`) around the story's header (byline, date line)
by their :data:`FEATURES` with :data:`HAND_WEIGHTS` (weights fit by ``scripts/train_headline.py`` did not beat them
out of fold over sites). :func:`dated_headline` finds the headline of a copy where no story stands out.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from .boilerplate import is_boilerplate
from .bylines import BYLINE, SLASH_CREDIT, bare_name, is_staff, photo_credit
from .copy_dates import DOTTED, in_sentence
from .copy_patterns import DATE, DATE_NO_YEAR, lede_overlap, words

# A date line without a year ("Updated Nov 19, 9:41 AM; Posted Nov 18, 8:19 PM").
DATE_LINE = re.compile(rf"^\W*(?:updated|posted|published|modified|last updated)\b.{{0,20}}{DATE_NO_YEAR.pattern}",
                       re.IGNORECASE)
# A photo credit glued to its caption's last sentence ("The road is long.Jane Doe/Example Images").
GLUED_CREDIT = re.compile(rf"[.!?]{SLASH_CREDIT}")
# A breadcrumb's separator ("Notícias » Cidade", "Home › Software ›"); one closing a "«" is a quotation mark.
SECTION_MARK = re.compile(r"(?:^|\s)[»›](?=\s|$)")
QUOTED = re.compile(r"«[^«»]*»|‹[^‹›]*›")
SECTION_WORDS = 3  # a section before a headline ("Sports » ...", "Local News › ...") has this many words at most
HEADLINE_OPENING = "\"'“‘«"  # a headline after its section opens with a capital, a digit or one of these quotes
# A social handle ("Follow @example", "Siga @exemplo"): a line of the page's chrome, never a headline.
SOCIAL_HANDLE = re.compile(r"(?<!\w)@\w{3,}")
RELATIVE_TIME = re.compile(r"\b\d+\s+(?:minutes?|hours?|days?|weeks?)\s+ago\b", re.IGNORECASE)
STANDFIRST_MIN = 14  # a standfirst: a long line right under a shorter headline-like one
CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")  # scripts written without spaces between words
#: What :func:`find_title` scores a headline candidate by.
FEATURES: tuple[str, ...] = (
    "repeated above the story's end", "repeated only below it", "lines from the header", "a long sentence",
    "no sentence", "4-25 words", "above the header", "share of words the story's opening repeats",
    "right above the header or a date line", "capitals", "standfirst", "log words", "capitalised words",
    "ends in ? or !", "digits", "chrome", "within 2 lines of the header", "a short sentence", "log repeats", "colon")
# Hand weights, selected on the train and dev copies (benchmarks/pages_silver.py; zero on the features only
# scripts/train_headline.py weighs): the story's opening repeats a headline's words (weight of the share it repeats),
# the headline sits right above the byline or date line, a line in capitals is a section label or kicker more often
# than a headline, a short sentence is a caption as often.
HAND_WEIGHTS: tuple[float, ...] = (2.0, -1.5, -0.5, -3.0, 2.0, 2.0, 0.25, 2.0, 0.5, -2.0, -1.5,
                                   0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)

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


def title_like(line: str, author: str | None) -> bool:
    tokens = words(line)
    if not 3 <= len(tokens) <= 30 or is_boilerplate(line) or DATE.search(line) or BYLINE.match(line) or \
            is_staff(line):
        return False
    if INTERFACE.search(line) or TEASER.match(line) or photo_credit(line, below_date=False) or \
            RELATIVE_TIME.search(line) or DATE_LINE.match(line) or breadcrumb(line):
        return False
    if re.search(r"\[[^\]]{0,40}:[^\]]{1,40}\]$|\((?:photo|image|file)[^)]*\)$|\([^()/]{2,40}/[^()/]{2,40}\)$", line,
                 re.IGNORECASE) or GLUED_CREDIT.search(line):
        return False  # a caption with its credit ("... [File: Example Agency]", "... isn't easy.Jane Doe/Getty")
    if line == author or sum(c.isalpha() for c in line) < 0.6 * len(line.replace(" ", "")):
        return False
    if SOCIAL_HANDLE.search(line) or (line.count(",") == 1 and bare_name(line.split(",")[0].strip())
                                              and re.fullmatch(r"(?:\s+[A-Z][\w.&'’-]*){1,3}", line.split(",")[1])):
        return False  # a social handle ("Follow @example"), a byline with its outlet ("Jane Doe, Example Insider")
    if re.search(r"\b(?:by|of|from|for|the|and|with|to)$", line.rstrip(), re.IGNORECASE):
        return False
    return not line.startswith(("http", "<", "*", "•", '"', "{")) and line.rstrip()[-1:] not in ",;:"


def _marks(line: str) -> list[re.Match[str]]:
    """The section separators of a line ("»", "›"), none of them a quotation mark closing a "«" on the line."""
    return list(SECTION_MARK.finditer(QUOTED.sub(lambda m: "q" * len(m.group()), line)))


def section_tail(line: str, *, page: Sequence[str]) -> str:
    """The headline of a line with one section before it ("Sports » Hawks win the title" -> "Hawks win the title"): the
    section has :data:`SECTION_WORDS` words at most and the page shows it elsewhere (a menu line, a breadcrumb's part:
    :func:`_shows_section`), the headline has three words or more and opens as one does (a capital, a digit, a
    quotation mark); else the line itself ("Brexit » what next for the City", "Rock › Roll: the band ..." keep their
    words: a title with its section is less wrong than half a title)."""
    marks = _marks(line)
    if len(marks) == 1:
        head, tail = line[:marks[0].start()].strip(), line[marks[0].end():].strip()
        if 1 <= len(words(head)) <= SECTION_WORDS and len(words(tail)) >= 3 and \
                (tail[:1].isupper() or tail[:1].isdigit() or tail[:1] in HEADLINE_OPENING) and \
                _shows_section(page, head, line):
            return tail
    return line


def _shows_section(page: Sequence[str], head: str, line: str) -> bool:
    """``head`` shown on a line of ``page`` other than ``line``, alone or as a part between separators."""
    key = head.casefold()
    return any(key in {part.strip().casefold() for part in re.split(r"\s[»›>|/·•]\s|\s[»›]$", other)}
               for other in page if other != line and key in other.casefold())


def breadcrumb(line: str) -> bool:
    """A breadcrumb, sections and no headline: two separators or more ("Notícias » Cidade » Ponte", "BLOG > Bridges >
    Closures") or one at the end ("Home ›"); a line with one separator may be a headline ("Brexit » what next", "Shares
    > $100 ...": :func:`section_tail` reads its section), a "»" closing a "«" is a quotation mark."""
    marks = _marks(line)
    return len(re.findall(r"\s>\s", line)) >= 2 or len(marks) >= 2 or \
        bool(marks) and not line[marks[-1].end():].strip()


def _ends_sentence(line: str) -> bool:
    last = line.rstrip().split()[-1]
    return last.endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+", last.strip("\"'”’"))


def find_title(lines: list[str], kinds: list[str], anchor: int, author: str | None, *,
                body_end: int, body_start: int | None = None, lede: frozenset[str] | set[str] = frozenset(),
                candidates: list[tuple[int, list[float]]] | None = None) -> str | None:
    """The headline: the title-like line nearest above the header block (byline, else date, else body), whose words
    the story's opening (``lede``: :func:`~.copy_patterns.lede_of`) repeats; a line under the date line only before
    the story begins (``body_start``: a crosshead under the story's first paragraph is none). Each candidate is
    scored by :data:`HAND_WEIGHTS` over its :data:`FEATURES`; ``candidates``, when given, receives each
    candidate's line index and features (for training)."""
    seen_at: dict[str, list[int]] = {}
    for j, line in enumerate(lines):
        for part in {line, *line.split("|")}:
            seen_at.setdefault(part.strip().casefold(), []).append(j)
    best, best_score = None, float("-inf")
    below = 4 if date_line(lines[anchor]) and not BYLINE.match(lines[anchor]) else 0
    for i in range(max(0, anchor - 20), min(len(lines), anchor + below)):
        line = lines[i]
        if i >= anchor and (kinds[i] == "good" or i == anchor or (body_start is not None and i >= body_start)):
            continue
        if not title_like(line, author) or _above_credit(lines, i, below_date=i >= anchor):
            continue  # not a headline, or a photo caption above its credit
        x = _features(lines, i, anchor=anchor, author=author, kind=kinds[i], body_end=body_end, lede=lede,
                      others=[j for j in seen_at.get(line.casefold(), []) if j != i])
        if candidates is not None:
            candidates.append((i, x))
        score = sum(w * v for w, v in zip(HAND_WEIGHTS, x))
        if score > best_score:
            best, best_score = line, score
    return None if best is None else section_tail(best, page=lines)


def _features(lines: list[str], i: int, *, anchor: int, author: str | None, kind: str, body_end: int,
              lede: frozenset[str] | set[str], others: list[int]) -> list[float]:
    """A headline candidate's :data:`FEATURES` (``others``: the other lines showing the same text)."""
    line = lines[i]
    tokens = words(line)
    n = len(tokens)
    ends = _ends_sentence(line)
    return [
        # a headline is repeated above the story's end (the page title, a breadcrumb, an image caption); a line
        # repeated only below the story is a teaser or section link of the chrome
        float(any(j < body_end for j in others)), float(bool(others) and not any(j < body_end for j in others)),
        float(abs(anchor - i)), float(ends and n > 8), float(not ends), float(4 <= n <= 25), float(i < anchor),
        lede_overlap(line, lede), float(i == anchor - 1 or (i + 1 < len(lines) and date_line(lines[i + 1]))),
        float(sum(c.isupper() for c in line) > 0.8 * sum(c.isalpha() for c in line)),
        float(_under_headline(lines, i, n, author)),
        math.log1p(n), sum(w[:1].isupper() for w in tokens) / max(1, n), float(line.rstrip()[-1:] in "?!"),
        float(any(c.isdigit() for c in line)), float(kind == "bad"), float(abs(anchor - i) <= 2),
        float(ends and n <= 8), math.log1p(len(others)), float(":" in line),
    ]


def _above_credit(lines: list[str], i: int, *, below_date: bool) -> bool:
    """A photo caption above its credit line (:func:`~.bylines.photo_credit`); above the date line only one that ends
    a sentence (a headline sits above a credit as often)."""
    return i + 1 < len(lines) and (below_date or _ends_sentence(lines[i])) and \
        photo_credit(lines[i + 1], below_date=below_date)


def _under_headline(lines: list[str], i: int, n: int, author: str | None) -> bool:
    """A standfirst: a long line (:data:`STANDFIRST_MIN` words or more) right under a shorter title-like line (a
    one-word label such as "Editorial" may sit between)."""
    if n < STANDFIRST_MIN:
        return False
    above = [j for j in (i - 1, i - 2) if j >= 0][: 1 if i < 2 or len(lines[i - 1].split()) > 1 else 2]
    return any(title_like(lines[j], author) and len(words(lines[j])) < n for j in above)

# A date line in any language: a year and a day number or a time on a short line ("terça-feira, 19 de novembro de
# 2019 às 20:13", "05/10/2018 - Publicado por: ...", "2018-08-16"), a year-first dotted date ("2019.11.19"), or a
# time alone ("9:41 AM", "12.30pm", a live page's entry; never "10.21", a race time).
YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
DAY_OR_TIME = re.compile(r"(?<![\d.,])(?:[0-2]?\d|3[01])(?![\d.,]\d)|\d{1,2}:\d{2}")
# (never a version: "Version 2020.1.3", "v2020.1.3")
YEAR_FIRST = re.compile(r"(?<![\d.])(?<!\bv)(?<!\bversion )(?<!\bversion)(?:19|20)\d{2}[./-]\d{1,2}[./-]\d{1,2}"
                        r"(?![\d.]\d)", re.IGNORECASE)
TIME_ALONE = re.compile(r"^\d{1,2}(?::\d{2}\s*(?:[ap]\.?m\.?)?|\.\d{2}\s*[ap]\.?m\.?)$", re.IGNORECASE)
# English function words: a line holding one and no date in English (:data:`~.copy_patterns.DATE`) is a heading that
# names a year ("Top 10 walks of 2019", "Class of 2019: 25 graduates"), no date line in another language.
ENGLISH_PROSE = re.compile(r"\b(?:of|the|and|for|with|from|our|your|best|top)\b", re.IGNORECASE)
DATE_WORDS = 14  # a date line is short: the date, a weekday, "Publicado por:" and a name
DATE_LINE_WORDS = 20  # one with a date in English or a date line's word ("Updated ...") may carry more


def date_line(line: str) -> bool:
    """A date line: a short line showing a date, never a sentence that mentions one
    (:func:`~.copy_dates.in_sentence`); in English or with a date line's word (:data:`DATE_LINE`) up to
    :data:`DATE_LINE_WORDS` words, a year and a day number or a time in any language up to :data:`DATE_WORDS`."""
    n = len(words(line))
    if n > DATE_LINE_WORDS:
        return False
    found = DATE.search(line) or YEAR_FIRST.search(line) or YEAR.search(line)
    if found is not None and in_sentence(line, found.start()):
        return False
    if DATE.search(line) or DATE_LINE.match(line) or DOTTED.match(line) or YEAR_FIRST.search(line) or \
            TIME_ALONE.match(line):
        return True
    year = YEAR.search(line)
    return year is not None and n <= DATE_WORDS and not ENGLISH_PROSE.search(line) and \
        DAY_OR_TIME.search(line[:year.start()] + " " + line[year.end():]) is not None


def headline_like(line: str) -> bool:
    """A headline in any language: two words or more (a run of characters in a script written without spaces), no
    interface sentence, teaser label, byline, date, breadcrumb or trailing punctuation of a label; three words or more
    read as in :func:`title_like`."""
    n = len(words(line))
    if n >= 3:
        return title_like(line, None)
    if n < 2 and not (CJK.search(line) and len(line) >= 8):
        return False
    if INTERFACE.search(line) or TEASER.match(line) or BYLINE.match(line) or date_line(line) or \
            SOCIAL_HANDLE.search(line) or _marks(line):  # a two-word line with a section mark is a breadcrumb
        return False
    return line.rstrip()[-1:] not in ",;:|>" and sum(c.isalpha() for c in line) >= 0.6 * len(line.replace(" ", ""))


MENU_TOP = 6  # the first lines of a copy that show whether it opens with a menu
MENU_ITEMS = 4  # a menu: this many of them are menu items (:func:`_menu_item`)


def _menu_item(line: str) -> bool:
    """A menu's item: one or two words, capitalised, no digit ("Notícias", "Ouvidoria SUS"); a poem's line ("on
    stone"), a score ("Hawks 3") or a lane ("Lane 4") is none."""
    return len(line.split()) <= 2 and line[:1].isupper() and not any(c.isdigit() for c in line)


def opens_with_chrome(lines: list[str]) -> bool:
    """A copy that opens with its page's chrome: a first line that reads as no headline (:func:`title_like`: a menu
    word, "Skip to content", a social handle) or a menu under it (:data:`MENU_ITEMS` menu items among the next
    :data:`MENU_TOP` lines). A plain text file opens with its title (its short lines, a poem's or a results list's,
    are no menu)."""
    top = lines[1:1 + MENU_TOP]
    return bool(lines) and (not title_like(lines[0], None) or sum(map(_menu_item, top)) >= MENU_ITEMS)


PROSE_WORDS = 8  # a sentence of prose has this many words or more (a script without spaces: characters / 3)


def _prose(line: str) -> bool:
    """A sentence of prose, where a copy's header ends: :data:`PROSE_WORDS` words or more ending as a sentence does
    (a tag cloud or a menu row ends in none)."""
    n = len(line) // 3 if CJK.search(line) else len(words(line))
    return n >= PROSE_WORDS and line.rstrip()[-1:] in ".!?。！？"


HEADLINE_REACH = 5  # the lines above a copy's first date line its headline may sit in (past a name, labels)
# A section or interface label of two words or fewer ("Local News", "Latest Galleries", "Photo gallery", "Share").
LABEL = re.compile(r"(?i)\b(?:news|latest|galler(?:y|ies)|photos?|videos?|pictures|stories|related|more|top|popular|"
                   r"trending|opinion|blogs?|archives?|sections?|topics?|comments?|share|updates?|live)\b")


def dated_headline(lines: list[str]) -> str | None:
    """The headline of a copy where no story stands out: the line above its first date line in the header (before the
    first sentence of prose, :func:`_prose`; a later date line is a live post's or a related story's). The nearest
    title-like line up to :data:`HEADLINE_REACH` lines above (never a sentence or a name; past a name, a label, a
    breadcrumb), else the nearest line that reads as a headline of two words (:func:`headline_like`: "Classificação
    NASCAR") past names and labels only (:data:`LABEL`: "Local News", "Share"; a name is two capitalised words whose
    first the page never writes in lowercase). None when the copy opens with no chrome (a plain text file keeps its
    first line) or no headline sits there."""
    if not opens_with_chrome(lines):
        return None
    for i in range(1, len(lines)):
        if _prose(lines[i]):
            return None
        if not date_line(lines[i]):
            continue
        above: list[str] = []
        for j in range(i - 1, max(0, i - 1 - HEADLINE_REACH), -1):
            if date_line(lines[j]) or _prose(lines[j]):
                break
            above.append(lines[j])
        for line in above:
            if title_like(line, None) and not _ends_sentence(line) and not bare_name(line):
                return section_tail(line, page=lines)
        lowered = {w for line in lines for w in re.findall(r"\w[\w'’-]{2,}", line) if w[:1].islower()}
        for line in above:  # a two-word headline, past names and labels only
            name = bare_name(line) and line.split()[0].casefold() not in lowered  # "Classificação NASCAR" is none
            label = name or len(words(line)) <= 2 and LABEL.search(line) is not None
            if headline_like(line) and not label:
                return line
            if not label:
                return None
        return None
    return None
