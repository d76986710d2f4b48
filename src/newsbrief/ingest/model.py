"""The in-memory article record that every reader produces."""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

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
    "wire",
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
    wire: str | None = None  # the agency credited for the copy (AP, Reuters, ...) when another site runs it
    origin: str | None = None  # file (and row) it came from, for messages

    @property
    def n_words(self) -> int:
        return len(self.text.split())

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)


@dataclass(frozen=True)
class Skipped:
    """A page (or table row) left out of a run, and why: unreadable, empty, in another language, a duplicate."""

    page: str
    reason: str


@dataclass(frozen=True)
class FlaggedDate:
    """An article whose stated date was left out of the period and timeline: the page (file, row), the date, why."""

    page: str
    date: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.date} ({self.reason})"


SKIPPED_COLUMNS: tuple[str, ...] = ("page", "reason")


@dataclass
class IngestResult:
    """Articles read from the inputs, the pages skipped, plus warnings summarised once per run.

    ``pages`` counts what was looked at: every page file and every table row (read or skipped).
    """

    articles: list[Article] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    pages: int = 0
    #: Articles whose date was left out as implausible or far from the rest ("<origin>: <date> (<why>)").
    flagged_dates: list[FlaggedDate] = field(default_factory=list)
    #: Each input file's path as read -> the name a run shows it by (relative to the folder given).
    names: dict[str, str] = field(default_factory=dict)

    def shown(self, page: str | Path) -> str:
        """A page (or a table row, "in/t.jsonl, row 3") named as the run records it: relative to its input; a
        page that is no input file (a URL) as it is."""
        text = str(page)
        for full in (text, text.split(", row ")[0]):
            if full in self.names:
                return self.names[full] + text[len(full):]
        return text

    @property
    def duplicates(self) -> int:
        return sum(s.reason.startswith(DUPLICATE) for s in self.skipped)

    def frame(self) -> pd.DataFrame:
        return articles_frame(self.articles)

    def record(self) -> dict[str, Any]:
        """What a run's manifest keeps of the ingest: ``{"pages": n, "skipped": [{"page", "reason"}, ...],
        "flagged_dates": [{"page", "date", "reason"}, ...]}``."""
        return {"pages": self.pages, "skipped": [{"page": s.page, "reason": s.reason} for s in self.skipped],
                "flagged_dates": [{"page": f.page, "date": f.date, "reason": f.reason} for f in self.flagged_dates]}

    def skipped_frame(self) -> pd.DataFrame:
        """One row per skipped page: ``page``, ``reason`` (the run writes it as ``skipped.csv``)."""
        return pd.DataFrame([(s.page, s.reason) for s in self.skipped], columns=list(SKIPPED_COLUMNS), dtype="string")


def write_skipped(path: str | Path, skipped: Iterable[Mapping[str, str] | Skipped]) -> Path:
    """``skipped.csv``: one row per skipped page (``page``, ``reason``)."""
    rows = [(s.page, s.reason) if isinstance(s, Skipped) else (s["page"], s["reason"]) for s in skipped]
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(SKIPPED_COLUMNS)
        writer.writerows(rows)
    return Path(path)


#: How the reason of a skipped duplicate begins.
DUPLICATE = "the same text as"


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
            "wire": a.wire,
        }
        for a in articles
    ]
    frame = pd.DataFrame(rows, columns=list(ARTICLE_COLUMNS))
    frame["published"] = pd.to_datetime(frame["published"], utc=True)
    frame["n_words"] = frame["n_words"].astype("int64")
    for col in ("article_id", "title", "source", "author", "url", "text", "content_hash", "wire"):
        frame[col] = frame[col].astype("string")
    return frame
