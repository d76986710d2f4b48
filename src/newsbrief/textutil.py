"""Small text helpers shared by every layer (no NLP, no markup): name keys, clipping, numbers."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_INITIALISM = re.compile(r"\b([a-z]) (?=[a-z]\b)")  # initialisms: "u s" (U.S.) -> "us"
_IY_END = re.compile(r"(?:iy|yy|ij)\b")
_DOUBLED = re.compile(r"([a-z])\1+")


@lru_cache(maxsize=65_536)  # called per candidate mention with the same few thousand names
def fold(name: str) -> str:
    """A key under which spelling and transliteration variants of a name coincide.

    Lower case, accents removed, punctuation to spaces, ``-iy``/``-yy`` endings to ``-y``
    (Zelenskiy, Zelenskyy -> zelensky), doubled letters collapsed (Donbass -> donbas).
    """
    if name.isascii():  # NFKD changes no ASCII character and leaves no combining mark
        text = name.lower()
    else:
        text = unicodedata.normalize("NFKD", name)
        text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
        text = text.replace("’", "'")
    text = _NOT_ALNUM.sub(" ", text).strip()
    text = _INITIALISM.sub(r"\1", text)
    text = _IY_END.sub("y", text)
    return _DOUBLED.sub(r"\1", text)


def minus(text: str) -> str:
    """A true minus sign for negative numbers (−0.35, not -0.35)."""
    return text.replace("-", "\u2212")


def signed(x: float) -> str:
    """Signed two-decimal number with a true minus sign: +0.12, −0.34."""
    return minus(f"{x:+.2f}")


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """``1 mention``, ``2 mentions`` (``nouns`` for irregular plurals)."""
    return f"{count:,} {noun if count == 1 else (nouns or noun + 's')}"


# Below this many words a body is a caption or a teaser, not an article that was read.
THIN_WORDS = 80
# A caption ends with its credit: "(AP)", "(Photo: Jane Doe/Reuters)", "Photograph: AFP".
_CAPTION_CREDIT = re.compile(
    r"(?:\((?:[^()]{0,60}/)?(?:AP|AFP|Reuters|EPA|Getty(?: Images)?|Xinhua|PA|Bloomberg)\)|"
    r"\((?:photo|image|picture|credit)s?\b[^()]{0,80}\)|"
    r"\b(?:photo(?:graph)?|image|picture|credit)s?\s*(?:by|:)\s*[^.]{2,60})\s*\.?$", re.IGNORECASE)


def thin_reason(text: str) -> str | None:
    """Why a body is too little to brief on as an article, or None when it is enough.

    Too short (below :data:`THIN_WORDS` words), shaped like a photo caption (short and ending in a
    credit, or one or two sentences), or mostly page chrome (most lines are short link-like lines:
    menus, buttons, teaser titles).
    """
    words = len(text.split())
    if words < THIN_WORDS:
        sentences = len(re.findall(r"[.!?](?:\s|$)", text.strip())) or 1
        if _CAPTION_CREDIT.search(text.strip()) or (words < 40 and sentences <= 2):
            return f"looks like a photo caption ({words} words)"
        return f"only {words} words"
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    chrome = [line for line in lines if len(line.split()) <= 5 and line[-1:] not in ".!?\"”’:;)"]
    if len(lines) >= 8 and len(chrome) >= 0.6 * len(lines) and \
            sum(len(line.split()) for line in chrome) >= 0.3 * words:
        return f"mostly page chrome ({len(chrome)} of {len(lines)} lines are menu-like)"
    return None
