"""Sentence sentiment scorers in a small registry.

Every scorer maps a batch of texts to floats in −1..1 (negative to positive) and is
chosen by name through :func:`get_scorer`:

``vader`` (default)
    VADER's compound score (Hutto & Gilbert 2014): lexicon plus rules for negation,
    intensifiers, ``but`` and punctuation.  Option ``news_lexicon=True`` removes words
    whose usual sense in news is a name, an institution or a fixed phrase rather than a
    judgement (``United`` States, political ``party``, ``Supreme`` Court, ``Justice``
    Department, health ``care``, ``interest`` rates, ...); see :data:`NEWS_NEUTRAL_WORDS`.
``vader-news``
    Shorthand for ``vader`` with ``news_lexicon=True``.
``textblob``
    TextBlob's pattern-lexicon polarity.
``news``
    A linear model on top of VADER and TextBlob features plus word weights, fitted to
    the NYT editorial-snippet ratings (see :mod:`newsbrief.nlp.sentiment_news` and
    ``benchmarks/sentiment.py``, which cross-validates it across articles).
``hf``
    A local Hugging Face text-classification model (option ``model_path``), loaded
    offline; transformers and torch are an optional extra (``pip install newsbrief[hf]``).

Each scorer also carries ``neutral_band``: scores with ``abs(score) < neutral_band``
count as neutral when a three-way label is needed (VADER's documented 0.05 for the
lexicon scorers).
"""

from __future__ import annotations

import hashlib
import inspect
import json
import logging
from collections.abc import Callable, Sequence
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from typing import Any, Protocol, runtime_checkable

from ..errors import ModelError
from ..registry import Registry

log = logging.getLogger(__name__)

__all__ = [
    "NEWS_NEUTRAL_WORDS",
    "SentimentScorer",
    "TextBlobScorer",
    "VaderScorer",
    "fingerprint",
    "get_scorer",
    "scorers",
]


@runtime_checkable
class SentimentScorer(Protocol):
    """Anything with a ``name`` that scores a batch of texts into −1..1."""

    name: str

    def score(self, texts: Sequence[str]) -> list[float]: ...


#: The registry of scorer factories; ``scorers.get(name)(**options)`` builds a scorer.
scorers: Registry[Callable[..., SentimentScorer]] = Registry("sentiment scorer")

#: Words in VADER's lexicon whose common sense in news copy names an institution or is
#: part of a fixed phrase, so they carry no judgement there: ``United`` States/Nations,
#: political ``party``, ``Supreme`` Court, ``Justice``/``Defense`` Department, Security
#: Council / Social ``Security``, ``interest`` rates, health ``care``, ``credit`` markets,
#: market ``share``, ``grand`` jury, ``intelligence`` agencies, ``trust`` fund, ``gross``
#: domestic product, "on the other ``hand``", "``kind`` of", "no ``matter``", and
#: ``like`` as a preposition.  Checked on ``benchmarks/sentiment.py``.
NEWS_NEUTRAL_WORDS: frozenset[str] = frozenset(
    {
        "united",
        "party",
        "parties",
        "supreme",
        "justice",
        "defense",
        "defence",
        "security",
        "interest",
        "interests",
        "care",
        "credit",
        "share",
        "shares",
        "grand",
        "intelligence",
        "trust",
        "gross",
        "hand",
        "kind",
        "matter",
        "like",
    }
)


def _package_version(dist: str) -> str:
    try:
        return version(dist)
    except PackageNotFoundError:  # pragma: no cover - installed with the package
        return "unknown"


@lru_cache(maxsize=1)
def _vader_lexicon() -> dict[str, float]:
    """VADER's lexicon, read once per process (the analyzer re-reads its file on init)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return dict(SentimentIntensityAnalyzer().lexicon)


class VaderScorer:
    """VADER compound score; ``news_lexicon`` drops :data:`NEWS_NEUTRAL_WORDS`."""

    neutral_band: float = 0.05

    def __init__(self, *, news_lexicon: bool = False) -> None:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        self.news_lexicon = news_lexicon
        self.name = "vader-news" if news_lexicon else "vader"
        self._analyzer = SentimentIntensityAnalyzer()
        lexicon = dict(_vader_lexicon())
        if news_lexicon:
            for word in NEWS_NEUTRAL_WORDS:
                lexicon.pop(word, None)
        self._analyzer.lexicon = lexicon

    def polarity(self, text: str) -> dict[str, float]:
        """VADER's full result for one text: ``neg``, ``neu``, ``pos``, ``compound``."""
        return dict(self._analyzer.polarity_scores(text))

    def score(self, texts: Sequence[str]) -> list[float]:
        return [float(self._analyzer.polarity_scores(t)["compound"]) if t else 0.0 for t in texts]


