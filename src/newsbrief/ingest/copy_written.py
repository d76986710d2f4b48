"""Names a browser copy's chrome writes without capitals, which the capitalised runs of
:mod:`newsbrief.ingest.copy_candidates` miss: its own address ("catchexample.com/a?a=1", with a contact address of
the same domain, or "© example-daily.com, 2008"), its copyright owner ("© example magazine 2019", named again in the
chrome) and a name before a legal form on an imprint line ("examplesoft GmbH"). They are the last resort of
:mod:`newsbrief.ingest.copy_source` (as ranker candidates they cost more right pages than they gave, cross-validated
over sites: the ranker's features are those of capitalised names), so they are read narrowly: a domain only as the
site's address (a line that is only the address, or the last copyright notice's owner), never from a sentence (a
headline, a teaser), a maker's or a vendor's credit ("Site by", "Powered by"), a cookie notice or an e-mail address
alone, never a mail provider's, a social network's or a platform's; an empty source beats another outlet's name.
"""

from __future__ import annotations

import re

from .copy_parent import only_parent
from .copy_patterns import (
    CASED_LEGAL_FORMS,
    FOREIGN_LEGAL_FORMS,
    LEGAL_FORMS,
    PLATFORM,
    SOFTWARE,
    STOPWORDS,
    STREET_WORDS,
)
from .copyright import copyright_owner, site_notice
from .sources import DOMAIN_ENDING, agency, agrees, domain_label, domain_name

#: A domain written in a line, or an e-mail address's ("Source: example.com", "news@example.com").
DOMAIN = rf"(?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.{DOMAIN_ENDING}(?![\w-])"
WRITTEN_DOMAIN = re.compile(rf"(?i)(?<![\w./-]){DOMAIN}")
EMAIL_DOMAIN = re.compile(r"(?i)[\w.+-]+@(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)+)")
#: Domains of mail services, social networks, shops and blog platforms: written on every kind of site, never its own
#: (not those of portals that are news outlets too: Yahoo, AOL; the ranker's feature keeps them).
SERVICES = frozenset(
    "gmail googlemail hotmail outlook live icloud mail gmx yandex protonmail facebook fb twitter instagram "
    "youtube youtu linkedin pinterest tiktok snapchat whatsapp telegram reddit tumblr flickr vimeo soundcloud google "
    "apple amazon amzn ebay wordpress wp blogspot blogger medium disqus feedburner wix squarespace substack "
    "bit t goo ow tinyurl addthis sharethis gravatar".split())
#: Mail providers whose addresses small newsrooms publish ("valleynews@yahoo.com"): never the outlet in the last
#: resort, though some are portals with news of their own.
MAIL_HOSTS = frozenset(
    "yahoo ymail rocketmail aol aim msn comcast verizon att sbcglobal bellsouth charter cox earthlink optonline "
    "btinternet btopenworld sky virginmedia talktalk web t-online orange wanadoo free laposte libero rediffmail "
    "bigpond shaw rogers sympatico".split())
#: A line that is only a site's address ("catchexample.com/a?a=1", "www.example.de", "Web: example-daily.com").
ADDRESS_LINE = re.compile(rf"(?i)^(?:(?:web(?:site)?|online|internet|url)\s*:\s*)?(?:https?://)?"
                          rf"(?P<host>{DOMAIN})(?:[/?#]\S*)?$")
#: An imprint line: a lowercase name, a legal form, at most an address or a notice after a separator ("examplesoft
#: GmbH", "example ltd | 1 Example Street"); not a sentence ("Why the deputy AG quit", "a new LLC to buy the mill").
#: A form written in lowercase ("ltd", "limited", "co") counts only with an imprint's shape (:func:`imprint_name`).
IMPRINT = re.compile(rf"^(?P<name>[a-z][\w&-]*[a-z0-9](?:\s+[a-z][\w&-]*[a-z0-9]){{0,2}})\s+"
                     rf"(?P<form>{FOREIGN_LEGAL_FORMS}|(?i:{LEGAL_FORMS})\.?)(?P<rest>\s*(?:[,|·•–-]\s*\S.*)?)$")
CASED_FORM = re.compile(rf"(?:{FOREIGN_LEGAL_FORMS}|{CASED_LEGAL_FORMS})\.?")
#: What an imprint's line carries or is followed by: a year, a copyright mark, a street address or a postcode
#: ("example ltd | 1 Example Street", "example ltd, 2019", then "Fleischmarkt 1, 1010 Wien").
IMPRINT_SHAPE = re.compile(rf"(?i)©|\b(?:19|20)\d{{2}}\b|^\d+\w?\s+\w|\b\w+\s+\d+\w?\s*,|\b(?:{STREET_WORDS})\b\.?")
#: A consent or cookie notice's line ("Consent managed by ...", "We use cookies. Accept"; broader than
#: :data:`~.boilerplate.COOKIES`, which asks for the reader's answer too).
CONSENT = re.compile(r"(?i)\bcookies?\b|\bconsent\b")


def written_domains(line: str) -> set[str]:
    """The labels of the domains a line writes, as a site's address or an e-mail address's, services aside (the
    ranker's written-domain feature, :class:`~.copy_candidates.Domains`)."""
    hosts = [m.group(0) for m in WRITTEN_DOMAIN.finditer(line)] + [m.group("host") for m in EMAIL_DOMAIN.finditer(line)]
    return {label for host in hosts if (label := domain_label(host)) and label not in SERVICES and len(label) >= 3}


