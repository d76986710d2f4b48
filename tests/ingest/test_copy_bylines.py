"""A browser copy's byline in the forms sites write it: staff bylines, a role after a dash, a name beside the date,
a name with its handle, "By" in other languages, an "Author:" label, an author box after the story; and a menu label
or a heading made of the page's common words is no name."""

from __future__ import annotations

import pytest

from newsbrief.ingest.browser import read_browser_copy
from newsbrief.ingest.bylines import author_box, bare_name, find_author, lowercase_words

STORY = ("The council voted on Tuesday to close the old bridge to cars for two years while engineers replace its deck, "
         "a decision residents have argued about for a decade.")
LATER = ("Shops on the east bank said they expected fewer customers, and the council promised a shuttle bus that will "
         "run every ten minutes while the works last.")


@pytest.mark.parametrize(("line", "name"), [
    ("By Ferrow Post Staff", "Ferrow Post Staff"),
    ("BY EXAMPLE TIMES STAFF", "EXAMPLE TIMES STAFF"),
    ("2/26/2015 7:11 AM PST BY EXAMPLE STAFF", "EXAMPLE STAFF"),
    ("February 1, 2019 | BY: Jane Doe, MS, RDN", "Jane Doe"),
    ("By Jane Doe - Example Science Contributor 2019-11-19T12:48:14Z Space", "Jane Doe"),
    ("Von Jane Doe publiziert am 25. September 2018", "Jane Doe"),
    ("Por: Jane Doe", "Jane Doe"),
    ("por Jane Doe", "Jane Doe"),
    ("Por Jane Doe | 19 noviembre 2019", "Jane Doe"),
    ("Jane Doe @jdoe_writes", "Jane Doe"),
    ("Jane Doe, @jdoe", "Jane Doe"),
    ("By Jane Doe in Ferrow", "Jane Doe"),
])
def test_explicit_bylines_in_the_forms_sites_write_them(line: str, name: str) -> None:
    assert find_author(["Site Tools", line], bare=False) == name


def test_a_label_alone_gives_the_name_on_the_next_line() -> None:
    assert find_author(["Author:", "Jane Doe", "Publish date:", "Nov 18, 2019"], bare=False) == "Jane Doe"
    assert find_author(["Author:", "Sign In"], bare=False) is None


def test_a_name_after_a_dash_role_is_no_role_and_a_name_alone_after_von_is_no_byline() -> None:
    assert find_author(["Von Miller"], bare=False) is None  # a name, not "by Miller"
    assert find_author(["By Jane Doe | Example News"], bare=False) == "Jane Doe"


@pytest.mark.parametrize(("line", "name"), [
    ("November 20, 2019 Jane Doe", "Jane Doe"),
    ("21/06/2014 Jane Doe All, Books, Kit Reviews, News", "Jane Doe"),
    ("Jane Doe 27/09/2018 2 comments", "Jane Doe"),
    ("Jane Doe - Nov 19, 2019, 10:31 pm CST", "Jane Doe"),
])
def test_a_name_beside_the_date_on_a_date_line_is_the_byline(line: str, name: str) -> None:
    assert find_author(["Bridge to close to cars for two years", line]) == name


@pytest.mark.parametrize("line", ["Posted Tuesday Nov 19, 2019", "Updated on November 20, 2019 Markets",
                                  "November 20, 2019 Business News"])
def test_date_words_and_labels_beside_a_date_are_no_name(line: str) -> None:
    common = frozenset({"business", "news"})
    assert find_author(["Bridge to close to cars for two years", line], common=common) is None


def test_a_heading_of_the_page_s_common_words_is_no_name() -> None:
    page = ["Read our classic motorcycle reviews and the mechanics of a good ride, car reviews too."]
    common = lowercase_words(page)
    assert not bare_name("Classic Motorcycle Mechanics", common=common)
    assert not bare_name("CAR REVIEWS", common=common)
    assert bare_name("Jane Doe", common=common)
    assert bare_name("Molly Ride", common=common)  # one common word is a surname as often as not


def test_an_author_box_after_the_story_names_the_author() -> None:
    assert author_box(["Share", "About Jane Doe", "Jane Doe is a reporter who covers city hall and the courts in "
                       "Ferrow.", "Related"]) == "Jane Doe"
    assert author_box(["Jane Doe", "Jane joined the paper in March 2017. She has reported on energy since 2009."]) \
        == "Jane Doe"
    assert author_box(["Jane Doe (@jdoe) is a staff writer covering transport and city hall."]) == "Jane Doe"


