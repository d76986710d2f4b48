from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from newsbrief.errors import InputError
from newsbrief.ingest import read_inputs, read_text_file


@pytest.fixture(scope="module")
def seed(seed_path: Path):
    return read_text_file(seed_path)


def test_seed_metadata(seed) -> None:
    assert seed.title == "Ukraine urges NATO to send 'real signal' to Russia with membership plan"
    assert seed.source == "WION"
    assert seed.author == "WION Web Team"
    assert seed.dateline == "Kiev, Ukraine"
    assert seed.published == datetime(2021, 4, 6, 17, 59, tzinfo=timezone(timedelta(hours=5, minutes=30)))
    assert seed.published.astimezone(UTC) == datetime(2021, 4, 6, 12, 29, tzinfo=UTC)


@pytest.mark.parametrize(
    "chrome",
    ["ugc_banner", "main img", "Photograph:(AFP)", "Story highlights", "(With inputs from agencies)", "Updated:"],
)
def test_seed_body_has_no_chrome(seed, chrome: str) -> None:
    assert chrome not in seed.text


def test_seed_body_has_no_duplicated_highlight_and_no_nbsp(seed) -> None:
    assert seed.text.count("In a tweet to NATO Secretary General Jens Stoltenberg") == 1
    assert "\u00a0" not in seed.text
    assert seed.text.startswith("Ukrainian President Volodymyr Zelensky on Tuesday urged NATO")
    assert seed.text.rstrip().endswith('multiple "provocations" were taking place there.')
    assert seed.article_id == "wion-2021-04-06-ukraine-nato"


def test_empty_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"  \n")
    with pytest.raises(InputError, match="empty.txt: the file is empty"):
        read_inputs(path)


def test_latin1_is_detected_not_rejected(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Headline of the day\n\nThe caf\xe9 owner in M\xfcnchen said prices would rise this year, "
                     "according to the chamber of commerce. The r\xe9sum\xe9 was long.".encode("latin-1"))
    article = read_inputs(path).articles[0]
    assert "café" in article.text and "München" in article.text
    assert article.title == "Headline of the day"


def test_undecodable_bytes_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "binary.txt"
    path.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(InputError, match="binary.txt"):
        read_inputs(path)


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or folder"):
        read_inputs(tmp_path / "nope.txt")


def test_folder_of_txt_files_uses_file_names_as_ids(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("Title A\n\nBody of article A is here.", encoding="utf-8")
    (tmp_path / "sub" / "b.txt").write_text("Title B\n\nBody of article B is here.", encoding="utf-8")
    result = read_inputs(tmp_path)
    assert sorted(a.article_id for a in result.articles) == ["a", "b"]


def test_same_content_twice_is_skipped_as_duplicate(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Title\n\nSame body text.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Title\n\nSame body text.", encoding="utf-8")
    result = read_inputs(tmp_path)
    assert len(result.articles) == 1 and result.duplicates == 1


def test_a_header_reads_the_byline_above_the_date_and_the_headline_above_it() -> None:
    from newsbrief.ingest import parse_page
    from stories import STORIES

    raw = "\n".join(["Welcome to the Example Network's European Union Experience", "Learn More",
                     "Council backs a bigger bus network for the north", "Ana Example and Bo Example Example Post",
                     "Published 10:02 AM EST Nov 19, 2019", *STORIES[0].split(". ")])
    article = parse_page(raw, article_id="x")
    assert article.title == "Council backs a bigger bus network for the north"
    assert article.author == "Ana Example and Bo Example Example Post"


def test_a_copy_dated_in_its_first_lines_still_leaves_its_footer_out() -> None:
    from newsbrief.ingest import parse_page

    story = [f"The council voted on Tuesday, for the {n} time this year, to expand the bus network across the northern "
             "districts, and the mayor said the twelve new routes would run from next spring." for n in
             ("first", "second", "third", "fourth", "fifth")]
    raw = "\n".join(["Welcome to the Example Network's European Union Experience", "Learn More",
                     "Council backs a bigger bus network for the north", "Ana Example Example Post",
                     "Published 10:02 AM EST Nov 19, 2019", *story,
                     "Most Popular", "Mayor opens the new library", "Terms of Service Privacy Notice",
                     "© The Example Post, an Example Media Newspaper"])
    article = parse_page(raw, article_id="x")
    assert article.title == "Council backs a bigger bus network for the north"
    assert article.published is not None and article.published.date().isoformat() == "2019-11-19"
    assert "Terms of Service" not in article.text and "©" not in article.text
    assert article.text.split("\n\n") == story


WRAPPED = """Ferrow council closes the old bridge to cars

The town council voted on Tuesday to close the old bridge to cars for
two years while engineers replace its deck, a decision that residents
have argued about for a decade and one that will send thousands of
drivers on a long detour through the hills every morning.
The works will begin on March 3, 2020 and cost more than twelve
million dollars, which the town will share with the county and the
state, both of which have already promised their part of the money in
this year's budget, the mayor told the council after the vote.
Shop owners in the centre fear they will lose customers during the
works, because many of them come from the other side of the river and
will have to drive several miles around to reach the market.
"""
NOTES = ["Town council meeting notes", "Present: the mayor, five councillors, the clerk.", "Apologies: one councillor.",
         "Item 1: the old bridge.", "The council voted to close it to cars.", "Works start in the spring.",
         "Item 2: the budget.", "Agreed without changes.", "Item 3: any other business.", "None.", "Next meeting",
         "March 3, 2020 at 7:00 PM", "Town hall, room 2."]
LIST = ["Best bridges to walk across this winter", "Ferrow old bridge", "The view of the river at dawn.",
        "Harbor footbridge", "Quiet, and close to the market.", "Top 10 walks of 2019", "Mill lane bridge",
        "Good for a short stroll.", "Canal swing bridge", "Watch it open for boats.", "Railway viaduct",
        "The longest walk of the list."]


def test_a_long_plain_text_file_keeps_its_first_line_as_its_title_above_a_dated_line() -> None:
    from newsbrief.ingest.text import parse_page

    assert parse_page(WRAPPED, article_id="x").title == "Ferrow council closes the old bridge to cars"
    assert parse_page("\n".join(NOTES), article_id="x").title == "Town council meeting notes"
    assert parse_page("\n".join(LIST), article_id="x").title == "Best bridges to walk across this winter"
