"""One outlet, one name: the source of a page from its site name, its publisher and its domain; wire credits apart.

A page names its outlet in several places that do not agree: ``og:site_name`` (sometimes a section, a blog or an
edition: "U.S.", "Opinion blog", "Hosted"), the publisher in its structured data (sometimes the legal name:
"Cable News Network"), the extractor's site name, the domain. The name kept is one that agrees with the domain
(its letters, its initials or its squeezed words are the domain's label); a written-out name whose initials are
the domain gives the initials readers know ("CNN"). Wire credits (AP, Reuters, AFP, ...) in a byline go to
``wire``, not to the author or the source, unless the page is the agency's own.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

from .names import AGENCIES, _abbreviates, clean_source

SHORT_AGENCY = {"associated press": "AP", "ap news": "AP", "ap": "AP", "reuters": "Reuters",
                "thomson reuters": "Reuters",
                "afp": "AFP", "agence france-presse": "AFP", "agence france presse": "AFP", "pti": "PTI",
                "press trust of india": "PTI", "upi": "UPI", "united press international": "UPI"}
#: Site names that are a section, a kind of page or an edition, not an outlet.
SECTION = re.compile(
    r"^(?:the\s+)?(?:u\.?s\.?|uk|world|news|home|hosted|opinion|opinions|blogs?|politics|business|sports?|"
    r"entertainment|tech(?:nology)?|health|science|lifestyle|local|national|international|us news|world news|"
    r"letters(?: to the editor)?|editorials?|columns?|commentary|.*\b(?:blog|letters to the editor|opinion)s?)$",
    re.IGNORECASE,
)
EDITION = re.compile(r"\s*(?:[-–|:(]\s*)?\b(?:us|u\.s\.|uk|international|global|national|asia|europe|india|"
                     r"australia)?\s*edition\)?$|\s+[-–|]\s*(?:us|uk|international)$", re.IGNORECASE)


#: The endings of the domains pages write ("example.com", "example.co.uk", "example.com.br", "example.de"): a
#: country's second level before its two letters, or a generic or country ending; the one list every reader of a
#: written domain uses.
DOMAIN_ENDING = (r"(?:(?:co|com|org|net|ac|gov)\.[a-z]{2}|com|net|org|info|news|tv|io|"
                 r"uk|au|in|ca|ie|nz|za|br|ng|ph|pk|sg|ke|gh|jp|hk|ru|de|it|fr|es|at|ch|nl|se|dk|fi|pl|pt)")
DOMAIN_NAME = re.compile(rf"(?i)(?:https?://)?(?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.{DOMAIN_ENDING}/?")
DOMAIN_LIKE = re.compile(rf"(?i)^(?:https?://|www\.)|\.{DOMAIN_ENDING}/?$")


def domain_label(url: str | None) -> str | None:
    """The registrable label of a URL's host: ``edition.cnn.com`` -> ``cnn``, ``bbc.co.uk`` -> ``bbc``."""
    if not url:
        return None
    host = (urlparse(url if "//" in url else f"//{url}").hostname or "").lower()
    labels = [label for label in host.split(".") if label]
    if len(labels) < 2:
        return None
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in {"co", "com", "org", "net", "gov", "ac", "ne", "or"}:
        return labels[-3]
    return labels[-2]


def _squeezed(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", re.sub(r"^the\s+", "", name.casefold()))


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z0-9]+", re.sub(r"^the\s+", "", name, flags=re.I))).casefold()


def agrees(name: str, label: str | None) -> bool:
    """True when ``name`` is the outlet of the domain ``label``: its letters, initials or squeezed words."""
    if not label:
        return False
    squeezed = _squeezed(name)
    words = [w.casefold() for w in re.findall(r"[A-Za-z0-9]+", re.sub(r"^the\s+", "", name, flags=re.I))]
    return bool(squeezed) and (label in squeezed or (len(squeezed) >= 3 and squeezed in label)
                               or _initials(name) == label or _abbreviates(label, words))


