"""Pronoun antecedents for speakers, ranked by weights learned on GUM's coreference chains.

:func:`candidates` lists what a pronoun (he, she, it, they) may refer to: the named entities before
it (PERSON for he/she, organisations and places for it/they) and the speakers met before it (the
resolver's memory, unnamed groups included). Candidates of the wrong gender (:func:`.coref.compatible`)
are left out. Each candidate gets a few features from what the pipeline knows - distance,
sentence, subject position, gender cue, how often the name came before (salience), whether it
spoke - and :func:`best` takes the one with the highest linear score.

The weights are ``data/pronoun_weights.json``, fitted by ``benchmarks/gum_coref.py --fit`` (logistic
regression over GUM train, the regularisation chosen on GUM dev); the file records both figures.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from .coref import compatible, gender_of, pronoun_gender
from .lexicon import QUESTIONER_NOUNS

__all__ = ["Candidate", "Remembered", "candidates", "best", "features", "weights", "noun_continues", "pronoun_class",
           "subject_candidate", "SUBJECT_DEPS"]

#: The dependency labels of a clause's subject.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: A name that only modifies a noun ("30 Airco jets", "Carver administration officials").
_MODIFIER = frozenset({"compound", "amod", "nmod", "npadvmod"})
_LABELS = {"person": frozenset({"PERSON"}), "it": frozenset({"ORG", "GPE", "NORP"}),
           "they": frozenset({"ORG", "GPE", "NORP"})}


class Remembered(NamedTuple):
    """A speaker the resolver met: where (``at``), the span it refers to, whether a person, how it was found
    (``kind``: "name", "pron", "role", "group", ...) and whether that span names someone."""

    at: int
    ref_start: int
    ref_end: int
    person: bool
    kind: str
    named: bool


@dataclass(frozen=True)
class Candidate:
    """A possible antecedent: its character span, where it was met, its label and whether it spoke."""

    start: int
    end: int
    at: int
    label: str
    spoke: bool


def pronoun_class(token: Token) -> str | None:
    low = token.lower_
    if low in {"he", "she", "him", "her", "his"}:
        return "person"
    if low == "it":
        return "it"
    if low in {"they", "them", "we"}:
        return "they"
    return None


def _asked(noun: Span) -> bool:
    """The unnamed one asked a question: "asked the reporter", a question mark just before "the reporter said",
    or a word for one who asks questions (:data:`.lexicon.QUESTIONER_NOUNS`)."""
    root = noun.root
    if root.lemma_.lower() in QUESTIONER_NOUNS or root.head.lemma_.lower() == "ask":
        return True
    for tok in reversed(noun.doc[max(0, noun.start - 4) : noun.start]):
        if tok.text == "?":
            return True
        if not (tok.is_punct or tok.is_quote or tok.is_space or tok.pos_ in {"VERB", "AUX"}):
            return False
    return False


def noun_continues(noun: Span, token: Token) -> bool:
    """Whether a pronoun may refer back to a person noun resolved to no one ("the challenger said. ... he
    added"): only in the same paragraph, and never the one who asked a question (the reply is the other's)."""
    if _asked(noun):
        return False
    return not any("\n" in t.text or "\n" in t.whitespace_ for t in noun.doc[noun.end - 1 : token.i])


def candidates(
    token: Token, ents: Sequence[Span], speakers: Sequence[Remembered]
) -> list[Candidate]:
    """Antecedent candidates of ``token`` from the entities before it and the speakers remembered, nearest
    first, one per span."""
    cls = pronoun_class(token)
    if cls is None:
        return []
    doc = token.doc
    out: list[Candidate] = []
    seen: set[tuple[int, int]] = set()
    for at, rs, re_, person, kind, _ in reversed(speakers[-12:]):
        if at >= token.idx or (rs, re_) in seen or person != (cls == "person"):
            continue
        span = doc.char_span(rs, re_, alignment_mode="expand")
        if span is None or (cls == "person" and not compatible(token, span)):
            continue
        if kind == "noun" and not noun_continues(span, token):
            continue
        label = span.root.ent_type_ or ("GROUP" if span.root.tag_ in {"NNS", "NNPS"} or kind == "group" else "OTHER")
        if cls == "it" and span.root.tag_ in {"NNS", "NNPS"}:
            continue
        seen.add((rs, re_))
        out.append(Candidate(rs, re_, at, label, True))
    for ent in reversed(ents):
        if ent.label_ not in _LABELS[cls] or (ent.start_char, ent.end_char) in seen:
            continue
        if cls == "person" and not compatible(token, ent):
            continue
        seen.add((ent.start_char, ent.end_char))
        out.append(Candidate(ent.start_char, ent.end_char, ent.start_char, ent.label_, False))
    return out


def _salience(span: Span | None, cand: Candidate, ents: Sequence[Span]) -> int:
    """How often the candidate's last word ended a name before it (never ``doc.text``: that rebuilds the text)."""
    if span is None or not len(span):
        return 0
    last = span[-1].text
    return sum(1 for e in ents if e.end_char <= cand.at and e[-1].text == last)


def features(token: Token, cand: Candidate, ents: Sequence[Span]) -> dict[str, float]:
    """The features of one candidate (names are the keys of the weights file)."""
    doc = token.doc
    cls = pronoun_class(token) or "it"
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    root = span.root if span is not None else doc[0]
    sent = token.sent
    f: dict[str, float] = {
        "bias": 1.0,
        f"{cls}:{cand.label}": 1.0,
        "dist": math.log1p(max(0, token.idx - cand.at) / 100),
        "same_sent": float(sent.start_char <= cand.at),
        "prev_sent": float(sent.start > 0 and doc[sent.start - 1].sent.start_char <= cand.at < sent.start_char),
        "subject": float(root.dep_ in SUBJECT_DEPS or root.head.dep_ in SUBJECT_DEPS),
        "modifier": float(root.dep_ in _MODIFIER),
        "possessive": float(root.dep_ == "poss"),
        "spoke": float(cand.spoke),
        "salience": math.log1p(_salience(span, cand, ents)),
    }
    if cls == "person" and span is not None:
        f["gender_known"] = float(pronoun_gender(token) is not None and gender_of(span) is not None)
    return f


@functools.lru_cache(maxsize=1)
def weights() -> dict[str, float]:
    """The learned weights (``data/pronoun_weights.json``)."""
    raw = json.loads(resources.files("newsbrief.nlp").joinpath("data/pronoun_weights.json").read_text("utf-8"))
    return {str(k): float(v) for k, v in raw["weights"].items()}


def score(feats: dict[str, float], w: dict[str, float]) -> float:
    return sum(w.get(k, 0.0) * v for k, v in feats.items())


def best(token: Token, cands: Sequence[Candidate], ents: Sequence[Span]) -> Candidate | None:
    """The highest-scoring candidate (None when there is none)."""
    if not cands:
        return None
    w = weights()
    return max(cands, key=lambda c: score(features(token, c, ents), w))


def subject_candidate(doc: Doc, cand: Candidate) -> bool:
    """Whether the candidate is (or stands for) the subject of its clause."""
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    # a name cut short by the model ("Tall Tree" of "Tall Tree Records") and a possessive ("Thomas' sister")
    # count as the subject; a name that only modifies a common noun ("future Acme games could be built") not
    head = root.head
    return root.dep_ in SUBJECT_DEPS or (head.dep_ in SUBJECT_DEPS and (head.pos_ == "PROPN" or root.dep_ == "poss"))
