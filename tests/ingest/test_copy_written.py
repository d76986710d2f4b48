"""Names a copy's chrome writes only in lowercase: its domain, its copyright owner, a name before a legal form."""

from __future__ import annotations

from copypages import STORY
from newsbrief.ingest.copy_written import written_domains, written_name, written_names


def test_a_domain_and_an_email_address_name_the_site_but_mail_services_and_networks_do_not() -> None:
    assert written_domains("E-Mail: desk@catchexample.com") == {"catchexample"}
    assert written_domains("© example-daily.com, 2008") == {"example-daily"}
    assert written_domains("Write to jane.doe@gmail.com or follow us on facebook.com/example") == set()


def test_a_domain_written_once_outside_the_copyright_line_is_no_name_of_the_site() -> None:
    lines = ["Home", *STORY, "Shop our partner at partnershop.com", "E-Mail: desk@catchexample.com",
             "catchexample.com/a?a=474349633"]
    assert written_names(lines, body=set(STORY)) == {"catchexample": "domain"}


def test_a_domain_in_the_copyright_line_counts_at_once() -> None:
    lines = ["Home", *STORY, "© example-daily.com, 2008"]
    assert written_name(lines, body=STORY) == "example-daily"


def test_a_lowercase_copyright_owner_and_a_name_before_a_legal_form_are_names() -> None:
    assert written_name(["Home", *STORY, "Legal Notice Terms © solar magazine 2019"], body=STORY) == "solar magazine"
    assert written_name(["Home", *STORY, "examplesoft GmbH", "Fleischmarkt 1"], body=STORY) == "examplesoft"


def test_the_story_and_capitalised_owners_give_no_lowercase_name() -> None:
    story = [*STORY, "Write to desk@storyexample.com or visit storyexample.com for more."]
    assert written_name(["Home", *story, "© 2019 Example Media Group"], body=story) is None
