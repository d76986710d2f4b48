"""The candidates for a copy's outlet: the names its chrome repeats, with features of where and how they occur."""

from __future__ import annotations

import numpy as np
import pytest

from copypages import STORY, page
from newsbrief.ingest.copy_candidates import candidate_rows


def test_names_only_in_the_story_are_no_candidates() -> None:
    names, _, rows = candidate_rows(page("Valley Courier", "Valley Courier").split("\n"), body=STORY, rule=None)
    assert "Valley Courier" in names
    assert "Riverside Traders Association" not in names
    assert rows.shape[0] == len(names)


def test_domains_are_matched_to_names_by_their_letters_not_by_a_short_label_inside_a_word() -> None:
    from newsbrief.ingest.copy_candidates import Domains

    domains = Domains()
    for line in ("Source: Moneycontrol.com", "Network sites: In.com | Firstpost",
                 "© 2019 All rights reserved. Reproduction without permission of moneycontrol.com is prohibited."):
        domains.add(line)
    assert domains.agreeing("Moneycontrol") == (2, True)
    assert domains.agreeing("HomeNewsBusinessMarkets") == (0, False)
    assert domains.agreeing("Firstpost") == (0, False)


def test_the_software_that_made_the_site_and_a_street_address_are_no_candidates() -> None:
    lines = page("Valley Courier", "Valley Courier").split("\n") + [
        "Powered by Example Press VIP", "Valley Courier, 11 West 42nd Street, 15th Floor"]
    names, _, _ = candidate_rows(lines, body=STORY, rule=None)
    assert "Valley Courier" in names
    assert not any("Example Press" in name or "Street" in name or "Floor" in name for name in names)


def test_the_affiliate_programme_a_blog_discloses_is_no_candidate() -> None:
    lines = page("Valley Courier", "Valley Courier").split("\n") + [
        "We are a participant in the Example Services LLC Associates Program, an affiliate advertising program."]
    names, _, _ = candidate_rows(lines, body=STORY, rule=None)
    assert "Valley Courier" in names
    assert not any(name.startswith("Example Services") for name in names)


def test_a_common_word_written_in_lowercase_elsewhere_is_told_by_a_feature() -> None:
    from newsbrief.ingest.copy_candidates import FEATURES, N_FEATURES

    lines = page("Valley Courier", "Valley Courier").split("\n") + ["Send", "Send us your news: send a tip today."]
    names, _, rows = candidate_rows(lines, body=STORY, rule=None)
    assert rows.shape[1] == N_FEATURES
    lowercase = rows[:, FEATURES.index("written in lowercase")]
    assert lowercase[names.index("Send")] > 0 and lowercase[names.index("Valley Courier")] == 0


def test_a_channel_number_is_part_of_the_name_it_follows() -> None:
    lines = page("Valley Courier", "Valley Courier").split("\n") + ["KVLY 7 Investigates", "KVLY 7 Responds"]
    names, _, _ = candidate_rows(lines, body=STORY, rule=None)
    assert "KVLY 7" in names
    assert "7" not in names


def test_a_link_with_its_verb_is_never_the_outlet_but_the_name_in_it_may_be() -> None:
    from newsbrief.ingest.copy_candidates import is_label

    assert is_label("Contact Valley Courier") and is_label("Subscribe Harbour Gazette")
    assert not is_label("Valley Courier")


def test_the_rule_readers_source_counts_as_a_feature_only_when_it_is_a_known_outlet() -> None:
    lines = page("Valley Courier", "Reuters").split("\n")
    _, _, plain = candidate_rows(lines, body=STORY, rule=None)
    _, _, unknown = candidate_rows(lines, body=STORY, rule="Valley Courier")  # a copyright owner, say
    _, _, known = candidate_rows(lines, body=STORY, rule="Reuters")

    def changed(rows: np.ndarray) -> set[int]:  # the feature columns that differ from the plain run
        return {int(j) for j in (rows != plain).any(axis=0).nonzero()[0]}

    assert len(changed(unknown)) == 1  # only "the rule's name holds this one"
    assert len(changed(known)) == 2  # and "this one is the rule's known outlet"


@pytest.mark.parametrize("link", ["Contact", "About", "Follow", "Subscribe to", "Sign up for", "Join", "Advertise",
                                  "Download", "Get", "Watch", "Listen to", "Talk to", "Support", "Visit", "Email",
                                  "Read", "Share", "Trust", "More from", "Welcome to", "Back to", "Source:", "Via"])
