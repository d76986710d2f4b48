"""The NER's batched decoding against spaCy's own: the same entities, and what each costs.

Usage (from the repository root)::

    .venv/bin/python benchmarks/ner_decode.py --articles 2000 --polnear 300

Runs newsbrief's pipeline without its NER on the first ``--articles`` Reuters-21578 stories and the first
``--polnear`` texts of PolNeAR ``train`` and ``dev``, then gives the same Docs to the shipped NER twice: as
spaCy's ``EntityRecognizer`` (its greedy decoder) and as newsbrief's
:class:`~newsbrief.nlp.ner_decode.BatchedNER` (the same weights). Prints the texts whose token entity tags
(IOB and type) differ and the CPU seconds of each (``time.process_time``, one process, best of ``--repeat``;
the NER's own tok2vec included in both). Needs ``../shared`` (exits 0 if absent).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import reuters  # noqa: E402
from newsbrief.nlp.ner_decode import BatchedNER  # noqa: E402
from newsbrief.nlp.pipeline import DEFAULT_MODEL, NER_CONFIG_FILE, NER_DIR, load_pipeline  # noqa: E402

POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "gold" / "polnear"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000, help="Reuters stories")
    parser.add_argument("--polnear", type=int, default=300, help="PolNeAR texts of each of train and dev")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    if not reuters.DEFAULT_DIR.is_dir() or not (NER_DIR / NER_CONFIG_FILE).is_file():
        print("skipped: Reuters-21578 (../shared) or the shipped NER is absent")
        return 0
    import spacy

    texts = [a.text for a in reuters.load(args.articles)]
    for split in ("train", "dev"):
        paths = sorted((POLNEAR / split / "text").glob("*.txt"))[:args.polnear]
        texts += [p.read_text(encoding="utf-8") for p in paths]
    nlp = load_pipeline()
    batched = nlp.get_pipe("ner")
    assert isinstance(batched, BatchedNER)
    plain = spacy.load(DEFAULT_MODEL)
    meta = json.loads((NER_DIR / NER_CONFIG_FILE).read_text(encoding="utf-8"))
    plain.replace_pipe("ner", "ner", config=meta["config"])
    own = plain.get_pipe("ner")
    own.from_disk(NER_DIR, exclude=["vocab"])
    docs = list(nlp.pipe(texts, disable=["ner"]))
    spent: dict[str, float] = {}
    results = {}
    for name, ner in (("spaCy's decoder", own), ("batched", batched)):
        for _ in range(args.repeat):
            copies = [d.copy() for d in docs]
            start = time.process_time()
            results[name] = list(ner.pipe(copies, batch_size=256))
            spent[name] = min(spent.get(name, float("inf")), time.process_time() - start)
    a, b = results["spaCy's decoder"], results["batched"]
    differ = sum(1 for x, y in zip(a, b, strict=True)
                 if [(t.ent_iob, t.ent_type) for t in x] != [(t.ent_iob, t.ent_type) for t in y])
    print(f"{len(docs):,} texts, {sum(len(d) for d in docs):,} tokens, {sum(len(d.ents) for d in a):,} entities; "
          f"texts whose entity tags differ: {differ}")
    for name, seconds in spent.items():
        print(f"  {name:16s} {seconds:6.2f} CPU-s (best of {args.repeat})")
    ratio = spent["batched"] / spent["spaCy's decoder"]
    print(f"  batched / spaCy's decoder: {ratio:.2f} of the CPU")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
