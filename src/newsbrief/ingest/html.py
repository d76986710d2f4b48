"""Saved HTML pages: main text through trafilatura, beside the page's structured data.

JSON-LD (``NewsArticle``/``Article``: headline, articleBody, datePublished, author, publisher) and
OpenGraph / ``article:`` meta tags are read next to trafilatura's extraction; the better body wins
(the JSON-LD body when the extraction is a small fraction of it, e.g. a photo caption). Titles lose
their site suffix, and credits, "Read more" lines, copyright and newsletter lines are dropped.
"""

from __future__ import annotations

from pathlib import Path

import trafilatura

from ..errors import InputError
from .boilerplate import clean_paragraphs
from .dates import parse_date
from .model import Article
from .structured import clean_title, read_structured
from .text import decode_bytes, normalise

# The extraction is taken as a fragment (a caption, a teaser) below this share of the JSON-LD body.
FRAGMENT_SHARE = 0.5


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in normalise(text).split("\n") if p.strip()]


def read_html_file(path: Path, *, article_id: str | None = None) -> Article:
    """Extract the main text, title, author, site and date of a saved page."""
    raw = decode_bytes(path.read_bytes(), path=path)
    doc = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False, favor_precision=True)
    data = read_structured(raw)
    extracted = _paragraphs(getattr(doc, "text", None) or "") if doc is not None else []
    structured = _paragraphs(data.body or "")
    n_extracted, n_structured = sum(len(p.split()) for p in extracted), sum(len(p.split()) for p in structured)
    paragraphs = structured if n_structured and n_extracted < FRAGMENT_SHARE * n_structured else extracted
    if not paragraphs:
        raise InputError("no article text found in the HTML page", path=path)
    source = data.og_site or data.publisher or (doc.sitename or doc.hostname if doc is not None else None)
    title = data.headline or data.og_title or (doc.title if doc is not None else None)
    title = clean_title(normalise(title).strip() if title else None, site=source)
    if title and len(paragraphs) > 1 and paragraphs[0].casefold() == title.casefold():
        paragraphs = paragraphs[1:]  # the headline is the title, not the first paragraph of the body
    paragraphs = clean_paragraphs(paragraphs) or paragraphs
    published = parse_date(data.published) or parse_date(data.meta_published) or \
        (parse_date(doc.date) if doc is not None else None)
    author = data.author or (doc.author if doc is not None else None)
    return Article(
        article_id=article_id or path.stem,
        text="\n\n".join(paragraphs),
        title=title,
        source=source,
        author=author,
        published=published,
        url=doc.url if doc is not None else None,
        origin=str(path),
    )
