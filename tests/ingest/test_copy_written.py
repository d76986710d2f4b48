"""Names a copy's chrome writes only in lowercase: its domain, its copyright owner, a name before a legal form."""

from __future__ import annotations

from pathlib import Path

import pytest

from copypages import STORY
from newsbrief.ingest.copy_written import written_domains, written_name, written_names


def test_a_domain_and_an_email_address_name_the_site_but_mail_services_and_networks_do_not() -> None:
    assert written_domains("E-Mail: desk@meadowrowing.com") == {"meadowrowing"}
    assert written_domains("© example-daily.com, 2008") == {"example-daily"}
    assert written_domains("Write to jane.doe@gmail.com or follow us on facebook.com/example") == set()


def test_a_domain_written_once_outside_the_copyright_line_is_no_name_of_the_site() -> None:
    lines = ["Home", *STORY, "Shop our partner at partnershop.com", "E-Mail: desk@meadowrowing.com",
             "meadowrowing.com/regatta/spring-eights"]
    assert written_names(lines, body=set(STORY)) == {"meadowrowing.com": "domain"}


def test_a_domain_in_the_copyright_line_counts_at_once() -> None:
    lines = ["Home", *STORY, "© example-daily.com, 2008"]
    assert written_name(lines, body=STORY) == "Example-daily"


def test_a_lowercase_copyright_owner_named_again_and_a_name_on_an_imprint_line_are_names() -> None:
    assert written_name(["Home", *STORY, "About solar magazine", "Legal Notice Terms © solar magazine 2019"],
                        body=STORY) == "Solar Magazine"
    assert written_name(["Home", *STORY, "examplesoft GmbH", "Fleischmarkt 1"], body=STORY) == "Examplesoft"


def test_the_story_and_capitalised_owners_give_no_lowercase_name() -> None:
    story = [*STORY, "Write to desk@storyexample.com or visit storyexample.com for more."]
    assert written_name(["Home", *story, "© 2019 Example Media Group"], body=story) is None


# Review fixes: every copy below goes through the public entry, as a reader gets it.
HEAD = ["Home", "News", "Sport", "Weather", "Sign In", "Bridge to close for two years", "By Jane Doe",
        "Published November 19, 2019"]


def _source(foot: list[str], *, head: list[str] = HEAD) -> str | None:
    from newsbrief.ingest.text import parse_page

    return parse_page("\n".join([*head, *STORY, *foot]), article_id="a").source


@pytest.mark.parametrize("foot", [
    ["Privacy policy", "Website by foodigital.com", "Need a site? Contact hello@foodigital.com"],
    ["Privacy policy", "© 2020 Example Holdings LLC. All rights reserved. | Site by foodigital.com"],
    ["Privacy policy", "© 2020 Example Holdings LLC | Powered by townnews.com"],
    ["Privacy policy", "Powered by examplecms.com", "Hosting and support: support@examplecms.com"],
    ["We use cookies. Accept", "Consent managed by cookievendorexample.com",
     "Cookie list provided by cookievendorexample.com"],
])
def test_a_site_makers_a_software_vendors_or_a_cookie_vendors_domain_is_never_the_source(foot: list[str]) -> None:
    assert _source(foot) is None


@pytest.mark.parametrize("foot", [
    ["Media contact: Jane Roe, jane@brightpr.com", "For images write to press@brightpr.com"],
    ["About acme robotics", "Media contact: press@acme-robotics.de", "Visit acme-robotics.de for images",
     "© 2019 Example Newswire Holdings LLC"],
    ["Privacy policy", "Send news tips to valleynewsdesk@yahoo.com", "Advertising: valleyads@yahoo.com"],
    ["Privacy policy", "Send news tips to editor.valley@aol.com", "Letters to the editor: letters.valley@aol.com"],
])
def test_e_mail_addresses_alone_and_mail_providers_never_name_the_outlet(foot: list[str]) -> None:
    assert _source(foot) is None


