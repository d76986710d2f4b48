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
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..analysis import as_database, thin_articles
from ..annotate import Settings, annotate_articles, assemble, within_size_limit, write_store
from ..errors import InputError, ParamsError, RunError
from ..fetch import FetchOptions
from ..ingest import thin_summary
from ..ingest.fetched import read_sources
from ..nlp.entities.linking import Aliases
from ..params import KIND_TRAITS, LAST_RUN_DIR, Params, reads_strictly, resolve_kind
from ..present.formatters import article_title
from ..store import is_store, read_dataset
from ..store.link import link_dataset
from ..store.lock import remove_quietly
from ..store.newer import new_articles as new_articles_in
from .brief import ReportPaths, brief
from .fanout import fan_out
from .kernel import StartedKernel
from .preflight import check_run
from .swap import report_lock, swap_into_place

log = logging.getLogger(__name__)

StageCallback = Callable[[str], None]
#: Where a fan-out of annotated inputs keeps their tables while it copies the parts out (removed before the swap).
PARENT = ".parent-data"
#: The previous run's data/, linked in for ``compare: last-run`` (removed before the swap).
LAST_RUN = LAST_RUN_DIR
ProgressFactory = Callable[[str, int], Callable[[int], None]]


def build_tables(
    params: Params, *, store: Path, progress: ProgressFactory | None = None, fetch_log: Path | None = None,
    record: dict[str, Any] | None = None, each: str | None = None,
) -> tuple[dict[str, Any], Settings]:
    """Read the inputs (URL inputs fetched, their log written to ``fetch_log``) and annotate what the cache lacks
    (engine, workers and scorer from ``params``); a run that fans out (``each``) is sized as a corpus.

    ``record``, when given, is filled with what ingest looked at and skipped (:meth:`IngestResult.record`)."""
    settings = params.annotation_settings()
    if len(params.input) == 1 and is_store(params.input[0]):
        tables = read_dataset(params.input[0])
        db = as_database({"articles": tables["articles"]})
        try:
            found, _ = thin_articles(db)
        finally:
            db.close()
        thin = [f"{i} ({reason})" for i, reason in found.items()]
        if thin:  # read_inputs warns for inputs it reads; a store's articles are checked here
            log.warning("%s", thin_summary(thin))
        return tables, settings
    ingested, _ = read_sources(params.input, store=store, options=FetchOptions.from_params(params),
                               columns=params.columns, log_path=fetch_log, languages=params.languages,
                               strict=reads_strictly(params.mode))
    if record is not None:
        record.update(ingested.record())
    kind = resolve_kind(params.mode, n_articles=len(ingested.articles)) if each is None else "corpus"
    articles = within_size_limit(ingested.articles, single=KIND_TRAITS[kind].single)
    tick = progress("annotating", len(articles)) if progress else None
    annotate_articles(articles, store=store, settings=settings, engine=params.engine,
                      workers=params.workers, scheduler=params.scheduler, batch_size=params.batch_size,
                      progress=tick)
    tables = assemble(articles, store=store, settings=settings, aliases=Aliases.load(params.aliases))
    return tables, settings


def _from_store(params: Params, each: str | None) -> Path | None:
    """The store a run renders without loading it: a single store input, in a fan-out or a corpus briefing (not
    an article briefing). Its aggregates are computed out of core; its thin articles are warned about here."""
    if len(params.input) != 1 or not is_store(params.input[0]):
        return None
    from ..analysis.db_rollup import open_store_database

    db = open_store_database(params.input[0])
    try:
        if each is None and KIND_TRAITS[resolve_kind(params.mode, n_articles=db.count("articles"))].in_memory:
            return None
        thin, total = thin_articles(db, limit=10)
    finally:
        db.con.close()
    if total:  # read_inputs warns for inputs it reads; a store's articles are checked here
        log.warning("%s", thin_summary([f"{i} ({reason})" for i, reason in thin.items()], total=total))
    return Path(params.input[0])


def _title_for(tables: dict[str, Any], params: Params) -> str | None:
    """The title when the params give none: an article briefing's is its article's."""
    if params.title is not None:
        return params.title
    if len(tables["articles"]) == 1 and KIND_TRAITS[resolve_kind(params.mode, n_articles=1)].titled_by_article:
        return article_title(tables["articles"])
    return None


def _relocate(paths: ReportPaths, old: Path, new: Path) -> ReportPaths:
    def move(p: Path) -> Path:
        return new / p.relative_to(old)

    return ReportPaths(folder=move(paths.folder), notebook=move(paths.notebook), html=move(paths.html),
                       pdf=move(paths.pdf), children=tuple(_relocate(c, old, new) for c in paths.children),
                       new_articles=paths.new_articles)


def new_since(tables: dict[str, Any], previous: Path) -> int:
    """How many of this run's articles the previous run (its data/ store at ``previous``) did not have."""
    hashes = set(tables["articles"]["content_hash"].astype(str))
    if not is_store(previous):
        return len(hashes)
    before = read_dataset(previous, ["articles"], columns=["content_hash"])["articles"]["content_hash"]
    return len(hashes - set(before.astype(str)))


def last_run_baseline(tmp: Path, previous: Path) -> str:
    """``compare: last-run``: the previous run's data/ linked into the new run folder (removed before the swap),
    or ``previous`` (the periods before the last) when this is the first run of the name."""
    if not is_store(previous):
        log.info("compare: last-run: no earlier run of this name; 'What changed' compares periods instead")
        return "previous"
    return str(link_dataset(previous, tmp / LAST_RUN))


