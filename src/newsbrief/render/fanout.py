"""Fan-out runs: one briefing per source, entity or article, from one annotation, plus an index page."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from pathlib import Path, PurePath
from typing import Any

from ..analysis.db import Db
from ..analysis.parts import groups, part_ids, write_part
from ..errors import ParamsError
from ..fetch import read_counts
from ..ingest import write_skipped
from ..params import DEFAULT_TOP_N, Params
from ..present.formatters import run_notes
from ..store import read_manifest
from ..store.duck import connect
from .brief import ReportPaths, brief
from .pages import index_page


def slug(value: str, *, taken: set[str]) -> str:
    """A folder name for a value: lower-case ASCII words joined by '-', unique among ``taken``."""
    base = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")[:60] or "item"
    name, n = base, 2
    while name in taken:
        name, n = f"{base}-{n}", n + 1
    taken.add(name)
    return name


Job = tuple[Path, Path, str, dict[str, Any], dict[str, Any]]
#: What a run's ingest recorded in its store's manifest: said once, on the index page (and in the run folder's
#: skipped.csv), not in every part's briefing; a part keeps only the flagged dates of its own articles.
RUN_RECORD: tuple[str, ...] = ("pages", "skipped", "flagged_dates")


def flagged_article(flagged: Mapping[str, Any]) -> tuple[str, ...]:
    """The article ids a flagged date's page may have: a page file's name without extension, a table row's
    number (the ids ingest gives when a table has no ``article_id``)."""
    page = str(flagged.get("page", ""))
    if ", row " in page:
        return (page.rsplit(", row ", 1)[1],)
    return (page, PurePath(page).stem)


def own_dates(db: Db, scope: str, flagged: list[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The flagged dates of the articles of one part (``scope``: a predicate on ``a``)."""
    if not flagged:
        return []
    ids = part_ids(db, scope)
    return [f for f in flagged if ids.intersection(flagged_article(f))]


def _brief_job(job: Job) -> ReportPaths:
    """Copy one part of the parent store into the child's data/, then render the child briefing."""
    sub, parent, scope, manifest, kwargs = job
    db = Db(connect(parent))
    try:
        write_part(db, scope, sub / "data", manifest=manifest)
    finally:
        db.con.close()
    return brief(sub, None, source_store=sub / "data", **kwargs)


def _render_all(jobs: list[Job], *, workers: int | None) -> Any:
    """Briefings in order, rendered by a pool of ``workers`` processes (default: all cores), each
    running one kernel at a time and keeping its imports (nbconvert, WeasyPrint, templates)."""
    n = min(workers or os.cpu_count() or 1, len(jobs))
    if n <= 1:
        yield from map(_brief_job, jobs)
        return
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    methods = mp.get_all_start_methods()
    ctx = mp.get_context("fork" if "fork" in methods else "spawn")  # fork: workers inherit the imports
    with ProcessPoolExecutor(max_workers=n, mp_context=ctx) as pool:
        yield from pool.map(_brief_job, jobs)


def fan_out(
    folder: Path, parent: Path, *, params: Params, settings: Any, each: str, notebook: str | Path | None = None,
    progress: Callable[[str, int], Callable[[int], None]] | None = None, stage: Callable[[str], None] | None = None,
) -> Any:
    """Render one briefing per value of ``each`` of the store ``parent`` under ``folder``, and ``folder/index.html``.

    Each child's data/ is its part of the parent, copied out in batches
    (:func:`~newsbrief.analysis.parts.write_part`): a fan-out of a large store never holds it in memory.
    """
    parent_manifest = read_manifest(parent)
    record = {k: parent_manifest.get(k) for k in RUN_RECORD}
    manifest = {k: v for k, v in parent_manifest.items() if k not in ("version", "tables", "files", *RUN_RECORD)}
    db = Db(connect(parent))
    try:
        todo = groups(db, each=each, top=params.top_n or DEFAULT_TOP_N)
        flagged = list(record.get("flagged_dates") or [])
        dates = [own_dates(db, scope, flagged) for _, scope, _, _ in todo]
    finally:
        db.con.close()
    if not todo:
        raise ParamsError("nothing to fan out", problems=[f"--each {each}: the inputs have no such values"])
    tick = progress(f"briefings per {each}", len(todo)) if progress else None
    taken: set[str] = set()
    rows: list[tuple[str, str, int]] = []
    jobs: list[Job] = []
    base_title = params.title or "News briefing"
    for (label, scope, n, changes), part_dates in zip(todo, dates, strict=True):
        name = slug(label, taken=taken)
        sub = folder / name
        sub.mkdir()
        title = changes.get("title", f"{base_title}: {label}")
        kwargs = {"params": params, "settings": settings, "notebook": notebook,
                  "changes": {**changes, "title": label if title is None else title}}
        part = {**manifest, "part_of": {"each": each, "value": label}}
        if part_dates:
            part["flagged_dates"] = part_dates
        jobs.append((sub, parent, scope, part, kwargs))
        rows.append((label, name, n))
    children: list[ReportPaths] = []
    for n, paths in enumerate(_render_all(jobs, workers=params.workers), start=1):
        if stage:
            stage(f"briefing {n} of {len(todo)}: {rows[n - 1][0]}")
        children.append(paths)
        if tick:
            tick(1)
    if skipped := record.get("skipped"):
        write_skipped(folder / "skipped.csv", skipped)
    notes = run_notes(read_counts(folder / "fetch.csv"), record)
    index = folder / "index.html"
    index.write_text(index_page(f"{base_title}: one briefing per {each}", rows, notes=notes), encoding="utf-8")
    first = children[0]
    return ReportPaths(folder=folder, notebook=first.notebook, html=index, pdf=first.pdf, children=tuple(children))
