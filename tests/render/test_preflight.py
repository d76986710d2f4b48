"""A refused run writes nothing: not the output folder, not a lock file, not the store."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsbrief.errors import ParamsError
from newsbrief.params import load_params
from newsbrief.render.report import run_report


@pytest.mark.parametrize("override, says", [
    ("sentiment=nope", "unknown sentiment scorer"),
    ("model=no_such_model", "is not installed"),
    ("compare=/etc", "is not an annotation store"),
])
def test_refused_params_create_no_folder(root: Path, tmp_path: Path, override: str, says: str) -> None:
    params = load_params(root / "params" / "seed-article.yaml", overrides=[override])
    with pytest.raises(ParamsError, match=says):
        run_report(params, output_dir=tmp_path / "reports")
    assert list(tmp_path.iterdir()) == []
