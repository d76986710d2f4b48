"""Pronoun subjects of statements, new people brought in by an indefinite role, "it" that is no one (issue 21,
seventh pass): made-up sentences, one per class found on PolNeAR train (docs/speakers.md, "Seventh pass")."""

from __future__ import annotations

from spacy.language import Language

from newsbrief.nlp.quotes import extract_quotes
from speakerrefs import speaker_refs as _refs


def test_a_statement_verb_with_a_pronoun_subject_and_quoted_words_is_the_persons(nlp: Language) -> None:
    text = ("Singer Mara Quill has left her label, Stone Harbor Records. She accused the label of \"years of "
            "bullying\" and said she was heartbroken.")
    rows = extract_quotes(nlp(text))
    accused = [q for q in rows if "years of bullying" in q.content]
    assert len(accused) == 1
    assert _refs(text, accused) == ["Mara Quill"]


def test_a_statement_verb_with_a_pronoun_subject_and_no_quoted_words_is_no_statement(nlp: Language) -> None:
    text = "Mayor Ivan Dorsett opened the plant. He blamed the delays on the weather."
    assert not [q for q in extract_quotes(nlp(text)) if "weather" in q.content]


def test_joint_they_criticising_with_quoted_words_speaks_for_each_name(nlp: Language) -> None:
    text = ("Senator Ruth Calder and congressman Amos Pell spoke at the rally. They criticised the company's "
            "\"greed\" and left.")
    rows = [q for q in extract_quotes(nlp(text)) if "greed" in q.content]
    assert sorted(r for r in _refs(text, rows) if r) == ["Amos Pell", "Ruth Calder"]
    assert len({q.group for q in rows}) == 1


def test_a_denial_with_a_gerund_is_the_deniers_statement(nlp: Language) -> None:
    text = "The label's owner, Dean Farrow, has consistently denied being unfair to the singer."
    rows = extract_quotes(nlp(text))
    assert [q.content for q in rows] == ["being unfair to the singer"]
    assert _refs(text, rows) == ["Dean Farrow"]


def test_an_indefinite_role_is_not_a_person_named_before_with_that_role(nlp: Language) -> None:
    text = ("The minister was flanked by senior officials, including Deputy Minister Harold Vance. \"This is not "
            "a combat mission,\" one senior government official said, speaking on condition of anonymity.")
    rows = extract_quotes(nlp(text))
    assert len(rows) == 1
    assert not rows[0].speaker_is_entity
    assert _refs(text, rows) != ["Harold Vance"]


def test_a_definite_role_is_still_the_person_named_with_it(nlp: Language) -> None:
    text = "Gov. Eric Holloway signed the bill. \"It is a good day for the state,\" the governor said."
    assert _refs(text, extract_quotes(nlp(text))) == ["Eric Holloway"]


def test_an_indefinite_party_member_is_an_unnamed_speaker(nlp: Language) -> None:
    text = ("Senator Paul Greer spoke for an hour. \"It wasn't a convincing argument,\" one Democrat familiar "
            "with the talks said.")
    rows = extract_quotes(nlp(text))
    assert len(rows) == 1
    assert not rows[0].speaker_is_entity


def test_it_before_a_copula_is_no_speaker_and_the_clause_before_the_cue_speaks(nlp: Language) -> None:
    text = ("It was a strong one-two punch by the two senators, as Ms. Hale echoed the criticism, saying the mayor "
            "\"cares only about himself.\"")
    rows = extract_quotes(nlp(text))
    assert len(rows) == 1
    assert _refs(text, rows) == ["Hale"]


def test_its_worth_noting_is_no_named_speaker(nlp: Language) -> None:
    text = ("The Harwood Bank lent the city $2 million last year. It is worth noting that this is the first time "
            "the city has had to borrow money for its schools.")
    rows = [q for q in extract_quotes(nlp(text)) if "first time" in q.content]
    assert all(not q.speaker_is_entity for q in rows)


def test_an_inverted_cue_parsed_as_a_conjunct_takes_the_clause_before_it(nlp: Language) -> None:
    text = "The flight was delayed by fog, the airline's spokeswoman Dana Ruiz told reporters."
    rows = extract_quotes(nlp(text))
    assert [q.content for q in rows] == ["The flight was delayed by fog"]
    assert _refs(text, rows) == ["Dana Ruiz"]


def test_two_clauses_joined_by_and_are_no_inverted_cue(nlp: Language) -> None:
    text = "The flight was delayed by fog, and the airline's spokeswoman Dana Ruiz told reporters nothing."
    assert not [q for q in extract_quotes(nlp(text)) if q.content.startswith("The flight")]


