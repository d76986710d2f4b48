"""Local pages read beside fetched ones (:func:`newsbrief.ingest.fetched.read_sources`), against a made-up news site
on 127.0.0.1."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from newsbrief.fetch import FetchOptions
from newsbrief.ingest.fetched import read_sources
from newssite import NewsSite, article_html

FAST = FetchOptions(per_host_rate=200, timeout=1.0, retries=1, backoff=0.05)


def test_a_local_date_flagged_only_beside_the_fetched_pages_is_named_relative_to_its_folder(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "old").mkdir(parents=True)
    # Alone, one dated page has no corpus to be far from; beside eight fetched pages of this week it is an outlier.
    (folder / "old" / "story.html").write_text(article_html(100, datetime(2015, 1, 1, 9, tzinfo=UTC)))
    with NewsSite(8) as site:
        result, log = read_sources([str(folder), f"{site.base}/feed.xml"], store=tmp_path / "store", options=FAST)
    assert log is not None and len(result.articles) == 9
    assert [f.page for f in result.flagged_dates] == ["old/story.html"]
    assert "2015-01-01" in str(result.flagged_dates[0]) and "far outside" in result.flagged_dates[0].reason
