"""The US Census name lists shipped by the ``names`` package, read once per process.

A leaf of :mod:`newsbrief.nlp`: the entity typer reads given names and surname ranks, the speaker
coreference reads which given names are mostly men's or women's.
"""

from __future__ import annotations

import functools
from importlib import resources

__all__ = ["census_lists"]


@functools.lru_cache(maxsize=1)
def census_lists() -> dict[str, list[tuple[str, float]]]:
    """``{"male": [(NAME, frequency), ...], "female": [...], "last": [...]}`` in the lists' order (most common
    first); names upper-case as the lists give them. Empty lists when the package is missing."""
    try:
        folder = resources.files("names")
    except ModuleNotFoundError:  # a dependency; without it the cues that read names just lose a feature
        return {"male": [], "female": [], "last": []}
    out: dict[str, list[tuple[str, float]]] = {}
    for key, fname in (("male", "dist.male.first"), ("female", "dist.female.first"), ("last", "dist.all.last")):
        rows = []
        # fixed-width lines: name, frequency, cumulative frequency, rank
        for line in folder.joinpath(fname).read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) >= 2 and line[:1].isalpha():
                rows.append((parts[0], float(parts[1])))
        out[key] = rows
    return out
