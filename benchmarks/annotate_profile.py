"""Where annotation time goes: cProfile of one worker (in this process) plus the main-process steps.

Usage (from the repository root)::

    .venv/bin/python benchmarks/annotate_profile.py --articles 200 [--top 40] [--out /tmp/annotate.prof]

Runs :func:`newsbrief.annotate.annotate_corpus` with ``workers=1`` (the batches run in this process, so
the profile sees the worker's work: spaCy, mentions, tone, quotes, sentence scores) and the steps after
the workers (assembly: canonical entities, speakers, sentence ids, the dataset write), on the first
``--articles`` Reuters-21578 stories, the pipeline loaded and warmed before profiling. Prints CPU seconds
(``time.process_time``) per phase and the top functions by cumulative and by own time. Needs
``../shared/corpora/reuters21578`` (exits 0 with a message if absent).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import reuters  # noqa: E402
from newsbrief.annotate import Settings, annotate_corpus  # noqa: E402
from newsbrief.annotate.parallel import _warm  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
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
    _warm(settings)
    profile = cProfile.Profile(time.process_time)  # CPU time: the machine is shared
    with tempfile.TemporaryDirectory(prefix="nb-prof-") as tmp:
        cpu = time.process_time()
        profile.enable()
        annotate_corpus(articles, store=Path(tmp) / "store", settings=settings, workers=1)
        profile.disable()
        cpu = time.process_time() - cpu
    print(f"{len(articles)} stories, {words:,} words: {cpu:.2f} CPU-s under cProfile "
          f"({words / cpu:,.0f} words/CPU-s, profiler overhead included)")
    stats = pstats.Stats(profile)
    if args.out:
        stats.dump_stats(str(args.out))
    stats.sort_stats("cumulative").print_stats(args.top)
    stats.sort_stats("tottime").print_stats(args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
