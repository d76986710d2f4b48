"""One briefing run: ingest, annotate (cached), execute the notebook with papermill, render.

Everything is written into a temporary folder beside the destination and moved into place
only when the executed notebook, the HTML and the PDF are all complete. A failing cell keeps
the executed notebook, with its error, in ``<output-dir>/<name>.failed/`` for inspection,
and leaves any earlier report of the same name untouched.
"""

from __future__ import annotations

import logging
import os
import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat

from .annotate import Settings, annotate_articles, assemble, write_store
from .errors import RunError
from .ingest import read_inputs
from .nlp.linking import Aliases
from .params import Params, params_table
from .store import is_store, read_dataset

log = logging.getLogger(__name__)

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
StageCallback = Callable[[str], None]
ProgressFactory = Callable[[str, int], Callable[[int], None]]


@dataclass(frozen=True)
class ReportPaths:
    folder: Path
    notebook: Path
    html: Path
    pdf: Path


def notebook_path(name: str | Path = "briefing") -> Path:
    """A notebook of the project by name (``briefing``), or any notebook file by path."""
    path = Path(name) if str(name).endswith(".ipynb") else NOTEBOOKS / f"{name}.ipynb"
    if not path.is_file():
        raise RunError("briefing notebook not found (run newsbrief from a checkout of the project)", path=path)
    return path


def build_tables(
    params: Params, *, store: Path, progress: ProgressFactory | None = None, engine: str = "local"
) -> tuple[dict[str, Any], Settings, int]:
    """Read the inputs and annotate what the cache lacks; return (tables, settings, duplicates)."""
    settings = Settings(model=params.model, sentiment=params.sentiment)
    if len(params.input) == 1 and is_store(params.input[0]):
        return read_dataset(params.input[0]), settings, 0
    ingested = read_inputs(params.input, columns=params.columns)
    tick = progress("annotating", len(ingested.articles)) if progress else None
    annotate_articles(ingested.articles, store=store, settings=settings, workers=params.workers, progress=tick,
                      engine=engine)
    tables = assemble(ingested.articles, store=store, settings=settings, aliases=Aliases.load(params.aliases))
    return tables, settings, ingested.duplicates


def render(notebook: Path, *, html_path: Path, pdf_path: Path, paper: str) -> None:
    """HTML and PDF through the package's nbconvert exporters."""
    from .exporters import BriefingHTMLExporter, BriefingPDFExporter

    nb = nbformat.read(notebook, as_version=4)
    nb.metadata.setdefault("newsbrief", {})["paper"] = paper
    markup, _ = BriefingHTMLExporter().from_notebook_node(nb)
    html_path.write_text(markup, encoding="utf-8")
    pdf, _ = BriefingPDFExporter(paper=paper).from_notebook_node(nb)
    pdf_path.write_bytes(pdf)


def _swap_into_place(tmp: Path, final: Path) -> None:
    old = None
    if final.exists():
        old = final.with_name(f".{final.name}.old-{uuid.uuid4().hex[:6]}")
        os.replace(final, old)
    os.replace(tmp, final)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def run_report(
    params: Params, *, output_dir: str | Path = "reports", progress: ProgressFactory | None = None,
    stage: StageCallback | None = None, notebook: str | Path = "briefing", progress_bar: bool = False,
) -> ReportPaths:
    """Render ``<output_dir>/<params.name>/`` with briefing.ipynb, briefing.html and briefing.pdf."""
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    output_dir = Path(output_dir).resolve()
    output_dir.mkdir(parents=True, exist_ok=True)
    store = Path(params.store).resolve() if params.store else output_dir / ".store"
    final = output_dir / params.name
    tmp = output_dir / f".{params.name}.tmp-{uuid.uuid4().hex[:8]}"
    tmp.mkdir()
    try:
        if stage:
            stage("reading and annotating the inputs")
        tables, settings, _ = build_tables(params, store=store, progress=progress)
        shown = dict(params_table(params))
        write_store(tmp / "data", tables, settings=settings, inputs=params.input)
        if stage:
            stage("executing the briefing notebook")
        executed = tmp / "briefing.ipynb"
        title = params.title
        if title is None and len(tables["articles"]) == 1 and params.mode != "corpus":
            first = tables["articles"]["title"].iloc[0]
            title = None if first is None or str(first) in ("", "<NA>") else str(first)
        try:
            pm.execute_notebook(
                str(notebook_path(notebook)), str(executed),
                parameters={"data": "data", "title": params.title, "mode": params.mode, "top_n": params.top_n,
                            "freq": params.freq, "entities": list(params.entities), "params": shown},
                cwd=str(tmp), kernel_name="python3", progress_bar=progress_bar, log_output=False,
            )
        except PapermillExecutionError as e:
            failed = output_dir / f"{params.name}.failed"
            shutil.rmtree(failed, ignore_errors=True)
            os.replace(tmp, failed)
            raise RunError(
                f"cell {e.exec_count} failed: {e.ename}: {e.evalue}; the executed notebook is kept for inspection",
                path=failed / "briefing.ipynb",
            ) from e
        nb = nbformat.read(executed, as_version=4)
        nb.metadata["title"] = title or "News briefing"
        nbformat.write(nb, executed)
        if stage:
            stage("rendering HTML and PDF")
        render(executed, html_path=tmp / "briefing.html", pdf_path=tmp / "briefing.pdf", paper=params.paper)
        _swap_into_place(tmp, final)
    except BaseException:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
        raise
    failed = output_dir / f"{params.name}.failed"
    if failed.exists():
        shutil.rmtree(failed, ignore_errors=True)
    return ReportPaths(folder=final, notebook=final / "briefing.ipynb", html=final / "briefing.html",
                       pdf=final / "briefing.pdf")
