"""Clean-up of the names a page gives: the outlet (site name, publisher, copyright owner) and the byline.

Rules are about classes of values, never about named sites: a site name written as a URL or as a
squeezed token ("NYTimes") gives way to the copyright owner it abbreviates ("The New York Times");
bylines lose placeholders ("Username"), credentials ("MA", "PhD"), a trailing month, and repeats.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from urllib.parse import urlparse

from .copy_patterns import STOPWORDS

PLACEHOLDER_AUTHORS = frozenset({"username", "user", "admin", "administrator", "author", "editor", "unknown",
                                 "anonymous", "none", "null", "guest", "webmaster"})
CREDENTIAL = re.compile(r"^(?:MA|MS|MSc|MD|PhD|Ph\.D\.?|MPH|RN|DO|BSc|BA|MBA|JD|DVM|PharmD|RD|LD|Jr\.?|Sr\.?)$")
TRAILING_MONTH = re.compile(r"\s+(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
                            r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$", re.IGNORECASE)


#: Picture agencies and the photo credits of news agencies.
PHOTO_AGENCY = r"getty images|shutterstock|ap photo|afp photo|reuters photo|istock(?:photo)?|pool photo"
PHOTO_CREDIT = re.compile(r"\b(?:photo(?:graph)?s?|images?|pictures?|video|illustrations?)\s*(?:by\b|:|credit\b).*$|"
                          rf"\b(?:{PHOTO_AGENCY})\b.*$", re.IGNORECASE)
EMAIL_USER = re.compile(r"\s*\S+@\S+|\s+(?=[a-z0-9._]*[0-9._])[a-z0-9._]{4,}$|\s+[a-z]{3,}$")


# Words of buttons, links and section labels ("Sign In", "Email Me", "Site Tools", "Watch Live"): never in a name.
WIDGET_WORDS = frozenset(
    "sign log login register subscribe subscription email e-mail share follow watch live listen read more learn "
    "site tools tool menu search home news video videos photos photo gallery now print save comment comments "
    "newsletter newsletters alerts app apps download open close back top next previous today latest trending "
    "tv radio podcast podcasts talk stocks markets market sections section account profile settings help "
    "contact about us privacy terms cookies edition editions weather sports opinion business politics world "
    "local national facts first breaking click here view all see show options sharing links external window "
    "playback media device unsupported staff reports report posts guest odds "
    "facebook twitter whatsapp pinterest pin linkedin reddit instagram youtube tumblr flipboard telegram tweet".split()
)
NAME_PARTICLES = frozenset({"de", "van", "von", "da", "di", "del", "la", "le", "bin", "al", "der", "den", "du", "dos"})


#: News agencies whose copy other sites run (matched on a whole name or a byline's end).
AGENCIES = re.compile(
    r"(?:the\s+)?(?:associated press|ap|reuters|thomson reuters|afp|agence france[- ]presse|pti|press trust of india|"
    r"ians|ani|upi|united press international|dpa|efe|xinhua|kyodo(?: news)?|anadolu(?: agency)?|ap news)",
    re.IGNORECASE,
)
#: "and" or "&" between two names ("Jane Doe and John Roe", "JANE DOE AND JOHN ROE", "Jane Doe & John Roe").
AND = re.compile(r"\s+(?i:and|&)\s+")
#: The word itself between names, as lists of names write it ("and", "&", "AND"; "And" is inside a title-case name:
#: "Science And Technology Desk").
AND_WORD = re.compile(r"and|&|AND")


def name_like(text: str) -> bool:
    """A person's name, not a widget label: no stop word or widget word, not only acronyms ("CNBC TV")."""
    words = [w for w in re.findall(r"[\w'’.-]+", text) if not AND_WORD.fullmatch(w)]
    if not words or (all(re.fullmatch(r"[A-Z]{2,5}", w) for w in words) and
                     (len(words) == 1 or any(not re.search("[AEIOUY]", w) for w in words))):
        return False  # only acronyms ("CNBC TV"; a name in capitals has vowels in every word: "JANE DOE")
    if any(w[:1].islower() and w not in NAME_PARTICLES for w in words):
        return False  # "Ukraine urges NATO to send ...": a sentence
    return not any(w.casefold() in WIDGET_WORDS or (w.casefold() in STOPWORDS and not w.islower()
                                                       and w.casefold() not in NAME_PARTICLES)
                   for w in words)


