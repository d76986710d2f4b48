"""The in-memory article record that every reader produces."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime

import pandas as pd

ARTICLE_COLUMNS: tuple[str, ...] = (
    "article_id",
    "title",
    "source",
    "author",
    "published",
    "url",
    "text",
    "n_words",
    "content_hash",
)


def content_hash(text: str) -> str:
    """Stable hash of an article's cleaned text (sha256 hex, first 32 characters)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


@dataclass
class Article:
    """One article after clean-up: body text plus metadata."""

    article_id: str
    text: str
    title: str | None = None
    source: str | None = None
    author: str | None = None
    published: datetime | None = None
    url: str | None = None
    dateline: str | None = None
    origin: str | None = None  # file (and row) it came from, for messages

    @property
    def n_words(self) -> int:
        return len(self.text.split())

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)


@dataclass
class IngestResult:
    """Articles read from the inputs, plus warnings summarised once per run."""

    articles: list[Article] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    duplicates: int = 0
    #: Articles whose date was left out as implausible or far from the rest ("<origin>: <date> (<why>)").
    flagged_dates: list[str] = field(default_factory=list)

    def frame(self) -> pd.DataFrame:
        return articles_frame(self.articles)


def articles_frame(articles: list[Article]) -> pd.DataFrame:
    """The `articles` table of the annotation contract."""
    rows = [
        {
            "article_id": a.article_id,
            "title": a.title,
            "source": a.source,
            "author": a.author,
            "published": a.published,
            "url": a.url,
            "text": a.text,
            "n_words": a.n_words,
            "content_hash": a.content_hash,
        }
        for a in articles
    ]
    frame = pd.DataFrame(rows, columns=list(ARTICLE_COLUMNS))
    frame["published"] = pd.to_datetime(frame["published"], utc=True)
    frame["n_words"] = frame["n_words"].astype("int64")
    for col in ("article_id", "title", "source", "author", "url", "text", "content_hash"):
        frame[col] = frame[col].astype("string")
    return frame
