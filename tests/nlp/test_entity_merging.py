"""One entity per name: surnames, families, shortened and place-prefixed organisation names, titles."""

from __future__ import annotations

import pandas as pd

from newsbrief.nlp.entities.labels import strip_person_titles
from newsbrief.nlp.entities.linking import link_entities


def _mentions(*rows: tuple[str, int, str, str]) -> pd.DataFrame:
    return pd.DataFrame([{"article_id": a, "start": s, "end": s + len(t), "text": t, "label": lab}
                         for a, s, t, lab in rows])


def _ids(linked: pd.DataFrame) -> dict[tuple[int, str], str]:
    return {(int(s), str(t)): str(e) for s, t, e in zip(linked["start"], linked["text"], linked["entity_id"])}


def test_a_surname_shared_by_two_full_names_goes_to_the_one_introduced_first() -> None:
    linked, _ = link_entities(_mentions(
        ("a", 0, "Laura Quillfeather", "PERSON"), ("a", 40, "Peter Quillfeather", "PERSON"),
        ("a", 80, "Quillfeather", "PERSON"), ("a", 120, "Quillfeather", "PERSON")))
    ids = _ids(linked)
    assert ids[(80, "Quillfeather")] == ids[(0, "Laura Quillfeather")] == ids[(120, "Quillfeather")]
    assert ids[(40, "Peter Quillfeather")] != ids[(0, "Laura Quillfeather")]


def test_a_given_name_alone_counts_for_its_full_name_when_a_surname_is_shared() -> None:
    linked, _ = link_entities(_mentions(
        ("a", 0, "Peter", "PERSON"), ("a", 10, "Laura Quillfeather", "PERSON"),
        ("a", 40, "Peter Quillfeather", "PERSON"), ("a", 80, "Peter", "PERSON"), ("a", 100, "Quillfeather", "PERSON")))
    ids = _ids(linked)
    # Peter is named three times (twice by the given name), Laura once: the bare surname is Peter's
    assert ids[(100, "Quillfeather")] == ids[(40, "Peter Quillfeather")] == ids[(80, "Peter")]


def test_a_family_named_by_the_plural_surname_is_the_person_named_in_full() -> None:
    linked, entities = link_entities(_mentions(
        ("a", 0, "Dorrit Vandersloot", "PERSON"), ("a", 40, "Vandersloots", "GPE"),
        ("b", 0, "Harbour Lantern", "FAC"), ("b", 30, "Lanterns", "ORG")))
    ids = _ids(linked)
    assert ids[(40, "Vandersloots")] == ids[(0, "Dorrit Vandersloot")]
    labels = dict(zip(entities["entity_id"], entities["label"]))
    assert labels[ids[(40, "Vandersloots")]] == "PERSON"
    assert len(entities) == 4 - 1  # "Lanterns": no person's surname


def test_a_family_named_by_a_plural_in_es_is_the_person_named_in_full() -> None:
    linked, entities = link_entities(_mentions(
        ("a", 0, "Maria Lopez", "PERSON"), ("a", 40, "Lopezes", "PERSON"), ("a", 80, "Lopezes", "GPE")))
    ids = _ids(linked)
    assert ids[(40, "Lopezes")] == ids[(0, "Maria Lopez")] == ids[(80, "Lopezes")]
    labels = dict(zip(entities["entity_id"], entities["label"]))
    assert labels[ids[(40, "Lopezes")]] == "PERSON"


def test_a_plural_that_is_a_common_word_is_no_family() -> None:
    linked, _ = link_entities(_mentions(("a", 0, "Anna Lantern", "PERSON"), ("a", 40, "Lanterns", "ORG")))
    assert linked["entity_id"].nunique() == 2


def test_a_shortened_name_the_typer_calls_a_place_joins_the_organisation() -> None:
    linked, entities = link_entities(_mentions(
        ("a", 0, "Quorvex Orbital Systems", "ORG"), ("a", 40, "Quorvex", "GPE"),
        ("b", 0, "Zellby University", "ORG"), ("b", 40, "Zellby", "GPE"), ("b", 60, "Zellby", "GPE")))
    ids = _ids(linked)
    assert ids[(40, "Quorvex")] == ids[(0, "Quorvex Orbital Systems")]
    assert ids[(40, "Zellby")] == ids[(0, "Zellby University")] == ids[(60, "Zellby")]
    assert set(entities["label"]) == {"ORG"}


