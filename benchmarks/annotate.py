"""Annotation throughput, cache speed and peak memory on Reuters-21578.

Usage (from the repository root)::

    .venv/bin/python benchmarks/annotate.py --articles 2000          # figures in docs/benchmarks.md
    .venv/bin/python benchmarks/annotate.py --articles 0 --skip-raw  # whole corpus: peak memory

One run prints:

* bare spaCy throughput (words/s), tuned as a skilled user would write it: the same installed
  pipeline as ``spacy.load`` gives it (its full pipeline, parser included; none of newsbrief's
  components or replacements), loaded before timing, ``nlp.pipe(texts, n_process=workers,
  batch_size=B)``, every Doc consumed and dropped (spaCy joins its workers, so their CPU counts),
  with ``B`` the batch size of ``--raw-batch-sizes`` that spent the least CPU on the first
  ``--tune-articles`` stories (tried before timing);
* ``newsbrief`` annotation throughput, cold cache: :func:`newsbrief.annotate.annotate_corpus`
  (local engine, ``workers`` processes; NLP, canonical entities and speakers, dataset write),
  i.e. what ``newsbrief annotate`` does after reading its inputs;
* both as wall-clock time and as CPU time of the process tree (getrusage: this process plus its
  joined children, less the memory poller's own thread), since a shared machine's load skews wall-clock comparisons;
* both ratios newsbrief / bare spaCy: wall-clock and words per CPU-second (the load-robust one),
  then the same call again on the same articles (cached) and its time over the cold run;
* unless ``--skip-accuracy``: the quote figures (``benchmarks/quotes.py --split dev``: PolNeAR dev F1 and
  speaker accuracy) and the entity figures (``benchmarks/entities_pages.py``) of the same sources,
  printed after the speed figures so one run shows what the speed costs or keeps;
* peak memory of the whole process tree (this process and every child), polled every 0.1 s with
  psutil: the sum of RSS (counts pages shared after fork once per process, so it overstates) and
  the sum of PSS (shared pages divided among the processes sharing them; the honest figure).

Words are whitespace-separated tokens of the article text (``Article.n_words``), the same count
for both runs. Reuters stories with identical text are counted once. The script does not time
reading the SGML. It needs ``../shared/corpora/reuters21578`` and exits 0 with a message if absent.
"""

from __future__ import annotations

import argparse
import functools
import logging
import os
import resource
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import reuters  # noqa: E402
from newsbrief.annotate import Settings, annotate_corpus  # noqa: E402
from newsbrief.nlp.pipeline import DEFAULT_MODEL, load_pipeline  # noqa: E402


class PeakMemory:
    """Poll the RSS and PSS of this process and all its descendants; keep the peaks (bytes)."""

    def __init__(self, interval: float = 0.1) -> None:
        import psutil

        self._psutil = psutil
        self.interval = interval
        self.rss = 0
        self.pss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> None:
        me = self._psutil.Process()
        rss = pss = 0
        for proc in [me, *me.children(recursive=True)]:
            try:
                info = proc.memory_full_info()
            except (self._psutil.NoSuchProcess, self._psutil.AccessDenied):
                continue
            rss += info.rss
            pss += getattr(info, "pss", info.rss)
        self.rss = max(self.rss, rss)
        self.pss = max(self.pss, pss)

    def _run(self) -> None:
        global POLLER_CPU
        while not self._stop.is_set():
            self._sample()
            POLLER_CPU = time.thread_time()
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()


#: CPU seconds spent so far by the memory poller's thread (reading every process's smaps for PSS is not
#: cheap, and grows with wall time under load): left out of the CPU figures below.
POLLER_CPU = 0.0


def cpu_seconds() -> float:
    """User + system CPU of this process and of its finished (joined) children, the memory poller left out."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime - POLLER_CPU


def own_cpu_seconds() -> float:
    """User + system CPU of this process alone (the main process: what runs before and after the workers),
    the memory poller left out."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    return me.ru_utime + me.ru_stime - POLLER_CPU


@contextmanager
def timed() -> Iterator[list[float]]:
    """Yields a list that receives [wall seconds, CPU seconds of the process tree, CPU seconds of this process]."""
    box: list[float] = []
    start, cpu, own = time.perf_counter(), cpu_seconds(), own_cpu_seconds()
    yield box
    box.extend([time.perf_counter() - start, cpu_seconds() - cpu, own_cpu_seconds() - own])