def test_a_cookie_notice_or_a_teaser_headline_is_no_author_box() -> None:
    notice = "Necessary cookies are essential for the website to work; the necessary ones are always on."
    common = lowercase_words([notice])
    assert author_box(["Necessary Always Enabled", notice], common=common) is None
    assert author_box(["Media Example Raya", "Why Example Raya Fans Wait for the Spring Vote Again?"]) is None


def test_the_author_box_names_the_author_when_the_header_has_no_byline() -> None:
    lines = ["Home", "News", "Bridge to close to cars for two years", "Nov. 19, 2019", STORY, *[LATER] * 5,
             "Share", "About Jane Doe", "Jane Doe is a reporter who covers city hall and the courts in Ferrow.",
             "Related stories", "Council budget approved"]
    found = read_browser_copy(lines)
    assert found is not None and found.author == "Jane Doe"


def test_the_header_byline_beats_the_author_box() -> None:
    lines = ["Home", "News", "Bridge to close to cars for two years", "By John Roe", "Nov. 19, 2019", STORY,
             *[LATER] * 5, "About Jane Doe", "Jane Doe is a reporter who covers city hall and the courts in Ferrow.",
             "Related stories"]
    found = read_browser_copy(lines)
    assert found is not None and found.author == "John Roe"


def test_a_staff_line_in_the_header_is_the_byline_and_no_headline() -> None:
    lines = ["Home", "News", "Bridge to close to cars for two years", "Ferrow Post Editorial Staff", "Nov. 19, 2019",
             STORY, *[LATER] * 5, "Related stories", "Council budget approved"]
    found = read_browser_copy(lines)
    assert found is not None
    assert found.author == "Ferrow Post Editorial Staff" and found.title == "Bridge to close to cars for two years"


@pytest.mark.parametrize(("lines", "name"), [
    (["By JANE DOE and JOHN ROE"], "JANE DOE and JOHN ROE"),
    (["By Jane Doe and", "John Roe"], "Jane Doe and John Roe"),
    (["By", "Jane Doe", "and", "John Roe"], "Jane Doe and John Roe"),
    (["By Jane Doe", "and John Roe", "Nov 19, 2019"], "Jane Doe and John Roe"),
    (["Jane Doe, CNN"], "Jane Doe"),
])
def test_lists_of_names_are_kept_whole_and_names_in_capitals_are_names(lines: list[str], name: str) -> None:
    assert find_author(lines, bare=False) == name


def test_acronyms_are_still_no_name() -> None:
    assert find_author(["By CNBC TV"], bare=False) is None


def test_a_name_and_an_agency_under_the_date_line_is_a_photo_credit_and_its_caption_no_headline() -> None:
    lines = ["Home", "News", "Bridge to close to cars while engineers replace its deck", "Ferrow News wire services",
             "Published 11:11 PM EST Nov 19, 2019", "The old bridge over the Ferrow river at dusk",
             "Jane Doe, Associated Press", STORY, *[LATER] * 5, "Related stories"]
    found = read_browser_copy(lines)
    assert found is not None
    assert found.author == "Ferrow News wire services"
    assert found.title == "Bridge to close to cars while engineers replace its deck"
    # above the date line the same form is an agency story's byline
    assert find_author(["Jane Doe, Associated Press", "Nov 19, 2019"], bare=False, date_at=1) == "Jane Doe"
    assert find_author(["Nov 19, 2019", "A caption", "Jane Doe, Associated Press"], bare=False, date_at=0) is None
    assert find_author(["Nov 19, 2019", "Jane Doe, Associated Press"], bare=False, date_at=0) == "Jane Doe"
    assert find_author(["Nov 19, 2019", "Jane Doe, Staff Writer"], bare=False, date_at=0) == "Jane Doe"


def test_a_copy_s_byline_is_cleaned_as_an_html_byline() -> None:
    lines = ["Home", "News", "Bridge to close to cars for two years", "By Jane Doe, John Roe, and Mary Major",
             "Nov. 19, 2019", STORY, *[LATER] * 5, "Related stories"]
    found = read_browser_copy(lines)
    assert found is not None and found.author == "Jane Doe, John Roe, Mary Major"


