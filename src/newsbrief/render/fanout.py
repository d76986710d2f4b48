"""Fan-out runs: one briefing per source, entity or article, from one annotation, plus an index page."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from ..analysis import entity_frequencies
from ..analysis.periods import source_labels
from ..errors import ParamsError
from ..params import Params
from .brief import ReportPaths, brief
from .pages import index_page

EACH_CHOICES: tuple[str, ...] = ("source", "entity", "article")


def slug(value: str, *, taken: set[str]) -> str:
    """A folder name for a value: lower-case ASCII words joined by '-', unique among ``taken``."""
    base = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")[:60] or "item"
    name, n = base, 2
    while name in taken:
        name, n = f"{base}-{n}", n + 1
    taken.add(name)
    return name


def subset(tables: dict[str, pd.DataFrame], article_ids: set[str]) -> dict[str, pd.DataFrame]:
    """The tables restricted to some articles; entities restricted to those still mentioned."""
    out = {name: frame[frame["article_id"].isin(article_ids)].reset_index(drop=True)
           for name, frame in tables.items() if name != "entities"}
    used = set(out["mentions"]["entity_id"])
    out["entities"] = tables["entities"][tables["entities"]["entity_id"].isin(used)].reset_index(drop=True)
    return out


def groups(tables: dict[str, pd.DataFrame], *, each: str, top: int) -> list[tuple[str, set[str], dict[str, Any]]]:
    """(label, article ids, notebook overrides) per value to brief, largest first."""
    articles = tables["articles"]
    if each == "source":
        labels = source_labels(articles["source"])
        counts = labels.value_counts()
        return [(str(src), set(articles.loc[labels == src, "article_id"]),
                 {"mode": "corpus" if n > 1 else "article"}) for src, n in counts.items()]
    if each == "entity":
        freq = entity_frequencies(tables["mentions"], tables["entities"], top=top)
        out = []
        for row in freq.itertuples(index=False):
            ids = set(tables["mentions"].loc[tables["mentions"]["entity_id"] == row.entity_id, "article_id"])
            out.append((str(row.name), ids, {"mode": "corpus" if len(ids) > 1 else "article", "entities": [row.name]}))
        return out
    if each == "article":
        return [(str(t) if t is not None and not pd.isna(t) else str(i), {str(i)}, {"mode": "article", "title": None})
                for i, t in zip(articles["article_id"], articles["title"])]
    raise ParamsError("invalid --each", problems=[f"--each {each}: choose one of {', '.join(EACH_CHOICES)}"])


def _brief_job(job: tuple[Path, dict[str, pd.DataFrame], dict[str, Any]]) -> ReportPaths:
    sub, part, kwargs = job
    return brief(sub, part, **kwargs)


def _render_all(jobs: list[tuple[Path, dict[str, pd.DataFrame], dict[str, Any]]], *,
                workers: int | None) -> Any:
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
    folder: Path, tables: dict[str, pd.DataFrame], *, params: Params, settings: Any, each: str,
    notebook: str | Path = "briefing", progress: Callable[[str, int], Callable[[int], None]] | None = None,
    stage: Callable[[str], None] | None = None,
) -> Any:
    """Render one briefing per value of ``each`` under ``folder`` and write ``folder/index.html``."""
    todo = groups(tables, each=each, top=params.top_n)
    if not todo:
        raise ParamsError("nothing to fan out", problems=[f"--each {each}: the inputs have no such values"])
    tick = progress(f"briefings per {each}", len(todo)) if progress else None
    taken: set[str] = set()
    rows: list[tuple[str, str, int]] = []
    jobs: list[tuple[Path, dict[str, pd.DataFrame], dict[str, Any]]] = []
    base_title = params.title or "News briefing"
    for label, ids, overrides in todo:
        name = slug(label, taken=taken)
        sub = folder / name
        sub.mkdir()
        title = overrides.get("title", f"{base_title}: {label}")
        kwargs = {"params": params, "settings": settings, "title": label if title is None else title,
                  "mode": overrides["mode"], "entities": overrides.get("entities"), "notebook": notebook}
        jobs.append((sub, subset(tables, ids), kwargs))
        rows.append((label, name, len(ids)))
    children: list[ReportPaths] = []
    for n, paths in enumerate(_render_all(jobs, workers=params.workers), start=1):
        if stage:
            stage(f"briefing {n} of {len(todo)}: {rows[n - 1][0]}")
        children.append(paths)
        if tick:
            tick(1)
    index = folder / "index.html"
    index.write_text(index_page(f"{base_title}: one briefing per {each}", rows), encoding="utf-8")
    first = children[0]
    return ReportPaths(folder=folder, notebook=first.notebook, html=index, pdf=first.pdf, children=tuple(children))
