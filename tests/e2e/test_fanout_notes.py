"""`newsbrief run --each`: what the run could not read is said once, on the index page (and in the run folder's
skipped.csv); each part's briefing names only its own articles' problems (a date left out, too little text)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from newsbrief.cli import main
from newsbrief.render.fanout import flagged_article
from stories import STORIES

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest"))
from test_skipping import corpus  # noqa: E402


def _notes(html: str) -> list[str]:
    return re.findall(r'<p class="nb-note">(.*?)</p>', html, flags=re.S)


@pytest.mark.slow
def test_skipped_pages_are_noted_once_on_the_index_and_a_flagged_date_only_in_its_articles_briefing(
        tmp_path: Path) -> None:
    folder = corpus(tmp_path / "in")  # two stories; an empty, a binary, an Italian and a duplicate page
    rows = [{"title": "Old wire story", "published": "1900-01-01", "source": "Archive", "text": STORIES[2]},
            {"title": "Recent story", "published": "2024-03-04", "source": "Archive",
             "text": "The council met again on Tuesday. " + STORIES[2]}]
    (folder / "table.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    (tmp_path / "p.yaml").write_text("input: in\nname: p\n", encoding="utf-8")
    assert main(["run", str(tmp_path / "p.yaml"), "--each", "article", "--output-dir", str(tmp_path / "out"),
                 "-q"]) == 0
    run = tmp_path / "out" / "p"
    index = _notes(run.joinpath("index.html").read_text(encoding="utf-8"))
    assert sum("4 of 8 pages could not be read" in n and "photo.html" in n for n in index) == 1
    assert any("1900-01-01" in n for n in index)
    assert run.joinpath("skipped.csv").read_text(encoding="utf-8").count("\n") == 5
    children = sorted(p.parent for p in run.glob("*/briefing.html"))
    assert len(children) == 4
    for child in children:
        notes = _notes(child.joinpath("briefing.html").read_text(encoding="utf-8"))
        assert not any("could not be read" in n for n in notes), (child.name, notes)
        assert not child.joinpath("skipped.csv").exists()
        flagged = any("1900-01-01" in n for n in notes)
        assert flagged == (child.name == "old-wire-story"), (child.name, notes)


@pytest.mark.parametrize(("page", "ids"), [("sub/a.txt", ("sub/a.txt", "a")), ("t.jsonl, row 3", ("3",)),
                                           ("https://example.org/x", ("https://example.org/x", "x"))])
def test_a_flagged_dates_page_is_matched_to_the_ids_ingest_gives_it(page: str, ids: tuple[str, ...]) -> None:
    assert flagged_article({"page": page, "date": "1900-01-01", "reason": "r"}) == ids
