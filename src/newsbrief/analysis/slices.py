"""The explorer's data in SQL, in bounded memory: what its pick lists are made of, and one focus's *slice*.

The store stays on disk behind a :class:`~newsbrief.analysis.db.Db` (DuckDB views over its Parquet files).
What the controls offer (entities, speakers, sources, the date range, the overview line) are SQL aggregates.
When the user picks an entity or a speaker, :func:`read_slice` reads only the rows the views of that focus
read, and the explorer's pandas views (:mod:`newsbrief.lab.focus`) run on them unchanged, with the same results as
on the whole tables (tests compare them):

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

from dataclasses import dataclass
from typing import Any, Literal

import pandas as pd

from ..store.layout import PARTITIONING
from .db import Db, source_sql

#: The name of the registered table of a slice's spans (the focus's mentions and quotes).
_SPANS = "slice_spans"


@dataclass(frozen=True)
class Focus:
    """What is explored: an entity (``key`` = entity_id) or a speaker (``key`` = speaker name)."""

    kind: Literal["entity", "speaker"]
    key: str
    name: str
    entity_id: str | None = None


def sources_by_size(db: Db) -> list[str]:
    """Sources by number of articles, largest first (ties by name; missing sources as one label)."""
    rows = db.df(f"SELECT {source_sql('source')} AS source, count(*) AS n FROM articles GROUP BY 1 "
                 "ORDER BY n DESC, source")
    return [str(s) for s in rows["source"]]


def published_span(db: Db) -> tuple[Any, Any]:
    """The first and last publication time (None when no article is dated)."""
    row = db.df("SELECT min(published) AS lo, max(published) AS hi FROM articles").iloc[0]
    return row["lo"], row["hi"]


def table_counts(db: Db) -> dict[str, int]:
    """Rows of each table and the number of (non-missing) sources."""
    out = {name: db.count(name) for name in ("articles", "entities", "quotes", "sentences")}
    out["sources"] = int(db.value("SELECT count(DISTINCT source) FROM articles") or 0)
    return out


def entities_of(db: Db) -> pd.DataFrame:
    """The entities table (read once per connection)."""
    if "entities" not in db.memo:
        db.memo["entities"] = db.entities()
    return db.memo["entities"]


def speaker_names(db: Db) -> list[str]:
    """Every attributed speaker's name, in order (read once per connection)."""
    if "speaker_names" not in db.memo:
        names = db.df("SELECT DISTINCT speaker FROM quotes WHERE speaker IS NOT NULL ORDER BY speaker")
        db.memo["speaker_names"] = [str(s) for s in names["speaker"]]
    return db.memo["speaker_names"]


def speaker_entity_id(db: Db, speaker: str) -> str | None:
    """The entity a speaker's quotes are linked to, if any."""
    eid = db.value("SELECT speaker_entity_id FROM quotes WHERE speaker = ? AND speaker_entity_id IS NOT NULL "
                   "LIMIT 1", [speaker])
    return None if eid is None else str(eid)


def _arrow(db: Db, sql: str, params: list[Any]) -> Any:
    relation = db.con.sql(sql, params=params or None)
    return relation.to_arrow_table() if hasattr(relation, "to_arrow_table") else relation.arrow()  # DuckDB 1.x


def _frame(db: Db, sql: str, params: list[Any]) -> pd.DataFrame:
    """The rows of ``sql`` as read_dataset gives them (through Arrow), without the views' partition column."""
    return PARTITIONING.drop(_arrow(db, sql, params).to_pandas())


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
        "spans": ('SELECT m.article_id, m.start AS a, m."end" AS b, TRUE AS mention '
                  f"FROM mentions m WHERE {mentions[0]} "
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
    out["entities"] = entities_of(db)
    return out
