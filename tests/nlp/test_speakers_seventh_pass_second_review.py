"""Regressions the second review of the seventh speaker pass found (issue 21): made-up sentences, one class
each (docs/speakers.md, "Second review fixes of the seventh pass")."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsbrief.nlp.quotes import extract_quotes
from speakerrefs import speaker_refs as _refs


def _refs_of(nlp: Language, text: str, words: str) -> list[str | None]:
    rows = [q for q in extract_quotes(nlp(text)) if words in q.content]
    assert rows, f"no row holds {words!r}"
    return _refs(text, rows)


# 1. a statement verb's object that is no naming noun (slogan, headline, sign ...) keeps the quote after it
@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        ('Ann Boyd criticized the decision, "It is a betrayal of every worker here."', "betrayal", "Ann Boyd"),
        ('Tom Reed blamed his neighbor: "He never fixed the fence in ten years."', "fence", "Tom Reed"),
        ('Ruth Calder praised the plan, "It will save the town a lot of money."', "save the town", "Ruth Calder"),
    ],
)
def test_a_quote_after_a_statement_verbs_object_is_the_subjects_words(
    nlp: Language, text: str, words: str, name: str
) -> None:
    rows = [q for q in extract_quotes(nlp(text)) if words in q.content]
    assert len(rows) == 1
    assert rows[0].kind == "direct"
    assert not rows[0].content.startswith("the ")
    assert _refs(text, rows) == [name]


# 5. a sentence split over two paragraphs is one speaker's: the cue after its end, not the speaker before it
def test_a_sentence_split_over_two_paragraphs_is_the_cue_after_its_end(nlp: Language) -> None:
    text = ('"We will fight this," Ruth Calder said.\n\n"Our plant is safe and always has been,\n\n'
            '"and we did nothing wrong," plant manager Tom Reed said.')
    rows = [q for q in extract_quotes(nlp(text)) if "plant is safe" in q.content]
    assert len(rows) == 1
    assert _refs(text, rows) == ["Tom Reed"]


# 4. "according to the spokeswoman, Dana Ruiz," before a clause with a subject of its own: Dana Ruiz says it
@pytest.mark.parametrize(
    "rest",
    [
        "only 40 workers were affected.",
        "about 40 workers lost their jobs.",
        "not one payment was made on time.",
        "almost every flight was delayed on Monday.",
    ],
)
def test_according_to_a_role_and_a_name_before_a_clause_is_the_name(nlp: Language, rest: str) -> None:
    text = f"According to the spokeswoman, Dana Ruiz, {rest}"
    rows = extract_quotes(nlp(text))
    assert len(rows) == 1
    assert "Dana Ruiz" not in rows[0].content
    assert _refs(text, rows) == ["Dana Ruiz"]


# 3. a relative clause whose subject is someone else ("whose husband is a nurse") describes that one
@pytest.mark.parametrize(
    ("intro", "noun"),
    [
        ("Ann Boyd, whose husband is a nurse, waited outside.", "nurse"),
        ("Ann Boyd, whose son is a teacher, waited outside.", "teacher"),
        ("Ann Boyd, whose daughter became a teacher, waited outside.", "teacher"),
    ],
)
def test_a_description_of_someone_in_a_whose_clause_is_not_the_names(nlp: Language, intro: str, noun: str) -> None:
    text = f'{intro} "The place is full again today," the {noun} said.'
    assert _refs_of(nlp, text, "full again") == [f"the {noun}"]


# 2. a real person who "says" something in a series, an episode or a film is a speaker: present tense is news style
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('In the interview series, Ruth Calder says the mayor "should resign before the summer".', "Ruth Calder"),
        ('In the episode, host Jane Roe says the show "will be back next year with new guests".', "Jane Roe"),
        ('The mayor launched a video series on Monday. In the series, Ann Boyd says the budget "does not add up '
         'at all".', "Ann Boyd"),
        ('Ann Boyd lost her farm in the flood last year. In the film, Boyd says the town "left us alone with the '
         'water".', "Boyd"),
    ],
)
def test_a_real_person_saying_something_in_a_series_or_film_is_a_speaker(nlp: Language, text: str, name: str) -> None:
    rows = extract_quotes(nlp(text))
    assert len(rows) == 1
    assert _refs(text, rows) == [name]


# 8. a statement, claim or warning as the object of the verb before a quote introduces the subject's words
@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        ('Ruth Calder rejected the claim, "We never saw the money from the fund."', "never saw", "Ruth Calder"),
        ('Harbor Mills issued a statement: "We regret the delay and apologise to customers."', "regret",
         "Harbor Mills"),
        ('The mayor repeated her warning: "Nobody should drink the water until Friday."', "drink", "The mayor"),
    ],
)
def test_a_statement_object_before_a_quote_introduces_the_subjects_words(
    nlp: Language, text: str, words: str, name: str
) -> None:
    rows = [q for q in extract_quotes(nlp(text)) if words in q.content]
    assert len(rows) == 1
    assert rows[0].kind == "direct"
    assert _refs(text, rows) == [name]
