"""Fetching live sources from a made-up news site on 127.0.0.1: feeds, sitemaps, home pages, URL lists, faults,
politeness, the raw cache and offline re-runs."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newsbrief.fetch import USER_AGENT, FetchOptions, RawCache, fetch_sources
from newsbrief.fetch.http import retry_after
from newssite import FAULTS, NewsSite

FAST = FetchOptions(per_host_rate=200, timeout=1.0, retries=1, backoff=0.05)


def reasons(outcome) -> dict[str, str]:
    return {row.url: row.reason for row in outcome.log.rows}


def test_a_feed_is_read_item_by_item_and_a_rerun_fetches_only_the_new_items(tmp_path: Path) -> None:
    with NewsSite(5) as site:
        first = fetch_sources([f"{site.base}/feed.xml"], cache=tmp_path, options=FAST)
        assert len(first.pages) == 5 and site.article_requests() == 5
        site.add(3)
        second = fetch_sources([f"{site.base}/feed.xml"], cache=tmp_path, options=FAST)
        assert site.article_requests() == 5 + 3  # exactly the three new items were requested
        assert len(second.pages) == 8
        assert [p.url for p in second.pages[:3]] == [f"{site.base}{site.path(i)}" for i in (7, 6, 5)]  # newest first
        third = fetch_sources([f"{site.base}/feed.xml"], cache=tmp_path, options=FAST)
        assert site.article_requests() == 8
        assert reasons(third)[f"{site.base}/feed.xml"] == "not modified"  # the feed itself: a conditional GET


def test_atom_feed_sitemap_home_page_and_url_list_give_the_same_pages(tmp_path: Path) -> None:
    with NewsSite(4) as site:
        listed = tmp_path / "links.urls"
        listed.write_text("# my links\n" + "\n".join(f"{site.base}{site.path(i)}" for i in range(4)) + "\n")
        expected = {f"{site.base}{site.path(i)}" for i in range(4)}
        sources = (f"{site.base}/atom.xml", f"{site.base}/sitemap.xml", f"{site.base}/sitemap-index.xml",
                   f"{site.base}/", str(listed))
        for source in sources:
            outcome = fetch_sources([source], cache=tmp_path / "cache", options=FAST)
            assert {p.url for p in outcome.pages} == expected, source
        assert site.article_requests() == 4  # each page fetched once, whatever named it


def test_every_fault_is_one_log_line_and_the_good_pages_are_still_read(tmp_path: Path) -> None:
    with NewsSite(2, slow_seconds=3) as site:
        outcome = fetch_sources([f"{site.base}/faults.xml", "http://127.0.0.1:9/closed.html"], cache=tmp_path,
                                options=FAST)
        got = reasons(outcome)
        for path, reason in FAULTS.items():
            assert got[f"{site.base}{path}"].startswith(reason), (path, got[f"{site.base}{path}"])
        assert got[f"{site.base}/fault/500"] == "HTTP 500 after 2 tries"
        assert got[f"{site.base}/fault/429"] == "ok"  # 429 then 200
        assert got["http://127.0.0.1:9/closed.html"].startswith("unreachable")
        assert {p.url for p in outcome.pages} == {f"{site.base}{site.path(i)}" for i in (0, 1)} | {
            f"{site.base}/fault/429"}
        assert site.counts["/private/secret.html"] == 0  # robots.txt disallows it: never requested
        assert len(outcome.log.failed) == len(FAULTS) + 1
        rows = outcome.log.csv_text().splitlines()
        assert rows[0] == "url,status,reason,bytes,seconds" and len(rows) == 1 + len(outcome.log.rows)


def test_retry_after_is_honoured(tmp_path: Path) -> None:
    with NewsSite(1) as site:
        fetch_sources([f"{site.base}/fault/429"], cache=tmp_path, options=FAST)
        first, second = site.times["/fault/429"]
        assert second - first >= 0.95


def test_requests_to_one_host_are_spaced_by_the_rate_and_name_newsbrief(tmp_path: Path) -> None:
    with NewsSite(6) as site:
        fetch_sources([f"{site.base}/feed.xml"], cache=tmp_path, options=FetchOptions(per_host_rate=5))
        starts = sorted(t for path, times in site.times.items() for t in times)
        assert len(starts) == 8  # robots.txt, the feed, six pages
        assert starts[-1] - starts[0] >= 7 * 0.2 - 0.1  # 5 a second: seven intervals (less the arrival jitter)
        assert min(b - a for a, b in zip(starts, starts[1:])) >= 0.1
        assert site.agents == {USER_AGENT} and "newsbrief/" in USER_AGENT


def test_offline_reads_what_was_fetched_without_a_request(tmp_path: Path) -> None:
    with NewsSite(3) as site:
        live = fetch_sources([f"{site.base}/feed.xml", f"{site.base}/fault/404"], cache=tmp_path, options=FAST)
        before = sum(site.counts.values())
        offline = fetch_sources([f"{site.base}/feed.xml", f"{site.base}/fault/404"], cache=tmp_path,
                                options=FetchOptions(offline=True))
        assert sum(site.counts.values()) == before
        assert [(p.url, p.path, p.article_id) for p in offline.pages] == [(p.url, p.path, p.article_id)
                                                                          for p in live.pages]
        assert reasons(offline)[f"{site.base}/fault/404"] == "offline: not fetched before"


def test_a_damaged_cache_entry_is_noticed_and_fetched_again(tmp_path: Path) -> None:
    with NewsSite(2) as site:
        first = fetch_sources([f"{site.base}/feed.xml"], cache=tmp_path, options=FAST)
        first.pages[0].path.write_bytes(b"<html>damaged</html>")
        again = fetch_sources([f"{site.base}/feed.xml"], cache=tmp_path, options=FAST)
        assert site.counts[site.path(1)] == 2 and site.counts[site.path(0)] == 1
        assert again.pages[0].path.read_bytes() != b"<html>damaged</html>"
        assert RawCache(tmp_path).verified(again.pages[0].url) is not None


def test_max_pages_and_max_age_bound_what_is_read(tmp_path: Path) -> None:
    now = datetime.now(UTC)
    with NewsSite(10, start=now - timedelta(hours=60)) as site:  # one item every 6 hours, the last 6 hours old
        outcome = fetch_sources([f"{site.base}/feed.xml"], cache=tmp_path,
                                options=FetchOptions(per_host_rate=200, max_pages=3))
        assert len(outcome.pages) == 3 and outcome.left_out == 7
        recent = fetch_sources([f"{site.base}/feed.xml"], cache=tmp_path / "b",
                               options=FetchOptions(per_host_rate=200, max_age=timedelta(hours=45)))
        assert [p.url for p in recent.pages] == [f"{site.base}{site.path(i)}" for i in range(9, 2, -1)]


def test_revalidate_asks_with_a_conditional_get(tmp_path: Path) -> None:
    with NewsSite(2) as site:
        fetch_sources([f"{site.base}/atom.xml"], cache=tmp_path, options=FAST)
        fetch_sources([f"{site.base}/atom.xml"], cache=tmp_path, options=FetchOptions(per_host_rate=200,
                                                                                       revalidate=True))
        assert site.article_requests() == 4


@pytest.mark.parametrize(("value", "seconds"), [("3", 3.0), (None, None), ("soon", None)])
def test_retry_after_reads_seconds(value: str | None, seconds: float | None) -> None:
    assert retry_after(value) == seconds


def test_retry_after_reads_an_http_date() -> None:
    now = time.time()
    assert retry_after(time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(now + 30)), now=now) == \
        pytest.approx(30, abs=1.5)


def test_a_feed_that_fails_today_is_read_from_its_copy_of_the_last_run(tmp_path: Path) -> None:
    with NewsSite(3) as site:
        fetch_sources([f"{site.base}/feed.xml"], cache=tmp_path, options=FAST)
    outcome = fetch_sources([f"{site.base}/feed.xml"], cache=tmp_path, options=FAST)  # the server is gone
    assert len(outcome.pages) == 3
    reason = reasons(outcome)[f"{site.base}/feed.xml"]
    assert reason.startswith("unreachable") and reason.endswith("the copy fetched before is used")
    assert len(outcome.log.failed) == 1  # the feed's fault is still counted


def test_a_home_page_without_a_feed_is_read_through_the_sitemaps_of_its_robots_txt(tmp_path: Path) -> None:
    with NewsSite(3, home_feed=False) as site:
        outcome = fetch_sources([f"{site.base}/"], cache=tmp_path, options=FAST)
        assert {p.url for p in outcome.pages} == {f"{site.base}{site.path(i)}" for i in range(3)}
        assert site.counts["/sitemap-index.xml"] == 1 and site.counts["/feed.xml"] == 0


def test_at_most_two_requests_run_at_once_on_one_host(tmp_path: Path) -> None:
    with NewsSite(10, page_delay=0.2) as site:
        fetch_sources([f"{site.base}/feed.xml"], cache=tmp_path, options=FetchOptions(per_host_rate=1000, workers=8))
        assert site.most_in_flight == 2
