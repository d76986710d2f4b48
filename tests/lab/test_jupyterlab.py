"""`make lab`: a real JupyterLab server on 127.0.0.1 with a token serves the notebooks folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lab.labserver import get, jupyterlab

ROOT = Path(__file__).resolve().parents[2]


def test_make_lab_opens_the_notebooks_folder() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\nlab:", 1)[1].split("\n\n", 1)[0]
    assert "jupyter lab" in recipe and "--notebook-dir=notebooks" in recipe
    assert (ROOT / "notebooks" / "explore.ipynb").is_file()


@pytest.mark.slow
def test_jupyterlab_serves_status_and_the_notebooks(tmp_path: Path) -> None:
    with jupyterlab(ROOT / "notebooks", tmp_path) as lab:
        base, token = lab.base, lab.token
        code, body = get(f"{base}/api/status", token=token)
        assert code == 200 and "started" in json.loads(body)

        assert get(f"{base}/api/status", token=None)[0] == 403  # the token is required
        assert get(f"{base}/api/status", token="wrong")[0] == 403

        code, body = get(f"{base}/api/contents", token=token)
        assert code == 200
        names = {item["name"] for item in json.loads(body)["content"]}
        assert {"article.ipynb", "corpus.ipynb", "explore.ipynb"} <= names

        code, body = get(f"{base}/api/contents/explore.ipynb", token=token)
        assert code == 200 and json.loads(body)["type"] == "notebook"
        code, body = get(f"{base}/lab", token=token)
        assert code == 200 and b"JupyterLab" in body
