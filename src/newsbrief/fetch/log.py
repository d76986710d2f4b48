"""The fetch log: one line per URL a run tried to read (``fetch.csv`` in the run folder), and its summary."""

from __future__ import annotations

import csv
import io
import threading
from dataclasses import astuple, dataclass, field
from pathlib import Path

from .cache import atomic_write

COLUMNS: tuple[str, ...] = ("url", "status", "reason", "bytes", "seconds")
#: Reasons that mean the URL was read (from the network or the cache).
READ = frozenset({"ok", "not modified", "cached"})


@dataclass(frozen=True)
class LogRow:
    url: str
    status: int | None
    reason: str
    bytes: int = 0
    seconds: float = 0.0

    @property
    def read(self) -> bool:
        return self.reason in READ


@dataclass
class FetchLog:
    """Rows in the order the URLs were settled (thread-safe)."""

    rows: list[LogRow] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def add(self, row: LogRow) -> LogRow:
        with self._lock:
            self.rows.append(row)
        return row

    @property
    def failed(self) -> list[LogRow]:
        return [r for r in self.rows if not r.read]

    def csv_text(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(COLUMNS)
        for row in self.rows:
            url, status, reason, n, seconds = astuple(row)
            writer.writerow([url, "" if status is None else status, reason, n, f"{seconds:.3f}"])
        return out.getvalue()

    def write(self, path: str | Path) -> Path:
        path = Path(path)
        atomic_write(path, self.csv_text().encode("utf-8"))
        return path

    def summary(self) -> str:
        """``3 of 120 links could not be read (first: URL: reason)`` or ``120 links read``."""
        failed = self.failed
        if not failed:
            return f"{len(self.rows)} links read"
        return (f"{len(failed)} of {len(self.rows)} links could not be read (first: {failed[0].url}: "
                f"{failed[0].reason})")


def read_counts(path: str | Path) -> tuple[int, int] | None:
    """(links that could not be read, links) of a run's ``fetch.csv``; None when the run fetched nothing."""
    try:
        with Path(path).open(newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
    except (OSError, csv.Error, UnicodeDecodeError):
        return None
    if not rows:
        return None
    return sum(r.get("reason") not in READ for r in rows), len(rows)
