"""Check that two annotation stores hold the same tables (a speed change must not change a row).

Usage (from the repository root; the reference store written by the other branch)::

    newsbrief annotate data/samples --out /tmp/reference      # with main
    newsbrief annotate data/samples --out /tmp/candidate      # with this branch
    .venv/bin/python benchmarks/annotate_equal.py /tmp/reference /tmp/candidate

Compares every table of the two stores' current datasets with pandas ``assert_frame_equal``: the same
rows, columns, dtypes and values, floats within ``--atol`` (default 1e-12: the sentence scores of an
unchanged newsbrief differed by 1e-16 between two runs while it used a BLAS matrix-vector product).
Exits 1 and names the table and columns that differ.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from newsbrief.store import read_dataset


def main() -> int:
    parser = argparse.ArgumentParser(description="compare the tables of two annotation stores")
    parser.add_argument("reference", type=Path)
    parser.add_argument("candidate", type=Path)
    parser.add_argument("--atol", type=float, default=1e-12)
    args = parser.parse_args()
    ref, got = read_dataset(args.reference), read_dataset(args.candidate)
    failed = False
    for name in ref:
        a, b = ref[name].reset_index(drop=True), got[name].reset_index(drop=True)
        try:
            pd.testing.assert_frame_equal(a, b, check_exact=False, rtol=0, atol=args.atol)
        except AssertionError as e:
            failed = True
            print(f"{name}: DIFFERENT: {str(e).splitlines()[0]}")
            continue
        print(f"{name}: identical ({len(a):,} rows, {a.shape[1]} columns)")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
