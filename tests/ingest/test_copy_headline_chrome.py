"""A copy's headline where its page's chrome, section marks and date lines could be taken for one: a plain text's
short lines are no menu, a section mark inside a headline stays, a name or label above a date line is no headline."""

from __future__ import annotations

from newsbrief.ingest import parse_page
from newsbrief.ingest.copy_headline import date_line, section_tail

MENU = ["Home", "News", "Sport", "Business", "Weather", "Contact"]
PROSE = ["Cars will no longer cross the old bridge from Monday, the council said on Tuesday evening.",
         "The works will take two years and cost more than twelve million pounds, officials said.",
         "Residents have argued about the future of the bridge for more than a decade now."]


def _title(lines: list[str]) -> str | None:
    return parse_page("\n".join(lines), article_id="x").title


def test_a_plain_text_poem_or_results_list_keeps_its_first_line_as_its_title() -> None:
    poem = ["Winter on the old bridge", "Snow falls", "on stone", "the river", "keeps time", "and the town",
            "sleeps under the arches", "while the last cars cross", "and the lamps go out",
            "one by one along the water", "Anna Bell", "19 November 2019"]
    results = ["County league results, Saturday", "Hawks 3", "Eagles 1", "Rovers 2", "United 2", "Ferrow Town 1",
               "Lakeside 0", "Derby day at the river ground", "November 16, 2019", "Next round", "Hawks v Rovers",
               "United v Ferrow Town"]
    sprint = ["Ferrow sprinter breaks the county record", "Heats", "Lane 4", "Lane 6", "Final",
              "Men's 100 metres final", "10.21", "Anna Bell wins gold", "10.35", "Jane Doe takes silver", "10.41",
              "Results confirmed"]
    for text in (poem, results, sprint):
        assert _title(text) == text[0]


def test_a_section_mark_inside_a_headline_stays_unless_the_page_shows_the_section() -> None:
    for headline in ("Brexit » what next for the City of London", "Q&A › the mayor on why the old bridge must close",
                     "Le pont » ce qui change pour les automobilistes",
                     "Rock › Roll: the band that saved the old bridge"):
        assert _title([*MENU, headline, "By Jane Doe", "November 19, 2019", *PROSE]) == headline
    assert _title([*MENU, "Sport » Council votes to close the old bridge to cars", "By Jane Doe",
                   "November 19, 2019", *PROSE]) == "Council votes to close the old bridge to cars"
    page = ["Sport", "Sport › Hawks win the title", "Rock"]
    assert section_tail("Sport › Hawks win the title", page=page) == "Hawks win the title"
    assert section_tail("Sport › what next for the Hawks", page=page) == "Sport › what next for the Hawks"
    assert section_tail("Rock › Roll: the band", page=["Rock › Roll: the band", "News"]) == "Rock › Roll: the band"


def test_a_headline_after_a_long_section_or_with_a_short_tail_is_still_the_headline() -> None:
    long = "Ferrow Courier Local News » Council votes to close the old bridge to cars"
    assert _title([*MENU, long, "By Jane Doe", "November 19, 2019", *PROSE]) in (
        long, "Council votes to close the old bridge to cars")
    plain = ["Brexit » what next", "By Jane Doe", "Ferrow Courier", "November 19, 2019", *PROSE, *PROSE]
    assert _title(plain) == "Brexit » what next"


def test_a_name_or_a_label_right_above_a_date_line_is_no_headline() -> None:
    for between in (["Jane Doe"], ["Local News"], ["Photo gallery", "Latest Galleries"]):
        lines = [*MENU, "In pictures: the last day of the old bridge", *between, "November 19, 2019",
                 "The last car crosses at dusk.", "Neighbours wave from the rail.", "The mayor cuts a ribbon.",
                 "Share this gallery", "Privacy policy"]
        assert _title(lines) not in between
    lines = [*MENU, "Brexit » what next", "Jane Doe", "November 19, 2019", "Talks resume next week.",
             "Ministers hope for a deal.", "Markets stay calm."]
    assert _title(lines) == "Brexit » what next"


def test_a_lone_time_is_a_date_line_only_with_a_colon_or_am_pm_and_a_later_entry_is_no_headline() -> None:
    assert date_line("9:41 AM") and date_line("12.30pm") and date_line("21:05")
    assert not date_line("10.21") and not date_line("3.50")
    lines = [*MENU, "Bridge closure: live updates as the old bridge shuts to cars", "Jane Doe", "Share", "Comments",
             "9:41 AM", "Council confirms final car crossing", "Noon is the last crossing.", "9:15 AM",
             "Queues build on east bank", "Drivers wait in line."]
    assert _title(lines) != "Council confirms final car crossing"


def test_a_list_heading_or_a_version_number_is_no_date_line() -> None:
    assert not date_line("Top 10 walks of 2019") and not date_line("Class of 2019: 25 graduates")
    assert not date_line("Version 2020.1.3") and not date_line("v2020.1.3")
    assert date_line("terça-feira, 19 de novembro de 2019 às 20:13") and date_line("2019.11.19")
    assert date_line("05/10/2018 - Publicado por: Ana Ruiz") and date_line("19 listopada 2019")
    lines = [*MENU, "Best bridges to walk across this winter", "Jane Doe", "Share", "Comments",
             "Our favourite crossings", "Top 10 walks of 2019", "Ferrow old bridge", "Harbor footbridge",
             "Mill lane bridge"]
    assert _title(lines) != "Our favourite crossings"
