"""Train the browser-copy line classifier (an experiment, not shipped: see docs/ingest.md) on ``../shared/pages``.

Every line of every browser copy is labelled from the page itself: ``body`` when its word trigrams are in the
page's reference body (aeb's hand-checked body, Readability's ``expected.html``), ``title`` when it is the page's
headline (aeb gold's title where given, else the title our HTML reader finds), else ``other``. The split is
``benchmarks/pages_data.py``'s rule. A multinomial logistic regression (scikit-learn, at training only) is
fit on train for each regularisation strength and body threshold; the pair with the best body F1 (aeb scorer)
on dev is kept and its test figures written beside the weights (``data/lines.json``).

Usage::

    .venv/bin/python scripts/train_lines.py
"""

from __future__ import annotations

import json
import pickle
import re
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from pages_data import Page, body_f1, norm_words, pages  # noqa: E402

from newsbrief.errors import InputError  # noqa: E402
from newsbrief.ingest import read_html_file  # noqa: E402
sys.path.insert(0, str(ROOT / "scripts"))
from line_features import LABELS, LineModel, features, viterbi_body  # noqa: E402

from newsbrief.ingest.browser import read_browser_copy  # noqa: E402
from newsbrief.ingest.text import _paragraphs, decode_bytes, normalise  # noqa: E402

OUT = ROOT / "reports" / "line-classifier"  # weights and figures of a training run (not package data)
CS = (0.1, 1.0)
TITLE_ODDS = (0.5, 0.7, 0.9, 1.0)  # 1.0: the rule reader's headline always


def _trigrams(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i:i + 3]) for i in range(len(words) - 2)}


def true_title(page: Page, workdir: Path) -> str | None:
    if page.gold is not None:
        return page.gold.get("title")
    path = workdir / "page.html"
    path.write_text(page.html_text(), encoding="utf-8")
    try:
        return read_html_file(path, article_id=page.id).title
    except InputError:
        return None


def copy_lines(page: Page) -> list[str]:
    return _paragraphs(normalise(decode_bytes(page.copy.read_bytes(), path=page.copy)))


def labels(lines: list[str], *, body: str, title: str | None) -> np.ndarray:
    body_words = norm_words(body)
    grams = _trigrams(body_words.split())
    title_key = norm_words(title)
    out = []
    for line in lines:
        key = norm_words(line)
        words = key.split()
        if title_key and key == title_key:
            out.append(2)
        elif len(words) >= 3:
            mine = _trigrams(words)
            out.append(1 if len(mine & grams) >= 0.7 * len(mine) else 0)
        else:
            out.append(1 if key and f" {key} " in f" {body_words} " and len(key) > 3 else 0)
    return np.array(out, dtype=np.int64)


def load(cache: Path | None) -> dict[str, list[tuple[Page, list[str], np.ndarray, np.ndarray, list[str], str | None]]]:
    """Every page's copy lines, features, labels and the rule reader's body and headline, by split."""
    if cache is not None and cache.is_file():
        with cache.open("rb") as handle:
            return pickle.load(handle)
    data: dict[str, list[tuple[Page, list[str], np.ndarray, np.ndarray, list[str], str | None]]] = {
        "train": [], "dev": [], "test": []}
    with tempfile.TemporaryDirectory() as tmp:
        for page in pages():
            lines = copy_lines(page)
            if not lines:
                continue
            y = labels(lines, body=page.body, title=true_title(page, Path(tmp)))
            rule = read_browser_copy(lines)
            data[page.split].append((page, lines, features(lines), y, rule.body if rule else [],
                                     rule.title if rule else None))
    if cache is not None:
        with cache.open("wb") as handle:
            pickle.dump(data, handle)
    return data


def decode(how: str, knob: float, lines: list[str], p: np.ndarray, rule_body: list[str]) -> list[str]:
    """The body lines by one decoder: ``rules`` (the rule reader alone), ``filter`` (the rule reader's lines the
    classifier gives at least ``knob``), ``viterbi`` (a two-state path, switch cost ``knob``)."""
    if how == "rules":
        return rule_body
    if how == "filter":
        prob = dict(zip(lines, p[:, 1]))
        return [line for line in rule_body if prob.get(line, 1.0) >= knob]
    path = viterbi_body(p[:, 1], switch=knob)
    return [line for line, state in zip(lines, path) if state == 1]


