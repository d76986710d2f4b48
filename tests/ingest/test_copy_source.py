"""The outlet of a browser copy comes from the names its chrome repeats, not from the story or a parent company."""

from __future__ import annotations

import numpy as np
import pytest

from newsbrief.ingest.copy_source import candidate_rows, source_model
from newsbrief.ingest.text import parse_page

STORY = [
    "The council voted on Tuesday to close the old bridge to cars for two years while engineers replace its deck, "
    "a decision that residents of both banks have argued about for most of the past decade.",
    "Supporters said the work could not wait any longer, and that a temporary footbridge would keep the markets "
    "on either side within a short walk of each other for the whole of the closure.",
    "Opponents said the council had not shown how buses would cross the river, and asked for the vote to be put "
    "off until a study of the detours was published and the traders had been heard.",
    "The Riverside Traders Association said it would ask the court to review the decision before the end of the "
    "month, when the first lane is due to close.",
]


def page(outlet: str, owner: str) -> str:
    head = [outlet, "Home", "News", "Sport", "Weather", "Sign In", f"About {outlet}", "Bridge to close for two years",
            "By Jane Doe", "Published November 19, 2019"]
    foot = ["Most read", "Council budget approved", f"{outlet} Newsletters", f"Contact {outlet}", "Privacy policy",
            f"© 2019 {owner}. All rights reserved."]
    return "\n".join(head + STORY + foot)


@pytest.mark.skipif(source_model() is None, reason="the package ships no copy_source.npz")
@pytest.mark.parametrize("outlet", ["The Harbour Gazette", "Valley Courier", "Northfield Daily Star"])
def test_the_outlet_the_chrome_repeats_is_the_source_not_the_parent_company(outlet: str) -> None:
    article = parse_page(page(outlet, "Example Media Holdings LLC"), article_id="a")
    assert article.source is not None
    assert article.source.removeprefix("The ") == outlet.removeprefix("The ")


def test_names_only_in_the_story_are_no_candidates() -> None:
    names, _, rows = candidate_rows(page("Valley Courier", "Valley Courier").split("\n"), body=STORY, rule=None)
    assert "Valley Courier" in names
    assert "Riverside Traders Association" not in names
    assert rows.shape[0] == len(names)


@pytest.mark.skipif(source_model() is None, reason="the package ships no copy_source.npz")
def test_a_domain_the_chrome_writes_names_the_outlet_over_the_owner_of_its_network() -> None:
    head = ["Harbour Gazette", "Home", "Markets", "Bridge to close for two years", "By Jane Doe",
            "Last Updated : Nov 20, 2019 01:41 PM IST | Source: HarbourGazette.com"]
    foot = ["Most read", "Network Sites: Valley Courier | Northfield Daily Star | Harbour Gazette",
            "Copyright © Example Eighteen Ltd. Reproduction without written permission of harbourgazette.com is "
            "prohibited."]
    article = parse_page("\n".join(head + STORY + foot), article_id="a")
    assert article.source == "Harbour Gazette"


def test_domains_are_matched_to_names_by_their_letters_not_by_a_short_label_inside_a_word() -> None:
    from newsbrief.ingest.copy_source import Domains

    domains = Domains()
    for line in ("Source: Moneycontrol.com", "Network sites: In.com | Firstpost",
                 "© 2019 All rights reserved. Reproduction without permission of moneycontrol.com is prohibited."):
        domains.add(line)
    assert domains.agreeing("Moneycontrol") == (2, True)
    assert domains.agreeing("HomeNewsBusinessMarkets") == (0, False)
    assert domains.agreeing("Firstpost") == (0, False)


@pytest.mark.skipif(source_model() is None, reason="the package ships no copy_source.npz")
def test_a_section_or_button_is_never_the_source() -> None:
    from newsbrief.ingest.copy_source import _label

    assert _label("Top Stories") and _label("Home") and _label("World") and _label("Sign In")
    assert not _label("Harbour Gazette") and not _label("CNN")


def test_the_sites_note_about_itself_names_the_outlet_over_its_parent_company() -> None:
    from newsbrief.ingest.copy_source import own_name

    for note in ("Harbour Gazette is part of Example Media Inc, an international media group and leading publisher.",
                 "Harbour Gazette is supported by its audience. When you purchase through links we may earn a fee.",
                 "Harbour Gazette may earn an affiliate commission when you buy through links on our site."):
        lines = ["Home", "News", "Sport", "Weather", "Sign In", "Bridge to close for two years", "By Jane Doe",
                 "Published November 19, 2019", *STORY, "Most read", "Council budget approved", note,
                 "© 2019 Example Media Inc. All rights reserved."]
        assert own_name(lines, body=STORY) == "Harbour Gazette"
        assert parse_page("\n".join(lines), article_id="a").source == "Harbour Gazette"
    assert own_name(["Jane Doe is part of the team covering the council.", *STORY], body=STORY) is None
    assert own_name(["He is part of Example Media Inc.", *STORY], body=STORY) is None


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
    from newsbrief.ingest.copy_source import N_FEATURES

    lines = page("Valley Courier", "Valley Courier").split("\n") + ["Send", "Send us your news: send a tip today."]
    names, _, rows = candidate_rows(lines, body=STORY, rule=None)
    assert rows.shape[1] == N_FEATURES
    lowercase = rows[:, N_FEATURES - 2]
    assert lowercase[names.index("Send")] > 0 and lowercase[names.index("Valley Courier")] == 0


