"""Fetch the sources of a run: resolve each input (feed, sitemap, home page, page, URL-list file) to page links,
then read each page from the raw cache or the web. Faults become fetch-log rows; nothing here stops the run.

A page already in the cache is not requested again (unless ``revalidate``); feeds, sitemaps and home pages are
re-checked each run with a conditional GET (ETag / Last-Modified), so a re-run asks only for what is new.
With ``offline`` nothing is requested: sources and pages come from the cache as last fetched.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from ..params import is_url
from .cache import Entry, RawCache
from .http import Fetcher, Response
from .log import FetchLog, LogRow
from .options import FetchOptions
from .sources import Link, discovered_feeds, feed_items, is_home_page, kind_of, robots_sitemaps, sitemap_links, url_list

log = logging.getLogger(__name__)

OFFLINE_MISSING = "offline: not fetched before"


@dataclass(frozen=True)
class FetchedPage:
    """A page read from the cache (fetched in this run or an earlier one), ready for the HTML ingest."""

    url: str
    path: Path
    article_id: str
    published: datetime | None = None


@dataclass
class FetchOutcome:
    pages: list[FetchedPage] = field(default_factory=list)
    log: FetchLog = field(default_factory=FetchLog)
    requests: int = 0
    left_out: int = 0  # links over max_pages


def article_id_for(url: str) -> str:
    """A stable, readable id: the last path segment as a slug plus 8 hex digits of the URL's hash."""
    parts = urlsplit(url)
    segment = next((s for s in reversed(parts.path.split("/")) if s), parts.hostname or "page")
    slug = re.sub(r"[^a-z0-9]+", "-", re.sub(r"\.(s?html?|php|aspx?)$", "", segment.lower())).strip("-")[:60]
    return f"{slug or 'page'}-{hashlib.sha1(url.encode('utf-8')).hexdigest()[:8]}"


def _newest_first(links: list[Link]) -> list[Link]:
    if links and all(link.published is not None for link in links):
        return sorted(links, key=lambda link: link.published, reverse=True)  # type: ignore[arg-type, return-value]
    return links


