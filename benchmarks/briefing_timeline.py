"""Where a cached briefing's wall and CPU time go: a timeline of one ``newsbrief run`` in this process.

Usage (from the repository root; run it twice, the first run fills the annotation cache)::

    .venv/bin/python benchmarks/briefing_timeline.py params/seed-article.yaml --output-dir /tmp/timeline

Prints, for each step of the run (imports, reading the inputs, cached rows, linking, the kernel's start and the
notebook's cells, the HTML export, the PDF, the kernel's shutdown), the wall-clock second it began and ended at and
the CLI process's CPU seconds by then (all its threads), then every cell's duration from papermill's metadata and
the CPU seconds of the kernel (the child processes the run waited for). The steps are found by wrapping the
functions named below; a name that no longer exists is reported and left out.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import inspect
import json
import resource
import sys
import threading
import time
from pathlib import Path
from typing import Any

T0, C0 = time.perf_counter(), time.process_time()
MARKS: list[tuple[float, float, str, str]] = []

#: (module, attribute path, label): the steps timed.
STEPS = (
    ("newsbrief.render.report", "build_tables", "ingest, cached rows, linking"),
    ("newsbrief.render.report", "read_sources", "read the inputs (ingest, language)"),
    ("newsbrief.render.report", "annotate_articles", "annotation (cache look-up)"),
    ("newsbrief.render.report", "assemble", "assemble the tables (linking)"),
    ("newsbrief.render.kernel", "StartedKernel.__init__", "start the kernel"),
    ("newsbrief.render.brief", "write_store", "write data/"),
    ("newsbrief.render.brief", "execute", "papermill (all of it)"),
    ("nbclient.client", "NotebookClient.start_new_kernel_client", "wait for the kernel to be ready"),
    ("papermill.clientwrap", "PapermillNotebookClient.papermill_execute_cells", "the notebook's cells"),
    ("nbclient.client", "NotebookClient._cleanup_kernel", "kernel shutdown (papermill's own kernel)"),
    ("newsbrief.render.brief", "render", "HTML and PDF"),
    ("newsbrief.render.exporters", "pdf_from_html", "PDF (WeasyPrint)"),
    ("newsbrief.render.exporters", "_warm_up", "import WeasyPrint, load the template (thread)"),
    ("newsbrief.render.kernel", "StartedKernel.close", "wait for the kernel to exit"),
)


def mark(what: str) -> None:
    MARKS.append((time.perf_counter() - T0, time.process_time() - C0, threading.current_thread().name, what))


def wrap(module: str, path: str, label: str) -> bool:
    try:
        owner: Any = importlib.import_module(module)
        *parents, name = path.split(".")
        for parent in parents:
            owner = getattr(owner, parent)
        original = getattr(owner, name)
    except (ImportError, AttributeError):
        print(f"(not timed: {module}.{path} is gone)", file=sys.stderr)
        return False

    if inspect.iscoroutinefunction(original):
        @functools.wraps(original)
        async def timed_async(*args: Any, **kwargs: Any) -> Any:
            mark(f"> {label}")
            try:
                return await original(*args, **kwargs)
            finally:
                mark(f"< {label}")
        setattr(owner, name, timed_async)
    else:
        @functools.wraps(original)
        def timed(*args: Any, **kwargs: Any) -> Any:
            mark(f"> {label}")
            try:
                return original(*args, **kwargs)
            finally:
                mark(f"< {label}")
        setattr(owner, name, timed)
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("params")
    parser.add_argument("--output-dir", type=Path, required=True)
    args = parser.parse_args()
    cli = importlib.import_module("newsbrief.cli.main")
    cli._skip_iri_format_checker()  # as `newsbrief` does before its imports
    mark("start")
    importlib.import_module("newsbrief.render.report")
    mark("imports of the run (newsbrief.render.report)")
    for module, path, label in STEPS:
        wrap(module, path, label)
    code = cli.main(["run", args.params, "--output-dir", str(args.output_dir), "-q"])
    mark("end")
    for wall, cpu, thread, what in MARKS:
        print(f"{wall:7.2f} s  CPU {cpu:6.2f} s  {thread[:24]:24}  {what}")
    kernel = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"kernel (child processes) CPU: {kernel.ru_utime + kernel.ru_stime:.2f} s; "
          f"this process: {time.process_time() - C0:.2f} s")
    run = next(args.output_dir.glob("*/briefing.ipynb"), None)
    if run is not None:
        for cell in json.loads(run.read_text(encoding="utf-8"))["cells"]:
            meta = cell.get("metadata", {}).get("papermill", {})
            if cell["cell_type"] == "code" and meta.get("duration") is not None:
                print(f"cell {meta['duration']:6.2f} s  {''.join(cell['source']).splitlines()[-1][:70]}")
    return code


if __name__ == "__main__":
    raise SystemExit(main())
