"""What a reader sees of an HTML page: its visible text as lines, and the date shown by the byline.

Metadata dates often differ from the date the page shows (a syndication time, ``dateModified``
published as ``article:published_time``, a date converted to another day by a time zone). The
date a reader sees next to the headline and byline is the publication date as the page states it,
so it is read from the visible text with the same finder as browser copies.
"""

from __future__ import annotations

import re
from datetime import datetime

from lxml import html as lxml_html

from .bylines import find_byline
from .copy_dates import find_shown_date
from .copy_patterns import DATE

HIDDEN = ("script", "style", "noscript", "template", "svg", "iframe", "head", "button", "select", "form")
BLOCK = frozenset({
    "p", "div", "section", "article", "header", "footer", "aside", "nav", "main", "li", "ul", "ol", "h1", "h2",
    "h3", "h4", "h5", "h6", "br", "tr", "td", "th", "table", "blockquote", "figure", "figcaption", "time", "span",
    "address", "dd", "dt", "dl", "pre", "hr",
})
# Lines searched for the shown date below the headline, and above the first paragraph of the body.
HEADER_LINES = 12


def visible_lines(raw: str) -> list[str]:
    """The page's visible text, one line per block; ``<time datetime>`` showing a relative time
    ("1 day ago") reads as its machine date."""
    try:
        tree = lxml_html.fromstring(raw.encode("utf-8"), parser=lxml_html.HTMLParser(encoding="utf-8"))
    except (ValueError, TypeError, lxml_html.etree.ParserError):
        return []
    for element in tree.xpath("|".join(f"//{tag}" for tag in HIDDEN)):
        if element.getparent() is not None:
            element.drop_tree()
    for element in tree.xpath('//*[@hidden or contains(translate(@style, " ", ""), "display:none")]'):
        if element.getparent() is not None:
            element.drop_tree()
    for element in tree.iter("time"):
        stamp = (element.get("datetime") or "").strip()
        if stamp and not DATE.search(element.text_content()):
            for child in list(element):
                element.remove(child)
            element.text = stamp[:10] if re.match(r"\d{4}-\d{2}-\d{2}", stamp) else element.text
    for element in tree.iter():
        if isinstance(element.tag, str) and element.tag in BLOCK:
            element.tail = "\n" + (element.tail or "")
            if element.tag != "span":
                element.text = "\n" + (element.text or "")
    text = tree.text_content() if hasattr(tree, "text_content") else ""
    return [line for line in (re.sub(r"\s+", " ", part).strip() for part in text.split("\n")) if line]


def _matches(lines: list[str], needle: str | None, *, stop: int | None = None) -> list[int]:
    if not needle:
        return []
    key = re.sub(r"\W+", "", needle.casefold())[:60]
    if len(key) < 12:
        return []
    return [i for i, line in enumerate(lines[:stop]) if re.sub(r"\W+", "", line.casefold()).startswith(key)]


UPDATED = re.compile(r"(?:\blast\s+)?\b(?:updated|modified|edited|revised)\b.*$", re.IGNORECASE)


def _published_only(lines: list[str]) -> list[str]:
    """Lines without their "Updated ..." / "Last modified ..." part: the shown date is the publication."""
    return [UPDATED.sub("", line) for line in lines]


def header_zones(lines: list[str], *, title: str | None, first_paragraph: str | None) -> list[list[str]]:
    """The article's header as lines: just below the headline, and just above the body's first paragraph."""
    body_at = _matches(lines, first_paragraph)
    body = body_at[0] if body_at else None
    heads = _matches(lines, title, stop=body)
    zones: list[list[str]] = []
    if heads:
        head = heads[-1] if body is not None else heads[0]
        zones.append(lines[head:head + HEADER_LINES])
    if body is not None:
        zones.append(lines[max(0, body - HEADER_LINES):body + 1])
    return zones


def shown_date(zones: list[list[str]]) -> datetime | None:
    """The publication date shown in the article's header (:func:`header_zones`): in the lines just
    below the headline (byline, date line), else just above or at the start of the body (a
    dateline). Updated and modified dates are not the publication date and are passed over."""
    for zone in zones:
        found = find_shown_date(_published_only(zone))
        if found is not None:
            return found
    return None


def shown_byline(zones: list[list[str]]) -> str | None:
    """The byline shown in the article's header."""
    for zone in zones:
        found = find_byline(zone)
        if found is not None:
            return found
    return None