def tidy(name: str | None) -> str | None:
    """A site name as written for readers: no underscores, no domain suffix, no edition."""
    if not name:
        return None
    text = re.sub(r"[_]+", " ", name).strip()
    text = re.sub(rf"(?i)^(?:https?://)?(?:www\.)?([\w-]+)\.{DOMAIN_ENDING}/?$", r"\1", text)
    text = EDITION.sub("", text).strip(" -–|:")
    return re.sub(r"\s+", " ", text) or None


def is_section(name: str) -> bool:
    return bool(SECTION.match(name.strip()))


def domain_name(host: str) -> str:
    """A written domain as the URL reader names its site (:func:`~.names.clean_source`: "bbc.co.uk" is "BBC",
    "harbourdaily.com.br" "Harbourdaily"): the one name of an outlet both readers give."""
    url = host if host.casefold().startswith(("http", "www.")) else f"https://{host}"
    return clean_source(url) or host


def choose_source(candidates: list[str | None], *, url: str | None = None, owner: str | None = None) -> str | None:
    """The outlet's one name among a page's candidates (site name first, then publisher, the extractor's).

    A candidate agreeing with the domain wins (the first one); a written-out name whose initials are the domain
    gives the initials; without agreement, the first candidate that is no section; else the domain's name.
    """
    label = domain_label(url)
    # a name written as a domain ("Spokesman.com") gives way to a written one that agrees with it
    written = sorted((c for c in candidates if c), key=lambda c: bool(DOMAIN_LIKE.search(c)))
    # a domain-shaped candidate ("example-daily.com", trafilatura's site name) named as the URL reader names it
    tidied = [t for t in (domain_name(c) if DOMAIN_NAME.fullmatch(c.strip()) else tidy(c) for c in written) if t]
    names = [t for t in tidied if not AGENCIES.fullmatch(t) or agrees(t, label)]  # an agency only on its own site
    agreeing = [n for n in names if agrees(n, label)]
    if agreeing:
        best = agreeing[0]
        if _initials(best) == label and len(label or "") <= 4 and " " in best:
            return label.upper() if label else best
        if re.fullmatch(r"[A-Z]{2,5}", best):
            return best  # an acronym the domain confirms ("CNN") is the name readers know
        return clean_source(best, owner=owner)
    usable = [n for n in names if not is_section(n)]
    if usable:
        return clean_source(usable[0], owner=owner)
    if owner:
        return clean_source(owner)
    return clean_source(url, owner=None) if url else None


def agency(name: str | None) -> str | None:
    """The agency's short name ("AP", "Reuters") when ``name`` is a news agency; else None."""
    if not name or not AGENCIES.fullmatch(name.strip()):
        return None
    key = re.sub(r"^the\s+", "", name.strip().casefold())
    return SHORT_AGENCY.get(key, name.strip())


#: Unnamed wires at a byline's end ("Jane Doe and agencies", "Jane Doe, wire agencies").
WIRE_AGENCIES = re.compile(r"(?i)(?<=\w)(?:,|\s+and|\s*&)?\s+(?:wire\s+|news\s+)?agencies$")


def split_wire(author: str | None, *, source: str | None) -> tuple[str | None, str | None]:
    """(author, wire) of a byline: a trailing agency credit ("LISA MASCARO ... Associated Press") goes to wire; a
    byline that is only an agency or only the outlet's own name is no author."""
    if not author:
        return None, None
    text = author.strip()
    whole = agency(text)
    if whole:
        return None, whole
    text = WIRE_AGENCIES.sub("", text)  # "Jane Doe, agencies": the wires unnamed
    match = re.search(r"(?:,|\s)\s*(?:the\s+)?(" + AGENCIES.pattern + r")$", text, flags=re.IGNORECASE)
    wire = None
    if match and len(text) > len(match.group(0)) + 2:
        wire = agency(match.group(1))
        text = text[: match.start()].strip(" ,;-–")
    if source and _squeezed(text) == _squeezed(source):
        return None, wire
    return text or None, wire


def own_agency(wire: str | None, source: str | None) -> bool:
    """True when the wire credit is the outlet itself in another form of its name ("AP" on "The Associated Press"'s
    own page): no wire then."""
    return wire is not None and (wire == source or (agency(wire) is not None and agency(wire) == agency(source)))
