"""Time of reading publication dates (the happy path of table ingest): ISO 8601 and written-out dates.

    PYTHONPATH=src python benchmarks/date_parsing.py
"""

from __future__ import annotations

import time

from newsbrief.ingest.dates import parse_date

SAMPLES = {
    "ISO 8601": ["2017-08-13", "2017-08-13T10:00:00Z", "2017-08-13T10:00:00+02:00"],
    "written out": ["August 13, 2017", "Sun, 13 Aug 2017 10:00:00 GMT", "Aug. 13, 2017 8:01 a.m. ET"],
}


def main(n: int = 3000) -> None:
    for kind, values in SAMPLES.items():
        start = time.perf_counter()
        for i in range(n):
            parse_date(values[i % len(values)])
        per = (time.perf_counter() - start) / n * 1e6
        print(f"{kind:<12} {per:8.1f} µs per date")


if __name__ == "__main__":
    main()
