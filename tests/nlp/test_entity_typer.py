"""The learned entity typer: shipped weights load and type constructed sentences of each error class."""

from __future__ import annotations

import pytest

from newsbrief.nlp.entities.mentions import doc_mentions
from newsbrief.nlp.entities.typer import CLASSES, Typer, shipped_typer
from newsbrief.nlp.entities.words import is_given_name, surname_rank


def _labels(nlp, text: str) -> dict[str, str]:
    return {m["text"]: m["label"] for m in doc_mentions(nlp(text))}


def test_shipped_weights_load_with_every_class() -> None:
    typer = shipped_typer()
    assert sorted(typer.classes) == sorted(CLASSES)
    assert len(typer.weights) > 100 and all(len(w) == len(CLASSES) for w in typer.weights.values())


def test_scores_are_probabilities_and_unknown_features_are_ignored() -> None:
    typer = Typer(["PERSON", "ORG"], {"a": [1.0, -1.0], "bias": [0.0, 0.0]})
    p = typer.scores({"a": 1.0, "never seen": 5.0, "bias": 1.0})
    assert abs(sum(p) - 1.0) < 1e-9 and p[0] > 0.8
    assert typer.predict({"a": -1.0}) == "ORG"


def test_census_name_lists_are_read() -> None:
    assert is_given_name("Margaret") and not is_given_name("Airlines")
    assert surname_rank("smith") is not None and surname_rank("smith") < 10
    assert surname_rank("qwzx") is None


def test_surname_that_is_also_a_city_stays_a_person(nlp) -> None:
    labels = _labels(nlp, "Dana Lincoln, the coach, spoke on Monday. \"We played well,\" Lincoln said. "
                          "Lincoln added that the team would rest.")
    assert labels.get("Dana Lincoln") == "PERSON"
    assert labels.get("Lincoln") == "PERSON"


def test_full_name_and_surname_are_one_type_and_one_entity(nlp) -> None:
    import pandas as pd

    from newsbrief.nlp.entities.linking import link_entities

    text = ("Marta Oakfield joined the board in May. Oakfield said the plan was sound. "
            "Critics said Oakfield moved too fast.")
    rows = [dict(article_id="a", **m) for m in doc_mentions(nlp(text))]
    mentions, entities = link_entities(pd.DataFrame(rows))
    people = mentions[mentions["text"].str.contains("Oakfield")]
    assert people["entity_id"].nunique() == 1 and set(people["label"]) == {"PERSON"}


def test_a_verb_inside_a_person_span_splits_the_names(nlp) -> None:
    labels = _labels(nlp, "In the final seconds, Garrow hit Taberly with the ball. Garrow said sorry. "
                          "Taberly said nothing.")
    assert not any(" hit " in name for name in labels)


def test_an_airline_with_a_place_name_is_an_organisation(nlp) -> None:
    labels = _labels(nlp, "Qantas Airways cancelled 40 flights, the airline said. Qantas Airways shares fell 3%.")
    assert labels.get("Qantas Airways") == "ORG"


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("Tourists sailed to the island of Redonda. Redonda has no people. Redonda said nothing.", "Redonda", "LOC"),
        ("Protesters gathered on Maple Street. Maple Street was closed.", "Maple Street", "FAC"),
    ],
)
def test_a_definitive_place_cue_keeps_the_place(nlp, text: str, name: str, label: str) -> None:
    assert _labels(nlp, text).get(name) == label


def test_a_one_word_name_is_no_surname_of_a_place(nlp) -> None:
    from newsbrief.nlp.entities.mentions import group_mentions

    doc = nlp("Flights to the United Arab Emirates rose. Emirates ordered 30 jets, and Mary Okafor said Okafor "
              "would fly.")
    place, airline, person, surname = doc[3:6], doc[8:9], doc[14:16], doc[17:18]
    assert (place.text, airline.text, person.text, surname.text) == (
        "United Arab Emirates", "Emirates", "Mary Okafor", "Okafor")
    groups = group_mentions([(place, "GPE", None), (airline, "ORG", None), (person, "PERSON", None),
                             (surname, "PERSON", None)])
    assert groups[0] != groups[1]
    assert groups[2] == groups[3]


def test_the_typer_needs_no_dependency_parse(nlp) -> None:
    text = ("Tourists sailed to the island of Redonda. Redonda has no people. Redonda said nothing. "
            "Dana Lincoln, the coach, spoke on Monday. Lincoln said the team would rest.")
    with nlp.select_pipes(disable=["parser"]):
        unparsed = nlp(text)
    assert not unparsed.has_annotation("DEP")
    assert {m["text"]: m["label"] for m in doc_mentions(unparsed)} == _labels(nlp, text)
    assert not any(k.startswith(("dep=", "head=")) for k in shipped_typer().weights)


