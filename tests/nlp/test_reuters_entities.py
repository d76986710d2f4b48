"""Corpus-scale linking on a slice of Reuters-21578 (issue 11): people are people, the U.S. leads places."""

from __future__ import annotations

from pathlib import Path

import pytest

REUTERS = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "reuters21578"

pytestmark = pytest.mark.skipif(
    not REUTERS.is_dir(), reason="../shared/corpora/reuters21578 is absent (Reuters-21578 is not shipped)"
)


def test_most_mentioned_people_are_names_and_the_us_leads_places() -> None:
    from reuters_entities import bad_person, linked_mentions, top

    mentions, entities = linked_mentions(200)
    people = top(mentions, entities, {"PERSON"}, 10)
    assert len(people) == 10
    assert [n for n in people["name"] if bad_person(n)] == []
    places = top(mentions, entities, {"GPE", "LOC", "FAC"}, 1)
    assert places["name"].iloc[0] in {"U.S.", "United States", "US"}
