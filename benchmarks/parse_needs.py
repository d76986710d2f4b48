"""Which sentences need a dependency parse, and what each pipeline component costs (issue 26, "parse only
where it pays").

For Reuters-21578 stories and the PolNeAR dev articles, the pipeline runs without its parser (the senter
gives the sentences) and each sentence is classed by what newsbrief reads dependencies for:

- quote: a quotation mark (a double mark inside a word, or a word of quotation marks only);
- cue: a word whose lemma is in the speech lexicon (speech, quote-only, stance and naming verbs, "point
  out", "according to": :mod:`newsbrief.nlp.quotes.lexicon`), what the quote rules and the speaker
  resolver look at;
- entity: a named entity of the model, whose root, head and path the entity cues, the entity typer and
  the tone towards each mention read (:mod:`newsbrief.nlp.entities`, :mod:`newsbrief.nlp.tone_features`).

It prints the share of sentences and of words (the parser's work grows with words) in each class, and,
on the same texts, each component's CPU seconds in one process (the full model pipeline as bare spaCy
runs it, and newsbrief's).

    .venv/bin/python benchmarks/parse_needs.py --articles 400
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import reuters  # noqa: E402
from newsbrief.nlp.entities.mentions import KEEP_LABELS  # noqa: E402
from newsbrief.nlp.pipeline import DEFAULT_MODEL, load_pipeline  # noqa: E402
from newsbrief.nlp.quotes.lexicon import NAMING_VERBS, QUOTE_ONLY_LEMMAS, SPEECH_LEMMAS, STANCE_LEMMAS  # noqa: E402

CUE_LEMMAS = SPEECH_LEMMAS | QUOTE_ONLY_LEMMAS | STANCE_LEMMAS | NAMING_VERBS | {"point", "according"}
QUOTE_CHARS = frozenset("\"'“”„‟«»‘’‚＂`")
DOUBLE = frozenset("\"“”„‟«»＂")
CLASSES = ("quote", "cue", "quote or cue", "entity", "kept entity", "any")


def classify(texts: list[str], model: str) -> dict[str, list[int]]:
    """Sentences and words per class (``[sentences, words]``), "all" included."""
    import spacy

    nlp = spacy.load(model, exclude=["parser"])
    nlp.enable_pipe("senter")
    out = {name: [0, 0] for name in ("all", *CLASSES)}
    for doc in nlp.pipe(texts, batch_size=64):
        for sent in doc.sents:
            words = sum(1 for t in sent if not t.is_space)
            quote = any(any(ch in DOUBLE for ch in t.text) or all(ch in QUOTE_CHARS for ch in t.text) for t in sent)
            cue = any(t.lemma_.lower() in CUE_LEMMAS or t.lower_ in CUE_LEMMAS for t in sent)
            ents = list(sent.ents)
            flags = {"quote": quote, "cue": cue, "quote or cue": quote or cue, "entity": bool(ents),
                     "kept entity": any(e.label_ in KEEP_LABELS for e in ents), "any": quote or cue or bool(ents)}
            out["all"][0] += 1
            out["all"][1] += words
            for name, hit in flags.items():
                if hit:
                    out[name][0] += 1
                    out[name][1] += words
    return out


def component_seconds(texts: list[str], nlp: object) -> dict[str, float]:
    """CPU seconds of each component of ``nlp`` over ``texts`` (tokenizer included), in one process."""
    tok = time.process_time()
    docs = [nlp.make_doc(t) for t in texts]  # type: ignore[attr-defined]
    spent = {"tokenizer": time.process_time() - tok}
    for name, proc in nlp.pipeline:  # type: ignore[attr-defined]
        start = time.process_time()
        docs = list(proc.pipe(docs, batch_size=64)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        spent[name] = time.process_time() - start
    return spent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=400, help="Reuters stories")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--dir", type=Path, default=reuters.DEFAULT_DIR)
    args = parser.parse_args()
    if not args.dir.is_dir():
        print(f"skipped: Reuters-21578 not found at {args.dir} (../shared is absent)")
        return 0
    sets = {"Reuters-21578": [a.text for a in reuters.load(args.articles)]}
    polnear = Path(__file__).resolve().parents[2] / "shared" / "gold" / "polnear" / "dev" / "text"
    if polnear.is_dir():
        sets["PolNeAR dev"] = [p.read_text(encoding="utf-8") for p in sorted(polnear.glob("*.txt"))]
    for name, texts in sets.items():
        got = classify(texts, args.model)
        n_sent, n_words = got["all"]
        print(f"{name}: {len(texts)} texts, {n_sent:,} sentences (senter), {n_words:,} words")
        for cls in CLASSES:
            s, w = got[cls]
            print(f"  {cls:12s} {s / n_sent:6.1%} of sentences  {w / n_words:6.1%} of words")
    import spacy

    texts = sets["Reuters-21578"]
    for label, nlp in (("bare spaCy (model as loaded)", spacy.load(args.model)),
                       ("newsbrief (load_pipeline)", load_pipeline(args.model))):
        component_seconds(texts[:50], nlp)  # warm-up: first-call costs out of the figures
        spent = component_seconds(texts, nlp)
        total = sum(spent.values())
        print(f"{label}, {len(texts)} Reuters stories, CPU-s per component: "
              + ", ".join(f"{k} {v:.2f} ({v / total:.0%})" for k, v in spent.items()) + f"; total {total:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
