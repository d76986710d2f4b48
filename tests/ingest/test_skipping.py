"""A corpus never stops for one page: unreadable, empty, binary, non-English and duplicate pages are skipped,
each with one warning naming it and why, and listed in the ingest record; only inputs with nothing readable,
or an article briefing, stop."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from newsbrief.errors import InputError
from newsbrief.ingest import read_inputs, write_skipped
from stories import STORIES

ITALIAN = ("Il consiglio comunale ha approvato martedì l'ampliamento della rete degli autobus nei quartieri del nord, "
           "ha detto la sindaca. \"È una bella giornata per chi aspetta sotto la pioggia\", ha dichiarato. Il "
           "consigliere ha criticato il piano perché troppo costoso e ha detto che il voto è stato affrettato. La rete "
           "aggiungerà dodici linee entro la prossima primavera e il comune prevede che i passeggeri crescano.")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa" * 20


def corpus(folder: Path) -> Path:
    folder.mkdir()
    for i, story in enumerate(STORIES[:2]):
        (folder / f"good{i}.txt").write_text(f"Story number {i}\n\n{story}\n", encoding="utf-8")
    (folder / "empty.txt").write_text("  \n\n", encoding="utf-8")
    (folder / "photo.html").write_bytes(PNG)
    (folder / "italian.txt").write_text(f"Nuove linee di autobus\n\n{ITALIAN}\n", encoding="utf-8")
    (folder / "zcopy.txt").write_text(f"Story number 0\n\n{STORIES[0]}\n", encoding="utf-8")
    return folder


def test_a_folder_with_bad_pages_reads_the_good_ones_and_names_the_rest(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        result = read_inputs(corpus(tmp_path / "in"))
    assert sorted(a.article_id for a in result.articles) == ["good0", "good1"]
    assert result.pages == 6
    reasons = {Path(s.page).name: s.reason for s in result.skipped}
    assert set(reasons) == {"empty.txt", "photo.html", "italian.txt", "zcopy.txt"}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["photo.html"]
    assert "Italian" in reasons["italian.txt"] and "(en)" in reasons["italian.txt"]
    assert reasons["zcopy.txt"].startswith("the same text as") and "good0.txt" in reasons["zcopy.txt"]
    for name in reasons:  # one warning each, naming the page
        assert sum(name in r.getMessage() and "skipped" in r.getMessage() for r in caplog.records) == 1
    assert any("4 of 6 pages could not be read" in r.getMessage() for r in caplog.records)


def test_the_skipped_pages_are_written_as_a_table(tmp_path: Path) -> None:
    result = read_inputs(corpus(tmp_path / "in"))
    path = write_skipped(tmp_path / "skipped.csv", result.skipped)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "page,reason" and len(lines) == 5
    assert result.record()["pages"] == 6 and len(result.record()["skipped"]) == 4


def test_skipped_pages_are_named_relative_to_the_folder_given(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "in")
    (folder / "2019").mkdir()
    (folder / "2019" / "empty2.txt").write_text("", encoding="utf-8")
    (folder / "rows.jsonl").write_text(json.dumps({"title": "T", "text": ITALIAN}) + "\n", encoding="utf-8")
    pages = {s.page for s in read_inputs(folder).skipped}
    assert {"empty.txt", "photo.html", "italian.txt", "zcopy.txt", "2019/empty2.txt", "rows.jsonl, row 1"} <= pages
    assert not any(page.startswith("/") or str(tmp_path) in page for page in pages)
    by_glob = read_inputs(str(folder / "**" / "*.txt")).skipped
    assert "2019/empty2.txt" in {s.page for s in by_glob}
    alone = read_inputs([folder / "empty.txt", folder / "good0.txt"]).skipped
    assert [s.page for s in alone] == ["empty.txt"]
    duplicate = next(s for s in read_inputs(folder).skipped if s.page == "zcopy.txt")
    assert duplicate.reason.endswith("good0.txt")


def test_other_languages_are_read_when_asked_for(tmp_path: Path) -> None:
    result = read_inputs(corpus(tmp_path / "in"), languages=["en", "it"])
    assert "italian" in {a.article_id for a in result.articles}
    assert read_inputs(tmp_path / "in", languages=[]).articles  # every language


def test_strict_reading_stops_at_the_first_bad_page(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="empty"):
        read_inputs(corpus(tmp_path / "in"), strict=True)


def test_nothing_readable_is_an_error_naming_why(tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "photo.html").write_bytes(PNG)
    with pytest.raises(InputError, match="no readable article") as info:
        read_inputs(folder)
    assert "empty.txt" in str(info.value) and "binary" in str(info.value)
