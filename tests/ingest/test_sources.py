"""One outlet, one name: sections, editions, legal names and wire credits do not become sources or authors."""

from __future__ import annotations

import pytest

from newsbrief.ingest.names import clean_author
from newsbrief.ingest.sources import choose_source, domain_label, split_wire


@pytest.mark.parametrize(("candidates", "url", "want"), [
    (["U.S.", "Reuters"], "https://www.reuters.com/article/x", "Reuters"),  # a section as site name
    (["Opinion blog", "The Daily Planet"], "https://www.dailyplanet.com/blogs/x", "The Daily Planet"),
    (["Letters to the editor", None, "Springfield Herald"], None, "Springfield Herald"),
    ([None, "Cable News Network"], "https://edition.cnn.com/2019/x", "CNN"),  # legal name -> initials
    (["CNN"], "https://www.cnn.com/x", "CNN"),
    (["daily_planet"], "https://dailyplanet.com/x", "daily planet"),  # underscores
    (["The Daily Planet US Edition"], "https://dailyplanet.com/x", "The Daily Planet"),  # an edition
    (["Spokesman.com", "The Spokesman-Review"], "https://www.spokesman.com/x", "The Spokesman-Review"),
    (["Spokesman.com"], "https://www.spokesman.com/x", "Spokesman"),
    (["Associated Press", "Springfield Herald"], "https://springfieldherald.com/x", "Springfield Herald"),
])
def test_the_outlet_name_agrees_with_the_domain(candidates: list[str | None], url: str | None, want: str) -> None:
    assert choose_source(candidates, url=url) == want


def test_domain_labels() -> None:
    assert domain_label("https://www.bbc.co.uk/news") == "bbc"
    assert domain_label("https://edition.cnn.com/x") == "cnn"
    assert domain_label(None) is None


@pytest.mark.parametrize(("byline", "source", "want"), [
    ("Associated Press", "Springfield Herald", (None, "AP")),
    ("LISA MASCARO, ERIC TUCKER Associated Press", "Springfield Herald", ("LISA MASCARO, ERIC TUCKER", "AP")),
    ("Reuters", "Springfield Herald", (None, "Reuters")),
    ("Springfield Herald", "Springfield Herald", (None, None)),  # the outlet is no author
    ("Jane Doe", "Springfield Herald", ("Jane Doe", None)),
])
def test_wire_credits_leave_the_byline(byline: str, source: str, want: tuple[str | None, str | None]) -> None:
    assert split_wire(byline, source=source) == want


@pytest.mark.parametrize(("byline", "want"), [
    ("Jane Doe jdoe", "Jane Doe"),  # an e-mail user name glued on
    ("Jane Doe, jane.doe@example.com", "Jane Doe"),
    ("Tom Smith Photo: Getty Images", "Tom Smith"),  # a photo credit
    ("Jane Doe March", "Jane Doe"),  # a month
    ("Lisa Kaczke and Trevor J Mitchell", "Lisa Kaczke, Trevor J Mitchell"),
])
def test_bylines_lose_what_is_glued_on(byline: str, want: str) -> None:
    assert clean_author(byline) == want


def test_the_wire_credit_is_a_column_of_the_articles_table_apart_from_the_source() -> None:
    from newsbrief.ingest import Article
    from newsbrief.ingest.model import articles_frame

    frame = articles_frame([Article(article_id="a", text="Agency copy.", source="The Example Post", wire="AP"),
                            Article(article_id="b", text="Own story.", source="The Example Post")])
    assert list(frame["source"]) == ["The Example Post", "The Example Post"]
    assert frame["wire"].tolist()[0] == "AP" and frame["wire"].isna().tolist() == [False, True]


def test_a_wire_dateline_in_a_browser_copy_is_the_wire_not_the_source() -> None:
    from newsbrief.ingest.text import parse_page

    story = ("WASHINGTON (Example Agency) — The council voted on Tuesday to close the old bridge to cars for two "
             "years while engineers replace its deck, a decision residents have argued about for a decade.")
    more = ("Supporters said the work could not wait any longer, and that a temporary footbridge would keep the "
            "markets on either side within a short walk of each other for the whole closure.")
    lines = ["The Example Post", "Home", "News", "Sport", "About The Example Post", "Bridge to close for two years",
             "By Jane Doe", "November 19, 2019", story, *[more] * 4, "The Example Post Newsletters",
             "Contact The Example Post", "© 2019 Example Media Holdings LLC"]
    article = parse_page("\n".join(lines), article_id="a")
    assert article.wire == "Example Agency"
    assert article.source != "Example Agency"
