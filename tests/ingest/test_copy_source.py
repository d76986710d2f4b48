"""The outlet of a browser copy comes from the names its chrome repeats, not from the story or a parent company."""

from __future__ import annotations

import pytest

from copypages import STORY, page
from newsbrief.ingest.copy_candidates import candidate_rows
from newsbrief.ingest.copy_source import source_model
from newsbrief.ingest.sources import agency
from newsbrief.ingest.text import parse_page


@pytest.mark.skipif(source_model() is None, reason="the package ships no copy_source.npz")
@pytest.mark.parametrize("outlet", ["The Harbour Gazette", "Valley Courier", "Northfield Daily Star"])
def test_the_outlet_the_chrome_repeats_is_the_source_not_the_parent_company(outlet: str) -> None:
    article = parse_page(page(outlet, "Example Media Holdings LLC"), article_id="a")
    assert article.source is not None
    assert article.source.removeprefix("The ") == outlet.removeprefix("The ")


@pytest.mark.skipif(source_model() is None, reason="the package ships no copy_source.npz")
def test_a_domain_the_chrome_writes_names_the_outlet_over_the_owner_of_its_network() -> None:
    head = ["Harbour Gazette", "Home", "Markets", "Bridge to close for two years", "By Jane Doe",
            "Last Updated : Nov 20, 2019 01:41 PM IST | Source: HarbourGazette.com"]
    foot = ["Most read", "Network Sites: Valley Courier | Northfield Daily Star | Harbour Gazette",
            "Copyright © Example Eighteen Ltd. Reproduction without written permission of harbourgazette.com is "
            "prohibited."]
    article = parse_page("\n".join(head + STORY + foot), article_id="a")
    assert article.source == "Harbour Gazette"


def test_a_section_or_button_is_never_the_source() -> None:
    import numpy as np

    from newsbrief.ingest.copy_candidates import is_label
    from newsbrief.ingest.copy_source import SourceModel

    assert is_label("Top Stories") and is_label("Home") and is_label("World") and is_label("Sign In")
    assert not is_label("Harbour Gazette") and not is_label("CNN")
    # weights that score the label far above the outlet: the label is still never picked
    ranker = SourceModel(mean=np.zeros(1), scale=np.ones(1), coef=np.array([5.0]), intercept=0.0, floor=0.0)
    names = ["Top Stories", "Harbour Gazette", "Sign In"]
    assert ranker.pick(names, np.array([[3.0], [0.0], [2.0]]), lines=[], body=[])[0] == "Harbour Gazette"
    assert ranker.pick(["Top Stories", "Home"], np.array([[3.0], [0.0]]), lines=[], body=[]) == (None, 0.0)


def _agency_copy(*, site: str, owner: str, agency: str = "Reuters") -> str:
    head = [site, "World", "Business", "Markets", "Sign In", "Bridge to close for two years", "By Jane Doe",
            "November 19, 2019"]
    story = [f"FERROW ({agency}) - " + STORY[0], *STORY[1:]]
    foot = [f"More from {site}", f"Contact {site}", f"© 2019 {owner}. All rights reserved."]
    return "\n".join(head + story + foot)


