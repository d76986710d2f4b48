"""A params file's title and name describe that file's input: ``--set input=`` (another corpus, a store) is not titled
by it, and its run folder is named for the new input."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from newsbrief.cli import main
from newsbrief.cli.run import load_run_params

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_PARAMS = ROOT / "params" / "sample-corpus.yaml"
SAMPLE_TITLE = "US political news, August to October 2017"
ROWS = [
    {"article_id": "a1", "source": "Daily Post", "published": "2024-03-04", "title": "Mayor quits",
     "text": "Mayor Jane Holt resigned on Monday. \"I have done my part,\" Holt said. Critics welcomed the news."},
    {"article_id": "a2", "source": "Evening Star", "published": "2024-03-12", "title": "Council votes",
     "text": "The city council voted to hold an election. Councillor Sam Reed said the vote was fair."},
]


def test_the_sample_title_is_kept_for_the_sample_input() -> None:
    assert load_run_params(SAMPLE_PARAMS, []).title == SAMPLE_TITLE


def test_another_input_is_not_given_the_files_title_and_the_user_is_told(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    page = ROOT / "data" / "samples" / "wion-2021-04-06-ukraine-nato.txt"
    with caplog.at_level(logging.WARNING):
        params = load_run_params(SAMPLE_PARAMS, [f"input={page}"])
    assert params.title is None
    assert any("sample-corpus.yaml" in r.getMessage() and SAMPLE_TITLE in r.getMessage() and "--set title" in
               r.getMessage() for r in caplog.records)


def test_a_title_given_with_the_input_is_used() -> None:
    page = ROOT / "data" / "samples" / "wion-2021-04-06-ukraine-nato.txt"
    assert load_run_params(SAMPLE_PARAMS, [f"input={page}", "title=Mine"]).title == "Mine"


@pytest.mark.slow
def test_a_run_of_the_sample_params_on_another_corpus_is_titled_as_a_news_briefing(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    corpus = tmp_path / "mine.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in ROWS), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(SAMPLE_PARAMS), "--set", f"input={corpus}", "--set", "name=mine", "--output-dir", str(out),
                 "-q"]) == 0
    assert any("describes its own input" in r.getMessage() for r in caplog.records)
    html = (out / "mine" / "briefing.html").read_text(encoding="utf-8")
    assert SAMPLE_TITLE not in html
    assert "<title>News briefing</title>" in html


def test_another_input_names_its_own_run_folder_and_the_user_is_told(caplog: pytest.LogCaptureFixture) -> None:
    page = ROOT / "data" / "samples" / "wion-2021-04-06-ukraine-nato.txt"
    assert load_run_params(SAMPLE_PARAMS, []).name == "sample-corpus"
    with caplog.at_level(logging.WARNING):
        params = load_run_params(SAMPLE_PARAMS, [f"input={page}"])
    assert params.name == "wion-2021-04-06-ukraine-nato"  # as `newsbrief run PAGE` names it
    assert any("sample-corpus.yaml" in r.getMessage() and "'sample-corpus'" in r.getMessage() and "--set name" in
               r.getMessage() for r in caplog.records)
    assert load_run_params(SAMPLE_PARAMS, [f"input={page}", "name=mine"]).name == "mine"


@pytest.mark.slow
def test_a_run_of_the_sample_params_on_another_corpus_does_not_write_into_the_samples_folder(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "mine.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in ROWS), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(SAMPLE_PARAMS), "--set", f"input={corpus}", "--output-dir", str(out), "-q"]) == 0
    assert (out / "mine" / "briefing.pdf").is_file()
    assert not (out / "sample-corpus").exists()
    assert str(out / "mine" / "briefing.html") in capsys.readouterr().out
