"""A "he" or "she" after a person noun resolved to no one ("the expert said", "the reporter asked"): that
unnamed one only in the same paragraph and never when they asked a question; across a paragraph break the
person the article is about (issue 21, docs/speakers.md "Second review fixes"). Texts are invented."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsbrief.nlp.quotes import Quote, extract_quotes
from speakerrefs import speaker_refs as _refs


def _row(nlp: Language, text: str, words: str) -> Quote:
    rows = [q for q in extract_quotes(nlp(text)) if words in q.content]
    assert len(rows) == 1, f"no single row holds {words!r}"
    return rows[0]


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        ("Tom Hadley sat down with the Gazette on Monday to talk about the budget.\n\n"
         '"Do you regret the cuts?" the reporter asked.\n\n"Not for a second," he said.', "Not for a second",
         "Tom Hadley"),
        ("Ruth Calder, the health minister, defended the new rules on Monday.\n\n"
         '"They come far too late," the expert said.\n\n"We acted as soon as we had the data," she said.',
         "as soon as", "Ruth Calder"),
        ("Ruth Calder, chief executive of Pellan, announced 300 job cuts on Monday.\n\n"
         '"This is overdue," the investor said.\n\n"We had no choice," she said.', "no choice", "Ruth Calder"),
        ("Coach Tom Hadley praised his team after the win on Saturday.\n\n"
         '"We played for him," the player said.\n\n"I am proud of them," he said.', "proud of them", "Tom Hadley"),
        ("Health minister Tom Hadley visited the hospital on Monday.\n\n"
         '"We need more beds," the doctor said.\n\n"The money is on its way," he said.', "on its way",
         "Tom Hadley"),
        ("Tom Hadley, the mayor, unveiled the housing plan on Monday.\n\n"
         '"It will destroy the park," said the activist, who asked not to be named.\n\n'
         '"We have consulted everyone," he said.', "consulted everyone", "Tom Hadley"),
    ],
)
def test_a_pronoun_after_a_paragraph_break_is_not_the_unnamed_noun(
    nlp: Language, text: str, words: str, name: str
) -> None:
    row = _row(nlp, text, words)
    assert _refs(text, [row]) == [name]
    assert row.speaker_is_entity


def test_the_one_who_asked_never_gives_the_answer(nlp: Language) -> None:
    text = ('Tom Hadley met the press on Monday. "Will you resign?" the reporter asked. "Not while I have work to '
            'do," he said.')
    row = _row(nlp, text, "work to do")
    assert _refs(text, [row]) == ["Tom Hadley"]


def test_a_pronoun_in_the_same_paragraph_goes_on_with_the_unnamed_noun(nlp: Language) -> None:
    text = ("Senator Tom Hadley conceded defeat on Tuesday night in Leith.\n\n"
            '"He has failed," the challenger said. "Voters know it," he added.')
    row = _row(nlp, text, "Voters know it")
    assert _refs(text, [row]) == ["the challenger"]
    assert not row.speaker_is_entity
