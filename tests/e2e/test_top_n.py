"""``top_n`` in a real run: an article briefing lists as many entities as asked, however short the article; unset,
its tables are sized to the article's length (5 rows up to 400 words)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsbrief.cli import main

pytestmark = pytest.mark.slow


def _who_rows(html: str) -> int:
    """Rows of the "Who is in it" table of a briefing page."""
    part = html.split("Who is in it", 1)[1].split("Who speaks", 1)[0]
    return len(re.findall(r"<tr>\s*<td", part))


def test_top_n_sets_the_rows_of_a_short_article_briefing(root: Path, seed_store: Path, tmp_path: Path) -> None:
    page = root / "data" / "samples" / "wion-2021-04-06-ukraine-nato.txt"
    out = tmp_path / "out"
    for name, extra in (("sized", []), ("asked", ["--set", "top_n=9"])):
        assert main(["run", str(page), "--set", f"name={name}", "--set", f"store={seed_store}", *extra,
                     "--output-dir", str(out), "-q"]) == 0
    sized = _who_rows((out / "sized" / "briefing.html").read_text(encoding="utf-8"))
    asked = _who_rows((out / "asked" / "briefing.html").read_text(encoding="utf-8"))
    assert sized in (5, 6)  # five, and the most mentioned person when not among them
    assert asked in (9, 10)
