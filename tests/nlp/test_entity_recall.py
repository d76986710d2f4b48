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


def _found_with(nlp, text: str, *ents: tuple[int, str, str]) -> list[dict]:
    """doc_mentions of ``text`` when the model tagged just ``ents`` (start, surface, label)."""
    doc = nlp(text)
    spans = [doc.char_span(a, a + len(surface), label=label) for a, surface, label in ents]
    doc.ents = spans
    return [dict(m) for m in doc_mentions(doc)]


def test_a_surname_before_its_own_full_name_is_not_added(nlp) -> None:
    text = ("Anna Bexley met reporters on Monday. Quillfeather arrived later. The suspect, Dorian Quillfeather, "
            "was convicted. Police arrested Quillfeather at home.")
    found = _found_with(nlp, text, (0, "Anna Bexley", "PERSON"),
                        (text.index("Dorian Quillfeather"), "Dorian Quillfeather", "PERSON"))
    assert [m["start"] for m in found if m["text"] == "Quillfeather"] == [text.rindex("Quillfeather")]


def test_hashtags_handles_and_the_model_s_other_entities_are_no_surnames(nlp) -> None:
    text = ("The suspect, Dorian Quillfeather, was convicted. Fans posted #Quillfeather and @Quillfeather all day. "
            "The film Quillfeather opens on Friday. Police arrested Quillfeather at home.")
    film = text.index("film Quillfeather") + len("film ")
    found = _found_with(nlp, text, (text.index("Dorian Quillfeather"), "Dorian Quillfeather", "PERSON"),
                        (film, "Quillfeather", "WORK_OF_ART"))
    assert [m["start"] for m in found if m["text"] == "Quillfeather"] == [text.rindex("Quillfeather")]


def test_hyphenated_and_curly_apostrophe_surnames_are_found(nlp) -> None:
    text = ("The suspect, Dorian Vane-Tasker, met Laura O’Quillfeather on Monday. Police arrested Vane-Tasker "
            "at home, and O’Quillfeather said nothing.")
    found = _found_with(nlp, text, (text.index("Dorian Vane-Tasker"), "Dorian Vane-Tasker", "PERSON"),
                        (text.index("Laura O’Quillfeather"), "Laura O’Quillfeather", "PERSON"))
    added = [(m["start"], m["text"]) for m in found if m["text"] in {"Vane-Tasker", "O’Quillfeather"}]
    assert added == [(text.rindex("Vane-Tasker"), "Vane-Tasker"), (text.rindex("O’Quillfeather"), "O’Quillfeather")]
    assert all(m["label"] == "PERSON" for m in found)


def test_the_surname_of_a_titled_full_name_is_learned_when_it_is_a_common_word(nlp) -> None:
    text = "President Marisol Hill spoke on Monday. Aides said that Hill would travel to the coast."
    found, linked = _person_mentions(nlp, text, "President Marisol Hill")
    assert [m["start"] for m in found if m["text"] == "Hill"] == [text.rindex("Hill")]
    assert linked["entity_id"].nunique() == 1
