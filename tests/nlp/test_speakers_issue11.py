"""Speakers that can speak (issue 11): no "no-one", no abstract nouns, lower-case nouns are never named."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsbrief.nlp.quotes import extract_quotes


@pytest.mark.parametrize(
    "text",
    [
        "No-one predicted that the rally would end so soon.",
        "The statement said that the company would cut 300 jobs next year.",
        "The report says that the economy will shrink by two percent this year.",
    ],
)
def test_subject_that_cannot_speak_gives_no_speaker(nlp: Language, text: str) -> None:
    rows = extract_quotes(nlp(text))
    assert all(q.speaker_ref_start is None and not q.speaker_is_entity for q in rows)


def test_lower_case_group_is_not_a_named_speaker(nlp: Language) -> None:
    rows = extract_quotes(nlp("The police said that the two men had been arrested near the station."))
    assert rows and not any(q.speaker_is_entity for q in rows)


def test_the_one_named_by_a_participle_is_not_its_speaker(nlp: Language) -> None:
    text = ("Sally Ford was ill for years. Dubbed “Gucci Grace” on account of her love of shopping, "
            "she rose through the ranks of the party.")
    rows = extract_quotes(nlp(text))
    assert all(q.speaker_ref_start is None for q in rows if q.cue and q.cue.lower().startswith("dubbed"))


def test_they_is_the_group_of_the_previous_sentence(nlp: Language) -> None:
    text = ("The researchers studied bones from a Neanderthal site near Paris. "
            "They note that the tools were made by hand over many years.")
    rows = extract_quotes(nlp(text))
    assert rows
    q = rows[0]
    assert not q.speaker_is_entity and "researchers" in text[q.speaker_ref_start : q.speaker_ref_end]
