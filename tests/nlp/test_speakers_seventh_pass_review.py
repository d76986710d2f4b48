"""Regressions the review of the seventh speaker pass found (issue 21): made-up sentences, one class each
(docs/speakers.md, "Seventh pass", "Review fixes")."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsbrief.nlp.quotes import extract_quotes
from speakerrefs import speaker_refs as _refs


def _refs_of(nlp: Language, text: str, words: str) -> list[str | None]:
    rows = [q for q in extract_quotes(nlp(text)) if words in q.content]
    assert rows, f"no row holds {words!r}"
    return _refs(text, rows)


# 1. a description introduced with a copula, "works as", a relative clause or "As a ..." is the person's
@pytest.mark.parametrize(
    "intro",
    [
        "Ann Boyd is a retired nurse.",
        "Ann Boyd works as a nurse at the county hospital.",
        "Ann Boyd has been a nurse for 20 years.",
        "Ann Boyd, who is a nurse at the county hospital, spoke on Monday.",
        "As a nurse, Ann Boyd knows the ward well.",
        "Ann Boyd became a nurse in 2019.",
    ],
)
def test_a_description_introduced_with_a_copula_or_works_as_is_the_person(nlp: Language, intro: str) -> None:
    text = intro + " \"We are exhausted,\" the nurse said."
    assert _refs_of(nlp, text, "exhausted") == ["Ann Boyd"]


# 2. only a story makes a character: a game, an interview series, a drama in politics have real speakers
@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        ("Harbor beat Kestrel 3-1 on Sunday. In the game, coach Ann Boyd told reporters, \"Everyone did their "
         "job.\"", "Everyone did", "Ann Boyd"),
        ("Harbor beat Kestrel 3-1. In the game Sunday, coach Tom Reed said his players \"never gave up\".",
         "never gave up", "Tom Reed"),
        ("Jane Roe's talk show returned on Monday. In the episode, Roe told viewers, \"We are back for good.\"",
         "back for good", "Roe"),
        ("In the interview series, Ruth Calder said the mayor \"should resign\".", "should resign", "Ruth Calder"),
        ("Ruth Calder chaired the meeting. The council meeting turned into a drama. In the drama, Calder told the "
         "mayor, \"You should resign.\"", "You should resign", "Calder"),
    ],
)
def test_a_real_person_speaking_in_a_game_show_or_meeting_keeps_the_words(
    nlp: Language, text: str, words: str, name: str
) -> None:
    assert _refs_of(nlp, text, words) == [name]


# 3. "it" + be + adjective is still the organisation
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Harbor Mills lost the case on Monday. It was unrepentant and said it would appeal the ruling.",
         "appeal the ruling"),
        ("Harbor Mills lost the case on Monday. It was defiant, saying it would \"fight on\" in the appeals "
         "court.", "fight on"),
        ("The Kestrel Bank was fined $2 million. It was quick to respond, saying the fine was \"unjustified\".",
         "unjustified"),
    ],
)
def test_it_with_an_adjective_after_be_is_still_the_organisation(nlp: Language, text: str, words: str) -> None:
    refs = _refs_of(nlp, text, words)
    assert refs and all(r is not None and r.endswith(("Harbor Mills", "Kestrel Bank")) for r in refs)


# 4. "According to his lawyer, Tom Reed, a former banker, never signed": Reed is what the lawyer speaks about
@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("According to his lawyer, Tom Reed, a former banker, never signed the contract.", "Tom Reed", "his lawyer"),
        ("According to the officer, Ann Boyd, who was driving, fled the scene.", "Ann Boyd", "the officer"),
        ("According to his doctor, Tom Reed, who is 80, is recovering well at home.", "Tom Reed", "his doctor"),
    ],
)
def test_according_to_a_role_the_name_with_its_own_aside_is_the_contents_subject(
    nlp: Language, text: str, name: str, role: str
) -> None:
    rows = extract_quotes(nlp(text))
    assert len(rows) == 1
    assert name in rows[0].content
    assert _refs(text, rows) == [role]


# 5. a quote beside a thing the cue's verb takes as its object is a title, not words said
@pytest.mark.parametrize(
    "text",
    [
        "Voters mocked the much-criticized slogan, \"Build the harbor back better.\"",
        "She blamed the sign, \"No entry after dark for visitors\", for the confusion.",
        "Ruth Calder condemned the newspaper's headline, \"Mayor lies about the budget again.\"",
    ],
)
def test_a_quoted_title_beside_a_things_name_is_no_direct_quote(nlp: Language, text: str) -> None:
    assert not [q for q in extract_quotes(nlp(text)) if q.kind == "direct"]


# 6. a statement verb before a quoted name is no statement, whether a pronoun or a name is its subject
@pytest.mark.parametrize(
    "text",
    [
        "Amos Pell praised the mayor. He then criticized the \"Harbor Plan\" booklet, which was printed in May.",
        "Amos Pell criticized the \"Harbor Plan\" booklet, which was printed in May.",
    ],
)
def test_criticising_a_quoted_name_is_no_statement(nlp: Language, text: str) -> None:
    assert not [q for q in extract_quotes(nlp(text)) if "Harbor Plan" in q.content]


# 7. a party member named after a comma is that person
def test_a_party_member_set_off_by_a_name_is_that_person(nlp: Language) -> None:
    text = "\"The bill goes too far,\" said a Republican, Ann Boyd, on Monday."
    assert _refs_of(nlp, text, "goes too far") == ["Ann Boyd"]


# 8. an unclosed paragraph after a speaker's cue stays that speaker's when another speaker answers
def test_an_unclosed_paragraph_after_a_cue_is_not_the_answering_speakers(nlp: Language) -> None:
    text = ("\"We will fight this,\" union leader Ruth Calder said.\n\n\"They lied to us about the pensions for "
            "years.\n\n\"We did nothing wrong and the books are open,\" plant manager Tom Reed said.\n\n"
            "\"Nobody will believe that,\" Calder said.")
    assert _refs_of(nlp, text, "pensions") == ["Ruth Calder"]


def test_a_character_played_by_someone_is_no_speaker_in_the_past_tense_too(nlp: Language) -> None:
    text = ("Jane Roe plays Harry Voss in the new series. In the series, Voss told his partner, \"We are running "
            "out of time.\"")
    rows = [q for q in extract_quotes(nlp(text)) if "running out" in q.content]
    assert len(rows) == 1
    assert _refs(text, rows) == [None]
    assert not rows[0].speaker_is_entity
