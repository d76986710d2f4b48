"""Bylines in a page copied from a browser: "By Jane Doe", "Jane Doe, AP Auto Writer", a date line ending
"by Jane Doe", a bare name beside the date line; and the test that tells a person's name from a widget label."""

from __future__ import annotations

import re

from .copy_patterns import DATE, DATE_NO_YEAR, STOPWORDS

BYLINE = re.compile(r"^(?:(?:written|posted|reported|analysis|opinion|story|words|text|commentary|review|"
                    r"interview|photos and text) )?by[:\s]+(?P<name>.+)$", re.IGNORECASE)
# A date line ending with the byline ("5:45 AM PST 11/19/2019 by Jane Doe").
DATED_BYLINE = re.compile(r"^(?=.*\d).{4,60}?\s+by\s+(?P<name>[A-Z].+)$")
# A byline without "By": the name, then a role or an agency ("Jane Doe, AP Auto Writer", "Jane Doe and John Roe,
# Associated Press").
ROLE_BYLINE = re.compile(r"^(?P<name>[A-Z][^,]{3,60}?),\s+(?P<role>(?:[A-Z][\w.&'-]*\s*){1,6})$")
ROLE_WORDS = re.compile(r"(?i)\b(?:writer|reporter|correspondent|editor|columnist|contributor|press|reuters|"
                        r"staff|bureau|news|business|afp|upi)\b")
NAME = re.compile(r"^(?:[A-Z][\w'’.-]*|[A-Z]\.|de|van|von|da|di|del|la|le|bin|al)"
                  r"(?:\s+(?:[A-Z][\w'’.-]*|[A-Z]\.|de|van|von|da|di|del|la|le|bin|al|and|&|,)){1,5}$")
def find_byline(lines: list[str]) -> str | None:
    """The name of an explicit byline in a header block ("By ...", or a "By" line and the name below)."""
    return find_author(lines, bare=False)


ROLE = re.compile(r"(?<=[a-z])(?:(?:Staff|Senior|Business|Chief|Contributing|Political|Foreign|Sports|Special|"
                  r"Guest)\s*)?"
                  r"(?:Writer|Columnist|Reporter|Correspondent|Editor|Contributor)\b.*$|(?<=[a-z])\d.*$|\s+-\s+\d.*$")


def clean_name(text: str) -> str | None:
    text = re.sub(r"\s*\S*@\S+.*$", "", text)  # an e-mail address or handle and what follows it
    text = re.sub(r"\s*\([^()]{1,30}\)", "", text)  # a role in brackets ("Jane Doe (reporting) and ...")
    text = re.sub(r"(?<=[a-z])[A-Z]{2,}\w*$", "", text)  # an outlet glued to the name ("Jane DoeEXAMPLENews")
    parts = text.split(", ")
    for j, part in enumerate(parts[1:], start=1):  # ", Example Business", ", Senior Editor-at-large": a credit
        if ROLE_WORDS.search(part) or not name_like(part.removeprefix("and ")):
            text = ", ".join(parts[:j])
            break
    text = ROLE.sub("", text)  # "Meg JamesStaff Writer", "Lucas Nolan22 Dec 2016", "Tess Bonn - 11/19/19"
    text = DATE.split(text)[0] if DATE.search(text) else text
    text = DATE_NO_YEAR.split(text)[0]
    text = re.split(r"\s+(?:Follow|@|\||•|Updated|Published|Posted|Email)\b|[|•@]", text)[0]
    text = re.sub(r"\s+(?:and|,|on|at)$", "", text.strip(" ,;-–—"), flags=re.IGNORECASE)
    return text if 1 <= len(text.split()) <= 10 else None


# Words of buttons, links and section labels ("Sign In", "Email Me", "Site Tools", "Watch Live"): never in a name.
WIDGET_WORDS = frozenset(
    "sign log login register subscribe subscription email e-mail share follow watch live listen read more learn "
    "site tools tool menu search home news video videos photos photo gallery now print save comment comments "
    "newsletter newsletters alerts app apps download open close back top next previous today latest trending "
    "tv radio podcast podcasts talk stocks markets market sections section account profile settings help "
    "contact about us privacy terms cookies edition editions weather sports opinion business politics world "
    "local national facts first breaking click here view all see show options sharing links external window "
    "playback media device unsupported staff reports report posts guest odds".split()
)


NAME_PARTICLES = frozenset({"de", "van", "von", "da", "di", "del", "la", "le", "bin", "al", "der", "den", "du", "dos"})


def name_like(text: str) -> bool:
    """A person's name, not a widget label: no stop word or widget word, not only acronyms ("CNBC TV")."""
    words = [w for w in re.findall(r"[\w'’.-]+", text) if w not in {"and", "&"}]
    if not words or all(re.fullmatch(r"[A-Z]{2,5}", w) for w in words):
        return False
    if any(w[:1].islower() and w not in NAME_PARTICLES for w in words):
        return False  # "Ukraine urges NATO to send ...": a sentence
    return not any(w.casefold() in WIDGET_WORDS or (w.casefold() in STOPWORDS and w.islower() is False
                                                       and w.casefold() not in {"de", "van", "von", "da", "di", "del",
                                                                                 "la", "le", "bin", "al"})
                   for w in words)


def bare_name(line: str) -> bool:
    """A line that is only a person's name ("Mark Di Stefano"): two to five capitalised words, no date, no label."""
    return bool(NAME.match(line)) and 2 <= len(line.split()) <= 5 and not DATE.search(line) and name_like(line)


def find_author(lines: list[str], *, bare: bool = True) -> str | None:
    for i, line in enumerate(lines):
        match = BYLINE.match(line)
        if match:
            name = clean_name(match.group("name"))
            if name and name_like(name):
                return name
        match = DATED_BYLINE.match(line) if len(line) <= 120 and DATE.search(line) else None
        if match:
            name = clean_name(match.group("name"))
            if name and name_like(name):
                return name
        match = ROLE_BYLINE.match(line) if len(line) <= 100 else None
        if match and ROLE_WORDS.search(match.group("role")):
            name = clean_name(match.group("name"))
            if name and name_like(name):
                return name
        if line.strip().lower() == "by" and i + 1 < len(lines):
            name = clean_name(lines[i + 1])
            if name and name_like(name):
                return name
    # a bare name line next to the date line ("Mark Di Stefano"), one in capitals (a kicker?) last
    def label(j: int) -> bool:
        return not 0 <= j < len(lines) or (len(lines[j].split()) <= 3 and not re.search(r"\d", lines[j]))

    in_menu = {line for i, line in enumerate(lines)
               if label(i - 1) and line not in lines[max(0, i - 1):i]}
    for line in sorted(lines, key=str.isupper) if bare else []:
        if line in in_menu:
            continue  # a label after a label (a menu: "Europe", "Latin America", "Middle East"), not a byline
        if bare_name(line):
            return line
        dated = DATE.search(line) if len(line) <= 80 else None
        head = line[:dated.start()].rstrip() if dated else ""
        if head and re.search(r"\s[-–—|•]$|,$", head):  # the name on the date line ("Jane Doe - Nov 19, 2019")
            name = head.rstrip(" ,-–—|•")
            if bare_name(name):
                return name
    return None
