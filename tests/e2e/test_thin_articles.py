"""Too little text is never silent: one run warning naming the articles, a note under the briefing's header,
and corpus findings without them unless `include_thin` is set."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from newsbrief.cli import main
from stories import STORIES

pytestmark = pytest.mark.slow

CAPTION = "Mayor Jane Holt speaks to reporters outside the town hall on Monday. (AP Photo/John Smith)"


def notes(page: Path) -> list[str]:
    return re.findall(r'<p class="nb-note">(.*?)</p>', page.read_text(encoding="utf-8"), flags=re.S)


@pytest.mark.parametrize("include_thin", [False, True])
def test_corpus_with_a_caption(tmp_path: Path, caplog: pytest.LogCaptureFixture, include_thin: bool) -> None:
    rows = [{"article_id": f"a{i}", "title": f"Story {i}", "source": "Daily Post", "text": t}
            for i, t in enumerate(STORIES)]
    rows.append({"article_id": "cap", "title": "Holt at the town hall", "source": "Wire", "text": CAPTION})
    (tmp_path / "c.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    (tmp_path / "c.yaml").write_text("input: c.jsonl\nname: c\nmode: corpus\n", encoding="utf-8")
    argv = ["run", str(tmp_path / "c.yaml"), "--output-dir", str(tmp_path / "out")]
    assert main(argv + (["--set", "include_thin=true"] if include_thin else [])) == 0
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING" and "too little" in r.getMessage()]
    assert len(warnings) == 1 and "row 4 (looks like a photo caption" in warnings[0]
    (note,) = notes(tmp_path / "out" / "c" / "briefing.html")
    assert "1 of 4 articles" in note and "Holt at the town hall" in note
    assert ("counted in the findings" in note) == include_thin
    assert ("left out of the key findings" in note) == (not include_thin)
    eml = tmp_path / "c.eml"
    assert main(["email", str(tmp_path / "out" / "c"), "--to", "a@example.org", "--eml", str(eml)]) == 0
    message = eml.read_text(encoding="utf-8", errors="replace")
    assert message.count("too little text") >= 2  # the plain and the HTML part


def test_article_briefing_of_a_caption(tmp_path: Path) -> None:
    (tmp_path / "cap.json").write_text(json.dumps([{"text": CAPTION}]), encoding="utf-8")
    (tmp_path / "cap.yaml").write_text("input: cap.json\nname: cap\nmode: article\n", encoding="utf-8")
    assert main(["run", str(tmp_path / "cap.yaml"), "--output-dir", str(tmp_path / "out"), "-q"]) == 0
    (note,) = notes(tmp_path / "out" / "cap" / "briefing.html")
    assert note.startswith("Too little text") and "photo caption" in note
