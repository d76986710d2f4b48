"""Tone towards a target: public API, errors, score mapping, the shipped model file."""

from __future__ import annotations

import importlib.util
import json
import sys
from importlib.resources import files
from pathlib import Path

import numpy as np
import pytest
from spacy.language import Language

import newsbrief
from newsbrief.errors import InputError, NewsbriefError
from newsbrief.nlp.tone import NEUTRAL_BAND, ToneModel, model_digest, target_tone, to_score, tone_for_mentions

ROOT = Path(__file__).resolve().parents[2]


def spans_of(text: str, *words: str) -> list[tuple[int, int]]:
    return [(text.index(w), text.index(w) + len(w)) for w in words]


def test_public_name_on_the_package() -> None:
    assert newsbrief.target_tone is target_tone
    assert "target_tone" in newsbrief.__all__


def test_accuser_is_treated_better_than_the_accused(nlp: Language) -> None:
    text = "Ukraine accused Russia of aggression."
    ukraine, russia = target_tone(text, spans_of(text, "Ukraine", "Russia"), nlp=nlp)
    assert russia < ukraine
    assert russia < -NEUTRAL_BAND


@pytest.mark.parametrize(
    ("text", "target", "sign"),
    [
        ("Critics slammed Johnson over the scandal, calling him a liar.", "Johnson", -1),
        ("Trump praised Macron for his leadership.", "Macron", 1),
        ("Obama won a landslide victory, and supporters celebrated.", "Obama", 1),
        ("The senator met the governor in Albany on Tuesday.", "governor", 0),
    ],
)
def test_clear_cases(nlp: Language, text: str, target: str, sign: int) -> None:
    (score,) = target_tone(text, spans_of(text, target), nlp=nlp)
    if sign == 0:
        assert abs(score) <= NEUTRAL_BAND
    else:
        assert score * sign > NEUTRAL_BAND


def test_shape_and_range(nlp: Language) -> None:
    text = "Merkel said the corrupt regime of Maduro must end, and Macron agreed with Merkel."
    spans = spans_of(text, "Merkel", "Maduro", "Macron") + [(text.rindex("Merkel"), len(text) - 1)]
    scores = target_tone(text, spans, nlp=nlp)
    assert len(scores) == len(spans)
    assert all(isinstance(s, float) and -1.0 <= s <= 1.0 for s in scores)


def test_no_spans_gives_no_scores(nlp: Language) -> None:
    assert target_tone("Nothing to score here.", [], nlp=nlp) == []


@pytest.mark.parametrize("span", [(5, 5), (6, 3), (-1, 4), (0, 999), (7, 8)])
def test_invalid_spans_raise(nlp: Language, span: tuple[int, int]) -> None:
    text = "Ukraine accused Russia."  # (7, 8) is the space after 'Ukraine'
    with pytest.raises(InputError) as info:
        target_tone(text, [(0, 7), span], nlp=nlp)
    assert isinstance(info.value, NewsbriefError)
    assert info.value.field == "spans"


@pytest.mark.parametrize("span", [(0.0, 7.0), (0,), "0-7", None])
def test_malformed_spans_raise(nlp: Language, span: object) -> None:
    with pytest.raises(InputError):
        target_tone("Ukraine accused Russia.", [span], nlp=nlp)  # type: ignore[list-item]


def test_text_must_be_a_string(nlp: Language) -> None:
    with pytest.raises(InputError):
        target_tone(None, [(0, 1)], nlp=nlp)  # type: ignore[arg-type]


def test_doc_entry_point_matches_text_entry_point(nlp: Language) -> None:
    text = "The mayor blamed the police chief for the chaos. Voters cheered the mayor."
    spans = spans_of(text, "mayor", "police chief") + [(text.rindex("mayor"), text.rindex("mayor") + 5)]
    doc = nlp(text)
    assert tone_for_mentions(doc, spans) == target_tone(text, spans, nlp=nlp)
    assert tone_for_mentions(doc, []) == []


def test_partial_token_spans_expand_to_whole_tokens(nlp: Language) -> None:
    text = "Critics slammed Johnson over the scandal."
    start = text.index("Johnson")
    assert target_tone(text, [(start + 1, start + 4)], nlp=nlp) == target_tone(text, [(start, start + 7)], nlp=nlp)


@pytest.mark.parametrize(
    "probs", [(0.2, 0.5, 0.3), (0.6, 0.3, 0.1), (0.1, 0.2, 0.7), (1 / 3, 1 / 3, 1 / 3), (0.0, 0.0, 1.0),
              (1.0, 0.0, 0.0)]
)
def test_score_is_neutral_exactly_when_neutral_wins(probs: tuple[float, float, float]) -> None:
    score = to_score(*probs)
    assert -1.0 <= score <= 1.0
    winner = int(np.argmax(probs))
    if probs[1] >= max(probs):
        assert abs(score) <= NEUTRAL_BAND
    else:
        assert abs(score) > NEUTRAL_BAND
        assert np.sign(score) == (1 if winner == 2 else -1)


