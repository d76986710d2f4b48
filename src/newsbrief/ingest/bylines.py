"""Bylines in a page copied from a browser: "By Jane Doe", "Jane Doe, AP Auto Writer", a date line ending
"by Jane Doe", a staff byline, a name with its handle, a bare name beside the date line, an author box after the
story; the test that tells a person's name from a widget label or a heading of common words; and photo credits."""

from __future__ import annotations

import re

from .copy_patterns import DATE, DATE_NO_YEAR, MONTH, STOPWORDS, WEEKDAY
from .names import AGENCIES, AND_WORD, NAME_PARTICLES, PHOTO_AGENCY, is_outlet, name_like

BYLINE = re.compile(r"^(?:(?:written|posted|reported|analysis|opinion|story|words|text|commentary|review|"
                    r"interview|photos and text) )?by[:\s]+(?P<name>.+)$", re.IGNORECASE)
# "By" in the languages of the copies: German, Spanish/Portuguese, French, Swedish/Norwegian/Danish, Polish
# ("Von Jane Doe publiziert am ...", "por: Jane Doe"); the name after it needs two words ("Von Miller" alone is a name).
# Capitalised and without a colon the word opens a headline in title case as often ("Av Club Rankings Revealed", "Por
# Favor Taqueria Opens ..."): a byline only when the line goes on after two to four capitalised words in lowercase,
# digits or a separator ("Von Jane Doe publiziert am 25. September 2018").
FOREIGN_BYLINE = re.compile(r"^(?:(?:von|por|par|av|af|przez)\s+|(?i:von|por|par|av|af|przez)\s*:\s*)"
                            r"(?P<name>[A-Z][\w'’.-]+\s+[A-Z].*)$|"
                            r"^(?:Von|Por|Par|Av|Af|Przez)\s+(?P<lead>(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’.-]*"
                            r"(?=\s*[,|•–—-]|\s+[a-z\d]).*)$")
#: The by-word and a name alone on its line ("Von Jana Dorn", "Por Ana Ruiz", "Von Jan van der Berg"): two capitalised
#: words and the particles between them, no more (title-case words after them are a headline: "Av Club Rankings
#: Revealed"; one word is a name: "Von Miller").
LONE_FOREIGN_BYLINE = re.compile(r"^(?:Von|Por|Par|Av|Af|Przez)\s+(?P<name>[A-Z][\w'’.-]*\s+(?:[a-z]{1,3}\s+){0,3}"
                                 r"[A-Z][\w'’.-]*)$")
# A date line ending with the byline ("5:45 AM PST 11/19/2019 by Jane Doe", "February 1, 2019 | BY: Jane Doe").
DATED_BYLINE = re.compile(r"^(?=.*\d).{4,60}?(?:\s+|\|\s*)(?i:by):?\s+(?P<name>[A-Z].+)$")
# A staff byline: the outlet's or a desk's staff ("By Example Post Staff", "Example Editorial Staff", "Our Foreign
# Staff", "Example News wire services", "Example Courier Staff Reports"); the author as written (the gold pages count
# it), though "staff" is never part of a person's name. "Staff Reports" alone names no one: no author.
STAFF = re.compile(r"^(?P<who>(?:[A-Z][\w.&'’-]*\s+){0,4})(?:(?i:editorial|news|foreign|web|digital)\s+)?"
                   r"(?i:staff|wire services|news services|wire reports|(?<=\s)staff reports)$")


def is_staff(line: str) -> bool:
    """A staff byline (:data:`STAFF`: "By The Example Times Staff", "Example Staff Reports") whose words before
    "staff" name an outlet or a desk: no function word ("Our" or a first "The" aside) a headline in title case has
    ("Council Thanks Its Bridge Staff")."""
    match = STAFF.match(line.strip())
    who = match.group("who").split() if match else []
    if who and who[0].casefold() in {"our", "the"}:
        who = who[1:]
    return match is not None and not any(w.casefold() in STOPWORDS for w in who)
# A label alone on its line with the name on the next ("By", "Author:", "Written by:", "Autor:").
BY_LABEL = re.compile(r"(?i)^(?:by|(?:written |posted )?by:|authors?:|written by|autor(?:in)?:|auteur:)$")
# A name with its social handle ("Jane Doe @jdoe", "Jane Doe, @jdoe"): a byline.
HANDLE_BYLINE = re.compile(r"^(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}),?\s+(?:\(\s*)?@\w{2,}\)?$")
# A byline without "By": the name, then a role, an agency or a known outlet ("Jane Doe, AP Auto Writer", "Jane Doe and
# John Roe, Associated Press", "Jane Doe, CNN").
ROLE_BYLINE = re.compile(r"^(?P<name>[A-Z][^,]{3,60}?),\s+(?P<role>(?:[A-Z][\w.&'-]*\s*){1,6})$")
ROLE_WORDS = re.compile(r"(?i)\b(?:writer|reporter|correspondent|editor|columnist|contributor|press|reuters|"
                        r"staff|bureau|news|business|afp|upi)\b")
