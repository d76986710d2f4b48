"""Issue 21, eighth pass: name shapes that overrule the typer's person; states of several words typed ORG."""

from __future__ import annotations

import pandas as pd
import pytest

from newsbrief.nlp.entities.linking import link_entities
from newsbrief.nlp.entities.mentions import candidates, doc_mentions, group_mentions
from newsbrief.nlp.entities.retype import is_camel_name, is_group_plural, retype_people


@pytest.mark.parametrize(
    ("word", "coined"),
    [
        ("ZentaX", True), ("FlyBrix", True), ("QuorvexPay", True),
        ("McKenna", False), ("MacArthur", False), ("DeSantis", False), ("LeBron", False), ("DiMaggio", False),
        ("O'Neill", False), ("YouTubers", False), ("FlyBrixers", False), ("Quorvex", False), ("NASA", False),
        ("Mc", False),
    ],
)
def test_coined_one_word_names_are_told_from_surnames_with_particles(word: str, coined: bool) -> None:
    assert is_camel_name(word) is coined


def _retyped(nlp, text: str) -> dict[str, str]:
    """The class of each candidate after :func:`retype_people`, every group given PERSON first (the typer's
    error on the pages this pass was made for; the shipped typer gets these invented names right)."""
    found = candidates(nlp(text))
    groups = group_mentions(found)
    decided = retype_people(found, groups, dict.fromkeys(groups, "PERSON"))
    return {span.text: decided[g] for (span, _, _), g in zip(found, groups)}


def test_a_coined_one_word_name_typed_a_person_is_an_organisation(nlp) -> None:
    got = _retyped(nlp, "NASA picked FlyBrix and Tyvak for the mission. Gwen Shaw, chief operating officer of "
                        "FlyBrix, said FlyBrix would fly a lot.")
    assert got["FlyBrix"] == "ORG"
    assert got["NASA"] == "PERSON"  # no coined shape: the typer's class stands


def test_a_team_in_the_plural_typed_a_person_is_an_organisation(nlp) -> None:
    got = _retyped(nlp, "The Brantlers spent Monday trying to explain the fight. Coach Tom Reilly said he is "
                        "focused on helping the Brantlers right the ship. The Brantlers play Denver next.")
    assert got["Brantlers"] == "ORG"
    assert got["Tom Reilly"] == "PERSON"


def test_a_family_in_the_plural_and_a_titled_name_stay_people(nlp) -> None:
    got = _retyped(nlp, "Anna Vandersloot married in June. The Vandersloots live in Ohio. Governor Dana "
                        "McKellan came. Mr McKellan said the Vandersloots were kind.")
    assert got.get("Vandersloots", "PERSON") == "PERSON"
    assert got["Dana McKellan"] == "PERSON"


def test_a_person_with_a_particle_surname_stays_a_person(nlp) -> None:
    labels = {m["text"]: m["label"] for m in doc_mentions(nlp(
        "Governor Dana McKellan signed the bill on Monday. McKellan said the law would help farmers."))}
    assert labels.get("Dana McKellan") == "PERSON"
    assert labels.get("McKellan") == "PERSON"


@pytest.mark.parametrize(
    ("word", "team"),
    [("Zorblers", True), ("Brantlers", True), ("Browns", False), ("Eagles", False), ("Williams", False),
     ("Philippines", False), ("Bahamas", False), ("Hughes", False), ("Tories", False)],
)
def test_plurals_of_no_word_or_name_are_told_from_common_plurals_surnames_and_places(word: str, team: bool) -> None:
    assert is_group_plural(word) is team


def _mentions(*rows: tuple[str, int, str, str]) -> pd.DataFrame:
    return pd.DataFrame([{"article_id": a, "start": s, "end": s + len(t), "text": t, "label": lab}
                         for a, s, t, lab in rows])


def test_a_state_of_two_words_typed_an_organisation_is_a_place() -> None:
    linked, _ = link_entities(_mentions(("a", 0, "New Jersey", "ORG"), ("a", 40, "New Jersey", "ORG"),
                                        ("a", 80, "Quorvex Holdings", "ORG")))
    labels = {(int(s), str(t)): str(lab) for s, t, lab in zip(linked["start"], linked["text"], linked["label"])}
    assert labels[(0, "New Jersey")] == labels[(40, "New Jersey")] == "GPE"
    assert labels[(80, "Quorvex Holdings")] == "ORG"


def test_a_capital_of_two_words_typed_an_organisation_keeps_its_government_reading() -> None:
    linked, _ = link_entities(_mentions(("a", 0, "New Delhi", "ORG"), ("a", 40, "New Delhi", "ORG")))
    assert set(linked["label"]) == {"ORG"}

