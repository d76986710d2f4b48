"""A briefing fits what it says: page counts by article length, no half-empty page, no heading cut from its
content, no text under 7 pt (charts included), and findings that say what the table beside them says."""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from newsbrief.params import load_params
from newsbrief.render.report import run_report

from printed import chart_fonts, filled, findings, h2_headings, orphaned_headings, smallest_text

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


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _check_findings_equal_tables(paths) -> None:
    """Each number of the entity and speaker findings equals the run's own tables (the appendix CSV files)."""
    said = findings(paths.html.read_text(encoding="utf-8"))
    entities = {r["name"]: r for r in _rows(paths.folder / "entities.csv")}
    speakers = _rows(paths.folder / "speakers.csv")
    by_speaker = {r["speaker"]: r for r in speakers}
    n_quotes = sum(int(r["quotes"]) for r in speakers)
    checked = 0
    for line in said:
        if m := re.match(r"(.+?) is the most mentioned \w+ \((\d+) mentions?(?: in (\d+) of \d+ articles)?, (\d+)% of all "
                         r"entity mentions(?:; (\d+) people)?", line):
            row = entities[m.group(1)]
            assert int(row["mentions"]) == int(m.group(2)), line
            assert round(float(row["share"]) * 100) == int(m.group(4)), line
            if m.group(3):
                assert int(row["articles"]) == int(m.group(3)), line
            if m.group(5):
                assert len(entities) == int(m.group(5)), line
            checked += 1
        if m := re.match(r"(.+?) is quoted most: (\d+) of (\d+) quotes \((\d+)%\)", line):
            row = by_speaker[m.group(1)]
            assert row["named"] == "True", line  # a named speaker, by the speaker table
            assert int(row["quotes"]) == int(m.group(2)) and n_quotes == int(m.group(3)), line
            assert round(float(row["quote_share"]) * 100) == int(m.group(4)), line
            checked += 1
        if m := re.match(r"Unnamed sources: (\d+) quotes? from (\d+) unnamed", line):
            unnamed = [r for r in speakers if r["named"] == "False" and r["speaker"] != "(unattributed)"]
            assert sum(int(r["quotes"]) for r in unnamed) == int(m.group(1)), line
            assert len(unnamed) == int(m.group(2)), line
            checked += 1
    assert checked >= 1, said


def _check_tone_findings(paths) -> None:
    """A tone finding about an entity gives its interval, and that interval excludes zero."""
    for line in findings(paths.html.read_text(encoding="utf-8")):
        if m := re.search(r"treated (?:negatively|positively) \(mean [^,]+ over (\d+) mentions?.*?95% interval "
                          r"([−+-]?[\d.]+) to ([−+-]?[\d.]+)\)", line):
            low, high = (float(v.replace("−", "-")) for v in m.group(2, 3))
            assert int(m.group(1)) >= 3 and (low > 0 or high < 0), line
        assert not re.search(r"treated (most|least) (negatively|positively)", line), line


def test_article_briefing_fits_its_article(article_run, tmp_path: Path) -> None:
    paths, pages = article_run
    _check_print(paths, tmp_path, max_pages=pages)


def test_article_findings_equal_their_tables(article_run) -> None:
    paths, _ = article_run
    _check_findings_equal_tables(paths)
    _check_tone_findings(paths)


def test_seed_briefing_is_one_page(seed_run, tmp_path: Path) -> None:
    _check_print(seed_run, tmp_path, max_pages=1)
    _check_findings_equal_tables(seed_run)
    _check_tone_findings(seed_run)


def test_seed_extreme_sentences_are_whole_sentences(seed_run) -> None:
    for line in findings(seed_run.html.read_text(encoding="utf-8")):
        if m := re.match(r"The most (?:negative|positive) sentence: \u201c(.*)\u201d", line):
            quoted = m.group(1)
            assert quoted[0].isupper() and (quoted.endswith((".", "!", "?", "\u2026"))), line


@pytest.fixture(scope="module")
def corpus_run(root: Path, tmp_path_factory: pytest.TempPathFactory):
    return run_report(load_params(root / "params" / "sample-corpus.yaml"), output_dir=tmp_path_factory.mktemp("c"))


def test_corpus_briefing_fits_six_pages_with_readable_charts(corpus_run, tmp_path: Path) -> None:
    _check_print(corpus_run, tmp_path, max_pages=6)
