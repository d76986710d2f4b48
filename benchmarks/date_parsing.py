"""Time of reading publication dates (the happy path of table ingest): ISO 8601 and written-out dates.

    PYTHONPATH=src python benchmarks/date_parsing.py
    # beside an earlier version of the module, e.g. the one before partial dates were told apart:
    git show c6f1102:./src/newsbrief/ingest/dates.py > /tmp/old_dates.py
    PYTHONPATH=src python benchmarks/date_parsing.py --against /tmp/old_dates.py
"""

from __future__ import annotations

import argparse
import importlib.util
import time
import warnings
from collections.abc import Callable
from pathlib import Path

from newsbrief.dates import parse_date

SAMPLES = {
    "ISO 8601": ["2017-08-13", "2017-08-13T10:00:00Z", "2017-08-13T10:00:00+02:00"],
    "written out": ["August 13, 2017", "Sun, 13 Aug 2017 10:00:00 GMT", "Aug. 13, 2017 8:01 a.m. ET"],
}


def per_date(parse: Callable[[object], object], values: list[str], n: int) -> float:
    start = time.perf_counter()
    for i in range(n):
        parse(values[i % len(values)])
    return (time.perf_counter() - start) / n * 1e6


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--against", type=Path, help="another dates.py to time beside this one")
    ap.add_argument("-n", type=int, default=3000, help="dates per measurement")
    ap.add_argument("--rounds", type=int, default=3, help="measurements (the fastest is shown)")
    args = ap.parse_args()
    parsers: dict[str, Callable[[object], object]] = {"now": parse_date}
    if args.against:
        spec = importlib.util.spec_from_file_location("other_dates", args.against)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        parsers = {"other": module.parse_date, **parsers}
    warnings.simplefilter("ignore")  # the older module lets dateutil warn about zone names
    for kind, values in SAMPLES.items():
        cells = [f"{name} {min(per_date(p, values, args.n) for _ in range(args.rounds)):7.1f} µs"
                 for name, p in parsers.items()]
        print(f"{kind:<12} " + "   ".join(cells) + " per date")


if __name__ == "__main__":
    main()
