"""Named registries for pluggable parts (engines, sentiment scorers), extensible from other packages.

Each registry is a :mod:`catalogue` registry (spaCy's), so another package can add a part through
an entry point in the group ``newsbrief_<kind>`` (e.g. ``newsbrief_scorers``) without touching
newsbrief. An unknown name raises :class:`~newsbrief.errors.RegistryError` listing the valid ones.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

import catalogue

from .errors import RegistryError

T = TypeVar("T")


class Registry(Generic[T]):
    """Maps names to parts; ``kind`` names the entry-point group ``newsbrief_<kind>``."""

    def __init__(self, kind: str, *, label: str) -> None:
        self.kind = kind
        self.label = label
        self._registry = catalogue.create("newsbrief", kind, entry_points=True)

    def register(self, name: str) -> Callable[[T], T]:
        def decorator(item: T) -> T:
            self._registry.register(name, func=item)
            return item

        return decorator

    def get(self, name: str) -> T:
        try:
            return self._registry.get(name)
        except catalogue.RegistryError:
            valid = ", ".join(self.names()) or "(none)"
            raise RegistryError(f"unknown {self.label} '{name}'; valid names: {valid}", field=self.label) from None

    def names(self) -> list[str]:
        return sorted(self._registry.get_all())
