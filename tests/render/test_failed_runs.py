"""A run whose kernel dies keeps its notebook in <name>.failed and names a file that exists."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from newsbrief.errors import RunError
from newsbrief.params import load_params
from newsbrief.render.brief import notebook_path
from newsbrief.render.report import run_report

pytestmark = pytest.mark.slow


def killing_notebook(path: Path) -> Path:
    """The package's article notebook with a first cell after the parameters that kills its kernel."""
    nb = nbformat.read(notebook_path("article"), as_version=4)
    at = next(i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", [])) + 1
    nb.cells.insert(at, nbformat.v4.new_code_cell("import os\nos._exit(1)"))
    nbformat.write(nb, path)
    return path


def test_a_killed_kernel_names_the_kept_notebook_not_a_deleted_folder(root: Path, tmp_path: Path) -> None:
    params = load_params(root / "params" / "seed-article.yaml", overrides=["name=killed"])
    with pytest.raises(RunError, match="kernel died") as info:
        run_report(params, output_dir=tmp_path / "reports", notebook=killing_notebook(tmp_path / "kill.ipynb"))
    named = Path(info.value.path or "")
    assert named.exists(), str(info.value)
    assert named.is_relative_to(tmp_path / "reports" / "killed.failed")
    assert not list((tmp_path / "reports").glob(".killed.tmp-*"))
