"""Train newsbrief's named-entity recogniser: spaCy's NER retrained on GUM's named mentions with rehearsal.

Data (``../shared``; nothing of it is copied into the project):

* **Gold**: GUM ``train`` documents (``benchmarks/gum_data.py`` reads them). A named ``person`` is PERSON,
  ``organization`` ORG; a ``place`` is GPE when its Wikipedia identity (GUM gives one for most named
  mentions) is a country, US state, continent or large city in newsbrief's gazetteer, else the original
  model's label when it gave the same span GPE, LOC or FAC, else LOC. The original model's spans of other
  labels (DATE, MONEY, NORP, ...) are kept where they overlap no gold name; its PERSON/ORG/GPE/LOC/FAC spans
  that overlap no named GUM mention are dropped (GUM marks every mention: such a span is no name of those
  types); on a named GUM mention of another type (an event, a work, an object) a span of the original model
  of another label is kept, one of PERSON/ORG/GPE/LOC/FAC is left unknown (missing, not "O").
* **Rehearsal** (so the model forgets nothing): silver annotations of the original model, all 18 OntoNotes
  labels, on news text: the first ``--reuters`` Reuters-21578 stories with a body and the PolNeAR ``train``
  texts (cut to ``--polnear``).

Variants (``--variant``):

* ``finetune``: the model's own NER (its own tok2vec: hash embeddings + a 4-layer CNN) fine-tuned;
* ``listener``: a new NER head (the same transition-based parser of width 64) that reads the model's shared
  ``tok2vec`` (the one the tagger and parser listen to), frozen: no embedding of its own, so most of the NER's
  CPU goes; trained on the silver (distillation) and the gold together.
* ``shallow``: a student of ``--teacher`` (a NER folder, whose entities are then the silver): its embeddings and
  the first ``--depth`` of its encoder layers, fine-tuned (docs/entities.md: depth 2 and 3 lowered the page
  figures and were not shipped). ``--select agreement`` keeps the epoch that agrees best with the teacher.

Selection: the epoch with the best GUM ``dev`` PER/ORG/LOC exact-span F1 of the NER alone (spans mapped
as ``benchmarks/gum_entities.py`` maps them); the agreement with the original model on held-out silver
(stories after the training ones) is printed beside it. GUM ``test`` is never read here. Seeded and
single-threaded: the same command gives the same weights (unless ``--minutes`` ends an epoch midway).

Output: a folder in spaCy's ``to_disk`` format of the component plus ``newsbrief_ner.json`` (the factory
config), which :func:`newsbrief.nlp.pipeline.load_pipeline` puts in place of the model's ``ner``::

    PYTHONPATH=src nice -n 10 .venv/bin/python scripts/train_ner.py --variant listener --out /tmp/ner-listener
    PYTHONPATH=src nice -n 10 .venv/bin/python scripts/train_ner.py --variant finetune --out /tmp/ner-finetune
    # then copy the chosen folder to src/newsbrief/nlp/data/ner
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sys
import time
import urllib.parse
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from gum_data import GUM, SHARED, GumDoc, load  # noqa: E402
from gum_entities import gold_spans, ner_spans, score  # noqa: E402
from newsbrief.nlp.entities.gazetteer import is_place  # noqa: E402
from newsbrief.nlp.pipeline import DEFAULT_MODEL, NER_CONFIG_FILE, replace_ner  # noqa: E402
from reuters import iter_articles  # noqa: E402

POLNEAR = SHARED / "gold" / "polnear"
#: The model's labels that GUM's person/organization/place cover (the rest are rehearsed as they are).
COVERED = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
SEED = 0

Ents = list[tuple[int, int, str]]


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


def silver_texts(*, reuters: int, polnear: int, held_out: int) -> tuple[list[str], list[str]]:
    """(training texts, held-out texts): Reuters stories in corpus order and PolNeAR train texts."""
    stories: list[str] = []
    for article in iter_articles():
        if len(article.text.split()) >= 40:
            stories.append(article.text)
            if len(stories) >= reuters + held_out:
                break
    train, held = stories[:reuters], stories[reuters:reuters + held_out]
    folder = POLNEAR / "train" / "text"
    if folder.is_dir():
        for path in sorted(folder.glob("*.txt"))[:polnear]:
            train.append(path.read_text(encoding="utf-8")[:6000])
    return train, held


def original_entities(nlp: Any, texts: list[str], *, cache: Path | None) -> list[Ents]:
    """The original model's entities of ``texts`` (read from / written to ``cache``, a JSON file, when given)."""
    key = hashlib.sha1("\0".join(texts).encode()).hexdigest()
    if cache is not None and cache.is_file():
        data = json.loads(cache.read_text(encoding="utf-8"))
        if data.get("key") == key:
            return [[(a, b, lab) for a, b, lab in ents] for ents in data["ents"]]
    with nlp.select_pipes(enable=["ner"]):  # the model's NER has its own tok2vec: nothing else runs
        out = [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in nlp.pipe(texts, batch_size=64)]
    if cache is not None:
        cache.write_text(json.dumps({"key": key, "ents": out}), encoding="utf-8")
    return out


