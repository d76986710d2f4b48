"""A mistake in a params file is reported as a mistake in that file, with the hint ``--set`` gives for the same one:
the nearest known key for a typo, the accepted values of ``compare`` for a word that is none of them."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsbrief.cli import main

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "data" / "samples" / "wion-2021-04-06-ukraine-nato.txt"


def _params(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "morning.yaml"
    path.write_text(f"input: {PAGE}\n{text}", encoding="utf-8")
    return path


def test_a_typo_in_a_params_file_names_the_file_and_suggests_the_nearest_key(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _params(tmp_path, "tpo_n: 3\n")
    assert main(["run", str(path), "--output-dir", str(tmp_path / "out"), "-q"]) == 2
    err = capsys.readouterr().err
    assert "morning.yaml: invalid parameters" in err
    assert "tpo_n: unknown key (did you mean top_n?" in err


def test_a_typo_in_the_file_and_in_set_get_the_same_hint(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _params(tmp_path, "tilte: Morning\n")
    assert main(["run", str(path), "--set", "tilte=Morning", "--output-dir", str(tmp_path / "out"), "-q"]) == 2
    lines = [line.strip() for line in capsys.readouterr().err.splitlines()]
    from_set = next(line for line in lines if line.startswith("- --set tilte"))
    from_file = next(line for line in lines if line.startswith("- tilte"))
    assert from_set.removeprefix("- --set ") == from_file.removeprefix("- ")
    assert "did you mean title?" in from_file


@pytest.mark.parametrize(("value", "said"), [
    ("weekly", "'weekly' is neither a baseline nor a folder (use previous, corpus, last-run, a date range"),
    ("lastrun", "did you mean last-run?"),
    ("Previous", "did you mean previous?"),
])
def test_a_compare_word_that_is_no_baseline_is_named_as_written_with_the_accepted_values(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str, said: str) -> None:
    path = _params(tmp_path, f"compare: {value}\n")
    assert main(["run", str(path), "--output-dir", str(tmp_path / "out"), "-q"]) == 2
    err = capsys.readouterr().err
    assert f"compare: {said}" in err or said in err
    assert str(tmp_path / value) not in err  # a word is not reported as a path of the params folder


def test_a_compare_path_that_does_not_exist_is_reported_as_a_missing_folder(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _params(tmp_path, "compare: ../runs/data\n")
    assert main(["run", str(path), "--output-dir", str(tmp_path / "out"), "-q"]) == 2
    assert f"compare: no such folder: {(tmp_path.parent / 'runs' / 'data')}" in capsys.readouterr().err


def test_a_compare_word_that_names_a_folder_beside_the_params_file_is_that_folder(tmp_path: Path) -> None:
    from newsbrief.params import load_params

    (tmp_path / "baseline").mkdir()
    assert load_params(_params(tmp_path, "compare: baseline\n")).compare == str(tmp_path / "baseline")
