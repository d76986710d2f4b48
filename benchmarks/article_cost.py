"""CPU and wall seconds of an article briefing's computation in one process: what the article notebook's cells call
(load the tables, header, findings, who is in it, quotes, tone), best of ``--rounds`` after a warm-up round.

Usage (from the repository root), on a run's data folder::

    .venv/bin/newsbrief run params/seed-article.yaml --output-dir /tmp/r -q
    .venv/bin/python benchmarks/article_cost.py /tmp/r/seed-article/data --rounds 8

CPU seconds are the figure to compare across code versions on a busy machine (wall time follows the load).
"""

from __future__ import annotations

import argparse
import time

import matplotlib

from newsbrief.params import BriefingOptions
from newsbrief.present.article import ArticleBriefing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", help="a run's data/ folder (an article's annotation store)")
    parser.add_argument("--rounds", type=int, default=8)
    args = parser.parse_args()
    matplotlib.use("Agg")
    cpu, wall = [], []
    for _ in range(args.rounds + 1):
        c, w = time.process_time(), time.perf_counter()
        briefing = ArticleBriefing.load(BriefingOptions.model_validate({"data": args.data}))
        for part in (briefing.header, briefing.findings_block, briefing.who_section, briefing.quotes_section,
                     briefing.tone_section):
            part()
        cpu.append(time.process_time() - c)
        wall.append(time.perf_counter() - w)
    print(f"{args.data}: best CPU {min(cpu[1:]):.3f} s, best wall {min(wall[1:]):.3f} s "
          f"(best of {args.rounds} after a warm-up round)")


if __name__ == "__main__":
    main()