def test_a_place_is_not_joined_to_a_longer_name_without_an_organisation_word() -> None:
    linked, _ = link_entities(_mentions(("a", 0, "Quorvex Springs Cavalcade", "ORG"),
                                        ("a", 40, "Quorvex Springs", "GPE")))
    assert linked["entity_id"].nunique() == 2


def test_an_organisation_named_with_a_leading_place_joins_its_one_word_rest() -> None:
    linked, _ = link_entities(_mentions(
        ("a", 0, "Pittsburgh Quorvexes", "ORG"), ("a", 40, "Quorvexes", "ORG"), ("a", 60, "Quorvexes", "ORG")))
    assert linked["entity_id"].nunique() == 1


def test_titles_with_doubled_letters_are_stripped() -> None:
    assert strip_person_titles("Miss Quillfeather", person=True) == "Quillfeather"
    assert strip_person_titles("Chancellor Dorrit Vandersloot", person=False) == "Dorrit Vandersloot"
    linked, _ = link_entities(_mentions(("a", 0, "Laura Quillfeather", "PERSON"),
                                        ("a", 40, "Miss Quillfeather", "PERSON")))
    assert linked["entity_id"].nunique() == 1


def test_a_titled_person_is_never_turned_into_a_place() -> None:
    linked, entities = link_entities(_mentions(("a", 0, "Queen Odessa", "PERSON"), ("a", 40, "Odessa", "GPE")))
    ids = _ids(linked)
    assert ids[(0, "Queen Odessa")] != ids[(40, "Odessa")]
    assert dict(zip(entities["entity_id"], entities["label"]))[ids[(0, "Queen Odessa")]] == "PERSON"


def test_a_title_and_a_given_name_is_no_full_name_of_that_given_name() -> None:
    linked, _ = link_entities(_mentions(("a", 0, "Elspeth Quint", "PERSON"), ("a", 40, "Queen Elspeth", "PERSON")))
    assert linked["entity_id"].nunique() == 2


def test_titles_are_not_stripped_from_streets_and_companies() -> None:
    linked, _ = link_entities(_mentions(("a", 0, "King Street", "FAC"), ("a", 20, "Queen Street", "FAC"),
                                        ("a", 40, "Princes Street", "FAC"), ("a", 60, "Street", "FAC")))
    assert linked["entity_id"].nunique() == 4
    assert strip_person_titles("Princess Cruises", person=True) == "Princess Cruises"
    assert strip_person_titles("Queen Odessa", person=False) == "Queen Odessa"


def test_one_short_name_led_to_by_two_place_prefixed_names_stays_apart() -> None:
    linked, _ = link_entities(_mentions(
        ("a", 0, "Texas Senate", "ORG"), ("a", 20, "Senate", "ORG"), ("a", 40, "Ohio Senate", "ORG"),
        ("b", 0, "Texas Supreme Court", "ORG"), ("b", 30, "Ohio Supreme Court", "ORG"),
        ("b", 60, "Supreme Court", "ORG")))
    assert linked["entity_id"].nunique() == 6


def test_head_words_with_a_doubled_letter_count_folded() -> None:
    linked, _ = link_entities(_mentions(("a", 0, "Zellby College", "ORG"), ("a", 30, "Zellby", "GPE"),
                                        ("b", 0, "Ohio Quorvex Falls", "FAC"), ("b", 30, "Quorvex Falls", "FAC")))
    ids = _ids(linked)
    assert ids[(30, "Zellby")] == ids[(0, "Zellby College")]
    assert ids[(0, "Ohio Quorvex Falls")] == ids[(30, "Quorvex Falls")]


def test_a_plural_surname_that_names_an_organisation_is_no_family() -> None:
    typed_org, _ = link_entities(_mentions(("a", 0, "Dorrit Quarrington", "PERSON"), ("a", 40, "Quarringtons", "ORG")))
    assert typed_org["entity_id"].nunique() == 2  # the corpus types the word an organisation
    in_org_name, _ = link_entities(_mentions(("b", 0, "Dorrit Quarrington", "PERSON"),
                                             ("b", 40, "Quarringtons Bank", "ORG"),
                                             ("b", 80, "Quarringtons", "PERSON")))
    ids = _ids(in_org_name)
    assert ids[(80, "Quarringtons")] != ids[(0, "Dorrit Quarrington")]  # a word of the bank's name


def test_a_plural_of_a_common_word_with_a_doubled_letter_is_no_family() -> None:
    linked, _ = link_entities(_mentions(("a", 0, "Orla Wall", "PERSON"), ("a", 40, "Walls", "PERSON")))
    assert linked["entity_id"].nunique() == 2


