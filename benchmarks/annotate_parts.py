"""CPU time of annotation's parts without a profiler, in one process, on Reuters-21578.

Usage (from the repository root)::

    .venv/bin/python benchmarks/annotate_parts.py --articles 200

Parses the first ``--articles`` stories once, then times (CPU seconds, ``time.process_time``, best of
``--repeat``): the bare pipeline (``nlp.pipe`` over the texts), all the rows of :func:`annotate_batch`
(pipeline included) in batches of 64, the tone towards every entity mention of the parsed Docs, and the
sentence scorer on every sentence. Needs ``../shared/corpora/reuters21578`` (exits 0 if absent).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import reuters  # noqa: E402
from newsbrief.annotate import Settings  # noqa: E402
from newsbrief.annotate.parallel import _warm  # noqa: E402
from newsbrief.annotate.rows import annotate_batch, batch_scorer  # noqa: E402
from newsbrief.nlp.entities.mentions import doc_mentions  # noqa: E402
from newsbrief.nlp.pipeline import load_pipeline  # noqa: E402
from newsbrief.nlp.tone import tone_for_mentions  # noqa: E402


def best_cpu(fn: Callable[[], object], repeat: int) -> float:
    spent = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        spent.append(time.process_time() - start)
    return min(spent)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--dir", type=Path, default=reuters.DEFAULT_DIR)
    args = parser.parse_args()
    if not args.dir.is_dir():
        print(f"skipped: Reuters-21578 not found at {args.dir} (../shared is absent)")
        return 0
    articles = reuters.load(args.articles, folder=args.dir)
    items = [(a.content_hash, a.text) for a in articles]
    texts = [text for _, text in items]
    settings = Settings()
    _warm(settings)
    nlp, scorer = load_pipeline(settings.model), batch_scorer(settings)
    docs = list(nlp.pipe(texts, batch_size=64))
    spans = [[(int(m["start"]), int(m["end"])) for m in doc_mentions(doc)] for doc in docs]
    sentences = [sent.text for doc in docs for sent in doc.sents]
    figures = {
        "bare nlp.pipe": best_cpu(lambda: [None for _ in nlp.pipe(texts, batch_size=64)], args.repeat),
        "annotate_batch (all rows, pipeline included)": best_cpu(
            lambda: [annotate_batch(items[k : k + 64], settings) for k in range(0, len(items), 64)], args.repeat),
        f"tone towards {sum(map(len, spans)):,} mentions": best_cpu(
            lambda: [tone_for_mentions(d, s) for d, s in zip(docs, spans, strict=True)], args.repeat),
        f"{settings.sentiment} scorer on {len(sentences):,} sentences": best_cpu(
            lambda: scorer.score(sentences), args.repeat),
    }
    print(f"{len(items)} stories, {sum(a.n_words for a in articles):,} words; CPU seconds, best of {args.repeat}:")
    for name, cpu in figures.items():
        print(f"  {name:48} {cpu:7.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
