"""Can a browser copy's headline be chosen by learned weights? Cross-validated over sites against the hand weights.

The rule reader scores the title-like lines around a copy's header by their features
(:data:`newsbrief.ingest.copy_headline.FEATURES`) with hand weights (:data:`~newsbrief.ingest.copy_headline.
HAND_WEIGHTS`). Here the weights are fit as a conditional logit (a softmax over each copy's candidates; the right one
is the line that is the page's headline: aeb gold's title where given, else the title our HTML reader finds), with an
L2 penalty pulling them towards the hand weights (``lambda`` large: the hand weights). ``lambda`` is selected by
5-fold cross-validation over sites on the train and dev pages (a site's pages in one fold; the test split is never
read): the share of copies whose best-scored candidate is the headline, beside the hand weights'. Weights would be
worth shipping only when they beat the hand weights out of fold; on the 141 train and dev copies they do not
(docs/ingest.md, "Eighth pass: copy headline"), so none ship and the reader keeps the hand weights.

Usage::

    .venv/bin/python scripts/train_headline.py
"""

from __future__ import annotations

import hashlib
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

from newsbrief.ingest.browser import read_browser_copy  # noqa: E402
from newsbrief.ingest.copy_headline import FEATURES, HAND_WEIGHTS  # noqa: E402
from pages_data import norm_words, pages  # noqa: E402
from train_lines import copy_lines, true_title  # noqa: E402

LAMBDAS = (0.01, 0.1, 1.0, 10.0, 100.0, 1e6)  # 1e6: the hand weights
FOLDS = 5


@dataclass
class Copy:
    site: str
    split: str
    x: np.ndarray  # candidates x features
    right: np.ndarray  # which candidates are the headline


def load() -> list[Copy]:
    """Every train and dev copy with headline candidates and a headline (a copy whose candidates miss it is kept: it
    counts as a miss for every weighting)."""
    out: list[Copy] = []
    with tempfile.TemporaryDirectory() as tmp:
        for page in pages():
            if page.split not in ("train", "dev"):
                continue
            want = norm_words(true_title(page, Path(tmp)))
            lines = copy_lines(page)
            candidates: list[tuple[int, list[float]]] = []
            if not want or not lines or read_browser_copy(lines, candidates=candidates) is None or not candidates:
                continue
            out.append(Copy(page.site, page.split, np.array([x for _, x in candidates]),
                            np.array([norm_words(lines[i]) == want for i, _ in candidates])))
    return out


def fold_of(site: str) -> int:
    return int(hashlib.sha256(site.encode("utf-8")).hexdigest()[:8], 16) % FOLDS


def accuracy(copies: list[Copy], w: np.ndarray) -> float:
    """Share of copies whose best-scored candidate (the first of equal scores, as the reader takes it) is right."""
    return float(np.mean([bool(c.right[int(np.argmax(c.x @ w))]) for c in copies])) if copies else float("nan")


def fit(copies: list[Copy], lam: float) -> np.ndarray:
    """Conditional logit over each copy's candidates, L2 towards the hand weights."""
    hand = np.array(HAND_WEIGHTS)
    usable = [c for c in copies if c.right.any()]

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        total, grad = lam * float(np.sum((w - hand) ** 2)), 2 * lam * (w - hand)
        for c in usable:
            s = c.x @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            q = np.where(c.right, p, 0.0)
            q /= q.sum()
            total -= float(np.log(p[c.right].sum()))
            grad -= (q - p) @ c.x
        return total, grad

    return np.asarray(minimize(loss, hand, jac=True, method="L-BFGS-B").x)


def main() -> None:
    copies = load()
    reachable = float(np.mean([c.right.any() for c in copies]))
    print(f"{len(copies)} copies with candidates ({len({c.site for c in copies})} sites); headline among the "
          f"candidates on {reachable:.3f}")
    scores: dict[float, float] = {}
    for lam in LAMBDAS:
        held = []
        for k in range(FOLDS):
            w = fit([c for c in copies if fold_of(c.site) != k], lam)
            held += [(c, w) for c in copies if fold_of(c.site) == k]
        scores[lam] = float(np.mean([bool(c.right[int(np.argmax(c.x @ w))]) for c, w in held]))
        print(f"lambda {lam:g}: out-of-fold headline {scores[lam]:.3f}")
    hand = accuracy(copies, np.array(HAND_WEIGHTS))
    best = max(LAMBDAS, key=lambda lam: (scores[lam], lam))  # ties: the stronger pull to the hand weights
    print(f"hand weights: {hand:.3f}; best lambda {best:g}: {scores[best]:.3f}; its weights fit on every copy:")
    for name, h, w in zip(FEATURES, HAND_WEIGHTS, fit(copies, best)):
        print(f"  {name:45} hand {h:6.2f}  fit {w:6.2f}")


if __name__ == "__main__":
    main()