@functools.lru_cache(maxsize=2)
def bare_pipeline(model: str) -> Any:
    """The model as ``spacy.load`` gives it (loaded once)."""
    import spacy

    return spacy.load(model)


def raw_spacy(texts: list[str], *, model: str, workers: int, batch_size: int = 64) -> list[float]:
    """[wall, CPU] seconds for the tuned bare call a skilled user writes: the pipeline loaded before
    timing, ``nlp.pipe(texts, n_process=workers, batch_size=batch_size)``, every Doc consumed and dropped."""
    nlp = bare_pipeline(model)
    with timed() as t:
        for doc in nlp.pipe(texts, n_process=workers, batch_size=batch_size):
            del doc
    return t


def tune_batch_size(texts: list[str], *, model: str, workers: int, sizes: list[int]) -> tuple[int, dict[int, float]]:
    """The batch size of ``sizes`` with the least CPU time for bare spaCy on ``texts``, and each one's CPU-s.

    Only sizes that give every worker at least two batches of ``texts`` are tried: a larger one is measured on
    one batch in one process, looks as cheap as the others, and then costs more on the whole corpus (1,000 with
    2 workers spent 61.6 CPU-s where 16 spent 44.3 on 1,978 stories)."""
    fitting = [size for size in sizes if size * workers * 2 <= len(texts)] or [min(sizes)]
    spent = {size: raw_spacy(texts, model=model, workers=workers, batch_size=size)[1] for size in fitting}
    return min(spent, key=lambda size: spent[size]), spent


def accuracy_figures() -> None:
    """Run the quote and entity benchmarks (their own scripts, this interpreter) and print what they print."""
    import subprocess

    here = Path(__file__).resolve().parent
    for script, args in (("quotes.py", ["--split", "dev"]), ("entities_pages.py", [])):
        print(f"--- {script} {' '.join(args)}", flush=True)
        done = subprocess.run([sys.executable, str(here / script), *args], capture_output=True, text=True,
                              check=False)
        print(done.stdout.rstrip() or f"(no output; exit {done.returncode}: {done.stderr.strip()[-300:]})",
              flush=True)


def run_newsbrief(articles: list, *, store: Path, settings: Settings, workers: int, batch_size: int,
                  progress: object = None) -> tuple[list[float], dict]:
    """What `newsbrief annotate` does after reading its inputs (annotate, assemble, write)."""
    with timed() as t:
        result = annotate_corpus(articles, store=store, settings=settings, workers=workers, batch_size=batch_size,
                                 inputs=["reuters21578"], progress=progress)
    return t, {"summary": result.summary, "rows": result.rows}


class Reporter:
    """Progress callback: a line every ``every`` articles with throughput and peak memory so far."""

    def __init__(self, memory: PeakMemory, total: int, every: int) -> None:
        self.memory, self.total, self.every, self.done, self.next = memory, total, every, 0, every
        self.start = time.perf_counter()

    def __call__(self, n: int) -> None:
        self.done += n
        if self.done >= self.next:
            self.next += self.every
            elapsed = time.perf_counter() - self.start
            print(f"  ... {self.done:,}/{self.total:,} articles, {elapsed:,.0f} s, peak RSS sum "
                  f"{mb(self.memory.rss)}, PSS sum {mb(self.memory.pss)}", flush=True)


def mb(n: int) -> str:
    return f"{n / 2**20:,.0f} MB"


