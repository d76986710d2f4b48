"""An outlet or only its parent company: a name ending in a company word ("Example Media Group", "Example Holdings")
is a parent company's unless the page writes it as its own (its own copyright notice names it, and so does its
head). One rule for every reader of a copy's outlet (:mod:`newsbrief.ingest.copy_source`'s pick, fallback and last
resort, :mod:`newsbrief.ingest.copy_written`): a parent company would count its papers as one outlet.
"""

from __future__ import annotations

import re

from .boilerplate import COPYRIGHT
from .copy_patterns import COMPANY_WORD, LEGAL_FORMS
from .copyright import site_notice
from .names import is_outlet

_NEWS_WORDS = (r"news|times|journal|post|herald|courier|tribune|gazette|chronicle|telegraph|observer|guardian|express|"
               r"star|sun|mirror|record|register|examiner|inquirer|monitor|dispatch|bulletin|daily|weekly|press|"
               r"review|reporter|standard|sentinel|independent|magazine|radio|television|tv|broadcasting|broadcast")
_LEGAL_FORM = rf"(?!corp\b){LEGAL_FORMS}\b\.?"  # "Example News Corp" is a parent company
#: A news outlet's word right before the legal form that ends the name ("Example Times Co.", "Example Broadcasting
#: Corporation"): the outlet's own company. Not before any other company word: "Example News Corp", "Example Media
#: Group", "Example Tribune Publishing", "Example Broadcast Group" are parent companies.
NEWS_COMPANY = re.compile(rf"(?i)\b(?:{_NEWS_WORDS})(?:\W+{_LEGAL_FORM}(?:\W*{_LEGAL_FORM})*)?\W*$")
#: The last word of a company's name (:data:`~.copy_patterns.COMPANY_WORD`: "Example Media", "Example Holdings
#: LLC", "Example (City) Private"); a news word there ("Example Broadcasting") is an outlet's (:data:`NEWS_COMPANY`).
COMPANY_END = re.compile(rf"(?i)\b{COMPANY_WORD}\W*$")
#: A broadcaster's or a newsroom's name ending in Network, Media or Digital ("Harbour News Network", "Valley Public
#: Media", "Example Radio Network"): an outlet, not its owner.
NEWS_NETWORK = re.compile(rf"(?i)\b(?:{_NEWS_WORDS}|public|sports?)\W+(?:network|media|digital)\W*$")


def parent_company(name: str) -> bool:
    """A name shaped as only a company's: its last word a company word, not an outlet's own company (a news word
    right before the legal form, :data:`NEWS_COMPANY`, or before Network or Media, :data:`NEWS_NETWORK`) nor a known
    outlet ("Example Media Group", "Example News Corp", "Example Tribune Publishing"; not "Example Times Co.",
    "Harbour News Network", and not "Example Digital Journal" or "Example Broadcasting", which end in no company
    word). Whether the page makes it its own is :func:`written_as_own`."""
    return (bool(COMPANY_END.search(name)) and not NEWS_COMPANY.search(name) and not NEWS_NETWORK.search(name)
            and not is_outlet(name))


def written_as_own(name: str, lines: list[str], *, body: list[str] | set[str]) -> bool:
    """The page writes ``name`` as its own outlet: it is its own copyright notice's owner
    (:func:`~.copyright.site_notice`) and its head (the lines before the story: a masthead, "About X") names it
    outside a notice. A parent company is named in the footer only, beside another outlet's name, or in the notice
    alone ("About Example Media", "© 2019 Example Media, LLC" on a site whose masthead is another's); a name the
    chrome repeats under another company's notice is not shown to be the outlet ("Subscriber Services" in a menu),
    and the source is left empty rather than cut short."""
    story = body if isinstance(body, set) else set(body)
    start = next((i for i, line in enumerate(lines) if line in story), len(lines))
    written = re.compile(rf"(?i)(?<![\w'’-]){re.escape(name.strip())}(?![\w'’-])")
    notice = site_notice(lines, body=story)
    return (notice is not None and bool(written.search(notice))
            and any(written.search(line) for line in lines[:start] if not COPYRIGHT.search(line)))


def only_parent(name: str, lines: list[str], *, body: list[str] | set[str]) -> bool:
    """A parent company's name (:func:`parent_company`) the page does not write as its own (:func:`written_as_own`):
    never the outlet, whichever reader found it."""
    return parent_company(name) and not written_as_own(name, lines, body=body)