def test_a_name_after_a_links_verb_counts_as_named_after_a_link(link: str) -> None:
    lines = page("Valley Courier", "Valley Courier").split("\n")
    plain = [line for line in lines if "Valley Courier" not in line or line == "Valley Courier"]
    assert column(plain, "after a link's verb")["Valley Courier"] == 0
    assert column([*plain, f"{link} Harbour Gazette"], "after a link's verb")["Harbour Gazette"] > 0
    assert column([*plain, "Residents of Harbour Gazette"], "after a link's verb")["Harbour Gazette"] == 0


def column(lines: list[str], feature: str) -> dict[str, float]:
    """One feature of every candidate of a copy, by name."""
    from newsbrief.ingest.copy_candidates import FEATURES

    names, _, rows = candidate_rows(lines, body=STORY, rule=None)
    return dict(zip(names, rows[:, FEATURES.index(feature)].tolist(), strict=True))


@pytest.mark.parametrize("label", ["All Rights Reserved", "Privacy Policy", "Terms of Use", "Copyright",
                                   "Legal Notice", "Cookie Policy"])
def test_a_footers_legal_links_are_never_the_outlet(label: str) -> None:
    from newsbrief.ingest.copy_candidates import is_label

    assert is_label(label)
    assert not is_label("Valley Courier") and not is_label("Harbour Legal Times")


@pytest.mark.parametrize("outlet", ["Policy Watch", "Legal News Today", "Privacy Matters", "Terms Weekly"])
def test_an_outlet_with_a_legal_word_among_others_is_no_label_and_beats_the_parent_company(outlet: str) -> None:
    from newsbrief.ingest.copy_candidates import is_label
    from newsbrief.ingest.copy_source import source_model
    from newsbrief.ingest.text import parse_page

    assert not is_label(outlet)
    lines = page(outlet, "Northwind Media Group").split("\n")
    _, wholes, _ = candidate_rows(lines, body=STORY, rule=None)
    assert outlet in wholes  # a candidate the ranker may pick
    assert source_model() is not None, "the package ships copy_source.npz"
    assert parse_page("\n".join(lines), article_id="a").source == outlet


def test_the_software_and_themes_a_site_is_made_with_are_no_candidates() -> None:
    lines = page("Valley Courier", "Valley Courier").split("\n") + [
        "Download Premium WordPress Themes Free", "Crafted with by Ferrowstudio | Designed by Example Ltd",
        "Free Blogger Templates"]
    names, _, _ = candidate_rows(lines, body=STORY, rule=None)
    assert "Valley Courier" in names
    assert not any(word in name for name in names for word in ("WordPress", "Themes", "Ferrowstudio", "Blogger"))


def test_a_dropped_programme_name_is_never_the_whole_form_of_a_name_inside_it() -> None:
    note = ("We are a participant in the Ferrow Services LLC Associates Program, an affiliate advertising program "
            "designed to provide a means for us to earn fees by linking to Ferrow.com and affiliated sites.")
    names, wholes, _ = candidate_rows([*page("Valley Courier", "Valley Courier").split("\n"), note], body=STORY,
                                      rule=None)
    i = next(i for i, name in enumerate(names) if name in ("Ferrow", "Ferrow.com"))
    assert "Services" not in wholes[i]


def test_a_known_outlets_name_the_page_also_writes_as_a_common_word_is_not_known() -> None:
    lines = page("Valley Courier", "Valley Courier").split("\n") + ["Fortune", "Spin the wheel"]
    assert column(lines, "a known outlet")["Fortune"] == 1.0
    assert column([*lines, "A stroke of fortune for the traders."], "a known outlet")["Fortune"] == 0.0
    # a domain or a handle is no common word
    assert column([*lines, "Follow @fortune and fortune.com"], "a known outlet")["Fortune"] == 1.0


def test_a_note_about_the_author_names_the_outlet_she_writes_for_not_the_ones_she_wrote_for() -> None:
    lines = page("Valley Courier", "Valley Courier").split("\n") + [
        "Jane Doe is a staff writer at Valley Courier covering the council. She was formerly an editor at Harbour "
        "Gazette.", "John Roe covers courts for Northfield Star and has covered the tech industry at Lakeside Wire."]
    note = column(lines, "a note about the author")
    assert note["Valley Courier"] > 0 and note["Northfield Star"] > 0
    assert note["Harbour Gazette"] == 0 and note["Lakeside Wire"] == 0


def test_back_to_and_continue_to_name_the_site() -> None:
    from newsbrief.ingest.copy_candidates import BEFORE

    assert BEFORE.search("Back to ") and BEFORE.search("Continue to ") and BEFORE.search("Return to the ")
    assert not BEFORE.search("The council voted to ")