DECODERS = [("rules", 0.0)] + [("filter", t) for t in (0.02, 0.05, 0.1, 0.2, 0.3)] + \
    [("viterbi", c) for c in (1.0, 2.0, 4.0, 8.0)]


def main() -> None:
    import argparse

    from sklearn.linear_model import LogisticRegression

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, help="keep the labelled pages here between runs (a pickle)")
    args = parser.parse_args()
    data = load(args.cache)
    print({k: len(v) for k, v in data.items()}, "pages")
    x_train = np.vstack([row[2] for row in data["train"]])
    y_train = np.concatenate([row[3] for row in data["train"]])
    mean, scale = x_train.mean(axis=0), x_train.std(axis=0)
    scale[scale == 0] = 1.0
    print("train lines by label:", {LABELS[i]: int((y_train == i).sum()) for i in range(len(LABELS))})

    def score(model: LineModel, split: str, how: str, knob: float, title_odds: float) -> tuple[float, float]:
        pairs, titles = [], []
        for page, lines, x, y, rule_body, rule_title in data[split]:
            p = model.probabilities_of(x)
            body = decode(how, knob, lines, p, rule_body)
            if page.corpus == "aeb":
                pairs.append((page.body, "\n".join(body)))
            want = [lines[i] for i in np.flatnonzero(y == 2)]
            if want:
                i = int(np.argmax(p[:, 2]))
                title = lines[i] if p[i, 2] > title_odds else rule_title
                titles.append(title is not None and norm_words(title) == norm_words(want[0]))
        return body_f1(pairs), float(np.mean(titles)) if titles else float("nan")

    results = []
    for c in CS:
        clf = LogisticRegression(C=c, max_iter=1000, class_weight="balanced")
        clf.fit((x_train - mean) / scale, y_train)
        model = LineModel(mean=mean, scale=scale, coef=clf.coef_, intercept=clf.intercept_, threshold=0.5)
        for how, knob in DECODERS:
            for odds in TITLE_ODDS:
                f1, title = score(model, "dev", how, knob, odds)
                results.append((f1, title, c, how, knob, odds, model))
                print(f"C={c:<5} {how:8} {knob:<5} title odds {odds:.2f}: dev body F1 {f1:.3f} title {title:.2f}")
    body_best = max(results, key=lambda r: r[0])
    title_best = max(results, key=lambda r: r[1])
    print(f"best body on dev: C={body_best[2]} {body_best[3]} {body_best[4]} -> {body_best[0]:.3f}")
    print(f"best title on dev: C={title_best[2]} odds {title_best[5]} -> {title_best[1]:.2f}")
    f1, _, c, how, knob, _, model = body_best
    _, title, c_t, _, _, odds, model_t = title_best
    test = {"body_f1": score(model, "test", how, knob, 1.0)[0], "title": score(model_t, "test", "rules", 0, odds)[1]}
    rules = {split: score(model, split, "rules", 0.0, 1.0) for split in ("dev", "test")}
    print(f"test: body F1 {test['body_f1']:.3f} (rules {rules['test'][0]:.3f}); title {test['title']:.2f} "
          f"(rules {rules['test'][1]:.2f})")
    OUT.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(OUT / "lines.npz", mean=mean, scale=scale, coef=model.coef, intercept=model.intercept,
                        threshold=np.array(knob))
    (OUT / "lines.json").write_text(json.dumps({
        "labels": list(LABELS), "C": c, "decoder": how, "knob": knob, "title_C": c_t, "title_odds": odds,
        "pages": {k: len(v) for k, v in data.items()}, "train_lines": int(len(y_train)),
        "dev": {"body_f1": round(f1, 4), "title": round(title, 4)},
        "test": {k: round(v, 4) for k, v in test.items()},
        "rules": {k: {"body_f1": round(v[0], 4), "title": round(v[1], 4)} for k, v in rules.items()},
        "command": "scripts/train_lines.py",
    }, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
