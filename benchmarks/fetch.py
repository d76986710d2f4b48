"""Live sources end to end: a feed of 500 items on a local server fetched, annotated and briefed, then a re-run
after 10 new items (goals: under 2 minutes, and under 20 s fetching only those 10).

Usage (from the repository root)::

    PYTHONPATH=$PWD/src .venv/bin/python benchmarks/fetch.py              # figures in docs/fetch.md
    PYTHONPATH=$PWD/src .venv/bin/python benchmarks/fetch.py --items 100 --new 5

The site is the test suite's made-up news site (``tests/newssite.py``) on 127.0.0.1; each run is
``newsbrief run PARAMS -q`` as a subprocess from a fresh interpreter, into one temporary output folder (so the
second run finds the first run's annotation cache and raw pages). Wall time is the subprocess's; CPU time is
user + system of the subprocess and its children (the notebook kernel, annotation workers). The server's
own CPU is not counted. Two more lines time the fetch stage alone (in this process, CPU including the server
threads) on a fresh cache. ``per_host_rate`` is set high (the server is this machine); the default is 1 request/s.
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

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from newsbrief.fetch import FetchOptions, fetch_sources  # noqa: E402
from newssite import NewsSite  # noqa: E402 - the test suite's site


def cpu_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(params: Path, out: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one `newsbrief run`."""
    cmd = [str(Path(sys.executable).parent / "newsbrief"), "run", str(params), "--output-dir", str(out), "-q"]
    env = dict(os.environ, PYTHONPATH=f"{ROOT / 'src'}{os.pathsep}{os.environ.get('PYTHONPATH', '')}")
    cpu, start = cpu_children(), time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=env)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"newsbrief run failed ({done.returncode}):\n{done.stderr}")
    return wall, cpu_children() - cpu


def fetch_only(items: int, new: int, rate: float) -> list[tuple[str, float, float, int]]:
    """The fetch stage alone, in this process (no annotation, no briefing): a first fetch and a re-fetch."""
    rows = []
    with tempfile.TemporaryDirectory(prefix="newsbrief-fetch-only-") as tmp, NewsSite(items) as site:
        options = FetchOptions(per_host_rate=rate, max_pages=items + new)
        for name in (f"fetch only, {items} items", f"re-fetch, {new} new items"):
            before = site.article_requests()
            cpu, start = time.process_time(), time.perf_counter()
            fetch_sources([f"{site.base}/feed.xml"], cache=tmp, options=options)
            rows.append((name, time.perf_counter() - start, time.process_time() - cpu,
                         site.article_requests() - before))
            site.add(new)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=500, help="feed items of the first run (default 500)")
    parser.add_argument("--new", type=int, default=10, help="items published before the re-run (default 10)")
    parser.add_argument("--rate", type=float, default=200.0, help="per_host_rate (requests/s, default 200)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsbrief-fetch-") as tmp, NewsSite(args.items) as site:
        out = Path(tmp) / "reports"
        params = Path(tmp) / "feed.yaml"
        params.write_text(f"input: {site.base}/feed.xml\nname: feed\nmax_pages: {args.items + args.new}\n"
                          f"per_host_rate: {args.rate}\ncompare: last-run\n", encoding="utf-8")
        rows = []
        wall, cpu = run(params, out)
        rows.append((f"first run, {args.items} items", wall, cpu, site.article_requests()))
        before = site.article_requests()
        site.add(args.new)
        wall, cpu = run(params, out)
        rows.append((f"re-run, {args.new} new items", wall, cpu, site.article_requests() - before))
        log = (out / "feed" / "fetch.csv").read_text(encoding="utf-8").splitlines()
    rows += fetch_only(args.items, args.new, args.rate)
    print(f"{'run':<28} {'wall s':>8} {'CPU s':>8} {'pages fetched':>14}")
    for name, wall, cpu, fetched in rows:
        print(f"{name:<28} {wall:>8.1f} {cpu:>8.1f} {fetched:>14}")
    print(f"fetch.csv of the re-run: {len(log) - 1} links")
    print(f"cores: {os.cpu_count()}; load average: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