def test_an_agency_member_page_left_empty_on_purpose_is_not_filled_by_the_last_resort() -> None:
    foot = ["Privacy policy", "Advertise with us: ads@adpartnerexample.com", "Get our deals at adpartnerexample.com",
            "Copyright 2019 The Associated Press. All rights reserved.", "adpartnerexample.com/deals"]
    assert _source(foot) is None


@pytest.mark.parametrize("teaser", ["Why the deputy AG quit after two months",
                                    "Wildfire forces evacuations in northern AB",
                                    "Owners form a new LLC to buy the mill", "why the deputy AG quit after two months"])
def test_a_legal_form_in_a_sentence_names_no_company(teaser: str) -> None:
    assert _source(["Most read", teaser]) is None


def test_a_name_before_a_legal_form_on_an_imprint_line_is_the_last_resort() -> None:
    assert _source(["Imprint", "examplesoft GmbH", "Fleischmarkt 1, 1010 Wien"]) == "Examplesoft"


def test_a_credit_line_is_no_copyright_owner_and_an_owner_needs_a_second_mention() -> None:
    assert _source(["Privacy policy", "Copyright 2019 The Associated Press. All rights reserved.",
                    "Photos © the photographers unless noted"]) is None
    assert written_name(["Home", *STORY, "Legal Notice Terms © harbour magazine 2019"], body=STORY) is None
    assert written_name(["Home", *STORY, "Write to desk@harbourmagazine.com",
                         "Legal Notice Terms © harbour magazine 2019"], body=STORY) == "Harbour Magazine"


def test_a_bare_domain_twice_in_a_network_list_is_a_sister_site_not_the_outlet() -> None:
    foot = ["Dow Example", "examplehomes.com", "Example Barrons", "Privacy policy", "examplehomes.com"]
    assert _source(foot) is None
    assert _source([*foot, "examplehomes.com/listings/1234"]) == "Examplehomes"


def test_a_domain_in_a_headline_or_a_teaser_is_a_story_about_a_site_not_the_site() -> None:
    head = ["Home", "News", "Business", "Shoppers flock to bargainexample.com as prices rise", "Sign In",
            "Shoppers flock to bargainexample.com as prices rise", "By Jane Doe", "Published November 19, 2019"]
    assert _source(["Privacy policy"], head=head) is None
    assert _source(["Most read", "Petition on change.org passes one million signatures",
                    "Why change.org petitions rarely change laws"]) is None


@pytest.mark.parametrize(("foot", "host", "outlet"), [
    (["Results desk: results@meadowrowing.com", "Site by Example Studio",
      "meadowrowing.com/regatta/spring-eights"], "meadowrowing.com", "Meadowrowing"),
    (["Privacy policy", "© example-daily.com, 2008"], "example-daily.com", "Example-daily"),
    (["Privacy policy", "Tips: newsdesk@bbc.co.uk", "bbc.co.uk/news/bridge-to-close"], "bbc.co.uk", "BBC"),
    (["Privacy policy", "Tips: desk@example-daily.com", "example-daily.com/news/bridge-to-close"],
     "example-daily.com", "Example-daily"),
    (["Privacy policy", "© 2019 harbourdaily.de"], "harbourdaily.de", "Harbourdaily"),
])
def test_a_copy_naming_its_outlet_only_by_its_domain_gets_the_name_the_html_reader_gives(
        foot: list[str], host: str, outlet: str, tmp_path: Path) -> None:
    from newsbrief.ingest.html import read_html_file

    assert _source(foot) == outlet
    paragraphs = "".join(f"<p>{line}</p>" for line in STORY)
    html = (f'<html><head><title>Bridge to close for two years</title>'
            f'<link rel="canonical" href="https://www.{host}/news/bridge-to-close"></head>'
            f"<body><article><h1>Bridge to close for two years</h1>{paragraphs}</article></body></html>")
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    assert read_html_file(tmp_path / "page.html").source == outlet  # one outlet, one name


# second review: invented copies through parse_page, the path readers take
_OWN = ["Tips: desk@harbourdaily.com", "harbourdaily.com/news/bridge-to-close"]


