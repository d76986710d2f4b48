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


@pytest.mark.parametrize(("byline", "want"), [
    ("By Jane Doe and Tom Reed", "Jane Doe, Tom Reed"),
    ("Jane Doe and Madonna", "Jane Doe, Madonna"),
    ("Cher and Tom Reed", "Cher, Tom Reed"),
    ("Jane Doe and Will Reed", "Jane Doe, Will Reed"),
    ("Ali bin Said and Tom Reed", "Ali bin Said, Tom Reed"),
    ("Maria del Carmen de la Cruz Lopez and Tom Reed", "Maria del Carmen de la Cruz Lopez, Tom Reed"),
    ("Jane Doe and agencies", "Jane Doe, agencies"),
    ("Jane Doe and Reuters", "Jane Doe, Reuters"),
])
def test_a_lowercase_and_between_names_splits_them_whatever_their_length(byline: str, want: str) -> None:
    assert clean_author(byline) == want


@pytest.mark.parametrize(("byline", "author", "wire"), [
    ("Jane Doe and Reuters", "Jane Doe", "Reuters"),
    ("Jane Doe and The Associated Press", "Jane Doe", "AP"),
    ("Jane Doe and agencies", "Jane Doe", None),
])
def test_an_agency_joined_by_and_is_the_wire_and_leaves_no_dangling_and(byline: str, author: str,
                                                                          wire: str | None) -> None:
    from newsbrief.ingest.sources import split_wire

    assert split_wire(clean_author(byline), source="Example Courier") == (author, wire)


@pytest.mark.parametrize(("byline", "want"), [
    ("Jane Doe Nov", "Jane Doe"),
    ("Jane Doe November", "Jane Doe"),
    ("Dana May", "Dana May"),
    ("Elsie June", "Elsie June"),
])
def test_a_glued_month_goes_but_a_surname_that_is_a_month_stays(byline: str, want: str) -> None:
    assert clean_author(byline) == want
