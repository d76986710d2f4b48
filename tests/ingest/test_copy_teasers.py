"""A browser copy's story leaves out what sits inside its run of prose but is not the story: a list of other
stories' headlines, a link in capitals, a photo caption with its credit, the readers' comments; lists of the story
itself stay."""

from __future__ import annotations

import pytest

from newsbrief.ingest.browser import read_browser_copy
from newsbrief.ingest.copy_teasers import caption, comment_head, headline_like, posed_caption, story_lines

P1 = ("The council voted on Tuesday to close the old bridge to cars for two years while engineers replace its deck, "
      "a decision residents have argued about for a decade.")
P2 = ("Shops on the east bank said they expected fewer customers, and the council promised a shuttle bus that will "
      "run every ten minutes while the works last.")
P3 = ("Engineers said the steel under the deck had rusted faster than expected, and that a repair would only have "
      "bought the town five more years before the same debate.")
P4 = ("The works are due to start in March, and the council will publish the timetable of the shuttle bus on its "
      "website in February after a meeting with the shop owners.")


def test_a_list_of_other_stories_headlines_inside_the_story_is_left_out() -> None:
    body = [P1, P2, "More in City Hall", "Mayor names new head of the parks department",
            "Library opening hours cut for the winter months", "School board delays vote on the new budget", P3, P4]
    assert story_lines(body) == [P1, P2, P3, P4]


def test_a_list_the_story_gives_stays() -> None:
    announced = [P1, "The council listed what changes for drivers:", "Traffic goes over the north bridge instead",
                 "Lorries take the ring road around the town", P2, P3]
    assert story_lines(announced) == announced
    items = [P1, "Q: How long will the works last?", "A: Two years from March", "8-9 ripe pears, cored and peeled",
             "1 lemon, or about a quarter cup of juice", "Wireless earbuds for $130", "Portable speaker for $400", P2]
    assert story_lines(items) == items


def test_a_link_in_capitals_goes_and_a_short_crosshead_in_capitals_stays() -> None:
    body = [P1, "MAYOR 'PROUD' OF THE TOWN'S NEW PARKS AND ITS VOLUNTEERS", P2, "WHAT CHANGES FOR DRIVERS", P3]
    assert story_lines(body) == [P1, P2, "WHAT CHANGES FOR DRIVERS", P3]


def test_photo_captions_with_their_credit_go() -> None:
    for captions in (["Engineers inspect the deck of the old bridge on Monday [File: Example Agency]",
                      "The deck from below. (Photo by Jane Doe/Example Images)"],
                     ["Image caption The bridge opened in 1931", "Photo by Jane Doe", "Jane Doe, AP"]):
        body = [P1, captions[0], P2, *captions[1:], P3, P4]
        assert story_lines(body) == [P1, P2, P3, P4]


def test_photo_captions_written_as_agencies_write_them_go() -> None:
    posed = "Mayor Jane Doe, left, speaks with a shop owner on the east bank of the river in Exampleton"
    behind = "A cyclist rides past the old bridge (background) as engineers inspect its deck from a boat"
    dated = "Engineers inspect the deck of the old bridge in Exampleton, Tuesday, Nov. 19, 2019."
    body = [P1, posed, P2, behind, P3, dated, P4]
    assert story_lines(body) == [P1, P2, P3, P4]
    assert posed_caption("A ferry leaves the north pier at dawn in Exampleton, on Monday, Nov. 18, 2019.")


def test_story_sentences_with_left_or_a_date_are_no_captions() -> None:
    kept = ["The mayor left, and the council voted on Tuesday, Nov. 19, 2019, to close the bridge for two years.",
            "Updated 1:39 am EST, Wednesday, November 20, 2019",
            "The right-hand lane stays open to buses, the council said in a statement on its website."]
    assert not any(posed_caption(line) for line in kept)
    assert story_lines([P1, kept[0], P2, kept[2], P3]) == [P1, kept[0], P2, kept[2], P3]


def test_story_sentences_naming_sides_or_a_coming_date_are_no_captions() -> None:
    kept = ["Critics on the left, right, and center have condemned the plan as a giveaway to the contractors.",
            "Voters will get their say on the plan in a referendum to be held on Tuesday, Nov. 5, 2024.",
            "The council voted to close the old bridge to cars for two years on Tuesday, Nov. 19, 2019.",
            "The lane closures (right) will last until the end of the month, the transport department said."]
    assert not any(posed_caption(line) for line in kept)
    assert story_lines([P1, kept[0], P2, kept[1], P3, kept[2], P4, kept[3]]) == [P1, kept[0], P2, kept[1], P3, kept[2],
                                                                               P4, kept[3]]


