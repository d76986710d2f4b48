"""Probes of the store's reliability (issue 16, items 5 and 6): damaged files and reads during writes.

``damage``: annotate the bundled sample article into a temporary store, then flip one random byte of
one random table file at a time and read the dataset, classifying each read as detected (a StoreError
naming the file), another exception, or read silently (with the same or with different values).
``--unverified`` reads the files with plain ``pandas.read_parquet``, as newsbrief did before checksums.

``reads``: two processes write dataset versions while two others read the store for the same time;
prints reads and failed reads. ``--grace 0`` deletes a replaced version at once (the old behaviour).

Usage::

    .venv/bin/python benchmarks/store_reliability.py damage --flips 180
    .venv/bin/python benchmarks/store_reliability.py damage --flips 180 --unverified
    .venv/bin/python benchmarks/store_reliability.py damage --flips 180 --input data/samples/hyperpartisan-2017q3.jsonl
    .venv/bin/python benchmarks/store_reliability.py reads --writes 60 [--grace 0]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "samples" / "wion-2021-04-06-ukraine-nato.txt"


def _table_files(store: Path) -> dict[str, list[Path]]:
    """Each table's files in the current version (one ``<table>.parquet``, or month parts), unverified."""
    folder = store / (store / "CURRENT").read_text().strip()
    out: dict[str, list[Path]] = {}
    for path in sorted(folder.rglob("*.parquet")):
        out.setdefault(path.relative_to(folder).parts[0].removesuffix(".parquet"), []).append(path)
    return out


def _read_plain(store: Path) -> dict[str, pd.DataFrame]:
    return {name: pd.concat([pd.read_parquet(p) for p in paths], ignore_index=True)
            for name, paths in _table_files(store).items()}


def damage(flips: int, *, seed: int, unverified: bool, source: Path = SAMPLE) -> None:
    from newsbrief.annotate import annotate_corpus
    from newsbrief.errors import StoreError
    from newsbrief.ingest import read_inputs
    from newsbrief.store import read_dataset

    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "store"
        annotate_corpus(read_inputs([source]).articles, store=store, workers=1 if source == SAMPLE else None)
        read = _read_plain if unverified else read_dataset
        truth = read(store)
        files = [p for paths in _table_files(store).values() for p in paths]
        outcome: Counter[str] = Counter()
        for _ in range(flips):
            path = rng.choice(files)
            original = path.read_bytes()
            data = bytearray(original)
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
            path.write_bytes(bytes(data))
            try:
                got = read(store)
            except StoreError as e:
                outcome["detected (StoreError naming the file)" if str(path) in str(e) else "StoreError"] += 1
            except Exception as e:  # noqa: BLE001 - what a user would see as a traceback
                outcome[f"other exception ({type(e).__name__})"] += 1
            else:
                same = all(got[n].equals(truth[n]) for n in truth)
                outcome["read silently, same values" if same else "read silently, DIFFERENT values"] += 1
            finally:
                path.write_bytes(original)
    print(f"{flips} single-byte flips in {len(files)} table files "
          f"({'pandas.read_parquet' if unverified else 'newsbrief.store.read_dataset'}):")
    for what, n in outcome.most_common():
        print(f"  {n:4d}  {what}")


def reads(writes: int, *, grace: float, seconds: float) -> None:
    sys.path.insert(0, str(ROOT / "tests" / "store"))
    import test_concurrency as probe  # the same writer and reader as the stress test

    from newsbrief.store import TABLES, write_dataset

    with tempfile.TemporaryDirectory() as tmp:
        frame = pd.DataFrame({"article_id": ["seed"], "x": [0]})
        write_dataset(tmp, {n: frame for n in TABLES}, manifest={})
        code = probe.WRITER.replace('manifest={"writer": tag, "i": i})', f"manifest={{}}, keep_previous_for={grace})")
        procs = [probe._start(code, tmp, tag, str(writes)) for tag in "ab"]
        procs += [probe._start(probe.READER, tmp, str(seconds)) for _ in range(2)]
        for proc in procs:
            assert proc.stdin is not None
            proc.stdin.write("go\n")
            proc.stdin.flush()
        total = failed = 0
        for proc in procs:
            out, err = proc.communicate(timeout=600)
            if proc.returncode:
                print(err, file=sys.stderr)
            if out.strip() and out.split()[0].isdigit():
                r, f = map(int, out.split())
                total, failed = total + r + f, failed + f
    print(f"2 writers x {writes} versions (grace {grace:g} s), 2 readers for {seconds:g} s: "
          f"{failed} of {total} reads failed")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="probe", required=True)
    d = sub.add_parser("damage")
    d.add_argument("--flips", type=int, default=180)
    d.add_argument("--seed", type=int, default=0)
    d.add_argument("--unverified", action="store_true")
    d.add_argument("--input", type=Path, default=SAMPLE, help="articles to annotate (default: the sample article; "
                   "data/samples/hyperpartisan-2017q3.jsonl spans three months: many part files)")
    r = sub.add_parser("reads")
    r.add_argument("--writes", type=int, default=60)
    r.add_argument("--grace", type=float, default=600)
    r.add_argument("--seconds", type=float, default=10)
    args = parser.parse_args()
    if args.probe == "damage":
        damage(args.flips, seed=args.seed, unverified=args.unverified, source=args.input)
    else:
        reads(args.writes, grace=args.grace, seconds=args.seconds)


if __name__ == "__main__":
    main()
