"""The corpus briefing on K copies of a real annotated store: wall time, CPU time and peak memory.

Usage (from the repository root)::

    .venv/bin/python benchmarks/scale.py --factor 10 --store /path/to/reuters-store
    .venv/bin/python benchmarks/scale.py                              # K = 1, 10, 53, 200 of all Reuters-21578 (cached)
    .venv/bin/python benchmarks/scale.py --factor 5 --work /tmp/k5 --keep --set freq=D

Two phases, timed apart:

1. **Store building** (excluded from the briefing figures): a synthetic store is written by
   replicating ``--store BASE`` ``K`` times. Copy ``k`` (0..K-1) of every article has

   * article id ``<id>~<k>`` (copy 0 keeps the original ids, so K=1 is the base store itself);
     quotes and sentences are numbered within their article (``quote_id``, ``sent_id``), so the
     new article id makes them unique too; mentions carry no id of their own;
   * content hash ``md5(<hash>~<k>)`` (a distinct article to anything that deduplicates by content);
   * publication time shifted by ``k mod 28`` days (undated articles stay undated). Copies wrap
     within four weeks, so the calendar span grows by at most 27 days whatever K is: the periods of
     the timeline *fill up* (K times the articles per week) instead of multiplying;
   * the same text, title, source, entities and scores; the entities table is written once, as is.

   Building streams: the base is read through DuckDB a chunk of ``--batch`` articles at a time
   (never the whole store, let alone K of it, in memory), and the copies are written in batches of
   about ``--batch`` articles (several copies of a small chunk go into one batch). Its time and the
   store's size on disk are printed.

2. **The briefing**, as a user runs it: ``newsbrief run`` in a subprocess on a params file whose
   ``input`` is the synthetic store (``mode: corpus``): reading the store, the notebook in its
   papermill kernel, HTML and PDF. Measured: wall time, CPU time of the whole process tree
   (``getrusage`` of the reaped children), and memory as PSS summed over the process tree (the run,
   its kernel and anything else it starts), sampled every ``--interval`` seconds with psutil.
   Stages come from the run's own stage lines on stderr, and the one that executes the notebook is
   split where its kernel process appears and exits (data/ + appendix written, kernel, HTML + PDF).
   Per-stage CPU is the sampled CPU of the processes alive in it (a slight undercount).

   Before the briefings, the roll-ups ``newsbrief annotate`` writes with a store (``write_store_rollups``: the
   partial results of every query of a default corpus briefing per month partition, and the appendix's files; see
   ``newsbrief.store.rollups``) are written in a subprocess, measured the same way (``--no-rollups``: not, as for a
   store written by an older newsbrief or with ``newsbrief annotate --no-rollups``, whose first briefing computes
   them). Each store is then briefed ``--briefings`` times (default 2): the first briefing, then later ones, which
   is what every later briefing of a store costs. ``--factor`` takes a list (``1,10,53,200``); ``--keep --work W
   --reuse`` briefs stores kept in ``W`` again without building them (their roll-ups removed first).

For each K the stage table of each briefing is printed, then one JSON line
``{"articles": N, "rollups_written": {...}, "briefings": [{"briefing_seconds": S, "cpu_seconds": C, "peak_pss_mb":
M, ...}, ...], ...}``; a last table (roll-ups written, first briefing, later briefing: wall s, CPU s, PSS MB each)
and a JSON object sum them up.

Without ``--store``, the base is all unique Reuters-21578 stories of ``../shared/corpora/reuters21578``,
annotated once into ``benchmarks/.cache/reuters-store`` (ignored by git; reused when present; the
first build took 8.5 min on 2 workers here). Without ``../shared`` the script prints that it is
skipped and exits 0.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
CACHE = Path(__file__).resolve().parent / ".cache"
DEFAULT_BASE = CACHE / "reuters-store"
SHARED_REUTERS = ROOT.parent / "shared" / "corpora" / "reuters21578"
WRAP_DAYS = 28
BATCH_TABLES = ("articles", "mentions", "quotes", "sentences")
MB = 1024 * 1024


# ---------------------------------------------------------------------------------------------- building


def open_writer(root: Path, *, manifest: Mapping[str, Any]) -> AbstractContextManager[Any]:
    """The one place the synthetic store is written (month-partitioned, checksums, atomic commit)."""
    from newsbrief.store import DatasetWriter

    return DatasetWriter(root, manifest=manifest)


def _copy_sql(table: str, columns: list[str], k0: int, k1: int) -> str:
    """Copies k0..k1-1 of the chunk's rows of ``table`` (a temp table ``c_<table>``), ids and dates rewritten."""
    out = []
    for col in columns:
        if col == "article_id":
            out.append("CASE WHEN k = 0 THEN article_id ELSE article_id || '~' || k END AS article_id")
        elif table == "articles" and col == "content_hash":
            out.append("CASE WHEN k = 0 THEN content_hash ELSE md5(content_hash || '~' || k) END AS content_hash")
        elif table == "articles" and col == "published":
            out.append(f"published + to_days(CAST(k % {WRAP_DAYS} AS INTEGER)) AS published")
        else:
            out.append(f'"{col}"')
    return (f"SELECT {', '.join(out)} FROM c_{table} CROSS JOIN range({k0}, {k1}) AS r(k) "
            f"ORDER BY k, article_id")


