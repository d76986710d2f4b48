"""Tone towards a target: how a sentence treats one entity mention in it, in −1..1.

"Ukraine accused Russia of aggression" is a negative sentence, but it is negative towards
Russia, not towards Ukraine.  :func:`tone_for_mentions` scores each mention of a parsed
``Doc`` with a linear model over the features of :mod:`newsbrief.nlp.tone_features`
(opinion words near the target in the dependency tree, the clause it is subject or object
of, speaker versus reported content, negation, the sentence's VADER scores); the model is a
multinomial logistic regression fitted to NewsMTSC (Hamborg & Donnay 2021) by
``benchmarks/tone.py`` and shipped as ``data/tone_model.json``.

The likeliest of the three classes decides, and :func:`to_score` turns the three
probabilities into one score so that ``abs(score) <= 0.1`` (:data:`NEUTRAL_BAND`) exactly
when neutral is the likeliest class.  Only the standard library and numpy are needed at run time;
scikit-learn only to fit (``pip install newsbrief[bench]``).
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError, ModelError
from .chunks import doc_chars
from .tone_features import DocValences, mention_features

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

__all__ = [
    "NEUTRAL_BAND",
    "ToneModel",
    "features_for_mentions",
    "model_digest",
    "to_score",
    "target_tone",
    "tone_for_mentions",
]

#: Scores with ``abs(score) <= NEUTRAL_BAND`` mean neutral towards the target.
NEUTRAL_BAND = 0.1
_MODEL_FILE = "tone_model.json"


@dataclass
class ToneModel:
    """A linear 3-class model (negative, neutral, positive) over sparse named features."""

    intercept: list[float]
    weights: dict[str, list[float]]
    meta: dict[str, Any] = field(default_factory=dict)

    def probabilities(self, feats: Sequence[dict[str, float]]) -> list[tuple[float, float, float]]:
        """``(p_negative, p_neutral, p_positive)`` per feature dict."""
        out = []
        w = self.weights
        for f in feats:
            z = list(self.intercept)
            for name, value in f.items():
                row = w.get(name)
                if row is not None:
                    z[0] += row[0] * value
                    z[1] += row[1] * value
                    z[2] += row[2] * value
            top = max(z)
            e = [math.exp(x - top) for x in z]
            total = e[0] + e[1] + e[2]
            out.append((e[0] / total, e[1] / total, e[2] / total))
        return out

    def scores(self, feats: Sequence[dict[str, float]]) -> list[float]:
        """Scores in −1..1; ``abs(score) <= NEUTRAL_BAND`` exactly when neutral is the likeliest class."""
        return [to_score(*p) for p in self.probabilities(feats)]

    def to_json(self) -> str:
        """The model as JSON: one line per feature, so diffs of a refit stay readable."""
        head = {
            "classes": ["negative", "neutral", "positive"],
            "intercept": [round(x, 6) for x in self.intercept],
            "meta": self.meta,
        }
        lines = [json.dumps(head, ensure_ascii=False)[:-1] + ', "weights": {']
        items = sorted(self.weights.items())
        for n, (k, v) in enumerate(items):
            comma = "," if n < len(items) - 1 else ""
            lines.append(f"{json.dumps(k, ensure_ascii=False)}: {json.dumps([round(x, 5) for x in v])}{comma}")
        lines.append("}}")
        return "\n".join(lines) + "\n"

    def save(self, path: str | Path) -> None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_text(self.to_json(), encoding="utf-8")

    @classmethod
    def from_json(cls, text: str) -> ToneModel:
        data = json.loads(text)
        return cls(
            intercept=[float(x) for x in data["intercept"]],
            weights={k: [float(x) for x in v] for k, v in data["weights"].items()},
            meta=dict(data.get("meta", {})),
        )

    @classmethod
    def load(cls) -> ToneModel:
        """The shipped model (read once per process)."""
        return _shipped()


def to_score(p_neg: float, p_neu: float, p_pos: float) -> float:
    """One score in −1..1 from the three class probabilities.

    The likeliest class decides: when it is neutral the score is ``0.1 · (p_pos − p_neg)``
    (within ±0.1); when it is positive, ``0.1 + 0.9 · (p_pos − max(p_neu, p_neg))``, and
    the mirror image for negative, so the further the winning class is ahead, the further
    the score is from zero.
    """
    if p_neu >= p_pos and p_neu >= p_neg:
        return NEUTRAL_BAND * (p_pos - p_neg)
    if p_pos > p_neg:
        return NEUTRAL_BAND + (1.0 - NEUTRAL_BAND) * (p_pos - max(p_neu, p_neg))
    return -(NEUTRAL_BAND + (1.0 - NEUTRAL_BAND) * (p_neg - max(p_neu, p_pos)))


def _model_text() -> str:
    try:
        return files("newsbrief.nlp").joinpath("data", _MODEL_FILE).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as e:
        raise ModelError(f"the target-tone model file data/{_MODEL_FILE} is missing from the package",
                         field="tone") from e


@lru_cache(maxsize=1)
def _shipped() -> ToneModel:
    model = ToneModel.from_json(_model_text())
    log.debug("loaded target-tone model (%d features)", len(model.weights))
    return model


@lru_cache(maxsize=1)
def model_digest() -> str:
    """Short hash of the shipped model file: part of the annotation cache key."""
    return hashlib.sha256(_model_text().encode()).hexdigest()[:12]


def _check_spans(length: int, mentions: Sequence[tuple[int, int]]) -> None:
    for n, pair in enumerate(mentions):
        try:
            start, end = pair
        except (TypeError, ValueError) as e:
            raise InputError(f"span {pair!r} is not a (start, end) pair", row=n, field="spans") from e
        if not (isinstance(start, int) and isinstance(end, int)):
            raise InputError(f"span {pair!r} must hold integer character offsets", row=n, field="spans")
        if not 0 <= start < end <= length:
            raise InputError(
                f"span ({start}, {end}) is empty or outside the text (length {length})", row=n, field="spans"
            )


def features_for_mentions(doc: Doc, mentions: Sequence[tuple[int, int]]) -> list[dict[str, float]]:
    """The feature dict of each character span in ``mentions`` of the parsed ``doc``.

    Raises :class:`~newsbrief.errors.InputError` for a span that is empty, outside the
    text, or covers only whitespace.
    """
    _check_spans(doc_chars(doc), mentions)
    if not mentions:
        return []
    vals = DocValences(doc)
    out = []
    for n, (start, end) in enumerate(mentions):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span) or all(t.is_space for t in span):
            raise InputError(f"span ({start}, {end}) covers no word", row=n, field="spans")
        out.append(mention_features(vals, span))
    return out


def tone_for_mentions(
    doc: Doc, mentions: Sequence[tuple[int, int]], *, model: ToneModel | None = None
) -> list[float]:
    """Tone towards each mention (character spans into ``doc.text``) of an already parsed ``doc``.

    ``doc`` must come from a pipeline with a parser (sentences and dependencies), such as
    :func:`newsbrief.nlp.pipeline.load_pipeline`.  Scores are in −1..1; ``abs(score) <= 0.1``
    means neutral.  Annotation calls this on the Docs it already has, so nothing is parsed twice.
    """
    feats = features_for_mentions(doc, mentions)
    if not feats:
        return []
    return (model or _shipped()).scores(feats)


def target_tone(
    text: str, spans: Sequence[tuple[int, int]], *, nlp: Language | None = None, model: ToneModel | None = None
) -> list[float]:
    """Tone towards each target span of ``text`` in −1..1 (``abs(score) <= 0.1``: neutral).

    ``text`` is a sentence or a paragraph; ``spans`` are ``(start, end)`` character offsets
    of the target mentions in it.  Parses ``text`` with ``nlp`` (default: the project's
    pipeline, loaded once per process); when a parsed ``Doc`` is at hand, call
    :func:`tone_for_mentions` instead.

    >>> s = "Ukraine accused Russia of aggression."
    >>> ukraine, russia = target_tone(s, [(0, 7), (16, 22)])  # doctest: +SKIP
    """
    if not isinstance(text, str):
        raise InputError(f"text must be a string, not {type(text).__name__}", field="text")
    spans = list(spans)
    _check_spans(len(text), spans)
    if not spans:
        return []
    if nlp is None:
        from .pipeline import load_pipeline

        nlp = load_pipeline()
    return tone_for_mentions(nlp(text), spans, model=model)
