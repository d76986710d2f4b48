"""A folder of pages with an empty, a binary, a non-English and a duplicate page gives a briefing, and the
briefing, its email and skipped.csv name what was skipped; an article briefing of a bad page exits 2."""

from __future__ import annotations

import email
import email.policy
import re
import sys
from pathlib import Path

import pytest

from newsbrief.cli import main

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest"))
from test_skipping import corpus  # noqa: E402

pytestmark = pytest.mark.slow


def test_a_corpus_run_lists_the_pages_it_skipped(tmp_path: Path) -> None:
    corpus(tmp_path / "in")
    (tmp_path / "p.yaml").write_text("input: in\nname: p\nmode: corpus\n", encoding="utf-8")
    assert main(["run", str(tmp_path / "p.yaml"), "--output-dir", str(tmp_path / "out"), "-q"]) == 0
    run = tmp_path / "out" / "p"
    page = run.joinpath("briefing.html").read_text(encoding="utf-8")
    notes = re.findall(r'<p class="nb-note">(.*?)</p>', page, flags=re.S)
    assert any("4 of 6 pages could not be read" in n and "photo.html" in n for n in notes)
    assert run.joinpath("skipped.csv").read_text(encoding="utf-8").count("\n") == 5
    eml = tmp_path / "p.eml"
    assert main(["email", str(run), "--to", "a@example.org", "--eml", str(eml)]) == 0
    message = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    parts = [part.get_content() for part in message.walk() if part.get_content_type() in ("text/plain", "text/html")]
    assert len(parts) == 2 and all("4 of 6 pages could not be read" in body for body in parts)


def test_an_article_briefing_of_an_empty_page_exits_2(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "a.yaml").write_text("input: empty.txt\nname: a\nmode: article\n", encoding="utf-8")
    assert main(["run", str(tmp_path / "a.yaml"), "--output-dir", str(tmp_path / "out"), "-q"]) == 2


def test_a_store_written_by_annotate_records_what_it_skipped_and_its_briefing_lists_it(tmp_path: Path) -> None:
    from newsbrief.store import read_manifest

    corpus(tmp_path / "in")
    assert main(["annotate", str(tmp_path / "in"), "--out", str(tmp_path / "store"), "-q"]) == 0
    manifest = read_manifest(tmp_path / "store")
    assert manifest["pages"] == 6 and len(manifest["skipped"]) == 4
    assert any("photo.html" in s["page"] for s in manifest["skipped"])
    (tmp_path / "p.yaml").write_text("input: store\nname: p\nmode: corpus\n", encoding="utf-8")
    assert main(["run", str(tmp_path / "p.yaml"), "--output-dir", str(tmp_path / "out"), "-q"]) == 0
    run = tmp_path / "out" / "p"
    notes = re.findall(r'<p class="nb-note">(.*?)</p>', run.joinpath("briefing.html").read_text(encoding="utf-8"),
                       flags=re.S)
    assert any("4 of 6 pages could not be read" in n and "photo.html" in n for n in notes)
    assert run.joinpath("skipped.csv").read_text(encoding="utf-8").count("\n") == 5
