"""Hash embeddings once per distinct token (:mod:`newsbrief.nlp.embed_once`): the same vectors and annotations."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import spacy
from spacy.language import Language

from newsbrief.nlp.embed_once import embed_distinct_rows, is_embedded_once
from newsbrief.nlp.pipeline import DEFAULT_MODEL, replace_ner

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"
ATTRS = ["TAG", "DEP", "HEAD", "SENT_START", "ENT_IOB", "ENT_TYPE"]
MODELS = ["tok2vec", "tagger", "parser", "ner"]


def _texts() -> list[str]:
    texts = ["", "Reuters", "  \n ", "Priya Raman of Halvorsen Logistics said the depot in Rotterdam would open.",
             (SAMPLES / "wion-2021-04-06-ukraine-nato.txt").read_text(encoding="utf-8")]
    with (SAMPLES / "hyperpartisan-2017q3.jsonl").open(encoding="utf-8") as lines:
        for line, _ in zip(lines, range(40)):
            texts.append(json.loads(line)["text"][:4000])
    return texts


@pytest.fixture(scope="module")
def spacy_own() -> Language:
    """The model with newsbrief's NER, every embedding computed by spaCy's own forward."""
    own = spacy.load(DEFAULT_MODEL)
    replace_ner(own)
    return own


def test_the_pipeline_embeds_distinct_tokens_once_in_the_shared_tok2vec_and_the_ners(nlp: Language) -> None:
    marked = [node for _, pipe in nlp.pipeline if hasattr(pipe, "model")
              for node in pipe.model.walk() if is_embedded_once(node)]
    assert len(marked) == 2
    assert embed_distinct_rows(nlp) == 2  # again: found, not wrapped twice


def test_the_vectors_are_spacys_to_the_bit(nlp: Language, spacy_own: Language) -> None:
    texts = _texts()
    for name in ("tok2vec", "ner"):
        ours, theirs = nlp.get_pipe(name).model, spacy_own.get_pipe(name).model
        tok2vec_ours = ours if name == "tok2vec" else ours.layers[0]
        tok2vec_theirs = theirs if name == "tok2vec" else theirs.layers[0]
        for start in range(0, len(texts), 16):  # batches with empty and one-token texts, and one text alone
            docs = [spacy_own.make_doc(t) for t in texts[start:start + 16]]
            got, want = tok2vec_ours.predict(docs), tok2vec_theirs.predict(docs)
            assert all(np.array_equal(a, b) for a, b in zip(got, want, strict=True)), (name, start)
        one = [spacy_own.make_doc(texts[3])]
        assert np.array_equal(tok2vec_ours.predict(one)[0], tok2vec_theirs.predict(one)[0])


def test_tags_parses_and_entities_are_spacys(nlp: Language, spacy_own: Language) -> None:
    texts = _texts()
    with nlp.select_pipes(enable=MODELS):
        ours = list(nlp.pipe(texts, batch_size=16))
    with spacy_own.select_pipes(enable=MODELS):
        theirs = list(spacy_own.pipe(texts, batch_size=16))
    assert sum(len(d.ents) for d in ours) > 100
    for a, b in zip(ours, theirs, strict=True):
        assert np.array_equal(a.to_array(ATTRS), b.to_array(ATTRS))


def test_training_runs_spacys_own_forward(nlp: Language) -> None:
    model = nlp.get_pipe("tok2vec").model
    docs = [nlp.make_doc("Training takes the gradient through spaCy's own layers.")]
    vectors, backprop = model.begin_update(docs)
    assert callable(backprop) and vectors[0].shape[0] == len(docs[0])
