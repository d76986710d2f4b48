"""The model's own token vectors of a name as typer features.

The pipeline's shared ``tok2vec`` (the one the tagger, the parser and newsbrief's NER listen to) leaves a
96-dimensional vector per token in ``doc.tensor``; each vector already reads about four tokens either side
(the CNN's window). The mean over a name's tokens says what the model makes of the name in its context
beyond the one NER label it gives: a typer trained on these (:mod:`.typer`, ``vec<i>`` features) can tell
"Ubisoft" the company from a person where the label alone cannot. No new work per token: the vectors are
computed by the parse anyway. A Doc without them (read back from a ``DocBin``, or made without the
``tok2vec``) simply gives no such features.
"""

from __future__ import annotations

from typing import Any

#: Feature names: ``vec0`` ... ``vec95``.
PREFIX = "vec"
#: The vectors are scaled down by this (a stronger L2 penalty on them than on the sparse features, whose
#: values are 0 to 1; the tok2vec's values have a standard deviation of about 0.8).
SCALE = 0.25


def span_mean(span: Any) -> Any:
    """The mean of ``doc.tensor`` over the span's tokens, scaled by :data:`SCALE` (a numpy vector), or None
    when the Doc has no tensor."""
    tensor = getattr(span.doc, "tensor", None)
    if tensor is None or len(tensor.shape) != 2 or tensor.shape[0] != len(span.doc) or not tensor.shape[1]:
        return None
    if span.end <= span.start:
        return None
    return tensor[span.start : span.end].mean(axis=0) * SCALE


def as_features(vector: Any) -> dict[str, float]:
    """``vec<i>`` features of a vector (none for None)."""
    return {} if vector is None else {f"{PREFIX}{i}": float(v) for i, v in enumerate(vector)}


def span_vector(span: Any) -> dict[str, float]:
    """``vec<i>``: the mean of ``doc.tensor`` over the span's tokens (empty when the Doc has no tensor)."""
    return as_features(span_mean(span))
