"""Every optional field optional everywhere: tables with only `text`, and with a mix of present and missing
metadata, through `newsbrief run` (corpus and article), the fan-out, the email and the explorer."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pandas as pd
import pytest

from mailserver import smtp_server
from newsbrief.cli import main
from newsbrief.lab import Explorer
from stories import STORIES

pytestmark = [pytest.mark.slow,
              pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")]

MISSING_WORDS = ("None", "nan", "NaN", "NaT", "<NA>")


def visible_text(path: Path) -> str:
    page = path.read_text(encoding="utf-8")
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S | re.I)
    return unescape(re.sub(r"<[^>]+>", " ", page))


def assert_no_missing_markers(text: str) -> None:
    for word in MISSING_WORDS:
        assert not re.search(rf"(?<![\w<]){re.escape(word)}(?![\w>])", text), word


def run(params: Path, out: Path, *extra: str) -> None:
    assert main(["run", str(params), "--output-dir", str(out), "-q", *extra]) == 0


@pytest.fixture(scope="module")
def only_text(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A corpus briefing of a JSONL whose rows have only `text`; returns the run's output folder."""
    folder = tmp_path_factory.mktemp("only-text")
    (folder / "only.jsonl").write_text("\n".join(json.dumps({"text": t}) for t in STORIES), encoding="utf-8")
    (folder / "only.yaml").write_text("input: only.jsonl\nname: only\nmode: corpus\ntop_n: 5\n", encoding="utf-8")
    run(folder / "only.yaml", folder / "out")
    return folder


def test_only_text_corpus_briefing(only_text: Path) -> None:
    text = visible_text(only_text / "out" / "only" / "briefing.html")
    assert "all undated" in text
    assert_no_missing_markers(text)
    assert (only_text / "out" / "only" / "briefing.pdf").stat().st_size > 0


def test_only_text_csv_article_briefing(tmp_path: Path) -> None:
    pd.DataFrame({"text": STORIES[:1]}).to_csv(tmp_path / "one.csv", index=False)
    (tmp_path / "one.yaml").write_text("input: one.csv\nname: one\nmode: article\n", encoding="utf-8")
    run(tmp_path / "one.yaml", tmp_path / "out")
    text = visible_text(tmp_path / "out" / "one" / "briefing.html")
    assert "unknown source" in text and "undated" in text
    assert_no_missing_markers(text)


@pytest.mark.parametrize("each", ["source", "entity", "article"])
def test_only_text_fan_out(only_text: Path, each: str) -> None:
    out = only_text / f"fan-{each}"
    run(only_text / "only.yaml", out, "--each", each)
    index = out / "only" / "index.html"
    assert index.is_file()
    briefings = sorted(out.glob("only/*/briefing.html"))
    assert briefings
    if each == "source":
        assert [p.parent.name for p in briefings] == ["unknown-source"]
    for page in briefings:
        assert_no_missing_markers(visible_text(page))


def test_only_text_email(only_text: Path, tmp_path: Path) -> None:
    eml = tmp_path / "only.eml"
    with smtp_server() as server:
        code = main(["email", str(only_text / "out" / "only"), "--to", "bob@example.org", "--from", "a@example.org",
                     "--smtp-host", server.host, "--smtp-port", str(server.port), "--eml", str(eml)])
        assert code == 0
    (got,) = server.received
    plain = got.message.get_body(preferencelist=("plain",))
    assert plain is not None
    body = plain.get_content()
    assert "undated" in body
    assert_no_missing_markers(body)


def test_mixed_present_and_missing_values(tmp_path: Path) -> None:
    rows = [
        {"article_id": "a1", "title": "Buses for the north", "source": "Daily Post", "author": "Ann Lee",
         "published": "2024-03-04", "url": "https://example.org/a1", "text": STORIES[0]},
        {"article_id": "a2", "title": "", "source": None, "published": "", "text": STORIES[1]},
        {"article_id": "a3", "source": "Evening Star", "published": None, "author": None, "text": STORIES[2]},
    ]
    (tmp_path / "mix.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    (tmp_path / "mix.yaml").write_text("input: mix.jsonl\nname: mix\nmode: corpus\n", encoding="utf-8")
    run(tmp_path / "mix.yaml", tmp_path / "out")
    text = visible_text(tmp_path / "out" / "mix" / "briefing.html")
    assert "(2 undated)" in text
    assert_no_missing_markers(text)
    listing = visible_text(tmp_path / "out" / "mix" / "appendix.html")  # every article, with its source
    assert "Daily Post" in listing and "Evening Star" in listing and "unknown source" in listing
    assert_no_missing_markers(listing)
    explorer = Explorer.load(tmp_path / "out" / "mix" / "data")
    explorer.choose(entity="Maria Lopez")  # named only in a3: a source, no date
    table = explorer.view().sentences_table(limit=100)._repr_html_()
    assert "undated" in table and "Evening Star" in table
    explorer.choose(entity="Olaf Scholz")  # named only in a2: neither
    table = explorer.view().sentences_table(limit=100)._repr_html_()
    assert "undated" in table and "unknown source" in table
    assert_no_missing_markers(unescape(re.sub(r"<[^>]+>", " ", table)))
    assert "all undated" not in explorer.overview().text
