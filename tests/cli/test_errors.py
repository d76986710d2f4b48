"""Errors reach the user as one line and an exit code: a full disk is a failed run that names the path."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from newsbrief.cli import main
from newsbrief.cli.main import disk_full


@pytest.mark.parametrize("error", [
    OSError(errno.ENOSPC, "No space left on device"),
    OSError("Error writing bytes to file. Detail: [errno 28] No space left on device"),  # pyarrow: no errno
])
def test_a_full_disk_names_the_output_and_exits_1(error: OSError, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    import newsbrief.annotate as annotate

    def full(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr(annotate, "annotate_corpus", full)
    page = tmp_path / "page.txt"
    page.write_text("Minister Anna Berg said on Monday that the budget was fair. " * 20, encoding="utf-8")
    store = tmp_path / "store"
    assert main(["annotate", str(page), "--out", str(store), "-q"]) == 1
    err = capsys.readouterr().err
    assert f"{store.resolve()}: no space left on the device" in err


def test_a_full_disk_error_with_a_file_name_names_that_file() -> None:
    assert disk_full(OSError(errno.EDQUOT, "Disk quota exceeded", "/x"))
    assert not disk_full(OSError(errno.EACCES, "Permission denied", "/x"))


def test_other_os_errors_stay_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import newsbrief.annotate as annotate

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(tmp_path / "store"))

    monkeypatch.setattr(annotate, "annotate_corpus", denied)
    page = tmp_path / "page.txt"
    page.write_text("Minister Anna Berg said on Monday that the budget was fair. " * 20, encoding="utf-8")
    assert main(["annotate", str(page), "--out", str(tmp_path / "store"), "-q"]) == 2
    assert "Permission denied" in capsys.readouterr().err
