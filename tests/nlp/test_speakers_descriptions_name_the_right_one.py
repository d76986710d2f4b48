"""A description ("the doctor", "the company", "the carrier", "the 54-year-old", "the former president") names
only the one the text leaves no doubt about, never a named entity that did not speak (issue 21; docs/speakers.md,
"Review fixes of the eighth pass" and "Second review fixes"). Made-up texts; each row must exist and name no
one (the description itself, or no speaker for an age) or the right one."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsbrief.nlp.quotes import Quote, extract_quotes
from speakerrefs import speaker_refs as _refs


def _row(nlp: Language, text: str, words: str) -> Quote:
    rows = [q for q in extract_quotes(nlp(text)) if words in q.content]
    assert len(rows) == 1, f"no single row holds {words!r}"
    return rows[0]


def _unnamed(row: Quote, noun: str) -> None:
    """The row's speaker is the description itself, naming no one (not a missing speaker)."""
    assert row.speaker_text is not None and noun in row.speaker_text.lower()
    assert not row.speaker_is_entity


# F1. a role or title word is most often someone dealing with the article's subject: never that subject
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Tom Hadley was taken to hospital on Monday after his car hit a tree near Leith.\n\n"
         '"He has serious injuries but is stable," the doctor said.', "serious injuries"),
        ("Tom Hadley was charged with fraud on Monday after a two-year investigation.\n\n"
         '"We will seek the maximum sentence," the prosecutor said.', "maximum sentence"),
        ("Ruth Calder pleaded guilty to theft at Leith Crown Court on Tuesday.\n\n"
         '"You abused the trust of your employer," the judge said.', "abused the trust"),
        ("Ruth Calder was found dead at her home in Leith on Sunday.\n\n"
         '"We are treating the death as suspicious," the detective said.', "as suspicious"),
        ("Tom Hadley fled the scene on foot and was arrested two hours later.\n\n"
         '"He was carrying a knife," the officer said.', "carrying a knife"),
        ("Ruth Calder appeared on the late show on Friday to promote her book.\n\n"
         '"Welcome back to the show," the host said.', "Welcome back"),
        ("Tom Hadley died on Monday at the age of 88. Hadley founded the Leith Gazette in 1960.\n\n"
         '"He was a giant of our trade," the editor said.', "a giant"),
        ("Tom Hadley was cleared of all charges on Monday.\n\n"
         '"The evidence was always thin," the expert said.', "always thin"),
    ],
)
def test_a_role_word_never_named_is_not_the_person_the_article_is_about(nlp: Language, text: str, words: str) -> None:
    row = _row(nlp, text, words)
    _unnamed(row, text[text.rindex('" the ') + 6 :].split()[0])


# F2. words that usually name the other side of a story are no epithet of the subject
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Tom Hadley won the mayoral race in Leith on Tuesday by 300 votes.\n\n"
         '"He has betrayed this town," the activist said.', "betrayed"),
        ("Ruth Calder stepped down as chief executive of the company on Monday.\n\n"
         '"It was time for a change," the investor said.', "time for a change"),
        ("Senator Tom Hadley conceded defeat on Tuesday night in Leith.\n\n"
         '"This victory belongs to the voters," the challenger said.', "This victory"),
    ],
)
def test_a_word_for_the_other_side_is_not_the_subject(nlp: Language, text: str, words: str) -> None:
    _unnamed(_row(nlp, text, words), text[text.rindex('" the ') + 6 :].split()[0])


def test_an_epithet_is_not_a_subject_things_were_done_to(nlp: Language) -> None:
    text = ("Tom Hadley was arrested in Leith on Monday.\n\n"
            '"I will not comment on the case," the billionaire businessman said.')
    _unnamed(_row(nlp, text, "not comment"), "businessman")


# F3. "the company" is never a public body, and needs a sign the organisation is a business
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The Ministry of Health banned the product on Monday.\n\nThe company said it would appeal the ban.",
         "appeal the ban"),
        ("The NHS stopped buying the masks on Monday after tests found defects.\n\n"
         "The company said the tests were flawed.", "were flawed"),
        ("Scotland Yard raided the offices on Monday.\n\nThe company said it was cooperating with police.",
         "cooperating"),
        ("Researchers at MIT tested the battery last year.\n\nThe firm said the results were encouraging.",
         "encouraging"),
    ],
)
def test_the_company_is_not_a_public_body(nlp: Language, text: str, words: str) -> None:
    _unnamed(_row(nlp, text, words), text[text.rindex("\n") + 5 :].split()[0])


def test_the_company_is_the_business_whose_shares_are_spoken_of(nlp: Language) -> None:
    text = "Shares of Pellan Foods fell 9 percent on Tuesday.\n\nThe company said it would cut 300 jobs."
    assert _refs(text, [_row(nlp, text, "300 jobs")]) == ["Pellan Foods"]


# F4. a kind word that fits two organisations, or a public bank, names no one
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Kestrel Airways agreed on Monday to buy Tarn Airlines for two billion dollars.\n\n"
         "The carrier said the deal would close in June.", "close in June"),
        ("Harlow Bank agreed on Monday to buy Pellan Bank for two billion dollars.\n\n"
         "The lender said the deal would create the country's third-largest bank.", "third-largest"),
        ("The European Central Bank ordered Pellan to raise more capital on Friday.\n\n"
         "The lender said it would sell assets to meet the demand.", "sell assets"),
        ("Dunmore Air cancelled the contract with Tarn Shipping on Monday.\n\n"
         "The carrier said its ships would keep sailing.", "keep sailing"),
    ],
)
def test_a_kind_word_for_either_of_two_or_a_public_bank_is_no_one(nlp: Language, text: str, words: str) -> None:
    _unnamed(_row(nlp, text, words), text[text.rindex("\n") + 5 :].split()[0])


