"""The date of a browser copy is its date line's, not a date inside a photo caption near the headline."""

from __future__ import annotations

from newsbrief.ingest.browser import read_browser_copy

STORY = ("The council voted on Tuesday to close the old bridge to cars for two years while engineers replace its deck, "
         "a decision that residents of both banks have argued about for most of the past decade and a half.")
LATER = ("Shops on the east bank said they expected fewer customers, and the council promised a shuttle bus that will "
         "run every ten minutes from the first day of the closure until the new deck is open to traffic again.")
CAPTION = ("Former mayor Jane Doe, left, speaks with a shop owner during a visit to the bridge, Tuesday, "
           "Nov. 19, 2019, in Ferrow.")


def _copy(header: list[str]) -> list[str]:
    return ["Home", "News", "Sport", *header, STORY, LATER, STORY.replace("council", "board"), "Privacy policy"]


def test_a_caption_date_under_the_date_line_is_not_the_date() -> None:
    found = read_browser_copy(_copy(["Bridge to close for two years", "Updated 12:24 am EST, Wednesday, November 20, "
                                     "2019", CAPTION, CAPTION]))
    assert found is not None and found.published is not None
    assert found.published.date().isoformat() == "2019-11-20"


def test_a_caption_date_is_the_date_when_no_date_line_is_there() -> None:
    found = read_browser_copy(_copy(["Bridge to close for two years", CAPTION]))
    assert found is not None and found.published is not None
    assert found.published.date().isoformat() == "2019-11-19"


def test_a_date_line_with_a_byline_is_a_date_line() -> None:
    found = read_browser_copy(_copy(["Bridge to close for two years", "By Jane Doe, Staff Writer | Published on "
                                     "November 18, 2019.", CAPTION]))
    assert found is not None and found.published is not None
    assert found.published.date().isoformat() == "2019-11-18"


def test_the_published_date_line_beats_the_updated_one_under_it() -> None:
    found = read_browser_copy(_copy(["Bridge to close for two years", "Published 9:10 am EST, Tuesday, November 19, "
                                     "2019", "Updated 12:24 am EST, Wednesday, November 20, 2019"]))
    assert found is not None and found.published is not None
    assert found.published.date().isoformat() == "2019-11-19"


def test_an_updated_date_alone_is_the_date() -> None:
    found = read_browser_copy(_copy(["Bridge to close for two years", "Updated Nov. 20, 2019 12:24 a.m. ET"]))
    assert found is not None and found.published is not None
    assert found.published.date().isoformat() == "2019-11-20"


def test_a_caption_date_skipped_for_a_later_line_is_never_read_as_a_month_and_day() -> None:
    caption = "Mayor Jane Doe speaks at the bridge, Nov. 19, 2019, in Ferrow."
    found = read_browser_copy(_copy(["Bridge to close for two years", caption, caption]) + ["© 2024 Ferrow Courier"])
    assert found is not None and found.published is not None
    assert found.published.date().isoformat() == "2019-11-19"

