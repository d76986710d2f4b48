"""The scorer protocol and the lexicon scorers (VADER, TextBlob) that other scorers build on."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from typing import Any, Protocol, runtime_checkable

log = logging.getLogger(__name__)

@runtime_checkable
class SentimentScorer(Protocol):
    """Anything with a ``name`` that scores a batch of texts into −1..1."""

    name: str

    def score(self, texts: Sequence[str]) -> list[float]: ...


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


def package_version(dist: str) -> str:
    try:
        return version(dist)
    except PackageNotFoundError:  # pragma: no cover - installed with the package
        return "unknown"


def vader_lexicon() -> dict[str, float]:
    """VADER's own lexicon (word -> valence on -4..4), as the shared analyzer holds it."""
    return dict(vader_analyzer(False).lexicon)


@lru_cache(maxsize=2)
def vader_analyzer(news_lexicon: bool) -> Any:
    """One VADER analyzer per lexicon variant and process (its constructor re-reads the lexicon files).

    ``polarity_scores`` only reads the analyzer's lexicon, so the instance is shared by every scorer.
    """
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    if news_lexicon:
        lexicon = dict(analyzer.lexicon)
        for word in NEWS_NEUTRAL_WORDS:
            lexicon.pop(word, None)
        analyzer.lexicon = lexicon
    return analyzer


#: VADER's plain-lexicon results of the texts scored last (key: the text stripped, as VADER strips it). The tone
#: features score each sentence with the news lexicon and the sentence scorer the same sentence with the plain
#: one: when no word of :data:`NEWS_NEUTRAL_WORDS` occurs in it, the two results are the same.
_PLAIN_SCORES: dict[str, dict[str, float]] = {}
_PLAIN_SCORES_MAX = 4096


def vader_scores(text: str, *, news_lexicon: bool = False) -> dict[str, float]:
    """VADER's ``polarity_scores`` of ``text`` (``neg``, ``neu``, ``pos``, ``compound``) with the plain lexicon
    or the news lexicon (:data:`NEWS_NEUTRAL_WORDS` dropped); do not change the dict returned.

    The two lexicons differ only in those words, and VADER reads its lexicon only by a word's lower-case form,
    so a text none of whose lower-case form holds one of them gets the same result from both: that result is
    computed once with the plain lexicon and kept for the next call (the sentence scorer asks for the sentences
    the tone features have just scored). A text with an emoji (VADER rewrites emojis as words first) is not kept.
    """
    plain = vader_analyzer(False)
    emojis = plain.emojis
    if not text.isascii() and any(ch in emojis for ch in text):
        return vader_analyzer(news_lexicon).polarity_scores(text)
    key = text.strip()  # without emojis VADER scores exactly the stripped text
    if news_lexicon:
        lowered = key.lower()
        if any(word in lowered for word in NEWS_NEUTRAL_WORDS):
            return vader_analyzer(True).polarity_scores(key)
    got = _PLAIN_SCORES.get(key)
    if got is None:
        if len(_PLAIN_SCORES) >= _PLAIN_SCORES_MAX:
            _PLAIN_SCORES.clear()
        got = _PLAIN_SCORES[key] = plain.polarity_scores(key)
    return got


class VaderScorer:
    """VADER compound score; ``news_lexicon`` drops :data:`NEWS_NEUTRAL_WORDS`."""

    neutral_band: float = 0.05

    def __init__(self, *, news_lexicon: bool = False) -> None:
        self.news_lexicon = news_lexicon
        self.name = "vader-news" if news_lexicon else "vader"
        self._analyzer = vader_analyzer(news_lexicon)

    def polarity(self, text: str) -> dict[str, float]:
        """VADER's full result for one text: ``neg``, ``neu``, ``pos``, ``compound``."""
        return dict(self._analyzer.polarity_scores(text))

    def score(self, texts: Sequence[str]) -> list[float]:
        return [float(self._analyzer.polarity_scores(t)["compound"]) if t else 0.0 for t in texts]


@lru_cache(maxsize=1)
def _pattern_sentiment() -> Any:
    """TextBlob's pattern-lexicon analyzer: ``TextBlob(text).sentiment`` without the per-text blob, its
    tokenizers and the named tuple class each call builds (same function, same values).

    It is ``textblob.en.sentiment``, built by TextBlob's own files ``textblob/_text.py`` and
    ``textblob/en/__init__.py`` (which import nothing but the standard library and each other), executed
    without the ``textblob`` package's ``__init__``: that one imports TextBlob's NLTK-based classes, and NLTK
    imports scikit-learn and SciPy, 1.2 CPU-s per process (the main process of ``newsbrief annotate`` spent
    them before forking its workers) for nothing the lexicon needs. The two modules are registered only while
    they load and then removed, so a later ``import textblob`` gets the package as it always does.
    """
    import importlib.util
    import sys
    from pathlib import Path

    if "textblob" in sys.modules:  # the package is loaded already: nothing to save
        from textblob.en import sentiment

        return sentiment
    spec = importlib.util.find_spec("textblob")  # finds the package's folder, runs nothing of it
    if spec is None or spec.origin is None:
        from textblob.en import sentiment  # not installed: the import names what is missing

        return sentiment
    folder = Path(spec.origin).parent
    loaded: list[str] = []
    try:
        for name, path, package in (("textblob._text", folder / "_text.py", False),
                                    ("textblob.en", folder / "en" / "__init__.py", True)):
            part = importlib.util.spec_from_file_location(
                name, path, submodule_search_locations=[str(path.parent)] if package else None)
            assert part is not None and part.loader is not None
            module = importlib.util.module_from_spec(part)
            sys.modules[name] = module  # textblob/en imports textblob._text by its full name
            loaded.append(name)
            part.loader.exec_module(module)
        return module.sentiment
    finally:
        for name in loaded:
            sys.modules.pop(name, None)


def textblob_polarity(text: str) -> float:
    """``TextBlob(text).sentiment.polarity``, computed without building a TextBlob."""
    return float(_pattern_sentiment()(text)[0])


class TextBlobScorer:
    """TextBlob's pattern-lexicon polarity, already in −1..1."""

    name = "textblob"
    neutral_band: float = 0.05

    def __init__(self) -> None:
        _pattern_sentiment()

    def score(self, texts: Sequence[str]) -> list[float]:
        return [textblob_polarity(t) if t else 0.0 for t in texts]
