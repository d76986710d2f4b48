"""One polite GET: robots.txt, per-host rate and concurrency, timeouts, retries with backoff for 429 and 5xx
(Retry-After honoured), bounded redirects, a content-type check and a size cap on the streamed body.

Every outcome is a :class:`Response`; nothing here raises for what a server does (the run goes on).
"""

from __future__ import annotations

import email.utils
import logging
import time
from dataclasses import dataclass
from datetime import UTC
from urllib.parse import urljoin, urlsplit

from .hosts import HostGate, host_of
from .options import ROBOTS_AGENT, FetchOptions
from .robots import Robots

log = logging.getLogger(__name__)

#: Content types read: HTML pages, feeds and sitemaps (XML). Anything else is logged and left.
READABLE = ("text/html", "application/xhtml+xml", "application/rss+xml", "application/atom+xml",
            "application/rdf+xml", "application/xml", "text/xml", "application/feed+json")
ROBOTS_MAX_BYTES = 512 * 1024


@dataclass
class Response:
    """What a GET came to: ``reason`` is ``ok``, ``not modified`` or the fault."""

    url: str
    status: int | None
    reason: str
    seconds: float
    final_url: str | None = None
    body: bytes | None = None
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    retry_after: str | None = None

    @property
    def ok(self) -> bool:
        return self.reason in ("ok", "not modified")

    @property
    def n_bytes(self) -> int:
        return len(self.body or b"")


def retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date), None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def readable(content_type: str | None) -> bool:
    media = (content_type or "").split(";")[0].strip().lower()
    return not media or media in READABLE or media.endswith("+xml")


def _megabytes(n: int) -> str:
    return f"{n / 2**20:g} MB"