def copies(base: Path, *, factor: int, batch: int) -> Iterator[tuple[str, pd.DataFrame | dict[str, pd.DataFrame]]]:
    """("entities", frame) once, then ("batch", {table: frame}) for batches of about ``batch`` articles."""
    from newsbrief.store.duck import connect

    con = connect(base, memory_limit="512MB", threads=1)
    try:
        yield "entities", con.sql("SELECT * FROM entities").to_arrow_table().to_pandas()
        # the views' ``month`` (partition key of a month-partitioned store) is recomputed by the writer
        columns = {t: [r[0] for r in con.execute(f"DESCRIBE {t}").fetchall() if r[0] != "month"]
                   for t in BATCH_TABLES}
        con.execute("CREATE TEMP TABLE ids AS SELECT article_id, row_number() OVER (ORDER BY article_id) - 1 AS n "
                    "FROM articles")
        total = con.execute("SELECT count(*) FROM ids").fetchone()[0]
        for lo in range(0, total, batch):
            con.execute(f"CREATE OR REPLACE TEMP TABLE chunk AS SELECT article_id FROM ids "
                        f"WHERE n >= {lo} AND n < {lo + batch}")
            n_chunk = min(batch, total - lo)
            for t in BATCH_TABLES:
                con.execute(f"CREATE OR REPLACE TEMP TABLE c_{t} AS SELECT * FROM {t} "
                            f"WHERE article_id IN (SELECT article_id FROM chunk)")
            step = max(1, batch // n_chunk)
            for k0 in range(0, factor, step):
                k1 = min(factor, k0 + step)
                yield "batch", {t: con.sql(_copy_sql(t, columns[t], k0, k1)).to_arrow_table().to_pandas()
                                for t in BATCH_TABLES}
    finally:
        con.close()


def replicate(base: str | Path, out: str | Path, *, factor: int, batch: int = 20_000) -> dict[str, int]:
    """Write ``factor`` copies of the store ``base`` as the store ``out`` (see the module docstring); row counts."""
    from newsbrief.store import read_manifest

    if factor < 1:
        raise ValueError("factor must be at least 1")
    meta = {k: v for k, v in read_manifest(base).items() if k not in ("version", "tables", "files")}
    meta["synthetic"] = {"base": str(base), "factor": factor, "ids": "<id>~<k>", "shift_days": f"k mod {WRAP_DAYS}"}
    rows = dict.fromkeys(("entities", *BATCH_TABLES), 0)
    with open_writer(Path(out), manifest=meta) as writer:
        for kind, data in copies(Path(base), factor=factor, batch=batch):
            if kind == "entities":
                assert isinstance(data, pd.DataFrame)
                writer.write_table("entities", data)
                rows["entities"] = len(data)
            else:
                assert isinstance(data, dict)
                writer.write_batch(data)
                for t, frame in data.items():
                    rows[t] += len(frame)
    return rows


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def default_base() -> Path | None:
    """All unique Reuters-21578 stories annotated once into benchmarks/.cache (None when ../shared is absent)."""
    from newsbrief.store import is_store

    if is_store(DEFAULT_BASE):
        return DEFAULT_BASE
    if not SHARED_REUTERS.is_dir():
        return None
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import reuters
    from newsbrief.annotate import Settings, annotate_corpus

    seen: set[str] = set()
    articles = []
    for article in reuters.iter_articles(SHARED_REUTERS):
        if article.text not in seen:
            seen.add(article.text)
            articles.append(article)
    print(f"building the base store: annotating {len(articles):,} unique Reuters stories into {DEFAULT_BASE} "
          "(once; about 10 min on 2 workers) ...", flush=True)
    annotate_corpus(articles, store=DEFAULT_BASE, settings=Settings(), workers=2, inputs=["reuters21578"])
    return DEFAULT_BASE


# ---------------------------------------------------------------------------------------------- measuring


@dataclass
class Sample:
    t: float
    pss: int
    by_role: dict[str, int]
    cpu: float  # sampled CPU seconds of the tree so far (processes seen alive, last value each)
    kernel: bool


@dataclass
class Monitor:
    """Samples the PSS and CPU of a process tree every ``interval`` seconds, and collects its stage lines."""

    pid: int
    interval: float = 0.2
    samples: list[Sample] = field(default_factory=list)
    stages: list[tuple[float, str]] = field(default_factory=list)
    others: list[str] = field(default_factory=list)
    _roles: dict[int, str] = field(default_factory=dict)
    _cpu: dict[tuple[int, float], float] = field(default_factory=dict)

    def role(self, proc: Any) -> str:
        if proc.pid not in self._roles:
            try:
                cmd = " ".join(proc.cmdline())
            except Exception:  # noqa: BLE001 - gone or unreadable
                cmd = ""
            self._roles[proc.pid] = ("run" if proc.pid == self.pid else "kernel" if "ipykernel" in cmd
                                     else "chromium" if "chrom" in cmd else "other")
            if self._roles[proc.pid] == "other":
                self.others.append(cmd[:120] or f"pid {proc.pid}")
        return self._roles[proc.pid]

    def sample(self, start: float) -> None:
        import psutil

        try:
            root = psutil.Process(self.pid)
            procs = [root, *root.children(recursive=True)]
        except psutil.Error:
            return
        by_role: dict[str, int] = {}
        kernel = False
        for proc in procs:
            try:
                info = proc.memory_full_info()
                cpu = proc.cpu_times()
                key = (proc.pid, proc.create_time())
            except psutil.Error:
                continue
            role = self.role(proc)
            kernel = kernel or role == "kernel"
            by_role[role] = by_role.get(role, 0) + getattr(info, "pss", info.rss)
            self._cpu[key] = cpu.user + cpu.system
        self.samples.append(Sample(time.perf_counter() - start, sum(by_role.values()), by_role,
                                   sum(self._cpu.values()), kernel))


def stage_windows(mon: Monitor, end: float) -> list[tuple[str, float, float]]:
    """(name, start, end) of each stage: the run's stage lines, the notebook stage split at its kernel."""
    marks: list[tuple[float, str]] = [(0.0, "start-up (interpreter, imports, params)")]
    for t, line in mon.stages:
        if "notebook" in line:
            with_kernel = [s.t for s in mon.samples if s.kernel and s.t >= t]
            marks.append((t, "write data/ + appendix"))
            if with_kernel:
                marks.append((with_kernel[0], "notebook kernel (papermill)"))
                after = [s.t for s in mon.samples if s.t > with_kernel[-1]]
                marks.append((after[0] if after else with_kernel[-1], "HTML + PDF"))
        else:
            marks.append((t, line))
    marks.sort()
    return [(name, t, marks[i + 1][0] if i + 1 < len(marks) else end) for i, (t, name) in enumerate(marks)]


def run_measured(cmd: list[str], *, interval: float, mon_stages: bool = True) -> dict[str, Any]:
    """Run ``cmd`` in a subprocess, sampling its process tree's PSS and CPU; wall, CPU (getrusage of the reaped
    children), the monitor, stdout and the tail of stderr (a SystemExit with it when the command fails)."""
    print("$ " + " ".join(cmd), flush=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    mon = Monitor(proc.pid, interval=interval)
    err_tail: list[str] = []

    def read_stderr() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            line = line.rstrip("\n")
            if mon_stages and line.startswith("newsbrief: ") and line.endswith(" ..."):
                mon.stages.append((time.perf_counter() - start, line[len("newsbrief: "):-4]))
            err_tail.append(line)
            del err_tail[:-40]

    out_parts: list[str] = []

    def read_stdout() -> None:  # drained as it comes: a full pipe would stall the command
        assert proc.stdout is not None
        out_parts.append(proc.stdout.read())

    reader = threading.Thread(target=read_stderr, daemon=True)
    reader.start()
    out_reader = threading.Thread(target=read_stdout, daemon=True)
    out_reader.start()
    while proc.poll() is None:
        mon.sample(start)
        time.sleep(interval)
    wall = time.perf_counter() - start
    reader.join(timeout=5)
    out_reader.join(timeout=5)
    out = "".join(out_parts)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed ({proc.returncode}):\n" + "\n".join(err_tail))
    peak = max(mon.samples, key=lambda s: s.pss, default=None)
    return {"seconds": wall, "cpu_seconds": cpu, "peak_pss_mb": round(peak.pss / MB) if peak else None,
            "at_peak": {r: round(v / MB) for r, v in peak.by_role.items()} if peak else {},
            "peak_at_seconds": round(peak.t, 1) if peak else None, "monitor": mon, "out": out}


def write_rollups_measured(store: Path, *, interval: float) -> dict[str, Any]:
    """The roll-ups ``newsbrief annotate`` writes with a store (``write_store_rollups``), in a subprocess, measured."""
    code = f"from newsbrief.render.rollups import write_store_rollups; write_store_rollups({str(store)!r})"
    result = run_measured([sys.executable, "-c", code], interval=interval, mon_stages=False)
    return {k: result[k] for k in ("seconds", "cpu_seconds", "peak_pss_mb")}


def run_briefing(store: Path, work: Path, *, factor: int, overrides: list[str], interval: float,
                 trace: Path | None = None) -> dict[str, Any]:
    """``newsbrief run`` on ``store`` in a subprocess, measured; the figures as a dict."""
    params = work / "scale.yaml"
    params.write_text(f"input: {store}\nname: scale-k{factor}\nmode: corpus\n"
                      f"title: \"Corpus scale: {factor} x the base store\"\n", encoding="utf-8")
    exe = Path(sys.executable).parent / "newsbrief"
    cmd = [str(exe) if exe.exists() else "newsbrief", "run", str(params), "--output-dir", str(work / "reports")]
    for item in overrides:
        cmd += ["--set", item]
    result = run_measured(cmd, interval=interval)
    mon, wall = result.pop("monitor"), result["seconds"]
    stages = []
    for name, t0, t1 in stage_windows(mon, wall):
        inside = [s for s in mon.samples if t0 <= s.t < t1 or (t1 == wall and s.t >= t0)]
        prev = [s for s in mon.samples if s.t < t0]
        peak = max(inside, key=lambda s: s.pss, default=None)
        cpu_in = (inside[-1].cpu if inside else 0.0) - (prev[-1].cpu if prev else 0.0)
        stages.append({"stage": name, "seconds": round(t1 - t0, 2), "cpu_seconds": round(cpu_in, 1),
                       "peak_pss_mb": round(peak.pss / MB) if peak else None,
                       "at_peak": {r: round(v / MB) for r, v in peak.by_role.items()} if peak else {}})
    if trace:
        with trace.open("w", encoding="utf-8") as f:
            f.write("t,pss_mb,run_mb,kernel_mb,other_mb,cpu_s\n")
            for s in mon.samples:
                r = {k: s.by_role.get(k, 0) / MB for k in ("run", "kernel")}
                f.write(f"{s.t:.2f},{s.pss / MB:.0f},{r['run']:.0f},{r['kernel']:.0f},"
                        f"{(s.pss / MB) - r['run'] - r['kernel']:.0f},{s.cpu:.2f}\n")
    return {**result, "stages": stages, "samples": len(mon.samples), "outputs": result.pop("out").split(),
            "others": mon.others}


def print_table(result: dict[str, Any]) -> None:
    head = f"{'stage':<44} {'wall s':>8} {'CPU s':>8} {'peak PSS MB':>12}  at the peak"
    print(head)
    print("-" * len(head))
    for s in result["stages"]:
        parts = ", ".join(f"{r} {v:,}" for r, v in s["at_peak"].items())
        peak = f"{s['peak_pss_mb']:,}" if s["peak_pss_mb"] is not None else "-"
        print(f"{s['stage']:<44} {s['seconds']:>8.1f} {s['cpu_seconds']:>8.1f} {peak:>12}  {parts}")
    print("-" * len(head))
    parts = ", ".join(f"{r} {v:,}" for r, v in result["at_peak"].items())
    for cmd in result["others"]:
        print(f"  other process in the tree: {cmd}")
    print(f"{'briefing (whole newsbrief run)':<44} {result['seconds']:>8.1f} {result['cpu_seconds']:>8.1f} "
          f"{result['peak_pss_mb'] or 0:>12,}  {parts} (at {result['peak_at_seconds']} s)")


def factors_of(text: str) -> list[int]:
    """``--factor``: one K or a comma-separated list (``1,10,53,200``)."""
    try:
        out = [int(x) for x in text.split(",") if x.strip()]
    except ValueError as e:
        raise argparse.ArgumentTypeError(f"not a number or a list of numbers: {text!r}") from e
    if not out or min(out) < 1:
        raise argparse.ArgumentTypeError("every factor must be at least 1")
    return out


def one_factor(base: Path, work: Path, factor: int, args: argparse.Namespace, overrides: list[str]) -> dict[str, Any]:
    """Build the store of ``factor`` copies, brief it ``--briefings`` times; the figures (printed as they come)."""
    from newsbrief.store import is_store, read_manifest
    from newsbrief.store.rollups import ROLLUPS

    store = work / f"store-k{factor}"
    t0 = time.perf_counter()
    if args.reuse and is_store(store) and read_manifest(store).get("synthetic", {}).get("factor") == factor:
        if args.keep_rollups:
            print(f"reusing the synthetic store {store} and its roll-ups (every briefing is a later one)", flush=True)
        else:
            print(f"reusing the synthetic store {store} (its roll-ups removed)", flush=True)
            shutil.rmtree(store / ROLLUPS, ignore_errors=True)
        rows = {t: int(n) for t, n in read_manifest(store)["tables"].items()}
    else:
        if store.exists():
            shutil.rmtree(store)
        print(f"building a synthetic store: {factor} x {base} -> {store}", flush=True)
        rows = replicate(base, store, factor=factor, batch=args.batch)
    build = time.perf_counter() - t0
    build_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    size = folder_size(store)
    print(f"store built in {build:.1f} s (excluded from the briefing figures): "
          + ", ".join(f"{n:,} {t}" for t, n in rows.items()) + f"; {size / MB:,.0f} MB on disk; "
          f"peak RSS of this process so far {build_rss:,.0f} MB", flush=True)
    summary: dict[str, Any] = {"articles": rows["articles"], "factor": factor, "build_seconds": round(build, 1),
                               "store_mb": round(size / MB, 1), "build_peak_rss_mb": round(build_rss), "rows": rows}
    if args.build_only:
        return summary
    if not args.no_rollups and not args.keep_rollups:
        print("--- roll-ups written with the store (as `newsbrief annotate` does); load average "
              f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}", flush=True)
        written = write_rollups_measured(store, interval=args.interval)
        print(f"roll-ups written in {written['seconds']:.1f} s wall, {written['cpu_seconds']:.1f} s CPU, peak PSS "
              f"{written['peak_pss_mb'] or 0:,} MB ({folder_size(store / ROLLUPS) / MB:,.0f} MB on disk)", flush=True)
        summary["rollups_written"] = {k: round(v, 1) if isinstance(v, float) else v for k, v in written.items()}
        summary["rollups_mb"] = round(folder_size(store / ROLLUPS) / MB, 1)
    runs = []
    for i in range(args.briefings):
        what = ("first briefing: " + ("an old store, computes and keeps the roll-ups" if args.no_rollups
                                      else "reads the roll-ups written with the store") if i == 0
                and not args.keep_rollups else "a later briefing, from the roll-ups")
        print(f"--- briefing {i + 1} of {args.briefings} ({what}); load average "
              f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}", flush=True)
        trace = args.trace.with_name(f"{args.trace.stem}-k{factor}-{i + 1}{args.trace.suffix}") if args.trace else None
        result = run_briefing(store, work, factor=factor, overrides=overrides, interval=args.interval, trace=trace)
        print_table(result)
        load = os.getloadavg()
        print(f"load average now: {' '.join(f'{x:.1f}' for x in load)} on {os.cpu_count()} cores", flush=True)
        runs.append({"briefing_seconds": round(result["seconds"], 2), "cpu_seconds": round(result["cpu_seconds"], 1),
                     "peak_pss_mb": result["peak_pss_mb"], "load_1min": round(load[0], 1), "stages": result["stages"]})
        shutil.rmtree(work / "reports", ignore_errors=True)
    last = runs[-1]
    summary.update({"briefing_seconds": last["briefing_seconds"], "cpu_seconds": last["cpu_seconds"],
                    "peak_pss_mb": last["peak_pss_mb"], "briefings": runs})
    return summary


def _cell(run: Mapping[str, Any] | None) -> str:
    if not run:
        return f"{'-':>22}"
    wall = run.get("briefing_seconds", run.get("seconds", 0))
    return f"{wall:>7.1f} {run.get('cpu_seconds', 0):>6.1f} {run.get('peak_pss_mb') or 0:>7,}"


def print_summary(results: list[dict[str, Any]]) -> None:
    """One line per K: roll-ups written with the store, the first briefing, a later one (wall s, CPU s, PSS MB)."""
    head = (f"{'K':>5} {'articles':>11} | {'roll-ups written':^22} | {'first briefing':^22} | "
            f"{'later briefing':^22} | load")
    print(head)
    print(f"{'':>17} | {'wall s  CPU s  PSS MB':>22} | {'wall s  CPU s  PSS MB':>22} | {'wall s  CPU s  PSS MB':>22} |")
    for r in results:
        runs = r.get("briefings") or []
        later = runs[-1] if len(runs) > 1 else None
        loads = [x.get("load_1min", 0) for x in runs]
        print(f"{r['factor']:>5} {r['articles']:>11,} | {_cell(r.get('rollups_written'))} | "
              f"{_cell(runs[0] if runs else None)} | {_cell(later)} | "
              f"{(sum(loads) / len(loads)) if loads else 0:.1f}")
    print_growth(results)


def print_growth(results: list[dict[str, Any]], *, reference: int = 10) -> None:
    """Each briefing's wall and CPU time at every K as a ratio of those at K=``reference`` (the goal: the wall time
    flat within 50% from K=10 to K=200)."""
    ref = next((r for r in results if r["factor"] == reference and r.get("briefings")), None)
    if ref is None:
        return
    for i, what in ((0, "first briefing"), (-1, "later briefing")):
        base = ref["briefings"][i]
        cells = [f"K={r['factor']}: wall {r['briefings'][i]['briefing_seconds'] / base['briefing_seconds']:.2f}x, "
                 f"CPU {r['briefings'][i]['cpu_seconds'] / max(base['cpu_seconds'], 0.1):.2f}x"
                 for r in results if r.get("briefings")]
        print(f"{what} against K={reference}: " + "; ".join(cells))


def main() -> int:
    parser = argparse.ArgumentParser(description="corpus briefing on K copies of a real annotated store")
    parser.add_argument("--store", type=Path, default=None,
                        help="base annotated store (default: all Reuters-21578, cached in benchmarks/.cache)")
    parser.add_argument("--factor", "-k", type=factors_of, default=[1, 10, 53, 200],
                        help="copies of the base store (K), or a comma-separated list of them (default: 1,10,53,200)")
    parser.add_argument("--briefings", type=int, default=2,
                        help="briefings of each store: the first computes and keeps its roll-ups, the others read "
                             "them (the summary's figures are the last one's)")
    parser.add_argument("--work", type=Path, default=None, help="folder for the synthetic store and the run output "
                        "(default: a temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the synthetic store and the report")
    parser.add_argument("--batch", type=int, default=20_000, help="articles per written batch (and per base chunk)")
    parser.add_argument("--interval", type=float, default=0.2, help="seconds between memory samples")
    parser.add_argument("--reuse", action="store_true", help="with --work: brief a store of the same K kept there by "
                        "an earlier --keep instead of building it again (its roll-ups are removed first)")
    parser.add_argument("--keep-rollups", action="store_true", help="with --reuse: keep the store's roll-ups (none "
                        "written, every briefing reads those an earlier run wrote: later briefings only)")
    parser.add_argument("--build-only", action="store_true", help="build the synthetic store, skip the briefing")
    parser.add_argument("--no-rollups", action="store_true", help="an old store: no roll-ups written with it (the "
                        "first briefing computes them, as `newsbrief annotate --no-rollups` leaves it)")
    parser.add_argument("--trace", type=Path, default=None, help="write every memory/CPU sample to CSV files named "
                        "after this one (-k<K>-<briefing>)")
    parser.add_argument("--engine", default=None, help="passed to the run as --set engine=...")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                        help="passed to `newsbrief run` (repeatable)")
    args = parser.parse_args()
    if args.briefings < 1:
        parser.error("--briefings must be at least 1")
    if args.keep_rollups and not args.reuse:
        parser.error("--keep-rollups needs --reuse (and --work with the kept stores)")
    base = args.store or default_base()
    if base is None:
        print(f"skipped: no --store given and {SHARED_REUTERS} is absent (the default base is all of Reuters-21578)")
        return 0
    overrides = list(args.set) + ([f"engine={args.engine}"] if args.engine else [])
    made_tmp = args.work is None
    work = Path(tempfile.mkdtemp(prefix="nb-scale-")) if made_tmp else args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    results = []
    try:
        for factor in args.factor:
            try:
                summary = one_factor(Path(base), work, factor, args, overrides)
            finally:
                if not args.keep:
                    shutil.rmtree(work / f"store-k{factor}", ignore_errors=True)
            results.append(summary)
            print(json.dumps(summary), flush=True)
        if args.keep:
            print(f"kept: {', '.join(str(work / f'store-k{k}') for k in args.factor)}")
        if len(results) > 1 or not args.build_only:
            print_summary(results)
            print(json.dumps({"runs": results}))
    finally:
        if not args.keep:
            shutil.rmtree(work / "reports", ignore_errors=True)
            (work / "scale.yaml").unlink(missing_ok=True)
            if made_tmp:
                shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
