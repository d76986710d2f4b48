"""The CSV files of a run over a folder and of a run over a store of the same articles are the same, byte for byte:
tone values are written to :data:`~newsbrief.analysis.appendix.TONE_DECIMALS` decimals, not with the last bits that
depend on the order of a sum (and on the process: string hashing orders the sentence scorer's word weights)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

CSV = ("entities.csv", "speakers.csv", "quotes.csv", "articles.csv", "sources.csv")


def _newsbrief(*args: str, seed: str, cwd: Path) -> None:
    import newsbrief

    src = Path(newsbrief.__file__).resolve().parents[1]  # the newsbrief under test, in the child processes too
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": f"{src}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    done = subprocess.run([sys.executable, "-m", "newsbrief.cli", *args, "-q"], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr


def test_a_folder_run_and_a_store_run_write_the_same_csv_files(root: Path, tmp_path: Path) -> None:
    lines = (root / "data" / "samples" / "hyperpartisan-2017q3.jsonl").read_text(encoding="utf-8").splitlines()
    (tmp_path / "c.jsonl").write_text("\n".join(lines[:24]) + "\n", encoding="utf-8")
    _newsbrief("run", "c.jsonl", "--set", "name=folder", "--output-dir", "out", seed="1", cwd=tmp_path)
    _newsbrief("annotate", "c.jsonl", "--out", "store", seed="2", cwd=tmp_path)
    _newsbrief("run", "store", "--set", "name=store", "--output-dir", "out", seed="3", cwd=tmp_path)
    for name in CSV:
        folder = (tmp_path / "out" / "folder" / name).read_bytes()
        assert folder == (tmp_path / "out" / "store" / name).read_bytes(), name
    tones = (tmp_path / "out" / "store" / "articles.csv").read_text(encoding="utf-8")
    assert "-0.0" in tones or "0.0" in tones
