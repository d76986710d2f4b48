"""The learned line classifier of browser copies: shipped weights, numpy inference, and what it changes."""

from __future__ import annotations

import numpy as np
import pytest

from newsbrief.ingest.browser import read_browser_copy
from newsbrief.ingest.lines import LABELS, LineModel, features, line_model
from stories import STORIES

MENU = ["Home", "World", "Business", "Sport", "Sign in", "Subscribe"]
HEADLINE = "City council votes to expand the northern bus network"
SIDEBAR = ["Most read", "Mayor opens new library in the old town hall", "Rail strike called off after late talks",
           "© 2024 The Example Post. All rights reserved."]


def copy_lines() -> list[str]:
    paragraphs = [p.strip() + "." for p in STORIES[0].split(". ") if p.strip()]
    return [*MENU, HEADLINE, "By Jane Example", "March 3, 2024", *paragraphs, *SIDEBAR]


@pytest.fixture(scope="module")
def model():  # type: ignore[no-untyped-def]
    found = line_model()
    if found is None:
        pytest.fail("the package ships no data/lines.npz (run scripts/train_lines.py)")
    return found


def test_the_weights_fit_the_features(model) -> None:  # type: ignore[no-untyped-def]
    rows = features(copy_lines())
    assert rows.shape == (len(copy_lines()), model.mean.shape[0])
    p = model.probabilities(copy_lines())
    assert p.shape == (len(copy_lines()), len(LABELS)) and np.allclose(p.sum(axis=1), 1.0)


def test_refining_keeps_the_story_and_finds_the_headline(model) -> None:  # type: ignore[no-untyped-def]
    lines = copy_lines()
    found = read_browser_copy(lines)
    assert found is not None
    refined = model.refine(lines, found)
    story = set(lines[len(MENU) + 3:len(lines) - len(SIDEBAR)])
    assert set(refined.body) <= story  # the story's own lines only (a closing line the rule reader left out may return)
    assert refined.title == HEADLINE
    assert not any(line in refined.body for line in MENU + SIDEBAR)
    assert len(" ".join(refined.body).split()) >= 0.9 * len(STORIES[0].split())


def test_a_learned_headline_below_the_story_start_is_not_taken() -> None:
    import numpy as np

    from newsbrief.ingest.browser import CopyFields
    from newsbrief.ingest.lines import LineModel

    lines = ["Home", "Bridge to close for two years", "The council voted to close the bridge.",
             "Engineers will replace its deck.", "Buses will take a detour.", "Traders are worried.",
             "Another story entirely about the weather today", "Privacy"]
    found = CopyFields(body=lines[2:6], title=lines[1], author=None, source=None, published=None)
    model = LineModel(mean=np.zeros(1), scale=np.ones(1), coef=np.zeros((3, 1)), intercept=np.zeros(3),
                      body_floor=0.0, title_odds=0.5)
    p = np.tile([0.5, 0.5, 0.0], (len(lines), 1))
    p[6] = [0.0, 0.0, 1.0]  # the classifier's headline: a teaser below the story
    assert model.refine(lines, found, p=p).title == lines[1]
    p[6], p[1] = [0.5, 0.5, 0.0], [0.0, 0.0, 1.0]  # above the story: taken over the rule reader's none
    untitled = CopyFields(body=lines[2:6], title=None, author=None, source=None, published=None)
    assert model.refine(lines, untitled, p=p).title == lines[1]


def test_the_story_grows_by_the_short_paragraphs_next_to_it_the_classifier_takes_for_body() -> None:
    from newsbrief.ingest.browser import CopyFields
    from newsbrief.ingest.lines import LineModel

    lines = ["Home", "Bridge to close for two years", "Council acts after a decade of rows",
             "The council voted on Tuesday to close the old bridge to cars for two years.",
             "Engineers will replace its deck, and buses will take a detour through the town centre.",
             "Traders on the east bank said they feared for their trade.", "Works start in March",
             "Tags:", "Privacy"]
    found = CopyFields(body=lines[3:6], title=lines[1], author=None, source=None, published=None)
    p = np.tile([0.9, 0.1, 0.0], (len(lines), 1))
    p[3:7] = [0.1, 0.9, 0.0]  # the short closing line is body; "Tags:" and the menu are not
    p[2] = [0.2, 0.8, 0.0]  # the standfirst above the story is taken for body too
    grown = LineModel(mean=np.zeros(1), scale=np.ones(1), coef=np.zeros((3, 1)), intercept=np.zeros(3),
                      body_floor=0.3, title_odds=1.0, grow_odds=0.7)
    assert grown.refine(lines, found, p=p).body == lines[2:7]
    still = LineModel(mean=np.zeros(1), scale=np.ones(1), coef=np.zeros((3, 1)), intercept=np.zeros(3),
                      body_floor=0.3, title_odds=1.0)  # no growth odds: the rule reader's story as it was
    assert still.refine(lines, found, p=p).body == lines[3:6]


