"""A person called by a description instead of a name, and an organisation by a synonym of its kind (issue 21,
eighth pass): made-up sentences, one per class counted on PolNeAR train (docs/speakers.md, "Eighth pass")."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from newsbrief.nlp.quotes import Quote, extract_quotes
from speakerrefs import speaker_refs as _refs


def _said(rows: list[Quote], start: str) -> list[Quote]:
    return [q for q in rows if q.content.startswith(start)]


def test_an_epithet_is_the_person_the_last_sentence_was_about(nlp: Language) -> None:
    text = ("Donald Okafor spent the morning at a town hall in Salem, taking questions from voters.\n\n"
            "\"We are going to win this state and we are going to win it big,\" the billionaire businessman said.")
    rows = _said(extract_quotes(nlp(text)), "We are going")
    assert _refs(text, rows) == ["Donald Okafor"]
    assert rows[0].speaker_is_entity


def test_a_former_role_no_one_was_given_is_not_the_person_the_last_sentence_was_about(nlp: Language) -> None:
    text = ("Ruth Calder toured a school in Dayton on Friday and met teachers.\n\n"
            "\"We owe these teachers more than a pay rise,\" the former senator said.")
    rows = _said(extract_quotes(nlp(text)), "We owe")
    assert len(rows) == 1  # a role word keeps the role rules: the person tied to it, or one who just spoke
    assert not rows[0].speaker_is_entity


def test_an_epithet_after_two_people_is_no_one(nlp: Language) -> None:
    text = ("Tom Hadley attacked Mary Lindqvist over taxes at the debate on Sunday.\n\n"
            "\"That plan will cost families dearly,\" the veteran campaigner said.")
    rows = _said(extract_quotes(nlp(text)), "That plan")
    assert len(rows) == 1
    assert not rows[0].speaker_is_entity


def test_an_epithet_of_another_gender_is_no_one(nlp: Language) -> None:
    text = ("Mr. Tom Hadley visited the shipyard in Leith on Monday.\n\n"
            "\"The yard will stay open as long as I have a say,\" the businesswoman said.")
    rows = _said(extract_quotes(nlp(text)), "The yard")
    assert len(rows) == 1
    assert not rows[0].speaker_is_entity


def test_an_epithet_is_not_a_name_only_mentioned(nlp: Language) -> None:
    text = ("Protesters gathered outside the offices of Ruth Calder in Dayton on Friday.\n\n"
            "\"We will be back every week,\" the retired teacher said.")
    rows = _said(extract_quotes(nlp(text)), "We will")
    assert len(rows) == 1
    assert not rows[0].speaker_is_entity


def test_the_carrier_is_the_airline_named_before(nlp: Language) -> None:
    text = ("Kestrel Airways cancelled forty flights on Sunday because of the storm.\n\n"
            "The carrier said that passengers would be rebooked free of charge.")
    rows = _said(extract_quotes(nlp(text)), "passengers")
    assert _refs(text, rows) == ["Kestrel Airways"]


def test_an_epithet_is_not_the_subject_of_a_clause_inside_another(nlp: Language) -> None:
    text = ("The casino owner met the mayor on Monday, and he said he found Tom Hadley to be very charming.\n\n"
            "\"It was a very good meeting,\" the gambling tycoon said.")
    rows = _said(extract_quotes(nlp(text)), "It was")
    assert len(rows) == 1
    assert "Tom Hadley" not in _refs(text, rows)


def test_an_epithet_with_a_state_or_party_is_left_to_the_role_rules(nlp: Language) -> None:
    text = ("Tom Hadley took questions from voters in Manchester on Monday.\n\n"
            "\"I will not back that bill,\" the Ohio senator said.")
    rows = _said(extract_quotes(nlp(text)), "I will not")
    assert len(rows) == 1
    assert "Tom Hadley" not in _refs(text, rows)


def test_an_epithet_is_not_the_interviewer_who_just_asked(nlp: Language) -> None:
    text = ("Senator Ruth Calder spoke to reporters in Dayton. Calder said the plan was dead. Calder left early.\n\n"
            "\"Would that be you?\" Tom Hadley asked.\n\n"
            "\"That would be me, yes,\" the senator said.")
    rows = _said(extract_quotes(nlp(text)), "That would")
    assert len(rows) == 1
    assert "Tom Hadley" not in _refs(text, rows)


def test_an_epithet_is_not_the_subject_when_a_relative_of_the_same_name_comes_after(nlp: Language) -> None:
    text = ("Tom Hadley brought his older brother, Paul Hadley, to a rally in Leith on Monday.\n\n"
            "\"Labels are for soup cans,\" the former governor told the crowd.")
    rows = _said(extract_quotes(nlp(text)), "Labels")
    assert len(rows) == 1
    assert "Tom Hadley" not in _refs(text, rows)


def _as_org(nlp: Language, text: str, *names: str) -> Doc:
    """The parsed text with each of ``names`` (first occurrence on) labelled an organisation, whatever the
    small model made of it."""

    doc = nlp(text)
    spans = []
    for name in names:
        for m in re.finditer(re.escape(name), text):
            sp = doc.char_span(m.start(), m.end(), label="ORG")
            if sp is not None:
                spans.append(sp)
    taken = {i for sp in spans for i in range(sp.start, sp.end)}
    doc.ents = [e for e in doc.ents if not any(i in taken for i in range(e.start, e.end))] + spans
    return doc


def test_the_company_is_the_one_organisation_just_named(nlp: Language) -> None:
    text = ("Shares of Pellan fell 51 percent on Tuesday after a weak forecast.\n\n"
            "On Wednesday, the company said it would cooperate with investigators.")
    rows = _said(extract_quotes(_as_org(nlp, text, "Pellan")), "it would")
    assert _refs(text, rows) == ["Pellan"]
    assert rows[0].speaker_is_entity


def test_the_company_after_two_organisations_is_no_one(nlp: Language) -> None:
    text = ("Regulators at Corvane fined Pellan on Tuesday after a weak forecast.\n\n"
            "On Wednesday, the company said it would appeal.")
    rows = _said(extract_quotes(_as_org(nlp, text, "Pellan", "Corvane")), "it would")
    assert len(rows) == 1
    assert not rows[0].speaker_is_entity


def test_the_company_is_not_a_committee(nlp: Language) -> None:
    text = ("The Harlow Select Committee questioned managers on Tuesday.\n\n"
            "On Wednesday, the company said it would publish the figures.")
    rows = _said(extract_quotes(_as_org(nlp, text, "The Harlow Select Committee")), "it would")
    assert len(rows) == 1
    assert not rows[0].speaker_is_entity


def test_the_age_is_the_person_named_with_it_after_a_quote(nlp: Language) -> None:
    text = ("Tom Hadley, 54, was released from prison on Monday after three weeks.\n\n"
            "\"I never stopped believing I would walk out,\" the 54-year-old said.")
    rows = _said(extract_quotes(nlp(text)), "I never")
    assert _refs(text, rows) == ["Tom Hadley"]


def test_the_age_is_the_person_named_with_it_as_a_subject(nlp: Language) -> None:
    text = ("Ruth Calder, 61, and her neighbour Tom Hadley were evacuated on Monday. "
            "The 61-year-old said she would sue the state.")
    rows = _said(extract_quotes(nlp(text)), "she would")
    assert _refs(text, rows) == ["Ruth Calder"]


def test_an_age_no_one_was_given_is_no_named_speaker(nlp: Language) -> None:
    text = ("Tom Hadley, 54, and Ruth Calder, 61, were evacuated on Monday.\n\n"
            "\"We lost everything,\" the 38-year-old said.")
    rows = _said(extract_quotes(nlp(text)), "We lost")
    assert all(not q.speaker_is_entity for q in rows)


def test_a_spokesman_for_a_person_is_not_that_person(nlp: Language) -> None:
    text = ("A spokesman for Tom Hadley said on Monday that the mayor would not resign.\n\n"
            "\"He has done nothing wrong,\" the spokesman said.")
    rows = _said(extract_quotes(nlp(text)), "He has")
    assert len(rows) == 1
    assert "Tom Hadley" not in _refs(text, rows)


def test_a_persons_lawyer_is_not_that_person(nlp: Language) -> None:
    text = "Ruth Calder's lawyer said the charges were baseless. \"She will be cleared,\" the lawyer said."
    rows = _said(extract_quotes(nlp(text)), "She will")
    assert len(rows) == 1
    assert "Ruth Calder" not in _refs(text, rows)


def test_a_role_in_another_clause_near_a_name_is_not_that_person(nlp: Language) -> None:
    text = ("The judge listened as Tom Hadley, the defence lawyer, finished. "
            "\"Everything you have said is right,\" the judge said.")
    rows = _said(extract_quotes(nlp(text)), "Everything")
    assert len(rows) == 1
    assert "Tom Hadley" not in _refs(text, rows)


def test_a_role_tied_to_the_name_is_still_the_person(nlp: Language) -> None:
    text = ("Gov. Tom Hadley signed the bill on Monday. Mayor Ruth Calder, who opposed it, was absent.\n\n"
            "\"This is a good day for the state,\" the governor said.")
    rows = _said(extract_quotes(nlp(text)), "This is")
    assert _refs(text, rows) == ["Tom Hadley"]