def test_a_channel_number_is_part_of_the_name_it_follows() -> None:
    lines = page("Valley Courier", "Valley Courier").split("\n") + ["KVLY 7 Investigates", "KVLY 7 Responds"]
    names, _, _ = candidate_rows(lines, body=STORY, rule=None)
    assert "KVLY 7" in names
    assert "7" not in names


def test_a_known_outlet_at_the_end_of_another_name_in_a_sentence_is_not_named_by_the_chrome() -> None:
    from newsbrief.ingest.names import outlet_in

    assert outlet_in(["Ferrow school cook wins a car on the quiz show Spin of Fortune"]) is None
    assert outlet_in(["Subscribe to Fortune", "More on Fortune"]) == "Fortune"


@pytest.mark.parametrize(("line", "outlet"), [("Best of Fortune", "Fortune"),
                                              ("Editor of The Guardian", "The Guardian"),
                                              ("Part of The Guardian Media Group", "The Guardian")])
def test_x_of_an_outlet_at_the_line_start_is_the_chromes_own_and_names_it(line: str, outlet: str) -> None:
    from newsbrief.ingest.names import outlet_in

    assert outlet_in([line]) == outlet


def test_a_link_with_its_verb_is_never_the_outlet_but_the_name_in_it_may_be() -> None:
    from newsbrief.ingest.copy_source import _label

    assert _label("Contact Valley Courier") and _label("Subscribe Harbour Gazette")
    assert not _label("Valley Courier")


def test_the_rule_readers_source_counts_as_a_feature_only_when_it_is_a_known_outlet() -> None:
    lines = page("Valley Courier", "Reuters").split("\n")
    _, _, plain = candidate_rows(lines, body=STORY, rule=None)
    _, _, unknown = candidate_rows(lines, body=STORY, rule="Valley Courier")  # a copyright owner, say
    _, _, known = candidate_rows(lines, body=STORY, rule="Reuters")

    def changed(rows: np.ndarray) -> set[int]:  # the feature columns that differ from the plain run
        return {int(j) for j in (rows != plain).any(axis=0).nonzero()[0]}

    assert len(changed(unknown)) == 1  # only "the rule's name holds this one"
    assert len(changed(known)) == 2  # and "this one is the rule's known outlet"


@pytest.mark.parametrize("name", ["The Guardian", "Guardian", "the Guardian", "Reuters", "The Reuters"])
def test_a_known_outlet_is_known_with_or_without_a_leading_the(name: str) -> None:
    from newsbrief.ingest.names import is_outlet

    assert is_outlet(name)
    assert not is_outlet(name.replace("Guardian", "Harbour Gazette").replace("Reuters", "Valley Courier"))


def test_every_link_verb_counts_before_a_name() -> None:
    from newsbrief.ingest.copy_source import ACTION, BEFORE

    assert all(BEFORE.search(f"{verb.capitalize()} ") for verb in ACTION)
    assert BEFORE.search("Sign up for the ") and BEFORE.search("Subscribe to ") and BEFORE.search("More from ")
    assert not BEFORE.search("The mayor of ")


def test_a_parent_company_is_no_fallback_source_when_the_ranker_names_none() -> None:
    from newsbrief.ingest.copy_source import fallback

    assert fallback("Example Communications") is None
    assert fallback("Ferrow Media Group") is None
    assert fallback("Valley Courier") == "Valley Courier"
    assert fallback(None) is None


@pytest.mark.parametrize("outlet", ["Digital Harbor Journal", "Harbor Network News", "Ferrow Broadcasting",
                                    "Ferrow Times Co.", "The Ferrow Media Herald"])
def test_an_outlet_with_a_company_word_in_its_name_stays_the_fallback_source(outlet: str) -> None:
    from newsbrief.ingest.copy_source import fallback

    assert fallback(outlet) == outlet


@pytest.mark.parametrize("owner", ["Ferrow Digital", "Harbor Holdings LLC", "Ferrow Network", "Harbor Media Co."])
def test_a_name_ending_in_a_company_word_without_a_news_word_is_a_parent_company(owner: str) -> None:
    from newsbrief.ingest.copy_source import fallback

    assert fallback(owner) is None


def test_without_shipped_weights_a_parent_company_is_no_source_either(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsbrief.ingest.copy_source as copy_source

    monkeypatch.setattr(copy_source, "source_model", lambda: None)  # the package without copy_source.npz
    article = parse_page(page("Valley Courier", "Example Media Holdings LLC"), article_id="a")
    assert article.source is None
    note = "Valley Courier is part of Example Media Holdings LLC, a regional media group."
    article = parse_page(page("Valley Courier", "Example Media Holdings LLC") + "\n" + note, article_id="a")
    assert article.source == "Valley Courier"


@pytest.mark.skipif(source_model() is None, reason="the package ships no copy_source.npz")
def test_the_source_from_candidates_computed_once_is_the_source_the_product_gives() -> None:
    ranker = source_model()
    assert ranker is not None
    note = "Valley Courier is part of Example Media Holdings LLC, a regional media group."
    for text in (page("Valley Courier", "Example Media Holdings LLC"), page("Harbor Ledger", "Ferrow Media Group"),
                 page("Harbor Ledger", "Ferrow Media Group") + "\n" + note):
        lines = text.split("\n")
        _, wholes, rows = candidate_rows(lines, body=STORY, rule="Ferrow Media Group")
        given = ranker.source(lines, body=STORY, rule="Ferrow Media Group", candidates=(wholes, rows))
        assert given == ranker.source(lines, body=STORY, rule="Ferrow Media Group")
    assert given == "Valley Courier"  # the site's note about itself comes first, candidates given or not
