"""One entity per name: surnames, families, shortened and place-prefixed organisation names, titles."""

from __future__ import annotations

import pandas as pd

from newsbrief.nlp.entities.labels import strip_titles
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
    assert set(entities["label"]) >= {"PERSON"} and len(entities) == 4 - 1  # "Lanterns": no person's surname


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
    assert strip_titles("Miss Quillfeather") == "Quillfeather"
    assert strip_titles("Chancellor Dorrit Vandersloot") == "Dorrit Vandersloot"
    linked, _ = link_entities(_mentions(("a", 0, "Laura Quillfeather", "PERSON"),
                                        ("a", 40, "Miss Quillfeather", "PERSON")))
    assert linked["entity_id"].nunique() == 1
