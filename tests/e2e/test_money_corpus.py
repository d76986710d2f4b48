"""A corpus whose sources and titles are full of dollar signs renders every chart of both briefings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsbrief.params import load_params
from newsbrief.render.report import run_report

pytestmark = pytest.mark.slow

SOURCES = ["Cash $$ Times", "$x^2$ Weekly", "Daily \\frac{$ Post"]


def money_corpus(root: Path, out: Path, n: int = 36) -> Path:
    lines = (root / "data" / "samples" / "hyperpartisan-2017q3.jsonl").read_text(encoding="utf-8").splitlines()[:n]
    rows = []
    for i, line in enumerate(lines):
        row = json.loads(line)
        row["source"] = SOURCES[i % len(SOURCES)]
        row["title"] = f"$5 billion for {row['title']} (up $2 from $3)"
        row["text"] = f'Senator Ann Berg said "the $5 billion plan costs $x^2$ a year" on Monday. {row["text"]}'
        rows.append(json.dumps(row))
    path = out / "money.jsonl"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("mode", ["corpus", "article"])
def test_a_price_laden_corpus_renders_every_chart(mode: str, root: Path, tmp_path: Path) -> None:
    corpus = money_corpus(root, tmp_path, n=36 if mode == "corpus" else 1)
    params = load_params(root / "params" / "sample-corpus.yaml",
                         overrides=[f"input={corpus}", f"mode={mode}", "name=money", "title=The $5 billion $x$ week"])
    paths = run_report(params, output_dir=tmp_path / "reports")
    html = paths.html.read_text(encoding="utf-8")
    assert "The $5 billion $x$ week" in html
    charts = html.count("data:image/png") + html.count('src="briefing_files/')
    # an article briefing draws its tone in one figure (sentiment along the article beside tone per entity)
    assert charts >= (5 if mode == "corpus" else 1), charts
    assert paths.pdf.read_bytes().startswith(b"%PDF")
