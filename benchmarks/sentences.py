"""Sentences that span a paragraph break (a blank line), on the bundled samples.

Usage (from the repository root)::

    .venv/bin/python benchmarks/sentences.py            # data/samples/
    .venv/bin/python benchmarks/sentences.py --show 5   # print a few offenders

Annotates the inputs through the same path as ``newsbrief annotate`` (one process, no cache) and
counts the rows of the sentences table whose text contains a blank line. No sentence should.
"""

from __future__ import annotations

import argparse
import re
import time

from newsbrief.annotate.rows import annotate_batch
from newsbrief.annotate.settings import Settings
from newsbrief.ingest import read_inputs

BLANK_LINE = re.compile(r"\n[ \t\u00a0\r]*\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", default=["data/samples"])
    parser.add_argument("--show", type=int, default=0, help="print this many offending sentences")
    args = parser.parse_args()
    articles = read_inputs(args.inputs).articles
    items = sorted({a.content_hash: a.text for a in articles}.items())
    t0 = time.perf_counter()
    rows = annotate_batch(items, Settings())
    sentences = rows["sentences"]
    spanning = sentences[sentences["text"].str.contains(BLANK_LINE)]
    print(f"{len(items)} articles, {len(sentences):,} sentences, {len(spanning):,} span a blank line "
          f"({time.perf_counter() - t0:.1f} s)")
    for text in spanning["text"].head(args.show):
        print("---", text[:200].replace("\n", "⏎"))


if __name__ == "__main__":
    main()
