"""Surnames back to the person named in full: a surname that is also a word (parsed as an adverb) and
a surname met long after the full name. Made-up sentences, one per class of error."""

from __future__ import annotations

from spacy.language import Language

from newsbrief.nlp.entities.linking import surname_key
from newsbrief.nlp.quotes import Quote, extract_quotes


def _refs(text: str, rows: list[Quote]) -> list[str | None]:
    return [text[q.speaker_ref_start : q.speaker_ref_end] if q.speaker_ref_start is not None
            and q.speaker_ref_end is not None else None for q in rows]


_INTRO = ("\"Cloud games reach more players than ever,\" says Chris Early, head of partnerships at a games "
          "publisher.\n\n")


def test_a_surname_that_is_also_an_adverb_after_the_cue_is_the_person(nlp: Language) -> None:
    text = _INTRO + "\"Streaming is somewhat binary,\" says Early. \"You either have the bandwidth or you do not.\""
    rows = extract_quotes(nlp(text))
    later = [q for q in rows if q.content_start > len(_INTRO)]
    assert later and all(r == "Chris Early" for r in _refs(text, later))
    assert all(q.speaker_is_entity for q in later)


def test_a_surname_that_is_also_an_adverb_before_the_cue_is_the_person(nlp: Language) -> None:
    text = _INTRO + "Bandwidth is less of an issue in cities, but Early still says that rural players will wait."
    rows = extract_quotes(nlp(text))
    later = [q for q in rows if q.content_start > len(_INTRO)]
    assert later and _refs(text, later)[-1] == "Chris Early"


def test_an_adverb_no_one_is_named_by_is_no_speaker(nlp: Language) -> None:
    text = "The board met on Monday.\n\n\"Streaming is somewhat binary,\" says Early. \"You have it or not.\""
    rows = extract_quotes(nlp(text))
    assert rows and not any(q.speaker_is_entity for q in rows)


def test_a_surname_long_after_the_full_name_is_the_person(nlp: Language) -> None:
    filler = "".join(
        f"The service launched in market number {k} with a catalogue of games and a monthly price.\n\n"
        for k in range(60)
    )
    text = ("\"We built it for the cloud,\" Jack Buser, director for games at the company, told reporters.\n\n"
            + filler + "Lena Ward, an analyst, expects a slow start.\n\n"
            + "Buser, however, is counting on the new service.\n\n"
            + "\"This is where you will see the next big jump,\" he says.")
    assert len(filler) > 4000
    rows = extract_quotes(nlp(text))
    assert _refs(text, rows)[-1] == "Jack Buser"


def test_a_surname_adverb_after_a_comma_is_the_person(nlp: Language) -> None:
    text = _INTRO + ("While the catalogue is light (only three games are exclusive), Early says there is a chance "
                     "that future games will launch on the platform.")
    rows = extract_quotes(nlp(text))
    later = [q for q in rows if q.content_start > len(_INTRO) and q.cue == "says"]
    assert later and _refs(text, later)[0] == "Chris Early"


def test_a_name_that_only_modifies_the_subject_does_not_take_over_he(nlp: Language) -> None:
    text = _INTRO + ("Early says that future Acme games could be built for the platform. "
                     "\"Our objective is to make the best game,\" he says.")
    rows = extract_quotes(nlp(text))
    assert rows and _refs(text, rows)[-1] == "Chris Early"


def test_a_surname_the_model_gave_another_label_is_the_person_named_in_full(nlp: Language) -> None:
    text = "Gordon Denver testified on Wednesday. Denver said he had followed orders."
    doc = nlp(text)
    rows = extract_quotes(doc)
    assert [(q.speaker_ref_start, q.speaker_ref_end) for q in rows] == [(0, len("Gordon Denver"))]


def test_a_quote_after_a_sentence_about_the_last_speaker_by_surname_goes_on_with_his_words(nlp: Language) -> None:
    text = ("\u201cWe will fight this plan in every court,\u201d said Tom Hale Jr., the opposition leader.\n\n"
            "Hale called the plan a disaster. \u201cIt will ruin the farmers of the valley.\u201d")
    rows = extract_quotes(nlp(text))
    assert _refs(text, rows) == ["Tom Hale Jr.", "Tom Hale Jr."] and len({q.group for q in rows}) == 1


def test_surname_keys_leave_out_suffixes_case_and_accents() -> None:
    assert surname_key("Tom Hale Jr.") == surname_key("HALE") == "hale"
    assert surname_key("José Núñez") == surname_key("Nunez")
    assert surname_key("Tom Hale") != surname_key("Tom Hall")
