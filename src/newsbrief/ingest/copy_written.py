"""Names a browser copy's chrome writes without capitals, which the capitalised runs of
:mod:`newsbrief.ingest.copy_candidates` miss: a domain it writes ("catchexample.com", "news@example-daily.com",
"© example-daily.com, 2008"), its copyright owner ("© example magazine 2019") and a name before a legal form
("examplesoft GmbH"). Mail services, social networks and blog platforms are never an outlet's domain. They are the
last resort of :mod:`newsbrief.ingest.copy_source` (as ranker candidates they cost more right pages than they gave,
cross-validated over sites: the ranker's features are those of capitalised names).
"""

from __future__ import annotations

import re

from .boilerplate import COPYRIGHT
from .copy_patterns import STOPWORDS
from .copyright import copyright_owner
from .sources import AGENCIES, domain_label

#: A domain written in a line, or an e-mail address's ("Source: example.com", "news@example.com").
WRITTEN_DOMAIN = re.compile(r"(?i)(?<![\w./-])(?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*"
                            r"\.(?:com|net|org|co\.uk|com\.au|co\.in|in|ca|ie|news|tv|ru|de|it|fr|es|at|ch|nl)"
                            r"(?![\w-])")
EMAIL_DOMAIN = re.compile(r"(?i)[\w.+-]+@(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)+)")
#: Domains of mail services, social networks, shops and blog platforms: written on every kind of site, never its own
#: (not those of portals that are news outlets too: Yahoo, AOL).
SERVICES = frozenset(
    "gmail googlemail hotmail outlook live icloud mail gmx yandex protonmail facebook fb twitter instagram "
    "youtube youtu linkedin pinterest tiktok snapchat whatsapp telegram reddit tumblr flickr vimeo soundcloud google "
    "apple amazon amzn ebay wordpress wp blogspot blogger medium disqus feedburner wix squarespace substack "
    "bit t goo ow tinyurl addthis sharethis gravatar".split())
#: A legal form after a company's name ("examplesoft GmbH", "example ltd").
LEGAL_FORM = re.compile(r"(?<![\w@./-])(?P<name>[a-z][\w&-]*[a-z0-9])\s+(?:GmbH|AG|Ltd\.?|Limited|Inc\.?|LLC|S\.?A\.?|"
                        r"S\.?r\.?l\.?|B\.?V\.?|Pty|Oy|AB|ApS|K\.?K\.?)(?![\w])")


def written_domains(line: str) -> set[str]:
    """The labels of the domains a line writes, as a site's address or an e-mail address's, services aside."""
    hosts = [m.group(0) for m in WRITTEN_DOMAIN.finditer(line)] + [m.group("host") for m in EMAIL_DOMAIN.finditer(line)]
    return {label for host in hosts if (label := domain_label(host)) and label not in SERVICES and len(label) >= 3}


def written_names(lines: list[str], *, body: set[str]) -> dict[str, str]:
    """The names the chrome (lines not in ``body``) writes in lowercase, each with its kind: ``"domain"`` (a domain's
    label), ``"owner"`` (the copyright owner, when it has no capital: "© example magazine 2019") or ``"legal"`` (a
    name before a legal form)."""
    chrome = [line for line in lines if line not in body]
    out: dict[str, str] = {}
    seen: dict[str, int] = {}
    for line in chrome:
        for label in written_domains(line):
            # a domain the chrome writes twice or in its copyright line (a partner's or a shop's is written once)
            seen[label] = seen.get(label, 0) + 1 + bool(COPYRIGHT.search(line))
            if seen[label] >= 2:
                out.setdefault(label, "domain")
        for m in LEGAL_FORM.finditer(line):
            if m.group("name").casefold() not in STOPWORDS:
                out.setdefault(m.group("name"), "legal")
        owner = copyright_owner([line]) if COPYRIGHT.search(line) else None
        if owner and owner == owner.lower() and re.search(r"[a-z]", owner) and len(owner.split()) <= 4:
            out.setdefault(owner, "owner")
    return out


def written_name(lines: list[str], *, body: list[str]) -> str | None:
    """The outlet a copy names only in lowercase, when nothing else names it: a domain its chrome writes twice or in
    its copyright line, else its copyright owner, else a name before a legal form (:func:`written_names`); never a
    news agency's."""
    found = written_names(lines, body=set(body))
    for kind in ("domain", "owner", "legal"):
        name = next((name for name, k in found.items() if k == kind and not _agency(name)), None)
        if name is not None:
            return name
    return None


def _agency(name: str) -> bool:
    """A news agency's name or domain label ("reuters", "apnews", "afp")."""
    label = domain_label(name) or name if "." in name else name
    return bool(AGENCIES.fullmatch(label) or AGENCIES.fullmatch(re.sub(r"(?i)[-_]?news$", "", label)))
