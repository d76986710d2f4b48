"""Odd folders: symlink loops are skipped with a warning, never a traceback."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from newsbrief.errors import InputError
from newsbrief.ingest import expand_inputs, read_inputs

PAGE = "Minister Anna Berg said on Monday that the budget was fair and would pass. " * 5


def test_a_symlink_loop_in_a_folder_is_skipped_with_a_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    folder = tmp_path / "pages"
    (folder / "sub").mkdir(parents=True)
    (folder / "page.txt").write_text(PAGE, encoding="utf-8")
    (folder / "self.txt").symlink_to(folder / "self.txt")  # a file link to itself
    (folder / "a.txt").symlink_to(folder / "b.txt")
    (folder / "b.txt").symlink_to(folder / "a.txt")  # two links to each other
    (folder / "sub" / "up").symlink_to(folder, target_is_directory=True)  # a folder link to its parent
    with caplog.at_level(logging.WARNING):
        result = read_inputs(folder)
    assert [a.article_id for a in result.articles] == ["page"]
    assert "symlink loop" in caplog.text and "self.txt" in caplog.text


def test_a_symlink_loop_given_as_the_input_is_an_input_error(tmp_path: Path) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    with pytest.raises(InputError, match="symlink loop"):
        expand_inputs(loop)
