"""A person named in full and then by the bare surname is counted every time the article names them."""

from __future__ import annotations

import pandas as pd
from spacy.tokens import Span

from newsbrief.nlp.entities.linking import link_entities
from newsbrief.nlp.entities.mentions import doc_mentions


def _person_mentions(nlp, text: str, full: str) -> tuple[list[dict], pd.DataFrame]:
    doc = nlp(text)
    start = text.index(full)
    span = doc.char_span(start, start + len(full))
    doc.ents = [Span(doc, span.start, span.end, "PERSON")]  # the model's usual miss: only the full name tagged
    found = [dict(m) for m in doc_mentions(doc)]
    mentions = pd.DataFrame(found).assign(article_id="a")
    linked, entities = link_entities(mentions)
    return found, linked


def test_bare_surnames_the_model_missed_are_mentions_of_the_person(nlp) -> None:
    text = ("The suspect, Dorian Quillfeather, was convicted in 2010. Police found him at a hotel and arrested "
            "Quillfeather on Monday.\n\nQuillfeather emerged from the room. A lawyer for Quillfeather declined to "
            "comment.")
    found, linked = _person_mentions(nlp, text, "Dorian Quillfeather")
    surnames = [m for m in found if m["text"] == "Quillfeather"]
    assert len(surnames) == 3 and all(m["label"] == "PERSON" for m in surnames)
    assert all(text[m["start"]:m["end"]] == m["text"] for m in found)
    assert linked["entity_id"].nunique() == 1 and len(linked) == 4


def test_a_surname_inside_a_longer_name_or_a_common_word_opening_a_sentence_is_left_alone(nlp) -> None:
    text = ("Analyst Miriam Early said the market was calm. Early voting starts today on Early Street. "
            "\"It is binary,\" says Early.")
    found, _ = _person_mentions(nlp, text, "Miriam Early")
    extra = [m["start"] for m in found if m["text"] == "Early"]
    assert extra == [text.rindex("Early")]  # only the one after "says"
