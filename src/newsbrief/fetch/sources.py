"""What a fetched document holds: a feed's items (RSS 2.0, RSS 1.0/RDF, Atom) with their dates, a sitemap's
locations (or its child sitemaps), the feeds a home page announces, and the links of a URL-list file.

Feed detection and home-page feed discovery are trafilatura's (:func:`trafilatura.feeds.is_potential_feed`,
:func:`trafilatura.feeds.determine_feed`), as is reading ``Sitemap:`` lines of robots.txt. Items are read here
with lxml because trafilatura's feed and sitemap link extractors return links without their dates (needed for
``max_age``) and drop hosts that have no registered domain (an IP address, an intranet name).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal
from urllib.parse import urljoin, urlsplit

from lxml import etree

from .. import dates
from ..params import is_url

log = logging.getLogger(__name__)

Kind = Literal["feed", "sitemap", "sitemap-index", "html"]
#: Suffix of a URL-list file; a .txt file whose every line is a URL (or a # comment) is one too.
URL_LIST_SUFFIX = ".urls"


@dataclass(frozen=True)
class Link:
    """A link found in a source, with its date when the source gives one."""

    url: str
    published: datetime | None = None


def _root(body: bytes) -> etree._Element | None:
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
    try:
        return etree.fromstring(body.lstrip(), parser)
    except (etree.XMLSyntaxError, ValueError):
        return None


def _local(element: etree._Element) -> str:
    tag = element.tag
    return etree.QName(tag).localname.lower() if isinstance(tag, str) else ""


def kind_of(body: bytes) -> Kind:
    """feed, sitemap (a urlset), sitemap-index, or html (anything else)."""
    from trafilatura.feeds import is_potential_feed  # trafilatura loads when a fetch reads a page, not with newsbrief

    head = body[:2048].decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    if not (is_potential_feed(head) or head.startswith(("<urlset", "<sitemapindex"))):
        return "html"
    root = _root(body)
    name = _local(root) if root is not None else ""
    if name in ("rss", "rdf", "feed"):
        return "feed"
    if name == "urlset":
        return "sitemap"
    if name == "sitemapindex":
        return "sitemap-index"
    return "html"


def parse_date(text: str | None) -> datetime | None:
    """RFC 822 (RSS) or ISO 8601 (Atom, sitemaps, Dublin Core) as an aware UTC datetime.

    Read by ingest's date reader (:func:`newsbrief.dates.parse_date`: zone names, partial dates
    left missing), then put in UTC: feed dates are compared and stored as instants.
    """
    moment = dates.parse_date(text)
    return moment.astimezone(UTC) if moment is not None else None


def _child(element: etree._Element, *names: str) -> etree._Element | None:
    for child in element:
        if _local(child) in names:
            return child
    return None


def _text(element: etree._Element | None) -> str | None:
    return (element.text or "").strip() or None if element is not None else None


def feed_items(body: bytes, *, base: str) -> list[Link]:
    """The items of an RSS or Atom feed in feed order: link (relative links resolved) and date."""
    root = _root(body)
    if root is None:
        return []
    links: list[Link] = []
    for item in root.iter():
        name = _local(item)
        if name == "item":  # RSS 2.0 and RSS 1.0 (RDF)
            href = _text(_child(item, "link"))
            guid = _child(item, "guid")
            if href is None and guid is not None and guid.get("isPermaLink", "true") != "false":
                href = _text(guid)
            when = parse_date(_text(_child(item, "pubdate", "date", "published", "updated")))
        elif name == "entry":  # Atom
            href = None
            for link in (c for c in item if _local(c) == "link"):
                if link.get("rel", "alternate") == "alternate" and link.get("href"):
                    href = link.get("href")
                    break
            when = parse_date(_text(_child(item, "published", "updated", "issued", "modified")))
        else:
            continue
        if href:
            links.append(Link(urljoin(base, href.strip()), when))
    return links


def sitemap_links(body: bytes, *, base: str) -> list[Link]:
    """The ``<loc>`` of each ``<url>`` (a urlset) or ``<sitemap>`` (an index), with ``<lastmod>``."""
    root = _root(body)
    if root is None:
        return []
    links = []
    for entry in root:
        if _local(entry) not in ("url", "sitemap"):
            continue
        loc = _text(_child(entry, "loc"))
        if loc:
            links.append(Link(urljoin(base, loc), parse_date(_text(_child(entry, "lastmod")))))
    return links


def is_home_page(url: str) -> bool:
    """A site's home page (no path): its feeds are discovered and read instead of the page itself."""
    parts = urlsplit(url)
    return parts.path in ("", "/") and not parts.query


def discovered_feeds(body: bytes, *, url: str) -> list[str]:
    """Feed URLs a home page announces (``<link rel="alternate">``, else links that look like feeds)."""
    from trafilatura.feeds import FeedParameters, determine_feed

    host = urlsplit(url).hostname or ""
    html = body.decode("utf-8", errors="replace")
    return determine_feed(html, FeedParameters(baseurl=f"{urlsplit(url).scheme}://{urlsplit(url).netloc}",
                                               domain=host, reference=url))


def robots_sitemaps(robots_txt: str | None, *, url: str) -> list[str]:
    """``Sitemap:`` lines of a host's robots.txt."""
    from trafilatura.sitemaps import extract_robots_sitemaps

    parts = urlsplit(url)
    return extract_robots_sitemaps(robots_txt, f"{parts.scheme}://{parts.netloc}")


def url_list(path: Path) -> list[str] | None:
    """The URLs of a URL-list file (one per line, ``#`` comments), or None when ``path`` is not one: a
    ``.urls`` file, or a ``.txt`` file whose every non-blank line is an http(s) URL."""
    if path.suffix.lower() not in (URL_LIST_SUFFIX, ".txt") or not path.is_file():
        return None
    try:
        with path.open("rb") as f:
            head = f.read(1 << 20)
    except OSError:
        return None
    lines = [line.strip() for line in head.decode("utf-8", errors="replace").splitlines()]
    urls = [line for line in lines if line and not line.startswith("#")]
    if path.suffix.lower() == URL_LIST_SUFFIX or (urls and all(is_url(u) and " " not in u for u in urls)):
        return [u for u in urls if is_url(u)]
    return None


def is_source(item: str | Path) -> bool:
    """True for an input read over the web: a URL, or a URL-list file."""
    return is_url(str(item)) or url_list(Path(item)) is not None
