"""Saved HTML pages: main text through trafilatura, beside the page's structured data.

JSON-LD (``NewsArticle``/``Article``: headline, articleBody, datePublished, author, publisher) and
OpenGraph / ``article:`` meta tags are read next to trafilatura's extraction; the better body wins
(the JSON-LD body when the extraction is a small fraction of it, e.g. a photo caption). Titles lose
their site suffix, and credits, "Read more" lines, copyright and newsletter lines are dropped.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import trafilatura

from ..dates import parse_date
from ..errors import InputError
from .boilerplate import clean_paragraphs
from .browser import read_browser_copy
from .copyright import copyright_owner
from .model import Article
from .names import clean_author
from .sources import agrees, choose_source, domain_label, split_wire
from .structured import PageData, clean_title, read_structured
from .text import decode_bytes, normalise
from .visible import header_zones, shown_byline, shown_date, visible_lines

# The extraction is taken as a fragment (a caption, a teaser) below this share of the JSON-LD body.
FRAGMENT_SHARE = 0.5


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in normalise(text).split("\n") if p.strip()]


def _title(data: PageData, doc: Any, paragraphs: list[str], *, site: str | None) -> str | None:
    """The headline: the page's shown ``<h1>``, JSON-LD, OpenGraph, the extractor's, the ``<title>``; a candidate
    that the body opens with is the headline as shown and wins."""
    found = [data.headline, data.og_title, getattr(doc, "title", None) if doc is not None else None, data.page_title]
    candidates = [t for t in (clean_title(normalise(c).strip(), site=site) for c in found if c) if t]
    shown_h1 = normalise(data.h1).strip() if data.h1 else None
    if shown_h1 and 3 <= len(shown_h1.split()) <= 40 and not (site and shown_h1.casefold() == site.casefold()):
        candidates.insert(0, shown_h1)  # the headline as the page shows it, before any metadata's
    if paragraphs and len(paragraphs[0].split()) <= 30:
        shown = [c for c in candidates if c.casefold() == paragraphs[0].casefold()]
        if shown:
            return shown[0]
    return candidates[0] if candidates else None


def _published(zones: list[list[str]], data: PageData, doc: Any) -> datetime | None:
    """The publication date: the one shown in the article's header when the page shows one (a
    metadata date of the same day gives its time), else the metadata's (JSON-LD, meta tags, extractor)."""
    meta = [parse_date(v) for v in (data.published, data.meta_published, *data.item_published,
                                    getattr(doc, "date", None) if doc is not None else None)]
    candidates = [d for d in meta if d is not None]
    shown = shown_date(zones)
    if shown is None:
        return candidates[0] if candidates else None
    same_day = [d for d in candidates if d.date() == shown.date()]
    return same_day[0] if same_day else shown


def read_html_file(path: Path, *, article_id: str | None = None) -> Article:
    """Extract the main text, title, author, site and date of a saved page."""
    raw = decode_bytes(path.read_bytes(), path=path)
    doc: Any = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False, favor_precision=True)
    data = read_structured(raw)
    extracted = _paragraphs(getattr(doc, "text", None) or "") if doc is not None else []
    structured = _paragraphs(data.body or "")
    n_extracted, n_structured = sum(len(p.split()) for p in extracted), sum(len(p.split()) for p in structured)
    paragraphs = structured if n_structured and n_extracted < FRAGMENT_SHARE * n_structured else extracted
    if not paragraphs:  # the extractor found no main text: read the page's visible text as a browser copy
        found = read_browser_copy(visible_lines(raw))
        paragraphs = found.body if found is not None else []
    if not paragraphs:
        raise InputError("no article text found in the HTML page", path=path)
    url = (doc.url or (f"https://{doc.hostname}" if doc.hostname else None)) if doc is not None else None
    lines = visible_lines(raw)
    source = choose_source([data.og_site, data.publisher, doc.sitename if doc is not None else None], url=url,
                           owner=copyright_owner(lines))
    title = _title(data, doc, paragraphs, site=source)
    if title and len(paragraphs) > 1 and paragraphs[0].casefold() == title.casefold():
        paragraphs = paragraphs[1:]  # the headline is the title, not the first paragraph of the body
    paragraphs = clean_paragraphs(paragraphs) or paragraphs
    zones = header_zones(lines, title=title, first_paragraph=paragraphs[0])
    published = _published(zones, data, doc)
    author, wire = split_wire(clean_author(data.author or (doc.author if doc is not None else None)) or
                              clean_author(shown_byline(zones)), source=source)
    if wire is not None and agrees(wire, domain_label(url)):
        wire = None  # the agency's own page
    return Article(
        article_id=article_id or path.stem,
        text="\n\n".join(paragraphs),
        title=title,
        source=source,
        author=author,
        published=published,
        url=doc.url if doc is not None else None,
        wire=wire,
        origin=str(path),
    )
