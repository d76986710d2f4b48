"""`newsbrief run` given an article or corpus instead of a params file briefs it with the default parameters."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsbrief.cli.run import is_input, load_run_params
from newsbrief.errors import ParamsError
from newsbrief.params import default_name


def test_a_page_given_as_params_is_briefed_with_the_defaults(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "My story (1).html"
    page.write_text("<html><body><p>Text.</p></body></html>", encoding="utf-8")
    params = load_run_params(page, ["top_n=5"])
    assert params.input == [str(page.resolve())] and params.name == "My-story-1" and params.top_n == 5
    assert "is an input, not a parameter file" in capsys.readouterr().err


def test_the_note_names_the_run_as_set_and_comes_only_for_an_input_that_is_read(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "story.txt"
    page.write_text("Text.", encoding="utf-8")
    assert load_run_params(page, ["name=desk"]).name == "desk"
    assert "(name: desk)" in capsys.readouterr().err  # the folder it writes, not the default name
    with pytest.raises(ParamsError, match="no such file"):
        load_run_params(tmp_path / "missing.txt", [])
    assert "briefed with the default parameters" not in capsys.readouterr().err  # no run: no note before the error


@pytest.mark.parametrize("name, expected", [("page.html", True), ("corpus.jsonl", True), ("c.csv", True),
                                            ("p.yaml", False), ("p.yml", False)])
def test_inputs_are_told_from_params_files_by_suffix(tmp_path: Path, name: str, expected: bool) -> None:
    assert is_input(tmp_path / name) is expected
    assert is_input(tmp_path)  # a folder is a corpus


def test_an_input_with_a_bad_set_names_the_set(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Text.", encoding="utf-8")
    with pytest.raises(ParamsError, match="--set top_n"):
        load_run_params(page, ["top_n=abc"], quiet=True)


def test_a_name_without_usable_characters_falls_back() -> None:
    assert default_name(Path("ÜÖ.html")) == "briefing"


def test_a_url_given_as_params_is_an_input_kept_as_written() -> None:
    params = load_run_params("https://www.example.org/news/", [], quiet=True)
    assert params.input == ["https://www.example.org/news/"] and params.name == "www.example.org-news"
