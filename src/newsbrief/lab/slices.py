"""The explorer's data in bounded memory: pick lists from SQL over the store, and one focus's *slice*.

The store stays on disk behind a :class:`~newsbrief.analysis.db.Db` (DuckDB views over its Parquet files).
What the controls offer (entities, speakers, sources, the date range, the overview line) are SQL aggregates.
When the user picks an entity or a speaker, :func:`read_slice` reads only the rows the views of that focus
read, and the pandas functions of :mod:`.focus` run on them unchanged, with the same results as on the whole
tables (tests compare them):

* ``mentions``: the focus entity's mentions (for a speaker: of the speaker's entity, if any);
* ``articles`` (without their text): the articles with such a mention or with a quote by the focus;
* ``quotes``: the quotes by the focus and the quotes whose content holds one of its mentions (quotes about it);
* ``sentences``: those holding a mention or a quote of the focus (the sentences behind it, and what its tone
  is read from); the filters keep or drop whole articles, so they cut the slice as they cut the whole tables;
* ``entities``: the whole table (one row per canonical entity).

Equality rests on two properties of annotated stores: sentences do not overlap (the sentence holding a mention
is found by its start), and every mention of a store with ``mentions.tone`` has a tone (annotation scores each
one), so whether the tone towards an entity exists reads the same on its own mentions as on all of them.
Rows keep the store's order (numbered before the joins, sorted back), so ties in the tables shown fall as they
do on the whole tables. Memory follows the focus (its articles), not the store.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from ..analysis import find_entity
from ..errors import ExploreError
from ..analysis.db import Db, source_sql
from ..analysis.db_counts import entity_frequencies_db, speaker_share_db
from ..store.duck import connect
from .focus import Focus, _day, entity_labels, speaker_labels

#: The name of the registered table of a slice's spans (the focus's mentions and quotes).
_SPANS = "slice_spans"


def open_db(store: str | Path) -> Db:
    """A :class:`Db` over the store's Parquet files (nothing read yet)."""
    return Db(connect(store))


def entity_choices_db(db: Db, *, top: int | None = None) -> list[tuple[str, str]]:
    """:func:`~newsbrief.lab.focus.entity_choices` over the store."""
    return entity_labels(entity_frequencies_db(db, _entities(db), top=top))


def speaker_choices_db(db: Db, *, top: int | None = None) -> list[tuple[str, str]]:
    """:func:`~newsbrief.lab.focus.speaker_choices` over the store."""
    if "speakers" not in db.memo:
        db.memo["speakers"] = speaker_share_db(db, examples=False)
    return speaker_labels(db.memo["speakers"], top=top)


def source_choices_db(db: Db) -> list[str]:
    """:func:`~newsbrief.lab.focus.source_choices` over the store (ties by name)."""
    rows = db.df(f"SELECT {source_sql('source')} AS source, count(*) AS n FROM articles GROUP BY 1 "
                 "ORDER BY n DESC, source")
    return [str(s) for s in rows["source"]]


def date_bounds_db(db: Db) -> tuple[date | None, date | None]:
    """:func:`~newsbrief.lab.focus.date_bounds` over the store."""
    row = db.df("SELECT min(published) AS lo, max(published) AS hi FROM articles").iloc[0]
    return _day(row["lo"]), _day(row["hi"])


def store_counts(db: Db) -> dict[str, int]:
    """Rows of each table and the number of (non-missing) sources: the overview line."""
    out = {name: db.count(name) for name in ("articles", "entities", "quotes", "sentences")}
    out["sources"] = int(db.value("SELECT count(DISTINCT source) FROM articles") or 0)
    return out


def _entities(db: Db) -> pd.DataFrame:
    if "entities" not in db.memo:
        db.memo["entities"] = db.entities()
    return db.memo["entities"]


def _speaker_names(db: Db) -> list[str]:
    if "speaker_names" not in db.memo:
        names = db.df("SELECT DISTINCT speaker FROM quotes WHERE speaker IS NOT NULL ORDER BY speaker")
        db.memo["speaker_names"] = [str(s) for s in names["speaker"]]
    return db.memo["speaker_names"]