def test_the_second_stage_reads_the_first_stages_odds_of_the_neighbours(model) -> None:  # type: ignore[no-untyped-def]
    from newsbrief.ingest.lines import CONTEXT, context

    assert model.second is not None and 0.0 < model.grow_odds <= 1.0
    p = np.tile([0.2, 0.8, 0.0], (12, 1))
    p[0] = [1.0, 0.0, 0.0]
    cols = context(p)
    assert cols.shape == (12, 2 * (2 * CONTEXT + 1) + 3)
    assert cols[1, 2 * (CONTEXT - 1)] == 0.0 and cols[2, 2 * (CONTEXT - 1)] == 0.8  # the line before: its body odds
    rows = features(copy_lines())
    assert model.second[0].shape[0] == rows.shape[1] + cols.shape[1]


def _knobs(*, grow: float = 1.1, odds: float = 0.5):  # type: ignore[no-untyped-def]
    from newsbrief.ingest.lines import LineModel

    return LineModel(mean=np.zeros(1), scale=np.ones(1), coef=np.zeros((3, 1)), intercept=np.zeros(3),
                     body_floor=0.3, title_odds=odds, grow_odds=grow)


FERRY_HEADLINE = "Island commuters split over the new ferry timetable"
FERRY_CAPTION = "Commuters queue for the morning ferry at the north pier. (islandferries.net)"
FERRY = ["The new timetable cuts the early crossing by twenty minutes but drops the last boat back on weekdays.",
         "Commuters who work late on the mainland said they would have to stay overnight twice a week or more."]


def test_a_caption_credited_to_a_website_is_never_the_headline() -> None:
    from newsbrief.ingest.browser import CopyFields

    lines = ["Home", "News > Islands", FERRY_HEADLINE, "UPDATED: Tue., Nov. 19, 2019", FERRY_CAPTION, "By Jane Doe",
             *FERRY]
    found = CopyFields(body=lines[6:], title=FERRY_CAPTION, author="Jane Doe", source=None, published=None)
    p = np.tile([0.9, 0.1, 0.0], (len(lines), 1))
    p[4], p[2] = [0.0, 0.0, 1.0], [0.2, 0.0, 0.8]  # the classifier's odds favour the caption
    p[6:] = [0.0, 1.0, 0.0]
    assert _knobs().refine(lines, found, p=p).title == FERRY_HEADLINE


def test_the_rule_readers_caption_is_no_headline_when_the_classifier_finds_none() -> None:
    from newsbrief.ingest.browser import CopyFields

    lines = ["Home", "News > Islands", FERRY_CAPTION, "By Jane Doe", *FERRY]
    found = CopyFields(body=lines[4:], title=FERRY_CAPTION, author="Jane Doe", source=None, published=None)
    p = np.tile([0.9, 0.1, 0.0], (len(lines), 1))
    p[4:] = [0.0, 1.0, 0.0]  # no line clears the headline odds
    assert _knobs().refine(lines, found, p=p).title is None


def test_a_lede_repeated_as_a_teaser_does_not_move_where_the_story_grows() -> None:
    from newsbrief.ingest.browser import CopyFields

    lede, rest = FERRY
    standfirst, close = "Late boats cut on weekdays", "Boats resume in March."
    teaser = "Harbour dues rise for the second year"
    lines = ["Home", lede, "Privacy", FERRY_HEADLINE, standfirst, lede, rest, close, "Tags:", "More", lede, teaser]
    found = CopyFields(body=[lede, rest], title=FERRY_HEADLINE, author=None, source=None, published=None)
    p = np.tile([0.9, 0.1, 0.0], (len(lines), 1))
    p[[1, 4, 5, 6, 7, 10, 11]] = [0.1, 0.9, 0.0]  # the lede's teaser copies and their neighbours look like body too
    grown = _knobs(grow=0.7, odds=1.0).refine(lines, found, p=p).body
    assert grown == [standfirst, lede, rest, close]


