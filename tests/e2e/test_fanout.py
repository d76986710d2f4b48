"""`newsbrief run --each`: one briefing per value from one annotation, with an index page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsbrief.analysis.parts import groups
from newsbrief.cli import main
from newsbrief.errors import ParamsError
from newsbrief.render.fanout import slug

pytestmark = pytest.mark.slow

ROWS = [
    {"article_id": "a1", "source": "Daily Post", "published": "2024-03-04", "title": "Mayor <b>quits</b>",
     "text": "Mayor Jane Holt resigned on Monday. \"I have done my part,\" Holt said. Critics welcomed the news."},
    {"article_id": "a2", "source": "Daily Post", "published": "2024-03-12", "title": "Council votes",
     "text": "The city council voted to hold an election. Councillor Sam Reed said the vote was fair."},
    {"article_id": "a3", "source": "Evening Star", "published": "2024-03-13", "title": "Holt speaks",
     "text": "Jane Holt told reporters she was proud of her record. The opposition disagreed sharply."},
]


def test_fan_out_per_source(root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in ROWS), encoding="utf-8")
    params = tmp_path / "p.yaml"
    params.write_text(f"input: {corpus}\nname: by-source\ntitle: City news\n", encoding="utf-8")
    code = main(["run", str(params), "--output-dir", str(tmp_path / "out"), "--each", "source", "-q"])
    assert code == 0
    printed = capsys.readouterr().out.split()
    run = tmp_path / "out" / "by-source"
    assert Path(printed[0]) == run / "index.html"
    assert [Path(p).relative_to(run).as_posix() for p in printed[1:]] == [
        f"{name}/briefing.{ext}" for name in ("daily-post", "evening-star") for ext in ("ipynb", "html", "pdf")]
    for name in ("daily-post", "evening-star"):
        assert (run / name / "briefing.html").is_file() and (run / name / "briefing.pdf").is_file()
    index = (run / "index.html").read_text(encoding="utf-8")
    assert 'href="daily-post/briefing.html"' in index and 'href="evening-star/briefing.pdf"' in index
    assert "<script" not in index.lower()
    daily = (run / "daily-post" / "briefing.html").read_text(encoding="utf-8")
    assert "City news: Daily Post" in daily and "Holt speaks" not in daily
    # The full article list of each briefing is in its own appendix (the briefing lists the few behind the findings).
    appendix = (run / "daily-post" / "appendix.html").read_text(encoding="utf-8")
    assert "Council votes" in appendix and "Holt speaks" not in appendix
    assert "<b>quits</b>" not in daily


def test_slugs_are_unique_and_safe() -> None:
    taken: set[str] = set()
    assert [slug(v, taken=taken) for v in ("A/B", "a b", "../x", "")] == ["a-b", "a-b-2", "x", "item"]


def test_unknown_each_lists_choices() -> None:
    import pandas as pd

    tables = {"articles": pd.DataFrame({"article_id": ["1"], "source": ["s"], "title": ["t"]})}
    with pytest.raises(ParamsError, match="source, entity, article"):
        groups(tables, each="colour", top=5)
