"""`newsbrief run STORE --email-if-new`: a briefing of an annotation store is emailed only when the store holds
articles the previous run of the name did not have."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsbrief.cli.main import main

pytestmark = pytest.mark.slow


def test_a_store_briefing_is_emailed_only_when_the_store_has_new_articles(
        sample_store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "store"
    shutil.copytree(sample_store, store)  # its own copy: a run may add roll-ups to the store it reads
    eml = tmp_path / "news.eml"
    run = ["run", str(store), "--set", "name=desk", "--output-dir", str(tmp_path / "out"), "-q",
           "--email-if-new", "--to", "desk@example.org", "--eml", str(eml)]
    assert main(run) == 0 and eml.is_file()  # the first run: every article is new
    eml.unlink()
    capsys.readouterr()
    assert main(run) == 0  # the same store version again
    assert "no new articles since the last run" in capsys.readouterr().out and not eml.exists()
