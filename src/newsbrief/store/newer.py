"""What a store holds that an earlier one did not: the articles a run from a store counts as new since the last run
of its name (``newsbrief run --email-if-new``), counted out of core."""

from __future__ import annotations

from pathlib import Path

from .dataset import current_folder, is_store
from .duck import BRIEFING_MEMORY_LIMIT, BRIEFING_THREADS, connect, quote_literal, table_paths


def new_articles(store: str | Path, previous: str | Path) -> int:
    """How many distinct articles (by content hash) of ``store``'s current version ``previous`` (an earlier run's
    ``data/`` store, or a folder that is none) does not hold: 0 when both are the same dataset version, every
    article when there is no previous store. DuckDB reads the one column under a briefing's memory budget."""
    store, previous = Path(store), Path(previous)
    earlier = is_store(previous)
    if earlier and current_folder(store).name == current_folder(previous).name:
        return 0
    con = connect(store, memory_limit=BRIEFING_MEMORY_LIMIT, threads=BRIEFING_THREADS)
    try:
        query = "SELECT count(DISTINCT content_hash) FROM articles"
        if earlier:
            files = ", ".join(quote_literal(str(p)) for p in table_paths(previous)["articles"])
            query += f" WHERE content_hash NOT IN (SELECT content_hash FROM read_parquet([{files}]))"
        row = con.execute(query).fetchone()
    finally:
        con.close()
    return int(row[0]) if row else 0
