"""The copyright line of a page copy: the owner it names and the latest year it shows."""

from __future__ import annotations

import re

from .boilerplate import COPYRIGHT
from .copy_patterns import FOREIGN_LEGAL_FORMS, LEGAL_FORMS

#: What a copyright owner carries beside the name: the rights formula and a legal form, English or foreign
#: ("Example Times Co.", "Example Pty Ltd", "examplesoft GmbH"), never inside a domain ("harbourdaily.co.uk",
#: "harbour-co.com"). A company word ("Group", "Interactive") is part of the name: the outlet's or its parent's
#: (:func:`~.copy_parent.parent_company` decides), never cut off.
OWNER_NOISE = re.compile(
    rf"(?i)\b(?:all rights reserved|or its affiliated companies)\b\.?|"
    rf"(?<![\w.-])(?:{LEGAL_FORMS}|(?-i:{FOREIGN_LEGAL_FORMS}))(?![\w-]|\.\w)\.?"
)
#: A picture's credit ("Photo: © 2020 AP", "Image credit: ..."): not the site's own notice.
PICTURE_NOTICE = re.compile(r"(?i)\b(?:photos?|photograph|image|picture|illustration|credit|video|graphic)s?\b")


def credit_notice(line: str) -> bool:
    """A notice that credits a picture or ends a caption: the words before its mark name a picture, or are a
    sentence ("Council members at a meeting. © Reuters 2020"), not a site's name ("Example Media Group. All rights
    reserved")."""
    mark = COPYRIGHT.search(line)
    before = line[:mark.start()] if mark else line
    lower = [word for word in re.findall(r"[^\W\d_][\w'’-]*", before) if word[0].islower()]
    return bool(PICTURE_NOTICE.search(before)) or (len(lower) >= 2 and before.rstrip().endswith("."))


def site_notice(lines: list[str], *, body: list[str] | set[str]) -> str | None:
    """The site's own copyright notice: the last notice outside the story (``body``) that is no picture's credit nor a
    caption's end (:func:`credit_notice`): the one notice every reader of the page's owner counts."""
    story = body if isinstance(body, set) else set(body)
    notices = [line for line in lines if line not in story and COPYRIGHT.search(line) and not credit_notice(line)]
    return notices[-1] if notices else None


def copyright_owner(lines: list[str]) -> str | None:
    """The owner named by a copyright line ("© 2019 The Example Times Co. All rights reserved")."""
    for i, line in enumerate(lines):
        if COPYRIGHT.search(line) and len(line.split()) < 40:
            owner = re.sub(r".*?(?:©|\(c\)|copyright)", "", line, count=1, flags=re.IGNORECASE)
            if not re.search(r"[^\W\d_]", owner) and i + 1 < len(lines):  # "© 2017" / "The Example Times Co."
                owner = lines[i + 1]
            owner = re.sub(r"\b(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?\b", "", owner)
            owner = re.sub(r"^(?:[\W_]|copyright\b|by\b)+", "", owner.strip(), flags=re.IGNORECASE)
            owner = re.split(r"[.|,]\s|\.$|\|", owner)[0]  # "The Example News, a Digital First Media Newspaper"
            owner = OWNER_NOISE.sub("", owner).strip(" ,.-©")
            owner = re.sub(r"\s+", " ", owner)
            if owner and len(owner.split()) <= 6 and not owner.lower().startswith(("provided", "all")):
                return owner
    return None


def copyright_year(lines: list[str]) -> int | None:
    """The latest year a copyright line shows ("© 2017-2019 ..." -> 2019)."""
    years = [int(y) for line in lines if COPYRIGHT.search(line) for y in re.findall(r"\b(?:19|20)\d{2}\b", line)]
    return max(years) if years else None