def main() -> int:
    parser = argparse.ArgumentParser(description="newsbrief annotation benchmark on Reuters-21578")
    parser.add_argument("--articles", type=int, default=2000, help="number of stories (0: all)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--batch-size", type=int, default=64, help="newsbrief articles per batch")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--skip-raw", action="store_true", help="skip the bare spaCy run (memory-only runs)")
    parser.add_argument("--raw-batch-sizes", default="16,64,256,1000",
                        help="bare spaCy batch sizes tried before timing (the least CPU wins)")
    parser.add_argument("--tune-articles", type=int, default=300, help="stories the batch size is tuned on")
    parser.add_argument("--skip-accuracy", action="store_true",
                        help="leave out the quote (PolNeAR dev) and entity (pages) benchmark figures")
    parser.add_argument("--dir", type=Path, default=reuters.DEFAULT_DIR)
    parser.add_argument("--report-every", type=int, default=0, help="print progress every N articles")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    if not args.dir.is_dir():
        print(f"skipped: Reuters-21578 not found at {args.dir} (../shared is absent)")
        return 0

    loaded = reuters.load(args.articles or None, folder=args.dir)
    seen: set[str] = set()
    articles = [a for a in loaded if not (a.content_hash in seen or seen.add(a.content_hash))]
    words = sum(a.n_words for a in articles)
    texts = [a.text for a in articles]
    settings = Settings(model=args.model)
    nlp, bare = load_pipeline(args.model), bare_pipeline(args.model)
    print(f"corpus: {len(articles):,} Reuters-21578 stories ({len(loaded) - len(articles)} duplicate texts dropped), "
          f"{words:,} words; pipeline {args.model} {nlp.meta.get('version')}: bare [{', '.join(bare.pipe_names)}], "
          f"newsbrief [{', '.join(nlp.pipe_names)}]; "
          f"workers={args.workers}; cores={os.cpu_count()}")

    load_before = os.getloadavg()
    with PeakMemory() as memory, tempfile.TemporaryDirectory(prefix="nb-bench-") as tmp:
        raw = None
        if not args.skip_raw:
            sizes = [int(x) for x in args.raw_batch_sizes.split(",") if x.strip()]
            best, spent = tune_batch_size(texts[: args.tune_articles], model=args.model, workers=args.workers,
                                          sizes=sizes)
            print(f"bare spaCy batch size tuned on {min(len(texts), args.tune_articles)} stories (CPU-s): "
                  + ", ".join(f"{size}: {cpu:.1f}" for size, cpu in spent.items()) + f" -> {best}", flush=True)
            raw = raw_spacy(texts, model=args.model, workers=args.workers, batch_size=best)
            print(f"bare spaCy nlp.pipe(n_process={args.workers}, batch_size={best}): "
                  f"{raw[0]:8.1f} s wall {words / raw[0]:9,.0f} words/s"
                  f"   | CPU {raw[1]:8.1f} s {words / raw[1]:9,.0f} words/CPU-s", flush=True)
            raw_rss, raw_pss = memory.rss, memory.pss
        store = Path(tmp) / "store"
        reporter = Reporter(memory, len(articles), args.report_every) if args.report_every else None
        cold, info = run_newsbrief(articles, store=store, settings=settings, workers=args.workers,
                                   batch_size=args.batch_size, progress=reporter)
        summary = info["summary"]
        print(f"newsbrief annotate (cold cache):                  {cold[0]:8.1f} s wall {words / cold[0]:9,.0f} words/s"
              f"   | CPU {cold[1]:8.1f} s {words / cold[1]:9,.0f} words/CPU-s"
              f"   ({summary.annotated:,} annotated; rows {info['rows']})", flush=True)
        print(f"  of which the main process {cold[2]:.1f} CPU-s (warm-up, cache writes, assembly, dataset write), "
              f"the workers {cold[1] - cold[2]:.1f} CPU-s")
        if raw is not None:
            print(f"ratio newsbrief / bare spaCy: wall-clock {raw[0] / cold[0]:.2f}, "
                  f"words per CPU-second {raw[1] / cold[1]:.2f}")
        warm, info2 = run_newsbrief(articles, store=store, settings=settings, workers=args.workers,
                                    batch_size=args.batch_size)
        print(f"newsbrief annotate (cached re-run): {warm[0]:8.2f} s wall = {warm[0] / cold[0]:.1%} of the cold run "
              f"({info2['summary'].annotated} annotated, {info2['summary'].cached:,} from cache)")
    print(f"load average before: {' '.join(f'{x:.1f}' for x in load_before)}")
    print(f"peak memory, whole process tree (psutil, polled every 0.1 s): RSS sum {mb(memory.rss)}, "
          f"PSS sum {mb(memory.pss)}"
          + (f"; bare spaCy phase alone: RSS {mb(raw_rss)}, PSS {mb(raw_pss)}" if raw is not None else ""))
    print(f"load average at the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())} (on {os.cpu_count()} cores)")
    if not args.skip_accuracy:
        accuracy_figures()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