def place_label(name: str, identity: str, model_label: str | None) -> str:
    """GPE or LOC (or FAC) for a named GUM place, from its Wikipedia identity first."""
    if identity:
        title = urllib.parse.unquote(identity).replace("_", " ")
        title = title.split(" (")[0].split(", ")[0]
        if is_place(title):
            return "GPE"
    if model_label in {"GPE", "LOC", "FAC"}:
        return model_label
    return "GPE" if not identity and is_place(name) else "LOC"


def merged_ents(gum: GumDoc, model_ents: Ents) -> tuple[Ents, list[tuple[int, int]]]:
    """(entities, unknown spans) of one GUM document: gold names over the model's rehearsed other labels."""
    model_at = {(a, b): lab for a, b, lab in model_ents}
    gold: Ents = []
    unknown: list[tuple[int, int]] = []
    for a, b, typ, _ in gum.named:
        if typ == "PER":
            gold.append((a, b, "PERSON"))
        elif typ == "ORG":
            gold.append((a, b, "ORG"))
        elif typ == "LOC":
            gold.append((a, b, place_label(gum.text[a:b], gum.identity.get((a, b), ""), model_at.get((a, b)))))
    misc = [(a, b) for a, b, typ, _ in gum.named if typ == "MISC"]
    out = list(gold)
    for a, b, lab in model_ents:
        if any(a < gb and ga < b for ga, gb, _ in gold):
            continue
        on_misc = any(a < mb and ma < b for ma, mb in misc)
        if lab in COVERED:
            if on_misc:
                unknown.append((a, b))
            continue
        out.append((a, b, lab))
    return sorted(out), unknown


def make_example(nlp: Any, text: str, ents: Ents, unknown: list[tuple[int, int]]) -> Any:
    from spacy.tokens import Span
    from spacy.training import Example

    doc = nlp.make_doc(text)
    spans = []
    taken: set[int] = set()
    for a, b, lab in ents:
        span = doc.char_span(a, b, label=lab, alignment_mode="contract")
        if span is None or len(span) == 0 or taken & set(range(span.start, span.end)):
            continue
        taken.update(range(span.start, span.end))
        spans.append(span)
    missing = []
    for a, b in unknown:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is not None and not taken & set(range(span.start, span.end)):
            missing.append(Span(doc, span.start, span.end))
    ref = nlp.make_doc(text)
    ref.set_ents([Span(ref, s.start, s.end, label=s.label_) for s in spans],
                 missing=[Span(ref, s.start, s.end) for s in missing], default="outside")
    return Example(doc, ref)


