"""Train the outlet ranker of browser copies (``src/newsbrief/ingest/data/copy_source.npz``) on ``../shared/pages``.

Every capitalised name a copy repeats is a candidate (``newsbrief.ingest.copy_source``); a candidate is right
when it names the page's outlet as ``benchmarks/pages.py`` counts a source right (the names' letters, without
"The", one inside the other). The outlet of a page is its hand gold where it has one (aeb ``gold.json``, the
Readability pages' checked truth), else the source our HTML reader finds in the page's HTML. The split is
``benchmarks/pages_data.py``'s rule. A log-linear ranker is fit on the train
pages' candidates for each regularisation strength, as a choice among each page's candidates (a softmax over them
and a "none of them" slot, fit with L-BFGS); the strength and the floor under which the ranker abstains
(the rule reader's copyright/known-outlet source then stands) with the most sources right on dev are kept (ties: the
most right on train, then the lower floor), and
the test figure is written beside the weights (``data/copy_source.json``) with the rule reader's for comparison.

Usage::

    .venv/bin/python scripts/train_copy_source.py
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from newsbrief.errors import InputError  # noqa: E402
from newsbrief.ingest import read_html_file  # noqa: E402
from newsbrief.ingest.browser import read_browser_copy  # noqa: E402
from newsbrief.ingest.copy_source import N_FEATURES, SourceModel, candidate_rows  # noqa: E402
from newsbrief.ingest.lines import line_model  # noqa: E402
from newsbrief.ingest.text import _paragraphs, decode_bytes, normalise  # noqa: E402
from pages import _key, gold_of  # noqa: E402
from pages_data import Page, pages  # noqa: E402

OUT = ROOT / "src" / "newsbrief" / "ingest" / "data"
L2 = (0.01, 0.1, 1.0, 10.0, 30.0, 100.0)
FLOORS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)


def same_outlet(name: str | None, truth: str | None) -> bool:
    """As ``benchmarks/pages.py`` counts a source right."""
    a, b = _key(name), _key(truth)
    return bool(a and b) and (a in b or b in a)


def names_outlet(name: str, truth: str) -> bool:
    """A training label: the candidate is the outlet's name, give or take a few letters ("Wired Staff" is not)."""
    a, b = _key(name), _key(truth)
    return bool(a and b) and (a in b or b in a) and min(len(a), len(b)) >= 0.55 * max(len(a), len(b))


def truth_of(page: Page, workdir: Path) -> tuple[str | None, bool]:
    """The page's outlet and whether it is hand gold."""
    gold = gold_of(page, form="browser")
    if gold is not None:
        return gold["source"], True
    path = workdir / "page.html"
    path.write_text(page.html_text(), encoding="utf-8")
    try:
        return read_html_file(path, article_id=page.id).source, False
    except InputError:
        return None, False


Rows = list[tuple[Page, list[str], np.ndarray, np.ndarray, str | None, str | None, bool]]


def load(splits: tuple[str, ...] = ("train", "dev", "test")) -> dict[str, Rows]:
    """Per split: page, candidate names, rows, labels, the rule reader's source, the truth, whether gold."""
    data: dict[str, list[tuple[Page, list[str], np.ndarray, np.ndarray, str | None, str | None, bool]]] = {
        "train": [], "dev": [], "test": []}
    model = line_model()
    with tempfile.TemporaryDirectory() as tmp:
        for page in pages():
            if page.split not in splits:
                continue
            truth, is_gold = truth_of(page, Path(tmp))
            if not truth:
                continue
            lines = _paragraphs(normalise(decode_bytes(page.copy.read_bytes(), path=page.copy)))
            found = read_browser_copy(lines)
            if found is None:
                continue
            if model is not None:
                found = model.refine(lines, found)
            names, wholes, rows = candidate_rows(lines, body=found.body, rule=found.source)
            y = np.array([names_outlet(n, truth) for n in names], dtype=np.int64)
            data[page.split].append((page, wholes, rows, y, found.source, truth, is_gold))
    return data


def accuracy(model: SourceModel, rows: list, *, gold_only: bool = False) -> tuple[float, int]:
    right = total = 0
    for _, names, x, _, rule, truth, is_gold in rows:
        if gold_only and not is_gold:
            continue
        name, p = model.pick(names, x)
        pick = name if p >= model.floor else None
        right += same_outlet(pick or rule, truth)
        total += 1
    return right / max(1, total), total


