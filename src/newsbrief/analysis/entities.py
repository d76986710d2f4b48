"""Entities: the frequency table finished from counts (counted in SQL, :mod:`.db_counts`), trends, and the one
matching of a name to an entity."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ..textutil import fold
from .periods import period_start

TYPE_OF_LABEL: dict[str, str] = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place",
                                 "FAC": "place"}
FREQ_COLUMNS = ["entity_id", "name", "type", "label", "mentions", "articles", "share", "aliases"]


def frequencies_from_counts(
    counts: pd.DataFrame, entities: pd.DataFrame, *, top: int | None = None, types: Sequence[str] | None = None,
) -> pd.DataFrame:
    """The frequency table of :func:`~newsbrief.analysis.db_counts.entity_frequencies` from per-entity counts
    (columns entity_id, mentions, articles): types, shares, aliases, order."""
    if counts.empty:
        return pd.DataFrame(columns=FREQ_COLUMNS)
    out = counts.merge(entities, on="entity_id", how="left")
    out["type"] = out["label"].map(TYPE_OF_LABEL).fillna("other")
    if types:
        out = out[out["type"].isin(list(types))]
    total = out["mentions"].sum()
    out["share"] = out["mentions"] / total if total else 0.0
    out["aliases"] = out["aliases"].map(lambda a: ", ".join(a) if a is not None and len(a) else "")
    out = out.sort_values(["mentions", "articles", "name", "entity_id"], ascending=[False, False, True, True],
                          kind="stable")
    if top is not None:
        out = out.head(top)
    return out[FREQ_COLUMNS].reset_index(drop=True)


def entity_trend(
    mentions: pd.DataFrame, articles: pd.DataFrame, entities: pd.DataFrame, *, entity_ids: Sequence[str],
    freq: str = "W"
) -> pd.DataFrame:
    """Mentions per period for the given entities (rows: period, columns: entity names)."""
    if mentions.empty or articles["published"].isna().all():
        return pd.DataFrame()
    dated = mentions[mentions["entity_id"].isin(list(entity_ids))].merge(
        articles[["article_id", "published"]], on="article_id"
    )
    dated = dated.dropna(subset=["published"])
    if dated.empty:
        return pd.DataFrame()
    names = dict(zip(entities["entity_id"], entities["name"]))
    dated["period"] = period_start(dated["published"], freq)
    table = dated.groupby(["period", "entity_id"]).size().unstack(fill_value=0)
    full = pd.period_range(table.index.min(), table.index.max(), freq=freq).start_time
    table = table.reindex(full, fill_value=0)
    table.index.name = "period"
    return table.rename(columns=names)


def find_entity(entities: pd.DataFrame, wanted: str) -> str | None:
    """The entity id a user means by ``wanted``: an id, a canonical name or an alias, in that order.

    Case is ignored, then spelling variants (:func:`~newsbrief.textutil.fold`: Zelenskiy = Zelensky).
    The one place names are matched to entities (briefing, findings and the explorer all call it).
    """
    if entities.empty:
        return None
    ids = entities["entity_id"].astype(str)
    names = entities["name"].astype(str)
    aliases = (entities[["entity_id", "aliases"]].explode("aliases").dropna(subset=["aliases"])
               if "aliases" in entities.columns else pd.DataFrame(columns=["entity_id", "aliases"]))
    alias_text = aliases["aliases"].astype(str)
    key = wanted.strip()
    tests = (
        lambda: ids[ids == key],
        lambda: ids[names.str.casefold() == key.casefold()],
        lambda: aliases["entity_id"].astype(str)[alias_text.str.casefold() == key.casefold()],
        lambda: ids[ids.str.casefold() == key.casefold()],
        lambda: ids[names.map(fold) == fold(key)],
        lambda: aliases["entity_id"].astype(str)[alias_text.map(fold) == fold(key)],
    )
    for test in tests:
        found = test()
        if len(found):
            return str(found.iloc[0])
    return None