def test_a_foreign_copy_grows_by_its_own_languages_prose() -> None:
    from newsbrief.ingest.browser import CopyFields

    story = ["A prefeitura decidiu fechar a ponte velha aos carros durante dois anos para trocar todo o tabuleiro, "
             "e os ônibus vão fazer um desvio pelo centro da cidade enquanto durarem as obras.",
             "Os comerciantes da margem leste disseram que temem perder clientes, e a prefeitura prometeu um ônibus "
             "gratuito que vai passar a cada dez minutos entre as duas margens do rio."]
    close = "Obras começam em março e devem durar dois anos."  # no English function word: chrome to English eyes
    lines = ["Início", "Notícias", "Ponte velha fecha aos carros", *story, close, "Privacidade"]
    found = CopyFields(body=story, title=lines[2], author=None, source=None, published=None)
    p = np.tile([0.9, 0.1, 0.0], (len(lines), 1))
    p[3:6] = [0.1, 0.9, 0.0]
    assert _knobs(grow=0.7, odds=1.0).refine(lines, found, p=p).body == [*story, close]


def _admitting(admit: float):  # type: ignore[no-untyped-def]
    from newsbrief.ingest.lines import LineModel

    return LineModel(mean=np.zeros(1), scale=np.ones(1), coef=np.zeros((3, 1)), intercept=np.zeros(3),
                     body_floor=0.3, title_odds=1.0, admit_odds=admit)


BRIDGE = ["The council voted on Tuesday to close the old bridge to cars for two years while its deck is replaced.",
          "Engineers said the steel under the road had rusted through in places and could not be patched again.",
          "Traders on the east bank said they feared for their trade, and asked for a free bus across the river.",
          "The council promised a shuttle every ten minutes and a review of parking charges on both banks."]


def test_a_crosshead_and_list_items_the_rule_reader_took_for_chrome_come_back_when_the_classifier_takes_them_for_body(
) -> None:
    from newsbrief.ingest.browser import CopyFields

    crosshead, items = "What changes", ["Bus 12: every ten minutes", "Bus 40: every half hour"]
    lines = ["Home", "Bridge to close for two years", BRIDGE[0], BRIDGE[1], crosshead, BRIDGE[2], *items, BRIDGE[3],
             "Tags", "Privacy"]
    found = CopyFields(body=[BRIDGE[0], BRIDGE[1], BRIDGE[2], BRIDGE[3]], title=lines[1], author=None, source=None,
                       published=None)
    p = np.tile([0.9, 0.1, 0.0], (len(lines), 1))
    p[2:10] = [0.2, 0.8, 0.0]  # "Tags" right after the story looks like body too: it is outside the story's span
    assert _admitting(0.5).refine(lines, found, p=p).body == lines[2:9]
    assert _admitting(0.9).refine(lines, found, p=p).body == found.body  # below the admission odds
    assert _admitting(1.1).refine(lines, found, p=p).body == found.body  # no admission: the rule reader's story


def test_furniture_and_captions_inside_the_story_never_come_back() -> None:
    from newsbrief.ingest.browser import CopyFields

    inside = ["Advertisement", "Share on Facebook", "Commuters at the north pier. (Photo by Jane Doe/Example Images)"]
    lines = ["Home", BRIDGE[0], inside[0], BRIDGE[1], inside[1], BRIDGE[2], inside[2], BRIDGE[3]]
    found = CopyFields(body=BRIDGE, title=None, author=None, source=None, published=None)
    p = np.tile([0.0, 1.0, 0.0], (len(lines), 1))  # the classifier takes every line for body
    assert _admitting(0.0).refine(lines, found, p=p).body == BRIDGE


class Counted(str):
    """A line that counts how often it is compared: the work of a pass over a copy, whatever the machine's speed."""

    compared = 0

    def __eq__(self, other: object) -> bool:
        Counted.compared += 1
        return str.__eq__(self, other)

    __hash__ = str.__hash__


def _work(n: int) -> int:
    """Comparisons of lines, and calls of the per-line helpers (the word splitter, the candidate and list label tests,
    in every module of the pass that calls them), made reading a copy of ``n`` story lines with a short line the rule
    reader left out after every second one: features, story span, admission, growth."""
    from newsbrief.ingest import copy_admission
    from newsbrief.ingest import lines as module
    from newsbrief.ingest.browser import CopyFields

    story = [Counted(f"Paragraph {i} of the council's long report on the ferry timetable and its costs, read out at "
                     "the meeting.") for i in range(n)]
    copy = [line for i, line in enumerate(story) for line in ((line, Counted(f"Part {i}")) if i % 2 else (line,))]
    found = CopyFields(body=story, title=None, author=None, source=None, published=None)
    Counted.compared = 0
    calls = 0
    patched = [(where, name, getattr(where, name)) for where in (module, copy_admission)
               for name in ("words", "candidate", "list_label") if hasattr(where, name)]

    def counting(helper):  # type: ignore[no-untyped-def]
        def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
            nonlocal calls
            calls += 1
            return helper(*args, **kwargs)
        return counted

    for where, name, helper in patched:
        setattr(where, name, counting(helper))
    try:
        module.features(copy, rule=found)
        p = np.tile([0.1, 0.9, 0.0], (len(copy), 1))
        body = LineModel(mean=np.zeros(1), scale=np.ones(1), coef=np.zeros((3, 1)), intercept=np.zeros(3),
                         body_floor=0.3, title_odds=1.0, admit_odds=0.5, grow_odds=0.7).refine(copy, found, p=p).body
    finally:
        for where, name, helper in patched:
            setattr(where, name, helper)
    assert len(patched) == 6 and calls > 0
    assert body == copy[:-1]  # each "Part" line is a crosshead: back; the last follows the story
    return Counted.compared + calls


