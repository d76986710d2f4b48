"""Word lists names are judged by: US Census given names and surnames, and common English words (a capitalised
word at a sentence start that is no part of the name after it).

The common words are the WordNet index the spaCy model's rule lemmatizer ships (``lemma_index``: nouns, verbs,
adjectives, adverbs in lower case), read once per process from the installed model; US Census given names
are not common words here ("John", "Paris" open full names).
"""

from __future__ import annotations

import functools
import logging

from ..census import census_list

log = logging.getLogger(__name__)


@functools.lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Given names of the US Census lists (:func:`~newsbrief.nlp.census.census_list`), lower-case."""
    return frozenset(name.lower() for key in ("male", "female") for name, _ in census_list(key))


@functools.lru_cache(maxsize=1)
def surname_ranks() -> dict[str, int]:
    """Surname -> rank in the US Census list, lower-case (read only where surnames are asked for: not by linking)."""
    return {name.lower(): i for i, (name, _) in enumerate(census_list("last"))}


def is_given_name(word: str) -> bool:
    """True for a given name of the US Census lists (any case)."""
    return word.lower().strip(".") in given_names()


def surname_rank(word: str) -> int | None:
    """Rank of ``word`` among US Census surnames (0 = most common), else None."""
    return surname_ranks().get(word.lower())


@functools.lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Lower-case words of the model's lemmatizer index (empty when the model has none)."""
    import spacy.util
    from spacy.lookups import Lookups

    from ..pipeline import DEFAULT_MODEL

    try:
        path = spacy.util.get_package_path(DEFAULT_MODEL)
        folder = next(path.glob("*/lemmatizer/lookups"), None) or path / "lemmatizer" / "lookups"
        lookups = Lookups().from_disk(folder)
        index = lookups.get_table("lemma_index")
    except (OSError, KeyError, ValueError) as e:  # no such model or table: no word is called common
        log.warning("no lemmatizer word index in %s: %s", DEFAULT_MODEL, e)
        return frozenset()
    return frozenset(w for pos in index for w in index[pos] if w.isalpha())


def is_common_word(word: str) -> bool:
    """True for a common English word that is no given name ("Key", "Former"; not "John", "Vladimir")."""
    low = word.lower()
    return low in common_words() and not is_given_name(low)