def written_names(lines: list[str], *, body: set[str]) -> dict[str, str]:
    """The names the chrome (lines not in ``body``) writes in lowercase, each with its kind: ``"domain"`` (the site's
    address: its own notice's owner, :func:`~.copyright.site_notice`, or a line that is only the address with one
    more mention of it in an address or a contact e-mail, one of them a page's path or an e-mail; a mail host's
    e-mail counts only beside the host's own address with a path: a portal's page), ``"owner"`` (the notice's owner
    without a capital, "© example magazine 2019", when the chrome names it again or writes a domain of it) or
    ``"legal"`` (the name on an imprint line, :func:`imprint_name`). Credits (:func:`credit`, also one split over two
    lines: "Website designed and hosted by" / "example ltd") and consent notices are no chrome here.
    Keys are a domain's host ("bbc.co.uk") or the name as written."""
    chrome = [line for i, line in enumerate(lines) if line not in body and not credit(line)
              and not CONSENT.search(line) and not (i and PLATFORM.search(lines[i - 1]))]
    notice = site_notice(lines, body=body)
    owner = copyright_owner([notice]) if notice else None
    out: dict[str, str] = {}
    if owner and (m := WRITTEN_DOMAIN.fullmatch(owner)) and _site_label(m.group(0)):
        out[m.group(0).casefold()] = "domain"
    addresses: dict[str, list[str]] = {}  # label -> hosts, one for each line that is the address
    mentions: dict[str, int] = {}
    paths: set[str] = set()
    for line in chrome:
        if (m := ADDRESS_LINE.match(line)) and (label := _site_label(m.group("host"))):
            addresses.setdefault(label, []).append(m.group("host").casefold())
            if line[m.end("host"):].strip("/"):
                paths.add(label)
    for line in chrome:
        for m in EMAIL_DOMAIN.finditer(line):
            if (label := _site_label(m.group("host"))) and (label not in MAIL_HOSTS or label in paths):
                mentions[label] = mentions.get(label, 0) + 1
    for label, hosts in addresses.items():
        # an address written twice with a page's path or a contact e-mail of it; a bare domain written twice is as
        # often a sister site in the network's list ("realtor.com" on a business daily's page)
        if len(hosts) + mentions.get(label, 0) >= 2 and (label in mentions or label in paths):
            out.setdefault(hosts[0], "domain")
    if owner and owner == owner.lower() and _name_like(owner):
        again = sum(owner.casefold() in line.casefold() for line in chrome if line != notice)
        labels = set(addresses) | set(mentions)
        if again or any(agrees(owner, label) for label in labels):
            out.setdefault(owner, "owner")
    for i, line in enumerate(chrome):
        if (name := imprint_name(line, after=chrome[i + 1] if i + 1 < len(chrome) else "")) is not None:
            out.setdefault(name, "legal")
    return out


def imprint_name(line: str, *, after: str = "") -> str | None:
    """The name on an imprint line (:data:`IMPRINT`) when it reads as a name, its legal form written as companies
    write it ("examplesoft GmbH", "example Ltd") or in lowercase with an imprint's shape (:data:`IMPRINT_SHAPE`: a
    year, a mark or an address on the line or the ``after`` line: "example ltd | 1 Example Street"); not "places
    limited" or "gift cards co"."""
    m = IMPRINT.match(line)
    if m is None or not _name_like(m.group("name")):
        return None
    if CASED_FORM.fullmatch(m.group("form")) or IMPRINT_SHAPE.search(m.group("rest")) or IMPRINT_SHAPE.search(after):
        return m.group("name")
    return None


def written_name(lines: list[str], *, body: list[str]) -> str | None:
    """The outlet a copy names only in lowercase, when nothing else names it (:func:`written_names`: its address,
    else its copyright owner, else the name on its imprint line), as readers see it (:func:`site_name`); never a
    news agency's, nor a parent company's the page does not write as its own (:func:`~.copy_parent.only_parent`)."""
    story = set(body)
    found = written_names(lines, body=story)
    for kind in ("domain", "owner", "legal"):
        name = next((name for name, k in found.items() if k == kind and not _agency(name)
                     and not (kind != "domain" and only_parent(name, lines, body=story))), None)
        if name is not None:
            return site_name(name)
    return None


def site_name(name: str) -> str:
    """A written name as readers see it: a domain as the URL reader names it (:func:`~.names.clean_source`:
    "bbc.co.uk" is "BBC", "example-daily.com" "Example-daily"), a lowercase name with capitals ("Solar Magazine")."""
    if WRITTEN_DOMAIN.fullmatch(name):
        return domain_name(name)
    return " ".join(word[:1].upper() + word[1:] for word in name.split())


def credit(line: str) -> bool:
    """A maker's, vendor's or platform's credit stands in the line or name, never an outlet ("Site by
    foodigital.com", "© 2020 X | Powered by y.com", "Example WordPress Themes"): :data:`~.copy_patterns.PLATFORM`
    before a word of it, or :data:`~.copy_patterns.SOFTWARE`."""
    return any(PLATFORM.search(line[:m.start()]) for m in re.finditer(r"\S+", line)) or bool(SOFTWARE.search(line))


def _site_label(host: str) -> str | None:
    """A host's label when it can be a site's own: no mail service, network or platform, three letters at least."""
    label = domain_label(host)
    return label if label and label not in SERVICES and len(label) >= 3 else None


def _name_like(name: str) -> bool:
    """A lowercase owner or imprint name reads as a name: up to four words, none a function word ("the photographers
    unless noted", "a new")."""
    words = name.casefold().split()
    return 0 < len(words) <= 4 and not any(word in STOPWORDS for word in words) and bool(re.search(r"[a-z]", name))


def _agency(name: str) -> bool:
    """A news agency's name or domain label ("reuters", "apnews", "afp")."""
    label = (domain_label(name) or name) if "." in name else name
    return agency(label) is not None or agency(re.sub(r"(?i)[-_]?news$", "", label)) is not None
