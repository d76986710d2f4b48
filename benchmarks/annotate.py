"""Annotation throughput, cache speed and peak memory on Reuters-21578.

Usage (from the repository root)::

    .venv/bin/python benchmarks/annotate.py --articles 2000          # figures reported in README
    .venv/bin/python benchmarks/annotate.py --articles 0 --skip-raw  # whole corpus: peak memory

One run prints:

* raw spaCy ``nlp.pipe`` throughput (words/s): the same installed pipeline, the same components
  (all of them, as newsbrief loads it), ``n_process=workers``, Docs consumed and dropped;
* ``newsbrief`` annotation throughput, cold cache: :func:`newsbrief.annotate.annotate_articles`
  (local engine, ``workers`` processes) + :func:`assemble` (canonical entities, speakers) +
  :func:`write_store`, i.e. what ``newsbrief annotate`` does after reading its inputs;
* their ratio, then the same call again on the same articles (cached) and its time over the cold run;
* peak memory of the whole process tree (this process and every child), polled every 0.1 s with
  psutil: the sum of RSS (counts pages shared after fork once per process, so it overstates) and
  the sum of PSS (shared pages divided among the processes sharing them; the honest figure).

Words are whitespace-separated tokens of the article text (``Article.n_words``), the same count
for both runs. Reuters stories with identical text are counted once. The script does not time
reading the SGML. It needs ``../shared/corpora/reuters21578`` and exits 0 with a message if absent.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import reuters  # noqa: E402

from newsbrief.annotate import Settings, annotate_articles, assemble, write_store  # noqa: E402
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
        while not self._stop.is_set():
            self._sample()
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()


@contextmanager
def timed() -> Iterator[list[float]]:
    box: list[float] = []
    start = time.perf_counter()
    yield box
    box.append(time.perf_counter() - start)


def raw_spacy(texts: list[str], *, model: str, workers: int) -> float:
    """Seconds for bare ``nlp.pipe`` over ``texts`` with ``n_process=workers``."""
    nlp = load_pipeline(model)
    with timed() as t:
        for _doc in nlp.pipe(texts, n_process=workers):
            pass
    return t[0]


def run_newsbrief(articles: list, *, store: Path, settings: Settings, workers: int, batch_size: int) -> tuple[float, dict]:
    with timed() as t:
        summary = annotate_articles(articles, store=store, settings=settings, workers=workers, batch_size=batch_size)
        tables = assemble(articles, store=store, settings=settings)
        write_store(store, tables, settings=settings, inputs=["reuters21578"])
    return t[0], {"summary": summary, "rows": {k: len(v) for k, v in tables.items()}}


def mb(n: int) -> str:
    return f"{n / 2**20:,.0f} MB"


def main() -> int:
    parser = argparse.ArgumentParser(description="newsbrief annotation benchmark on Reuters-21578")
    parser.add_argument("--articles", type=int, default=2000, help="number of stories (0: all)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--batch-size", type=int, default=64, help="newsbrief articles per batch")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--skip-raw", action="store_true", help="skip the bare spaCy run (memory-only runs)")
    parser.add_argument("--dir", type=Path, default=reuters.DEFAULT_DIR)
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
    nlp = load_pipeline(args.model)
    print(f"corpus: {len(articles):,} Reuters-21578 stories ({len(loaded) - len(articles)} duplicate texts dropped), "
          f"{words:,} words; pipeline {args.model} {nlp.meta.get('version')} [{', '.join(nlp.pipe_names)}]; "
          f"workers={args.workers}; cores={os.cpu_count()}")

    with PeakMemory() as memory, tempfile.TemporaryDirectory(prefix="nb-bench-") as tmp:
        raw_s = None
        if not args.skip_raw:
            raw_s = raw_spacy(texts, model=args.model, workers=args.workers)
            print(f"raw spaCy nlp.pipe(n_process={args.workers}):     {raw_s:8.1f} s  {words / raw_s:10,.0f} words/s")
            raw_rss, raw_pss = memory.rss, memory.pss
        store = Path(tmp) / "store"
        cold_s, info = run_newsbrief(articles, store=store, settings=settings, workers=args.workers,
                                     batch_size=args.batch_size)
        summary = info["summary"]
        print(f"newsbrief annotate (cold cache):      {cold_s:8.1f} s  {words / cold_s:10,.0f} words/s  "
              f"({summary.annotated:,} annotated; rows {info['rows']})")
        if raw_s is not None:
            print(f"ratio newsbrief / raw spaCy:          {raw_s / cold_s:8.2f}")
        warm_s, info2 = run_newsbrief(articles, store=store, settings=settings, workers=args.workers,
                                      batch_size=args.batch_size)
        print(f"newsbrief annotate (cached re-run):   {warm_s:8.2f} s  = {warm_s / cold_s:.1%} of the cold run "
              f"({info2['summary'].annotated} annotated, {info2['summary'].cached:,} from cache)")
    print(f"peak memory, whole process tree: RSS sum {mb(memory.rss)}, PSS sum {mb(memory.pss)}"
          + (f" (raw spaCy phase: RSS {mb(raw_rss)}, PSS {mb(raw_pss)})" if raw_s is not None else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
