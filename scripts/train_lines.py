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
from line_features import LABELS, LineModel, features, learned_body  # noqa: E402
from newsbrief.ingest.text import _paragraphs, decode_bytes, normalise  # noqa: E402

OUT = ROOT / "reports" / "line-classifier"  # weights and figures of a training run (not package data)
CS = (0.1, 1.0, 10.0)
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)


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


def main() -> None:
    from sklearn.linear_model import LogisticRegression

    data: dict[str, list[tuple[Page, list[str], np.ndarray, np.ndarray]]] = {"train": [], "dev": [], "test": []}
    with tempfile.TemporaryDirectory() as tmp:
        for page in pages():
            lines = copy_lines(page)
            if not lines:
                continue
            y = labels(lines, body=page.body, title=true_title(page, Path(tmp)))
            data[page.split].append((page, lines, features(lines), y))
    print({k: len(v) for k, v in data.items()}, "pages")
    x_train = np.vstack([x for *_, x, _ in data["train"]])
    y_train = np.concatenate([y for *_, y in data["train"]])
    mean, scale = x_train.mean(axis=0), x_train.std(axis=0)
    scale[scale == 0] = 1.0
    print("train lines by label:", {LABELS[i]: int((y_train == i).sum()) for i in range(len(LABELS))})

    def score(model: LineModel, split: str) -> tuple[float, float]:
        pairs, titles = [], []
        for page, lines, x, y in data[split]:
            body, _, _, title = learned_body(lines, model, rows=x)
            if page.corpus == "aeb":
                pairs.append((page.body, "\n".join(body)))
            want = [lines[i] for i in np.flatnonzero(y == 2)]
            if want:
                titles.append(title is not None and norm_words(title) == norm_words(want[0]))
        return body_f1(pairs), float(np.mean(titles)) if titles else float("nan")

    best: tuple[float, float, float, LineModel] | None = None
    for c in CS:
        clf = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
        clf.fit((x_train - mean) / scale, y_train)
        for threshold in THRESHOLDS:
            model = LineModel(mean=mean, scale=scale, coef=clf.coef_, intercept=clf.intercept_, threshold=threshold)
            f1, title = score(model, "dev")
            print(f"C={c:<5} threshold={threshold:.2f}  dev body F1 {f1:.3f}  title {title:.2f}")
            if best is None or f1 + 0.1 * title > best[0] + 0.1 * best[1]:
                best = (f1, title, c, model)
    assert best is not None
    f1, title, c, model = best
    test_f1, test_title = score(model, "test")
    print(f"selected C={c} threshold={model.threshold}: dev F1 {f1:.3f} title {title:.2f}; "
          f"test F1 {test_f1:.3f} title {test_title:.2f}")
    OUT.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(OUT / "lines.npz", mean=mean, scale=scale, coef=model.coef, intercept=model.intercept,
                        threshold=np.array(model.threshold))
    (OUT / "lines.json").write_text(json.dumps({
        "labels": list(LABELS), "C": c, "threshold": model.threshold,
        "pages": {k: len(v) for k, v in data.items()}, "train_lines": int(len(y_train)),
        "dev": {"body_f1": round(f1, 4), "title": round(title, 4)},
        "test": {"body_f1": round(test_f1, 4), "title": round(test_title, 4)},
        "command": "scripts/train_lines.py",
    }, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
