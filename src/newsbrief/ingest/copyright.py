"""The copyright line of a page copy: the owner it names and the latest year it shows."""

from __future__ import annotations

import re

from .boilerplate import COPYRIGHT
from .copy_patterns import LEGAL_FORMS

OWNER_NOISE = re.compile(
    rf"\b(?:all rights reserved|or its affiliated companies|{LEGAL_FORMS}|"
    r"media group|group|productions|interactive)\b\.?", re.IGNORECASE,
)

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
