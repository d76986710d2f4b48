"""Hash embeddings once per distinct token against spaCy's own forward: the same annotations, and the CPU of each.

Usage (from the repository root)::

    .venv/bin/python benchmarks/embed_once.py --articles 400 --polnear 300

Builds newsbrief's pipeline twice: as :func:`newsbrief.nlp.pipeline.load_pipeline` gives it (the shared tok2vec
and the NER's own embed each distinct token of a batch once, :mod:`newsbrief.nlp.embed_once`) and the same
components with spaCy's own embedding forward. Runs both on the first ``--articles`` Reuters-21578 stories and
the first ``--polnear`` PolNeAR texts (train, then dev), in batches of 64 as ``newsbrief annotate`` does,
alternating ``--repeat`` times; prints the texts whose tags, morphology, lemmas, parse, sentence starts or
entities differ, and the CPU seconds of each (``time.process_time``, one process, best of the repeats).
Needs ``../shared`` (exits 0 if absent).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import reuters  # noqa: E402
from newsbrief.nlp.pipeline import load_pipeline  # noqa: E402

POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "gold" / "polnear"
ATTRS = ["TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "SENT_START", "ENT_IOB", "ENT_TYPE"]


def spacys_forward() -> object:
    """newsbrief's pipeline with spaCy's own embedding forward (a fresh load, not the cached one)."""
    return load_pipeline(embed_once=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=400, help="Reuters stories")
    parser.add_argument("--polnear", type=int, default=300, help="PolNeAR texts (train first, then dev)")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    if not reuters.DEFAULT_DIR.is_dir():
        print("skipped: Reuters-21578 (../shared) is absent")
        return 0
    texts = [a.text for a in reuters.load(args.articles)]
    paths = sorted((POLNEAR / "train" / "text").glob("*.txt")) + sorted((POLNEAR / "dev" / "text").glob("*.txt"))
    texts += [p.read_text(encoding="utf-8") for p in paths[:args.polnear]]
    pipelines = {"spaCy's forward": spacys_forward(), "once per distinct token": load_pipeline()}
    assert list(pipelines["spaCy's forward"].pipe_names) == list(pipelines["once per distinct token"].pipe_names)
    spent: dict[str, float] = {}
    arrays = {}
    for _ in range(args.repeat):
        for name, nlp in pipelines.items():
            began = time.process_time()
            docs = list(nlp.pipe(texts, batch_size=64))
            spent[name] = min(spent.get(name, float("inf")), time.process_time() - began)
            arrays[name] = [doc.to_array(ATTRS) for doc in docs]
    ref, got = arrays.values()
    differ = sum(1 for a, b in zip(ref, got, strict=True) if a.shape != b.shape or (a != b).any())
    tokens = sum(len(a) for a in ref)
    print(f"{len(texts):,} texts, {tokens:,} tokens; texts whose annotations differ: {differ}")
    for name, seconds in spent.items():
        print(f"{name:<24} {seconds:7.2f} CPU-s (best of {args.repeat}), the whole pipeline")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
