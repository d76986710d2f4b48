"""Small text helpers shared by every layer (no NLP, no markup): name keys, clipping, numbers."""

from __future__ import annotations

import re
import unicodedata


def fold(name: str) -> str:
    """A key under which spelling and transliteration variants of a name coincide.

    Lower case, accents removed, punctuation to spaces, ``-iy``/``-yy`` endings to ``-y``
    (Zelenskiy, Zelenskyy -> zelensky), doubled letters collapsed (Donbass -> donbas).
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = text.replace("’", "'")
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    text = re.sub(r"\b([a-z]) (?=[a-z]\b)", r"\1", text)  # initialisms: "u s" (U.S.) -> "us"
    text = re.sub(r"(?:iy|yy|ij)\b", "y", text)
    text = re.sub(r"([a-z])\1+", r"\1", text)
    return text


def clip(text: object, limit: int = 280) -> str:
    """``text`` on one line, shortened at a word boundary with an ellipsis when over ``limit``."""
    if text is None or (isinstance(text, float) and text != text):
        return ""
    value = " ".join(str(text).split())
    if len(value) <= limit:
        return value
    cut = value[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(",;: ") + " …"


def minus(text: str) -> str:
    """A true minus sign for negative numbers (−0.35, not -0.35)."""
    return text.replace("-", "\u2212")


def signed(x: float) -> str:
    """Signed two-decimal number with a true minus sign: +0.12, −0.34."""
    return minus(f"{x:+.2f}")


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """``1 mention``, ``2 mentions`` (``nouns`` for irregular plurals)."""
    return f"{count:,} {noun if count == 1 else (nouns or noun + 's')}"
