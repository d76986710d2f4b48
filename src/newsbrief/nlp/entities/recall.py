"""Surnames the model missed: a person named in full is named again by the surname alone ("Michael Webb ...
officers arrested Webb"), and the small NER often tags only the first, full form. Each later bare surname of a
person the article names in full (typed a person) becomes a person mention too, so the briefing counts the
person as often as the article names them; linking joins it to the full name
(:func:`~newsbrief.nlp.entities.linking.link_entities`).

One pass over the tokens of a Doc with a dictionary look-up per token; no parse needed.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

from ..chunks import doc_text
from .cues import credit_spans, lexicon, table_spans
from .gazetteer import is_place
from .labels import strip_titles
from .words import is_common_word, is_given_name

#: Shortest surname looked for again (shorter ones are too often initials or codes).
MIN_SURNAME = 3


def _surnames(doc: Doc, found: list[tuple[int, int, str]]) -> set[str]:
    """The surnames (as written) of the people named in full in ``found`` (start, end, label): the last word
    of a two- to four-word person name opening with a census given name, capitalised, neither a given name,
    a place nor an organisation or place head word ("Ali Qapu Palace" typed a person is no surname's source)."""
    out: set[str] = set()
    text = doc_text(doc)
    heads = frozenset(lexicon()["org_suffixes"]) | frozenset(lexicon()["place_suffixes"])
    for a, b, label in found:
        if label != "PERSON":
            continue
        words = strip_titles(text[a:b]).split()
        if not 2 <= len(words) <= 4 or not is_given_name(words[0]):
            continue
        last = words[-1]
        if (len(last) >= MIN_SURNAME and last[0].isupper() and not last.isupper()
                and last.replace("'", "").replace("-", "").isalpha() and last.lower() not in heads
                and not is_given_name(last) and not is_place(last)):
            out.add(last)
    return out


def missed_surnames(doc: Doc, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """(start, end, text) of each bare surname of a person named in full in ``found`` that no mention of
    ``found`` covers: the word alone (not inside a longer capitalised name: "Webb Street", "Early Childhood"),
    after the full name's first mention, not in a table or credit line; a surname that is also a common word
    ("Early") opening a sentence only when the tagger calls it a proper noun."""
    surnames = _surnames(doc, found)
    if not surnames:
        return []
    first = min((a for a, _, lab in found if lab == "PERSON"), default=0)
    covered = sorted((a, b) for a, b, _ in found)
    starts = [a for a, _ in covered]
    text = doc_text(doc)
    skip = sorted([*table_spans(text), *credit_spans(text)]) if any(ch.isdigit() for ch in text) else sorted(
        credit_spans(text))
    skip_starts = [a for a, _ in skip]
    titles = lexicon()["person_titles"]
    particles = frozenset(lexicon()["name_particles"])
    out: list[tuple[int, int, str]] = []
    for tok in doc:
        if tok.text not in surnames or tok.idx <= first:
            continue
        a, b = tok.idx, tok.idx + len(tok.text)
        k = bisect_right(starts, a) - 1
        if k >= 0 and a < covered[k][1]:
            continue  # inside a mention already
        k = bisect_right(skip_starts, a) - 1
        if k >= 0 and a < skip[k][1]:
            continue
        prev = doc[tok.i - 1] if tok.i > 0 else None
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        sentence_start = prev is None or tok.is_sent_start or prev.text in {"\n", "\n\n"} or prev.is_space
        if nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha:
            continue  # part of a longer name
        if (prev is not None and not sentence_start and prev.text[:1].isupper() and prev.is_alpha
                and prev.lower_.rstrip(".") not in titles):
            continue
        if prev is not None and (prev.lower_ in particles or prev.is_quote and nxt is not None and nxt.is_quote):
            continue  # "Paseo de Montejo"; a name in quotes ("Marbles") names something else
        if sentence_start and is_common_word(tok.text) and tok.pos_ != "PROPN":
            continue  # "Early voting began": the tagger says no name
        out.append((a, b, tok.text))
    return out
