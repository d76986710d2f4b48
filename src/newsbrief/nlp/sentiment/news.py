"""The ``news`` sentiment scorer: VADER and TextBlob features plus fitted word weights.

Model: ``rating ≈ b0 + b·[vader compound, vader pos, vader neg, textblob polarity]
+ Σ w[word]`` over the distinct words of a sentence (a ridge regression whose penalty falls on the
word weights only). VADER's features keep its negation, intensifier and punctuation rules; the word
weights learn what news and opinion copy means by words that VADER's lexicon misreads or lacks. The
rating scale is the NYT editorial-snippet one (−4..4, Hutto & Gilbert 2014); scores are ``rating / 4``
clipped to −1..1.

The shipped weights are the data file ``data/news_weights.json``, written by
``python benchmarks/sentiment.py --write-weights`` (training code: ``benchmarks/news_model_fit.py``).
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .base import textblob_polarity, vader_scores

__all__ = ["DENSE_FEATURES", "NewsModel", "NewsScorer", "dense_features", "tokens", "weights_digest"]

WEIGHTS = Path(__file__).parent / "data" / "news_weights.json"
#: Names of the dense features, in column order.
DENSE_FEATURES: tuple[str, ...] = ("vader_compound", "vader_pos", "vader_neg", "textblob_polarity")
#: Ratings are on −4..4; scores are rating / RATING_SCALE.
RATING_SCALE = 4.0
#: Neutral band (on the −1..1 scale) of a model fitted without article groups.
DEFAULT_BAND = 0.125

_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")



def tokens(text: str) -> set[str]:
    """The distinct lower-case words of ``text`` (curly apostrophes folded)."""
    return set(_WORD.findall(text.lower().replace("\u2019", "'")))


def dense_features(texts: Sequence[str]) -> np.ndarray:
    """The (n, 4) matrix of :data:`DENSE_FEATURES` for ``texts``."""
    out = np.zeros((len(texts), len(DENSE_FEATURES)))
    for i, text in enumerate(texts):
        if not text:
            continue
        p = vader_scores(text)  # VaderScorer().polarity without the per-text dict copy
        out[i] = (p["compound"], p["pos"], p["neg"], textblob_polarity(text))
    return out



@dataclass(frozen=True)
class NewsModel:
    """Fitted weights; ``predict`` returns ratings on the −4..4 scale."""

    intercept: float
    dense: dict[str, float]
    words: dict[str, float]
    neutral_band: float = DEFAULT_BAND
    meta: dict[str, object] = field(default_factory=dict)

    def predict_from(self, dense: np.ndarray, word_sets: Iterable[set[str]]) -> np.ndarray:
        b = np.array([self.dense[name] for name in DENSE_FEATURES])
        # fsum: exactly rounded, so the order a set is walked in (it changes with PYTHONHASHSEED) cannot move the
        # last digits between processes
        word_part = np.array([math.fsum(self.words.get(w, 0.0) for w in ws) for ws in word_sets])
        # An elementwise product summed per row, not ``dense @ b``: BLAS's matrix-vector kernels pick their
        # path by memory alignment, so the same sentence could score 1e-16 apart from one run to the next.
        return self.intercept + (dense * b).sum(axis=1) + word_part

    def predict(self, texts: Sequence[str]) -> np.ndarray:
        return self.predict_from(dense_features(texts), (tokens(t) for t in texts))


@functools.lru_cache(maxsize=1)
def _weights_text() -> str:
    return WEIGHTS.read_text(encoding="utf-8")


def _shipped_model() -> NewsModel:
    w = json.loads(_weights_text())
    return NewsModel(intercept=float(w["intercept"]), dense=dict(w["dense"]), words=dict(w["words"]),
                     neutral_band=float(w["neutral_band"]), meta=dict(w["meta"]))


def weights_digest() -> str:
    """A short digest of the shipped weights file (part of the scorer's cache key)."""
    return hashlib.sha256(_weights_text().encode()).hexdigest()[:12]


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
