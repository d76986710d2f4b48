"""The hash embeddings of a tok2vec computed once per distinct token of a batch: the same vectors, less CPU.

spaCy's ``MultiHashEmbed`` (the first part of the model's shared ``tok2vec`` and of newsbrief's NER's own)
maps every token to its attributes (NORM, PREFIX, SUFFIX, SHAPE), looks each up in a hash-embedding table,
concatenates them and mixes them with a maxout layer and a layer norm. Each step works on one token's row
alone, so the vector is a function of the attribute row: a batch of 64 Reuters stories has about 11,000
tokens but only 2,500-2,900 distinct rows. :func:`embed_distinct_rows` makes the embedding step of each such
tok2vec compute the distinct rows once and gather them back per token (at inference only; training runs
spaCy's own forward). The arithmetic of a row does not depend on the rows beside it (a gather, a
concatenation, a matrix product whose every output row is the same dot products, a per-row norm), so the
vectors are bit-identical to spaCy's (``tests/nlp/test_embed_once.py``; tags, parses and entities of
2,000 Reuters stories are identical, docs/speed.md).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from thinc.api import Model

log = logging.getLogger(__name__)

#: The layers of spaCy's ``MultiHashEmbed`` (without static vectors), by name, in order.
_EMBED_PARTS = ("extract_features", "list2ragged", "with_array(", "with_array(maxout>>layernorm", "ragged2list")
_MARK = "newsbrief_embed_once"


def embed_distinct_rows(nlp: Language) -> int:
    """Give every ``MultiHashEmbed`` of ``nlp``'s components the distinct-row forward; returns how many."""
    done = 0
    seen: set[int] = set()
    for _, pipe in nlp.pipeline:
        model = getattr(pipe, "model", None)
        if model is None:
            continue
        for node in model.walk():
            if node.id in seen or not _is_multi_hash_embed(node):
                continue
            seen.add(node.id)
            if not is_embedded_once(node):  # the mark is on the function: a node's attrs are saved with its weights
                node._func = _distinct_rows_forward(node._func)
            done += 1
    log.debug("hash embeddings computed once per distinct token in %d tok2vec layer(s)", done)
    return done


def is_embedded_once(node: Model) -> bool:
    """Whether ``node`` runs the distinct-row forward."""
    return bool(getattr(node._func, _MARK, False))


def _is_multi_hash_embed(node: Model) -> bool:
    layers = node.layers
    if len(layers) != len(_EMBED_PARTS):
        return False
    if not all(layer.name.startswith(part) for layer, part in zip(layers, _EMBED_PARTS)):
        return False
    # the mixing layer works on each row alone (no window); the lookups are hash embeddings of int columns
    mix = layers[3].name
    lookups = layers[2].layers[0].layers if layers[2].layers else []
    return ("expand_window" not in mix and "seq2col" not in mix and bool(lookups)
            and all(lk.name == "ints-getitem>>hashembed" for lk in lookups))


def _distinct_rows_forward(original: Callable[..., Any]) -> Callable[..., Any]:
    def forward(model: Model, docs: Any, is_train: bool) -> Any:
        if is_train:
            return original(model, docs, is_train)
        extract, _, lookups, mix, _ = model.layers
        features = extract.predict(docs)
        lengths = [len(f) for f in features]
        if not sum(lengths) or not all(isinstance(f, np.ndarray) for f in features):  # nothing, or on a GPU
            return original(model, docs, is_train)
        rows = np.concatenate(features)
        distinct, inverse = np.unique(rows, axis=0, return_inverse=True)
        vectors = mix.layers[0].predict(lookups.layers[0].predict(distinct))
        out = vectors[inverse.reshape(-1)]
        per_doc = np.split(out, np.cumsum(lengths)[:-1]) if len(lengths) > 1 else [out]

        def backprop(_: Any) -> Any:  # pragma: no cover - inference only; training runs spaCy's forward
            raise ModelError("the distinct-row embedding forward is for inference only")

        return per_doc, backprop

    setattr(forward, _MARK, True)
    return forward
