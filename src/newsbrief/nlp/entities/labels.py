"""What mentions and the typer both need: place labels, titles before names, the candidate tuple.

A leaf of :mod:`newsbrief.nlp.entities` below :mod:`.mentions` and :mod:`.typer`, so neither imports the other
at module level.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .gazetteer import fold, head_words

if TYPE_CHECKING:
    from spacy.tokens import Span

__all__ = ["PLACE_LABELS", "POSSESSIVE", "TITLES", "Found", "place_label", "strip_person_titles",
           "strip_titles"]

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
#: A possessive ending ("Quint's", "Vandersloots'"), dropped before names are compared.
POSSESSIVE = re.compile(r"['’]s?$")


def strip_titles(text: str) -> str:
    """``President Dorrit Vandersloot`` -> ``Dorrit Vandersloot``; possessives dropped. The typer's features
    as it was fit: a folded word compared with the title list as written, so a title with a doubled letter
    ("Miss", "Queen", "Attorney") stays. Linking uses :func:`strip_person_titles`."""
    words = POSSESSIVE.sub("", text.strip()).split()
    while len(words) > 1 and fold(words[0]).replace(" ", "") in TITLES:
        words = words[1:]
    return " ".join(words)


def strip_person_titles(text: str, *, person: bool) -> str:
    """A name without the titles before it when what remains still reads as a person: ``Miss Quillfeather``
    (typed a person) -> ``Quillfeather``, ``Chancellor Dorrit Vandersloot`` -> ``Dorrit Vandersloot``,
    ``President Tamsin Hill`` and ``Mr. Cook`` (a census surname, even one that is a common word) -> ``Tamsin
    Hill``, ``Cook``; but ``King Street``, ``Princes Street``, ``Princess Cruises`` stay whole (the rest is a
    place or organisation head, or a common word no census surname). A name not typed a person
    (``person=False``) loses its titles only when a full name remains (``Queen Victoria`` typed a place stays).
    Possessives dropped."""
    words = POSSESSIVE.sub("", text.strip()).split()
    rest = words
    while len(rest) > 1 and fold(rest[0]).replace(" ", "") in _FOLDED_TITLES:
        rest = rest[1:]
    if len(rest) == len(words) or _reads_as_person(rest, person=person):
        return " ".join(rest)
    return " ".join(words)


def _reads_as_person(words: list[str], *, person: bool) -> bool:
    """Whether the words left after the titles name a person: two or more opening with a census given name
    ("Bill White"; for a name not typed a person, not ending in a head word: "Victoria Street"); else a
    capitalised last word that is no head word and no common word except a census surname ("Hill", "Cook")."""
    from .words import is_given_name

    last = words[-1]
    head = fold(last).replace(" ", "") in head_words("org_suffixes", "place_suffixes")
    if len(words) >= 2 and is_given_name(words[0]) and (person or not head):
        return True
    if not person and len(words) < 2:
        return False
    return last[:1].isupper() and not head and not _plain_word(last)


def _plain_word(word: str) -> bool:
    """A common word or the plural of one ("Street", "Cruises") that is no census surname ("Hill", "Rogers")."""
    from .cues import is_common_plural  # not on top: cues reads the lexicon and gazetteer
    from .words import is_common_word, surname_rank

    return (is_common_word(word) or is_common_plural(word)) and surname_rank(word) is None


def place_label(label: str, cue: tuple[str, bool] | None, votes: dict[str, float] | None = None) -> str:
    """Which place label a mention typed as a place gets: its own, its cue's, else the group's most voted."""
    if label in PLACE_LABELS:
        return label
    if cue and cue[0] in PLACE_LABELS:
        return cue[0]
    places = [lab for lab in (votes or {}) if lab in PLACE_LABELS]
    return max(places, key=lambda lab: (votes or {})[lab]) if places else "GPE"
