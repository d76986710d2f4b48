"""Partial and implausible dates go through ingest, timeline and header as undated, never as a stretched period."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from newsbrief.params import load_params
from newsbrief.render.report import run_report

pytestmark = pytest.mark.slow

ODD = {0: "1900-01-01", 1: "2017", 2: "Monday", 3: "2999-05-01", 4: "99"}


def test_odd_dates_leave_the_period_and_are_counted_undated(root: Path, tmp_path: Path) -> None:
    lines = (root / "data" / "samples" / "hyperpartisan-2017q3.jsonl").read_text(encoding="utf-8").splitlines()[:30]
    rows = []
    for i, line in enumerate(lines):
        row = json.loads(line)
        if i in ODD:
            row["published"] = ODD[i]
        rows.append(json.dumps(row))
    corpus = tmp_path / "odd.jsonl"
    corpus.write_text("\n".join(rows) + "\n", encoding="utf-8")
    params = load_params(root / "params" / "sample-corpus.yaml", overrides=[f"input={corpus}", "name=odd"])
    html = run_report(params, output_dir=tmp_path / "reports").html.read_text(encoding="utf-8")
    period = re.search(r"Period</t[hd]>\s*<td[^>]*>([^<]+)<", html)
    assert period is not None, "no Period row in the header"
    text = period.group(1)
    assert "2017" in text and "1900" not in text and "2999" not in text and "1999" not in text
    assert "(5 undated)" in text
    # the two implausible dates are listed under the header (the partial ones were never dates)
    assert "articles&#39; dates were left out of the period and timeline" in html or \
        "articles' dates were left out of the period and timeline" in html
    assert "1900-01-01 (before 1990-01-01)" in html and "2999-05-01 (in the future)" in html
