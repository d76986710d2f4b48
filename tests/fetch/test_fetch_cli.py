"""The command line with URL inputs: `annotate` fetches and logs, `run --email-if-new` checks its delivery options
before any work."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsbrief.cli.main import main
from newssite import NewsSite


def test_email_if_new_without_recipients_fails_before_any_request(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    with NewsSite(2) as site:
        params = tmp_path / "p.yaml"
        params.write_text(f"input: {site.base}/feed.xml\n")
        assert main(["run", str(params), "--output-dir", str(tmp_path / "out"), "--email-if-new",
                     "--eml", str(tmp_path / "m.eml")]) == 2
        assert "--email-if-new needs --to" in capsys.readouterr().err
        assert main(["run", str(params), "--output-dir", str(tmp_path / "out"), "--email-if-new",
                     "--to", "a@example.org"]) == 2
        assert sum(site.counts.values()) == 0


@pytest.mark.slow
def test_annotate_reads_a_feed_and_writes_its_fetch_log_beside_the_store(tmp_path: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    with NewsSite(3) as site:
        store = tmp_path / "store"
        assert main(["annotate", f"{site.base}/feed.xml", f"{site.base}/fault/404", "--out", str(store), "-q",
                     "--workers", "1"]) == 0
        out = capsys.readouterr().out
        assert "1 of 5 links could not be read" in out and "3 articles: 3 annotated" in out
        assert (tmp_path / "store.pages" / "fetch.csv").is_file()
        assert main(["annotate", f"{site.base}/feed.xml", "--out", str(store), "-q", "--offline",
                     "--workers", "1"]) == 0
        assert "3 articles: 0 annotated, 3 from cache" in capsys.readouterr().out
        assert site.article_requests() == 3
