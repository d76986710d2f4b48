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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat
import pandas as pd

from .annotate import Settings, annotate_articles, assemble, write_store
from .errors import ParamsError, RunError
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
    """Where a run's outputs are; a fan-out run's ``html`` is its index page and ``children`` its briefings."""

    folder: Path
    notebook: Path
    html: Path
    pdf: Path
    children: tuple[ReportPaths, ...] = ()


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
    options = params.sentiment_options
    if params.sentiment == "hf" and isinstance(options.get("model_path"), str):
        options = dict(options, model_path=str(Path(options["model_path"]).expanduser().resolve()))
    settings = Settings(model=params.model, sentiment=params.sentiment,
                        sentiment_options=tuple(sorted(options.items())))
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


def _title_for(tables: dict[str, Any], params: Params) -> str | None:
    if params.title is not None:
        return params.title
    if len(tables["articles"]) == 1 and params.mode != "corpus":
        first = tables["articles"]["title"].iloc[0]
        return None if first is None or pd.isna(first) or not str(first) else str(first)
    return None


def brief(
    folder: Path, tables: dict[str, Any], *, params: Params, settings: Settings, title: str | None = None,
    mode: str | None = None, entities: Sequence[str] | None = None, notebook: str | Path = "briefing",
    progress_bar: bool = False,
) -> ReportPaths:
    """Write data/, execute the notebook and render HTML + PDF inside ``folder`` (which must exist).

    Raises papermill's PapermillExecutionError when a cell fails; the executed notebook is left in ``folder``.
    """
    import papermill as pm

    write_store(folder / "data", tables, settings=settings, inputs=params.input)
    executed = folder / "briefing.ipynb"
    pm.execute_notebook(
        str(notebook_path(notebook)), str(executed),
        parameters={"data": "data", "title": title, "mode": mode or params.mode, "top_n": params.top_n,
                    "freq": params.freq, "entities": list(entities if entities is not None else params.entities),
                    "params": dict(params_table(params))},
        cwd=str(folder), kernel_name="python3", progress_bar=progress_bar, log_output=False,
        extra_arguments=["--IPKernelApp.log_level=ERROR"],  # no transport notice on the terminal
    )
    nb = nbformat.read(executed, as_version=4)
    nb.metadata["title"] = title or "News briefing"
    nbformat.write(nb, executed)
    render(executed, html_path=folder / "briefing.html", pdf_path=folder / "briefing.pdf", paper=params.paper)
    return ReportPaths(folder=folder, notebook=executed, html=folder / "briefing.html", pdf=folder / "briefing.pdf")


def _relocate(paths: ReportPaths, old: Path, new: Path) -> ReportPaths:
    def move(p: Path) -> Path:
        return new / p.relative_to(old)

    return ReportPaths(folder=move(paths.folder), notebook=move(paths.notebook), html=move(paths.html),
                       pdf=move(paths.pdf), children=tuple(_relocate(c, old, new) for c in paths.children))


def run_report(
    params: Params, *, output_dir: str | Path = "reports", progress: ProgressFactory | None = None,
    stage: StageCallback | None = None, notebook: str | Path = "briefing", progress_bar: bool = False,
    each: str | None = None,
) -> ReportPaths:
    """Render ``<output_dir>/<params.name>/`` with briefing.ipynb, briefing.html and briefing.pdf.

    With ``each`` (source, entity or article), render one briefing per value into sub-folders and an
    ``index.html`` linking them; the returned paths are then those of the index (notebook: first briefing).
    """
    from papermill.exceptions import PapermillExecutionError

    from .fanout import fan_out

    output_dir = Path(output_dir).resolve()
    output_dir.mkdir(parents=True, exist_ok=True)
    store = Path(params.store).resolve() if params.store else output_dir / ".store"
    final = output_dir / params.name
    tmp = output_dir / f".{params.name}.tmp-{uuid.uuid4().hex[:8]}"
    tmp.mkdir()
    try:
        if stage:
            from_store = len(params.input) == 1 and is_store(params.input[0])
            stage("reading the annotation store" if from_store else "reading and annotating the inputs")
        tables, settings, _ = build_tables(params, store=store, progress=progress)
        n_articles = len(tables["articles"])
        if params.mode == "article" and each is None and n_articles != 1:
            raise ParamsError("invalid parameters", problems=[
                f"mode: 'article' needs exactly one article; the inputs hold {n_articles} "
                "(use mode: corpus, or --each article for one briefing per article)"])
        try:
            if each is None:
                if stage:
                    stage("executing the briefing notebook and rendering HTML and PDF")
                paths = brief(tmp, tables, params=params, settings=settings, title=_title_for(tables, params),
                              notebook=notebook, progress_bar=progress_bar)
            else:
                paths = fan_out(tmp, tables, params=params, settings=settings, each=each, notebook=notebook,
                                progress=progress, stage=stage)
        except PapermillExecutionError as e:
            failed = output_dir / f"{params.name}.failed"
            shutil.rmtree(failed, ignore_errors=True)
            os.replace(tmp, failed)
            kept = sorted(failed.rglob("briefing.ipynb"), key=lambda p: p.stat().st_mtime)
            raise RunError(
                f"cell {e.exec_count} failed: {e.ename}: {e.evalue}; the executed notebook is kept for inspection",
                path=kept[-1] if kept else failed,
            ) from e
        _swap_into_place(tmp, final)
    except BaseException:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
        raise
    failed = output_dir / f"{params.name}.failed"
    if failed.exists():
        shutil.rmtree(failed, ignore_errors=True)
    return _relocate(paths, tmp, final)
