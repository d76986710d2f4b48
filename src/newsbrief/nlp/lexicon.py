"""The curated word lists of ``data/entity_lexicon.json`` (entity typing, linking, speakers).

A leaf module (at import it reads nothing of newsbrief) so the gazetteer and the entity rules can both use
it; the titles before a person's name come from the one word list of reported speech,
:mod:`newsbrief.nlp.quotes.lexicon`.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

__all__ = ["lexicon"]


@functools.lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """The curated lists of ``data/entity_lexicon.json`` (lower-cased sets where order does not matter)."""
    raw = json.loads(resources.files("newsbrief.nlp").joinpath("data/entity_lexicon.json").read_text("utf-8"))
    out: dict[str, Any] = {"country_aliases": dict(raw["country_aliases"]),
                           "organisations_cased": frozenset(raw["organisations"])}
    for key in ("organisations", "not_entities", "not_entity_heads", "org_suffixes", "company_suffixes",
                "place_suffixes", "place_word_endings", "place_before", "table_words", "name_particles",
                "non_speakers"):
        out[key] = frozenset(str(x).lower() for x in raw[key])
    out["org_suffixes"] |= out["company_suffixes"]  # a business's last words ("Inc", "Holdings") end an org's name
    from .quotes.lexicon import PERSON_TITLES  # here, not on top: the quotes package imports this module

    out["person_titles"] = PERSON_TITLES
    return out
