"""Issue 21, eighth pass: name shapes that overrule the typer's person; states of several words typed ORG."""

from __future__ import annotations

import pandas as pd
import pytest

from newsbrief.nlp.entities.cues import cue_label
from newsbrief.nlp.entities.linking import link_entities
from newsbrief.nlp.entities.mentions import candidates, doc_mentions, group_mentions
from newsbrief.nlp.entities.retype import is_camel_name, is_group_plural, keep_people, retype_people, singulars


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


def test_a_family_in_the_plural_beside_a_person_of_its_name_stays_people(nlp) -> None:
    assert is_group_plural("Vellacotts")  # no census surname: only the family guard keeps it a person
    got = _retyped(nlp, "Anna Vellacott married in June. The Vellacotts won the county show, and the Vellacotts "
                        "play cards on Fridays.")
    assert got["Vellacotts"] == "PERSON"
    got = _retyped(nlp, "Mr Vellacott bought the farm in 1990. The Vellacotts won the county show, and the "
                        "Vellacotts play cards on Fridays.")
    assert got["Vellacotts"] == "PERSON"  # a one-word titled person of the singular protects too


def test_a_plural_with_no_team_or_band_words_stays_people(nlp) -> None:
    got = _retyped(nlp, "The Vellacotts have farmed the land for a century. The Vellacotts told the council they "
                        "would appeal.")
    assert got["Vellacotts"] == "PERSON"


def test_a_team_plural_needs_the_article_or_a_place_before_it(nlp) -> None:
    got = _retyped(nlp, "Zorblers beat Denver on Sunday, and Zorblers scored twice in the game.")
    assert got["Zorblers"] == "PERSON"


def test_a_definitive_person_cue_keeps_a_coined_shape_a_person(nlp) -> None:
    assert is_camel_name("BenAmi")
    got = _retyped(nlp, "Mr BenAmi signed the lease on Monday. The lease runs to May, BenAmi confirmed.")
    assert all(v == "PERSON" for k, v in got.items() if k.endswith("BenAmi"))
    assert any(k.endswith("BenAmi") for k in got)


def test_a_camel_given_name_of_a_person_named_in_full_or_with_a_pronoun_stays_a_person(nlp) -> None:
    assert is_camel_name("KaVontae") and is_camel_name("RaShard")
    got = _retyped(nlp, "KaVontae Williams scored twice on Sunday. KaVontae leads the league in goals.")
    assert got["KaVontae"] == "PERSON"
    got = _retyped(nlp, "RaShard scored 30 points as Kelmford won 101-99. RaShard said he felt great after the game.")
    assert got["RaShard"] == "PERSON"


def test_the_plural_of_a_surname_in_es_is_a_family(nlp) -> None:
    assert singulars("Joneses") == ("Jonese", "Jones")
    assert not is_group_plural("Joneses") and not is_group_plural("Lopezes") and not is_group_plural("Harrises")


def test_a_titled_name_stays_a_person(nlp) -> None:
    got = _retyped(nlp, "Governor Dana McKellan came. Mr McKellan said the Vandersloots were kind.")
    assert got["Dana McKellan"] == "PERSON"


def _kept(nlp, text: str) -> dict[str, str]:
    """The class of each candidate after :func:`keep_people`, every group given ORG first (the retrained typer's
    error on bare surnames)."""
    found = candidates(nlp(text))
    groups = group_mentions(found)
    decided = keep_people(found, groups, dict.fromkeys(groups, "ORG"))
    return {span.text: decided[g] for (span, _, _), g in zip(found, groups)}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Vellacott said he would stand again in May. Vellacott told the meeting he was confident.", "Vellacott"),
        ("Police arrested Lindqvist on Friday. Lindqvist was released on bail, his lawyer said.", "Lindqvist"),
        ("Ms Quarrington said she would appeal the ruling. Quarrington added that she had done nothing wrong.",
         "Quarrington"),
    ],
)
def test_a_one_word_name_with_a_persons_pronoun_or_an_honorific_typed_an_organisation_is_a_person(
    nlp, text: str, name: str
) -> None:
    got = _kept(nlp, text)
    assert any(k.endswith(name) for k in got)
    assert all(v == "PERSON" for k, v in got.items() if k.endswith(name))
    labels = [m["label"] for m in doc_mentions(nlp(text)) if str(m["text"]).endswith(name)]
    assert labels and set(labels) == {"PERSON"}  # end to end, with the shipped typer


def test_a_company_with_its_or_a_person_named_before_the_pronoun_stays_an_organisation(nlp) -> None:
    got = _kept(nlp, "Quorvex said its sales fell in May. Quorvex shares rose.")
    assert got["Quorvex"] == "ORG"
    got = _kept(nlp, "Tom Reilly sold Zentrix shares and leased buildings he owned to Zentrix.")
    assert got["Zentrix"] == "ORG"  # no subject: the pronoun is the subject's
    got = _kept(nlp, "Zentrix hired Tom Reilly in May, and he said the deal was good.")
    assert got["Zentrix"] == "ORG"  # "he" is Reilly's
    got = _kept(nlp, "Quorvex said its sales fell in May. Quorvex told investors she was hopeful.")
    assert got["Quorvex"] == "ORG"  # as much evidence for an organisation as for a person
    got = _kept(nlp, "Twitter said he had broken the rules. Twitter suspended the account.")
    assert got["Twitter"] == "ORG"  # a definitive organisation cue (a curated organisation) wins
    got = _kept(nlp, "NASA said he would fly. NASA picked the crew.")  # an acronym is no surname
    assert got["NASA"] == "ORG"


def test_an_honorific_inside_the_span_is_a_definitive_person_cue(nlp) -> None:
    found = candidates(nlp("Ms Quarrington said the ruling was unfair."))
    assert [(s.text, cue) for s, _, cue in found] == [("Ms Quarrington", ("PERSON", True))]
    assert cue_label(found[0][0]) == ("PERSON", True)


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


