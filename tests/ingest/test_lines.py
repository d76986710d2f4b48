"""The learned line classifier of browser copies: shipped weights, numpy inference, and what it changes."""

from __future__ import annotations

import numpy as np
import pytest

from newsbrief.ingest.browser import read_browser_copy
from newsbrief.ingest.lines import LABELS, features, line_model
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
    assert set(refined.body) <= set(found.body)
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


def test_a_caption_credited_to_a_website_is_never_the_headline() -> None:
    from newsbrief.ingest.browser import CopyFields
    from newsbrief.ingest.lines import LineModel

    headline = "Harbour agencies split on the town's new bridge campaign"
    caption = "Posters from the town's new “Cross with care.” campaign. (crosswithcare.org)"
    lines = ["Home", "News > Town", headline, "UPDATED: Tue., Nov. 19, 2019", caption, "By Jane Doe",
             "The town's new bridge campaign has drawn mockery since it was launched on Monday by the council.",
             "Agencies in the harbour said they would have done it differently, and one called it a missed chance."]
    found = CopyFields(body=lines[6:], title=caption, author="Jane Doe", source=None, published=None)
    p = np.tile([0.9, 0.1, 0.0], (len(lines), 1))
    p[4], p[2] = [0.0, 0.0, 1.0], [0.2, 0.0, 0.8]  # the classifier's odds favour the caption
    p[6:] = [0.0, 1.0, 0.0]
    model = LineModel(mean=np.zeros(1), scale=np.ones(1), coef=np.zeros((3, 1)), intercept=np.zeros(3),
                      body_floor=0.3, title_odds=0.5)
    assert model.refine(lines, found, p=p).title == headline
