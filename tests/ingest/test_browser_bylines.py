"""A browser copy's byline is a person's name, never a button, link or section label near the date line."""

from __future__ import annotations

import pytest

from newsbrief.ingest.bylines import find_author
from newsbrief.ingest.names import name_like


@pytest.mark.parametrize("label", ["Sign In", "SIGN IN", "Email Me", "Site Tools", "Learn More", "Subscribe Now",
                                   "Watch CBSN Live", "CNBC TV", "All Stocks", "The Reporters", "Facts First"])
def test_widget_labels_are_no_names(label: str) -> None:
    assert not name_like(label)


@pytest.mark.parametrize("name", ["Mark Di Stefano", "Natasha Turak", "Jean de la Fontaine",
                                  "Meg Kinnard and Errin Haines"])
def test_names_are_names(name: str) -> None:
    assert name_like(name)


def test_a_bare_name_line_is_the_byline_but_a_label_is_not() -> None:
    assert find_author(["Site Tools", "Nov. 19, 2019", "Mark Di Stefano"]) == "Mark Di Stefano"
    assert find_author(["Site Tools", "Nov. 19, 2019"]) is None
    assert find_author(["By", "SIGN IN"]) is None


@pytest.mark.parametrize("line", ["Media playback is unsupported on your device", "Show more sharing options",
                                  "These are external links and will open in a new window",
                                  "you are here: HomeNewsBusinessMarkets"])
def test_interface_sentences_are_no_headlines(line: str) -> None:
    from newsbrief.ingest.copy_headline import title_like

    assert not title_like(line, None)
    assert title_like("Sweden drops rape investigation into Julian Assange", None)


def test_share_buttons_and_welcome_pages_are_no_headlines() -> None:
    from newsbrief.ingest.copy_headline import title_like

    assert not title_like("Facebook Twitter Email LinkedIn Reddit Pinterest", None)
    assert not title_like("Welcome to The Example Network's European Union Experience", None)


@pytest.mark.parametrize(("line", "name"), [
    ("By Jane Doe, Example Business", "Jane Doe"),
    ("Analysis by Jane Doe, Example Editor-at-large", "Jane Doe"),
    ("By Jane Doe | Example News", "Jane Doe"),
    ("BY KATHERINE MOORE ON 11/13/19 AT 4:00 PM EST", "KATHERINE MOORE"),
    ("5:45 AM PST 11/19/2019 by Jane Doe", "Jane Doe"),
    ("11/19/2019 by Jane Doe", "Jane Doe"),
    ("Jane Doe, Ap Auto Writer", "Jane Doe"),
    ("By Jane Doe, John Roe and Mary Major", "Jane Doe, John Roe and Mary Major"),
    ("Jane Doe and John Roe, Associated Press", "Jane Doe and John Roe"),
    ("By Jane Doe jdoe@example.com(509) 459-5382", "Jane Doe"),
    ("by Jane Doe (reporting) and John Roe (photography)", "Jane Doe and John Roe"),
    ("By Jane DoeEXAMPLEBusiness", "Jane Doe"),
])
def test_bylines_lose_their_credit_role_date_and_address(line: str, name: str) -> None:
    assert find_author(["Site Tools", line], bare=False) == name


def test_a_section_label_in_capitals_gives_way_to_a_bare_name() -> None:
    assert find_author(["DUBAI AIRSHOW", "Nov. 19, 2019", "Jane Doe"]) == "Jane Doe"
    assert find_author(["Watch Live, Example News"], bare=False) is None


@pytest.mark.parametrize("line", ["Share this with WhatsApp", "More on this story", "Published 1 day ago",
                                  "Media captionWho is the minister?",
                                  "Roughly 300 troops remain in the region, officials said [File: Example Agency]"])
def test_share_boxes_relative_times_and_captions_are_no_headlines(line: str) -> None:
    from newsbrief.ingest.copy_headline import title_like

    assert not title_like(line, None)