def test_small_places_regions_and_state_codes_are_a_weaker_gazetteer() -> None:
    from newsbrief.nlp.entities.gazetteer import is_minor_place, is_place

    assert is_minor_place("Cuyahoga Falls") and not is_place("Cuyahoga Falls")  # a city under 100,000
    assert is_minor_place("NJ") and not is_minor_place("nj")  # a state code only written as one
    assert not is_minor_place("Ubisoftish")


def test_a_one_word_name_carries_the_models_label_beside_what_the_lists_say(nlp) -> None:
    from newsbrief.nlp.entities.typer_features import mention_features

    doc = nlp("Zorbatek said on Monday that it would hire 300 people.")
    feats = mention_features(doc[0:1], "PERSON", None)
    assert feats.get("alone=PERSON:unknown") == 1.0
    two = nlp("Mary Okafor said on Monday that she would fly.")
    assert not any(k.startswith("alone=") for k in mention_features(two[0:2], "PERSON", None))


@pytest.mark.parametrize("head", ["Amphitheatre", "Arena", "Pavilion", "Coliseum"])
def test_a_venue_named_by_its_head_noun_is_a_place(nlp, head: str) -> None:
    from newsbrief.nlp.entities.cues import cue_label

    doc = nlp(f"The band played the Harlow Creek {head} on Friday.")
    span = doc[4:7]
    assert span.text == f"Harlow Creek {head}"
    cue = cue_label(span)
    assert cue is not None and cue[0] in {"FAC", "LOC", "GPE"} and cue[1] is True


@pytest.mark.parametrize(
    "text",
    [
        "Investigators looked at the energy company Zorbatek last year.",
        "Ann Lee, chief operating officer of Zorbatek, spoke on Monday.",
        "Zorbatek's chief executive resigned on Monday.",
        "Zorbatek shares fell 4 percent on Monday.",
        "Zorbatek said in a statement that it would appeal.",
    ],
)
def test_words_around_a_name_that_say_an_organisation_are_evidence(nlp, text: str) -> None:
    from newsbrief.nlp.entities.cues import org_evidence
    from newsbrief.nlp.entities.typer_features import group_features

    doc = nlp(text)
    span = next(doc[t.i : t.i + 1] for t in doc if t.text == "Zorbatek")
    assert org_evidence(span)
    feats = group_features([(span, "PERSON", None)], [0], ["PERSON"])
    assert feats[0].get("group_org_evidence") == 1.0


def test_a_person_speaking_is_no_organisation_evidence(nlp) -> None:
    from newsbrief.nlp.entities.cues import org_evidence

    doc = nlp("Mary Okafor said on Monday that she would fly to Lagos.")
    assert not org_evidence(doc[0:2])


def test_nationality_adjectives_are_told_from_places_and_names() -> None:
    from newsbrief.nlp.entities.gazetteer import is_demonym

    assert all(is_demonym(w) for w in ("Afghan", "Chinese", "Israeli", "British"))
    assert not any(is_demonym(w) for w in ("Afghanistan", "Taliban", "Johnson", "Security"))


def test_the_models_token_vectors_of_a_name_are_features_only_where_the_doc_has_them(nlp) -> None:
    from spacy.tokens import DocBin

    from newsbrief.nlp.entities.typer_features import mention_features
    from newsbrief.nlp.entities.vectors import PREFIX, span_vector

    doc = nlp("Zorbatek said on Monday that it would hire 300 people.")
    vec = span_vector(doc[0:1])
    assert len(vec) == doc.tensor.shape[1] > 0 and all(k.startswith(PREFIX) for k in vec)
    assert span_vector(doc[0:1]) != span_vector(doc[5:6])  # a name's own vector, not the sentence's
    assert set(vec) <= set(mention_features(doc[0:1], "ORG", None, vectors=True))
    assert not any(k.startswith(PREFIX) for k in mention_features(doc[0:1], "ORG", None))
    stored = next(DocBin(docs=[doc]).get_docs(nlp.vocab))  # a DocBin keeps no tensor: no such features, no error
    assert span_vector(stored[0:1]) == {}


def test_training_without_vectors_never_overwrites_the_shipped_vector_weights() -> None:
    import importlib.util
    from pathlib import Path

    script = Path(__file__).resolve().parents[2] / "scripts" / "train_entity_typer.py"
    spec = importlib.util.spec_from_file_location("train_entity_typer", script)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.parse_args(["--no-vectors"]).out.name == "entity_typer_plain.json"
    assert module.parse_args([]).out.name == "entity_typer.json"
    assert module.parse_args(["--no-vectors", "--out", "/tmp/x.json"]).out == Path("/tmp/x.json")
