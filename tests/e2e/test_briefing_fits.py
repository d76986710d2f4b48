"""A briefing fits what it says: page counts by article length, no half-empty page, no heading cut from its
content, no text under 7 pt (charts included), and findings that say what the table beside them says."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from newsbrief.params import load_params
from newsbrief.render.report import run_report
from printed import (
    chart_fonts,
    filled,
    findings,
    findings_against_tables,
    fragment_extremes,
    h2_headings,
    noisy_tone_findings,
    orphaned_headings,
    smallest_text,
)

pytestmark = pytest.mark.slow

MIN_PT = 7.0
MIN_FILL = 0.5
#: Unseen pages of three sizes (words of the article body), and the pages their briefing may take.
PAGES = {"short": ("readability/tmz-1/source.html", 1), "medium": ("readability/nytimes-1/source.html", 2),
         "long": ("readability/quanta-1/source.html", 3)}


def _run(source: Path, name: str, out: Path):
    params = out / f"{name}.yaml"
    params.write_text(f"input: {source}\nname: {name}\n", encoding="utf-8")
    return run_report(load_params(params), output_dir=out)


@pytest.fixture(scope="module", params=sorted(PAGES))
def article_run(request, shared: Path, tmp_path_factory: pytest.TempPathFactory):
    page, pages = PAGES[request.param]
    return _run(shared / "pages" / page, request.param, tmp_path_factory.mktemp(request.param)), pages


def _check_print(paths, tmp: Path, *, max_pages: int) -> None:
    reader = PdfReader(paths.pdf)
    assert len(reader.pages) <= max_pages
    if shutil.which("pdftoppm"):
        fill = filled(paths.pdf, tmp)
        assert all(f >= MIN_FILL for f in fill[:-1]), fill
    markup = paths.html.read_text(encoding="utf-8")
    assert orphaned_headings(paths.pdf, h2_headings(markup)) == []
    assert smallest_text(paths.pdf) >= MIN_PT
    fonts = chart_fonts(paths.notebook, paths.pdf)
    assert fonts and min(fonts) >= MIN_PT, fonts


def _check_findings(paths) -> None:
    """Each entity and speaker number of the findings equals the table beside it; no tone finding within noise;
    no fragment, caption or heading as an extreme sentence."""
    markup = paths.html.read_text(encoding="utf-8")
    checked, wrong = findings_against_tables(markup)
    assert checked >= 1 and wrong == [], wrong
    assert noisy_tone_findings(markup) == []
    assert fragment_extremes(markup) == []


def test_article_briefing_fits_its_article(article_run, tmp_path: Path) -> None:
    paths, pages = article_run
    _check_print(paths, tmp_path, max_pages=pages)


def test_article_findings_equal_their_tables(article_run) -> None:
    paths, _ = article_run
    _check_findings(paths)


def test_seed_briefing_is_one_page(seed_run, tmp_path: Path) -> None:
    _check_print(seed_run, tmp_path, max_pages=1)
    _check_findings(seed_run)


@pytest.fixture
def corpus_run(sample_run):
    """The session's one sample-corpus run (tests/conftest.py)."""
    return sample_run


def test_corpus_briefing_fits_six_pages_with_readable_charts(corpus_run, tmp_path: Path) -> None:
    _check_print(corpus_run, tmp_path, max_pages=6)


def test_corpus_findings_equal_their_tables_and_say_in_how_many_articles(corpus_run) -> None:
    _check_findings(corpus_run)
    said = findings(corpus_run.html.read_text(encoding="utf-8"))
    lead = next(line for line in said if " is quoted most: " in line or "No named speaker is quoted" in line)
    assert re.search(r"in \d+ of \d+ articles", lead), lead
