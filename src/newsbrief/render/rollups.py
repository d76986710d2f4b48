"""Roll-ups written with a store: what a default corpus briefing of it reads, computed once when the store is
written (``newsbrief annotate``), so its first briefing reads partial results instead of the rows.

The roll-ups themselves (:mod:`newsbrief.store.rollups`) are per month partition: each partial query runs on one
partition's files at a time under DuckDB's memory budget, and a new dataset version computes them only for the
partitions that changed (the others' are found by their digest). The appendix's CSV files and page body are kept
too; a run adds only its title (:func:`~newsbrief.render.appendix.write_appendix_kept`).
"""

from __future__ import annotations

from pathlib import Path


def write_store_rollups(store: str | Path) -> bool:
    """Compute and keep what a default corpus briefing of the store folder ``store`` reads: every section's
    partial results per partition and the appendix's files. False when the store cannot keep roll-ups (written
    without checksums, or read-only): its briefings compute from the rows as before."""
    from ..analysis.db_rollup import RollupDb
    from ..present.corpus import write_rollups
    from .appendix import keep_appendix_files

    db = write_rollups(store).db
    try:
        if not isinstance(db, RollupDb):
            return False
        keep_appendix_files(db, None)
        return not db.rollups.read_only
    finally:
        db.con.close()
