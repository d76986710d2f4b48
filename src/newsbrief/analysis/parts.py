"""Parts of a corpus for a fan-out: one per source, entity or article (:func:`groups`), each copied out as a store
of its own (:func:`write_part`): the articles a predicate keeps, with their rows, streamed.

A fan-out briefing per source or entity reads only its part of the corpus. The part is copied out of the
parent store a batch of articles at a time (keyset pagination on ``article_id``: each batch is one query, never
the whole part in memory) into a new partitioned store, whose current version the child briefing uses.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import ParamsError
from ..params import resolve_kind
from ..store import DatasetWriter
from ..store.duck import quote_literal
from ..store.layout import PARTITIONING
from .db import Db, source_sql
from .db_counts import entity_frequencies

#: What a fan-out can brief one by one.
EACH_CHOICES: tuple[str, ...] = ("source", "entity", "article")

#: Articles per written batch of a part.
BATCH = 20_000
_CHILDREN = ("mentions", "quotes", "sentences")


def groups(db: Db, *, each: str, top: int) -> list[tuple[str, str, int, dict[str, Any]]]:
    """(label, article predicate on ``a``, articles, options changes) per value to brief, largest first."""
    if each == "source":
        label = source_sql("a.source")
        counts = db.df(f"SELECT {label} AS source, count(*) AS n FROM articles a GROUP BY 1 ORDER BY n DESC, source")
        return [(str(r.source), f"{label} = {quote_literal(str(r.source))}", int(r.n),
                 {"mode": resolve_kind("auto", n_articles=r.n)}) for r in counts.itertuples(index=False)]
    if each == "entity":
        freq = entity_frequencies(db, db.entities(), top=top)
        return [(str(r.name), f"a.article_id IN (SELECT article_id FROM mentions WHERE entity_id = "
                 f"{quote_literal(str(r.entity_id))})", int(r.articles),
                 {"mode": resolve_kind("auto", n_articles=r.articles), "entities": [r.name]})
                for r in freq.itertuples(index=False)]
    if each == "article":
        rows = db.df("SELECT article_id, title FROM articles")
        return [(str(t) if t is not None and not pd.isna(t) else str(i), f"a.article_id = {quote_literal(str(i))}", 1,
                 {"mode": "article", "title": None}) for i, t in zip(rows["article_id"], rows["title"])]
    raise ParamsError("invalid --each", problems=[f"--each {each}: choose one of {', '.join(EACH_CHOICES)}"])


def part_ids(db: Db, scope: str) -> set[str]:
    """The article ids of one part (``scope``: a predicate on ``a``, as :func:`groups` gives it)."""
    return set(db.df(f"SELECT article_id FROM articles a WHERE {scope}")["article_id"].astype(str))


def _without_partition(db: Db, table: str) -> str:
    return PARTITIONING.columns_but_partition(db.columns(table))


def write_part(db: Db, scope: str, target: Path, *, manifest: Mapping[str, Any], batch: int = BATCH) -> int:
    """Write the articles of ``db`` matching ``scope`` (a predicate on ``a``) and their rows as a store at
    ``target``; return how many articles it holds. Entities are those the part's mentions name."""
    written = 0
    last: str | None = None
    with DatasetWriter(target, manifest=manifest) as writer:
        while True:
            after = f"AND a.article_id > {quote_literal(last)}" if last is not None else ""
            articles = db.df(f"SELECT {_without_partition(db, 'articles')} FROM articles a WHERE ({scope}) {after} "
                             f"ORDER BY a.article_id LIMIT {int(batch)}")
            if articles.empty:
                break
            first, last = str(articles["article_id"].iloc[0]), str(articles["article_id"].iloc[-1])
            span = f"article_id BETWEEN {quote_literal(first)} AND {quote_literal(last)}"
            part = {"articles": articles}
            for table in _CHILDREN:
                part[table] = db.df(
                    f"SELECT {_without_partition(db, table)} FROM {table} t WHERE {span} AND t.article_id IN "
                    f"(SELECT a.article_id FROM articles a WHERE ({scope}) AND a.{span})")
            writer.write_batch(part)
            written += len(articles)
            if len(articles) < batch:
                break
        entities = db.df(f"SELECT * FROM entities WHERE entity_id IN (SELECT DISTINCT m.entity_id FROM mentions m "
                         f"JOIN articles a ON m.article_id = a.article_id WHERE {scope})")
        writer.write_table("entities", entities)
    return written