def test_a_story_sentence_credited_to_a_website_is_a_source_not_a_caption() -> None:
    kept = ["The company said revenue rose 12 percent in the third quarter. (example-wire.com)",
            "The takeover talks were first reported by the financial newspaper. (example-times.co.uk)"]
    assert not any(caption(line) for line in kept)
    assert caption("Commuters queue for the morning ferry at the north pier. (islandferries.net)")
    assert story_lines([P1, kept[0], P2, kept[1], P3]) == [P1, kept[0], P2, kept[1], P3]


@pytest.mark.parametrize("line", ["The statement said:", "The mayor wrote:", "His lawyer said:", "nobody says:",
                                  "A spokeswoman said:"])
def test_a_story_introducing_a_quote_has_no_comment_head(line: str) -> None:
    assert not comment_head(line)


def test_a_quote_introduced_by_the_statement_does_not_end_the_story() -> None:
    quote = ("“We will keep one lane open to buses at all times, and the shuttle will be free for residents of both "
             "banks,” the council's statement read.")
    lines = ["Home", "News", "Bridge to close to cars for two years", "By Jane Doe", "19 November 2019",
             P1, P2, "The statement said:", quote, P3, P4, "Share this:", "Privacy policy"]
    found = read_browser_copy(lines)
    assert found is not None and found.body[-2:] == [P3, P4]


def test_comments_headed_by_a_user_name_end_the_story() -> None:
    comments = ["34 responses to “Bridge to close to cars”", "bridgefan42 says:", "November 19, 2019 at 6:34 am",
                "It is a good thing they finally decided, this has taken far too long for all of us here.",
                "old.driver says:", "November 19, 2019 at 6:44 am",
                "It is time for the council to come to grips with reality, the bridge is over and done."]
    lines = ["Home", "News", "Bridge to close to cars for two years", "By Jane Doe", "19 November 2019",
             P1, P2, P3, P4, "Share this:", "Click to share on Facebook (Opens in new window)",
             "Click to print (Opens in new window)", *comments]
    found = read_browser_copy(lines)
    assert found is not None
    assert found.body == [P1, P2, P3, P4]
    assert comment_head("bridgefan42 says:") and not comment_head("she says:")


def test_the_readers_comments_after_the_story_go() -> None:
    body = [P1, P2, P3, P4, "6 thoughts on “Bridge to close to cars”", "I drive over it every day and it shakes.",
            "Finally! It took them long enough."]
    assert story_lines(body) == [P1, P2, P3, P4]


def test_headline_likeness_needs_a_capital_few_words_and_no_closing_period() -> None:
    assert headline_like("Mayor names new head of the parks department")
    assert not headline_like("The mayor named a new head of the parks department.")
    assert not headline_like("овощи с большим содержанием крахмала")
    assert not headline_like("Traffic")


def test_a_copy_read_whole_leaves_the_teasers_out_of_its_body() -> None:
    lines = ["Home", "News", "Sport", "Bridge to close to cars for two years", "By Jane Doe", "19 November 2019",
             P1, P2, "Mayor names new head of the parks department", "Library opening hours cut for the winter months",
             P3, P4, P2.replace("Shops", "Cafes"), "Related stories", "Council budget approved"]
    found = read_browser_copy(lines)
    assert found is not None
    assert "Mayor names new head of the parks department" not in found.body and P3 in found.body


def test_a_note_about_the_author_ends_the_story_with_what_follows_it() -> None:
    from newsbrief.ingest.copy_teasers import AUTHOR_NOTE

    for note in ("Jane Doe is a Staff Writer at Example covering transport and cities.",
                 "Jane Doe (@janedoe) is an Ideas contributor at Example and the host of a daily radio show.",
                 "Jane Doe is an online educator, author, keynote speaker, and the founder of Example Studio.",
                 "Jane is a Southeastern Example native now living in the city with her two sons."):
        assert AUTHOR_NOTE.match(note), note
        lines = ["Home", "News", "Bridge to close to cars for two years", "By Jane Doe", "19 November 2019",
                 P1, P2, P3, P4, note, "Example is where tomorrow is realized, the essential source of ideas that make "
                 "sense of a world in constant transformation, and we are proud of it."]
        found = read_browser_copy(lines)
        assert found is not None and found.body == [P1, P2, P3, P4]
    assert not AUTHOR_NOTE.match("The council is a body of twelve members elected every four years.")