#: Words of an organisation's name, never of a person's ("Marks and Spencer Press Office").
ORGANISATION_WORDS = frozenset("office desk team group department bureau press service services agency company "
                               "council committee institute association foundation".split())


#: Words that open an organisation's name, never a person's.
DETERMINERS = frozenset({"the", "a", "an", "our", "this", "its", "their"})


def _person(piece: str) -> bool:
    """A piece of a byline that reads as a person's name: one word to eight, each capitalised or a particle ("Cher",
    "Ali bin Said", "Will Reed"), the first no determiner ("The Example Times"), none a widget word
    or a word of an organisation's name (:data:`ORGANISATION_WORDS`)."""
    words = piece.split()
    return 1 <= len(words) <= 8 and words[0].casefold() not in DETERMINERS and \
        all((w[:1].isupper() or w in NAME_PARTICLES) and w.casefold() not in WIDGET_WORDS | ORGANISATION_WORDS
            for w in words)


def _names_joined(part: str) -> list[str]:
    """A part of a byline split at "and" or "&" into its names: at a lowercase "and" when each piece is a person's
    name of any length (:func:`_person`) or a news agency ("Jane Doe and Madonna", "Ali bin Said and Tom Reed", "Jane
    Doe and Reuters", "Jane Doe and agencies"); at "&" or "AND" when each piece is a name of two to four words;
    else the part whole ("Science And Technology Desk", "Standard And Poor's", "Marks and Spencer Press Office",
    "Procter & Gamble")."""
    pieces = AND.split(part)
    if len(pieces) < 2:
        return [part]
    if re.search(r"\sand\s", part) and any(_person(p) for p in pieces) and \
            all(_person(p) or AGENCIES.fullmatch(p) or p == "agencies" for p in pieces):
        return pieces
    if all(2 <= len(p.split()) <= 4 and name_like(p) for p in pieces):
        return pieces
    return [part]


def _without_month(name: str) -> str:
    """A month glued after a full name goes ("Jane Doe Nov"); a surname that is a month stays ("Theresa May")."""
    bare = TRAILING_MONTH.sub("", name).strip()
    return bare if len(bare.split()) >= 2 else name.strip()


def clean_author(author: str | None) -> str | None:
    """A byline as names joined by ", "; None for a placeholder. Photo credits, e-mail addresses and user names
    glued to a name ("Jane Doe jdoe", "Jane Doe jane.doe@example.com") and a trailing month go."""
    if not author:
        return None
    names: list[str] = []
    author = re.sub(r"^\s*by[:\s]+(?=\S)", "", author, flags=re.IGNORECASE)  # "By Jane Doe and Tom Reed"
    for part in (piece for split in re.split(r"\s*[;,]\s*", author) for piece in _names_joined(split)):
        part = PHOTO_CREDIT.sub("", re.sub(r"^(?:by|and|&)\s+", "", part.strip(), flags=re.IGNORECASE))
        part = _without_month(EMAIL_USER.sub("", part.strip()))
        if not part or CREDENTIAL.match(part) or part.casefold() in PLACEHOLDER_AUTHORS:
            continue
        if part.isupper() and any(n.casefold() == part.casefold() for n in names):
            continue  # "Jana Dovik; JANA DOVIK"
        names = [n for n in names if not (n.isupper() and n.casefold() == part.casefold())]
        if part.casefold() not in {n.casefold() for n in names}:
            names.append(part)
    return ", ".join(names) or None


