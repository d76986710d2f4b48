"""Entity mentions from a spaCy Doc: trimmed surfaces, non-entities dropped, geographic heads.

Canonical names across articles are the job of :mod:`newsbrief.nlp.linking`; this module
only decides what one mention in one Doc is.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, TypedDict

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

#: Entity labels newsbrief counts: people, organisations, places (incl. facilities).
KEEP_LABELS: frozenset[str] = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
PLACE_LABELS: frozenset[str] = frozenset({"GPE", "LOC", "FAC"})
#: A name followed by one of these nouns is a place ("the Crimea peninsula", "Donbass region").
GEO_HEADS: frozenset[str] = frozenset(
    {"peninsula", "region", "province", "oblast", "river", "island", "islands", "coast", "valley",
     "mountains", "sea", "city", "town", "village", "border", "state", "county", "district", "capital"}
)
LEADING_DROP: frozenset[str] = frozenset({"the", "a", "an"})
TRAILING_DROP: frozenset[str] = frozenset({"'s", "’s", "'", "’", "of", "and", "the", "-", "—", "–"})
#: A list item's marker glued to a name by the model ("b. Israel", "(iv) NATO").
LIST_MARKER = re.compile(r"^\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})[.)]$")
NOT_A_NAME = re.compile(r"[:()\[\]{}@<>|=#/\\]|https?|www\.")


class Mention(TypedDict):
    start: int
    end: int
    text: str
    label: str


def _trim(ent: Span) -> Span | None:
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (
        doc[start].lower_ in LEADING_DROP or doc[start].is_punct or doc[start].is_space
        or LIST_MARKER.match(doc[start].text)
    ):
        start += 1
    while end > start and (
        doc[end - 1].lower_ in TRAILING_DROP or doc[end - 1].is_punct or doc[end - 1].is_space
    ):
        end -= 1
    return doc[start:end] if end > start else None


def is_name(text: str) -> bool:
    """False for strings the model tags but no reader would call a name (``Photograph:(AFP``)."""
    if NOT_A_NAME.search(text) or not any(ch.isalpha() for ch in text):
        return False
    if text.islower() or len(text) < 2:
        return False
    return True


def doc_mentions(doc: Doc) -> list[Mention]:
    """Mentions of people, organisations and places in ``doc`` with character offsets."""
    mentions: list[Mention] = []
    for ent in doc.ents:
        if ent.label_ not in KEEP_LABELS:
            continue
        span = _trim(ent)
        if span is None:
            continue
        text = span.text
        if not is_name(text):
            continue
        label = ent.label_
        nxt = doc[span.end] if span.end < len(doc) else None
        if label not in PLACE_LABELS and nxt is not None and nxt.lower_ in GEO_HEADS and len(span) <= 3:
            label = "LOC"
        mentions.append(Mention(start=span.start_char, end=span.end_char, text=text, label=label))
    return mentions
