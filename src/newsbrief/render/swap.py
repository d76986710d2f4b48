"""Putting a finished run folder in place: one run per report name at a time, and no leftovers.

A run holds ``<output-dir>/.<name>.lock`` from start to end, so two runs of the same name never
swap at the same moment (the second waits, saying so once). Holding it, a run removes the
``.<name>.tmp-*`` and ``.<name>.old-*`` folders that killed runs of that name left behind.
"""

from __future__ import annotations

import glob
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import RunError
from ..store import locked
from ..store.lock import remove_quietly


@contextmanager
def report_lock(output_dir: Path, name: str) -> Iterator[None]:
    """Hold the lock of report ``name`` under ``output_dir`` and clear what killed runs of it left."""
    with locked(output_dir / f".{name}.lock", what=f"the report '{name}'", error=RunError):
        pattern = glob.escape(f".{name}")
        for leftover in (*output_dir.glob(f"{pattern}.tmp-*"), *output_dir.glob(f"{pattern}.old-*")):
            remove_quietly(leftover)
        yield


def swap_into_place(tmp: Path, final: Path) -> None:
    """Replace ``final`` by ``tmp`` (the caller holds the report's lock)."""
    old = None
    if final.exists():
        old = final.with_name(f".{final.name}.old-{uuid.uuid4().hex[:6]}")
        os.replace(final, old)
    os.replace(tmp, final)
    if old is not None:
        remove_quietly(old)
