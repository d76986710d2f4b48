"""newsbrief's own NER (``nlp/data/ner``, scripts/train_ner.py): loaded in place of the model's, and it finds
people, organisations, places and the other OntoNotes labels in sentences written for this test."""

from __future__ import annotations

import json

import pytest

from newsbrief.annotate.settings import ROW_CODE
from newsbrief.codeversion import PACKAGE
from newsbrief.nlp.pipeline import NER_CONFIG_FILE, NER_DIR

pytestmark = pytest.mark.skipif(not (NER_DIR / NER_CONFIG_FILE).is_file(), reason="no NER shipped in nlp/data/ner")


def _ents(nlp, text: str) -> set[tuple[str, str]]:
    return {(e.text, e.label_) for e in nlp(text).ents}


def test_the_pipeline_runs_the_shipped_ner(nlp) -> None:
    shipped = json.loads((NER_DIR / NER_CONFIG_FILE).read_text(encoding="utf-8"))
    ner = nlp.get_pipe("ner")
    assert ner.model.to_bytes() == (NER_DIR / "model").read_bytes()
    if shipped["variant"] == "listener":  # no embedding of its own: it reads the tagger's and parser's tok2vec
        assert "ner" in nlp.get_pipe("tok2vec").listening_components


def test_the_shipped_ner_is_part_of_the_rows_cache_key() -> None:
    # rows' code version digests every file under nlp/, so new NER weights never serve rows made by the old ones
    assert NER_DIR.resolve().relative_to(PACKAGE / "nlp")
    assert "nlp" in ROW_CODE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Priya Raman, the chief executive of Halvorsen Logistics, said on Monday that the company would open a "
         "depot in Rotterdam next year.",
         {("Priya Raman", "PERSON"), ("Halvorsen Logistics", "ORG"), ("Rotterdam", "GPE")}),
        ("The ministry in Nairobi said Kenya would borrow $2 billion from the World Bank to repair roads "
         "damaged by floods in March.",
         {("Nairobi", "GPE"), ("Kenya", "GPE"), ("the World Bank", "ORG")}),
        ("Tomasz Wierzbicki told reporters in Warsaw that Polish farmers had lost about 30 percent of their "
         "harvest.",
         {("Tomasz Wierzbicki", "PERSON"), ("Warsaw", "GPE"), ("Polish", "NORP")}),
    ],
)
def test_names_and_other_labels_are_found(nlp, text: str, expected: set[tuple[str, str]]) -> None:
    found = _ents(nlp, text)
    missing = {e for e in expected if e not in found and (e[0].removeprefix("the "), e[1]) not in found}
    assert not missing, f"missing {missing}; found {found}"


def test_dates_and_amounts_are_still_labelled(nlp) -> None:
    labels = {label for _, label in _ents(
        nlp, "Shares of Ardent Foods rose 4 percent to $12.50 on Thursday after the company said it sold "
             "1.2 million crates in the first quarter of 2024.")}
    assert {"PERCENT", "MONEY", "DATE"} <= labels
