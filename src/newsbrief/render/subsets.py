"""Part of a store as a store of its own: the articles a predicate keeps, with their rows, streamed.

A fan-out briefing per source or entity reads only its part of the corpus. The part is copied out of the
parent store a batch of articles at a time (keyset pagination on ``article_id``: each batch is one query, never
the whole part in memory) into a new month-partitioned store, whose current version the child briefing uses.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..analysis.db import Db
from ..store import DatasetWriter
from ..store.duck import quote_literal

#: Articles per written batch of a part.
BATCH = 20_000
_CHILDREN = ("mentions", "quotes", "sentences")


def _without_month(db: Db, table: str) -> str:
    return "* EXCLUDE (month)" if db.has(table, "month") else "*"


def write_part(db: Db, scope: str, target: Path, *, manifest: Mapping[str, Any], batch: int = BATCH) -> int:
    """Write the articles of ``db`` matching ``scope`` (a predicate on ``a``) and their rows as a store at
    ``target``; return how many articles it holds. Entities are those the part's mentions name."""
    written = 0
    last: str | None = None
    with DatasetWriter(target, manifest=manifest) as writer:
        while True:
            after = f"AND a.article_id > {quote_literal(last)}" if last is not None else ""
            articles = db.df(f"SELECT {_without_month(db, 'articles')} FROM articles a WHERE ({scope}) {after} "
                             f"ORDER BY a.article_id LIMIT {int(batch)}")
            if articles.empty:
                break
            first, last = str(articles["article_id"].iloc[0]), str(articles["article_id"].iloc[-1])
            span = f"article_id BETWEEN {quote_literal(first)} AND {quote_literal(last)}"
            part = {"articles": articles}
            for table in _CHILDREN:
                part[table] = db.df(
                    f"SELECT {_without_month(db, table)} FROM {table} t WHERE {span} AND t.article_id IN "
                    f"(SELECT a.article_id FROM articles a WHERE ({scope}) AND a.{span})")
            writer.write_batch(part)
            written += len(articles)
            if len(articles) < batch:
                break
        entities = db.df(f"SELECT * FROM entities WHERE entity_id IN (SELECT DISTINCT m.entity_id FROM mentions m "
                         f"JOIN articles a ON m.article_id = a.article_id WHERE {scope})")
        writer.write_table("entities", entities)
    return written