JOB_WORDS = re.compile(r"(?i)\b(?:writer|reporter|correspondent|editor|columnist|contributor|staff|bureau)\b")
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
    text = re.split(r"\s+[-–—|/]\s+", text)[0]  # "Jane Doe - Example Contributor 2019-11-19", "Jane Doe / Example"
    if is_staff(text):
        return text.strip()
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
    kept = []  # up to the first lowercase word that is no particle ("Jane Doe publiziert am", "Jane Doe in Rome")
    for word in text.split():
        if word[:1].islower() and word not in NAME_PARTICLES and not AND_WORD.fullmatch(word):
            break
        kept.append(word)
    text = re.sub(r"\s+(?:and|&)$", "", " ".join(kept)).strip(" ,")
    return text if 1 <= len(text.split()) <= 10 else None


def bare_name(line: str, *, common: frozenset[str] = frozenset()) -> bool:
    """A line that is only a person's name ("Mark Di Stefano"): two to five capitalised words, no date, no label.
    ``common``: words the page writes in lowercase; a line of three words or more (or in capitals) two or more (and
    half) of whose words are among them is a label or a heading ("Classic Motorcycle Mechanics", "CAR REVIEWS"), not a
    name."""
    if not (NAME.match(line) and 2 <= len(line.split()) <= 5 and not DATE.search(line) and name_like(line)) or \
            acronyms(line):
        return False
    tokens = [w.casefold() for w in re.findall(r"[^\W\d_][\w'’-]*", line) if not AND_WORD.fullmatch(w)]
    if len(tokens) < 3 and not line.isupper():
        return True  # a two-word name of common words is a name as often as not ("Grant Young", "Rose Hill")
    lowered = sum(w in common for w in tokens)
    return not (lowered >= 2 and 2 * lowered >= len(tokens))


def lowercase_words(lines: list[str]) -> frozenset[str]:
    """The words a page writes in lowercase (three letters or more): common words, never a name's."""
    return frozenset(w for line in lines for w in re.findall(r"(?<![\w'’-])[a-z][a-z'’-]{2,}", line))


def _accept(text: str | None, line: str = "") -> str | None:
    """The cleaned name of a byline's text, or None when it is no name (a staff byline counts; ``line``: the line it
    stands on, :func:`acronyms`)."""
    name = clean_name(text) if text else None
    return name if name and ((name_like(name) and not acronyms(name)) or is_staff(name)) else None


def _name_words(name: str) -> list[str]:
    """The words of a byline's name, without "and" ("NASA and ESA" -> NASA, ESA)."""
    return [w for w in re.findall(r"[\w'’.-]+", name) if not AND_WORD.fullmatch(w)]


def acronyms(name: str) -> bool:
    """True when a name in capitals is a run of acronyms ("IANS PTI", "EFE AFP"): two words or more, one a news agency
    or a known outlet (an agency alone, "By REUTERS", is a wire credit: :func:`~.sources.split_wire` takes it). A short
    name in capitals is a name ("By JOHN LEE", "By J. LEE"): the case of the name tells, never the line's (it opens
    with "By")."""
    words = _name_words(name)
    return len(words) >= 2 and all(w.isupper() for w in words) and \
        any(AGENCIES.fullmatch(w) or is_outlet(w) for w in words)


def story_acronyms(name: str, story: list[str]) -> bool:
    """True when a byline in capitals of two words or more is a list of acronyms the story itself writes apart, in
    capitals inside its prose ("By NASA ESA" over "... images from NASA and ESA ..."): organisations credited, no
    person. A name in capitals ("By JOHN LEE") is one the story writes otherwise ("Lee wrote"), not at all, or as the
    same run of words, spaces between them (a photo credit "JOHN LEE/THE EXAMPLE TIMES", a question "JOHN LEE: How ...";
    "NASA, ESA" and "NASA/ESA" are two acronyms): never dropped.
    No word list: the page tells."""
    words = _name_words(name)
    if len(words) < 2 or not all(w.isupper() and w.isalpha() for w in words):
        return False
    run = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)")
    if any(run.search(line) for line in story):
        return False  # the name itself, in a credit or a speaker's label
    shouted = {w for line in story if re.search(r"\b[a-z]{3,}\b", line)
               for w in re.findall(r"\b[A-Z]{2,}\b", SPEAKER.sub("", line))}
    return all(w in shouted for w in words)