def fit(pages_xy: list[tuple[np.ndarray, np.ndarray]], *, l2: float) -> tuple[np.ndarray, float]:
    """Weights and intercept maximising each page's probability of its right candidates (or of "none")."""
    from scipy.optimize import minimize

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[:-1], theta[-1]
        total, grad = 0.5 * l2 * float(w @ w), np.append(l2 * w, 0.0)
        for x, y in pages_xy:
            z = np.append(x @ w + b, 0.0)
            z -= z.max()
            p = np.exp(z) / np.exp(z).sum()
            right = np.append(y.astype(bool), not y.any())
            mass = p[right].sum()
            total -= float(np.log(max(mass, 1e-300)))
            q = np.where(right, p / max(mass, 1e-300), 0.0)
            d = (p - q)[:-1]
            grad[:-1] += d @ x
            grad[-1] += d.sum()
        return total, grad

    theta0 = np.zeros(pages_xy[0][0].shape[1] + 1)
    result = minimize(loss, theta0, jac=True, method="L-BFGS-B", options={"maxiter": 500})
    return result.x[:-1], float(result.x[-1])


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="folder for copy_source.npz and copy_source.json")
    parser.add_argument("--no-test", action="store_true",
                        help="select on dev and save without reading test (figures for tuning; read test once)")
    args = parser.parse_args()
    data = load(("train", "dev") if args.no_test else ("train", "dev", "test"))
    print({k: len(v) for k, v in data.items()}, "pages with an outlet")
    x_train = np.vstack([row[2] for row in data["train"] if len(row[1])]).reshape(-1, N_FEATURES)
    y_train = np.concatenate([row[3] for row in data["train"] if len(row[1])])
    print(f"train candidates {len(y_train)}, right {int(y_train.sum())}; pages with a right candidate "
          f"{sum(int(row[3].any()) for row in data['train'])}/{len(data['train'])}")
    mean, scale = x_train.mean(axis=0), x_train.std(axis=0)
    scale[scale == 0] = 1.0
    results = []
    train = [((row[2] - mean) / scale, row[3]) for row in data["train"] if len(row[1])]
    for c in L2:
        coef, intercept = fit(train, l2=c)
        for floor in FLOORS:
            model = SourceModel(mean=mean, scale=scale, coef=coef, intercept=intercept, floor=floor)
            dev, n_dev = accuracy(model, data["dev"])
            gold, n_gold = accuracy(model, data["dev"], gold_only=True)
            fitted, _ = accuracy(model, data["train"])  # ties on dev go to the better fit of the train pages
            results.append((dev, gold, fitted, -floor, c, model))
            print(f"L2={c:<5} floor {floor:.1f}: dev {dev:.3f} ({n_dev} pages), dev gold {gold:.3f} ({n_gold}), "
                  f"train {fitted:.3f}")
    dev, gold, _, _, c, model = max(results, key=lambda r: r[:4])
    rule = SourceModel(mean=mean, scale=scale, coef=np.zeros(N_FEATURES), intercept=-50.0, floor=1.1)
    figures = {split: {"ranker": accuracy(model, data[split])[0], "ranker_gold": accuracy(model, data[split],
                                                                                           gold_only=True)[0],
                       "rules": accuracy(rule, data[split])[0], "rules_gold": accuracy(rule, data[split],
                                                                                      gold_only=True)[0],
                       "pages": len(data[split]), "gold_pages": sum(r[6] for r in data[split])}
               for split in (("train", "dev") if args.no_test else ("train", "dev", "test"))}
    print(f"selected on dev: L2={c}, floor {model.floor}")
    for split, f in figures.items():
        print(f"{split:5} ranker {f['ranker']:.3f} (gold pages {f['ranker_gold']:.3f}); rules alone {f['rules']:.3f}"
              f" (gold pages {f['rules_gold']:.3f}); {f['pages']} pages, {f['gold_pages']} with gold")
    args.out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out / "copy_source.npz", mean=mean, scale=scale, coef=model.coef,
                        intercept=np.array(model.intercept), floor=np.array(model.floor))
    (args.out / "copy_source.json").write_text(json.dumps({
        "l2": c, "floor": model.floor, "train_candidates": int(len(y_train)),
        "figures": {s: {k: round(v, 4) if isinstance(v, float) else v for k, v in f.items()}
                    for s, f in figures.items()},
        "command": "scripts/train_copy_source.py",
        "note": "share of pages whose copy's source names the outlet (benchmarks/pages.py's rule); truth: hand gold, "
                "else the HTML reader's source; rules: the copyright/known-outlet rule alone",
    }, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