def _keep_failed(tmp: Path, failed: Path) -> Path:
    """Move the run's folder to ``failed`` (replacing an earlier one); the newest notebook in it, else the folder."""
    shutil.rmtree(tmp / PARENT, ignore_errors=True)
    shutil.rmtree(tmp / LAST_RUN, ignore_errors=True)
    shutil.rmtree(failed, ignore_errors=True)
    os.replace(tmp, failed)
    kept = sorted(failed.rglob("*.ipynb"), key=lambda p: p.stat().st_mtime)
    return kept[-1] if kept else failed


def run_report(
    params: Params, *, output_dir: str | Path = "reports", progress: ProgressFactory | None = None,
    stage: StageCallback | None = None, notebook: str | Path | None = None, progress_bar: bool = False,
    each: str | None = None,
) -> ReportPaths:
    """Render ``<output_dir>/<params.name>/`` with briefing.ipynb, briefing.html and briefing.pdf.

    With ``each`` (source, entity or article), render one briefing per value into sub-folders and an
    ``index.html`` linking them; the returned paths are then those of the index (notebook: first briefing).
    One run of a name at a time: a second waits for the first (:func:`.swap.report_lock`).
    """
    if each is not None and params.compare == "last-run":
        raise ParamsError("invalid parameters", problems=["compare: last-run compares one briefing with the one "
                                                          "before it; it does not apply to --each"])
    check_run(params)  # before any folder, lock or annotation: a refused run writes nothing
    output_dir = Path(output_dir).resolve()
    if output_dir.exists() and not output_dir.is_dir():
        raise ParamsError("invalid output folder", problems=[f"output folder: {output_dir} is a file, not a folder"])
    created = [p for p in (output_dir, *output_dir.parents) if not p.exists()]  # deepest first
    lock = output_dir / f".{params.name}.lock"
    lock_existed = lock.exists()
    output_dir.mkdir(parents=True, exist_ok=True)
    try:
        with report_lock(output_dir, params.name):
            return _run_report(params, output_dir=output_dir, progress=progress, stage=stage, notebook=notebook,
                               progress_bar=progress_bar, each=each)
    except (InputError, ParamsError):
        # Bad input found while reading it: leave no trace (the lock file and folders this run made, if empty).
        if not lock_existed:
            remove_quietly(lock)
        for folder in created:
            try:
                folder.rmdir()
            except OSError:
                break
        raise


def _run_report(
    params: Params, *, output_dir: Path, progress: ProgressFactory | None, stage: StageCallback | None,
    notebook: str | Path | None, progress_bar: bool, each: str | None,
) -> ReportPaths:
    from papermill.exceptions import PapermillExecutionError

    store = Path(params.store).resolve() if params.store else output_dir / ".store"
    final = output_dir / params.name
    tmp = output_dir / f".{params.name}.tmp-{uuid.uuid4().hex[:8]}"
    tmp.mkdir()
    kernel: StartedKernel | None = None
    try:
        # one briefing: its kernel starts (and imports what the cells need) while the inputs are read
        kernel = StartedKernel(cwd=tmp) if each is None else None
        if stage:
            from_store = len(params.input) == 1 and is_store(params.input[0])
            stage("reading the annotation store" if from_store else "reading and annotating the inputs")
        source = _from_store(params, each)
        tables: dict[str, Any] | None = None
        new_articles: int | None = None
        record: dict[str, Any] = {}
        compare = last_run_baseline(tmp, final / "data") if params.compare == "last-run" else None
        if source is not None:
            settings = params.annotation_settings()
            if each is None:  # a store's articles the previous run of the name did not have (--email-if-new)
                new_articles = new_articles_in(source, final / "data")
        else:
            tables, settings = build_tables(params, store=store, progress=progress, fetch_log=tmp / "fetch.csv",
                                            record=record, each=each)
            new_articles = new_since(tables, final / "data")
            if each is None:
                resolve_kind(params.mode, n_articles=len(tables["articles"]))  # mode article: one article
            if each is not None:  # the fan-out copies each part out of a store: the annotated tables, written once
                source = tmp / PARENT
                write_store(source, tables, settings=settings, inputs=params.input, base=tmp, extra=record)
        try:
            if each is None:
                if stage:
                    stage("executing the briefing notebook and rendering HTML and PDF")
                title = _title_for(tables, params) if tables is not None else params.title
                changes = {"title": title} if compare is None else {"title": title, "compare": compare}
                paths = brief(tmp, tables, params=params, settings=settings, changes=changes, notebook=notebook,
                              progress_bar=progress_bar, source_store=source, record=record, kernel=kernel)
            else:
                assert source is not None  # with each: the input store, or the tables written to tmp above
                paths = fan_out(tmp, source, params=params, settings=settings, each=each, notebook=notebook,
                                progress=progress, stage=stage)
            shutil.rmtree(tmp / PARENT, ignore_errors=True)
            shutil.rmtree(tmp / LAST_RUN, ignore_errors=True)
        except PapermillExecutionError as e:
            kept = _keep_failed(tmp, output_dir / f"{params.name}.failed")
            raise RunError(
                f"cell {e.exec_count} failed: {e.ename}: {e.evalue}; the executed notebook is kept for inspection",
                path=kept,
            ) from e
        except RunError as e:  # a kernel that died or stayed silent: its notebook so far is kept, and named there
            if e.path is None or not Path(e.path).is_relative_to(tmp):
                raise
            kept = _keep_failed(tmp, output_dir / f"{params.name}.failed")
            raise RunError(f"{e.message}; the notebook as far as it ran is kept for inspection", path=kept) from e
        if kernel is not None:
            kernel.close()
        swap_into_place(tmp, final)
    except BaseException:
        if kernel is not None:
            kernel.close()
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
        raise
    failed = output_dir / f"{params.name}.failed"
    if failed.exists():
        shutil.rmtree(failed, ignore_errors=True)
    return replace(_relocate(paths, tmp, final), new_articles=new_articles)
