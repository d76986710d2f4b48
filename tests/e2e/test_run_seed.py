"""End to end: `newsbrief run params/seed-article.yaml` with real papermill, nbconvert and WeasyPrint."""

from __future__ import annotations

import html
import re
from pathlib import Path

import nbformat
import pytest
from pypdf import PdfReader

from newsbrief.cli import main
from newsbrief.params import load_params
from newsbrief.render.report import run_report

pytestmark = pytest.mark.slow


def test_outputs_exist_in_the_run_folder(seed_run) -> None:
    assert seed_run.folder.name == "seed-article"
    for path in (seed_run.notebook, seed_run.html, seed_run.pdf):
        assert path.is_file() and path.stat().st_size > 0
    assert not list(seed_run.folder.parent.glob(".seed-article.tmp-*"))


def test_no_absolute_path_in_the_notebook_manifest_or_run_parameters(seed_run, root: Path) -> None:
    """Issue 16, item 10: the run folder holds paths relative to itself, never this machine's."""
    import json

    here = [str(root), str(seed_run.folder.parent), str(Path.home())]
    meta = nbformat.read(seed_run.notebook, as_version=4).metadata["papermill"]
    assert meta["input_path"] == "article.ipynb" and meta["output_path"] == "briefing.ipynb"
    manifests = list((seed_run.folder / "data").glob("v-*/manifest.json"))
    texts = {"notebook metadata": json.dumps(meta), "html": seed_run.html.read_text(encoding="utf-8"),
             **{str(m): m.read_text(encoding="utf-8") for m in manifests}}
    inputs = json.loads(manifests[0].read_text(encoding="utf-8"))["inputs"]
    assert (seed_run.folder / inputs[0]).resolve() == (root / "data/samples/wion-2021-04-06-ukraine-nato.txt")
    assert not [i for i in inputs if Path(i).is_absolute()]
    for where, text in texts.items():
        for path in here:  # as an absolute path (a relative "../../work/..." is fine)
            assert not re.search(r"(?<![.\w])" + re.escape(path), text), f"{path} in {where}"


def test_pdf_has_pages(seed_run) -> None:
    assert seed_run.pdf.read_bytes().startswith(b"%PDF")
    assert len(PdfReader(seed_run.pdf).pages) >= 1


def test_html_holds_title_charts_and_no_code(seed_run) -> None:
    markup = seed_run.html.read_text(encoding="utf-8")
    h1 = re.search(r"<h1>(.*?)</h1>", markup, re.S)
    title = "Ukraine urges NATO to send 'real signal' to Russia with membership plan"
    assert h1 and html.unescape(h1.group(1)) == title
    images = re.findall(r"<img\b[^>]*>", markup)
    charts = [i for i in images if 'src="data:image/png;base64,' in i]
    assert len(charts) >= 1 and 'alt="Sentiment along the article and tone towards the leading entities"' in charts[0]
    assert "<h2>Who is in it</h2>" in markup and "<h2>Who speaks</h2>" in markup  # tables, side by side
    assert "Briefing.load" not in markup and "briefing.header()" not in markup
    assert "<script" not in markup.lower()
    assert "Volodymyr Zelensky" in markup
    # Without a declared charset browsers guess and garble curly quotes and minus signs.
    assert re.search(r'<meta charset="utf-8"\s*/?>', markup, re.I)


def test_executed_notebook_keeps_parameters_tag(seed_run) -> None:
    nb = nbformat.read(seed_run.notebook, as_version=4)
    tags = [c.metadata.get("tags", []) for c in nb.cells]
    assert ["parameters"] in tags and ["injected-parameters"] in tags
    assert all(c.get("outputs") is not None for c in nb.cells if c.cell_type == "code")


def test_cli_prints_three_paths_and_exit_codes(root: Path, tmp_path: Path, seed_store: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["run", str(root / "params" / "seed-article.yaml"), "--output-dir", str(tmp_path), "-q",
                 "--set", "name=cli-run", "--set", f"store={seed_store}"])
    printed = capsys.readouterr().out.split()
    assert code == 0
    assert [Path(p).name for p in printed] == ["briefing.ipynb", "briefing.html", "briefing.pdf"]
    assert all(Path(p).is_file() for p in printed)


def test_bad_params_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("input: nowhere.txt\nfoo: 1\n", encoding="utf-8")
    assert main(["run", str(bad), "--output-dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "foo: unknown key" in err and "nowhere.txt" in err


def test_failing_cell_keeps_the_notebook_and_the_previous_report(root: Path, tmp_path: Path) -> None:
    from nbformat.v4 import new_code_cell, new_notebook

    from newsbrief.errors import RunError

    nb = new_notebook(cells=[
        new_code_cell('data = "data"\ntitle = None\nmode = "auto"\ntop_n = 10\nfreq = "W"\nentities = []\n'
                      "params = None", metadata={"tags": ["parameters"]}),
        new_code_cell("raise ValueError('boom in cell')"),
    ])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    broken = tmp_path / "broken.ipynb"
    nbformat.write(nb, broken)
    article = tmp_path / "a.txt"
    article.write_text("A headline\n\nThe minister said the plan would work.", encoding="utf-8")
    params = load_params(root / "params" / "seed-article.yaml", overrides=[f"input={article}", "name=broken"])
    out = tmp_path / "out"
    (out / "broken").mkdir(parents=True)
    (out / "broken" / "briefing.html").write_text("previous report", encoding="utf-8")
    with pytest.raises(RunError, match="boom in cell") as info:
        run_report(params, output_dir=out, notebook=broken)
    assert info.value.exit_code == 1
    kept = out / "broken.failed" / "briefing.ipynb"
    assert kept.is_file() and "boom in cell" in kept.read_text(encoding="utf-8")
    assert (out / "broken" / "briefing.html").read_text(encoding="utf-8") == "previous report"
    assert not list(out.glob(".broken.tmp-*"))


def test_pdf_is_a4_with_title_and_page_numbers_in_footer(seed_run) -> None:
    reader = PdfReader(seed_run.pdf)
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - 595.3) < 1.5 and abs(float(box.height) - 841.9) < 1.5
    n = len(reader.pages)
    for i, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        assert f"Page {i} of {n}" in text
        assert "Ukraine urges NATO" in text


def test_letter_paper(root: Path, tmp_path: Path, seed_store: Path) -> None:
    params = load_params(root / "params" / "seed-article.yaml",
                         overrides=["paper=Letter", "name=letter", f"store={seed_store}"])
    box = PdfReader(run_report(params, output_dir=tmp_path).pdf).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_article_mode_with_many_articles_is_refused(root: Path, tmp_path: Path, capsys) -> None:
    corpus = root / "data" / "samples" / "hyperpartisan-2017q3.jsonl"
    lines = corpus.read_text(encoding="utf-8").splitlines()[:2]
    small = tmp_path / "two.jsonl"
    small.write_text("\n".join(lines), encoding="utf-8")
    code = main(["run", str(root / "params" / "seed-article.yaml"), "--output-dir", str(tmp_path / "out"), "-q",
                 "--set", f"input={small}", "--set", "mode=article"])
    assert code == 2
    assert "needs exactly one article; the inputs hold 2" in capsys.readouterr().err
    assert not (tmp_path / "out" / "seed-article").exists()


def test_unwritable_output_is_one_clear_error(root: Path, tmp_path: Path, capsys) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    code = main(["run", str(root / "params" / "seed-article.yaml"), "--output-dir", str(blocker / "reports"), "-q"])
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith("newsbrief: error:") and "Traceback" not in err
