"""spaCy's rule lemmatizer, the same lemmas written per Doc from a cache: a Token object and a string
assignment per word become a dictionary look-up per word.

The model's lemmatizer (``en_core_web_sm``: rules, exceptions and an index per coarse POS) gives a token's
lemma as a function of its form, POS and morphology (its own cache is keyed by exactly these). It walks the
Doc token by token in Python; :class:`FastLemmatizer` reads the three as arrays, asks the model's lemmatizer
once per distinct (form, POS, morphology) and writes every lemma with one ``Doc.from_array``. Tokens that
already have a lemma (set by the attribute ruler) keep it, as with the model's component (``overwrite`` off);
``tests/nlp/test_attributes.py`` checks the pipeline's tokens against the model's.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.language import Language
from spacy.tokens import Doc

from . import LEMMAS_COMPONENT as COMPONENT
from .doc_component import DocComponent

__all__ = ["FastLemmatizer", "replace_lemmatizer"]

#: Distinct (form, POS, morphology) keys kept before the cache starts afresh.
MAX_CACHED = 200_000


class FastLemmatizer(DocComponent):
    """The lemmas of the model's rule lemmatizer ``lemmatizer``, cached per (form, POS, morphology)."""

    def __init__(self, nlp: Language, name: str = COMPONENT, *, lemmatizer: str = "lemmatizer") -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.original: Any = nlp.get_pipe(lemmatizer)
        self._cache: dict[tuple[int, int, int], int] = {}

    def _apply(self, doc: Doc) -> None:
        if not len(doc):
            return
        original = self.original
        if not original._validated:
            original._validate_tables(Errors.E1004)
        overwrite = bool(original.overwrite)
        cache, strings = self._cache, self.vocab.strings
        values = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas: Any = values[:, 3].copy()
        changed = False
        for i, (orth, pos, morph, lemma) in enumerate(values.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            got = cache.get(key)
            if got is None:
                got = strings.add(original.lemmatize(doc[i])[0])
                if len(cache) >= MAX_CACHED:  # bounded: a long run meets ever more distinct words
                    cache.clear()
                cache[key] = got
            lemmas[i] = got
            changed = True
        if changed:
            doc.from_array([LEMMA], lemmas)


def replace_lemmatizer(nlp: Language, *, lemmatizer: str = "lemmatizer") -> bool:
    """Put a :class:`FastLemmatizer` in the place of the model's rule lemmatizer (disabled, kept: it answers
    the first look-up of each key); True when it did."""
    component = nlp.get_pipe(lemmatizer) if lemmatizer in nlp.pipe_names else None
    if component is None or getattr(component, "mode", None) != "rule":
        return False
    nlp.add_pipe(COMPONENT, after=lemmatizer, config={"lemmatizer": lemmatizer})
    nlp.disable_pipe(lemmatizer)
    return True


@Language.factory(COMPONENT, default_config={"lemmatizer": "lemmatizer"})
def make_fast_lemmatizer(nlp: Language, name: str, lemmatizer: str) -> FastLemmatizer:
    return FastLemmatizer(nlp, name, lemmatizer=lemmatizer)
