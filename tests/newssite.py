"""A made-up news site served on 127.0.0.1 for the fetch tests and benchmarks/fetch.py: article pages, an RSS
feed, an Atom feed, a sitemap, a home page announcing the feed, robots.txt, and pages that misbehave.

Every request is counted by path (``site.counts``) with its User-Agent (``site.agents``).
"""

from __future__ import annotations

import contextlib
import email.utils
import hashlib
import threading
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

from stories import STORIES

PEOPLE = ["Jane Holt", "Sam Reed", "Olaf Scholz", "Maria Lopez", "Ana Silva", "Tom Baker", "Lena Berg", "Ravi Shah"]
PLACES = ["Berlin", "Lisbon", "Oslo", "Nairobi", "Lima", "Osaka", "Dublin", "Quebec"]
TOPICS = ["the bus network", "the trade deal", "the flood repairs", "the school budget", "the new hospital",
          "the harbour road", "the energy plan", "the housing law"]
MEGABYTE = 2**20
FAULTS = {
    "/fault/500": "HTTP 500",
    "/fault/404": "HTTP 404",
    "/fault/slow": "timeout",
    "/fault/loop-a": "redirect loop",
    "/fault/huge": "larger than",
    "/fault/huge-chunked": "larger than",
    "/private/secret.html": "disallowed by robots.txt",
    "/fault/photo.png": "not HTML or a feed (image/png)",
}


