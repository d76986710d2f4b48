"""A pipeline component that rewrites each Doc in place: what ``__call__`` and ``pipe`` share.

spaCy calls a component on one Doc (``nlp(text)``) or on a stream (``nlp.pipe``); newsbrief's own
components (:mod:`newsbrief.nlp.attributes`, :mod:`newsbrief.nlp.lemmas`) do the same work per Doc either
way, so they implement :meth:`DocComponent._apply` only.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc
from spacy.util import minibatch

__all__ = ["DocComponent"]


class DocComponent(ABC):
    """Applies :meth:`_apply` to every Doc, one at a time or in batches."""

    @abstractmethod
    def _apply(self, doc: Doc) -> None:
        """Set this component's attributes on ``doc``."""

    def __call__(self, doc: Doc) -> Doc:
        self._apply(doc)
        return doc

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            for doc in batch:
                self._apply(doc)
            yield from batch
