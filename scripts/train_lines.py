"""Train the browser-copy line classifier (``src/newsbrief/ingest/data/lines.npz``) on ``../shared/pages``.

Every line of every browser copy is labelled from the page itself: ``body`` when its word trigrams are in the
page's reference body (aeb's hand-checked body, Readability's ``expected.html``), ``title`` when it is the page's
headline (aeb gold's title where given, else the title our HTML reader finds), else ``other``. The split is
``benchmarks/pages_data.py``'s rule. A multinomial logistic regression (scikit-learn, at training only) is
fit on train for each regularisation strength; the decoder (the rule reader's body filtered by the classifier, or
a two-state path over the lines) and its setting with the best body F1 (aeb scorer) on dev are kept, then the
headline odds with the best headline accuracy on dev; test figures are written beside the weights
(``data/lines.json``), with the rule reader's alone for comparison.

Usage::

    .venv/bin/python scripts/train_lines.py
"""

from __future__ import annotations

import json
import math
import pickle
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from newsbrief.errors import InputError  # noqa: E402
from newsbrief.ingest import read_html_file  # noqa: E402
from newsbrief.ingest.browser import _title_like, read_browser_copy  # noqa: E402
from newsbrief.ingest.lines import LABELS, LineModel, features  # noqa: E402
from newsbrief.ingest.text import _paragraphs, decode_bytes, normalise  # noqa: E402
from pages_data import Page, body_f1, norm_words, pages  # noqa: E402

OUT = ROOT / "src" / "newsbrief" / "ingest" / "data"
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


def viterbi_body(p_body: np.ndarray, *, switch: float, prior: float = 0.5) -> np.ndarray:
    """Body or not for each line as the best two-state path: each line's log odds from the classifier (against
    ``prior``), and a cost ``switch`` for every change between story and chrome."""
    eps = 1e-6
    score_body = np.log(np.clip(p_body, eps, 1)) - math.log(prior)
    score_other = np.log(np.clip(1 - p_body, eps, 1)) - math.log(1 - prior)
    n = len(p_body)
    best = np.zeros((n, 2))
    back = np.zeros((n, 2), dtype=np.int64)
    best[0] = [score_other[0], score_body[0]]
    for i in range(1, n):
        for state, emit in ((0, score_other[i]), (1, score_body[i])):
            stay, move = best[i - 1, state], best[i - 1, 1 - state] - switch
            back[i, state] = state if stay >= move else 1 - state
            best[i, state] = max(stay, move) + emit
    path = np.zeros(n, dtype=np.int64)
    path[-1] = int(np.argmax(best[-1]))
    for i in range(n - 1, 0, -1):
        path[i - 1] = back[i, path[i]]
    return path


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
    parser.add_argument("--out", type=Path, default=OUT, help="folder for lines.npz and lines.json")
    parser.add_argument("--no-test", action="store_true",
                        help="select on dev and save without reading test (figures for tuning; read test once)")
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
                title = lines[i] if p[i, 2] > title_odds and _title_like(lines[i], None) else rule_title
                titles.append(title is not None and norm_words(title) == norm_words(want[0]))
        return body_f1(pairs), float(np.mean(titles)) if titles else float("nan")

    results = []
    for c in CS:
        clf = LogisticRegression(C=c, max_iter=1000, class_weight="balanced")
        clf.fit((x_train - mean) / scale, y_train)
        model = LineModel(mean=mean, scale=scale, coef=clf.coef_, intercept=clf.intercept_, body_floor=0.0,
                          title_odds=1.0)
        for how, knob in DECODERS:
            for odds in TITLE_ODDS:
                f1, title = score(model, "dev", how, knob, odds)
                results.append((f1, title, c, how, knob, odds, model))
                print(f"C={c:<5} {how:8} {knob:<5} title odds {odds:.2f}: dev body F1 {f1:.3f} title {title:.2f}")
    f1, _, c, how, knob, _, model = max(results, key=lambda r: r[0])
    _, title, _, _, _, odds, _ = max((r for r in results if r[2] == c and r[3] == how and r[4] == knob),
                                     key=lambda r: r[1])
    print(f"selected on dev: C={c} {how} {knob}, title odds {odds}: body F1 {f1:.3f}, title {title:.2f}")
    splits = ("dev",) if args.no_test else ("dev", "test")
    test = (float("nan"), float("nan")) if args.no_test else score(model, "test", how, knob, odds)
    rules = {split: score(model, split, "rules", 0.0, 1.0) for split in splits}
    if not args.no_test:
        print(f"test: body F1 {test[0]:.3f} (rules alone {rules['test'][0]:.3f}); title {test[1]:.2f} "
              f"(rules alone {rules['test'][1]:.2f})")
    if how != "filter":
        raise SystemExit(f"the {how} decoder won on dev: newsbrief.ingest.lines ships only the filter; not saved")
    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out / "lines.npz", mean=mean, scale=scale, coef=model.coef, intercept=model.intercept,
                        body_floor=np.array(knob), title_odds=np.array(odds))
    (out / "lines.json").write_text(json.dumps({
        "labels": list(LABELS), "C": c, "decoder": how, "body_floor": knob, "title_odds": odds,
        "pages": {k: len(v) for k, v in data.items()}, "train_lines": int(len(y_train)),
        "dev": {"body_f1": round(f1, 4), "title": round(title, 4)},
        "test": None if args.no_test else {"body_f1": round(test[0], 4), "title": round(test[1], 4)},
        "rules_alone": {k: {"body_f1": round(v[0], 4), "title": round(v[1], 4)} for k, v in rules.items()},
        "command": "scripts/train_lines.py",
        "note": "body F1 over the rule reader's lines on aeb pages (pages it gives up on count as empty); "
                "title: share of pages whose headline line is found",
    }, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