def test_score_grows_with_the_lead_of_the_winning_class() -> None:
    assert to_score(0.1, 0.3, 0.6) < to_score(0.05, 0.15, 0.8) < to_score(0.0, 0.0, 1.0) == pytest.approx(1.0)
    assert to_score(0.6, 0.3, 0.1) > to_score(0.8, 0.15, 0.05)


def test_shipped_model_is_package_data_and_round_trips() -> None:
    text = files("newsbrief.nlp").joinpath("data", "tone_model.json").read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["classes"] == ["negative", "neutral", "positive"]
    assert data["meta"]["cv_macro_f1"] >= 0.62
    model = ToneModel.from_json(text)
    assert ToneModel.from_json(model.to_json()).weights == model.weights
    assert len(model_digest()) == 12
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert "data/*.json" in pyproject  # declared as package data, so wheels carry the model


def test_target_identity_is_not_a_feature() -> None:
    """The model must not learn that a name is usually criticised: no feature names the target."""
    model = ToneModel.load()
    assert not any(name.startswith(("T:", "target:")) for name in model.weights)


@pytest.mark.skipif(importlib.util.find_spec("sklearn") is None, reason="scikit-learn (test extra) is not installed")
def test_fit_linear_learns_a_toy_rule() -> None:
    from tone_fit import fit_linear

    feats = [{"good+": 1.0}] * 20 + [{"bad-": -1.0}] * 20 + [{"dull": 1.0}] * 20
    y = [1] * 20 + [-1] * 20 + [0] * 20
    model = fit_linear(feats, y, c=10.0, min_df=2)
    pos, neg, neu = model.scores([{"good+": 1.0}, {"bad-": -1.0}, {"dull": 1.0}])
    assert pos > NEUTRAL_BAND and neg < -NEUTRAL_BAND and abs(neu) <= NEUTRAL_BAND


@pytest.mark.shared
def test_benchmark_folds_keep_articles_apart(shared: Path) -> None:
    gold = shared / "gold" / "newsmtsc" / "train.jsonl"
    if not gold.is_file():
        pytest.skip(f"{gold} is absent")
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import tone as bench  # type: ignore[import-not-found]
    finally:
        sys.path.pop(0)
    texts, targets, groups = bench.load_gold(gold)
    assert len(texts) == 7758 and len(targets) > len(texts)
    folds = bench.folds_of(groups, k=5, seed=0)
    gids = [json.loads(line)["primary_gid"] for line in gold.open(encoding="utf-8")]
    article_fold: dict[str, set[int]] = {}
    text_fold: dict[str, set[int]] = {}
    for text, gid, fold in zip(texts, gids, folds):
        article = "_".join(gid.split("_")[:3])  # polusa_v1_<article>, allsides_<story>_<article>
        article_fold.setdefault(article, set()).add(int(fold))
        text_fold.setdefault(text, set()).add(int(fold))
    assert all(len(f) == 1 for f in article_fold.values())
    assert all(len(f) == 1 for f in text_fold.values())


def test_doc_valences_read_subtrees_and_paths_as_spacy_does(nlp: Language) -> None:
    """The per-Doc index arrays the features use give the same subtrees and root paths as the Tokens."""
    from newsbrief.nlp.tone_features import DocValences, _path_to_root

    doc = nlp('"The deal is a disaster," said Jane Roe, who leads the union that Acme Corp, which cut 300 jobs '
              "in March, never recognised.\n\nShares fell sharply, but analysts did not expect a long slide.")
    vals = DocValences(doc)
    for tok in doc:
        assert vals.subtree(tok) == {t.i for t in tok.subtree}
        spacy_path = [t.i for t in _path_to_root(tok)]
        ends = spacy_path.index(tok.sent.root.i) + 1 if tok.sent.root.i in spacy_path else len(spacy_path)
        assert vals.path(tok.i) == spacy_path[:ends]
        assert vals.root_path(tok.i) == spacy_path
        assert vals.deps[tok.i] == tok.dep_ and vals.lemmas[tok.i] == tok.lemma_.lower()
        assert vals.verbal[tok.i] == (tok.pos_ in {"VERB", "AUX"})
    quotes = [t.i for t in doc if t.text == '"']
    assert vals.quotes_before[quotes[1] + 1] - vals.quotes_before[0] == 2
