"""End-to-end briefing time against the bare Jupyter tools, and the fan-out speed-up, in one run.

Usage (from the repository root)::

    .venv/bin/python benchmarks/briefing.py                 # figures in docs/benchmarks.md
    .venv/bin/python benchmarks/briefing.py --rounds 3 --skip-fanout

One run prints, each the best of ``--rounds`` (default 3), the two sides alternating so that the
machine's load falls on both alike:

* newsbrief: ``newsbrief run params/seed-article.yaml -q`` with its annotation cached (a first,
  untimed run fills the cache): ingest, cached rows, linking, one kernel, HTML and PDF;
* bare tools on a 2-cell notebook (a parameters cell, a cell showing a small table): the
  ``papermill`` CLI, then ``jupyter nbconvert --to html --no-input``, then the ``weasyprint`` CLI
  for the PDF, i.e. what a user chaining the three commands pays;
* their ratio (newsbrief / bare; the goal is at most 1.0), against the three CLIs and against papermill +
  nbconvert alone (newsbrief also writes the PDF);
* the CPU seconds of each side's process trees (the commands, their kernels), least of the rounds: on a busy
  machine wall time follows the load, CPU time much less;
* fan-out: ``newsbrief run params/sample-corpus.yaml --each entity`` (``top_n`` briefings) against
  the same number of single briefings, i.e. ``top_n`` x one cached corpus briefing
  (``--set top_n=N``; one timed run each, after a warm-up that fills the cache).

Every command runs as a subprocess from a fresh interpreter, as a user would run it.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    path = BIN / name
    return str(path) if path.exists() else name


#: CPU seconds of every finished command's process tree (its children and the processes they waited for).
CPU: list[float] = []


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(cmd: list[str], *, cwd: Path = ROOT) -> float:
    start, cpu = time.perf_counter(), _children_cpu()
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    CPU.append(_children_cpu() - cpu)
    if done.returncode != 0:
        raise SystemExit(f"failed ({done.returncode}): {' '.join(cmd)}\n{done.stderr[-2000:]}")
    return elapsed


def two_cell_notebook(path: Path) -> None:
    nb = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell('title = "News briefing"\nn = 3')
    params.metadata["tags"] = ["parameters"]
    body = nbformat.v4.new_code_cell(
        "import pandas as pd\n"
        "pd.DataFrame({'entity': ['Ukraine', 'NATO', 'Russia'][:n], 'mentions': [12, 9, 7][:n]})"
    )
    nb.cells = [params, body]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)


def bare_tools(work: Path) -> tuple[float, float]:
    """(papermill CLI + jupyter nbconvert CLI, that + weasyprint CLI) on the 2-cell notebook."""
    total = timed([tool("papermill"), "in.ipynb", "out.ipynb", "-p", "n", "2", "--no-progress-bar",
                   "-k", "python3"], cwd=work)
    total += timed([tool("jupyter"), "nbconvert", "--to", "html", "--no-input", "out.ipynb"], cwd=work)
    return total, total + timed([tool("weasyprint"), "out.html", "out.pdf"], cwd=work)


def newsbrief(params: str, out: Path, *extra: str) -> float:
    return timed([tool("newsbrief"), "run", params, "--output-dir", str(out), "-q", *extra])


def main() -> int:
    parser = argparse.ArgumentParser(description="newsbrief briefing time against the bare Jupyter tools")
    parser.add_argument("--rounds", type=int, default=3, help="best of N for the end-to-end comparison")
    parser.add_argument("--skip-fanout", action="store_true")
    args = parser.parse_args()
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="nb-briefing-") as tmp:
        work = Path(tmp)
        two_cell_notebook(work / "in.ipynb")
        out = work / "reports"
        newsbrief("params/seed-article.yaml", out)  # warm-up: fills the annotation cache
        ours: list[float] = []
        bare: list[float] = []
        html_only: list[float] = []
        ours_cpu: list[float] = []
        bare_cpu: list[float] = []
        for _ in range(args.rounds):
            ours.append(newsbrief("params/seed-article.yaml", out))
            ours_cpu.append(CPU[-1])
            nbconvert, with_pdf = bare_tools(work)
            html_only.append(nbconvert)
            bare.append(with_pdf)
            bare_cpu.append(sum(CPU[-3:]))
        print(f"cached article briefing, newsbrief run params/seed-article.yaml: best {min(ours):.2f} s "
              f"(all: {', '.join(f'{t:.2f}' for t in ours)})")
        print(f"bare papermill + nbconvert --to html --no-input + weasyprint, 2-cell notebook: best {min(bare):.2f} s "
              f"(all: {', '.join(f'{t:.2f}' for t in bare)})")
        print(f"bare papermill + nbconvert only (no PDF): best {min(html_only):.2f} s "
              f"(all: {', '.join(f'{t:.2f}' for t in html_only)})")
        print(f"ratio newsbrief / bare tools (best of {args.rounds} each): {min(ours) / min(bare):.2f} against "
              f"papermill + nbconvert + weasyprint, {min(ours) / min(html_only):.2f} against papermill + nbconvert")
        print(f"CPU seconds (process trees, least of {args.rounds}): newsbrief {min(ours_cpu):.2f}, bare tools "
              f"{min(bare_cpu):.2f}, ratio {min(ours_cpu) / min(bare_cpu):.2f}")
        if not args.skip_fanout:
            top = 10
            newsbrief("params/sample-corpus.yaml", out)  # warm-up: fills the cache for the sample corpus
            one = newsbrief("params/sample-corpus.yaml", out, "--set", f"top_n={top}")
            fan = newsbrief("params/sample-corpus.yaml", out, "--each", "entity", "--set", f"top_n={top}")
            print(f"one cached corpus briefing (sample corpus): {one:.2f} s; --each entity ({top} briefings + "
                  f"index): {fan:.2f} s = {fan / one:.1f} x one briefing (speed-up over {top} in a row: "
                  f"{top * one / fan:.1f} x; {os.cpu_count()} cores)")
    print(f"load average before: {' '.join(f'{x:.1f}' for x in load_before)}; after: "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())} (on {os.cpu_count()} cores)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