def test_pointers_to_other_stories_and_promotions_of_the_site_go() -> None:
    pointers = ["SEE MORE: Bridge protests: 800 drivers stuck in traffic", "[Related: Council budget approved]",
                "Also on example.com Traders threatened with fines as the works begin",
                "On Example.com: Car sales plunge nearly 17 percent in August",
                "Get Example Monthly delivered through your letterbox every month. 12 issues for £11.99.",
                "Join our forums to keep talking about the bridge, and send us your news tips!"]
    body = [P1, pointers[0], P2, pointers[1], P3, *pointers[2:4], P4, *[P2.replace("Shops", "Cafes")] * 3,
            *pointers[4:]]
    assert story_lines(body) == [P1, P2, P3, P4, *[P2.replace("Shops", "Cafes")] * 3]
    assert story_lines([P1, "Get the details of the plan from the council, which published them on Monday.", P2]) \
        == [P1, "Get the details of the plan from the council, which published them on Monday.", P2]


CARDS = ["Mayor Names New Head Of The Parks DepartmentThe former deputy will start in January after a council vote.",
         "Library Opening Hours Cut For The Winter MonthsReaders will find the doors closed on Sundays until spring.",
         "School Board Delays Vote On The New Budget?Parents asked for more time to read the plan before the meeting."]


def test_teaser_cards_glued_to_their_summaries_go_even_when_they_outnumber_the_story() -> None:
    assert story_lines([P1, P2, *CARDS]) == [P1, P2]


def test_a_run_of_glued_cards_is_as_long_as_a_run_of_headlines(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsbrief.ingest import copy_teasers

    monkeypatch.setattr(copy_teasers, "TEASER_RUN", 3)
    assert story_lines([P1, P2, *CARDS[:2]]) == [P1, P2, *CARDS[:2]]
    assert story_lines([P1, P2, *CARDS]) == [P1, P2]


def test_a_single_glued_line_and_a_names_own_capital_are_no_teaser_cards() -> None:
    from newsbrief.ingest.copy_teasers import glued_card

    assert all(glued_card(card) for card in CARDS)
    assert story_lines([P1, CARDS[0], P2]) == [P1, CARDS[0], P2]  # one alone may be a glitch of the story
    assert glued_card("Council Sets The Date Of The Vote For MayThe members agreed on a date after a long debate.")
    # a name's own inner capital after a short capitalised fragment (five capitalised words before it, six after)
    assert not glued_card("Brackwater Bay Area Governor Tomas DeVarga said on Friday that the bridge would open.")
    assert not glued_card("Port Ellery Gulls Forward LeMarcus Dray scored thirty points in the final game.")
    assert not glued_card("Kestrel Bay East's Senior Hugh McTavish won first place in the freestyle race on Friday.")
    assert not glued_card("Harlan Electronics Unveils Its Folding AirDeck tablet at the fair in Varnby on Monday.")
    assert not glued_card("Varnby Harbour Board Chair Siobhan O’Rourke said the pier would reopen in June.")


def test_a_picture_named_by_its_label_is_a_caption_and_the_story_drops_it() -> None:
    assert caption("Pictured: the east quay at dawn") and caption("Above: the bridge in 1931")
    assert not caption("Above all, the council wants the works done by spring.")
    assert story_lines([P1, "Pictured: the east quay at dawn", P2, P3]) == [P1, P2, P3]


def test_the_story_drops_each_line_the_one_drop_check_names() -> None:
    from newsbrief.ingest.copy_teasers import dropped

    gone = ["MAYOR 'PROUD' OF THE TOWN'S NEW PARKS AND ITS VOLUNTEERS", "Pictured: the east quay at dawn",
            "SEE MORE: Mayor names new head of the parks department", "12 Comments"]
    assert all(dropped(line) for line in gone)
    assert not any(dropped(line) for line in (P1, "WHAT CHANGES FOR DRIVERS", "The mayor wrote:"))
    assert story_lines([P1, gone[0], P2, gone[1], P3, gone[2], P4]) == [P1, P2, P3, P4]


@pytest.mark.parametrize(("line", "label"), [("Read more", True), ("Most read", True), ("More from The Ledger", True),
                                             ("Read more: Mayor names new head of parks", False),
                                             ("More than half the riders said no.", False)])
def test_a_list_label_is_a_short_label_never_a_sentence_nor_a_pointer(line: str, label: bool) -> None:
    from newsbrief.ingest.copy_teasers import list_label

    assert list_label(line) is label