class TextBlobScorer:
    """TextBlob's pattern-lexicon polarity, already in −1..1."""

    name = "textblob"
    neutral_band: float = 0.05

    def __init__(self) -> None:
        from textblob import TextBlob

        self._blob = TextBlob

    def score(self, texts: Sequence[str]) -> list[float]:
        return [float(self._blob(t).sentiment.polarity) if t else 0.0 for t in texts]


@scorers.register("vader")
def _make_vader(*, news_lexicon: bool = False) -> SentimentScorer:
    return VaderScorer(news_lexicon=news_lexicon)


@scorers.register("vader-news")
def _make_vader_news() -> SentimentScorer:
    return VaderScorer(news_lexicon=True)


@scorers.register("textblob")
def _make_textblob() -> SentimentScorer:
    return TextBlobScorer()


@scorers.register("news")
def _make_news() -> SentimentScorer:
    from .sentiment_news import NewsScorer

    return NewsScorer()


@scorers.register("hf")
def _make_hf(
    *,
    model_path: str | None = None,
    batch_size: int = 32,
    max_length: int = 256,
    label_values: dict[str, float] | None = None,
) -> SentimentScorer:
    from .sentiment_hf import HFScorer

    if model_path is None:
        raise ModelError("the 'hf' sentiment scorer needs option model_path (a local model folder)", field="model_path")
    return HFScorer(model_path, batch_size=batch_size, max_length=max_length, label_values=label_values)


def get_scorer(name: str = "vader", **options: Any) -> SentimentScorer:
    """Build the scorer registered as ``name`` with ``options``.

    Raises :class:`~newsbrief.errors.RegistryError` (listing the valid names) for an
    unknown name, and :class:`~newsbrief.errors.ModelError` for options the scorer does
    not take or a model that cannot be loaded.
    """
    factory = scorers.get(name)
    try:
        inspect.signature(factory).bind(**options)
    except TypeError as e:
        raise ModelError(f"bad options for sentiment scorer '{name}': {e}", field="sentiment") from e
    return factory(**options)


def fingerprint(name: str, **options: Any) -> str:
    """A string naming the scorer, its library versions and the options that change scores.

    Equal fingerprints mean equal scores, so cached sentence tables can be reused; the
    scorer is not built (no model is loaded).  Options that only change speed
    (``batch_size``) are left out.
    """
    scorers.get(name)  # unknown names fail here, listing the valid ones
    if name == "vader-news":
        name, options = "vader", {**options, "news_lexicon": True}
    parts: list[str] = [name]
    if name == "vader":
        parts.append(f"vaderSentiment-{_package_version('vaderSentiment')}")
        if options.get("news_lexicon", False):
            words = ",".join(sorted(NEWS_NEUTRAL_WORDS))
            parts.append("news_lexicon-" + hashlib.sha256(words.encode()).hexdigest()[:12])
    elif name == "textblob":
        parts.append(f"textblob-{_package_version('textblob')}")
    elif name == "news":
        from .sentiment_news import weights_digest

        parts += [
            f"vaderSentiment-{_package_version('vaderSentiment')}",
            f"textblob-{_package_version('textblob')}",
            f"weights-{weights_digest()}",
        ]
    elif name == "hf":
        from .sentiment_hf import model_digest

        model_path = options.get("model_path")
        parts.append(f"model-{model_digest(model_path) if model_path else 'none'}")
        kept = {k: v for k, v in options.items() if k in {"max_length", "label_values"}}
        if kept:
            parts.append(json.dumps(kept, sort_keys=True, default=str))
    else:  # scorers registered by others: name plus every option
        if options:
            parts.append(json.dumps(options, sort_keys=True, default=str))
    return ":".join(parts)
