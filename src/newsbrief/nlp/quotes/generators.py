"""The quotes of a Doc as generators, by kind and by speaker (re-exported by :mod:`newsbrief.nlp.quotes`)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

from .extract import Quote, extract_quotes

__all__ = ["direct_quotations", "indirect_quotations", "quote_speakers"]


def direct_quotations(doc: Doc, *, include_headline: bool = False) -> Iterator[Quote]:
    """The direct quotations of ``doc`` (words inside quote marks with their cue and speaker)."""
    yield from (q for q in extract_quotes(doc, include_headline=include_headline) if q.kind == "direct")


def indirect_quotations(doc: Doc, *, include_headline: bool = False) -> Iterator[Quote]:
    """Indirect and mixed (partly quoted) reported speech of ``doc``."""
    yield from (q for q in extract_quotes(doc, include_headline=include_headline) if q.kind != "direct")


def quote_speakers(doc: Doc, *, include_headline: bool = False) -> Iterator[tuple[int, int, bool]]:
    """``(start, end, is_entity)`` of each distinct resolved speaker span of ``doc``, in text order."""
    seen: set[tuple[int, int]] = set()
    for q in extract_quotes(doc, include_headline=include_headline):
        if q.speaker_ref_start is None or q.speaker_ref_end is None:
            continue
        key = (q.speaker_ref_start, q.speaker_ref_end)
        if key not in seen:
            seen.add(key)
            yield q.speaker_ref_start, q.speaker_ref_end, q.speaker_is_entity