@pytest.mark.parametrize(("foot", "expected"), [
    (["Photo: © 2020 The Associated Press", "Privacy policy", *_OWN], "Harbourdaily"),
    (["Photo: © 2020 The Associated Press", "Privacy policy", *_OWN, "© 2020 harbourdaily.com"], "Harbourdaily"),
    (["Council members at a meeting. © Reuters 2020", "Privacy policy", *_OWN], "Harbourdaily"),
    (["Photo: © 2020 AP", "About harbour daily", "Privacy policy", "© 2020 harbour daily"], "Harbour Daily"),
    (["Privacy policy", *_OWN, "© 2020 The Associated Press. All rights reserved."], None),
])
def test_only_the_sites_own_notice_makes_a_page_an_agencys_a_pictures_credit_does_not(foot: list[str],
                                                                                       expected: str | None) -> None:
    assert _source(foot) == expected


@pytest.mark.parametrize("foot", [["Book your seat for our readers' evening", "places limited", "Privacy policy"],
                                  ["Readers' lunch", "spaces limited - book now", "Privacy policy"],
                                  ["Shop", "gift cards co", "Privacy policy"],
                                  ["Privacy policy", "Website designed and hosted by", "pixelworks ltd"]])
def test_a_lowercase_limited_or_co_and_a_makers_credit_over_two_lines_are_no_imprint(foot: list[str]) -> None:
    assert _source(foot) is None


@pytest.mark.parametrize(("line", "after", "expected"), [("examplesoft GmbH", "", "examplesoft"),
                                                         ("harbourtech Ltd", "", "harbourtech"),
                                                         ("harbourtech ltd", "2 Quay Road, Harbourtown", "harbourtech"),
                                                         ("harbourtech ltd | © 2019", "", "harbourtech"),
                                                         ("places limited", "Privacy policy", None)])
def test_an_imprint_line_has_a_written_legal_form_or_an_imprints_shape(line: str, after: str,
                                                                        expected: str | None) -> None:
    from newsbrief.ingest.copy_written import imprint_name

    assert imprint_name(line, after=after) == expected


@pytest.mark.parametrize("ending", ["co.uk", "co.nz", "co.za", "com.br", "com.ng"])
def test_a_country_domain_names_the_outlet_whole_in_every_reader(ending: str) -> None:
    assert _source(["Privacy policy", f"© 2019 harbourdaily.{ending}"]) == "Harbourdaily"
    assert _source(["Privacy policy", f"Tips: desk@harbourdaily.{ending}",
                    f"harbourdaily.{ending}/news/bridge-to-close"]) == "Harbourdaily"


def test_the_owner_cleaner_keeps_a_domain_whole() -> None:
    from newsbrief.ingest.copyright import copyright_owner

    assert copyright_owner(["© 2019 harbourdaily.co.uk"]) == "harbourdaily.co.uk"
    assert copyright_owner(["Copyright 2019 harbour-co.com"]) == "harbour-co.com"
    assert copyright_owner(["© Harbourscience Pty Ltd."]) == "Harbourscience"
    assert copyright_owner(["© 2019 Ferrow Post Media Pvt Ltd"]) == "Ferrow Post Media"


@pytest.mark.parametrize(("foot", "expected"), [
    (["About solar magazine", "Legal Notice Terms © solar magazine 2019"], "Solar Magazine"),
    (["About harbour daily", "Privacy policy", "© 2020 harbour daily"], "Harbour Daily"),
])
def test_a_lowercase_owner_reaches_the_reader_with_capitals_through_parse_page(foot: list[str],
                                                                                expected: str) -> None:
    assert _source(foot) == expected


@pytest.mark.parametrize(("mail", "address", "expected"), [
    ("newsdesk@t-online.de", "t-online.de/nachrichten/bridge-to-close", "T-online"),
    ("news@msn.com", "msn.com/en-us/news/bridge-to-close", "MSN"),
])
def test_a_portals_own_page_is_named_though_its_host_is_a_mail_providers(mail: str, address: str,
                                                                          expected: str) -> None:
    assert _source(["Privacy policy", f"Tips: {mail}", address]) == expected
    assert _source(["Privacy policy", f"Tips: valleynews@{mail.split('@')[1]}"]) is None  # a newsroom's webmail
