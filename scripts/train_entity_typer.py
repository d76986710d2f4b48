"""Train the entity typer (``src/newsbrief/nlp/data/entity_typer.json``) from GUM and the aeb dev pages.

Examples are the entities newsbrief itself finds in a document (:func:`~newsbrief.nlp.entities.mentions.
candidates`, grouped by :func:`~newsbrief.nlp.entities.mentions.group_mentions`), labelled by the gold:

* GUM (``../shared/gold/gum``, split ``train``): the type of the named gold mention each found mention
  overlaps most (person -> PERSON, organization -> ORG, place -> PLACE, other named types -> OTHER);
* aeb (``../shared/pages/aeb/gold.json``) and our readability gold (``benchmarks/data/entities_pages_gold.json``),
  split ``dev`` only: the type of the gold entity whose form the mention's surface is (forms of two gold
  entities are ambiguous and unused); aeb ``not_entities`` -> OTHER;
* our own gold of 37 other aeb pages (``benchmarks/data/aeb_extra_gold.json``, split ``train``; issue 21's
  eighth pass), labelled the same way, unless ``--no-extra``. Its pages follow the dev pages in the by-page
  folds (so the dev pages' folds do not change), and their held-out accuracy is reported apart; with
  ``--no-extra`` they are only scored, each by its fold's model, which never saw any of them.

A group's label is the majority of its labelled mentions. The model is scikit-learn's multinomial
logistic regression, refitted on GUM train and the dev pages at the chosen ``C``. With several ``--c``
values, each is reported with GUM ``dev`` group accuracy and a 3-fold (by page) cross-validated group
accuracy on the dev pages, and the best mean of the two is chosen. The default, ``--c 0.2`` alone,
reproduces the shipped weights: 0.2 was chosen on the held-out dev-page figures of
``benchmarks/entities_pages.py --held-out`` (docs/entities.md, sixth pass), although the grid's criterion
here prefers 0.5. GUM ``dev`` is never trained on, but it is no independent check: it is half the ``C``
criterion, variants were judged on it, and its lower-case words are in the vocabulary of the word features
(below); ``benchmarks/gum_entities.py --split dev --entities`` is a dev figure. The features of the
dependency parse are left out unless ``--parse`` (they gave nothing on dev; the weights record the choice).
The model's token vectors of the name (``vec<i>``, :mod:`newsbrief.nlp.entities.vectors`) are features
unless ``--no-vectors``; the weights then record the pipeline they come from (``tok2vec``: name, version,
width), which the typer checks. An example of a dev page weighs ``--page-weight`` (3) GUM examples (both
chosen on held-out figures). Word features (``last=``, ``first=``) are kept only for words that occur in
lower case in the training text (GUM train and dev, the dev pages), so no weight is keyed on a name.

Before writing, the fitted weights type the invented acceptance set of ``benchmarks/typer_acceptance.py``
(bare surnames with a person's pronoun, "Ms X", one-word companies with "its", families, teams) end to end, as
do the weights they would replace; the script reports both and writes nothing when the new weights type more
cases wrong, unless ``--force`` (the held-out figures on the pages missed such a class once: it is rare there).

``--cache DIR`` keeps the parsed documents (a DocBin and the tensors beside it, which a DocBin does not
keep) under a key of the texts, the pipeline (:func:`~newsbrief.nlp.pipeline.pipeline_fingerprint`), the
code version of the parse (newsbrief's NER and components, ``parse_cache.PARSE_CODE``) and the tensor width; a
cached tensor of the wrong shape is parsed again.

Usage::

    PYTHONPATH=src .venv/bin/python scripts/train_entity_typer.py            # the shipped weights (C=0.2)
    PYTHONPATH=src .venv/bin/python scripts/train_entity_typer.py --dry-run --c 0.1 0.2 0.3 0.5 1.0  # a grid
    PYTHONPATH=src .venv/bin/python scripts/train_entity_typer.py --dry-run  # report only
    PYTHONPATH=src .venv/bin/python scripts/train_entity_typer.py --cache /tmp/typer-docs  # parse once
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from entities_pages import AEB, _key, load_set  # noqa: E402
from gum_data import GUM, load  # noqa: E402
from newsbrief.nlp.entities.mentions import candidates, group_mentions, rule_labels  # noqa: E402
from newsbrief.nlp.entities.typer import CLASSES  # noqa: E402
from newsbrief.nlp.entities.typer_features import group_features  # noqa: E402
from newsbrief.nlp.entities.vectors import pipeline_record  # noqa: E402
from newsbrief.nlp.pipeline import load_pipeline  # noqa: E402
from parse_cache import parse_key, read_docs, write_docs  # noqa: E402
from typer_acceptance import failures  # noqa: E402

OUT = ROOT / "src" / "newsbrief" / "nlp" / "data" / "entity_typer.json"
#: Where ``--no-vectors`` writes by default: the weights another pipeline is typed with (never the shipped ones).
OUT_PLAIN = ROOT / "src" / "newsbrief" / "nlp" / "data" / "entity_typer_plain.json"
GUM_CLASS = {"PER": "PERSON", "ORG": "ORG", "LOC": "PLACE", "MISC": "OTHER"}
AEB_CLASS = {"person": "PERSON", "organisation": "ORG", "place": "PLACE"}
FOLDS = 3
RULE_CLASS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}

Example = tuple[dict[str, float], str, str]  # features, gold class, rules' class


PARSE = False  # --parse: the features of the dependency parse too
VECTORS = True  # --no-vectors: without the model's token vectors of the name
CACHE: Path | None = None  # --cache DIR: parsed documents kept between runs (DocBin, tensors beside it)


def parsed(nlp: Any, name: str, texts: list[str]) -> list[Any]:
    """``nlp.pipe(texts)``, read from / written to the cache directory when one is given, in a file named by
    :func:`parse_cache.parse_key`."""
    path = CACHE / f"{name}-{parse_key(nlp, texts)[:16]}.spacy" if CACHE is not None else None
    if path is not None and path.is_file():
        kept = read_docs(path, nlp, texts)
        if kept is not None:
            return kept
        print(f"cache {path} does not match its texts or tensors: parsing again", file=sys.stderr)
    docs = list(nlp.pipe(texts))
    if path is not None:
        write_docs(path, docs)
    return docs


def _examples(doc: Any, label_of: Any) -> list[Example]:
    found = candidates(doc)
    if not found:
        return []
    groups = group_mentions(found)
    rule = rule_labels(found, groups)
    feats = group_features(found, groups, rule, parse=PARSE, vectors=VECTORS)
    votes: dict[int, Counter[str]] = {}
    rule_of: dict[int, str] = {}
    for (span, _, _), g, r in zip(found, groups, rule):
        lab = label_of(span)
        if lab is not None:
            votes.setdefault(g, Counter())[lab] += 1
        rule_of[g] = RULE_CLASS.get(r, "OTHER")
    return [(feats[g], v.most_common(1)[0][0], rule_of[g]) for g, v in votes.items()]


def gum_examples(split: str, nlp: Any) -> tuple[list[Example], Counter[str]]:
    docs = load(split)
    out: list[Example] = []
    lower: Counter[str] = Counter()
    for d, doc in zip(docs, parsed(nlp, f"gum-{split}", [d.text for d in docs])):
        lower.update(t.text for t in doc if t.is_alpha and t.is_lower)
        named = d.named

        def label_of(span: Any, named: list[tuple[int, int, str, str]] = named) -> str | None:
            best, overlap = None, 0
            for a, b, t, _ in named:
                o = min(b, span.end_char) - max(a, span.start_char)
                if o > overlap:
                    best, overlap = t, o
            return GUM_CLASS[best] if best is not None else None

        out += _examples(doc, label_of)
    return out, lower


def page_examples(set_name: str, split: str, nlp: Any) -> tuple[list[list[Example]], Counter[str], list[str]]:
    """Examples per page of a hand gold of pages (``aeb`` or our ``readability`` gold), one split; the
    lower-case words seen; the page names."""
    pages, texts = load_set(set_name)
    names = [p for p, g in sorted(pages.items()) if g["split"] == split]
    out: list[list[Example]] = []  # per page
    lower: Counter[str] = Counter()
    for name, doc in zip(names, parsed(nlp, f"{set_name}-{split}", [texts[p] for p in names])):
        lower.update(t.text for t in doc if t.is_alpha and t.is_lower)
        forms: dict[str, set[str]] = {}
        for ent in pages[name]["entities"]:
            for f in ent["forms"]:
                forms.setdefault(_key(f), set()).add(AEB_CLASS.get(ent["type"], "OTHER"))
        for f in pages[name].get("not_entities", []):
            forms.setdefault(_key(f), set()).add("OTHER")

        def label_of(span: Any, forms: dict[str, set[str]] = forms) -> str | None:
            types = forms.get(_key(span.text))
            return next(iter(types)) if types is not None and len(types) == 1 else None

        out.append(_examples(doc, label_of))
    return out, lower, names


def _keep(feature: str, vocab: set[str]) -> bool:
    name, _, value = feature.partition("=")
    return name not in {"last", "first"} or value in vocab


PAGE_WEIGHT = 3.0  # --page-weight: weight of a dev page's example against a GUM one


def fit(train: list[Example], vocab: set[str], c: float, min_count: int = 2, pages: int = 0) -> tuple[Any, Any]:
    """The model on ``train``; its last ``pages`` examples (the dev pages') weigh :data:`PAGE_WEIGHT` each."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    seen: Counter[str] = Counter(k for f, _, _ in train for k in f)
    rows = [{k: v for k, v in f.items() if seen[k] >= min_count and _keep(k, vocab)} for f, _, _ in train]
    vec = DictVectorizer()
    x = vec.fit_transform(rows)
    model = LogisticRegression(C=c, max_iter=3000)
    weights = [1.0] * (len(train) - pages) + [PAGE_WEIGHT] * pages
    model.fit(x, [y for _, y, _ in train], sample_weight=weights)
    return vec, model


def accuracy(vec: Any, model: Any, data: list[Example]) -> tuple[float, float]:
    """(model accuracy, rules' accuracy) on groups."""
    if not data:
        return float("nan"), float("nan")
    pred = model.predict(vec.transform([f for f, _, _ in data]))
    return (sum(p == y for p, (_, y, _) in zip(pred, data)) / len(data), sum(r == y for _, y, r in data) / len(data))


def export(vec: Any, model: Any) -> dict[str, Any]:
    classes = [str(c) for c in model.classes_]
    weights: dict[str, list[float]] = {}
    for j, name in enumerate(vec.feature_names_):
        w = [float(model.coef_[k][j]) for k in range(len(classes))]
        if max(abs(v) for v in w) >= 1e-3:
            weights[name] = [round(v, 4) for v in w]
    bias = weights.get("bias", [0.0] * len(classes))
    weights["bias"] = [round(b + float(i), 4) for b, i in zip(bias, model.intercept_)]
    return {"about": "newsbrief entity typer: multinomial logistic regression, scripts/train_entity_typer.py",
            "classes": classes, "weights": weights}


def fit_fold(gum: list[Example], pages: list[list[Example]], vocab: set[str], c: float, k: int, *,
             learn_extra: bool, n_dev: int) -> tuple[Any, Any]:
    """The model of fold ``k``: GUM train and the pages not in fold ``k`` (page ``i`` is in fold ``i % FOLDS``);
    the pages from ``n_dev`` on (the extra gold) only if ``learn_extra``."""
    rest = [e for i, page in enumerate(pages) if i % FOLDS != k and (learn_extra or i < n_dev) for e in page]
    return fit(gum + rest, vocab, c, pages=len(rest))


def fold_accuracy(gum: list[Example], pages: list[list[Example]], vocab: set[str], c: float, *,
                  learn_extra: bool, n_dev: int) -> dict[str, tuple[float, float, int]]:
    """Held-out group accuracy (model, rules, groups) of the dev pages (the first ``n_dev``) and of the extra
    pages, each page typed by the model of its fold (:func:`fit_fold`)."""
    hits: Counter[str] = Counter()
    base: Counter[str] = Counter()
    n: Counter[str] = Counter()
    for k in range(FOLDS):
        vk, mk = fit_fold(gum, pages, vocab, c, k, learn_extra=learn_extra, n_dev=n_dev)
        for part, held in (("dev pages", [e for i, p in enumerate(pages) if i % FOLDS == k and i < n_dev for e in p]),
                           ("extra pages", [e for i, p in enumerate(pages) if i % FOLDS == k and i >= n_dev
                                            for e in p])):
            a, r = accuracy(vk, mk, held)
            if held:
                hits[part] += a * len(held)
                base[part] += r * len(held)
                n[part] += len(held)
    return {part: (hits[part] / n[part], base[part] / n[part], n[part]) for part in n}


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line; ``--out`` defaults by ``--no-vectors`` (:data:`OUT`, :data:`OUT_PLAIN`)."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dry-run", action="store_true", help="report, write nothing")
    parser.add_argument("--c", type=float, nargs="+", default=[0.2],
                        help="C values to choose from (default 0.2: the shipped weights; see above)")
    parser.add_argument("--gum-only", action="store_true",
                        help="train on GUM train alone; the dev pages and GUM dev are only scored (unseen), so "
                             "the end-to-end dev figures (benchmarks/entities_pages.py, gum_entities.py "
                             "--entities) stay honest")
    parser.add_argument("--parse", action="store_true",
                        help="use the features of the dependency parse (the name's dependency and head)")
    parser.add_argument("--no-vectors", dest="vectors", action="store_false",
                        help="leave out the model's token vectors of the name (doc.tensor of the shared tok2vec), "
                             "features of the shipped typer since issue 21's sixth pass")
    parser.add_argument("--page-weight", type=float, default=3.0,
                        help="weight of a dev page's example against a GUM train one (default 3: news pages "
                             "are what newsbrief types; GUM is mostly other genres)")
    parser.add_argument("--no-extra", dest="extra", action="store_false",
                        help="leave out our own gold of other aeb pages (benchmarks/data/aeb_extra_gold.json): "
                             "those pages are then only scored, by fold models that never saw them")
    parser.add_argument("--out", type=Path,
                        help="where to write the weights (default: the shipped file; with --no-vectors the weights "
                             "another pipeline falls back to: src/newsbrief/nlp/data/entity_typer_plain.json)")
    parser.add_argument("--force", action="store_true",
                        help="write the weights even when they type more acceptance cases wrong than the old ones")
    parser.add_argument("--cache", type=Path, help="keep the parsed documents in this directory between runs")
    parser.add_argument("--folds-out", type=Path,
                        help="also write the model of each fold (fold0.json ...: GUM train and the other folds' "
                             "pages, chosen C) and folds.json (page -> fold) here, for "
                             "benchmarks/entities_pages.py --held-out DIR")
    args = parser.parse_args(argv)
    if args.out is None:
        args.out = OUT if args.vectors else OUT_PLAIN
    return args


