"""What mentions and the typer both need: place labels, titles before names, the candidate tuple.

A leaf of :mod:`newsbrief.nlp.entities` below :mod:`.mentions` and :mod:`.typer`, so neither imports the other
at module level.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .gazetteer import fold

if TYPE_CHECKING:
    from spacy.tokens import Span

__all__ = ["PLACE_LABELS", "TITLES", "Found", "place_label", "strip_titles"]

PLACE_LABELS: frozenset[str] = frozenset({"GPE", "LOC", "FAC"})
Found = tuple["Span", str, "tuple[str, bool] | None"]  # span, model label, context cue

TITLES: frozenset[str] = frozenset(
    "president vice prime minister secretary general gen sen senator rep representative gov governor "
    "mr mrs ms miss dr prof professor king queen prince princess pope chancellor premier sir lord lady "
    "judge justice attorney mayor ambassador spokesman spokeswoman spokesperson chairman chief ceo "
    "foreign defence defense interior finance state us u s uk former acting deputy first".split()
)


#: The titles as :func:`fold` writes them ("Miss" folds to "mis", "Attorney" to "atorney").
_FOLDED_TITLES: frozenset[str] = frozenset(fold(t) for t in TITLES)


def strip_titles(text: str) -> str:
    """``President Volodymyr Zelenskiy`` -> ``Volodymyr Zelenskiy``, ``Miss Chaworth`` -> ``Chaworth``;
    possessives dropped."""
    text = re.sub(r"['’]s?$", "", text.strip())
    words = text.split()
    while len(words) > 1 and fold(words[0]).replace(" ", "") in _FOLDED_TITLES:
        words = words[1:]
    return " ".join(words)


def place_label(label: str, cue: tuple[str, bool] | None, votes: dict[str, float] | None = None) -> str:
    """Which place label a mention typed as a place gets: its own, its cue's, else the group's most voted."""
    if label in PLACE_LABELS:
        return label
    if cue and cue[0] in PLACE_LABELS:
        return cue[0]
    places = [lab for lab in (votes or {}) if lab in PLACE_LABELS]
    return max(places, key=lambda lab: (votes or {})[lab]) if places else "GPE"
