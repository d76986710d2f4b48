"""A morning briefing from a live feed on 127.0.0.1: faults logged and counted in the briefing, a re-run that
fetches only what is new and emails only when there is news, what changed since the last run, offline replay."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsbrief.cli.main import main
from newssite import NewsSite

pytestmark = pytest.mark.slow


def _run(params: Path, out: Path, *extra: str) -> int:
    return main(["run", str(params), "--output-dir", str(out), "-q", *extra])


def _visible(html: str) -> str:
    """The briefing as a reader sees it, without the run-parameters table (name, offline differ)."""
    html = re.sub(r'<details class="nb-params">.*?</details>', "", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", re.sub(r"<(style|script)\b.*?</\1>", "", html, flags=re.S)))


def test_a_morning_briefing_from_a_feed_reads_only_what_is_new(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    out, eml = tmp_path / "reports", tmp_path / "news.eml"
    mail = ["--email-if-new", "--to", "desk@example.org", "--eml", str(eml)]
    with NewsSite(12) as site:
        params = tmp_path / "morning.yaml"
        params.write_text(f"input: [{site.base}/feed.xml, {site.base}/fault/500, {site.base}/fault/404]\n"
                          "name: morning\ncompare: last-run\nper_host_rate: 100\n")
        assert _run(params, out, *mail) == 0
        folder = out / "morning"
        log = (folder / "fetch.csv").read_text()
        assert "HTTP 500 after 4 tries" in log and ",404,HTTP 404," in log
        assert "2 of 15 links could not be read" in _visible((folder / "briefing.html").read_text())
        assert eml.is_file() and "2 of 15 links could not be read" in eml.read_text()
        eml.unlink()

        assert _run(params, out, *mail) == 0  # nothing new: no email
        assert "no new articles since the last run" in capsys.readouterr().out and not eml.exists()
        assert site.article_requests() == 12

        site.add(3)
        assert _run(params, out, *mail) == 0
        assert site.article_requests() == 15 and eml.is_file()  # exactly the three new pages were fetched
        page = _visible((folder / "briefing.html").read_text())
        assert "This corpus (15 articles) against the last run (12 articles)" in page
        assert not (folder / ".last-run").exists()


def test_an_offline_rerun_gives_the_same_briefing_as_the_live_run(tmp_path: Path) -> None:
    out = tmp_path / "reports"
    with NewsSite(9) as site:
        params = tmp_path / "live.yaml"
        params.write_text(f"input: [{site.base}/atom.xml, {site.base}/fault/photo.png]\nname: live\n"
                          "per_host_rate: 100\n")
        assert _run(params, out) == 0
    # the site is gone: only the stored pages remain
    assert _run(params, out, "--set", "offline=true", "--set", "name=replay") == 0
    live, replay = (_visible((out / name / "briefing.html").read_text()) for name in ("live", "replay"))
    assert "1 of 11 links could not be read" in live
    assert live == replay
