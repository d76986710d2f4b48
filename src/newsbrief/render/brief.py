"""One briefing into an existing folder: write data/, execute the notebook with papermill, render HTML + PDF."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat

from ..annotate import Settings, write_store
from ..errors import RunError
from ..ingest import write_skipped
from ..params import BriefingOptions, Params, resolve_kind
from ..store import read_manifest
from ..store.link import link_dataset
from .kernel import StartedKernel, execute

NOTEBOOKS = Path(__file__).parent / "notebooks"
#: A corpus of this many articles or more whose appendix is not kept writes it after the kernel, not beside it.
OVERLAP_ARTICLES = 100_000


@dataclass(frozen=True)
class ReportPaths:
    """Where a run's outputs are; a fan-out run's ``html`` is its index page and ``children`` its briefings."""

    folder: Path
    notebook: Path
    html: Path
    pdf: Path
    children: tuple[ReportPaths, ...] = ()
    new_articles: int | None = None  # articles the previous run of the name did not have (None: not counted)


def notebook_path(name: str | Path) -> Path:
    """A notebook shipped with the package by name (``article``, ``corpus``, ``explore``), or any notebook file
    by path."""
    path = Path(name) if str(name).endswith(".ipynb") else NOTEBOOKS / f"{name}.ipynb"
    if not path.is_file():
        raise RunError("notebook not found", path=path)
    return path


def render(notebook: Path | nbformat.NotebookNode, *, html_path: Path, pdf_path: Path, paper: str) -> None:
    """HTML and PDF through the package's nbconvert exporters: the page is rendered once and
    WeasyPrint prints that markup (no second rendering, no re-reading the notebook)."""
    from .exporters import html_and_pdf

    nb = nbformat.read(notebook, as_version=4) if isinstance(notebook, Path) else notebook
    nb.metadata.setdefault("newsbrief", {})["paper"] = paper
    markup, pdf = html_and_pdf(nb, paper=paper)
    html_path.write_text(markup, encoding="utf-8")
    pdf_path.write_bytes(pdf)


def brief(
    folder: Path, tables: dict[str, Any] | None, *, params: Params, settings: Settings,
    changes: Mapping[str, Any] | None = None, notebook: str | Path | None = None, progress_bar: bool = False,
    source_store: Path | None = None, record: dict[str, Any] | None = None, kernel: StartedKernel | None = None,
) -> ReportPaths:
    """Write data/, execute the notebook and render HTML + PDF inside ``folder`` (which must exist).

    ``data/`` holds ``tables``, or, with ``source_store`` (and no tables), that store's current version linked
    (:func:`~newsbrief.store.link.link_dataset`): a corpus briefing of a large store never loads it whole.
    The notebook (by default the one of the briefing's kind: ``article`` or ``corpus``) gets one parameter, the
    :class:`~newsbrief.params.BriefingOptions` of ``params`` with ``changes`` (a fan-out part's title, mode,
    entities) and the kind resolved; papermill records it in the executed notebook.
    ``record`` (what ingest read and skipped) goes into the data's manifest, its skipped pages into ``skipped.csv``.
    ``kernel``: one started in ``folder`` (:class:`~.kernel.StartedKernel`), asked to stop once the notebook ran;
    its owner closes it. Raises papermill's PapermillExecutionError when a cell fails; the executed notebook is left
    in ``folder``.
    """
    from .exporters import warm_up_in_background

    warm_up_in_background()  # the renderer's imports overlap the kernel's work
    if tables is None:
        if source_store is None:
            raise RunError("brief() needs tables or a source store")
        if Path(source_store).resolve() != (folder / "data").resolve():  # else already written there
            link_dataset(source_store, folder / "data")
        manifest = read_manifest(folder / "data")
        n_articles = int(manifest.get("tables", {}).get("articles", 0))
        # a store written by `newsbrief annotate` records what its ingest skipped: listed beside this briefing too
        record = record or {k: manifest[k] for k in ("pages", "skipped", "flagged_dates") if k in manifest}
    else:
        write_store(folder / "data", tables, settings=settings, inputs=params.input, base=folder, extra=record)
        n_articles = len(tables["articles"])
    if record and record.get("skipped"):
        write_skipped(folder / "skipped.csv", record["skipped"])
    changes = dict(changes or {})
    kind = resolve_kind(changes.get("mode", params.mode), n_articles=n_articles)
    # every briefing links the appendix written beside it: the full tables, and every quote of an article
    options = BriefingOptions.of(params, base=folder, **{**changes, "mode": kind, "appendix": "appendix.html"})
    title = options.title
    appendix = _AppendixWriter(folder, title=title or "News briefing", csv_rows=params.csv_rows)
    # Out of core in DuckDB (the GIL released), the appendix overlaps the kernel's work on a second core, unless it
    # must sort every row of a large store (not kept in its roll-ups): then it waits for the kernel, so the two
    # DuckDB budgets are never spent at once (a run and its kernel stay under 1 GB).
    overlap = n_articles < OVERLAP_ARTICLES or appendix.kept()
    if overlap:
        appendix.start()
    executed = folder / "briefing.ipynb"
    source = notebook_path(notebook or kind)
    try:
        execute(source, executed, cwd=folder, progress_bar=progress_bar, kernel=kernel,
                parameters={"options": options.model_dump(mode="json")})
    except BaseException:
        if overlap:
            appendix.join()  # the notebook's error is the one to report
        raise
    if kernel is not None:
        kernel.stop_soon()  # it exits while the page and the PDF are rendered
    if not overlap:
        appendix.start()
    appendix.finish()
    nb = nbformat.read(executed, as_version=4)
    nb.metadata["title"] = title or "News briefing"
    run = nb.metadata.get("papermill", {})  # paths relative to the run folder, not this machine's
    run["input_path"], run["output_path"] = source.name, executed.name
    nbformat.write(nb, executed)
    render(nb, html_path=folder / "briefing.html", pdf_path=folder / "briefing.pdf", paper=params.paper)
    return ReportPaths(folder=folder, notebook=executed, html=folder / "briefing.html", pdf=folder / "briefing.pdf")


class _AppendixWriter(threading.Thread):
    """Writes the appendix from the run's store in a thread; :meth:`finish` waits and re-raises."""

    def __init__(self, folder: Path, *, title: str, csv_rows: int | None) -> None:
        super().__init__(name="newsbrief-appendix", daemon=True)
        self.folder, self.title, self.csv_rows = folder, title, csv_rows
        self.error: BaseException | None = None

    def run(self) -> None:
        from ..analysis.db_rollup import open_store_database
        from .appendix import write_appendix_kept

        try:
            db = open_store_database(self.folder / "data")
            try:
                write_appendix_kept(self.folder, db, title=self.title, csv_rows=self.csv_rows)
            finally:
                db.con.close()
        except BaseException as e:  # noqa: BLE001 - handed to the caller by finish()
            self.error = e

    def kept(self) -> bool:
        """True when the appendix's files are kept in the store's roll-ups (the run links them: no DuckDB work)."""
        from ..analysis.db_rollup import RollupDb, open_store_database
        from .appendix import appendix_kept

        db = open_store_database(self.folder / "data")
        try:
            return isinstance(db, RollupDb) and appendix_kept(db, csv_rows=self.csv_rows)
        finally:
            db.con.close()

    def finish(self) -> None:
        self.join()
        if self.error is not None:
            raise self.error