def test_reading_a_copy_twice_as_long_takes_twice_the_work() -> None:
    small, large = _work(1_000), _work(2_000)
    assert small > 0 and large <= 2.2 * small


HARBOUR = ["The harbour board approved on Monday a rise of a third in ferry fares from April, saying fuel had gone up.",
           "A single crossing for adults will cost four pounds instead of three, while children keep their fares.",
           "Board members said the service had lost money for three years in a row and the reserve was nearly gone.",
           "Commuters on the east quay said the rise would hurt people who cross twice a day to work in the town.",
           "The board said it would look at a weekly pass in the summer and publish the accounts of the service."]


@pytest.mark.parametrize("chrome", [
    ["Comments (12)"], ["Download the app."], ["Report an error"], ["5 min read"], ["Updated 2 hours ago"],
    ["Copy link"], ["Accept all", "Manage settings"], ["10:15"], ["Tomas Ellery", "Advertisement"],
    ["HARBOUR BOARD NAMES NEW CHAIR"],
    ["Pictured: the east quay at dawn"], ["Read more", "Ferry crew vote to strike over rotas"],
    ["More from The Example Ledger", "Ferry crew vote to strike over rotas", "Coast road shut for repairs"],
    ["Ferry crew vote to strike over rotas", "Tomas Ellery", "4 min read"], ["and the pier"],
])
def test_furniture_and_teasers_between_paragraphs_never_come_back_whatever_the_odds(chrome: list[str]) -> None:
    from newsbrief.ingest.browser import CopyFields

    lines = ["Home", *HARBOUR[:2], *chrome, *HARBOUR[2:], "Privacy"]
    found = CopyFields(body=HARBOUR, title=None, author=None, source=None, published=None)
    p = np.tile([0.0, 1.0, 0.0], (len(lines), 1))  # the classifier takes every line for body
    assert _admitting(0.0).refine(lines, found, p=p).body == HARBOUR


@pytest.mark.parametrize("inside", [["What riders say"], ["It's a lot."], ["Bus 12: every ten minutes",
                                                                         "Bus 40: every half hour"]])
def test_a_crosshead_a_short_sentence_and_list_items_come_back(inside: list[str]) -> None:
    from newsbrief.ingest.browser import CopyFields

    lines = ["Home", *HARBOUR[:2], *inside, *HARBOUR[2:], "Privacy"]
    found = CopyFields(body=HARBOUR, title=None, author=None, source=None, published=None)
    p = np.tile([0.0, 1.0, 0.0], (len(lines), 1))
    assert _admitting(0.5).refine(lines, found, p=p).body == [*HARBOUR[:2], *inside, *HARBOUR[2:]]


def test_a_lede_repeated_above_the_headline_keeps_the_admitted_lines_in_the_copys_order() -> None:
    from newsbrief.ingest.browser import CopyFields

    lede, crosshead = HARBOUR[0], "What riders say"
    lines = ["Home", "Top stories", lede, "Harbour ferry fares to rise", lede, "Advertisement", *HARBOUR[1:3],
             crosshead, *HARBOUR[3:], "Most read"]
    found = CopyFields(body=HARBOUR, title=lines[3], author=None, source=None, published=None)
    p = np.tile([0.0, 1.0, 0.0], (len(lines), 1))
    assert _admitting(0.5).refine(lines, found, p=p).body == [*HARBOUR[:3], crosshead, *HARBOUR[3:]]


def test_a_story_line_cleaned_of_its_tweet_label_keeps_its_place_among_the_admitted_lines() -> None:
    from newsbrief.ingest.browser import CopyFields

    crosshead = "What riders say"
    lines = ["Home", HARBOUR[0], HARBOUR[1] + " Click To Tweet", HARBOUR[2], crosshead, *HARBOUR[3:], "Privacy"]
    found = CopyFields(body=HARBOUR, title=None, author=None, source=None, published=None)  # cleaned: no copy line
    p = np.tile([0.0, 1.0, 0.0], (len(lines), 1))
    assert _admitting(0.5).refine(lines, found, p=p).body == [*HARBOUR[:3], crosshead, *HARBOUR[3:]]