def test_a_surname_toss_up_in_one_article_follows_the_corpus_first() -> None:
    linked, _ = link_entities(_mentions(
        ("a", 0, "Laura Quillfeather", "PERSON"), ("a", 40, "Peter Quillfeather", "PERSON"),
        ("a", 80, "Quillfeather", "PERSON"),
        ("b", 0, "Peter Quillfeather", "PERSON"), ("b", 40, "Peter Quillfeather", "PERSON")))
    ids = _ids(linked)
    assert ids[(80, "Quillfeather")] == ids[(40, "Peter Quillfeather")] != ids[(0, "Laura Quillfeather")]


def test_a_surname_toss_up_goes_to_the_first_full_name_with_a_given_name() -> None:
    linked, _ = link_entities(_mentions(
        ("a", 0, "Hosting Quillfeather", "PERSON"), ("a", 40, "Laura Quillfeather", "PERSON"),
        ("a", 80, "Peter Quillfeather", "PERSON"), ("a", 120, "Quillfeather", "PERSON")))
    ids = _ids(linked)
    assert ids[(120, "Quillfeather")] == ids[(40, "Laura Quillfeather")]


def test_given_names_with_a_doubled_letter_count_as_given_names() -> None:
    linked, _ = link_entities(_mentions(
        ("a", 0, "Tuesday Quillfeather", "PERSON"), ("a", 40, "William Quillfeather", "PERSON"),
        ("a", 80, "Quillfeather", "PERSON")))
    ids = _ids(linked)
    assert ids[(80, "Quillfeather")] == ids[(40, "William Quillfeather")]


def test_one_country_named_two_ways_before_an_organisation_leads_once() -> None:
    linked, _ = link_entities(_mentions(("a", 0, "U.S. Quorvex Board", "ORG"), ("a", 30, "Quorvex Board", "ORG"),
                                        ("a", 60, "United States Quorvex Board", "ORG"),
                                        ("b", 0, "U.S. Senate", "ORG"), ("b", 20, "Senate", "ORG"),
                                        ("b", 40, "Texas Senate", "ORG")))
    ids = _ids(linked)
    assert ids[(0, "U.S. Quorvex Board")] == ids[(30, "Quorvex Board")] == ids[(60, "United States Quorvex Board")]
    assert len({ids[(0, "U.S. Senate")], ids[(20, "Senate")], ids[(40, "Texas Senate")]}) == 3


def test_a_title_is_stripped_before_a_surname_that_is_also_a_common_word() -> None:
    linked, _ = link_entities(_mentions(
        ("a", 0, "Marisol Hill", "PERSON"), ("a", 40, "President Hill", "PERSON"), ("a", 80, "Hill", "PERSON"),
        ("b", 0, "Bertram Cook", "PERSON"), ("b", 40, "Mr. Cook", "PERSON"),
        ("c", 0, "Delphine Rice", "PERSON"), ("c", 40, "Dr Rice", "PERSON"),
        ("d", 0, "Mayor Bill White", "PERSON"), ("d", 40, "Bill White", "PERSON"),
        ("e", 0, "Bertram Black", "PERSON"), ("e", 40, "Ms Black", "PERSON")))
    ids = _ids(linked)
    assert ids[(0, "Marisol Hill")] == ids[(40, "President Hill")] == ids[(80, "Hill")]
    assert ids[(0, "Bertram Cook")] == ids[(40, "Mr. Cook")]
    assert ids[(0, "Delphine Rice")] == ids[(40, "Dr Rice")]
    assert ids[(0, "Mayor Bill White")] == ids[(40, "Bill White")]
    assert ids[(0, "Bertram Black")] == ids[(40, "Ms Black")]
    assert strip_person_titles("President Marisol Hill", person=True) == "Marisol Hill"
    assert strip_person_titles("Mr. Cook", person=True) == "Cook"


def test_a_two_letter_country_code_that_is_no_news_abbreviation_leads_no_organisation() -> None:
    linked, _ = link_entities(_mentions(("a", 0, "GE Quorvex", "ORG"), ("a", 30, "Quorvex", "ORG"),
                                        ("b", 0, "UK Quorvex Board", "ORG"), ("b", 30, "Quorvex Board", "ORG")))
    ids = _ids(linked)
    assert ids[(0, "GE Quorvex")] != ids[(30, "Quorvex")]
    assert ids[(0, "UK Quorvex Board")] == ids[(30, "Quorvex Board")]