# A speaker's label opening a line of an interview ("ANNA BELL: There was ...").
SPEAKER = re.compile(r"^[A-Z][A-Z .'’-]{1,40}:\s")


#: A name and the agency or outlet it works for, after a slash: a photo credit ("Jane Doe/The Example Times").
SLASH_CREDIT = r"(?:[A-Z][\w.'’-]+\s+){0,3}[A-Z][\w.'’-]+\s*/\s*(?:the\s+)?[A-Z][\w .&'’-]{1,40}$"
#: A picture's credit line ("Photo: Jane Doe", "Jane Doe/Example Images", "Getty Images", "AP Photo/Jane Doe"); never a
#: byline ("By Jane Doe / Example Courier").
CREDIT_LINE = re.compile(rf"(?i)^(?!by\b)(?:(?:photo(?:graph)?s?|image|picture|credit|source)\s*:|"
                         rf".*\b(?:{PHOTO_AGENCY})\b|(?-i:{SLASH_CREDIT}))")


def photo_credit(line: str, *, below_date: bool) -> bool:
    """A picture's credit line (:data:`CREDIT_LINE`, twelve words at most); ``below_date``: under the date line, a
    name with only an agency or an outlet after it too ("Jane Doe, Associated Press": above the date line that is the
    byline of an agency's story)."""
    if len(line.split()) <= 12 and CREDIT_LINE.search(line):
        return True
    match = ROLE_BYLINE.match(line) if below_date and len(line) <= 100 else None
    return bool(match and not JOB_WORDS.search(match.group("role")) and name_like(match.group("name")))


def _joined(lines: list[str], i: int) -> str:
    """Line ``i`` with the lines a list of names runs on to ("By Jane Doe and" / "John Roe"; "Jane Doe" / "and" /
    "John Roe")."""
    text, j = lines[i], i
    while j + 1 < len(lines) and len(text) < 150 and (re.search(r"(?:\band|&|,)$", text, re.IGNORECASE) or
                                                      re.match(r"(?:and|&)(?:\s|$)", lines[j + 1], re.IGNORECASE)):
        j += 1
        text = f"{text} {lines[j]}"
    return text


def _explicit(line: str, following: str | None, *, credit: bool = True) -> str | None:
    """The name of a line written as a byline ("By ...", "... by Jane Doe", "Jane Doe, Staff Writer", "Jane Doe
    @jdoe", "Von Jane Doe ..."; ``following``: the next line, the name under a lone "By"). Without ``credit`` (under
    the date line), a name with only an agency or an outlet after it is a photo credit ("Jane Doe, Associated
    Press" under a caption), and only a job ("Jane Doe, Staff Writer") makes it a byline."""
    if (match := BYLINE.match(line) or FOREIGN_BYLINE.match(line)) and \
            (name := _accept(match.group("name") or match.group("lead"), line)):
        return name
    if (match := LONE_FOREIGN_BYLINE.match(line.strip())) and bare_name(match.group("name")):
        return match.group("name")
    match = DATED_BYLINE.match(line) if len(line) <= 120 and DATE.search(line) else None
    if match and (name := _accept(match.group("name"), line)):
        return name
    match = ROLE_BYLINE.match(line) if len(line) <= 100 else None
    role = match.group("role") if match else ""
    if match and (JOB_WORDS.search(role) or (credit and (ROLE_WORDS.search(role) or is_outlet(role.strip())))) and \
            (name := _accept(match.group("name"), line)):
        return name
    if (match := HANDLE_BYLINE.match(line)) and name_like(match.group("name")) and \
            not acronyms(match.group("name")):
        return match.group("name")
    if BY_LABEL.match(line.strip()) and following is not None:
        return _accept(following, following)
    return None


def _on_date_line(line: str, common: frozenset[str]) -> str | None:
    """A name written beside the date on a date line: "Jane Doe - Nov 19, 2019, 10:31 pm CST", "Jane Doe 27/09/2018
    2 comments", "November 20, 2019 Jane Doe", "21/06/2014 Jane Doe Books, News" (two to four capitalised words)."""
    dated = DATE.search(line) if len(line) <= 100 else None
    if dated is None:
        return None
    head, rest = line[:dated.start()].rstrip(), line[dated.end():].strip(" ,|•-–—")
    candidates: list[list[str]] = []  # words nearest the date first
    if head and (re.search(r"\s[-–—|•]$|,$", head) or len(head.split()) <= 4):
        candidates.append(head.rstrip(" ,-–—|•").split()[::-1])
    if run := re.match(r"(?:[A-Z][\w'’.-]*\s*){2,4}", rest):
        candidates.append(run.group(0).split())
    for k, tokens in enumerate(candidates):
        before = k == 0 and bool(head) and not (len(candidates) == 1 and run)
        for n in range(len(tokens), 1, -1):  # the longest run of capitalised words that reads as a name
            words = tokens[:n][::-1] if before else tokens[:n]
            name = " ".join(words)
            if not any(DATE_WORDS.fullmatch(w.strip(".,")) for w in words) and bare_name(name, common=common):
                return name
    return None