def test_the_shipped_weights_give_back_a_crosshead_inside_the_story_and_never_a_comment_count() -> None:
    from newsbrief.ingest.text import parse_page

    crosshead = "What riders say"
    story = [*HARBOUR, "A spokesman for the crew union said its members had not been asked and would meet next week.",
             "The board will vote on the weekly pass in June, after a survey of riders on both quays in May."]
    copy = ["The Example Ledger", "News", "Politics", "Business", "Sport", "Subscribe", "Sign in",
            "Harbour ferry fares to rise by a third in spring", "By Jane Example", "March 14, 2025",
            story[0], "Comments (12)", *story[1:3], crosshead, *story[3:], "Report an error", "Most read",
            "Council to sell old library building", "Storm closes coast road for second day", "Privacy policy",
            "© 2025 The Example Ledger"]
    paragraphs = parse_page("\n".join(copy), article_id="x").text.split("\n\n")
    assert crosshead in paragraphs and paragraphs.index(crosshead) == paragraphs.index(story[3]) - 1
    assert "Comments (12)" not in paragraphs and "Report an error" not in paragraphs
    assert all(line in paragraphs for line in story)


@pytest.mark.parametrize("inside", [
    ["Rising Costs"], ["Public Reaction"], ["The Next Step"], ["What Happens Next"],  # a crosshead in title case
    ["Advertisement", "What riders say"],  # furniture in the crosshead's block
    ["WHAT HAPPENS NEXT", "He declined to comment."],  # a short story line after the crosshead
    ["What happens next", "1. Clear the gutters.", "2. Check the tiles."],  # a list after it
])
def test_a_crosshead_comes_back_in_title_case_next_to_furniture_or_before_a_short_line(inside: list[str]) -> None:
    from newsbrief.ingest.browser import CopyFields

    lines = ["Home", *HARBOUR[:2], *inside, *HARBOUR[2:], "Privacy"]
    found = CopyFields(body=HARBOUR, title=None, author=None, source=None, published=None)
    p = np.tile([0.0, 1.0, 0.0], (len(lines), 1))
    story = [line for line in inside if line != "Advertisement"]
    assert _admitting(0.5).refine(lines, found, p=p).body == [*HARBOUR[:2], *story, *HARBOUR[2:]]


@pytest.mark.parametrize("inside", [
    ["RESULTS:", "LEEDS RANGERS 2 BRISTOL TOWN 1", "EXETER CITY 0 YORK UNITED 3"],  # score rows in capitals
    ["You will need:", "200g plain flour", "2 eggs", "150ml milk"],
])
def test_a_line_ending_in_a_colon_comes_back_with_the_list_under_it(inside: list[str]) -> None:
    from newsbrief.ingest.browser import CopyFields

    lines = ["Home", *HARBOUR[:2], *inside, *HARBOUR[2:], "Privacy"]
    found = CopyFields(body=HARBOUR, title=None, author=None, source=None, published=None)
    p = np.tile([0.0, 1.0, 0.0], (len(lines), 1))
    p[3:3 + len(inside)] = [0.4, 0.6, 0.0]
    p[4] = [0.7, 0.3, 0.0]  # one item the classifier doubts: the list's mean odds decide
    assert _admitting(0.5).refine(lines, found, p=p).body == [*HARBOUR[:2], *inside, *HARBOUR[2:]]
    p[4:3 + len(inside)] = [0.9, 0.1, 0.0]  # the list stays out: so does the line announcing it
    assert _admitting(0.5).refine(lines, found, p=p).body == HARBOUR


def test_a_lone_read_more_between_paragraphs_is_no_list_label_for_the_lines_below() -> None:
    lines = ["Home", *HARBOUR[:2], "Read more", *HARBOUR[2:], "Privacy"]
    labelled = features(lines, rule=read_browser_copy(lines))
    teasers = ["Home", *HARBOUR[:2], "Read more", "Ferry crew vote to strike over rotas",
               "Coast road shut for repairs after the storm", *HARBOUR[2:], "Privacy"]
    from newsbrief.ingest.lines import WINDOW

    column = labelled.shape[1] // (2 * WINDOW + 1) - 1  # a line's own features end on "a list label above it"
    assert not labelled[4:, column].any()
    assert features(teasers, rule=read_browser_copy(teasers))[6:, column].all()
