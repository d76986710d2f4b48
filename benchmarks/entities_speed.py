"""CPU time of the entity step (``doc_mentions``: candidates, cues, grouping, the learned typer) beside the
bare pipeline, on Reuters-21578: what entity typing costs annotation.

Usage (from the repository root)::

    PYTHONPATH=src .venv/bin/python benchmarks/entities_speed.py --articles 300

Parses the first ``--articles`` stories once, then times (CPU seconds, ``time.process_time``, best of
``--repeat``) ``nlp.pipe`` over the texts and :func:`~newsbrief.nlp.entities.mentions.doc_mentions` over
the parsed Docs. Run it with another checkout's ``src`` first on ``PYTHONPATH`` to compare two versions
(words per CPU-second of pipeline + entity step). Needs ``../shared/corpora/reuters21578`` (exits 0 if
absent).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import reuters  # noqa: E402
from annotate_parts import best_cpu  # noqa: E402
from newsbrief.nlp.entities.mentions import doc_mentions  # noqa: E402
from newsbrief.nlp.pipeline import load_pipeline  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--dir", type=Path, default=reuters.DEFAULT_DIR)
    args = parser.parse_args()
    if not args.dir.is_dir():
        print(f"skipped: Reuters-21578 not found at {args.dir} (../shared is absent)")
        return 0
    articles = reuters.load(args.articles, folder=args.dir)
    texts = [a.text for a in articles]
    words = sum(a.n_words for a in articles)
    nlp = load_pipeline()
    docs = list(nlp.pipe(texts, batch_size=64))
    doc_mentions(docs[0])  # weights and name lists loaded before timing (annotation preloads them)
    pipe = best_cpu(lambda: [None for _ in nlp.pipe(texts, batch_size=64)], args.repeat)
    ents = best_cpu(lambda: [doc_mentions(doc) for doc in docs], args.repeat)
    n = sum(len(doc_mentions(doc)) for doc in docs)
    print(f"{len(texts)} stories, {words:,} words, {n:,} mentions; CPU seconds, best of {args.repeat}")
    print(f"  nlp.pipe            {pipe:7.3f}")
    print(f"  entity step         {ents:7.3f}  ({1000 * ents / len(texts):.2f} ms a story)")
    print(f"  words per CPU-second of both: {words / (pipe + ents):,.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
