"""The explorer's pick lists and focus over the store (or tables in memory), from the SQL of
:mod:`newsbrief.analysis.slices`: entities, speakers, sources, the date range, the overview line, and the focus a
user means. Memory follows what is shown, not the store."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path

import pandas as pd

from ..analysis import find_entity
from ..analysis.db import Db, as_database
from ..analysis.db_counts import entity_frequencies, speaker_share
from ..analysis.slices import (
    Focus,
    entities_of,
    published_span,
    read_slice,
    slice_sql,
    sources_by_size,
    speaker_entity_id,
    speaker_names,
    table_counts,
)
from ..errors import ExploreError
from ..store.duck import connect
from .focus import _day, entity_labels, speaker_labels

Source = Db | Mapping[str, pd.DataFrame]


def open_database(store: str | Path) -> Db:
    """A :class:`Db` over the store's Parquet files (nothing read yet)."""
    return Db(connect(store))


def entity_choices(source: Source, *, top: int | None = None) -> list[tuple[str, str]]:
    """(label, entity_id) pairs, most mentioned first: what the entity dropdown offers."""
    db = as_database(source)
    return entity_labels(entity_frequencies(db, entities_of(db), top=top))


def speaker_choices(source: Source, *, top: int | None = None) -> list[tuple[str, str]]:
    """(label, speaker) pairs, most quoted first (unattributed quotes left out)."""
    db = as_database(source)
    if "speakers" not in db.memo:
        db.memo["speakers"] = speaker_share(db, examples=False)
    return speaker_labels(db.memo["speakers"], top=top)


def source_choices(source: Source) -> list[str]:
    """Sources by number of articles, largest first (ties by name)."""
    return sources_by_size(as_database(source))


def date_bounds(source: Source) -> tuple[date | None, date | None]:
    """First and last publication day (UTC)."""
    lo, hi = published_span(as_database(source))
    return _day(lo), _day(hi)


def store_counts(source: Source) -> dict[str, int]:
    """Rows of each table and the number of (non-missing) sources: the overview line."""
    return table_counts(as_database(source))


def find_focus(source: Source, *, entity: str | None = None, speaker: str | None = None) -> Focus:
    """Resolve a user's choice: an entity by id, canonical name or alias (case-insensitive); a speaker by name (a
    name spelt in several cases: the exact spelling if it is one of them, else the first in order).

    With neither given: the most mentioned entity, else the most quoted speaker.
    """
    if entity is not None and speaker is not None:
        raise ExploreError("choose an entity or a speaker, not both")
    db = as_database(source)
    entities = entities_of(db)
    if speaker is not None:
        matches = [s for s in speaker_names(db) if s.casefold() == speaker.casefold()]
        if not matches:
            known = ", ".join(v for _, v in speaker_choices(db, top=10))
            raise ExploreError(f"no quotes by speaker '{speaker}'; most quoted: {known}")
        name = speaker if speaker in matches else matches[0]
        return Focus("speaker", name, name, speaker_entity_id(db, name))
    if entity is None:
        choices = entity_choices(db, top=1)
        if choices:
            entity = choices[0][1]
        else:
            speakers = speaker_choices(db, top=1)
            if not speakers:
                raise ExploreError("the store holds no entity and no attributed quote to explore")
            return find_focus(db, speaker=speakers[0][1])
    found = find_entity(entities, entity)
    if found is not None:
        row = entities[entities["entity_id"].astype(str) == found].iloc[0]
        return Focus("entity", found, str(row["name"]), found)
    known = ", ".join(label for label, _ in entity_choices(db, top=10))
    raise ExploreError(f"no entity '{entity}' in the store; most mentioned: {known}")


__all__ = ["Focus", "date_bounds", "entity_choices", "find_focus", "open_database", "read_slice", "slice_sql",
           "source_choices", "speaker_choices", "store_counts"]
