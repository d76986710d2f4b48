"""Peak memory of exploring a store: build an Explorer (its default choice: the most mentioned entity) and
compute that entity's view, as the notebook's first cells do.

    .venv/bin/python benchmarks/explore_memory.py STORE

Prints the focus, its articles and mentions, the wall time of each step and the process's peak RSS
(``resource.getrusage``; run under ``/usr/bin/time -v`` for the same figure from outside).
"""

from __future__ import annotations

import argparse
import resource
import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", help="an annotation store folder")
    args = parser.parse_args()
    t0 = time.perf_counter()
    from newsbrief.lab import Explorer

    explorer = Explorer.load(args.store)
    t1 = time.perf_counter()
    view = explorer.view()
    t2 = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    mentions = int(view.counts.to_numpy().sum()) if not view.counts.empty else 0
    print(f"focus={explorer.focus.name!r} articles={view.n_articles} dated_mentions={mentions} "
          f"load={t1 - t0:.1f}s view={t2 - t1:.1f}s peak_rss_mb={peak:.0f}")


if __name__ == "__main__":
    main()
