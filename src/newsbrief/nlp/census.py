"""The US Census name lists shipped by the ``names`` package, read once per process.

A leaf of :mod:`newsbrief.nlp`: the entity typer reads given names and surname ranks, the speaker
coreference reads which given names are mostly men's or women's.
"""

from __future__ import annotations

import functools
from importlib import resources

__all__ = ["census_list"]

#: The lists by key, and their files in the package.
FILES = {"male": "dist.male.first", "female": "dist.female.first", "last": "dist.all.last"}


@functools.lru_cache(maxsize=len(FILES))
def census_list(key: str) -> list[tuple[str, float]]:
    """One list (``male``, ``female`` or ``last``) as ``[(NAME, frequency), ...]`` in its order (most common first);
    names upper-case as the list gives them. Empty when the package is missing. Each list is read on first use:
    the surnames (88,799 lines) take ten times as long as both given-name lists, and linking a cached article's
    entities asks only for given names."""
    try:
        folder = resources.files("names")
    except ModuleNotFoundError:  # a dependency; without it the cues that read names just lose a feature
        return []
    rows = []
    # fixed-width lines: name, frequency, cumulative frequency, rank
    for line in folder.joinpath(FILES[key]).read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2 and line[:1].isalpha():
            rows.append((parts[0], float(parts[1])))
    return rows