def test_a_label_among_menu_labels_is_no_byline() -> None:
    assert find_author(["Asia", "Europe", "Latin America", "Middle East", "19 November 2019"]) is None


def test_a_long_share_box_does_not_hide_the_headline_and_date() -> None:
    from newsbrief.ingest.browser import read_browser_copy

    story = ("The council voted on Tuesday to close the old bridge to cars for two years while engineers replace "
             "its deck, a decision residents have argued about for a decade.")
    share = [f"Share this with {s}" for s in ("Facebook", "Twitter", "Email", "Messenger", "WhatsApp")] * 4
    share += ["Facebook", "Twitter", "Email", "Messenger", "WhatsApp", "LinkedIn"] * 3
    lines = ["Home", "News", "Sport", "Bridge to close to cars for two years", "19 November 2019", *share,
             *[story] * 6, "Related stories", "Council budget approved"]
    found = read_browser_copy(lines)
    assert found is not None
    assert found.title == "Bridge to close to cars for two years"
    assert found.published is not None and found.published.date().isoformat() == "2019-11-19"


def test_a_list_the_story_announces_at_its_end_is_kept() -> None:
    from newsbrief.ingest.browser import read_browser_copy

    story = ("The band said on Monday that it would tour North America next summer for the first time in a decade, "
             "with the four founding members on stage together for the whole run of shows.")
    dates = [f"June {d} -- Example Arena, Example City, {s}" for d, s in ((9, "FL"), (10, "GA"), (14, "TN"))]
    lines = ["Home", "Music", "Band sets anniversary tour", "By Jane Doe", "November 19, 2019", *[story] * 5,
             "The tour dates:", *dates, "Related", "Sign up for our newsletter", "Privacy policy"]
    found = read_browser_copy(lines)
    assert found is not None
    assert found.body[-4:] == ["The tour dates:", *dates]


def test_a_dated_list_under_a_short_heading_is_kept_but_not_a_list_of_teasers() -> None:
    from newsbrief.ingest.browser import read_browser_copy

    story = ("The band said on Monday that it would tour North America next summer for the first time in a decade, "
             "with the four founding members on stage together for the whole run of shows.")
    dates = [f"June {d} – Example City, {s} @ Example Arena" for d, s in ((9, "FL"), (10, "GA"), (14, "TN"))]
    teasers = [f"Video: Example teaser number {n} about something else" for n in ("one", "two", "three")]
    head = ["Home", "Music", "Band sets anniversary tour", "By Jane Doe", "November 19, 2019", *[story] * 5]
    found = read_browser_copy([*head, "Tour Dates", *dates, "Related", "Privacy policy"])
    assert found is not None and found.body[-4:] == ["Tour Dates", *dates]
    found = read_browser_copy([*head, "More Videos", *teasers, "Related", "Privacy policy"])
    assert found is not None and found.body[-1] == story


@pytest.mark.parametrize(("line", "head"), [("Alex on September 17, 2018 at 6:34 am said:", True),
                                            ("Jane Roe says:", True), ("In a statement, the minister said:", False),
                                            ("He said:", False)])
def test_comment_heads_are_told_from_a_story_introducing_a_quote(line: str, head: bool) -> None:
    from newsbrief.ingest.copy_teasers import comment_head as _comment_head

    assert _comment_head(line) is head


def test_a_short_post_is_the_story_not_the_longer_comments_under_it() -> None:
    from newsbrief.ingest.browser import read_browser_copy

    post = ("Our goal with these open threads is to give readers of the blog a chance to raise questions about our "
            "work in public, and we will try to answer every one of them within a week or two, as we have done "
            "in every thread since the first.")
    comment = ("I read your report on the program and wondered whether you had looked at what happens to the "
               "families who were left out of the first round, because that seems to matter a great deal here.")
    lines = ["Blog", "Archive", "September open thread", "September 10, 2018", post, "12 comments",
             *[x for n in range(4) for x in (f"Reader{n} on September {n + 11}, 2018 at 6:34 am said:", comment,
                                            comment)], "Leave a comment", "Privacy policy"]
    found = read_browser_copy(lines)
    assert found is not None and found.body == [post]


