"""A browser copy's byline is a person's name, never a button, link or section label near the date line."""

from __future__ import annotations

import pytest

from newsbrief.ingest.browser import _find_author, _name_like


@pytest.mark.parametrize("label", ["Sign In", "SIGN IN", "Email Me", "Site Tools", "Learn More", "Subscribe Now",
                                   "Watch CBSN Live", "CNBC TV", "All Stocks", "The Reporters", "Facts First"])
def test_widget_labels_are_no_names(label: str) -> None:
    assert not _name_like(label)


@pytest.mark.parametrize("name", ["Mark Di Stefano", "Natasha Turak", "Jean de la Fontaine",
                                  "Meg Kinnard and Errin Haines"])
def test_names_are_names(name: str) -> None:
    assert _name_like(name)


def test_a_bare_name_line_is_the_byline_but_a_label_is_not() -> None:
    assert _find_author(["Site Tools", "Nov. 19, 2019", "Mark Di Stefano"]) == "Mark Di Stefano"
    assert _find_author(["Site Tools", "Nov. 19, 2019"]) is None
    assert _find_author(["By", "SIGN IN"]) is None


@pytest.mark.parametrize("line", ["Media playback is unsupported on your device", "Show more sharing options",
                                  "These are external links and will open in a new window",
                                  "you are here: HomeNewsBusinessMarkets"])
def test_interface_sentences_are_no_headlines(line: str) -> None:
    from newsbrief.ingest.browser import _title_like

    assert not _title_like(line, None)
    assert _title_like("Sweden drops rape investigation into Julian Assange", None)


def test_share_buttons_and_welcome_pages_are_no_headlines() -> None:
    from newsbrief.ingest.browser import _title_like

    assert not _title_like("Facebook Twitter Email LinkedIn Reddit Pinterest", None)
    assert not _title_like("Welcome to The Example Network's European Union Experience", None)
