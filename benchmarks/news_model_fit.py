"""Fitting the ``news`` sentiment scorer (training code; the runtime package only loads its weights).

``python benchmarks/sentiment.py --write-weights`` calls :func:`fit_news_model` on the NYT editorial
snippets and :func:`write_weights` into ``src/newsbrief/nlp/sentiment/data/news_weights.json``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from newsbrief.nlp.sentiment.news import DENSE_FEATURES, RATING_SCALE, NewsModel, dense_features, tokens

#: Gold ratings with abs(rating) <= GOLD_NEUTRAL (on −4..4) count as neutral.
GOLD_NEUTRAL = 0.5
#: Candidate neutral bands (on the −1..1 score scale) tried by :func:`fit_news_model`.
BANDS: tuple[float, ...] = tuple(round(0.025 + 0.0125 * i, 4) for i in range(15))


def classify(scores: np.ndarray, band: float | np.ndarray) -> np.ndarray:
    """−1, 0 or 1 per score: neutral when ``abs(score) < band``."""
    scores = np.asarray(scores, dtype=float)
    return np.where(scores >= band, 1, np.where(scores <= -band, -1, 0))


def macro_f1(gold_classes: np.ndarray, predicted_classes: np.ndarray) -> float:
    """Macro-averaged F1 over the classes −1, 0, 1."""
    g = np.asarray(gold_classes)
    p = np.asarray(predicted_classes)
    f1s = []
    for c in (-1, 0, 1):
        tp = int(((p == c) & (g == c)).sum())
        wrong = int(((p == c) & (g != c)).sum()) + int(((p != c) & (g == c)).sum())
        f1s.append(2 * tp / (2 * tp + wrong) if tp + wrong else 0.0)
    return float(np.mean(f1s))




def _group_folds(groups: Sequence[str], k: int, seed: int) -> np.ndarray:
    unique = np.array(sorted(set(groups)))
    np.random.default_rng(seed).shuffle(unique)
    fold = {g: i % k for i, g in enumerate(unique)}
    return np.array([fold[g] for g in groups])


def _ridge(X: np.ndarray, y: np.ndarray, penalty: np.ndarray) -> np.ndarray:
    return np.linalg.solve(X.T @ X + np.diag(penalty), X.T @ y)


def fit_news_model(
    texts: Sequence[str],
    ratings: Sequence[float],
    *,
    groups: Sequence[str] | None = None,
    min_df: int = 5,
    ridge: float = 30.0,
    dense: np.ndarray | None = None,
    inner_folds: int = 5,
    seed: int = 0,
) -> NewsModel:
    """Fit :class:`NewsModel` by ridge regression (penalty ``ridge`` on word weights only).

    Words in fewer than ``min_df`` texts get no weight.  ``dense`` may pass precomputed
    :func:`dense_features` of ``texts``.  With ``groups`` (the article of each text) the
    neutral band is chosen from :data:`BANDS` by group k-fold cross-validation
    (``inner_folds`` folds by article) to maximise 3-class macro-F1 against the gold
    classes (neutral when ``abs(rating) <= 0.5``); without it the band stays 0.125.
    """
    y = np.asarray(ratings, dtype=float)
    if len(texts) != len(y):
        raise ValueError("texts and ratings differ in length")
    X_dense = dense_features(texts) if dense is None else np.asarray(dense, dtype=float)
    word_sets = [tokens(t) for t in texts]
    doc_freq: dict[str, int] = {}
    for ws in word_sets:
        for w in ws:
            doc_freq[w] = doc_freq.get(w, 0) + 1
    vocab = sorted(w for w, c in doc_freq.items() if c >= min_df)
    index = {w: i for i, w in enumerate(vocab)}
    X_words = np.zeros((len(y), len(vocab)))
    for row, ws in enumerate(word_sets):
        cols = [index[w] for w in ws if w in index]
        X_words[row, cols] = 1.0
    X = np.column_stack([np.ones(len(y)), X_dense, X_words])
    n_dense = X_dense.shape[1]
    penalty = np.full(X.shape[1], 1e-6)  # a whisper on intercept and dense terms keeps tiny fits solvable
    penalty[1 + n_dense :] = ridge
    coef = _ridge(X, y, penalty)
    band = GOLD_NEUTRAL / RATING_SCALE
    meta: dict[str, object] = {"min_df": min_df, "ridge": ridge, "n_texts": len(y), "n_words": len(vocab)}
    if groups is not None:
        folds = _group_folds(list(groups), inner_folds, seed)
        inner = np.zeros(len(y))
        for i in range(inner_folds):
            train = folds != i
            inner[~train] = X[~train] @ _ridge(X[train], y[train], penalty)
        inner_scores = np.clip(inner / RATING_SCALE, -1.0, 1.0)
        gold = classify(y, GOLD_NEUTRAL + 1e-9)
        f1s = [macro_f1(gold, classify(inner_scores, b)) for b in BANDS]
        band = BANDS[int(np.argmax(f1s))]
        meta |= {"band_inner_folds": inner_folds, "band_inner_macro_f1": round(max(f1s), 4)}
    return NewsModel(
        intercept=float(coef[0]),
        dense={name: float(c) for name, c in zip(DENSE_FEATURES, coef[1 : 1 + n_dense], strict=True)},
        words={w: float(c) for w, c in zip(vocab, coef[1 + n_dense :], strict=True)},
        neutral_band=float(band),
        meta=meta,
    )



def write_weights(model: NewsModel, path: str | Path, *, source: str) -> None:
    """Write ``model`` as the JSON data file the ``news`` scorer loads."""
    data = {"meta": {**model.meta, "source": source}, "intercept": round(model.intercept, 6),
            "neutral_band": round(model.neutral_band, 6),
            "dense": {k: round(v, 6) for k, v in model.dense.items()},
            "words": {w: round(c, 6) for w, c in sorted(model.words.items())}}
    Path(path).write_text(json.dumps(data, indent=0, sort_keys=True), encoding="utf-8")