@pytest.mark.parametrize("ranked", [True, False])
def test_an_agencys_own_site_is_the_source_when_its_chrome_names_the_agency(ranked: bool,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    import newsbrief.ingest.copy_source as copy_source

    if not ranked:
        monkeypatch.setattr(copy_source, "source_model", lambda: None)  # the package without copy_source.npz
    elif source_model() is None:
        pytest.skip("the package ships no copy_source.npz")
    own = parse_page(_agency_copy(site="Reuters", owner="Reuters"), article_id="a")
    assert (own.source, own.wire) == ("Reuters", None)
    written = parse_page(_agency_copy(site="Reuters", owner="Reuters").replace("Contact Reuters", "reuters.com"),
                         article_id="a")
    assert written.source == "Reuters"
    member = parse_page(_agency_copy(site="Harbour Gazette", owner="Harbour Gazette Co."), article_id="a")
    assert (member.source, member.wire) == ("Harbour Gazette", "Reuters")


def test_an_agency_is_the_copys_own_only_when_its_copyright_and_its_chrome_both_name_it() -> None:
    from newsbrief.ingest.copy_source import agency_site

    lines = _agency_copy(site="Reuters", owner="Reuters").split("\n")
    body = lines[8:12]
    assert agency_site("Reuters", lines, body=body)
    assert not agency_site("Reuters", [line for line in lines if not line.startswith("©")], body=body)
    # a member page that carries the agency's copyright notice under the story, and its own site's chrome
    member = _agency_copy(site="Harbour Gazette", owner="Reuters").split("\n")
    assert not agency_site("Reuters", member, body=body)
    # an agency named in the story only is no site
    assert not agency_site("Reuters", [*body, "© 2019 Reuters. All rights reserved."], body=body)


def test_the_sites_note_about_itself_names_the_outlet_over_its_parent_company() -> None:
    from newsbrief.ingest.copy_candidates import own_name

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


@pytest.mark.parametrize("name", ["The Guardian", "Guardian", "the Guardian", "Reuters", "The Reuters"])
def test_a_known_outlet_is_known_with_or_without_a_leading_the(name: str) -> None:
    from newsbrief.ingest.names import is_outlet

    assert is_outlet(name)
    assert not is_outlet(name.replace("Guardian", "Harbour Gazette").replace("Reuters", "Valley Courier"))


def test_a_parent_company_is_no_fallback_source_when_the_ranker_names_none() -> None:
    from newsbrief.ingest.copy_source import fallback

    assert fallback("Example Communications") is None
    assert fallback("Ferrow Media Group") is None
    assert fallback("Valley Courier") == "Valley Courier"
    assert fallback(None) is None


@pytest.mark.parametrize("agency", ["The Associated Press", "Associated Press", "Reuters", "AFP"])
def test_a_news_agency_is_no_fallback_source_a_member_site_runs_its_copy_under_its_own_name(agency: str) -> None:
    from newsbrief.ingest.copy_source import fallback

    assert fallback(agency) is None


@pytest.mark.parametrize("outlet", ["Digital Harbor Journal", "Harbor Network News", "Ferrow Broadcasting",
                                    "Ferrow Times Co.", "The Ferrow Media Herald", "Lakeside Herald Company",
                                    "Harbor Tribune, Inc.", "Ferrow Broadcasting Corporation", "Harbor Post Co. Ltd"])
def test_an_outlet_with_a_company_word_in_its_name_stays_the_fallback_source(outlet: str) -> None:
    from newsbrief.ingest.copy_source import fallback

    assert fallback(outlet) == outlet


@pytest.mark.parametrize("owner", ["Ferrow Digital", "Harbor Holdings LLC", "Ferrow Network", "Harbor Media Co.",
                                   "Harbor News Corp", "Ferrow Media Group", "Lakeside Tribune Publishing",
                                   "Harbor Times Media Group", "Ferrow Broadcast Group", "Ferrow Broadcasting Group",
                                   "Lakeside Star Media Group", "Harbor Sun Media Corporation", "Harbor Radio Holdings",
                                   "Ferrow Guardian Media Group", "Lakeside Post Holdings"])
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


@pytest.mark.skipif(source_model() is None, reason="the package ships no copy_source.npz")
def test_an_agency_named_by_the_storys_wire_dateline_is_the_wire_not_the_outlet_in_any_of_its_names() -> None:
    ranker = source_model()
    assert ranker is not None
    story = ["FERROW (AP) — " + STORY[0], *STORY[1:]]
    lines = ["Associated Press", "Bridge to close for two years", "By Jane Doe", *story, "Most read",
             "© 2019 The Associated Press. All rights reserved."]
    _, wholes, rows = candidate_rows(lines, body=story, rule="The Associated Press")
    given = ranker.source(lines, body=story, rule="The Associated Press", candidates=(wholes, rows))
    assert given is None  # a member site's page hosted by the agency: not the agency's name, and no guess


@pytest.mark.parametrize("link", ["More from AP", "AP Newsletters"])
def test_an_agency_notice_under_the_story_and_its_links_make_no_agency_site(link: str) -> None:
    """A member page without a site name runs the agency's story with the agency's notice right under it and the
    agency's links beside it: the agency is the wire, not the outlet, and never both."""
    story = ["EXAMPLEVILLE (AP) — " + STORY[0], *STORY[1:]]
    head = ["Home", "News", "Sports", "Sign In", "Bridge to close for two years", "By Jane Doe", "November 19, 2019"]
    notice = "Copyright 2019 The Associated Press. All rights reserved."
    found = parse_page("\n".join([*head, *story, notice, link, "Storm hits coast", "Bridge reopens"]), article_id="a")
    assert (found.source, found.wire) == (None, "AP")


def test_an_agencys_own_page_names_no_wire_in_another_form_of_its_name() -> None:
    story = ["EXAMPLEVILLE (AP) — " + STORY[0], *STORY[1:]]
    lines = ["AP News", "World", "Business", "Sign In", "Bridge to close for two years", "By Jane Doe",
             "November 19, 2019", *story, "Most read", "Storm hits coast", "More from AP", "Contact AP",
             "apnews.com", "Copyright 2019 The Associated Press. All rights reserved."]
    found = parse_page("\n".join(lines), article_id="a")
    assert found.source is not None and agency(found.source) == "AP" and found.wire is None


def test_a_parent_company_is_never_the_pick_however_high_it_scores() -> None:
    import numpy as np

    from newsbrief.ingest.copy_candidates import N_FEATURES
    from newsbrief.ingest.copy_source import SourceModel

    coef = np.zeros(N_FEATURES)
    coef[1] = 1.0
    ranker = SourceModel(mean=np.zeros(N_FEATURES), scale=np.ones(N_FEATURES), coef=coef, intercept=-5.0, floor=0.0)
    rows = np.zeros((3, N_FEATURES))
    rows[:, 1] = [9.0, 8.0, 1.0]
    name, _ = ranker.pick(["Northwind Media Group", "Harbour Gazette", "Weather"], rows, lines=[], body=[])
    assert name == "Harbour Gazette"


def test_a_copy_naming_its_outlet_only_by_its_domain_gets_the_domain_when_the_ranker_abstains() -> None:
    import numpy as np

    from newsbrief.ingest.copy_candidates import N_FEATURES
    from newsbrief.ingest.copy_source import SourceModel

    abstains = SourceModel(mean=np.zeros(N_FEATURES), scale=np.ones(N_FEATURES), coef=np.zeros(N_FEATURES),
                           intercept=50.0, floor=0.5)
    lines = ["Home", "Rowing", "Spring regatta results", *STORY, "Results desk: results@meadowrowing.com",
             "Site by Example Studio", "meadowrowing.com/regatta/spring-eights"]
    assert abstains.source(lines, body=STORY, rule=None) == "Meadowrowing"
    assert abstains.source(lines, body=STORY, rule="Valley Courier") == "Valley Courier"  # the rule reader's first
    wire = ["Home", *STORY, "© apnews.com 2019"]
    assert abstains.source(wire, body=STORY, rule=None) is None  # never an agency's domain


@pytest.mark.skipif(source_model() is None, reason="the package ships no copy_source.npz")
@pytest.mark.parametrize(("outlet", "owner"), [("Harbour News Network", "Example Holdings LLC"),
                                               ("Valley Public Media", "Example Holdings LLC"),
                                               ("Harbour Sports Network", "Example Holdings LLC"),
                                               ("Northfield Digital", None)])
def test_an_outlet_ending_in_network_media_or_digital_is_the_pick_not_a_parent_company(outlet: str,
                                                                                       owner: str | None) -> None:
    assert parse_page(page(outlet, owner or outlet), article_id="a").source == outlet


@pytest.mark.parametrize("outlet", ["Harbor Radio Network", "Valley Public Media", "Harbour News Network"])
def test_a_news_word_before_network_or_media_is_an_outlet_in_the_fallback_too(outlet: str) -> None:
    from newsbrief.ingest.copy_source import fallback

    assert fallback(outlet) == outlet


@pytest.mark.parametrize("rule", ["Powered by Example Platform", "Site by Example Studio", "Example WordPress Themes"])
def test_a_platform_credit_from_the_rule_reader_is_no_fallback_source(rule: str) -> None:
    from newsbrief.ingest.copy_source import fallback

    assert fallback(rule) is None


def test_the_domain_and_tld_forms_agree_across_the_readers() -> None:
    from newsbrief.ingest.copy_source import fallback
    from newsbrief.ingest.sources import tidy

    assert fallback("example-daily.com") == "Example-daily"
    assert tidy("Harbourgazette.de") == tidy("Harbourgazette.com") == "Harbourgazette"


@pytest.mark.parametrize(("company", "outlet"), [("Subscriber Services", "Harbour Gazette"),
                                                 ("Northwind Partners", "Harbour Gazette"),
                                                 ("Northwind Media", "Harbour Hounds"),
                                                 ("Northwind Digital", "Harbour Hounds")])
def test_a_company_name_only_the_footer_writes_is_never_the_pick(company: str, outlet: str) -> None:
    import numpy as np

    from newsbrief.ingest.copy_candidates import N_FEATURES
    from newsbrief.ingest.copy_source import SourceModel

    coef = np.zeros(N_FEATURES)
    coef[1] = 1.0
    ranker = SourceModel(mean=np.zeros(N_FEATURES), scale=np.ones(N_FEATURES), coef=coef, intercept=-5.0, floor=0.0)
    rows = np.zeros((2, N_FEATURES))
    rows[:, 1] = [9.0, 8.0]
    lines = ["Skip to main content", outlet, "Home", "News", "Bridge to close for two years", *STORY,
             f"More from {outlet}", company, f"About {company}", f"Jobs @ {company}", "Privacy policy",
             f"© 2019 {company}, LLC. All Rights Reserved"]
    assert ranker.pick([company, outlet], rows, lines=lines, body=STORY)[0] == outlet
