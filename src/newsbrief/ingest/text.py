"""Saved web pages as plain text (a page copied from a browser) -> one Article.

A saved page carries page chrome around the story: banner placeholders, image alt
text, a photo caption, a "Story highlights" box that repeats a body paragraph, and an
"(With inputs from agencies)" trailer. The header holds the title, the byline and a
dateline glued to the update time (``Kiev, UkraineUpdated: Apr 06, 2021, 05:59 PM IST``).
This module drops the chrome and reads the header; a plain text file without such a
header is taken as-is, with its first line as the title when that line looks like one.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from charset_normalizer import from_bytes

from ..dates import parse_date
from ..errors import InputError
from .browser import read_browser_copy, unchromed
from .bylines import name_like
from .copy_headline import INTERFACE, SOCIAL_HANDLE, dated_headline, section_tail, title_like
from .copy_source import copy_source
from .lines import line_model
from .model import Article
from .sources import own_agency, split_wire

log = logging.getLogger(__name__)

# A copy with fewer lines is a plain text file: first line title, the rest body.
BROWSER_COPY_MIN_LINES = 12

NBSP_LIKE = re.compile(r"[\u00a0\u2007\u202f\u2009\u200a]")
ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\ufeff]")

# Lines that are page furniture, not story text (matched on the whole stripped line).
CHROME_LINES = re.compile(
    r"^(ugc_banner|main img|advertisement|ad|story highlights|share|share this article|"
    r"read more|also read|follow us.*|click here.*|subscribe.*|image|photo|video|"
    r"\(with inputs from [^)]*\)|\(with agency inputs\)|\(agencies\))$",
    re.IGNORECASE,
)
CAPTION = re.compile(r"\b(Photograph|Photo|Image|Picture|Credit)\s*:\s*\(?[^)]*\)?\s*$", re.IGNORECASE)
UPDATED = re.compile(
    r"^(?P<dateline>.*?)\s*(?:Updated|Published|Posted|Last updated)\s*:?\s*(?P<when>.+)$", re.IGNORECASE
)
BYLINE_ORG = re.compile(r"^(?P<org>.+?)\s+(?:Web Team|Web Desk|News Desk|Desk|Staff|Bureau|Digital Team)$")
BYLINE_BY = re.compile(r"^By\s+(?P<name>.+)$", re.IGNORECASE)


@dataclass(frozen=True)
class PageHeader:
    title: str | None
    author: str | None
    source: str | None
    dateline: str | None
    published: datetime | None


def decode_bytes(data: bytes, *, path: str | Path) -> str:
    """Decode bytes as UTF-8, else Windows-1252 for Latin-script text, else the detected charset."""
    if not data.strip():
        raise InputError("the file is empty", path=path)
    if _binary(data):
        raise InputError("a binary file (an image, a PDF, an archive...), not a text page", path=path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    western = _western(data)
    if western is not None:
        log.warning("%s is not UTF-8: read as Windows-1252 (Western European)", path)
        return western
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError("cannot decode the bytes: not UTF-8 and no other charset detected", path=path)
    log.warning("%s is not UTF-8: read as %s", path, best.encoding)
    return str(best)


BOMS = (b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")


def _binary(data: bytes) -> bool:
    """True for bytes that are no text in any encoding: NUL bytes (outside UTF-16/32 with a byte-order mark)
    or many control characters in the first 8 KiB."""
    head = data[:8192]
    if head.startswith(BOMS):
        return False
    controls = sum(b < 32 and b not in (9, 10, 12, 13) for b in head)
    return b"\x00" in head or controls > 0.05 * len(head)


def _western(data: bytes) -> str | None:
    """The text as cp1252 (a superset of latin-1's printable range) when that reads as Latin-script
    text: no control characters, and the non-ASCII characters are mostly letters."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    if any(ord(c) < 32 and c not in "\t\n\r\f" for c in text):
        return None
    extra = [c for c in text if ord(c) > 127]
    if extra and sum(c.isalpha() for c in extra) < 0.6 * len(extra):
        return None
    return text


def normalise(text: str) -> str:
    """Non-breaking and thin spaces become plain spaces; zero-width characters go."""
    text = NBSP_LIKE.sub(" ", text)
    text = ZERO_WIDTH.sub("", text)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _paragraphs(text: str) -> list[str]:
    """Non-empty lines, stripped, with inner runs of spaces collapsed."""
    return [re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n") if line.strip()]


def _is_chrome(line: str) -> bool:
    return bool(CHROME_LINES.match(line)) or bool(CAPTION.search(line) and len(line) < 300)


def _chrome_title(line: str) -> bool:
    """A first line of the page's chrome: a social handle ("Siga @example"), an interface line ("Skip to content")."""
    return bool(SOCIAL_HANDLE.search(line) or INTERFACE.search(line))


def _looks_like_title(line: str) -> bool:
    """A first line that may be the title: no sentence, no chrome (:func:`_chrome_title`)."""
    if _chrome_title(line):
        return False
    return 3 <= len(line) <= 200 and not line.endswith((".", ":", ";")) or line.endswith("?")


def _read_header(lines: list[str]) -> tuple[PageHeader, int]:
    """Header fields and the index of the first line after the header."""
    title = author = source = dateline = None
    published: datetime | None = None
    i = 0
    # The header is the lines before the first long paragraph; look at a few lines only.
    head_limit = min(len(lines), 6)
    for j in range(head_limit):
        line = lines[j]
        match = UPDATED.match(line)
        if match and parse_date(match.group("when")) is not None:
            dateline = match.group("dateline").strip(" ,|-") or None
            published = parse_date(match.group("when"))
            i = j + 1
            header_lines = lines[:j]
            if header_lines:  # the byline sits just above the date line, the headline above it
                last = header_lines[-1]
                org, by = BYLINE_ORG.match(last), BYLINE_BY.match(last)
                if org:
                    author, source = last, org.group("org").strip()
                elif by:
                    author = by.group("name").strip()
                elif len(header_lines) > 1 and name_like(last):
                    author = last
                above = header_lines[:-1] if author else header_lines
                titles = [line for line in above if title_like(line, author)]
                title = section_tail(titles[-1], page=lines) if titles else (above[0] if above else None)
            break
    if title is None and lines and len(lines) > 1 and _looks_like_title(lines[0]):
        title, i = lines[0], 1
    elif title is None and lines and len(lines) > 1 and _chrome_title(lines[0]):
        i = 1  # the copy's first line is its chrome, no title and no story
    return PageHeader(title, author, source, dateline, published), i


def parse_page(raw: str, *, article_id: str, origin: str | None = None) -> Article:
    """Turn the text of a saved page into an Article: header fields plus clean body."""
    text = normalise(raw)
    all_lines = _paragraphs(text)
    lines = [line for line in all_lines if not _is_chrome(line)]
    header, start = _read_header(lines)
    if len(all_lines) >= BROWSER_COPY_MIN_LINES:  # a browser copy: its story among menus, teasers and footers
        found = read_browser_copy(all_lines)
        model = line_model()
        if found is not None and model is not None:
            found = model.refine(all_lines, found)
        if found is not None:
            source = copy_source(all_lines, body=found.body, rule=found.source)
            if header.published is not None:  # a date line at the very top: the header above it names the story
                source = header.source or source
                found = replace(found, title=header.title or found.title, author=header.author or found.author,
                                published=header.published)
            author, credited = split_wire(found.author, source=source)  # "REUTERS" as the byline: the wire
            return Article(
                article_id=article_id, text="\n\n".join(_prefer_later_duplicates(found.body)),
                title=found.title, source=source, author=author, published=found.published,
                wire=None if own_agency(wire := found.wire or credited, source) else wire, origin=origin,
                dateline=header.dateline,
            )
    if len(all_lines) >= BROWSER_COPY_MIN_LINES:  # a copy where no story stands out: its chrome still goes
        lines = lines[:start] + unchromed(lines[start:])
    # The highlights box repeats a body paragraph (without its final period): keep the body's copy.
    body_lines = _prefer_later_duplicates(lines[start:])
    body = "\n\n".join(body_lines)
    if not body.strip():
        raise InputError("no article text left after removing page chrome", path=origin or article_id)
    source = header.source
    if source is None and len(all_lines) >= BROWSER_COPY_MIN_LINES:
        source = copy_source(all_lines, body=body_lines, rule=None)  # a copy's chrome names its outlet
    title = header.title
    if len(all_lines) >= BROWSER_COPY_MIN_LINES and header.published is None:  # a copy opening with its chrome
        title = dated_headline(all_lines) or title
    return Article(
        article_id=article_id,
        text=body,
        title=title,
        source=source,
        author=header.author,
        published=header.published,
        dateline=header.dateline,
        origin=origin,
    )


def _prefer_later_duplicates(lines: list[str]) -> list[str]:
    """Drop earlier copies of a paragraph repeated later (the highlights box), keep the last."""
    keys = [line.rstrip(".").strip().lower() for line in lines]
    last = {k: idx for idx, k in enumerate(keys)}
    return [line for idx, (line, k) in enumerate(zip(lines, keys)) if last[k] == idx]


def read_text_file(path: Path, *, article_id: str | None = None) -> Article:
    """Read one saved page or plain-text article."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"cannot read the file: {e.strerror or e}", path=path) from e
    raw = decode_bytes(data, path=path)
    return parse_page(raw, article_id=article_id or path.stem, origin=str(path))
