"""How quote extraction time grows with article length (made-up text, no ../shared needed).

A 10 kB chunk of reporting prose with stray marks is parsed once and repeated to 100 kB and 1 MB Docs;
extraction time per size and the 1 MB / 100 kB ratio (10 means linear) are printed.
Run: `.venv/bin/python benchmarks/quotes_scaling.py`.
"""

from __future__ import annotations

import time

from spacy.tokens import Doc

from newsbrief.nlp.pipeline import load_pipeline
from newsbrief.nlp.quotes import extract_quotes, find_quote_spans

PARA = (
    '"The plan will not work," Senator Jane Doe said on Monday. "We need a new one."\n\n'
    "Officials said the vote would take place next week, according to a memo seen by reporters.\n\n"
    "He told reporters that 'nothing' had changed, and it's the voters' choice now. "
    'Stray marks " here and ” there.\n\n'
)


def text(n_chars: int) -> str:
    return (PARA * (n_chars // len(PARA) + 1))[:n_chars]


def timed(fn, arg) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    out = fn(arg)
    return time.perf_counter() - t0, len(out)


def main() -> None:
    nlp = load_pipeline()
    chunk = nlp(text(10_000))
    small, big = Doc.from_docs([chunk] * 10), Doc.from_docs([chunk] * 100)
    ts, ns = timed(extract_quotes, small)
    tb, nb = timed(extract_quotes, big)
    print(f"extract_quotes  {len(small.text):>9,} chars: {ts:6.2f} s ({ns:,} rows)")
    print(f"extract_quotes  {len(big.text):>9,} chars: {tb:6.2f} s ({nb:,} rows)  ratio {tb / ts:.1f} (10 = linear)")
    ms, _ = timed(find_quote_spans, text(100_000))
    mb, _ = timed(find_quote_spans, text(1_000_000))
    print(f"quote-mark pairing 100 kB -> 1 MB: {ms:.3f} s -> {mb:.3f} s, ratio {mb / max(ms, 1e-9):.1f}")


if __name__ == "__main__":
    main()
