"""Time and peak memory of annotating one long article, by size: how the limits were chosen.

Usage (from the repository root)::

    .venv/bin/python benchmarks/long_articles.py                       # chunked annotation, default sizes
    .venv/bin/python benchmarks/long_articles.py --mode whole --sizes 100k,250k,500k   # one spaCy Doc (old way)
    .venv/bin/python benchmarks/long_articles.py --chunk 25k,50k,100k --sizes 1M       # chunk size
    .venv/bin/python benchmarks/long_articles.py --shape unbroken --sizes 260k         # no sentence breaks

Each measurement runs in a fresh process and reports its wall time and peak RSS (the pipeline
load, about 0.3 GB, included). Texts: the bundled sample corpus, articles joined by blank lines
and repeated to the size (``prose``), or the same words without any punctuation or line break
(``unbroken``, one endless "sentence").
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import time


def parse_size(text: str) -> int:
    text = text.strip().lower()
    scale = {"k": 1_000, "m": 1_000_000}.get(text[-1:], 1)
    return int(float(text.rstrip("km")) * scale)


def make_text(size: int, shape: str) -> str:
    from newsbrief.ingest import read_inputs

    articles = read_inputs(["data/samples/hyperpartisan-2017q3.jsonl"]).articles
    body = "\n\n".join(a.text for a in articles)
    if shape == "unbroken":
        body = " ".join(re.sub(r"[^\w\s']", " ", body).split())
    while len(body) < size:
        body = body + ("\n\n" if shape == "prose" else " ") + body
    return body[:size]


def child(size: int, shape: str, mode: str, chunk: int, batch: int) -> None:
    from newsbrief.annotate.rows import annotate_batch
    from newsbrief.annotate.settings import Settings
    from newsbrief.nlp import chunks
    from newsbrief.nlp.pipeline import load_pipeline

    text = make_text(size, shape)
    nlp = load_pipeline()
    t0 = time.perf_counter()
    if mode == "whole":
        nlp.max_length = max(nlp.max_length, size + 1)
        doc = nlp(text)
        n = len(list(doc.sents))
    else:
        chunks.CHUNK_CHARS = chunk
        chunks.BATCH_CHARS = max(chunk, batch or chunks.BATCH_CHARS)
        out = annotate_batch([("x", text)], Settings())
        n = len(out["sentences"])
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB -> MiB on Linux
    print(json.dumps({"seconds": seconds, "peak_mb": peak, "sentences": n}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100k,250k,500k,1M,2M")
    parser.add_argument("--mode", choices=("chunked", "whole"), default="chunked")
    parser.add_argument("--shape", choices=("prose", "unbroken"), default="prose")
    parser.add_argument("--chunk", default="50k", help="chunk sizes to try (chunked mode)")
    parser.add_argument("--batch", default="", help="characters per nlp.pipe batch (default: BATCH_CHARS)")
    parser.add_argument("--child", nargs=5, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        size, shape, mode, chunk, batch = args.child
        child(int(size), shape, mode, int(chunk), int(batch))
        return
    print(f"mode {args.mode}, shape {args.shape}, batch {args.batch or 'default'} characters")
    print(f"{'size':>10} {'chunk':>8} {'seconds':>8} {'peak RSS':>10} {'sentences':>10}")
    for chunk in [parse_size(c) for c in args.chunk.split(",")]:
        for size in [parse_size(s) for s in args.sizes.split(",")]:
            batch = parse_size(args.batch) if args.batch else 0
            cmd = [sys.executable, __file__, "--child", str(size), args.shape, args.mode, str(chunk), str(batch)]
            done = subprocess.run(cmd, capture_output=True, text=True)
            if done.returncode:
                print(f"{size:>10,} {chunk if args.mode == 'chunked' else '-':>8} failed: "
                      f"{done.stderr.strip().splitlines()[-1:]}")
                continue
            r = json.loads(done.stdout.strip().splitlines()[-1])
            label = f"{chunk:,}" if args.mode == "chunked" else "-"
            print(f"{size:>10,} {label:>8} {r['seconds']:>8.1f} {r['peak_mb']:>7,.0f} MB {r['sentences']:>10,}",
                  flush=True)


if __name__ == "__main__":
    main()
