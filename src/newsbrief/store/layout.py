"""Names on disk of a dataset version, and the publication month that partitions its article tables.

A dataset version written by :class:`~newsbrief.store.writer.DatasetWriter`::

    v-<stamp>/manifest.json
    v-<stamp>/<table>/month=YYYY-MM/part-<n>.parquet   articles, mentions, quotes, sentences
    v-<stamp>/<table>/month=undated/part-<n>.parquet   rows of articles without a publication date
    v-<stamp>/entities/part-0.parquet

Parts with the same ``<n>`` in different tables hold the rows of the same articles (one batch, one month).
Versions written before partitioning hold one ``<table>.parquet`` per table; both are read everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import pandas as pd

TABLES: tuple[str, ...] = ("articles", "mentions", "entities", "quotes", "sentences")
#: Tables partitioned by the publication month (UTC) of their article; the others are one file.
PARTITIONED: tuple[str, ...] = ("articles", "mentions", "quotes", "sentences")
#: The Hive partition key (a VARCHAR column of the DuckDB views) and its value for undated articles.
MONTH = "month"
UNDATED = "undated"
CURRENT = "CURRENT"
LOCK = ".lock"
SUPERSEDED = ".superseded"
#: A replaced dataset version is removed by the first write after it has been replaced this long (seconds).
GRACE_SECONDS = 600.0

_PART = re.compile(r"part-(\d+)\.parquet$")


def months_of(published: pd.Series) -> pd.Series:
    """``'YYYY-MM'`` of each publication time in UTC (naive times are taken as UTC), ``'undated'`` for none."""
    times = pd.to_datetime(published, utc=True, errors="coerce")
    out = pd.Series(UNDATED, index=published.index, dtype=object)
    dated = times.notna()
    if dated.any():
        stamp = times[dated]
        out[dated] = [f"{y:04d}-{m:02d}" for y, m in zip(stamp.dt.year, stamp.dt.month)]
    return out


def article_months(articles: pd.DataFrame) -> pd.Series:
    """The month of each row of an ``articles`` frame (all undated when it has no ``published`` column)."""
    if "published" not in articles.columns:
        return pd.Series(UNDATED, index=articles.index, dtype=object)
    return months_of(articles["published"])


def child_months(frame: pd.DataFrame, by_article: Mapping[Any, str]) -> pd.Series:
    """The month of each row of a child table (mentions, quotes, sentences): its article's, else undated."""
    if "article_id" not in frame.columns:
        return pd.Series(UNDATED, index=frame.index, dtype=object)
    return frame["article_id"].map(by_article).astype(object).fillna(UNDATED)


@dataclass(frozen=True)
class Partitioning:
    """How a store's article tables are partitioned: by the publication month (UTC) of their article. Code outside
    the store asks this record (the partition column, the partitions a span of time covers, a row's partition)
    instead of assuming months."""

    column: str = MONTH
    undated: str = UNDATED
    tables: tuple[str, ...] = PARTITIONED

    def of(self, published: pd.Series) -> pd.Series:
        """The partition of each publication time (:func:`months_of`)."""
        return months_of(published)

    def of_articles(self, articles: pd.DataFrame) -> pd.Series:
        """The partition of each row of an ``articles`` frame."""
        return article_months(articles)

    def of_children(self, frame: pd.DataFrame, by_article: Mapping[Any, str]) -> pd.Series:
        """The partition of each row of a child table (its article's)."""
        return child_months(frame, by_article)

    def covering(self, periods: pd.Series, freq: str) -> list[str]:
        """The partitions that the ``freq`` periods starting at ``periods`` overlap."""
        out: set[str] = set()
        for start in pd.to_datetime(periods):
            end = pd.Period(start, freq=freq).end_time
            out.update(f"{m:%Y-%m}" for m in pd.period_range(start, end, freq="M").start_time)
        return sorted(out)

    def columns_but_partition(self, columns: Collection[str]) -> str:
        """A SELECT list of every column but the partition column (a view of a partitioned store has it)."""
        return f"* EXCLUDE ({self.column})" if self.column in columns else "*"

    def drop(self, frame: pd.DataFrame) -> pd.DataFrame:
        """``frame`` without the partition column."""
        return frame.drop(columns=[self.column]) if self.column in frame.columns else frame


#: The store's partitioning.
PARTITIONING = Partitioning()


def part_key(table: str, month: str | None, number: int) -> str:
    """The manifest key (and relative path) of one part file."""
    if month is None:
        return f"{table}/part-{number}.parquet"
    return f"{table}/{MONTH}={month}/part-{number:05d}.parquet"


def table_of(key: str) -> str:
    """The table a manifest key belongs to: ``mentions/month=1987-03/part-00003.parquet`` or ``mentions.parquet``."""
    path = PurePosixPath(key)
    return path.parts[0] if len(path.parts) > 1 else path.stem


def part_number(key: str) -> int:
    found = _PART.search(key)
    return int(found.group(1)) if found else -1


def is_partitioned_key(key: str) -> bool:
    return any(part.startswith(f"{MONTH}=") for part in PurePosixPath(key).parts[:-1])


def file_parts(files: Mapping[str, Sequence[Path]], *, by: str = "month") -> list[dict[str, list[Path]]]:
    """A partitioned store's files (``table_files``) as article-disjoint parts: one per month partition
    (``by="month"``: ``<table>/month=…/``) or one per written part (``by="file"``: ``part-N`` of a month holds the
    same articles in every table, so months of very different sizes still spread over the workers); the tables
    that are not split by article (entities) go whole into every part. A store written before partitioning is
    one part."""
    groups: dict[tuple[str, int], dict[str, list[Path]]] = {}
    for name in PARTITIONING.tables:
        for path in files.get(name, []):
            month = path.parent.name if path.parent.name.startswith(f"{PARTITIONING.column}=") else ""
            number = part_number(path.name) if by == "file" else -1
            groups.setdefault((month, number), {}).setdefault(name, []).append(path)
    whole = {name: list(paths) for name, paths in files.items() if name not in PARTITIONING.tables}
    if not groups or any(month == "" for month, _ in groups):  # not partitioned (or mixed): one part
        return [{name: list(paths) for name, paths in files.items()}]
    if by == "file" and any(number < 0 for _, number in groups):  # unnumbered files: by month
        return file_parts(files, by="month")
    return [{**{name: by_table.get(name, []) for name in PARTITIONING.tables if name in files}, **whole}
            for _, by_table in sorted(groups.items())]