def find_focus_db(db: Db, *, entity: str | None = None, speaker: str | None = None) -> Focus:
    """:func:`~newsbrief.lab.focus.find_focus` over the store (a speaker's name spelt in several cases: the
    exact spelling if it is one of them, else the first in order)."""
    if entity is not None and speaker is not None:
        raise ExploreError("choose an entity or a speaker, not both")
    entities = _entities(db)
    if speaker is not None:
        matches = [s for s in _speaker_names(db) if s.casefold() == speaker.casefold()]
        if not matches:
            known = ", ".join(v for _, v in speaker_choices_db(db, top=10))
            raise ExploreError(f"no quotes by speaker '{speaker}'; most quoted: {known}")
        name = speaker if speaker in matches else matches[0]
        eid = db.value("SELECT speaker_entity_id FROM quotes WHERE speaker = ? AND speaker_entity_id IS NOT NULL "
                       "LIMIT 1", [name])
        return Focus("speaker", name, name, None if eid is None else str(eid))
    if entity is None:
        choices = entity_choices_db(db, top=1)
        if choices:
            entity = choices[0][1]
        else:
            speakers = speaker_choices_db(db, top=1)
            if not speakers:
                raise ExploreError("the store holds no entity and no attributed quote to explore")
            return find_focus_db(db, speaker=speakers[0][1])
    found = find_entity(entities, entity)
    if found is not None:
        row = entities[entities["entity_id"].astype(str) == found].iloc[0]
        return Focus("entity", found, str(row["name"]), found)
    known = ", ".join(label for label, _ in entity_choices_db(db, top=10))
    raise ExploreError(f"no entity '{entity}' in the store; most mentioned: {known}")


def _arrow(db: Db, sql: str, params: list[Any]) -> Any:
    relation = db.con.sql(sql, params=params or None)
    return relation.to_arrow_table() if hasattr(relation, "to_arrow_table") else relation.arrow()  # DuckDB 1.x


def _frame(db: Db, sql: str, params: list[Any]) -> pd.DataFrame:
    """The rows of ``sql`` as read_dataset gives them (through Arrow), without the views' ``month`` column."""
    frame = _arrow(db, sql, params).to_pandas()
    return frame.drop(columns=["month"]) if "month" in frame.columns else frame


def slice_sql(db: Db, focus: Focus) -> dict[str, tuple[str, list[Any]]]:
    """The SQL (and its parameters) of each table of the focus's slice; ``spans`` first (registered as a table
    for the others): the focus's mentions and the quotes by the focus, with their article and offsets."""
    by = ("q.speaker = ?", [focus.key]) if focus.kind == "speaker" else ("q.speaker_entity_id = ?", [focus.entity_id])
    mentions = ("m.entity_id = ?", [focus.entity_id]) if focus.entity_id is not None else ("FALSE", [])
    text = " EXCLUDE (text)" if db.has("articles", "text") else ""
    ids = f"article_id IN (SELECT DISTINCT article_id FROM {_SPANS})"

    def numbered(table: str, alias: str, drop: str = "") -> str:
        # numbered in the store's order before the joins (which do not keep it); sorted back by the number
        return f"(SELECT *{drop}, row_number() OVER () AS _row FROM {table}) AS {alias}"

    def ordered(table: str, alias: str, where: str, drop: str = "") -> str:
        return f"SELECT * EXCLUDE (_row) FROM {numbered(table, alias, drop)} WHERE {ids} AND {where} ORDER BY _row"

    about = (f"EXISTS (SELECT 1 FROM {_SPANS} p WHERE p.mention AND p.article_id = q.article_id "
             "AND p.a >= q.content_start AND p.b <= q.content_end)")
    behind = (f"EXISTS (SELECT 1 FROM {_SPANS} p WHERE p.article_id = s.article_id "
              'AND ((p.a < s."end" AND p.b > s.start) OR (s.start <= p.a AND p.a < s."end")))')
    return {
        "spans": (f'SELECT m.article_id, m.start AS a, m."end" AS b, TRUE AS mention FROM mentions m WHERE {mentions[0]} '
                  f"UNION ALL SELECT q.article_id, q.content_start, q.content_end, FALSE FROM quotes q WHERE {by[0]}",
                  mentions[1] + by[1]),
        "articles": (ordered("articles", "a", "TRUE", text), []),
        "mentions": (f"SELECT * FROM mentions m WHERE {mentions[0]}", mentions[1]),
        "quotes": (ordered("quotes", "q", f"({by[0]} OR {about})"), by[1]),
        "sentences": (ordered("sentences", "s", behind), []),
    }


def read_slice(db: Db, focus: Focus) -> dict[str, pd.DataFrame]:
    """The rows the views of ``focus`` read (see the module docstring), in the store's order."""
    queries = slice_sql(db, focus)
    db.con.register(_SPANS, _arrow(db, *queries["spans"]))
    try:
        out = {name: _frame(db, *queries[name]) for name in ("articles", "mentions", "quotes", "sentences")}
    finally:
        db.con.unregister(_SPANS)
    out["entities"] = _entities(db)
    return out


__all__ = ["date_bounds_db", "entity_choices_db", "find_focus_db", "open_db", "read_slice",
           "slice_sql", "source_choices_db", "speaker_choices_db", "store_counts"]
