"""Per-host politeness: at most ``concurrency`` requests in flight and ``rate`` requests per second per host."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit


def host_of(url: str) -> str:
    """``scheme://host:port`` of a URL: the unit of politeness and of robots.txt."""
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


class HostGate:
    """Spaces the requests to each host ``1 / rate`` seconds apart and bounds how many run at once."""

    def __init__(self, *, rate: float, concurrency: int) -> None:
        self.interval = 1.0 / rate
        self.concurrency = concurrency
        self._lock = threading.Lock()
        self._next: dict[str, float] = {}
        self._slots: dict[str, threading.BoundedSemaphore] = {}

    def _slot(self, host: str) -> threading.BoundedSemaphore:
        with self._lock:
            if host not in self._slots:
                self._slots[host] = threading.BoundedSemaphore(self.concurrency)
            return self._slots[host]

    def _turn(self, host: str) -> float:
        """Reserve this host's next start time; return how long to wait for it."""
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next.get(host, now))
            self._next[host] = start + self.interval
            return start - now

    def defer(self, host: str, seconds: float) -> None:
        """No request to ``host`` for ``seconds`` (a 429's Retry-After, a backoff)."""
        with self._lock:
            until = time.monotonic() + seconds
            self._next[host] = max(self._next.get(host, until), until)

    @contextmanager
    def request(self, url: str) -> Iterator[None]:
        """Hold one of the host's slots, starting no sooner than its rate allows."""
        host = host_of(url)
        slot = self._slot(host)
        with slot:
            wait = self._turn(host)
            if wait > 0:
                time.sleep(wait)
            yield