class Fetcher:
    """GETs under one set of :class:`FetchOptions`; thread-safe (one client, per-host gates)."""

    def __init__(self, options: FetchOptions) -> None:
        import httpx  # loaded when something is fetched, not with newsbrief (a run of local files needs none)

        self.options = options
        self.gate = HostGate(rate=options.per_host_rate, concurrency=options.per_host_concurrency)
        timeout = httpx.Timeout(options.timeout)
        limits = httpx.Limits(max_connections=max(options.workers, 1) * 2)
        self.client = httpx.Client(timeout=timeout, limits=limits, follow_redirects=False,
                                   headers={"User-Agent": options.user_agent, "Accept-Encoding": "gzip, deflate"})
        self.robots = Robots(self._robots_txt, agent=ROBOTS_AGENT)
        self.requests = 0

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ one request
    def _once(self, url: str, headers: dict[str, str], *, max_bytes: int,
              check_type: bool = True) -> tuple[Response, str | None]:
        """One request (no redirect followed): the response and, for a redirect, its target."""
        import httpx

        start = time.monotonic()
        deadline = start + 3 * self.options.timeout
        with self.gate.request(url):
            self.requests += 1
            try:
                with self.client.stream("GET", url, headers=headers) as r:
                    status, head = r.status_code, r.headers
                    done = Response(url=url, status=status, reason="ok", seconds=0.0, final_url=url,
                                    content_type=head.get("content-type"), etag=head.get("etag"),
                                    last_modified=head.get("last-modified"))
                    if status in (301, 302, 303, 307, 308) and head.get("location"):
                        done.reason = "redirect"
                        return self._timed(done, start), urljoin(url, head["location"])
                    if status == 304:
                        done.reason = "not modified"
                        return self._timed(done, start), None
                    if status >= 400:
                        done.reason = f"HTTP {status}"
                        done.retry_after = head.get("retry-after")
                        return self._timed(done, start), None
                    if check_type and not readable(done.content_type):
                        done.reason = f"not HTML or a feed ({(done.content_type or '').split(';')[0].strip()})"
                        return self._timed(done, start), None
                    length = head.get("content-length", "")
                    if length.isdigit() and int(length) > max_bytes:
                        done.reason = f"larger than {_megabytes(max_bytes)}"
                        return self._timed(done, start), None
                    chunks, size = [], 0
                    for chunk in r.iter_bytes():
                        size += len(chunk)
                        if size > max_bytes:
                            done.reason = f"larger than {_megabytes(max_bytes)}"
                            return self._timed(done, start), None
                        if time.monotonic() > deadline:
                            done.reason = "timeout (body too slow)"
                            return self._timed(done, start), None
                        chunks.append(chunk)
                    done.body = b"".join(chunks)
                    return self._timed(done, start), None
            except httpx.TimeoutException:
                return self._timed(Response(url=url, status=None, reason="timeout", seconds=0.0), start), None
            except (httpx.HTTPError, OSError, ValueError) as e:
                detail = str(e).splitlines()[0] if str(e) else type(e).__name__
                return self._timed(Response(url=url, status=None, reason=f"unreachable: {detail}", seconds=0.0),
                                   start), None

    @staticmethod
    def _timed(response: Response, start: float) -> Response:
        response.seconds = round(time.monotonic() - start, 3)
        return response

    def _robots_txt(self, url: str) -> tuple[int | None, str | None]:
        r = self._with_retries(url, {}, max_bytes=ROBOTS_MAX_BYTES, check_type=False)
        if r.reason == "redirect" or r.status is None:
            return (None if r.status is None else 404), None
        if r.body is None:
            return r.status, None
        return r.status, r.body.decode("utf-8", errors="replace")

    def _with_retries(self, url: str, headers: dict[str, str], *, max_bytes: int,
                      check_type: bool = True) -> Response:
        """One hop with retries after 429 and 5xx; the last response otherwise."""
        tries = 0
        while True:
            response, target = self._once(url, headers, max_bytes=max_bytes, check_type=check_type)
            if target is not None:
                response.final_url = target
                return response
            status = response.status or 0
            if not (status == 429 or status >= 500) or tries >= self.options.retries:
                if tries and not response.ok:
                    response.reason += f" after {tries + 1} tries"
                return response
            wait = self.options.backoff * 2**tries
            asked = retry_after(response.retry_after) if status in (429, 503) else None
            if asked is not None:
                if asked > self.options.max_retry_after:
                    limit = self.options.max_retry_after
                    response.reason += f" (Retry-After {asked:.0f} s is longer than {limit:.0f} s)"
                    return response
                wait = max(wait, asked)
            log.info("%s: %s, trying again in %.1f s", url, response.reason, wait)
            self.gate.defer(host_of(url), wait)
            tries += 1

    # ------------------------------------------------------------------ the public GET
    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Response:
        """GET ``url`` politely, following at most ``max_redirects`` redirects; conditional when ``etag`` or
        ``last_modified`` is given (then a 304 comes back as ``not modified``)."""
        start = time.monotonic()
        seen = {url}
        current = url
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        for _ in range(self.options.max_redirects + 1):
            if urlsplit(current).scheme not in ("http", "https"):
                return self._timed(Response(url=url, status=None, reason=f"not an http(s) URL: {current}",
                                            seconds=0.0), start)
            if not self.robots.allowed(current):
                return self._timed(Response(url=url, status=None, reason="disallowed by robots.txt",
                                            seconds=0.0, final_url=current), start)
            response = self._with_retries(current, headers, max_bytes=self.options.max_bytes)
            if response.reason != "redirect":
                response.url, response.final_url = url, current
                return self._timed(response, start)
            target = response.final_url or current
            if target in seen:
                return self._timed(Response(url=url, status=response.status, reason="redirect loop",
                                            seconds=0.0, final_url=target), start)
            seen.add(target)
            current = target
            headers = {}  # validators belong to the URL they were given for
        return self._timed(Response(url=url, status=None, reason=f"more than {self.options.max_redirects} redirects",
                                    seconds=0.0, final_url=current), start)

