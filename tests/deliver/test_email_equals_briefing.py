"""The email says what the briefing says: its findings and tables are those the run recorded, for every
``compare`` (the email never rebuilds the briefing from a subset of its options)."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from newsbrief.deliver.content import load_report
from newsbrief.params import BriefingOptions, build_params
from newsbrief.present.corpus import CorpusBriefing
from newsbrief.render.report import run_report
from newsbrief.store import write_dataset
from randomcorpus import random_tables

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("email") / "store"
    write_dataset(folder, random_tables(), manifest={})
    return folder


def briefing_findings(notebook: Path) -> list[str]:
    """The findings as the briefing shows them: the items of the executed findings cell."""
    nb = nbformat.read(notebook, as_version=4)
    cell = next(c for c in nb.cells if c.cell_type == "code" and "findings_block()" in c.source)
    text = "".join(o["data"]["text/plain"] for o in cell.outputs if "text/plain" in o.get("data", {}))
    return [line.removeprefix("- ") for line in text.strip("'\"").splitlines()]


@pytest.mark.parametrize("compare", ["previous", "corpus", "2024-01-01..2024-02-15"])
def test_email_findings_equal_the_briefing_findings(store: Path, tmp_path: Path, compare: str) -> None:
    params = build_params({"input": [str(store)], "name": "run", "mode": "corpus", "compare": compare})
    paths = run_report(params, output_dir=tmp_path)
    content = load_report(paths.folder)
    shown = briefing_findings(paths.notebook)
    assert content.findings == shown and len(shown) >= 2
    # and what the briefing recorded is what these options compute
    recorded = nbformat.read(paths.notebook, as_version=4).metadata["papermill"]["parameters"]["options"]
    options = BriefingOptions.model_validate({**recorded, "data": str(paths.folder / "data")})
    assert options.compare == compare
    again = CorpusBriefing.load(options)
    assert again.findings() == content.findings
    assert list(again.entity_frequencies()["name"]) == list(content.entities["name"])


def test_compare_changes_what_the_email_says(store: Path, tmp_path: Path) -> None:
    """``compare: corpus`` and ``compare: previous`` lead to different "what changed" findings, in the email too."""
    found = {}
    for compare in ("previous", "corpus"):
        params = build_params({"input": [str(store)], "name": compare, "mode": "corpus", "compare": compare})
        found[compare] = load_report(run_report(params, output_dir=tmp_path).folder).findings
    assert found["previous"] != found["corpus"]
