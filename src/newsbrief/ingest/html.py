"""Saved HTML pages: main text and metadata through trafilatura."""

from __future__ import annotations

from pathlib import Path

import trafilatura

from ..errors import InputError
from .dates import parse_date
from .model import Article
from .text import decode_bytes, normalise


def read_html_file(path: Path, *, article_id: str | None = None) -> Article:
    """Extract the main text, title, author, site and date of a saved page."""
    raw = decode_bytes(path.read_bytes(), path=path)
    doc = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False, favor_precision=True)
    if doc is None or not (getattr(doc, "text", None) or "").strip():
        raise InputError("no article text found in the HTML page", path=path)
    text = normalise(doc.text).strip()
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    if doc.title and len(paragraphs) > 1 and paragraphs[0].casefold() == doc.title.strip().casefold():
        paragraphs = paragraphs[1:]  # the headline is the title, not the first paragraph of the body
    return Article(
        article_id=article_id or path.stem,
        text="\n\n".join(paragraphs),
        title=doc.title,
        source=doc.sitename or doc.hostname,
        author=doc.author,
        published=parse_date(doc.date),
        url=doc.url,
        origin=str(path),
    )
