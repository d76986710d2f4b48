"""The NER's batched decoding (:mod:`newsbrief.nlp.ner_decode`) gives spaCy's own entities, token by token."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from newsbrief.nlp.ner_decode import LOOKAHEAD, BatchedNER
from newsbrief.nlp.pipeline import DEFAULT_MODEL, NER_CONFIG_FILE, NER_DIR

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "data" / "samples"

TEXTS = [
    "",
    "Reuters",
    "Acme",  # one token: no B at the last token of a Doc
    "Priya Raman, the chief executive of Halvorsen Logistics, said on Monday that the company would open a "
    "depot in Rotterdam next year.",
    "He met the Secretary General of the International Federation of Red Cross and Red Crescent Societies "
    "and the United Nations Educational, Scientific and Cultural Organization in Geneva on 12 March 2024.",
    "Shares of Ardent Foods rose 4 percent to $12.50 on Thursday.\n\nAngela  Merkel   visited\n Paris.",
    "The talks ended. United Nations officials left New York. Bank of\nEngland",  # entities at a sentence's end
    "  \n  Mr. Tomasz Wierzbicki   told reporters in Warsaw, Poland that Polish farmers lost 30 percent.",
]


def _sample_texts() -> list[str]:
    texts = [(SAMPLES / "wion-2021-04-06-ukraine-nato.txt").read_text(encoding="utf-8")]
    with (SAMPLES / "hyperpartisan-2017q3.jsonl").open(encoding="utf-8") as lines:
        for line, _ in zip(lines, range(60)):
            texts.append(json.loads(line)["text"][:5000])
    return texts


@pytest.fixture(scope="module")
def pair(nlp: Language) -> tuple[Language, object]:
    """The pipeline (batched NER) and spaCy's own EntityRecognizer with the same weights."""
    if not (NER_DIR / NER_CONFIG_FILE).is_file():
        pytest.skip("no NER shipped in nlp/data/ner")
    plain = spacy.load(DEFAULT_MODEL)
    meta = json.loads((NER_DIR / NER_CONFIG_FILE).read_text(encoding="utf-8"))
    plain.replace_pipe("ner", "ner", config=meta["config"])
    plain.get_pipe("ner").from_disk(NER_DIR, exclude=["vocab"])
    return nlp, plain.get_pipe("ner")


def _tags(doc: Doc) -> list[tuple[int, str]]:
    return [(t.ent_iob, t.ent_type_) for t in doc]


def test_the_pipeline_decodes_its_ner_in_batches(nlp: Language) -> None:
    assert isinstance(nlp.get_pipe("ner"), BatchedNER)


def test_batched_decoding_gives_spacys_entities(pair) -> None:
    nlp, spacy_ner = pair
    texts = TEXTS + _sample_texts()
    docs = list(nlp.pipe(texts, disable=["ner"]))
    batched = list(nlp.get_pipe("ner").pipe([d.copy() for d in docs], batch_size=16))
    own = list(spacy_ner.pipe([d.copy() for d in docs], batch_size=16))
    assert sum(len(d.ents) for d in own) > 300
    longest = max((len(e) for d in own for e in d.ents), default=0)
    assert longest > LOOKAHEAD + 1  # an entity longer than one block of look-ahead was decoded too
    for got, want in zip(batched, own):
        assert _tags(got) == _tags(want), got.text[:80]


def test_one_doc_at_a_time_gives_the_same(pair) -> None:
    nlp, spacy_ner = pair
    for text in TEXTS:
        doc = nlp.make_doc(text)
        for name, proc in nlp.pipeline:
            if name != "ner":
                doc = proc(doc)
        assert _tags(nlp.get_pipe("ner")(doc.copy())) == _tags(spacy_ner(doc.copy()))


def test_preset_entities_go_to_spacys_decoder(pair) -> None:
    nlp, spacy_ner = pair
    doc = nlp("Maria Lindqvist moved to Gothenburg in 2019 with Halvorsen Logistics.", disable=["ner"])
    doc.set_ents([Span(doc, 0, 2, label="ORG")], default="unmodified")
    got = nlp.get_pipe("ner")(doc.copy())
    want = spacy_ner(doc.copy())
    assert _tags(got) == _tags(want)
    assert got.ents[0].label_ == "ORG" and got.ents[0].end == 2