def test_according_to_a_role_with_the_name_set_off_by_commas_is_that_person(nlp: Language) -> None:
    text = "According to the airline's spokeswoman, Dana Ruiz, the flight was delayed by fog."
    rows = extract_quotes(nlp(text))
    assert [q.content for q in rows] == ["the flight was delayed by fog"]
    assert _refs(text, rows) == ["Dana Ruiz"]


def test_according_to_a_document_the_name_after_it_is_the_contents_subject(nlp: Language) -> None:
    text = ("According to a police summary of the case, Orla Benning, a former aide, sent the clerk an email "
            "about the files.")
    rows = extract_quotes(nlp(text))
    assert len(rows) == 1
    assert "Orla Benning" not in _refs(text, rows)


def test_a_character_speaking_in_a_series_is_no_speaker(nlp: Language) -> None:
    text = ("In the new series, detective Harry Voss tells his partner that the killer is still in town. "
            "\"We are running out of time,\" Voss says in the first episode.")
    rows = extract_quotes(nlp(text))
    assert len(rows) == 2
    assert _refs(text, rows) == [None, None]
    assert not any(q.speaker_is_entity for q in rows)


def test_a_maker_speaking_in_their_own_film_and_a_series_of_posts_are_real_speakers(nlp: Language) -> None:
    text = ("The conservative writer released \"Harbor Nation\" before the election. In the film, Delgado argues "
            "that the mayor's early influences shaped his politics. In a series of posts on Sunday, Mr. Frane "
            "wrote: \"The big question is whether the mayor can cope.\"")
    assert _refs(text, extract_quotes(nlp(text))) == ["Delgado", "Frane"]


def test_a_description_is_not_a_person_whose_title_only_holds_its_noun(nlp: Language) -> None:
    text = ("Residents said the water had been brown for weeks. Town manager Rita Oakes said the town was testing "
            "it. \"We take this seriously,\" Oakes said. The town said it would send results by Friday.")
    rows = extract_quotes(nlp(text))
    town = [q for q in rows if q.content.startswith("it would send")]
    assert len(town) == 1
    assert not town[0].speaker_is_entity


def test_a_description_is_still_the_person_introduced_with_it(nlp: Language) -> None:
    text = ("Eyamba Sorell, a real estate agent, watched the fire. \"It went up in seconds,\" the real estate "
            "agent said.")
    assert _refs(text, extract_quotes(nlp(text))) == ["Eyamba Sorell"]


def test_a_statement_verb_right_before_a_quote_is_its_cue(nlp: Language) -> None:
    text = ("Prime Minister Oren Vale faced a hostile crowd. Audience members laughed when he urged voters, \"Look "
            "what I said I would do and look what I have delivered.\"")
    rows = extract_quotes(nlp(text))
    assert len(rows) == 1
    assert rows[0].content.startswith("Look what")
    assert _refs(text, rows) == ["Oren Vale"]


def test_a_quotes_first_paragraph_is_the_speaker_of_its_cue_not_the_speaker_before(nlp: Language) -> None:
    text = ("\"The council has failed us,\" said Mayor Dan Pruitt on Monday.\n\nThe flood hit the farms first. "
            "Many lost everything.\n\n\"We have to start again from the beginning. Nobody expected this.\n\n"
            "\"The flood took everything we owned, and the town has not helped at all,\" farmer Ruth Ambler said.")
    rows = extract_quotes(nlp(text))
    first = [q for q in rows if q.content.startswith("We have to start")]
    assert len(first) == 1
    assert _refs(text, first) == ["Ruth Ambler"]


def test_a_statement_verb_before_another_verb_is_no_cue_of_the_quote(nlp: Language) -> None:
    text = ("After former governor Walt Brenner criticized Tom Acker during a debate, Lena Acker shot back, "
            "\"I suppose I could have stayed home, but I chose to fulfil my profession.\"")
    rows = extract_quotes(nlp(text))
    assert "Walt Brenner" not in _refs(text, rows)


def test_a_party_member_from_one_state_is_not_a_member_introduced_from_another(nlp: Language) -> None:
    text = ("\"He needs to unite the party,\" said Bram Holter, the Republican committeeman from Utah.\n\n"
            "The Wisconsin Republican said the nominee should be congratulated.")
    rows = [q for q in extract_quotes(nlp(text)) if "congratulated" in q.content]
    assert len(rows) == 1
    assert _refs(text, rows) != ["Bram Holter"]
