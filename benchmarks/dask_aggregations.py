"""The corpus briefing's aggregations in this process (``local``) and on a Dask LocalCluster (``dask``).

Usage (from the repository root)::

    .venv/bin/python benchmarks/dask_aggregations.py --store /work/scale/reuters-part --workers 2 --repeat 2

For each engine: a :class:`~newsbrief.present.corpus.CorpusBriefing` of the store computes what its
sections show (header, notes, findings with what changed and spikes, leaders, speakers, timeline,
co-occurrence, share of voice, the articles behind the findings), no charts drawn. Printed per engine and run:
wall seconds and CPU seconds of this process and its children (the Dask workers included), the cluster's
start-up apart; then whether the two engines' results are equal. The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import pandas as pd
import psutil


def cpu_seconds() -> float:
    """CPU time of this process and its live descendants (the LocalCluster's nannies and workers)."""
    total = 0.0
    for proc in [psutil.Process(), *psutil.Process().children(recursive=True)]:
        try:
            t = proc.cpu_times()
            total += t.user + t.system
        except psutil.NoSuchProcess:
            pass
    return total


def aggregations(briefing: Any) -> dict[str, Any]:
    from newsbrief.analysis import db_counts as dbc
    from newsbrief.analysis import db_spikes as dsp

    db, entities = briefing.db, briefing.entities
    return {
        "header": briefing.header_rows(), "notes": briefing.notes(), "findings": briefing.findings(),
        "leaders": briefing.entity_frequencies(), "speakers": briefing.speaker_share(),
        "timeline": dbc.corpus_timeline(db, freq=briefing.freq), "pairs": briefing.pairs,
        "share_of_voice": dsp.share_of_voice(db, entities), "speaker_voice": dsp.speaker_share_of_voice(db),
        "articles": briefing.articles_table(),
    }


def same(a: dict[str, Any], b: dict[str, Any]) -> list[str]:
    differ = []
    for key, want in a.items():
        got = b[key]
        try:
            if isinstance(want, pd.DataFrame):
                pd.testing.assert_frame_equal(want.reset_index(drop=True), got.reset_index(drop=True),
                                              check_dtype=False, rtol=1e-9)
            else:
                assert want == got
        except AssertionError:
            differ.append(key)
    return differ


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", action="store_true", help="LocalCluster workers as threads (processes=False)")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()

    from newsbrief.analysis.db_dask import DaskDb
    from newsbrief.params import BriefingOptions
    from newsbrief.present.corpus import CorpusBriefing

    results: dict[str, Any] = {}
    figures: dict[str, Any] = {}
    for engine in ("local", "dask"):
        t0, c0 = time.perf_counter(), cpu_seconds()
        briefing = CorpusBriefing.load(BriefingOptions(data=str(args.store), mode="corpus"))
        if engine == "dask":
            briefing.db = DaskDb.open(args.store, workers=args.workers, processes=not args.threads, db=briefing.db)
            print(f"dask: {len(briefing.db.parts)} parts on {briefing.db.cluster.n_workers} workers", file=sys.stderr)
        start = {"wall": time.perf_counter() - t0, "cpu": cpu_seconds() - c0}
        runs = []
        for _ in range(args.repeat):
            fresh = CorpusBriefing(title="x", params={}, entities=briefing.entities, db=briefing.db)
            t0, c0 = time.perf_counter(), cpu_seconds()
            results[engine] = aggregations(fresh)
            runs.append({"wall": round(time.perf_counter() - t0, 2), "cpu": round(cpu_seconds() - c0, 2)})
            print(f"{engine}: {runs[-1]['wall']:.2f} s wall, {runs[-1]['cpu']:.2f} s CPU", file=sys.stderr)
        figures[engine] = {"open": {k: round(v, 2) for k, v in start.items()}, "runs": runs}
        if engine == "dask":
            briefing.db.close()
    differ = same(results["local"], results["dask"])
    print(f"equal: {not differ}{' (differ: ' + ', '.join(differ) + ')' if differ else ''}", file=sys.stderr)
    print(json.dumps({"store": str(args.store), "workers": args.workers, "equal": not differ, **figures}))
    return 0 if not differ else 1


if __name__ == "__main__":
    raise SystemExit(main())
