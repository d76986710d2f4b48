"""A name ending in a company word: the outlet when the page writes it as its own, else only its parent company;
one rule for the ranker's pick, the fallback and the last resort. Every copy here is invented."""

from __future__ import annotations

import pytest

from copypages import STORY, page
from newsbrief.ingest.copy_parent import only_parent, parent_company, written_as_own
from newsbrief.ingest.text import parse_page

HEAD = ["Home", "News", "Sport", "Weather", "Sign In", "Bridge to close for two years", "By Jane Doe",
        "Published November 19, 2019"]
HOUNDS = ["Skip to main content", "Harbour Hounds", "Home", "News", "Sport", "Sign In",
          "Bridge to close for two years", "By Jane Doe", "Published November 19, 2019"]
COMPANY_OUTLETS = ["Harbour Media Group", "Lakeside News Group", "Valley Public Media Group",
                   "Ferrow Broadcasting Group", "Harbour Interactive", "Valley News Services", "Harbour Publishing",
                   "Northwind Media Partners", "Harbour Newspapers", "Ferrow Communications", "Northfield Digital",
                   "Harbour Sports Network"]


def _copy(head: list[str], foot: list[str]) -> str:
    return "\n".join(head + STORY + foot)


@pytest.mark.parametrize("outlet", COMPANY_OUTLETS)
def test_an_outlet_whose_name_ends_in_a_company_word_keeps_its_whole_name(outlet: str) -> None:
    assert parse_page(page(outlet, outlet), article_id="a").source == outlet


@pytest.mark.parametrize("outlet", [o for o in COMPANY_OUTLETS if o not in ("Harbour Sports Network",)])
def test_a_company_name_another_companys_notice_owns_is_left_empty_never_cut_short(outlet: str) -> None:
    # the page does not make the name its own (its notice is a holding's): no source, rather than a shortened name
    # or a parent company ("Subscriber Services" in a menu and a footer has the same shape)
    assert parse_page(page(outlet, "Example Holdings LLC"), article_id="a").source is None


@pytest.mark.parametrize(("company", "notice"), [("Northwind Media", "Northwind Media, LLC"),
                                                 ("Northwind Digital", "Northwind Digital Inc.")])
@pytest.mark.parametrize("footer", [True, False])
def test_a_parent_company_in_the_footer_of_another_outlets_site_is_never_the_source(company: str, notice: str,
                                                                                     footer: bool) -> None:
    more = ["More from Harbour Hounds", company, f"About {company}", f"Jobs @ {company}"] if footer else []
    source = parse_page(_copy(HOUNDS, [*more, "Privacy policy", f"© 2019 {notice}. All Rights Reserved"]),
                        article_id="a").source
    assert source in {"Harbour Hounds", None}


def test_a_parent_companys_notice_is_never_cut_to_a_shorter_name() -> None:
    source = parse_page(_copy(HEAD, ["Privacy policy", "Copyright © 2019 Northwind News Group, Inc."]),
                        article_id="a").source
    assert source is None  # not "Northwind News": a parent company, named once, in its notice


def test_the_page_writing_a_company_name_as_its_own_is_its_evidence() -> None:
    lines = ["Harbour Media Group", "Home", "Bridge to close", *STORY, "Contact Harbour Media Group",
             "© 2019 Harbour Media Group. All rights reserved."]
    assert parent_company("Harbour Media Group")
    assert written_as_own("Harbour Media Group", lines, body=STORY)
    assert not only_parent("Harbour Media Group", lines, body=STORY)
    footer_only = ["Harbour Hounds", "Home", "Bridge to close", *STORY, "About Harbour Media Group",
                   "Contact Harbour Media Group", "© 2019 Harbour Media Group. All rights reserved."]
    assert only_parent("Harbour Media Group", footer_only, body=STORY)
    assert not only_parent("Harbour Gazette", footer_only, body=STORY)


@pytest.mark.parametrize("footer", [["Imprint", "harbour holdings ltd", "1 Example Street, Harbourtown"],
                                    ["Imprint", "harbour media group ltd", "1 Example Street"],
                                    ["Contact harbour holdings", "Privacy policy", "© 2020 harbour holdings"]])
def test_the_last_resort_never_names_a_parent_company_the_fallback_refuses(footer: list[str]) -> None:
    assert parse_page(_copy(HEAD, footer), article_id="a").source is None