def article_text(i: int) -> tuple[str, str]:
    """(title, body) of made-up article ``i``: one of the stories plus sentences that make it distinct."""
    person, place, topic = PEOPLE[i % len(PEOPLE)], PLACES[(i // 3) % len(PLACES)], TOPICS[(i // 7) % len(TOPICS)]
    title = f"{person} speaks on {topic} in {place} (report {i})"
    body = [f"{person} spoke in {place} on Monday about {topic}, report number {i} of this series said.",
            STORIES[i % len(STORIES)],
            f"\"We will keep working on {topic},\" {person} said. Critics in {place} said the plan was "
            f"late and asked for a public hearing before the vote, which is due in {i % 12 + 1} weeks."]
    return title, "\n".join(body)


def article_html(i: int, published: datetime) -> str:
    title, body = article_text(i)
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in body.split("\n"))
    return (f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{escape(title)} - Test Times"
            f"</title><meta property=\"og:site_name\" content=\"Test Times\"><meta property=\"article:published_time\" "
            f"content=\"{published.isoformat()}\"></head><body><nav><a href=\"/\">Home</a></nav><article>"
            f"<h1>{escape(title)}</h1><p class=\"byline\">By Test Reporter</p>{paragraphs}</article>"
            f"<footer>Test Times</footer></body></html>")


class NewsSite:
    """Articles 0..n-1, newest last; ``add(k)`` publishes k more (they appear in the feeds and the sitemap)."""

    def __init__(self, n: int, *, start: datetime | None = None, slow_seconds: float = 3.0,
                 home_feed: bool = True, page_delay: float = 0.0) -> None:
        self.start_time = start or datetime.now(UTC) - timedelta(days=n)
        self.n = n
        self.slow_seconds = slow_seconds
        self.home_feed = home_feed  # the home page announces /feed.xml (else only robots.txt names the sitemap)
        self.page_delay = page_delay  # seconds each article page takes to answer
        self.in_flight = self.most_in_flight = 0
        self.counts: Counter[str] = Counter()
        self.agents: set[str] = set()
        self.times: dict[str, list[float]] = {}
        self.extra_feed_items: list[str] = []  # paths listed in /faults.xml
        self._lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    # ------------------------------------------------------------------ content
    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def published(self, i: int) -> datetime:
        return self.start_time + timedelta(hours=6 * i)

    def path(self, i: int) -> str:
        return f"/news/{i:04d}-story.html"

    def add(self, k: int) -> None:
        with self._lock:
            self.n += k

    def article_requests(self) -> int:
        return sum(n for path, n in self.counts.items() if path.startswith("/news/"))

    def _rss(self) -> str:
        items = "".join(
            f"<item><title>{escape(article_text(i)[0])}</title><link>{self.base}{self.path(i)}</link>"
            f"<pubDate>{email.utils.format_datetime(self.published(i))}</pubDate></item>"
            for i in reversed(range(self.n)))
        return (f"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Test Times</title>"
                f"<link>{self.base}/</link>{items}</channel></rss>")

    def _atom(self) -> str:
        entries = "".join(
            f"<entry><title>{escape(article_text(i)[0])}</title><link rel=\"alternate\" href=\"{self.path(i)}\"/>"
            f"<id>tag:test,{i}</id><updated>{self.published(i).isoformat()}</updated></entry>"
            for i in reversed(range(self.n)))
        return (f"<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
                f"<title>Test Times</title><link rel=\"self\" href=\"{self.base}/atom.xml\"/>{entries}</feed>")

    def _sitemap(self) -> str:
        urls = "".join(f"<url><loc>{self.base}{self.path(i)}</loc><lastmod>{self.published(i).isoformat()}</lastmod>"
                       f"</url>" for i in range(self.n))
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/"
                f"0.9\">{urls}</urlset>")

    def _faults_feed(self) -> str:
        paths = [*FAULTS, "/fault/429", *self.extra_feed_items, self.path(0), self.path(1)]
        items = "".join(f"<item><title>{p}</title><link>{self.base}{p}</link></item>" for p in paths)
        return f"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Faults</title>{items}</channel></rss>"

    # ------------------------------------------------------------------ serving
    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def _send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8",
                      headers: dict[str, str] | None = None) -> None:
                self._landed()
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                for key, value in (headers or {}).items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(body)

            def _validated(self, body: str, ctype: str) -> None:
                etag = '"' + hashlib.sha1(body.encode()).hexdigest()[:16] + '"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                self._send(200, body.encode("utf-8"), ctype, {"ETag": etag})

            def do_GET(self) -> None:
                path = self.path.split("?")[0]
                with site._lock:
                    site.counts[path] += 1
                    site.agents.add(self.headers.get("User-Agent", ""))
                    site.times.setdefault(path, []).append(time.monotonic())
                    count = site.counts[path]
                    site.in_flight += 1
                    site.most_in_flight = max(site.most_in_flight, site.in_flight)
                self._in_flight = True
                try:
                    with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client stopped reading
                        self._route(path, count)
                finally:
                    self._landed()

            def _landed(self) -> None:
                """The request is no longer in flight once its answer starts: a client that has read the answer may
                send its next request before this thread would get back here (counted twice under load)."""
                if getattr(self, "_in_flight", False):
                    self._in_flight = False
                    with site._lock:
                        site.in_flight -= 1

            def _route(self, path: str, count: int) -> None:
                if path == "/robots.txt":
                    text = f"User-agent: *\nDisallow: /private/\n\nSitemap: {site.base}/sitemap-index.xml\n"
                    self._send(200, text.encode(), "text/plain")
                elif path == "/":
                    feed = '<link rel="alternate" type="application/rss+xml" href="/feed.xml">'
                    link = feed if site.home_feed else ""
                    self._send(200, f"<html><head><title>Test Times</title>{link}</head><body><h1>Test Times</h1>"
                                    f"<p>Today's news.</p></body></html>".encode())
                elif path == "/feed.xml":
                    self._validated(site._rss(), "application/rss+xml")
                elif path == "/atom.xml":
                    self._validated(site._atom(), "application/atom+xml")
                elif path == "/sitemap.xml":
                    self._validated(site._sitemap(), "application/xml")
                elif path == "/sitemap-index.xml":
                    index = ("<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/"
                             f"0.9\"><sitemap><loc>{site.base}/sitemap.xml</loc></sitemap></sitemapindex>")
                    self._send(200, index.encode(), "application/xml")
                elif path == "/faults.xml":
                    self._send(200, site._faults_feed().encode(), "application/rss+xml")
                elif path.startswith("/news/"):
                    i = int(path.removeprefix("/news/")[:4])
                    if i >= site.n:
                        self._send(404, b"not found")
                    else:
                        time.sleep(site.page_delay)
                        self._send(200, article_html(i, site.published(i)).encode("utf-8"))
                elif path == "/fault/500":
                    self._send(500, b"server error")
                elif path == "/fault/404":
                    self._send(404, b"not found")
                elif path == "/fault/429":
                    if count == 1:
                        self._send(429, b"slow down", headers={"Retry-After": "1"})
                    else:
                        self._send(200, article_html(7, site.published(0)).encode("utf-8"))
                elif path == "/fault/slow":
                    time.sleep(site.slow_seconds)
                    self._send(200, article_html(8, site.published(0)).encode("utf-8"))
                elif path in ("/fault/loop-a", "/fault/loop-b"):
                    self.send_response(302)
                    self.send_header("Location", "/fault/loop-b" if path.endswith("a") else "/fault/loop-a")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                elif path == "/fault/huge":
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html")
                    self.send_header("Content-Length", str(20 * MEGABYTE))
                    self.end_headers()
                    self._stream(20 * MEGABYTE)
                elif path == "/fault/huge-chunked":  # no length given: the reader must stop by itself
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html")
                    self.send_header("Connection", "close")
                    self.end_headers()
                    self._stream(20 * MEGABYTE)
                elif path == "/fault/photo.png":
                    self._send(200, b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "image/png")
                elif path == "/private/secret.html":
                    self._send(200, article_html(9, site.published(0)).encode("utf-8"))
                else:
                    self._send(404, b"not found")

            def _stream(self, n: int) -> None:
                chunk = b"<p>" + b"x" * (64 * 1024 - 7) + b"</p>\n"
                sent = 0
                while sent < n:
                    self.wfile.write(chunk)
                    sent += len(chunk)

        return Handler

    def __enter__(self) -> NewsSite:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
