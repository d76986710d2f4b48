"""The explorer's pick lists and focus computed with pandas on whole tables in memory: the oracle the SQL ones
(:mod:`newsbrief.lab.slices`) are tested against."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import pandas as pd

from newsbrief.analysis import find_entity, source_labels
from newsbrief.analysis.slices import Focus
from newsbrief.errors import ExploreError
from newsbrief.lab.focus import _day, entity_labels, speaker_labels
from oracles import entity_frequencies, speaker_share


def entity_choices(tables: Mapping[str, pd.DataFrame], *, top: int | None = None) -> list[tuple[str, str]]:
    """(label, entity_id) pairs, most mentioned first: what the entity dropdown offers."""
    return entity_labels(entity_frequencies(tables["mentions"], tables["entities"], top=top))


def speaker_choices(tables: Mapping[str, pd.DataFrame], *, top: int | None = None) -> list[tuple[str, str]]:
    """(label, speaker) pairs, most quoted first (unattributed quotes left out)."""
    return speaker_labels(speaker_share(tables["quotes"], tables["articles"]), top=top)


def source_choices(tables: Mapping[str, pd.DataFrame]) -> list[str]:
    """Sources by number of articles, largest first."""
    return list(source_labels(tables["articles"]["source"]).value_counts().index)


def date_bounds(tables: Mapping[str, pd.DataFrame]) -> tuple[date | None, date | None]:
    """First and last publication day (UTC) in the store."""
    dates = tables["articles"]["published"].dropna()
    if dates.empty:
        return None, None
    return _day(dates.min()), _day(dates.max())


def find_focus(tables: Mapping[str, pd.DataFrame], *, entity: str | None = None, speaker: str | None = None) -> Focus:
    """Resolve a user's choice by entity id, canonical name or alias (case-insensitive); speaker by name.

    With neither given: the most mentioned entity, else the most quoted speaker.
    """
    entities = tables["entities"]
    if entity is not None and speaker is not None:
        raise ExploreError("choose an entity or a speaker, not both")
    if speaker is not None:
        names = tables["quotes"]["speaker"].dropna()
        match = names[names.str.casefold() == speaker.casefold()]
        if match.empty:
            known = ", ".join(v for _, v in speaker_choices(tables, top=10))
            raise ExploreError(f"no quotes by speaker '{speaker}'; most quoted: {known}")
        name = str(match.iloc[0])
        ids = tables["quotes"].loc[tables["quotes"]["speaker"] == name, "speaker_entity_id"].dropna()
        return Focus("speaker", name, name, str(ids.iloc[0]) if len(ids) else None)
    if entity is None:
        choices = entity_choices(tables, top=1)
        if choices:
            entity = choices[0][1]
        else:
            speakers = speaker_choices(tables, top=1)
            if not speakers:
                raise ExploreError("the store holds no entity and no attributed quote to explore")
            return find_focus(tables, speaker=speakers[0][1])
    found = find_entity(entities, entity)
    if found is not None:
        row = entities[entities["entity_id"].astype(str) == found].iloc[0]
        return Focus("entity", found, str(row["name"]), found)
    known = ", ".join(label for label, _ in entity_choices(tables, top=10))
    raise ExploreError(f"no entity '{entity}' in the store; most mentioned: {known}")