def main() -> None:
    args = parse_args()
    global PARSE, CACHE, VECTORS, PAGE_WEIGHT
    PARSE, CACHE, VECTORS, PAGE_WEIGHT = args.parse, args.cache, args.vectors, args.page_weight
    if not GUM.is_dir() or not AEB.is_dir():
        sys.exit("needs ../shared/gold/gum and ../shared/pages/aeb")
    nlp = load_pipeline()
    gum_train, v1 = gum_examples("train", nlp)
    gum_dev, v2 = gum_examples("dev", nlp)
    aeb_pages, v3, names = page_examples("aeb", "dev", nlp)
    rd_pages, v4, rd_names = page_examples("readability", "dev", nlp)
    aeb_pages += rd_pages  # the dev pages of both hand golds, cross-validated by page together
    names += rd_names
    # our own gold of other aeb pages (all "train"), after the dev pages so their folds stay as they were;
    # with --no-extra they are only scored, by fold models that never saw any of them
    extra_pages, v5, extra_names = page_examples("aeb-extra", "train", nlp)
    n_dev = len(aeb_pages)
    all_pages, names = aeb_pages + extra_pages, names + extra_names
    learn = all_pages if args.extra else aeb_pages  # the pages a model may be trained on
    aeb_dev = [e for page in learn for e in page]
    words = v1 + v2 + v3 + v4 + (v5 if args.extra else Counter())
    vocab = {w for w, n in (v1 if args.gum_only else words).items() if n >= 2}
    print(f"groups: GUM train {len(gum_train)}, GUM dev {len(gum_dev)}, dev pages {sum(map(len, aeb_pages))}, "
          f"extra pages {sum(map(len, extra_pages))} ({'trained on' if args.extra else 'scored only'}); "
          f"classes {Counter(y for _, y, _ in gum_train + aeb_dev)}")
    best = (-1.0, args.c[0])
    for c in args.c:
        vec, model = fit(gum_train + ([] if args.gum_only else aeb_dev), vocab, c,
                         pages=0 if args.gum_only else len(aeb_dev))
        acc, rules = accuracy(vec, model, gum_dev)
        line = f"C={c}: GUM dev group accuracy {acc:.3f} (rules {rules:.3f})"
        if args.gum_only:  # the dev pages are unseen by a model trained on GUM train alone
            a, r = accuracy(vec, model, aeb_dev)
            line += f"; dev pages group accuracy {a:.3f} (rules {r:.3f})"
            score = (acc + a) / 2
        else:  # every page scored by a model that never saw it (3 folds by page)
            held = fold_accuracy(gum_train, all_pages, vocab, c, learn_extra=args.extra, n_dev=n_dev)
            line += "; " + ", ".join(f"{part} {FOLDS}-fold group accuracy {a:.3f} (rules {r:.3f}, {n} groups)"
                                     for part, (a, r, n) in held.items())
            score = (acc + held["dev pages"][0]) / 2
        print(line)
        best = max(best, (score, c))
    if args.folds_out is not None and not args.gum_only:
        args.folds_out.mkdir(parents=True, exist_ok=True)
        for k in range(FOLDS):
            vk, mk = fit_fold(gum_train, all_pages, vocab, best[1], k, learn_extra=args.extra, n_dev=n_dev)
            fold = {**export(vk, mk), "C": best[1], "parse": PARSE, "vectors": VECTORS}
            if VECTORS:
                fold["tok2vec"] = pipeline_record(nlp)
            (args.folds_out / f"fold{k}.json").write_text(json.dumps(fold, separators=(",", ":")) + "\n", "utf-8")
        (args.folds_out / "folds.json").write_text(json.dumps({n: i % FOLDS for i, n in enumerate(names)}), "utf-8")
        print(f"wrote the {FOLDS} fold models to {args.folds_out}")
    # GUM dev is not trained on (its words are in the vocabulary, and it helped choose C and the variants)
    vec, model = fit(gum_train if args.gum_only else gum_train + aeb_dev, vocab, best[1],
                     pages=0 if args.gum_only else len(aeb_dev))
    data = export(vec, model)
    data["trained_on"] = ("GUM train" if args.gum_only else
                          "GUM train, aeb dev, readability dev" + (", aeb extra gold" if args.extra else ""))
    data["C"] = best[1]
    data["parse"] = PARSE
    data["vectors"] = VECTORS
    if VECTORS:  # which pipeline's token vectors the weights were fit on: the typer checks it
        data["tok2vec"] = pipeline_record(nlp)
    data["page_weight"] = PAGE_WEIGHT
    print(f"chosen C={best[1]}; {len(data['weights'])} features; classes {data['classes']} (expected {CLASSES})")
    worse = acceptance(nlp, data, args.out)
    if worse and not args.dry_run and not args.force:
        sys.exit(f"not written: the new weights type {worse} more acceptance cases wrong than {args.out} (--force)")
    if not args.dry_run:
        args.out.write_text(json.dumps(data, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KB)")


def acceptance(nlp: Any, data: dict[str, Any], old: Path) -> int:
    """Report the invented acceptance set (``benchmarks/typer_acceptance.py``) typed with the weights ``data``
    and with those at ``old`` (if any); how many more cases the new weights type wrong."""
    from newsbrief.nlp.entities.typer import Typer

    def typer(raw: dict[str, Any]) -> Typer:
        return Typer(list(raw["classes"]), {k: list(v) for k, v in raw["weights"].items()},
                     parse=bool(raw.get("parse", True)), vectors=bool(raw.get("vectors", False)),
                     tok2vec=raw.get("tok2vec"))

    n, missed, bad = failures(nlp, typer(data))
    print(f"acceptance set (benchmarks/typer_acceptance.py): {len(bad)} of {n} cases typed wrong by the new "
          f"weights ({missed} not found by the NER)")
    for text, name, want, got in bad:
        print(f"  {name}: want {want}, got {got} | {text}")
    if not old.is_file():
        return 0
    _, _, before = failures(nlp, typer(json.loads(old.read_text(encoding="utf-8"))))
    print(f"acceptance set: {len(before)} of {n} typed wrong by the weights at {old}")
    return max(0, len(bad) - len(before))


if __name__ == "__main__":
    main()
