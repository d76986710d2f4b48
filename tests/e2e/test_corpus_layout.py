"""The corpus briefing reads in five minutes: at most six pages, no half-empty page, no chart split, an appendix."""

from __future__ import annotations

import csv
import json
import re
import shutil
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from newsbrief.params import load_params
from newsbrief.render.report import run_report
from printed import filled

pytestmark = pytest.mark.slow

MAX_PAGES = 6
#: A page before the last must be at least this full (share of the printable height used).
MIN_FILL = 0.5


def check_layout(paths, tmp: Path) -> None:
    reader = PdfReader(paths.pdf)
    assert len(reader.pages) <= MAX_PAGES
    if shutil.which("pdftoppm"):
        fill = filled(paths.pdf, tmp)
        assert all(f >= MIN_FILL for f in fill[:-1]), fill
    # A chart split over two pages would be drawn on both: each <img> is drawn once, on one page.
    markup = paths.html.read_text(encoding="utf-8")
    images = len([t for t in re.findall(r"<img\b[^>]*>", markup) if "data:image/png" in t])
    draws = [name for page in reader.pages for name in re.findall(rb"/([\w.]+)\s+Do\b", page.get_contents().get_data())]
    assert len(draws) == images and len(set(draws)) == images


def test_sample_corpus_fits_six_pages(sample_run, tmp_path: Path) -> None:
    check_layout(sample_run, tmp_path)


def test_sample_corpus_sections_and_lead(sample_run) -> None:
    markup = sample_run.html.read_text(encoding="utf-8")
    for heading in ("Key findings", "What changed", "Why it spiked", "Who appears with whom",
                    "Share of voice by source",
                    "Articles behind the findings"):
        assert re.search(rf"<h2[^>]*>{heading}(<|$)", markup, re.M), heading
    findings = re.search(r'<ul class="nb-findings">(.*?)</ul>', markup, re.S).group(1)
    assert re.search(r"(rose|fell) to .* \(z = ", findings)  # the lead says what changed, with its test
    assert 'href="appendix.html"' in markup
    assert markup.count("<tr>") < 120  # the full tables are in the appendix, not here
    links = [a.get_object().get("/A", {}).get("/URI") for page in PdfReader(sample_run.pdf).pages
             for a in page.get("/Annots") or []]
    assert "appendix.html" in links  # relative: a PDF viewer opens it beside the PDF


def test_appendix_and_csv_files(sample_run) -> None:
    folder = sample_run.folder
    page = (folder / "appendix.html").read_text(encoding="utf-8")
    assert "<script" not in page.lower() and "<style>" in page and 'href="briefing.html"' in page
    with (folder / "articles.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 262 and {"title", "url", "source", "published", "tone"} <= set(rows[0])
    for name in ("entities.csv", "speakers.csv", "quotes.csv", "sources.csv"):
        assert (folder / name).stat().st_size > 100
    assert page.count("<tr>") > 262  # every article and every entity


def test_reuters_5000_stories_fit_six_pages(root: Path, shared: Path, tmp_path: Path) -> None:
    sys.path.insert(0, str(root / "benchmarks"))
    from reuters import iter_articles

    corpus = tmp_path / "reuters.jsonl"
    with corpus.open("w", encoding="utf-8") as f:
        for a in iter_articles(shared / "corpora" / "reuters21578", limit=5000):
            f.write(json.dumps({"article_id": a.article_id, "title": a.title, "source": a.source, "text": a.text,
                                "published": a.published.isoformat() if a.published else None}) + "\n")
    params = tmp_path / "reuters.yaml"
    store = root / ".cache" / "reuters-store"  # annotation cache kept between runs (ignored by git)
    params.write_text(f"input: {corpus}\nname: reuters5k\nmode: corpus\nstore: {store}\n", encoding="utf-8")
    paths = run_report(load_params(params), output_dir=tmp_path / "out")
    check_layout(paths, tmp_path)
