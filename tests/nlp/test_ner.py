"""newsbrief's own NER (scripts/train_ner.py, shipped in ``nlp/data/ner``):
:func:`replace_ner` puts a trained folder in place of the model's NER, connects a NER that listens to the
shared tok2vec, and the pipeline's NER (whichever runs) finds names and the other OntoNotes labels in
sentences written for this test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.training import Example

from newsbrief.annotate.settings import ROW_CODE
from newsbrief.codeversion import PACKAGE
from newsbrief.nlp.pipeline import DEFAULT_MODEL, NER_CONFIG_FILE, NER_DIR, replace_ner

LISTENER = {"model": {
    "@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner", "extra_state_tokens": False,
    "hidden_width": 16, "maxout_pieces": 2, "use_upper": True, "nO": None,
    "tok2vec": {"@architectures": "spacy.Tok2VecListener.v1", "width": 96, "upstream": "tok2vec"},
}}


def _ents(nlp, text: str) -> set[tuple[str, str]]:
    return {(e.text, e.label_) for e in nlp(text).ents}


def _save(ner, folder: Path, variant: str, config: dict) -> None:
    ner.to_disk(folder, exclude=["vocab"])
    meta = {"variant": variant, "factory": "ner", "config": config}
    (folder / NER_CONFIG_FILE).write_text(json.dumps(meta), encoding="utf-8")


def test_a_trained_folder_replaces_the_models_ner(tmp_path: Path) -> None:
    source = spacy.load(DEFAULT_MODEL)
    _save(source.get_pipe("ner"), tmp_path, "finetune", {"model": source.config["components"]["ner"]["model"]})
    nlp = spacy.load(DEFAULT_MODEL)
    before = nlp.get_pipe("ner")
    replace_ner(nlp, tmp_path)
    assert nlp.get_pipe("ner") is not before
    assert nlp.get_pipe("ner").model.to_bytes() == (tmp_path / "model").read_bytes()
    text = "Maria Lindqvist moved to Gothenburg in 2019."
    assert _ents(nlp, text) == _ents(source, text)


def test_a_listening_ner_reads_the_shared_tok2vec(tmp_path: Path) -> None:
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.replace_pipe("ner", "ner", config=LISTENER)
    nlp.get_pipe("tok2vec").find_listeners(nlp.get_pipe("ner"))
    doc = nlp.make_doc("Maria Lindqvist moved to Gothenburg.")
    example = Example.from_dict(doc, {"entities": [(0, 15, "PERSON"), (25, 35, "GPE")]})
    nlp.get_pipe("ner").initialize(lambda: [example], nlp=nlp)
    _save(nlp.get_pipe("ner"), tmp_path, "listener", LISTENER)

    fresh = spacy.load(DEFAULT_MODEL)
    replace_ner(fresh, tmp_path)
    assert "ner" in fresh.get_pipe("tok2vec").listening_components
    assert fresh.get_pipe("ner").model.to_bytes() == (tmp_path / "model").read_bytes()
    fresh("The listener runs after the shared tok2vec in the same pipeline.")  # no missing-listener error


def test_no_folder_keeps_the_models_ner(tmp_path: Path) -> None:
    nlp = spacy.load(DEFAULT_MODEL)
    before = nlp.get_pipe("ner")
    replace_ner(nlp, tmp_path)
    assert nlp.get_pipe("ner") is before


def test_a_shipped_ner_is_part_of_the_rows_cache_key() -> None:
    # the rows' code version digests every file under nlp/, so new NER weights never serve rows of the old ones
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
def test_the_pipelines_ner_finds_names_and_other_labels(nlp, text: str, expected: set[tuple[str, str]]) -> None:
    found = _ents(nlp, text)
    missing = {e for e in expected if e not in found and (e[0].removeprefix("the "), e[1]) not in found}
    assert not missing, f"missing {missing}; found {found}"


def test_dates_and_amounts_are_still_labelled(nlp) -> None:
    labels = {label for _, label in _ents(
        nlp, "Shares of Ardent Foods rose 4 percent to $12.50 on Thursday after the company said it sold "
             "1.2 million crates in the first quarter of 2024.")}
    assert {"PERCENT", "MONEY", "DATE"} <= labels


@pytest.mark.skipif(not (NER_DIR / NER_CONFIG_FILE).is_file(), reason="no NER shipped in nlp/data/ner")
def test_the_pipeline_runs_the_shipped_ner(nlp) -> None:
    shipped = json.loads((NER_DIR / NER_CONFIG_FILE).read_text(encoding="utf-8"))
    assert nlp.get_pipe("ner").model.to_bytes() == (NER_DIR / "model").read_bytes()
    if shipped["variant"] == "listener":  # no embedding of its own: it reads the tagger's and parser's tok2vec
        assert "ner" in nlp.get_pipe("tok2vec").listening_components
