"""robots.txt per host, fetched once per run and read with :mod:`urllib.robotparser` (RFC 9309 rules)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from urllib.robotparser import RobotFileParser

from .hosts import host_of

log = logging.getLogger(__name__)

#: (status, text) of GET /robots.txt; status None when the host could not be reached.
RobotsGetter = Callable[[str], tuple[int | None, str | None]]


class Robots:
    """Whether ``agent`` may fetch a URL. A missing robots.txt (4xx) allows everything; a server error (5xx)
    disallows the host for this run (RFC 9309, 2.3.1.4); an unreachable host is left to the page request, which
    then fails on its own and is logged as unreachable."""

    def __init__(self, get: RobotsGetter, *, agent: str) -> None:
        self.get, self.agent = get, agent
        self._lock = threading.Lock()
        self._hosts: dict[str, tuple[RobotFileParser | None, str | None]] = {}
        self._host_locks: dict[str, threading.Lock] = {}

    def _rules(self, host: str) -> tuple[RobotFileParser | None, str | None]:
        with self._lock:
            lock = self._host_locks.setdefault(host, threading.Lock())
        with lock:
            if host not in self._hosts:
                self._hosts[host] = self._read(host)
            return self._hosts[host]

    def _read(self, host: str) -> tuple[RobotFileParser | None, str | None]:
        status, text = self.get(f"{host}/robots.txt")
        parser = RobotFileParser(f"{host}/robots.txt")
        if status is None:
            return None, None
        if status >= 500:
            log.info("%s/robots.txt answered %d: the host is treated as disallowed", host, status)
            parser.disallow_all = True  # type: ignore[attr-defined]  # RobotFileParser's own flag
        elif status >= 400 or text is None:
            parser.allow_all = True  # type: ignore[attr-defined]
        else:
            parser.parse(text.splitlines())
        return parser, text if status < 400 else None

    def allowed(self, url: str) -> bool:
        parser, _ = self._rules(host_of(url))
        return True if parser is None else parser.can_fetch(self.agent, url)

    def text(self, url: str) -> str | None:
        """The host's robots.txt (for its ``Sitemap:`` lines), or None."""
        return self._rules(host_of(url))[1]