def _abbreviates(token: str, words: list[str]) -> bool:
    """True when ``token`` is the words squeezed together, each as a whole word or its initial:
    "NYTimes" for "New York Times", "HeraldSun" for "Herald Sun"."""
    if not words:
        return not token
    word = words[0].casefold()
    return (token.startswith(word) and _abbreviates(token[len(word):], words[1:])) or \
        (bool(word) and token.startswith(word[0]) and _abbreviates(token[1:], words[1:]))


def _url_site(name: str) -> str | None:
    host = urlparse(name if "//" in name else f"//{name}").hostname or ""
    labels = [label for label in host.split(".") if label not in {"www", "m", "amp"}]
    if len(labels) < 2:
        return None
    label = labels[-3] if len(labels) >= 3 and len(labels[-2]) <= 3 and len(labels[-1]) == 2 else labels[-2]
    return label.upper() if len(label) <= 4 else label.capitalize()


def clean_source(source: str | None, *, owner: str | None = None) -> str | None:
    """The outlet's name as readers know it; ``owner`` is the copyright owner shown on the page."""
    name = (source or "").strip()
    if re.match(r"^(?:https?://|www\.)", name, re.IGNORECASE):
        name = _url_site(name) or ""
    if owner:
        owner_words = re.sub(r"^the\s+", "", owner.strip(), flags=re.IGNORECASE).split()
        token = re.sub(r"\W+", "", name).casefold()
        if not name or (" " not in name and token and _abbreviates(token, owner_words)):
            return owner.strip()
    if name and " " not in name and re.fullmatch(r"(?:[A-Z][a-z]+){2,}", name):
        name = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name)  # "HeraldSun" -> "Herald Sun"
    return name or None


@lru_cache(maxsize=1)
def _outlets() -> re.Pattern[str]:
    data = json.loads(resources.files("newsbrief.ingest").joinpath("data/outlets.json").read_text(encoding="utf-8"))
    names = sorted(data["outlets"], key=len, reverse=True)  # longest first: "BuzzFeed News" before "BuzzFeed"
    return re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w])")


def is_outlet(name: str | None) -> bool:
    """True when ``name`` is a known news outlet, with or without a leading "the" ("Guardian", "the Guardian", "The
    Guardian"; "The Reuters")."""
    bare = re.sub(r"^the\s+", "", (name or "").strip(), flags=re.IGNORECASE)
    return bool(bare) and any(_outlets().fullmatch(form) for form in (bare, f"The {bare}"))


#: What stands before a known outlet's name when it is the end of another name ("Spin of ...", "Bank of the ...").
INSIDE_NAME = re.compile(r"(?<![\w'’])[A-Z][\w'’.-]*\s+(?:of|de|du)\s+(?:the\s+)?$")
#: A lowercase word: running text, where "X of <outlet>" is another name ("... won a car on Spin of Fortune").
RUNNING_WORD = re.compile(r"(?<![\w'’])[a-z]")


def _inside_name(line: str, start: int) -> bool:
    """True when the outlet named at ``start`` ends another name written inside running text; "X of" at the line
    start is the chrome's own ("Best of ...", "Editor of ...", "Part of ... Media Group")."""
    inside = INSIDE_NAME.search(line, 0, start)
    return inside is not None and bool(RUNNING_WORD.search(line, 0, inside.start()))


def outlet_in(lines: list[str]) -> str | None:
    """The known outlet named most often in ``lines`` (a page's chrome); ties go to the first named."""
    counts: dict[str, int] = {}
    for line in lines:
        for match in _outlets().finditer(line):
            if _inside_name(line, match.start()):
                continue  # part of another name in a sentence: "... on Spin of Fortune"
            counts[match.group(0)] = counts.get(match.group(0), 0) + 1
    return max(counts, key=lambda n: counts[n]) if counts else None