def test_the_note_about_the_author_ends_the_story_before_the_teasers() -> None:
    from newsbrief.ingest.browser import read_browser_copy

    story = ("The council voted on Tuesday to close the old bridge to cars for two years while engineers replace "
             "its deck, a decision that residents of both banks have argued about for a decade.")
    teaser = ("Dozens of fires are spreading across the region, burning more than two million acres and putting "
              "wildlife and the towns that depend on tourism at risk, officials said on Monday.")
    lines = ["Home", "News", "Bridge to close for two years", "By Jane Doe", "November 19, 2019", *[story] * 6,
             "Jane Doe is a freelance writer based in Example City.", "Fires spread across the region", teaser,
             "Example teaser headline", teaser, "Privacy policy"]
    found = read_browser_copy(lines)
    assert found is not None and found.body == [story] * 6


@pytest.mark.parametrize("line", [
    "A worker loads trims into his truck outside a store in Hialeah, Fla. (AP Photo/Jane Doe)",
    "Email Jane Doe at jdoe@example.com or follow her @jdoe. Follow us on Twitter @example.",
    "No spam, we promise. You can unsubscribe at any time and we'll never share your details.",
    "Example is part of Example Media Inc, an international media group and leading digital publisher.",
    "The information provided on this website (including the blogs and community pages) is for informational "
    "purposes only and is not intended to replace the advice of your doctor.",
    "*These statements have not been evaluated by the Food and Drug Administration.",
    "The Example Post Customer Service Center can be contacted with any questions or requests about your account.",
    "Reproduction of news articles, photos, videos or any other content in whole or in part in any form or medium "
    "without express written permission of example.com is prohibited.",
])
def test_credits_contact_notes_publisher_notes_and_site_notices_are_page_furniture(line: str) -> None:
    from newsbrief.ingest.boilerplate import is_boilerplate

    assert is_boilerplate(line)
    assert not is_boilerplate("Email records show the mayor wrote to the contractor at least twice in May.")


def test_a_name_on_the_date_line_is_the_byline() -> None:
    headline = "The new concept car is a weird electric wagon with a secret message"
    assert find_author([headline, "Jane Doe - Nov 19, 2019, 10:31 pm CST"]) == "Jane Doe"
    assert find_author([headline, "Updated - Nov 19, 2019, 10:31 pm CST"]) is None


def test_a_bare_name_right_under_the_headline_is_the_byline() -> None:
    from newsbrief.ingest.browser import read_browser_copy

    story = ("The council voted on Tuesday to close the old bridge to cars for two years while engineers replace "
             "its deck, a decision residents have argued about for a decade.")
    lines = ["Home", "News", "Bridge to close to cars for two years", "Jane Doe", "1:39 PM ET",
             "Residents of both banks have argued about the bridge for a decade.", "Share", "Tweet", "Email",
             "Print", "Facebook", "LinkedIn", "Reddit", *[story] * 6, "Related stories", "Council budget approved"]
    found = read_browser_copy(lines)
    assert found is not None and found.author == "Jane Doe"


def test_an_agency_as_the_whole_byline_of_a_copy_is_the_wire_not_the_author() -> None:
    from newsbrief.ingest.text import parse_page

    story = ("The council voted on Tuesday to close the old bridge to cars for two years while engineers replace "
             "its deck, a decision residents have argued about for a decade.")
    lines = ["Example Gazette", "Home", "News", "World", "Sport", "Bridge to close to cars for two years", "By REUTERS",
             "November 19, 2019", *[story] * 6, "Related stories", "Council budget approved",
             "© 2019 Example Gazette. All rights reserved."]
    article = parse_page("\n".join(lines), article_id="a")
    assert article.author is None and article.wire == "Reuters"
