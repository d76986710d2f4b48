"""Surnames the model missed: a person named in full is named again by the surname alone ("the suspect,
Dorian Quillfeather ... officers arrested Quillfeather"), and the small NER often tags only the first, full
form. Each later bare surname of a person the article names in full (typed a person) becomes a person mention
too, so the briefing counts the person as often as the article names them; linking joins it to the full name
(:func:`~newsbrief.nlp.entities.linking.link_entities`).

One pass over the tokens of a Doc with a dictionary look-up per token; no parse needed.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

from ..chunks import doc_text
from .cues import lexicon, skip_spans
from .gazetteer import fold, head_words, is_place
from .labels import strip_person_titles
from .words import is_common_word, is_given_name

#: Shortest surname looked for again (shorter ones are too often initials or codes).
MIN_SURNAME = 3
_APOSTROPHES = "'’"


def _surnames(text: str, found: list[tuple[int, int, str]]) -> dict[str, int]:
    """The surnames (as written) of the people named in full in ``found`` (start, end, label), each with the
    start of the first full name that ends in it: the last word of a two- to four-word person name opening with
    a census given name, capitalised, neither a given name, a place nor an organisation or place head word
    ("Orla Quint Palace" typed a person is no surname's source)."""
    out: dict[str, int] = {}
    heads = head_words("org_suffixes", "place_suffixes")  # no surname ("Orla Quint Palace" typed a person)
    for a, b, label in found:
        if label != "PERSON":
            continue
        words = strip_person_titles(text[a:b], person=True).split()
        if not 2 <= len(words) <= 4 or not is_given_name(words[0]):
            continue
        last = words[-1]
        letters = last.replace("-", "").translate(str.maketrans("", "", _APOSTROPHES))
        if (len(last) >= MIN_SURNAME and last[0].isupper() and not last.isupper() and letters.isalpha()
                and fold(last).replace(" ", "") not in heads and not is_given_name(last) and not is_place(last)):
            out[last] = min(a, out.get(last, a))
    return out


def missed_surnames(doc: Doc, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """(start, end, text) of each bare surname of a person named in full in ``found`` that no mention of
    ``found`` and no entity of the model (a product, a work) covers: the word alone (not inside a longer
    capitalised name: "Quillfeather Street", "Early Childhood"), after that full name's first mention, not a
    hashtag or handle, not in a table or credit line; a surname that is also a common word ("Early") opening a
    sentence only when the tagger calls it a proper noun. A hyphenated surname ("Vane-Tasker", several tokens)
    counts whole."""
    text = doc_text(doc)
    surnames = _surnames(text, found)
    if not surnames:
        return []
    by_piece: dict[str, list[str]] = {}  # first token of a surname (spaCy splits "Vane-Tasker") -> surnames
    for name in sorted(surnames, key=len, reverse=True):
        by_piece.setdefault(name.split("-")[0], []).append(name)
    covered = sorted([*((a, b) for a, b, _ in found), *((e.start_char, e.end_char) for e in doc.ents)])
    starts = [a for a, _ in covered]
    skip = skip_spans(text)
    skip_starts = [a for a, _ in skip]
    titles = lexicon()["person_titles"]
    particles = frozenset(lexicon()["name_particles"])
    out: list[tuple[int, int, str]] = []
    for tok in doc:
        names = by_piece.get(tok.text)
        if names is None:
            continue
        a = tok.idx
        match = next((n for n in names if text.startswith(n, a)), None)
        if match is None or a <= surnames[match]:
            continue
        name = match
        b = a + len(name)
        if b < len(text) and (text[b].isalnum() or text[b] == "-" and b + 1 < len(text) and text[b + 1].isalpha()):
            continue  # the start of a longer word
        if a > 0 and text[a - 1] in "#@":
            continue  # a hashtag or a handle
        k = bisect_right(starts, a) - 1
        if k >= 0 and a < covered[k][1]:
            continue  # inside a mention already
        k = bisect_right(skip_starts, a) - 1
        if k >= 0 and a < skip[k][1]:
            continue
        end = tok.i
        while end + 1 < len(doc) and doc[end + 1].idx < b:
            end += 1
        prev = doc[tok.i - 1] if tok.i > 0 else None
        nxt = doc[end + 1] if end + 1 < len(doc) else None
        sentence_start = prev is None or tok.is_sent_start or prev.text in {"\n", "\n\n"} or prev.is_space
        if nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha:
            continue  # part of a longer name
        if (prev is not None and not sentence_start and prev.text[:1].isupper() and prev.is_alpha
                and prev.lower_.rstrip(".") not in titles):
            continue
        if prev is not None and (prev.lower_ in particles or prev.is_quote and nxt is not None and nxt.is_quote):
            continue  # "Paseo de Quorvex"; a name in quotes ("Kettles") names something else
        if sentence_start and is_common_word(name) and tok.pos_ != "PROPN":
            continue  # "Early voting began": the tagger says no name
        out.append((a, b, name))
    return out
