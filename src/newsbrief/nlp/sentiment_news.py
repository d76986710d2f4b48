"""The ``news`` sentiment scorer: VADER and TextBlob features plus fitted word weights.

Model: ``rating ≈ b0 + b·[vader compound, vader pos, vader neg, textblob polarity]
+ Σ w[word]`` over the distinct words of a sentence, a ridge regression whose penalty
falls on the word weights only.  VADER's features keep its negation, intensifier and
punctuation rules; the word weights learn what news and opinion copy means by words that
VADER's lexicon misreads (``party``, ``united``, ``justice``...) or lacks.  The rating
scale is the NYT editorial-snippet one (−4..4, Hutto & Gilbert 2014); scores are
``rating / 4`` clipped to −1..1.

The shipped weights live in :mod:`newsbrief.nlp.sentiment_news_weights`, written by
``python benchmarks/sentiment.py --write-weights`` (which also cross-validates the same
:func:`fit_news_model` across articles).  Only numpy is needed.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

__all__ = [
    "DENSE_FEATURES",
    "NewsModel",
    "NewsScorer",
    "classify",
    "dense_features",
    "fit_news_model",
    "macro_f1",
    "tokens",
    "weights_digest",
    "write_weights_module",
]

#: Names of the dense features, in column order.
DENSE_FEATURES: tuple[str, ...] = ("vader_compound", "vader_pos", "vader_neg", "textblob_polarity")
#: Ratings are on −4..4; scores are rating / RATING_SCALE.
RATING_SCALE = 4.0
#: Gold ratings with abs(rating) <= GOLD_NEUTRAL (on −4..4) count as neutral.
GOLD_NEUTRAL = 0.5
#: Candidate neutral bands (on the −1..1 score scale) tried by :func:`fit_news_model`.
BANDS: tuple[float, ...] = tuple(round(0.025 + 0.0125 * i, 4) for i in range(15))

_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


def tokens(text: str) -> set[str]:
    """The distinct lower-case words of ``text`` (curly apostrophes folded)."""
    return set(_WORD.findall(text.lower().replace("\u2019", "'")))


def dense_features(texts: Sequence[str]) -> np.ndarray:
    """The (n, 4) matrix of :data:`DENSE_FEATURES` for ``texts``."""
    from textblob import TextBlob

    from .sentiment import VaderScorer

    vader = VaderScorer()
    out = np.zeros((len(texts), len(DENSE_FEATURES)))
    for i, text in enumerate(texts):
        if not text:
            continue
        p = vader.polarity(text)
        out[i] = (p["compound"], p["pos"], p["neg"], TextBlob(text).sentiment.polarity)
    return out


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


@dataclass(frozen=True)
class NewsModel:
    """Fitted weights; ``predict`` returns ratings on the −4..4 scale."""

    intercept: float
    dense: dict[str, float]
    words: dict[str, float]
    neutral_band: float = GOLD_NEUTRAL / RATING_SCALE
    meta: dict[str, object] = field(default_factory=dict)

    def predict_from(self, dense: np.ndarray, word_sets: Iterable[set[str]]) -> np.ndarray:
        b = np.array([self.dense[name] for name in DENSE_FEATURES])
        word_part = np.array([sum(self.words.get(w, 0.0) for w in ws) for ws in word_sets])
        return self.intercept + dense @ b + word_part

    def predict(self, texts: Sequence[str]) -> np.ndarray:
        return self.predict_from(dense_features(texts), (tokens(t) for t in texts))


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


def write_weights_module(model: NewsModel, path: str | Path, *, source: str) -> None:
    """Write ``model`` as the Python module :mod:`newsbrief.nlp.sentiment_news_weights`."""
    words = ",\n".join(f"    {w!r}: {c:.6f}" for w, c in sorted(model.words.items()))
    dense = ",\n".join(f"    {k!r}: {v:.6f}" for k, v in model.dense.items())
    text = (
        '"""Weights of the ``news`` sentiment scorer (generated; do not edit by hand).\n\n'
        f"Fitted by ``python benchmarks/sentiment.py --write-weights`` on {source}.\n"
        '"""\n\n'
        f"META: dict[str, object] = {json.dumps({**model.meta, 'source': source}, sort_keys=True)}\n"
        f"INTERCEPT: float = {model.intercept:.6f}\n"
        f"NEUTRAL_BAND: float = {model.neutral_band:.6f}\n"
        f"DENSE: dict[str, float] = {{\n{dense},\n}}\n"
        f"WORDS: dict[str, float] = {{\n{words},\n}}\n"
    )
    Path(path).write_text(text, encoding="utf-8")


def _shipped_model() -> NewsModel:
    from . import sentiment_news_weights as w

    return NewsModel(
        intercept=w.INTERCEPT,
        dense=dict(w.DENSE),
        words=dict(w.WORDS),
        neutral_band=w.NEUTRAL_BAND,
        meta=dict(w.META),
    )


def weights_digest() -> str:
    """A short digest of the shipped weights (part of the scorer's fingerprint)."""
    from . import sentiment_news_weights as w

    payload = json.dumps([w.INTERCEPT, w.NEUTRAL_BAND, w.DENSE, w.WORDS], sort_keys=True)
    return hashlib.sha256(payload.encode()).hexdigest()[:12]


class NewsScorer:
    """Scores with a :class:`NewsModel` (the shipped one unless ``model`` is given)."""

    name = "news"

    def __init__(self, *, model: NewsModel | None = None) -> None:
        self.model = model if model is not None else _shipped_model()
        #: Chosen by cross-validation when the model was fitted (see :func:`fit_news_model`).
        self.neutral_band: float = self.model.neutral_band

    def score(self, texts: Sequence[str]) -> list[float]:
        if not texts:
            return []
        ratings = self.model.predict(list(texts))
        scores = np.clip(ratings / RATING_SCALE, -1.0, 1.0)
        return [0.0 if not t else float(s) for t, s in zip(texts, scores, strict=True)]