def test_a_label_in_a_menu_in_capitals_is_no_name() -> None:
    assert find_author(["POST ADVERTISEMENTS AND ARTICLES HERE", "KATHERINE MOORE", "November 20, 2019"]) is None
    assert find_author(["Bridge to close to cars for two years", "JANE DOE", "November 20, 2019"]) == "JANE DOE"


NAV = ["Example Courier", "Home", "News", "Sport", "Sign In"]


def _read(header: list[str], footer: list[str] | None = None, story: list[str] | None = None):  # type: ignore[no-untyped-def]
    found = read_browser_copy(NAV + header + (story or [STORY, *[LATER] * 5]) + (footer or ["Related stories"]))
    assert found is not None
    return found


@pytest.mark.parametrize("headline", ["Av Club Rankings Revealed", "Por Favor Taqueria Opens Second Location",
                                      "Par Three Course Opens In Exampleville"])
def test_a_title_case_headline_opening_with_a_foreign_by_word_is_no_byline(headline: str) -> None:
    assert find_author([headline, "Nov 19, 2019"], bare=False) is None
    found = _read([headline, "November 19, 2019"])
    assert found.title == headline and found.author is None


@pytest.mark.parametrize("headline", ["Council Thanks Its Bridge Staff", "Mayor Praises All Of The Ferry Staff"])
def test_a_headline_ending_in_staff_is_no_staff_byline(headline: str) -> None:
    found = _read([headline, "November 19, 2019"])
    assert found.title == headline and found.author is None


@pytest.mark.parametrize("credit", ["Photo: Jane Roe/Example Images", "Jane Roe/Getty Images",
                                    "Jane Doe/Example Courier", "By Jane Doe / Example Courier"])
def test_a_headline_above_a_credit_or_byline_line_stays_the_headline(credit: str) -> None:
    found = _read(["Bridge to close for two years", credit, "November 19, 2019"])
    assert found.title == "Bridge to close for two years"
    assert found.author == ("Jane Doe" if credit.startswith("By") else None)


def test_a_source_credit_is_no_headline() -> None:
    found = _read(["Bridge to close for two years", "Source: Example Council", "By Jane Doe", "November 19, 2019"])
    assert found.title == "Bridge to close for two years" and found.author == "Jane Doe"


def test_a_name_and_an_agency_right_under_the_date_line_is_the_byline() -> None:
    found = _read(["Bridge to close for two years", "November 19, 2019", "Jane Doe, Associated Press"])
    assert found.author == "Jane Doe"


@pytest.mark.parametrize("header", [["Grant Young", "November 19, 2019"], ["Grant Young - November 19, 2019"],
                                    ["Rose Hill", "November 19, 2019"]])
def test_a_two_word_name_of_common_words_is_still_a_name(header: list[str]) -> None:
    extra = ("The council will also apply for a grant to help young traders stay open, and plant a rose garden on "
             "the hill by the market, officials said.")
    assert _read(["Bridge to close for two years", *header], story=[STORY, extra, *[LATER] * 5]).author == \
        header[0].split(" - ")[0]


@pytest.mark.parametrize("line", ["By IANS PTI", "By EFE AFP", "By PTI REUTERS"])
def test_a_run_of_acronyms_holding_an_agency_is_no_name(line: str) -> None:
    assert find_author([line], bare=False) is None


def test_a_commenter_after_the_story_is_no_author_box() -> None:
    found = _read(["Bridge to close for two years", "November 19, 2019"],
                  ["Comments", "Ada Brook",
                   "I live by the bridge and Ada thinks the council should have listened to us first."])
    assert found.author is None
    assert author_box(["Ada Brook", "I live by the bridge and Ada thinks the council should have listened to us."]) \
        is None


@pytest.mark.parametrize(("line", "name"), [
    ("By JOHN LEE", "JOHN LEE"), ("By JANE DOE", "JANE DOE"), ("By TOM REED", "TOM REED"), ("By DAN ORR", "DAN ORR"),
    ("By J. LEE", "J. LEE"), ("By ANN LEE, Staff Writer", "ANN LEE"),
])
def test_a_short_name_in_capitals_after_by_is_a_name(line: str, name: str) -> None:
    assert find_author([line], bare=False) == name
    assert _read(["Bridge to close for two years", line, "November 19, 2019"]).author == name


