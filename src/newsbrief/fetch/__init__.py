"""Live sources: feeds, sitemaps, home pages and URL lists fetched politely into a raw page cache.

:func:`fetch_sources` resolves URL inputs to pages and reads each from the cache or the web (robots.txt, per-host
rate and concurrency, timeouts, retries, size cap); every URL tried is a row of the fetch log (``fetch.csv``).
"""

from __future__ import annotations

from .cache import RawCache, cache_folder
from .log import FetchLog, LogRow, read_counts
from .options import USER_AGENT, FetchOptions
from .run import FetchedPage, FetchOutcome, article_id_for, fetch_sources, source_urls
from .sources import is_source, url_list

__all__ = ["USER_AGENT", "FetchLog", "FetchOptions", "FetchOutcome", "FetchedPage", "LogRow", "RawCache",
           "article_id_for", "cache_folder", "fetch_sources", "is_source", "read_counts", "source_urls", "url_list"]
