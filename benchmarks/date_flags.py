"""Which publication dates a real, mixed collection of pages has flagged: aeb's 181 HTML pages.

The pages of ``../shared/pages/aeb/html`` (gzipped) are copied, decompressed, into a temporary folder and read
with :func:`newsbrief.ingest.read_inputs` (every language); the script prints how many dates were read, how
many were left out as implausible, each with its page's URL from ``ground-truth.json``, and the years read.

    PYTHONPATH=src python benchmarks/date_flags.py
"""

from __future__ import annotations

import gzip
import json
import logging
import tempfile
from collections import Counter
from pathlib import Path

from newsbrief.ingest import read_inputs

AEB = Path(__file__).resolve().parents[1].parent / "shared" / "pages" / "aeb"


def main() -> None:
    logging.basicConfig(level=logging.ERROR)
    truth = json.loads((AEB / "ground-truth.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        for page in sorted((AEB / "html").glob("*.html.gz")):
            (Path(tmp) / page.name.removesuffix(".gz")).write_bytes(gzip.decompress(page.read_bytes()))
        result = read_inputs(tmp, languages=[])
    dated = [a for a in result.articles if a.published is not None]
    print(f"{len(result.articles)} pages read, {len(dated)} dated, {len(result.flagged_dates)} date(s) left out")
    for flag in result.flagged_dates:
        key = Path(flag.page).name.removesuffix(".html")
        print(f"  {flag.date}: {flag.reason}; {truth.get(key, {}).get('url', '?')}")
    years = Counter(a.published.year for a in dated)
    print("years read:", ", ".join(f"{y}: {n}" for y, n in sorted(years.items())))


if __name__ == "__main__":
    main()
