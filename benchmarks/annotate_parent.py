"""Where the main process of ``newsbrief annotate`` spends its time (the workers left out).

Usage (from the repository root)::

    .venv/bin/python benchmarks/annotate_parent.py --articles 2000 --workers 2 [--top 30] [--out /tmp/parent.prof]

Runs :func:`newsbrief.annotate.annotate_corpus` with the local engine and ``--workers`` forked workers on the
first ``--articles`` Reuters-21578 stories (cold cache, the pipeline loaded before, as ``benchmarks/annotate.py``
does) under cProfile in the main process only (the profiler is switched off in every forked child), and prints
the main process's CPU seconds (``time.process_time``) with the top functions by cumulative and by own time.
``benchmarks/annotate_profile.py`` profiles the workers' side. Needs ``../shared/corpora/reuters21578`` (exits 0
with a message if absent).
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
from newsbrief.nlp.pipeline import load_pipeline  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--out", type=Path, default=None, help="write the pstats file here")
    parser.add_argument("--dir", type=Path, default=reuters.DEFAULT_DIR)
    args = parser.parse_args()
    if not args.dir.is_dir():
        print(f"skipped: Reuters-21578 not found at {args.dir} (../shared is absent)")
        return 0
    seen: set[str] = set()
    articles = [a for a in reuters.load(args.articles or None, folder=args.dir)
                if not (a.content_hash in seen or seen.add(a.content_hash))]
    settings = Settings()
    load_pipeline(settings.model)
    profile = cProfile.Profile(time.process_time)  # CPU time of this process: the machine is shared
    os.register_at_fork(after_in_child=profile.disable)
    with tempfile.TemporaryDirectory(prefix="nb-parent-") as tmp:
        wall, cpu = time.perf_counter(), time.process_time()
        profile.enable()
        result = annotate_corpus(articles, store=Path(tmp) / "store", settings=settings, workers=args.workers)
        profile.disable()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"{len(articles)} stories, rows {result.rows}: {wall:.1f} s wall, main process {cpu:.2f} CPU-s under "
          f"cProfile (profiler overhead included); load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    stats = pstats.Stats(profile)
    if args.out:
        stats.dump_stats(str(args.out))
    stats.sort_stats("cumulative").print_stats(args.top)
    stats.sort_stats("tottime").print_stats(args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
