"""Where annotation time goes: cProfile of one worker (in this process) plus the main-process steps, or of the
main process alone beside forked workers.

Usage (from the repository root)::

    .venv/bin/python benchmarks/annotate_profile.py --articles 200 [--top 40] [--out /tmp/annotate.prof]
    .venv/bin/python benchmarks/annotate_profile.py --articles 2000 --workers 2 --top 30

Runs :func:`newsbrief.annotate.annotate_corpus` on the first ``--articles`` Reuters-21578 stories (cold cache).
With ``--workers 1`` (the default) the batches run in this process, so the profile sees the worker's work (spaCy,
mentions, tone, quotes, sentence scores) and the steps after it (assembly: canonical entities, speakers, sentence
ids, the dataset write); the pipeline is loaded and warmed before profiling. With more workers the local engine
forks them and the profile covers the main process only (switched off in every forked child), its warm-up
included, the pipeline loaded before as ``benchmarks/annotate.py`` does. Prints CPU seconds
(``time.process_time``) and the top functions by cumulative and by own time. Needs
``../shared/corpora/reuters21578`` (exits 0 with a message if absent).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import reuters  # noqa: E402
from newsbrief.annotate import Settings, annotate_corpus  # noqa: E402
from newsbrief.annotate.parallel import _warm  # noqa: E402
from newsbrief.nlp.pipeline import load_pipeline  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--workers", type=int, default=1, help="more than 1: profile the main process alone")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--out", type=Path, default=None, help="write the pstats file here")
    parser.add_argument("--dir", type=Path, default=reuters.DEFAULT_DIR)
    args = parser.parse_args()
    if not args.dir.is_dir():
        print(f"skipped: Reuters-21578 not found at {args.dir} (../shared is absent)")
        return 0
    seen: set[str] = set()
    articles = [a for a in reuters.load(args.articles, folder=args.dir)
                if not (a.content_hash in seen or seen.add(a.content_hash))]
    words = sum(a.n_words for a in articles)
    settings = Settings()
    profile = cProfile.Profile(time.process_time)  # CPU time: the machine is shared
    if args.workers > 1:  # the main process alone: its warm-up, cache writes, assembly and dataset write
        load_pipeline(settings.model)
        os.register_at_fork(after_in_child=profile.disable)
    else:
        _warm(settings)
    with tempfile.TemporaryDirectory(prefix="nb-prof-") as tmp:
        wall, cpu = time.perf_counter(), time.process_time()
        profile.enable()
        annotate_corpus(articles, store=Path(tmp) / "store", settings=settings, workers=args.workers)
        profile.disable()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    who = "this process" if args.workers == 1 else f"the main process beside {args.workers} workers"
    print(f"{len(articles)} stories, {words:,} words: {wall:.1f} s wall, {cpu:.2f} CPU-s of {who} under cProfile "
          f"({words / cpu:,.0f} words/CPU-s, profiler overhead included); load average "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    stats = pstats.Stats(profile)
    if args.out:
        stats.dump_stats(str(args.out))
    stats.sort_stats("cumulative").print_stats(args.top)
    stats.sort_stats("tottime").print_stats(args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
