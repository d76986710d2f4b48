"""Browser-copy fields and body on the train and dev pages (for tuning): more pages than the hand gold has.

``benchmarks/pages.py`` counts fields only on the pages with hand gold (all of them dev or test). To tune the
browser-copy reader on more pages, this script also counts, on every train and dev page, the copy's title, source
and author against the page's own HTML as our HTML reader reads it (silver truth: its HTML fields are right on
0.95-1.00 of the gold pages), and the copy's body F1 (aeb scorer) on every aeb page of the split. Pages with hand
gold use it. Dates count on hand gold only (an HTML date is often the time zone's other day); column ``date±1``
counts the pages without hand gold whose HTML gives a date, the copy's right when within a day of it. The test split
is never read here.

Usage::

    .venv/bin/python benchmarks/pages_silver.py [--splits train dev] [--verbose]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pages import correct, gold_of, read_both  # noqa: E402
from pages_data import body_f1, pages  # noqa: E402

FIELDS = ("title", "date", "source", "author")
NEAR = "date±1"  # pages without hand gold: the copy's date within a day of the HTML's


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--splits", nargs="+", default=["train", "dev"], choices=["train", "dev"])
    parser.add_argument("--verbose", action="store_true", help="print every page's misses")
    args = parser.parse_args()
    hits: dict[str, Counter[str]] = {s: Counter() for s in args.splits}
    counted: dict[str, Counter[str]] = {s: Counter() for s in args.splits}
    bodies: dict[str, list[tuple[str, str]]] = {s: [] for s in args.splits}
    with tempfile.TemporaryDirectory() as tmp:
        for page in pages():
            if page.split not in args.splits:
                continue
            found = read_both(page, Path(tmp))
            copy, html = found["browser"], found["html"]
            if page.corpus == "aeb":
                bodies[page.split].append((page.body, copy.text if copy else ""))
            gold = gold_of(page, form="browser")
            truth = gold if gold is not None else (None if html is None else {
                "title": html.title, "source": html.source, "author": html.author,
                "date": html.published.date().isoformat() if html.published else None})
            if truth is None:
                continue
            misses = []
            if gold is None and html is not None and html.published is not None:
                counted[page.split][NEAR] += 1
                near = copy is not None and copy.published is not None and \
                    abs((copy.published.date() - html.published.date()).days) <= 1
                hits[page.split][NEAR] += near
                if not near:
                    misses.append(f"{NEAR}: {None if copy is None else copy.published} (HTML {html.published})")
            for field in FIELDS:
                if field == "date" and gold is None:
                    continue  # an HTML date is often the time zone's other day: dates only on gold
                if field in ("source", "title") and not truth[field]:
                    continue
                counted[page.split][field] += 1
                if copy is not None and correct(field, copy, truth[field]):
                    hits[page.split][field] += 1
                else:
                    got = None if copy is None else getattr(copy, "published" if field == "date" else field)
                    misses.append(f"{field}: {got!r} (want {truth[field]!r})")
            if args.verbose and misses:
                print(f"  {page.split:5} {'gold' if gold else 'html':4} {page.id[:16]:16} " + "; ".join(misses))
    print(f"{'split':6} {'body F1':>8} " + " ".join(f"{f:>12}" for f in (*FIELDS, NEAR)))
    for s in args.splits:
        cells = [f"{hits[s][f] / counted[s][f]:.2f} ({counted[s][f]:3d})" if counted[s][f] else "-"
                 for f in (*FIELDS, NEAR)]
        print(f"{s:6} {body_f1(bodies[s]):8.3f} " + " ".join(f"{c:>12}" for c in cells))


if __name__ == "__main__":
    main()
