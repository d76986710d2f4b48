"""find_entity: the one place a user's name for an entity is matched (id, name, alias, spelling variant)."""

from __future__ import annotations

import pandas as pd
import pytest

from newsbrief.analysis import find_entity


@pytest.fixture()
def entities() -> pd.DataFrame:
    return pd.DataFrame({
        "entity_id": ["E1", "E2", "E3"],
        "name": ["Volodymyr Zelensky", "NATO", "Zelensky Street"],
        "label": ["PERSON", "ORG", "LOC"],
        "aliases": [["Zelensky", "Zelenskiy"], ["North Atlantic Treaty Organization"], []],
    })


@pytest.mark.parametrize(("wanted", "expected"), [
    ("E2", "E2"),                      # an id
    ("nato", "E2"),                    # a canonical name, any case
    ("north atlantic treaty organization", "E2"),  # an alias
    ("Zelensky", "E1"),                # an alias beats a name that merely contains it
    ("Volodymyr Zelenskiy", "E1"),     # a spelling variant of the name
    ("Zelenskyy", "E1"),               # a spelling variant of an alias
    ("Kremlin", None),
])
def test_find_entity(entities: pd.DataFrame, wanted: str, expected: str | None) -> None:
    assert find_entity(entities, wanted) == expected


def test_empty_table() -> None:
    assert find_entity(pd.DataFrame(columns=["entity_id", "name", "aliases"]), "NATO") is None