def new_ner(nlp: Any, *, variant: str, hidden: int, depth: int) -> dict[str, Any]:
    """Put the NER to train in place of the model's; return its factory config."""
    if variant == "finetune":
        config = {"model": nlp.config["components"]["ner"]["model"]}
        return config
    if variant == "shallow":
        return shallow(nlp.get_pipe("ner"), nlp.config["components"]["ner"]["model"], depth=depth)
    width = nlp.get_pipe("tok2vec").model.get_dim("nO")
    config = {"model": {
        "@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner", "extra_state_tokens": False,
        "hidden_width": hidden, "maxout_pieces": 2, "use_upper": True, "nO": None,
        "tok2vec": {"@architectures": "spacy.Tok2VecListener.v1", "width": width, "upstream": "tok2vec"},
    }}
    nlp.replace_pipe("ner", "ner", config=config)
    nlp.get_pipe("tok2vec").find_listeners(nlp.get_pipe("ner"))
    return config


def shallow(ner: Any, model_config: dict[str, Any], *, depth: int) -> dict[str, Any]:
    """Keep the first ``depth`` layers of the NER's own encoder (the student starts from the teacher's weights).

    The config returned builds the same network with ``depth`` layers, so the saved weights load into it.
    """
    encoders = [node for node in ner.model.walk()
                if len(node.layers) > depth and all(layer.name.startswith("residual(") for layer in node.layers)]
    if len(encoders) != 1:
        raise SystemExit(f"no single residual encoder in the NER ({len(encoders)} found)")
    del encoders[0].layers[depth:]
    config = json.loads(json.dumps(dict(model_config)))
    config["tok2vec"]["encode"]["depth"] = depth
    return {"model": config}


def gum_dev_f1(nlp: Any, docs: list[GumDoc]) -> float:
    return score(gold_spans(docs), ner_spans(nlp, docs))["all"][2]


