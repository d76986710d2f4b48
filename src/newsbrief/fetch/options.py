"""The limits of one fetch: politeness, bounds, and whether the network is used at all."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from .. import __version__

#: Names the tool and its version to every server (robots.txt rules for "newsbrief" apply).
USER_AGENT = f"newsbrief/{__version__} (news briefing generator; respects robots.txt)"
ROBOTS_AGENT = "newsbrief"


@dataclass(frozen=True)
class FetchOptions:
    """How URL inputs are fetched. ``per_host_rate`` is requests per second to one host; ``max_bytes`` caps one
    response (the body is streamed and reading stops past the cap); ``timeout`` bounds each request (connect and
    each read, and the whole body at three times that); ``retries`` are extra tries after a 429 or 5xx, waiting
    ``backoff`` x 2^n seconds or the server's Retry-After (up to ``max_retry_after``). ``offline`` reads only
    what was fetched before; ``revalidate`` re-checks pages already fetched with a conditional GET (feeds,
    sitemaps and home pages are always re-checked that way)."""

    max_pages: int = 200
    max_age: timedelta | None = None
    per_host_rate: float = 1.0
    per_host_concurrency: int = 2
    workers: int = 8
    timeout: float = 20.0
    retries: int = 3
    backoff: float = 0.5
    max_retry_after: float = 120.0
    max_bytes: int = 10 * 2**20
    max_redirects: int = 5
    max_sitemaps: int = 20
    offline: bool = False
    revalidate: bool = False
    user_agent: str = USER_AGENT

    @classmethod
    def from_params(cls, params: Any, **overrides: Any) -> FetchOptions:
        """The options of validated run parameters (``max_pages``, ``max_age``, ``per_host_rate``, ``offline``)."""
        values = {name: getattr(params, name) for name in ("max_pages", "max_age", "per_host_rate", "offline")
                  if hasattr(params, name)}
        return cls(**{**values, **overrides})
