"""Sentence sentiment scorers behind a registry (:data:`scorers`), each with its own cache key.

Every scorer maps a batch of texts to floats in −1..1 (negative to positive) and is chosen by
name through :func:`get_scorer`:

``vader``
    VADER's compound score (Hutto & Gilbert 2014). Option ``news_lexicon=True`` removes words whose
    usual sense in news is a name or fixed phrase (:data:`~.base.NEWS_NEUTRAL_WORDS`).
``vader-news``
    Shorthand for ``vader`` with ``news_lexicon=True``.
``textblob``
    TextBlob's pattern-lexicon polarity.
``news`` (default)
    A linear model over VADER and TextBlob features plus word weights fitted to the NYT editorial
    snippets (:mod:`.news`; weights in ``data/news_weights.json``, fitted by ``benchmarks/sentiment.py``).
``hf``
    A local Hugging Face text-classification model (option ``model_path``), loaded offline.

A scorer is registered as a :class:`ScorerSpec`: ``build(**options)`` makes it and ``key(**options)``
names everything that changes its scores (library versions, options, model digest), so cached
sentence tables are reused only when the scores would be the same. Other packages add scorers through
the entry-point group ``newsbrief_scorers``.
"""

from __future__ import annotations

import hashlib
import inspect
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ...errors import ModelError
from ...registry import Registry
from .base import NEWS_NEUTRAL_WORDS, SentimentScorer, TextBlobScorer, VaderScorer, package_version

__all__ = [
    "NEWS_NEUTRAL_WORDS", "ScorerSpec", "SentimentScorer", "TextBlobScorer", "VaderScorer", "fingerprint",
    "get_scorer", "scorers",
]


@dataclass(frozen=True)
class ScorerSpec:
    """How to build a scorer and how to name what changes its scores."""

    build: Callable[..., SentimentScorer]
    key: Callable[..., str]
    #: Scorers that are one scorer under another name (``vader-news``) share the family's cache key.
    family: str | None = None


scorers: Registry[ScorerSpec] = Registry("scorers", label="sentiment scorer")


def _options_key(options: dict[str, Any]) -> str:
    return json.dumps(options, sort_keys=True, default=str) if options else ""


def _vader_key(*, news_lexicon: bool = False) -> str:
    key = f"vaderSentiment-{package_version('vaderSentiment')}"
    if news_lexicon:
        words = ",".join(sorted(NEWS_NEUTRAL_WORDS))
        key += ":news_lexicon-" + hashlib.sha256(words.encode()).hexdigest()[:12]
    return key


def _build_hf(*, model_path: str | None = None, batch_size: int = 32, max_length: int = 256,
              label_values: dict[str, float] | None = None) -> SentimentScorer:
    from .hf import HFScorer

    if model_path is None:
        raise ModelError("the 'hf' sentiment scorer needs option model_path (a local model folder)", field="model_path")
    return HFScorer(model_path, batch_size=batch_size, max_length=max_length, label_values=label_values)


def _hf_key(*, model_path: str | None = None, batch_size: int = 32, max_length: int = 256,
            label_values: dict[str, float] | None = None) -> str:
    from .hf import model_digest

    kept = {"max_length": max_length, "label_values": label_values}  # batch_size changes speed only
    return f"model-{model_digest(model_path) if model_path else 'none'}:{_options_key(kept)}"


def _build_news() -> SentimentScorer:
    from .news import NewsScorer

    return NewsScorer()


def _news_key() -> str:
    from .news import weights_digest

    return (f"vaderSentiment-{package_version('vaderSentiment')}:textblob-{package_version('textblob')}"
            f":weights-{weights_digest()}")


scorers.register("vader")(ScorerSpec(build=VaderScorer, key=_vader_key))
scorers.register("vader-news")(ScorerSpec(build=lambda: VaderScorer(news_lexicon=True),
                                          key=lambda: _vader_key(news_lexicon=True), family="vader"))
scorers.register("textblob")(ScorerSpec(build=TextBlobScorer, key=lambda: f"textblob-{package_version('textblob')}"))
scorers.register("news")(ScorerSpec(build=_build_news, key=_news_key))
scorers.register("hf")(ScorerSpec(build=_build_hf, key=_hf_key))


def _check_options(name: str, spec: ScorerSpec, options: dict[str, Any]) -> None:
    try:
        inspect.signature(spec.build).bind(**options)
    except TypeError as e:
        raise ModelError(f"bad options for sentiment scorer '{name}': {e}", field="sentiment") from e


def get_scorer(name: str = "vader", **options: Any) -> SentimentScorer:
    """Build the scorer registered as ``name`` with ``options``.

    Raises :class:`~newsbrief.errors.RegistryError` (listing the valid names) for an unknown name,
    and :class:`~newsbrief.errors.ModelError` for options the scorer does not take or a model that
    cannot be loaded.
    """
    spec = scorers.get(name)
    _check_options(name, spec, options)
    return spec.build(**options)


def fingerprint(name: str, **options: Any) -> str:
    """The scorer's name and its own key: equal fingerprints mean equal scores (no model is loaded)."""
    spec = scorers.get(name)
    _check_options(name, spec, options)
    return f"{spec.family or name}:{spec.key(**options)}"