def silver_agreement(nlp: Any, texts: list[str], reference: list[Ents]) -> float:
    """Micro F1 of the NER's entities (all labels) against the original model's on held-out text."""
    tp = fp = fn = 0
    for doc, ref in zip(nlp.pipe(texts), reference):
        got = {(e.start_char, e.end_char, e.label_) for e in doc.ents}
        want = set(ref)
        tp += len(got & want)
        fp += len(got - want)
        fn += len(want - got)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--variant", choices=("listener", "finetune", "shallow"), required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--reuters", type=int, default=1200, help="Reuters stories for rehearsal")
    parser.add_argument("--polnear", type=int, default=200, help="PolNeAR train texts for rehearsal")
    parser.add_argument("--held-out", type=int, default=200, help="Reuters stories to check rehearsal")
    parser.add_argument("--gum-weight", type=int, default=2, help="times each GUM train document is seen per epoch")
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--minutes", type=float, default=25.0, help="stop after the epoch that passes this")
    parser.add_argument("--learn-rate", type=float, default=None)
    parser.add_argument("--silver-cache", type=Path, help="JSON file keeping the original model's entities")
    parser.add_argument("--hidden", type=int, default=64, help="hidden width of the listener variant's NER")
    parser.add_argument("--dropout", type=float, default=0.1)
    parser.add_argument("--teacher", type=Path, help="a NER folder (nlp/data/ner) whose entities are the silver")
    parser.add_argument("--depth", type=int, default=2, help="encoder layers the shallow variant keeps")
    parser.add_argument("--select", choices=("gum", "agreement"), default="gum",
                        help="keep the epoch with the best GUM dev F1, or the best agreement with the "
                             "original (the teacher's) entities on the held-out stories")
    parser.add_argument("--keep-epochs", action="store_true", help="also write every epoch to OUT/epochN")
    args = parser.parse_args()
    if not GUM.is_dir():
        sys.exit(f"GUM not found at {GUM}")

    import spacy
    from thinc.api import Adam

    spacy.util.fix_random_seed(SEED)
    random.seed(SEED)
    began = time.monotonic()
    nlp = spacy.load(DEFAULT_MODEL)
    if args.teacher:
        replace_ner(nlp, args.teacher)
    texts, held = silver_texts(reuters=args.reuters, polnear=args.polnear, held_out=args.held_out)
    gum_train, gum_dev = load("train"), load("dev")
    log(f"silver {len(texts)} texts ({sum(len(t.split()) for t in texts):,} words), held out {len(held)}; "
        f"GUM train {len(gum_train)}, dev {len(gum_dev)}")
    every = texts + held + [d.text for d in gum_train]
    original = original_entities(nlp, every, cache=args.silver_cache)
    silver_ents, held_ents, gum_model = (original[:len(texts)], original[len(texts):len(texts) + len(held)],
                                         original[len(texts) + len(held):])
    log(f"original model annotated ({time.monotonic() - began:.0f} s)")
    with nlp.select_pipes(enable=["ner"]):
        base_dev = gum_dev_f1(nlp, gum_dev)
    log(f"original model: GUM dev F1 {base_dev:.3f}")

    examples = [make_example(nlp, t, e, []) for t, e in zip(texts, silver_ents)]
    gold_examples = []
    for d, model_ents in zip(gum_train, gum_model):
        ents, unknown = merged_ents(d, model_ents)
        gold_examples.append(make_example(nlp, d.text, ents, unknown))

    config = new_ner(nlp, variant=args.variant, hidden=args.hidden, depth=args.depth)
    ner = nlp.get_pipe("ner")
    train_set = examples + gold_examples * args.gum_weight
    if args.variant == "listener":
        ner.initialize(lambda: train_set, nlp=nlp)
    # a new head learns from scratch (0.002, as the listener was trained); the others start from trained weights
    learn_rate = args.learn_rate or (0.002 if args.variant == "listener" else 0.0005)
    optimizer = Adam(learn_rate)
    others = [n for n in nlp.pipe_names if n != "ner"]
    annotates = ["tok2vec"] if args.variant == "listener" else []
    best = (-1.0, -1)
    args.out.mkdir(parents=True, exist_ok=True)
    for epoch in range(1, args.epochs + 1):
        random.shuffle(train_set)
        losses: dict[str, float] = {}
        for batch in spacy.util.minibatch(train_set, size=spacy.util.compounding(8.0, 32.0, 1.001)):
            nlp.update(batch, sgd=optimizer, drop=args.dropout, losses=losses, exclude=others, annotates=annotates)
            if time.monotonic() - began > args.minutes * 60:
                log("time budget reached inside the epoch: the weights so far are evaluated")
                break
        with ner.model.use_params(optimizer.averages) if optimizer.averages else _nothing(), \
                nlp.select_pipes(enable=[p for p in ("tok2vec", "ner") if p in annotates + ["ner"]]):
            f1 = gum_dev_f1(nlp, gum_dev)
            agree = silver_agreement(nlp, held, held_ents)
            figure = agree if args.select == "agreement" else f1
            if figure > best[0]:
                best = (figure, epoch)
                ner.to_disk(args.out, exclude=["vocab"])
                write_meta(args, config, best, base_dev, f1=f1, agreement=agree)
            if args.keep_epochs:
                ner.to_disk(args.out / f"epoch{epoch}", exclude=["vocab"])
                write_meta(args, config, (figure, epoch), base_dev, f1=f1, agreement=agree,
                           out=args.out / f"epoch{epoch}")
        log(f"epoch {epoch}: loss {losses.get('ner', 0):.0f}, GUM dev F1 {f1:.3f} (original {base_dev:.3f}), "
            f"held-out agreement with the original {agree:.3f}")
        if time.monotonic() - began > args.minutes * 60:
            log("time budget reached")
            break
    log(f"kept epoch {best[1]} ({args.select} {best[0]:.3f}) in {args.out}")
    return 0


def write_meta(args: argparse.Namespace, config: dict[str, Any], best: tuple[float, int], base_dev: float, *,
               f1: float, agreement: float, out: Path | None = None) -> None:
    """:data:`NER_CONFIG_FILE` beside the weights: the factory config and how they were made."""
    meta = {"variant": args.variant, "factory": "ner", "config": config, "epoch": best[1],
            "gum_dev_f1": round(f1, 4), "gum_dev_f1_original": round(base_dev, 4),
            "held_out_agreement": round(agreement, 4), "seed": SEED,
            "args": {k: str(v) for k, v in vars(args).items() if k not in ("out", "silver_cache", "teacher")}}
    (out or args.out).joinpath(NER_CONFIG_FILE).write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")


class _nothing:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


if __name__ == "__main__":
    sys.exit(main())
