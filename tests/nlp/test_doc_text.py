"""The Doc's text is built once and equals spaCy's."""

from __future__ import annotations

from spacy.language import Language

from newsbrief.nlp.chunks import TEXT_KEY, doc_text


def test_doc_text_equals_spacys_and_is_kept_on_the_doc(nlp: Language) -> None:
    text = "Shares fell.\n\nHEADING\n\n\u201cNo,\u201d she said  twice. "
    doc = nlp(text)
    assert doc_text(doc) == doc.text == text
    assert doc.user_data[TEXT_KEY] is doc_text(doc)


def test_doc_text_of_a_doc_made_without_the_pipeline_is_built_on_first_use(nlp: Language) -> None:
    doc = nlp.make_doc("One two  three.")
    assert TEXT_KEY not in doc.user_data
    assert doc_text(doc) == "One two  three."
    assert doc.user_data[TEXT_KEY] == "One two  three."