@pytest.mark.parametrize(("line", "name"), [
    ("Von Jana Dorn", "Jana Dorn"), ("Por Ana Ruiz", "Ana Ruiz"), ("Par Jean Dupont", "Jean Dupont"),
    ("Przez Jan Kowalski", "Jan Kowalski"),
])
def test_a_foreign_byline_alone_on_its_line_is_the_byline(line: str, name: str) -> None:
    assert find_author([line], bare=False) == name
    assert find_author([line, "04.05.2019"], bare=False) == name
    assert find_author(["Av Club Rankings Revealed"], bare=False) is None


@pytest.mark.parametrize(("line", "staff"), [
    ("By The Example Times Staff", "The Example Times Staff"),
    ("By The Associated Press Staff", "The Associated Press Staff"),
    ("By Example Courier Staff Reports", "Example Courier Staff Reports"),
])
def test_a_staff_byline_may_open_with_the_or_end_in_staff_reports(line: str, staff: str) -> None:
    assert find_author([line], bare=False) == staff
    found = _read(["Bridge to close for two years", line, "November 19, 2019"])
    assert found.author == staff and found.title == "Bridge to close for two years"


def test_staff_reports_alone_names_no_author_and_is_no_headline() -> None:
    found = _read(["Bridge to close for two years", "By Staff Reports", "November 19, 2019"])
    assert found.author is None and found.title == "Bridge to close for two years"


@pytest.mark.parametrize("headline", ["Por Favor Taqueria", "Par Three Holes"])
def test_a_headline_of_a_by_word_and_two_capitalised_words_is_the_headline_not_the_byline(headline: str) -> None:
    found = _read([headline, "November 19, 2019"])
    assert found.title == headline and found.author is None
    found = _read(["Bridge to close for two years", "Von Jana Dorn", "November 19, 2019"])
    assert (found.title, found.author) == ("Bridge to close for two years", "Jana Dorn")


AGENCY_PROSE = ("Images from NASA and ESA show the comet passing the sun, and scientists at NASA said the ESA probe "
                "will follow it for two more years before it leaves the inner solar system again.")
LEE_PROSE = ("The council voted on Tuesday to close the old bridge to cars for two years while engineers replace its "
             "deck, Lee wrote, after a decade in which residents argued about the cost of the works.")


def _agency_copy(byline: str, prose: str) -> list[str]:
    return ["Home", "News", "Science", "Comet seen passing the sun on its way out", byline, "19 November 2019",
            *[prose] * 5, "Related stories"]


def test_a_byline_of_acronyms_the_story_writes_in_capitals_is_no_author() -> None:
    found = read_browser_copy(_agency_copy("By NASA ESA", AGENCY_PROSE))
    assert found is not None and found.author is None


def test_a_byline_of_acronyms_the_story_writes_with_a_comma_or_a_slash_between_them_is_no_author() -> None:
    for written in ("NASA, ESA", "NASA/ESA"):
        prose = (f"Credit for the images goes to {written} and the science team, who followed the comet for two years "
                 "before it left the inner solar system again.")
        found = read_browser_copy(_agency_copy("By NASA ESA", prose))
        assert found is not None and found.author is None, written


def test_a_short_name_in_capitals_stays_the_author_when_the_story_writes_it_otherwise() -> None:
    found = read_browser_copy(_agency_copy("By JOHN LEE", LEE_PROSE))
    assert found is not None and found.author is not None and "LEE" in found.author.upper()


def test_a_name_in_capitals_stays_the_author_when_the_story_credits_a_photo_or_labels_a_question_with_it() -> None:
    credit = "Residents line up to cross the old bridge on foot on Tuesday morning. JOHN LEE/THE FERROW COURIER"
    found = read_browser_copy(_agency_copy("By JOHN LEE", LEE_PROSE)[:7] + [credit, *[LEE_PROSE] * 4, "Related"])
    assert found is not None and found.author is not None and "LEE" in found.author.upper()
    qa = ["JOHN LEE: How did you decide to start rowing the bread across the river every morning before dawn?",
          "ANNA BELL: There was no other way, the detour took an hour by van and the bread would have been cold."]
    found = read_browser_copy(_agency_copy("By JOHN LEE", LEE_PROSE)[:7] + [*qa * 3, "Related"])
    assert found is not None and found.author is not None and "LEE" in found.author.upper()
