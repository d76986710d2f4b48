"""``csv_rows``: the cap of the appendix CSV files is a run parameter (``null``: every row), checked by the schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsbrief.cli import main
from newsbrief.errors import ParamsError
from newsbrief.params import load_params

from .test_run_title import ROWS, SAMPLE_PARAMS


def test_csv_rows_takes_a_number_or_null_and_refuses_less_than_one() -> None:
    assert load_params(SAMPLE_PARAMS).csv_rows == 1_000_000
    assert load_params(SAMPLE_PARAMS, overrides=["csv_rows=5"]).csv_rows == 5
    assert load_params(SAMPLE_PARAMS, overrides=["csv_rows=null"]).csv_rows is None
    for bad in ("0", "lots"):
        with pytest.raises(ParamsError, match="csv_rows"):
            load_params(SAMPLE_PARAMS, overrides=[f"csv_rows={bad}"])


def test_newsbrief_params_lists_csv_rows(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["params"]) == 0
    assert any(line.startswith("csv_rows ") and "null" in line for line in capsys.readouterr().out.splitlines())


@pytest.mark.slow
def test_a_run_cuts_its_appendix_csv_files_at_csv_rows(tmp_path: Path) -> None:
    corpus = tmp_path / "mine.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in ROWS), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(corpus), "--set", "mode=corpus", "--set", "csv_rows=1", "--output-dir", str(out),
                 "-q"]) == 0
    folder = out / "mine"
    lines = (folder / "articles.csv").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2  # the header and the newest article
    assert "articles.csv holds 1 of 2 rows" in (folder / "appendix.html").read_text(encoding="utf-8")
