"""A baseline store for "What changed": this corpus and another store as one set of tables, and the split."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..store import read_dataset
from ..store.duck import connect
from . import change as ch
from .db import Db, sum_merge
from .db_change import SqlSplit

BASELINE_PREFIX = "baseline:"


def combine(
    tables: dict[str, pd.DataFrame], baseline: dict[str, pd.DataFrame],
) -> tuple[dict[str, pd.DataFrame], ch.Split]:
    """This corpus and a baseline store as one set of tables (baseline ids prefixed) and the split between them."""
    out = {}
    for name, table in tables.items():
        other = baseline.get(name)
        if other is None:
            out[name] = table
            continue
        if "article_id" in other.columns:
            other = other.assign(article_id=BASELINE_PREFIX + other["article_id"].astype(str))
        merged = pd.concat([table, other], ignore_index=True)
        out[name] = merged.drop_duplicates("entity_id") if name == "entities" else merged
    focus = frozenset(tables["articles"]["article_id"].astype(str))
    base = frozenset(BASELINE_PREFIX + baseline["articles"]["article_id"].astype(str))
    split = ch.Split(focus, base, ch.Span("this"), ch.Span("baseline"), "store", earlier=base)
    return out, split


def combined_database(data: str | Path, baseline: str | Path) -> Db:
    """This store and a baseline store as one set of tables (baseline ids prefixed with ``baseline:``).

    Both stores are read into memory: a baseline store is a comparison a user picks, not the archive itself.
    """
    tables, _ = combine(read_dataset(data), read_dataset(baseline))
    return Db(connect(tables))


def store_split(db: Db, *, last_run: bool = False) -> SqlSplit:
    """The split of :func:`combined_database`: this corpus against the baseline store (``last_run``: the store is the
    previous run of the same briefing, ``compare: last-run``)."""
    base = f"starts_with(a.article_id, '{BASELINE_PREFIX}')"
    counts = db.aggregate(f"SELECT count(*) FILTER (NOT {base}) AS f, count(*) FILTER ({base}) AS b FROM articles a",
                          sum_merge("", ["f", "b"])).iloc[0]
    return SqlSplit(f"(NOT {base})", base, base, int(counts["f"]), int(counts["b"]), ch.Span("this"),
                    ch.Span("last-run" if last_run else "baseline"), "store")