#: Words of a date line that are no name ("Posted Tuesday", "Updated Nov").
DATE_WORDS = re.compile(rf"(?i)(?:{MONTH}|{WEEKDAY.pattern}|published|updated|posted|modified|"
                        r"on|at|am|pm|[ap]\.m\.|ist|[a-z]st|[a-z]dt|gmt|utc|et|pt)")


def find_author(lines: list[str], *, bare: bool = True, common: frozenset[str] = frozenset(),
                date_at: int | None = None) -> str | None:
    """The byline of a header zone: an explicit byline (:func:`_explicit`) first; with ``bare``, else a staff line,
    a line that is only a name or a name on the date line (not a menu label; ``common``: :func:`lowercase_words`).
    ``date_at``: the date line's index in ``lines`` (a name and an agency under it, below a caption, are a photo
    credit; right under it, the byline)."""
    for i in range(len(lines)):
        credit = date_at is None or i <= date_at + 1  # a caption between the date line and the name: a photo credit
        if name := _explicit(_joined(lines, i), _joined(lines, i + 1) if i + 1 < len(lines) else None, credit=credit):
            return name
    if not bare:
        return None
    staff = next((line for line in lines if is_staff(line) and len(line.split()) >= 2), None)
    if staff:
        return staff

    # a bare name line next to the date line ("Mark Di Stefano"), one in capitals (a kicker?) last
    def label(j: int) -> bool:
        return not 0 <= j < len(lines) or (len(lines[j].split()) <= 3 and not re.search(r"\d", lines[j]))

    def shouted(j: int) -> bool:
        return 0 <= j < len(lines) and lines[j].isupper()

    in_menu = {line for i, line in enumerate(lines)
               if (label(i - 1) and line not in lines[max(0, i - 1):i]) or
               (line.isupper() and (shouted(i - 1) or shouted(i + 1)))}  # a menu in capitals: "FEATURED CONTENTS"
    for line in sorted(lines, key=str.isupper):
        if line in in_menu:
            continue  # a label after a label (a menu: "Europe", "Latin America", "Middle East"), not a byline
        if bare_name(line, common=common):
            return line
        if name := _on_date_line(line, common):
            return name
    return None


#: The heading of the readers' comments: no author box after it.
COMMENTS = re.compile(r"(?i)^(?:\d+\s+)?(?:comments?|responses?|replies|join the (?:conversation|discussion)|"
                      r"leave a (?:comment|reply))\b")
#: A word of a line written in the first person: a reader's comment, not an author's bio.
FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|my|me|we|our|us)\b")


def author_box(lines: list[str], *, common: frozenset[str] = frozenset()) -> str | None:
    """The name of an author box (outside the story): a name, or a word and a name ("About Jane Doe", "Über Jane
    Doe"), with the next line about that person (prose naming them again: "Jane Doe is ...", "Jane joined ... in
    2017."; no word of the name written in lowercase on the page, ``common``); or a note opening with the name ("Jane
    Doe (@jdoe) is a staff writer ..."); never a reader's comment ("Ada Brook" / "I live by the bridge and Ada thinks
    ...", nor one after the comments' heading, :data:`COMMENTS`). The first box found."""
    for i, line in enumerate(lines):
        if COMMENTS.match(line):
            return None  # the readers' comments begin
        note = re.match(r"^(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3})(?:\s+\(@\w+\))?\s+(?:is|was)\s+"
                        r"(?:a|an|the)\s", line)
        if note and bare_name(note.group("name"), common=common) and len(line.split()) <= 80:
            return note.group("name")
        tokens = line.split()
        if not 2 <= len(tokens) <= 5 or i + 1 >= len(lines):
            continue
        bio = lines[i + 1]
        if len(bio.split()) < 8 or not bio.rstrip().endswith((".", ".”", '."', ".)")) or FIRST_PERSON.search(bio):
            continue  # a bio is prose in the third person, not another headline nor a reader's comment
        for name in (line, " ".join(tokens[1:])):
            if bare_name(name, common=common) and not any(w.casefold() in common for w in name.split()) and \
                    any(re.search(rf"\b{re.escape(part)}\b", bio) for part in name.split() if len(part) > 2):
                return name
    return None
