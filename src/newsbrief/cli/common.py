"""Helpers shared by the CLI commands: progress bars and stage messages (printing lives here)."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

#: Seconds between progress lines when stderr is not a terminal (logs of scheduled runs).
LOG_INTERVAL = 5.0


def _duration(seconds: float) -> str:
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"


class LogProgress:
    """Progress as plain lines, at most one every ``interval`` seconds, and one at the end of work
    that lasted longer than that (short work prints nothing):
    ``newsbrief: annotating: 640/19,043 articles (3%), 12.1 articles/s, about 25 min 21 s left``."""

    def __init__(self, desc: str, total: int, *, unit: str = "article", interval: float = LOG_INTERVAL,
                 stream: TextIO | None = None, clock: Callable[[], float] = time.monotonic) -> None:
        self.unit = unit
        self.desc, self.total, self.interval, self.stream, self.clock = desc, total, interval, stream, clock
        self.done = 0
        self.start = self.last = clock()

    def __call__(self, n: int) -> None:
        self.done += n
        now = self.clock()
        if now - self.last >= self.interval or (self.done >= self.total and self.last > self.start):
            self.last = now
            print(self.line(now), file=self.stream or sys.stderr, flush=True)

    def line(self, now: float) -> str:
        elapsed = now - self.start
        rate = self.done / elapsed if elapsed > 0 else 0.0
        share = f" ({self.done / self.total:.0%})" if self.total else ""
        head = f"newsbrief: {self.desc}: {self.done:,}/{self.total:,} {self.unit}s{share}"
        if self.done >= self.total:
            return f"{head}, {rate:,.1f} {self.unit}s/s, done in {_duration(elapsed)}"
        left = f", about {_duration((self.total - self.done) / rate)} left" if rate > 0 else ""
        return f"{head}, {rate:,.1f} {self.unit}s/s{left}"


def _unit(desc: str) -> str:
    return "briefing" if desc.startswith("briefing") else "article"


def progress_factory(enabled: bool, *, tty: bool | None = None,
                     interval: float = LOG_INTERVAL) -> Callable[[str, int], Callable[[int], None]] | None:
    """Progress callbacks for long work: a tqdm bar (count, rate, time left) on a terminal, else a
    line every ``interval`` seconds. None when ``enabled`` is false (--quiet)."""
    if not enabled:
        return None
    if not (sys.stderr.isatty() if tty is None else tty):
        return lambda desc, total: LogProgress(desc, total, unit=_unit(desc), interval=interval)
    from tqdm import tqdm

    def make(desc: str, total: int) -> Callable[[int], None]:
        bar = tqdm(total=total, desc=desc, unit=_unit(desc), file=sys.stderr, dynamic_ncols=True)

        def tick(n: int) -> None:
            bar.update(n)
            if bar.n >= total:
                bar.close()

        return tick

    return make


def stage_printer(quiet: bool) -> Callable[[str], None]:
    def say(message: str) -> None:
        if not quiet:
            print(f"newsbrief: {message} ...", file=sys.stderr, flush=True)

    return say