class _Run:
    def __init__(self, cache: RawCache, options: FetchOptions, fetcher: Fetcher | None) -> None:
        self.cache, self.options, self.fetcher = cache, options, fetcher
        self.log = FetchLog()
        self.sitemaps_read = 0
        self.settled: set[str] = set()  # URLs with a log row in this run
        self.now = datetime.now(UTC)

    # ------------------------------------------------------------------ reading one URL
    def _get(self, url: str, *, conditional: bool) -> tuple[Entry | None, Response | None]:
        """The cached entry of ``url`` after a (conditional) GET. A fault is logged, and gives the copy fetched
        before when there is one (a feed that fails today), else None."""
        cached = self.cache.verified(url)
        self.settled.add(url)
        if self.fetcher is None:  # offline
            if cached is None:
                self.log.add(LogRow(url, None, OFFLINE_MISSING))
            else:
                self.log.add(LogRow(url, None, "cached", self.cache.path(cached).stat().st_size))
            return cached, None
        validators = {"etag": cached.etag, "last_modified": cached.last_modified} if cached and conditional else {}
        response = self.fetcher.get(url, **validators)
        if response.reason == "not modified" and cached is not None:
            self.log.add(LogRow(url, response.status, "not modified", 0, response.seconds))
            return cached, response
        if response.body is None or not response.ok:
            reason = response.reason if response.reason != "not modified" else "not modified, but not cached"
            if cached is not None:  # a feed that fails today: its copy from the last run is read, the fault logged
                reason += "; the copy fetched before is used"
            self.log.add(LogRow(url, response.status, reason, response.n_bytes, response.seconds))
            return cached, response
        suffix = ".html" if kind_of(response.body) == "html" else ".xml"  # pages .html, feeds and sitemaps .xml
        entry = self.cache.put(url, response.body, suffix=suffix, content_type=response.content_type,
                               etag=response.etag, last_modified=response.last_modified,
                               final_url=response.final_url)
        self.log.add(LogRow(url, response.status, "ok", response.n_bytes, response.seconds))
        return entry, response

    def _fresh(self, link: Link) -> bool:
        age = self.options.max_age
        return age is None or link.published is None or self.now - link.published <= age

    # ------------------------------------------------------------------ sources to links
    def links_of(self, url: str, *, depth: int = 0) -> list[Link]:
        """The page links a URL input stands for (itself when it is a page)."""
        cached = self.cache.verified(url)
        if cached is not None and cached.suffix == ".html" and not is_home_page(url) and not self.options.revalidate:
            return [Link(url)]  # a page fetched before: read from the cache, not requested
        entry, _ = self._get(url, conditional=True)
        if entry is None:
            return []
        body = self.cache.path(entry).read_bytes()
        kind = kind_of(body)
        base = entry.final_url or url
        if kind == "feed":
            return _newest_first([link for link in feed_items(body, base=base) if self._fresh(link)])
        if kind == "sitemap":
            return [link for link in sitemap_links(body, base=base) if self._fresh(link)]
        if kind == "sitemap-index":
            return self._sitemap_index(sitemap_links(body, base=base), depth=depth)
        if is_home_page(url):
            return self._home_page(url, body, depth=depth)
        return [Link(url)]

    def _sitemap_index(self, children: list[Link], *, depth: int) -> list[Link]:
        links: list[Link] = []
        for child in children:
            if depth >= 2 or self.sitemaps_read >= self.options.max_sitemaps:
                log.info("%s: sitemap left out (more than %d sitemaps)", child.url, self.options.max_sitemaps)
                continue
            if not self._fresh(child):
                continue
            self.sitemaps_read += 1
            links += self.links_of(child.url, depth=depth + 1)
        return links

    def _home_page(self, url: str, body: bytes, *, depth: int) -> list[Link]:
        feeds = discovered_feeds(body, url=url)
        if feeds:
            return self.links_of(feeds[0], depth=depth + 1)
        robots = self.fetcher.robots.text(url) if self.fetcher is not None else None
        sitemaps = robots_sitemaps(robots, url=url)
        if sitemaps:
            return self._sitemap_index([Link(s) for s in sitemaps], depth=depth)
        self.log.add(LogRow(url, 200, "no feed or sitemap found on the home page"))
        return []

    # ------------------------------------------------------------------ pages
    def page(self, link: Link) -> FetchedPage | None:
        cached = self.cache.verified(link.url)
        reuse = link.url in self.settled or not self.options.revalidate
        if cached is not None and cached.suffix == ".html" and reuse:
            if link.url not in self.settled:
                self.settled.add(link.url)
                self.log.add(LogRow(link.url, None, "cached", self.cache.path(cached).stat().st_size))
            entry: Entry | None = cached
        else:
            entry, _ = self._get(link.url, conditional=True)
        if entry is None:
            return None
        return FetchedPage(url=link.url, path=self.cache.path(entry), article_id=article_id_for(link.url),
                           published=link.published)


def source_urls(sources: Sequence[str | Path]) -> list[str]:
    """The URLs of the inputs: URLs themselves and the lines of URL-list files, in order, once each."""
    urls: list[str] = []
    for item in sources:
        listed = [str(item)] if is_url(str(item)) else url_list(Path(item)) or []
        urls += [u for u in listed if u not in urls]
    return urls


def fetch_sources(sources: Sequence[str | Path], *, cache: str | Path | RawCache,
                  options: FetchOptions | None = None) -> FetchOutcome:
    """Read every page the sources stand for (at most ``max_pages``) into the raw cache; see the module doc."""
    options = options or FetchOptions()
    store = cache if isinstance(cache, RawCache) else RawCache(cache)
    outcome = FetchOutcome()
    with store.locked():
        fetcher = None if options.offline else Fetcher(options)
        try:
            run = _Run(store, options, fetcher)
            links: dict[str, Link] = {}
            for url in source_urls(sources):
                for link in run.links_of(url):
                    links.setdefault(link.url, link)
            chosen = list(links.values())[: options.max_pages]
            outcome.left_out = len(links) - len(chosen)
            if outcome.left_out:
                log.info("%d link(s) left out: more than max_pages (%d)", outcome.left_out, options.max_pages)
            with ThreadPoolExecutor(max_workers=max(1, options.workers), thread_name_prefix="newsbrief-fetch") as pool:
                pages = list(pool.map(run.page, chosen))
            outcome.pages = [p for p in pages if p is not None]
            order = {link.url: i for i, link in enumerate(chosen, start=1)}  # sources (0) first, pages in link order
            run.log.rows.sort(key=lambda row: order.get(row.url, 0))
            outcome.log = run.log
            outcome.requests = fetcher.requests if fetcher is not None else 0
        finally:
            if fetcher is not None:
                fetcher.close()
    return outcome
