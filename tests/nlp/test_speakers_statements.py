"""Statements the speech verbs alone miss, and named speakers that are no model entity. Made-up
sentences, one per class of error."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsbrief.nlp.quotes import Quote, extract_quotes
from newsbrief.nlp.quotes.marks import find_quote_spans
from newsbrief.nlp.quotes.named import speaker_mentions


def _refs(text: str, rows: list[Quote]) -> list[str | None]:
    return [text[q.speaker_ref_start : q.speaker_ref_end] if q.speaker_ref_start is not None else None for q in rows]


def test_a_state_organ_named_with_its_state_is_a_named_speaker(nlp: Language) -> None:
    text = "China's commerce ministry said on Thursday that removing tariffs was a condition of any deal."
    rows = extract_quotes(nlp(text))
    assert rows and _refs(text, rows)[0] == "China's commerce ministry" and rows[0].speaker_is_entity


def test_an_organ_without_its_state_stays_an_unnamed_group(nlp: Language) -> None:
    text = "The ministry said on Thursday that removing tariffs was a condition of any deal."
    rows = extract_quotes(nlp(text))
    assert rows and not rows[0].speaker_is_entity


def test_a_named_speaker_no_entity_covers_becomes_a_mention(nlp: Language) -> None:
    doc = nlp("The French foreign ministry said it regretted the decision of the court.")
    rows = extract_quotes(doc)
    found = speaker_mentions(doc, rows, [])
    assert [(text, label) for _a, _b, text, label in found] == [("French foreign ministry", "ORG")]
    assert speaker_mentions(doc, rows, [(a, b) for a, b, _t, _l in found]) == []


def test_according_to_a_report_by_a_source_is_the_source_speaking(nlp: Language) -> None:
    text = "Sales fell by a third in October, according to a new report by Reuters."
    rows = extract_quotes(nlp(text))
    assert rows and _refs(text, rows)[0] == "Reuters"


def test_the_object_of_led_speaks_in_its_to_clause(nlp: Language) -> None:
    text = "The slump led the French manufacturer Airbus to announce that it would end production."
    rows = extract_quotes(nlp(text))
    assert rows and "Airbus" in (_refs(text, rows)[0] or "")


def test_two_single_marks_close_a_double_quote() -> None:
    text = "“It was an attempt to mislead voters,’’ Will Moy told the BBC."
    spans = find_quote_spans(text)
    assert len(spans) == 1 and text[spans[0].inner_start : spans[0].inner_end] == "It was an attempt to mislead voters,"


def test_a_long_apposition_between_quote_and_cue_keeps_the_speaker(nlp: Language) -> None:
    text = ("“It was an attempt to mislead voters,” Will Moy, chief executive of the London-based "
            "fact-checking website Full Fact, told the BBC.")
    rows = extract_quotes(nlp(text))
    assert rows and _refs(text, rows)[0] == "Will Moy"


def test_a_quoted_urging_is_the_urgers_statement(nlp: Language) -> None:
    text = "The UK has urged an “end to the violence and for all sides to engage in dialogue”."
    rows = extract_quotes(nlp(text))
    assert rows and _refs(text, rows)[0] == "UK"


def test_an_accusation_is_a_statement_of_the_accuser(nlp: Language) -> None:
    text = "Vietnam has accused Beijing of encroaching into its waters."
    rows = extract_quotes(nlp(text))
    assert rows and _refs(text, rows)[0] == "Vietnam" and rows[0].content.startswith("Beijing of")


def test_an_unquoted_urging_is_no_statement(nlp: Language) -> None:
    rows = extract_quotes(nlp("The UK has urged an end to the violence in the city."))
    assert rows == []


def test_urging_with_a_saying_is_one_statement(nlp: Language) -> None:
    text = "Zelensky on Tuesday urged NATO to speed up its plan, saying a signal needed to be sent to Russia."
    rows = extract_quotes(nlp(text))
    assert [q.content for q in rows] == ["a signal needed to be sent to Russia"]


def test_a_dateline_is_not_the_accuser(nlp: Language) -> None:
    text = "HANOI, Vietnam (AP) — U.S. Defense Secretary Mark Esper on Wednesday accused China of coercion."
    rows = extract_quotes(nlp(text))
    assert all("HANOI" not in (r or "") for r in _refs(text, rows))


def test_a_noun_with_a_relative_clause_is_no_content_of_maintaining(nlp: Language) -> None:
    text = ("The president is maintaining his \"tough on China\" stance, which holds appeal to voters in "
            "key states like Ohio.")
    assert extract_quotes(nlp(text)) == []


def test_as_x_noted_gives_the_main_clause_to_x(nlp: Language) -> None:
    text = "As the economist Jane Porter noted at the time, the rise in rates meant a slower recovery."
    rows = extract_quotes(nlp(text))
    assert rows and _refs(text, rows)[0] == "Jane Porter" and rows[0].content.startswith("the rise in rates")


def test_a_comparison_with_as_is_no_source(nlp: Language) -> None:
    rows = extract_quotes(nlp("A White House that lies as easily as it tells the truth creates problems."))
    assert rows == []


def test_revealing_something_saying_words_is_one_statement(nlp: Language) -> None:
    text = ("State Department official David Holmes revealed the call to investigators, saying he recalled "
            "it vividly.")
    rows = extract_quotes(nlp(text))
    assert [q.content for q in rows] == ["he recalled it vividly"]


def test_a_person_the_model_missed_becomes_a_person_mention(nlp: Language) -> None:
    doc = nlp("\"We want to help,\" said Jeff Sanborn, who runs a small agency in town.")
    rows = extract_quotes(doc)
    found = {text: label for _a, _b, text, label in speaker_mentions(doc, rows, [])}
    assert found.get("Jeff Sanborn", "PERSON") == "PERSON"


def test_a_role_or_a_cut_name_never_becomes_a_mention(nlp: Language) -> None:
    doc = nlp("Kuwait's Oil Minister said output would rise.\n\nNational Health Enhancement\nSystems Inc said it "
              "would offer a new service.")
    rows = extract_quotes(doc)
    found = [text for _a, _b, text, _label in speaker_mentions(doc, rows, [])]
    assert "Oil Minister" not in found and "Systems Inc" not in found


def test_a_quote_split_around_its_cue_is_one_statement(nlp: Language) -> None:
    text = "\u201cWe will win this case,\u201d Ann Lee said, \u201cand we will win it before the summer.\u201d"
    rows = extract_quotes(nlp(text))
    assert len(rows) == 2 and rows[0].group == rows[1].group


@pytest.mark.parametrize(
    ("text", "who", "content"),
    [
        ("The Bureau of Fisheries recommends that anglers release every trout they catch.",
         "The Bureau of Fisheries", "anglers release every trout they catch"),
        ("The Foreign Office advised travellers to avoid the border region until further notice.",
         "The Foreign Office", "travellers to avoid the border region until further notice"),
        ("Acme Corp ruled out a merger with its rival on Monday.", "Acme Corp", "a merger with its rival on Monday"),
    ],
)
def test_an_institution_s_unquoted_statement_is_speech(nlp: Language, text: str, who: str, content: str) -> None:
    rows = extract_quotes(nlp(text))
    ref = _refs(text, rows)[0] if rows else None
    assert ref is not None and ref.removeprefix("The ") == who.removeprefix("The ") and rows[0].content == content
    assert rows[0].speaker_is_entity


def test_a_question_in_a_hearing_is_the_asker_s(nlp: Language) -> None:
    text = "Committee counsel Steve Porter asked Morrison about doubts within the council about his deputy."
    rows = extract_quotes(nlp(text))
    assert rows and _refs(text, rows)[0] == "Steve Porter"


@pytest.mark.parametrize(
    "text",
    ["The storm ruled out any travel on Sunday.", "He asked her about the weather.",
     "The fans called for another song.", "John Smith recommends that you buy the shares.",
     "The Federal Bureau did not recommend charges against her."],
)
def test_acts_of_things_and_unnamed_people_are_no_statements(nlp: Language, text: str) -> None:
    assert extract_quotes(nlp(text)) == []


def test_the_one_asked_is_no_asker(nlp: Language) -> None:
    text = "Team captain Carl Dorsey, asked about the league's decision, said it was too harsh."
    rows = extract_quotes(nlp(text))
    assert "asked" not in [q.cue for q in rows]


def test_a_site_s_advice_to_its_readers_is_no_statement(nlp: Language) -> None:
    text = "Stockwatch.com advises users to check with certified experts before taking any decisions."
    assert extract_quotes(nlp(text)) == []


def test_a_quote_over_paragraphs_with_its_cue_at_the_end_is_never_taken_twice(nlp: Language) -> None:
    text = ("Mayor Ann Lee said the plan was sound.\n\n"
            "\u201cWe have the money and we have the will. The river will be cleaned by the summer.\n\n"
            "\u201cAnd the fish will come back to the river by the autumn,\u201d she added.")
    rows = extract_quotes(nlp(text))
    assert len([q for q in rows if q.kind == "direct"]) == 2
    assert len({q.content_start for q in rows}) == len(rows)  # the last part was the cue's and a floating quote's
    assert _refs(text, rows) == ["Ann Lee"] * 3


def test_a_statement_warning_that_speaks_for_whoever_issued_it(nlp: Language) -> None:
    text = ("The Electoral Commission, which regulates campaign finances, issued a statement warning that "
            "\u201cvoters are entitled to transparency from campaigners.\u201d")
    rows = extract_quotes(nlp(text))
    assert rows and rows[-1].speaker_is_entity
    assert text[rows[-1].speaker_ref_start : rows[-1].speaker_ref_end].endswith("Electoral Commission")


def test_the_statement_of_an_organ_named_with_its_state_is_the_organ(nlp: Language) -> None:
    text = ("The US military said in a statement on Wednesday that two soldiers had died in the crash.\n\n"
            "\"The cause of the crash is under investigation,\" the statement said.")
    rows = extract_quotes(nlp(text))
    assert rows and rows[-1].speaker_is_entity
    assert "military" in text[rows[-1].speaker_ref_start : rows[-1].speaker_ref_end]


def test_the_statement_is_never_an_older_statements_issuer(nlp: Language) -> None:
    text = ("Acme Records issued a statement on Monday about the concert.\n\n"
            "In a statement shared to its website, no timeline was given for the release.\n\n"
            "\"We were shocked to see the posts,\" the statement read.")
    rows = extract_quotes(nlp(text))
    assert rows and not rows[-1].speaker_is_entity


def test_told_hearers_described_by_a_clause_that_content_is_the_speech(nlp: Language) -> None:
    text = ("Union President Keith Gambino told a few thousand teachers who covered the Statehouse lawn that the "
            "Legislature should direct money from the state reserves toward helping schools.")
    rows = extract_quotes(nlp(text))
    assert [(_refs(text, [q])[0], q.content.split()[:2]) for q in rows] == [("Keith Gambino", ["the", "Legislature"])]


@pytest.mark.parametrize(
    "text",
    [
        "The report, published by the World Bank on Monday, said growth would slow to 2 percent.",
        "A study by the World Bank said growth would slow to 2 percent.",
    ],
)
def test_a_document_that_speaks_speaks_for_its_named_author(nlp: Language, text: str) -> None:
    rows = extract_quotes(nlp(text))
    assert [_refs(text, [q])[0] for q in rows] == ["the World Bank"] and rows[0].speaker_is_entity


def test_a_quoted_paragraph_right_after_a_quote_with_its_cue_is_the_same_statement(nlp: Language) -> None:
    text = ("\u201cSpace needs an entire ecosystem of companies,\u201d said Michael Simmer, the chief executive of "
            "Orbit Works.\n\n\u201cThere are the big established players, but there are also small players. "
            "And we are one of those.\u201d")
    rows = extract_quotes(nlp(text))
    assert len(rows) == 2 and len({q.group for q in rows}) == 1
    assert _refs(text, rows) == ["Michael Simmer", "Michael Simmer"]


def test_an_unnamed_source_after_the_words_speaks_not_the_names_inside_them(nlp: Language) -> None:
    text = ("The two figures are cabinet ministers Peter Mwale and Simon Dube, who fled to the compound after their "
            "homes were attacked by troops in Tuesday night's coup, the source, who said he had spoken to people "
            "inside the compound, told Reuters.")
    rows = extract_quotes(nlp(text))
    told = [q for q in rows if q.cue == "told"]
    assert told and all(q.speaker_text == "the source" and not q.speaker_is_entity for q in told)
    assert "Peter Mwale" in told[0].content


def test_a_quote_after_a_sentence_about_a_named_person_is_that_persons(nlp: Language) -> None:
    text = ("The minister was defiant. \u201cWe will not back down,\u201d she said. \u201cNot now, not ever.\u201d\n\n"
            "The opposition leader, Tom Hale, called the plan a disaster. \u201cIt will ruin the farmers.\u201d")
    rows = extract_quotes(nlp(text))
    last = rows[-1]
    assert last.content == "It will ruin the farmers." and _refs(text, [last]) == ["Tom Hale"]


def test_according_to_a_source_speaks_for_its_author_not_for_those_it_is_about(nlp: Language) -> None:
    by = "According to a report by the Linden Institute, most voters want lower taxes."
    of = "According to a survey of Republicans, most voters want lower taxes."
    assert [_refs(by, [q])[0] for q in extract_quotes(nlp(by))] == ["the Linden Institute"]
    assert [q.speaker_is_entity for q in extract_quotes(nlp(of))] == [False]
