"""Embedded social posts: a post's text, then its signature line ("— Mara Telvin (@maratelvin) March 3, 2021").

A page that embeds a post keeps its text and, below it or at its end, the line the embed code signs it with: a
dash, the display name, the @handle in brackets and the date, maybe after the post's picture link
("pic.twitter.com/...") or a short link. The signature has one fixed shape (the same one
``newsbrief.ingest.copy_admission.POST_SIGNATURE`` admits into a page's copy), so the text above it is a direct
statement of the display name, given only when the named-entity model reads that name as a person or an
organisation (only those speak; a wrong name is worse than none).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .index import Cand, QuoteIndex
from .speaker import Speaker

__all__ = ["post_candidates", "SIGNATURE"]

_LINK = r"(?:pic\.twitter\.com/\S+|https?://\S+)"
#: The signature at the end of a paragraph: an optional link, a dash, the display name, ``(@handle)``, a date.
SIGNATURE = re.compile(
    rf"(?<!\S)(?:{_LINK}\s*)?[—–-]\s*(?P<name>[^()\n@—–]{{1,80}}?)\s*\(@\w{{1,30}}\)\s+"
    r"[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}\s*$"
)
_TRAILING_LINKS = re.compile(rf"(?:\s*{_LINK})+\s*$")
_MIN_WORDS = 3
_SPEAKING = frozenset({"PERSON", "ORG"})


def _speaker(ix: QuoteIndex, start: int, end: int) -> Speaker | None:
    """The display name as a speaker: the part of it a PERSON or ORG entity covers (the model may run the entity
    into the link before the dash); ``None`` when no such entity overlaps it."""
    ent = next((e for e in ix.doc.ents if e.label_ in _SPEAKING and e.start_char < end and start < e.end_char), None)
    if ent is None:
        return None
    return Speaker(start, end, max(start, ent.start_char), min(end, ent.end_char), True)


def _content(ix: QuoteIndex, lo: int, hi: int) -> tuple[int, int] | None:
    """The post's text in ``[lo, hi)`` without the links at its end, when it has a few words."""
    text = ix.text[lo:hi]
    cut = _TRAILING_LINKS.search(text)
    if cut is not None:
        text = text[: cut.start()]
    stripped = text.strip()
    if len(stripped.split()) < _MIN_WORDS:
        return None
    a = lo + text.index(stripped)
    return a, a + len(stripped)


def post_candidates(ix: QuoteIndex) -> Iterator[Cand]:
    """One direct candidate per embedded post whose signature names a person or organisation: the text before
    the signature in its paragraph or, for a signature on its own, the paragraph before it."""
    for p, (lo, hi) in enumerate(zip(ix.paras.starts, ix.paras.ends, strict=True)):
        if hi <= ix.skip_until:
            continue
        m = SIGNATURE.search(ix.text, lo, hi)
        if m is None:
            continue
        speaker = _speaker(ix, m.start("name"), m.end("name"))
        if speaker is None:
            continue
        region = _content(ix, lo, m.start()) if ix.text[lo : m.start()].strip() else (
            _content(ix, ix.paras.starts[p - 1], ix.paras.ends[p - 1]) if p > 0 else None
        )
        if region is None or region[0] < ix.skip_until:
            continue
        yield Cand([region], "direct", None, None, set(), speaker, (m.start("name"), m.end("name")))
