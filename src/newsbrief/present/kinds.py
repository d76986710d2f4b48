"""The briefing of each kind (:func:`~newsbrief.params.resolve_kind`): the one place a kind picks a class."""

from __future__ import annotations

from ..params import Kind
from .article import ArticleBriefing
from .briefing import Briefing
from .corpus import CorpusBriefing

BRIEFINGS: dict[Kind, type[Briefing]] = {"article": ArticleBriefing, "corpus": CorpusBriefing}


def briefing_class(kind: Kind) -> type[Briefing]:
    """:class:`ArticleBriefing` or :class:`CorpusBriefing`."""
    return BRIEFINGS[kind]
