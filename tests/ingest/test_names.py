"""A byline splits into names at "and" or "&" only when each part is a person's name: an organisation or a desk
whose name holds "And" stays whole."""

from __future__ import annotations

import pytest

from newsbrief.ingest.names import clean_author


@pytest.mark.parametrize(("byline", "want"), [
    ("Science And Technology Desk", "Science And Technology Desk"),
    ("Standard And Poor's", "Standard And Poor's"),
    ("Marks and Spencer Press Office", "Marks and Spencer Press Office"),
    ("Procter & Gamble", "Procter & Gamble"),
])
def test_an_organisation_named_with_and_stays_one_name(byline: str, want: str) -> None:
    assert clean_author(byline) == want


@pytest.mark.parametrize(("byline", "want"), [
    ("Jane Doe and John Roe", "Jane Doe, John Roe"),
    ("Jane Doe & John Roe", "Jane Doe, John Roe"),
    ("JANE DOE AND JOHN ROE", "JANE DOE, JOHN ROE"),
    ("Jane Doe, John Roe, and Mary Major", "Jane Doe, John Roe, Mary Major"),
])
def test_names_joined_by_and_or_ampersand_split_alike(byline: str, want: str) -> None:
    assert clean_author(byline) == want
