"""The date of a browser copy is its date line's, not a date inside a photo caption near the headline."""

from __future__ import annotations

from datetime import UTC, datetime

from newsbrief.ingest.browser import read_browser_copy
from newsbrief.ingest.copy_dates import find_date

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



def test_a_line_showing_the_update_then_the_publication_gives_the_publication() -> None:
    found = read_browser_copy(_copy(["Bridge to close for two years", "Updated Nov 19, 9:41 AM; Posted Nov 18, 8:19 PM",
                                     "© 2019 Example Media"]))
    assert found is not None and found.published is not None
    assert (found.published.date().isoformat(), found.published.hour) == ("2019-11-18", 20)
    assert found.title == "Bridge to close for two years"  # the date line without a year is no headline


def test_a_line_showing_the_publication_then_the_update_gives_the_publication() -> None:
    found = read_browser_copy(_copy(["Bridge to close for two years",
                                     "Published Nov. 18, 2019 8:00 PM ET | Updated Nov. 19, 2019 9:00 AM ET"]))
    assert found is not None and found.published is not None
    assert found.published.date().isoformat() == "2019-11-18"


def test_dotted_numeric_date_lines_are_read_day_first_unless_the_day_comes_second() -> None:
    from newsbrief.ingest.copy_dates import find_date

    day_first, _ = find_date(["13.11.2019, 23:06"], None)
    month_first, _ = find_date(["11.14.2019 09:00 AM"], None)
    assert day_first is not None and (day_first.month, day_first.day, day_first.hour) == (11, 13, 23)
    assert month_first is not None and (month_first.month, month_first.day) == (11, 14)
    assert find_date(["Version 1.2.2019 released"], None) == (None, None)  # not a date line


def test_the_headline_under_a_dotted_date_line_is_found() -> None:
    found = read_browser_copy(_copy(["Jane Doe", "Ideas", "11.14.2019 09:00 AM", "Bridge to close for two years",
                                     "Engineers will replace the deck."]))
    assert found is not None and found.title == "Bridge to close for two years"
    assert found.published is not None and found.published.date().isoformat() == "2019-11-14"


def test_a_time_and_zone_written_before_the_date_are_kept() -> None:
    from newsbrief.ingest.copy_dates import find_date

    found, _ = find_date(["Published 11:11 PM EST Nov 19, 2019"], None)
    assert found is not None and (found.hour, found.minute) == (23, 11)
    assert found.utcoffset() is not None and found.utcoffset().total_seconds() == -5 * 3600
    eastern, _ = find_date(["Posted at 8:01 AM ET, Nov 19, 2019"], None)
    assert eastern is not None and eastern.utcoffset() is not None and eastern.utcoffset().total_seconds() == -5 * 3600


def test_a_date_with_an_ordinal_day_keeps_its_time() -> None:
    from newsbrief.ingest.copy_dates import find_date

    found, _ = find_date(["Published November 20th, 2019 - 07:29 GMT"], 2019)
    assert found is not None and (found.day, found.hour, found.minute) == (20, 7, 29)


def test_a_published_date_without_a_year_takes_the_year_of_the_update_on_its_line() -> None:
    assert find_date(["Updated Nov 19, 2019 9:41 AM; Posted Nov 18, 8:19 PM"], 2024)[0] == \
        datetime(2019, 11, 18, 20, 19, tzinfo=UTC)
    assert find_date(["Updated Jan 2, 2020 9:41 AM; Posted Dec 31, 8:19 PM"], 2020)[0] == \
        datetime(2019, 12, 31, 20, 19, tzinfo=UTC)


def test_an_ambiguous_dotted_date_needs_evidence_of_its_order() -> None:
    assert find_date(["04.05.2019 09:00 AM"], 2019)[0] is None
    assert find_date(["04.05.2019 09:00 AM", "Related: 13.04.2019 10:00"], 2019)[0] == \
        datetime(2019, 5, 4, 9, 0, tzinfo=UTC)
    assert find_date(["04.05.2019 09:00 AM"], 2019, day_first=True)[0] == datetime(2019, 5, 4, 9, 0, tzinfo=UTC)
    assert find_date(["11.14.2019 09:00 AM"], 2019)[0] == datetime(2019, 11, 14, 9, 0, tzinfo=UTC)


def test_a_zone_written_before_the_time_counts() -> None:
    found = find_date(["EST 11:11 PM Nov 19, 2019"], 2019)[0]
    assert found is not None and found.astimezone(UTC) == datetime(2019, 11, 20, 4, 11, tzinfo=UTC)


def test_an_update_without_a_time_on_the_published_day_keeps_the_published_year() -> None:
    assert find_date(["Updated Nov 19, 2019 | Published Nov 19, 7:00 AM"], 2019)[0] == \
        datetime(2019, 11, 19, 7, 0, tzinfo=UTC)
    assert find_date(["Updated Nov 19, 2019; Posted Nov 19, 8:19 PM"], 2019)[0] == \
        datetime(2019, 11, 19, 20, 19, tzinfo=UTC)


def test_a_published_line_without_a_year_under_the_update_takes_the_update_s_year() -> None:
    assert find_date(["Updated Nov 19, 2019 9:41 AM", "Posted Nov 18"], 2024)[0] == datetime(2019, 11, 18, tzinfo=UTC)
    assert find_date(["Updated Jan 2, 2020", "Posted Dec 30"], 2020)[0] == datetime(2019, 12, 30, tzinfo=UTC)


GERMAN = ["Die Brücke über den Fluss wird ab dem kommenden Montag für zwei Jahre gesperrt, teilte die Stadtverwaltung "
          "am Dienstag mit, und die Händler in der Altstadt befürchten nun, dass weniger Kunden kommen werden.",
          "Nach Angaben der Stadt müssen die Pfeiler vollständig erneuert werden, weil das Wasser den Beton in den "
          "vergangenen Jahren stark beschädigt hat, und die Arbeiten sollen bis zum Herbst dauern.",
          "Autofahrer sollen die Umleitung über die Nordstraße nutzen, die nach Einschätzung der Verkehrsplaner "
          "deutlich länger dauern wird, wie der Bürgermeister am Abend auf einer Versammlung sagte."]


def test_a_dotted_date_is_read_day_first_by_the_page_s_language_not_by_which_reading_found_the_story() -> None:
    header = ["Startseite", "Politik", "Sport", "Brücke wird für zwei Jahre gesperrt", "Von Jana Dorn",
              "04.05.2019 09:00"]
    german = read_browser_copy([*header, *GERMAN, *GERMAN, *GERMAN])
    assert german is not None and german.published == datetime(2019, 5, 4, 9, 0, tzinfo=UTC)
    # an English quote in the German story: its English prose stands out, the page is still German
    quoted = read_browser_copy([*header, STORY, LATER, *GERMAN, *GERMAN, *GERMAN, *GERMAN])
    assert quoted is not None and quoted.published == datetime(2019, 5, 4, 9, 0, tzinfo=UTC)
    english = read_browser_copy(_copy(["Bridge to close for two years", "04.05.2019 09:00"]))
    assert english is not None and english.published is None


def test_a_date_inside_an_exclaimed_or_asked_sentence_gives_way_to_the_date_line_above_it() -> None:
    head = ["The bridge festival opens with a parade of boats that will sail until October 31st 2018!",
            "Will the old bridge open to cars again before March 3, 2019?",
            "October 15, 2018/0 Comments/in Bridge News /by admin"]
    for sentence in head[:2]:
        found, _ = find_date([sentence, head[2]], None)
        assert found is not None and found.date() == datetime(2018, 10, 15).date()