# F5. an age: someone new when indefinite, no one when shared, not given, far back, or said of the dead
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Police arrested Tom Hadley, 30, on Monday after a fight outside a bar in Leith.\n\n"
         '"It was chaos," said a 30-year-old who saw the fight.', "chaos"),
        ("Tom Hadley, 54, and his neighbour Ruth Calder, 54, were both hurt in the fire on Monday.\n\n"
         '"I heard a bang and ran outside," the 54-year-old said.', "a bang"),
        ("Police arrested Tom Hadley on Monday. Hadley was charged with the murder of his neighbour.\n\n"
         '"He was a lovely man," the 80-year-old said.', "lovely man"),
        ("Tom Hadley, 54, was jailed in 2010 for the robbery.\n\nHe was freed in 2015.\n\n"
         "Ruth Calder spent the morning at the market on Friday, buying fish.\n\nShe met friends.\n\n"
         '"I never go out after dark," the 54-year-old said.', "after dark"),
        ("Tom Hadley, 19, died in the crash. Ruth Calder was driving the other car.\n\n"
         '"I will never forget that night," the 19-year-old said.', "that night"),
    ],
)
def test_an_age_that_does_not_single_out_a_living_person_is_no_one(nlp: Language, text: str, words: str) -> None:
    row = _row(nlp, text, words)
    assert row.speaker_ref_start is None and not row.speaker_is_entity  # no speaker, not a pooled "N-year-old"


# F6. a spokesman's own name set off after the organisation he speaks for
def test_a_spokesmans_name_after_the_organisation_is_his(nlp: Language) -> None:
    text = ("A spokesman for Pellan, Tom Hadley, said the plant would close in May. Workers protested outside on "
            'Tuesday.\n\n"We have no other choice," the spokesman said.')
    assert _refs(text, [_row(nlp, text, "no other choice")]) == ["Tom Hadley"]


# F7. "the former president" is never the sitting one
def test_the_former_president_is_not_the_sitting_one(nlp: Language) -> None:
    text = ("President Ruth Calder met Tom Hadley, her predecessor, at the palace on Monday. Calder thanked him "
            'for his advice.\n\n"The country is in good hands," the former president said.')
    assert _refs(text, [_row(nlp, text, "good hands")]) == ["Tom Hadley"]


def test_the_former_president_is_the_one_introduced_as_former(nlp: Language) -> None:
    text = ("Tom Hadley, a former president, attended the ceremony for President Ruth Calder on Monday.\n\n"
            '"I wish her well," the former president said.')
    assert _refs(text, [_row(nlp, text, "wish her well")]) == ["Tom Hadley"]


# N2. "the company" after a deal between two: either party, so no one
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Harlow Foods agreed on Monday to buy Pellan Foods for two billion dollars. Shares of Pellan Foods jumped "
         "20 percent.\n\nThe company said it would keep both factories open.", "both factories"),
        ("Kestrel agreed on Monday to buy Pellan Foods for two billion dollars. Shares of Pellan Foods jumped 20 "
         "percent.\n\nThe company said the deal would close in June.", "close in June"),
    ],
)
def test_the_company_after_a_deal_between_two_is_no_one(nlp: Language, text: str, words: str) -> None:
    _unnamed(_row(nlp, text, words), "company")


# N3. ages: the dead do not speak, an age before the name counts, an unresolved age is no speaker
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Ruth Calder, 54, was found dead at her home on Sunday. Police are questioning Tom Hadley.\n\n"
         '"I did not hurt her," the 54-year-old said.', "did not hurt"),
        ("Ruth Calder, 54, was murdered at her home on Sunday. Police arrested a man.\n\n"
         '"She was kind to everyone," the 54-year-old said.', "kind to everyone"),
    ],
)
def test_an_age_given_to_the_dead_is_no_speaker(nlp: Language, text: str, words: str) -> None:
    assert _refs(text, [_row(nlp, text, words)]) == [None]


def test_an_age_before_the_name_gives_the_age(nlp: Language) -> None:
    text = '54-year-old Tom Hadley won the lottery on Monday.\n\n"I will buy a boat," the 54-year-old said.'
    assert _refs(text, [_row(nlp, text, "buy a boat")]) == ["Tom Hadley"]


def test_an_unresolved_age_names_no_speaker_to_pool_across_articles(nlp: Language) -> None:
    text = ("Police arrested Tom Hadley on Monday. Hadley was charged with the murder of his neighbour.\n\n"
            '"He was a lovely man," the 80-year-old said.')
    row = _row(nlp, text, "lovely man")
    assert row.speaker_ref_start is None and not row.speaker_is_entity  # the briefing: unattributed


# N4. "the former governor" is the one the text says held the role until some time
def test_the_former_governor_is_the_one_who_was_governor_until(nlp: Language) -> None:
    text = ("Governor Ruth Calder signed the bill on Monday. Tom Hadley, who was governor until 2019, opposed it.\n\n"
            '"This bill will ruin the state," the former governor said.')
    assert _refs(text, [_row(nlp, text, "ruin the state")]) == ["Tom Hadley"]


def test_the_president_is_not_the_late_one(nlp: Language) -> None:
    text = ("President Ruth Calder unveiled a statue of the late president Tom Hadley on Monday.\n\n"
            '"He would have been proud," the president said.')
    assert _refs(text, [_row(nlp, text, "would have been proud")]) == ["Ruth Calder"]
