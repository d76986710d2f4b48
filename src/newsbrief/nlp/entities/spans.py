"""Span boundaries of the model's names: organisations cut at an "of" chain, and names of events.

* **"of" chains** ("the General Staff of the Armed Forces of X": the small model tags "the Armed Forces of
  X" and leaves "General Staff of" out; "the Gulf of X": it tags "Gulf" alone). A name joins the title-case
  words before it across "of" / "of the" when they end in a head word that takes an "of" complement (an
  organisation's: Staff, Ministry, Department, University ...; a place's: Gulf, Bay, Republic ...), and an
  organisation or place name ending in such a head takes the title-case words after "of" the same way. A
  head after "of" ("Chief of Staff of ...") belongs to a title and starts nothing.
* **Events** ("the Kelmford Air Show", "the Ostravian Cup", "Hurricane Quillan"): a name ending in an event
  word (show, cup, festival, war, awards ...) or opened by a storm word is no person, organisation or place;
  a storm's bare name later in the article is dropped with it.

Word lists are generic nouns (no names); one pass over the article's entities, no pairs.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .cues import OF_PLACE_HEADS
from .gazetteer import fold
from .labels import PLACE_LABELS, head_words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["EVENT_HEADS", "OF_ORG_HEADS", "OF_PLACE_HEADS", "STORM_WORDS", "event_rest", "is_event_name",
           "join_of_chains"]

#: Last words of an event's name ("Air Show", "World Cup", "Civil War"). Not "games" (a company's name:
#: "X Games"), "conference" (a league), "open", "bowl" or "week" (too often part of another name).
EVENT_HEADS: frozenset[str] = frozenset(
    "show shows awards award war tour cup finals olympics paralympics championship championships fair expo "
    "festival carnival jubilee draft tournament marathon summit exhibition prix derby series convention "
    "contest pageant gala parade fest".split()
)
#: Event words that are a whole event name alone ("the Olympics").
EVENT_ALONE: frozenset[str] = frozenset({"olympics", "paralympics"})
#: First words of a storm's name ("Hurricane X", "Cyclone X", "Tropical Storm X").
STORM_WORDS: frozenset[str] = frozenset({"hurricane", "cyclone", "typhoon", "tropical"})
#: Organisation heads that take an "of" complement, beside the lexicon's organisation heads.
OF_ORG_HEADS: frozenset[str] = frozenset(
    "staff forces corps church library museum lodge chamber cabinet directorate secretariat inspectorate "
    "government".split()
)
_NUMBER = re.compile(r"^(?:\d+(?:st|nd|rd|th)?|[IVX]+)$")
_JOINERS = frozenset({"&"})


def _head(word: str) -> str:
    return fold(re.sub(r"['’]s?$", "", word)).replace(" ", "")


def _org_heads() -> frozenset[str]:
    return head_words("org_suffixes") | frozenset(fold(w) for w in OF_ORG_HEADS)


def _place_heads() -> frozenset[str]:
    return frozenset(fold(w) for w in OF_PLACE_HEADS)


def _head_kind(word: str) -> str | None:
    """``ORG`` or ``PLACE`` when ``word`` is a head that takes an "of" complement, else None."""
    h = _head(word)
    if h in _org_heads():
        return "ORG"
    if h in _place_heads():
        return "PLACE"
    return None


def _name_word(tok: Token) -> bool:
    """A word of a name: title case or an acronym ("NATO"), "&"; not "of" or "the"."""
    if tok.text in _JOINERS:
        return True
    return (tok.is_title or (tok.is_upper and tok.is_alpha and len(tok.text) >= 2)) and tok.lower_ not in {
        "of", "the"}


def _inline_space(doc: Doc, i: int) -> bool:
    return 0 <= i < len(doc) and doc[i].is_space and "\n" not in doc[i].text


def _prev(doc: Doc, i: int) -> int:
    """Index of the token before ``i`` over spaces within a line ("of\u00a0X"); -1 at the start."""
    j = i - 1
    while _inline_space(doc, j):
        j -= 1
    return j


def _next(doc: Doc, i: int) -> int:
    """Index of the first token from ``i`` that is no space within a line."""
    while _inline_space(doc, i):
        i += 1
    return i


def _run_before(doc: Doc, end: int) -> int | None:
    """Start of the run of title-case words that ends right before token ``end`` (None: no such run)."""
    i, p = end, _prev(doc, end)
    while p >= 0 and _name_word(doc[p]):
        i, p = p, _prev(doc, p)
    return i if i < end else None


def _run_after(doc: Doc, start: int) -> int:
    """End of the run of title-case words from token ``start`` (``start`` itself: none)."""
    i = end = start
    while i < len(doc) and _name_word(doc[i]):
        end = i = i + 1
        i = _next(doc, i)
    return end


def _of_before(doc: Doc, start: int) -> int | None:
    """Index of the "of" before ``start``, over an optional "the" ("of the Armed Forces"); else None."""
    j = _prev(doc, start)
    if j >= 0 and doc[j].lower_ == "the":
        j = _prev(doc, j)
    return j if j >= 0 and doc[j].text == "of" else None


def _step_left(doc: Doc, start: int) -> tuple[int, str] | None:
    """A run of title-case words before "of [the]" ``start`` ending in an "of" head: (its start, its kind)."""
    of = _of_before(doc, start)
    if of is None:
        return None
    run = _run_before(doc, of)
    if run is None:
        return None
    head = _prev(doc, of)
    kind = _head_kind(doc[head].text)
    if kind is None:
        return None
    before = _prev(doc, run)
    if before >= 0 and doc[before].lower_ == "of":  # "Chief of Staff of ...": the head ends a title
        return None
    if head == run and doc[run].is_sent_start:  # "Staff of the X said": a plural noun opening a sentence
        from .words import is_common_word

        if is_common_word(doc[run].text) and not doc[run].text.isupper():
            return None
    return run, kind


def _extend_left(doc: Doc, start: int) -> tuple[int, str] | None:
    """The start of the longest "Head of [the] ..." chain before ``start`` and the kind of its first head
    ("General Staff of the Armed Forces of X": Staff, an organisation); None when there is none."""
    found = None
    step = _step_left(doc, start)
    while step is not None:
        found = step
        step = _step_left(doc, step[0])
    return found


def _extend_right(doc: Doc, end: int) -> int:
    """After a name ending in an "of" head: the end of "of [the] Title Words" chains (``end`` if none)."""
    while _head_kind(doc[end - 1].text) is not None:
        of = _next(doc, end)
        if of >= len(doc) or doc[of].text != "of":
            break
        k = _next(doc, of + 1)
        if k < len(doc) and doc[k].lower_ == "the":
            k = _next(doc, k + 1)
        stop = _run_after(doc, k)
        if stop == k:
            break
        end = stop
    return end


def join_of_chains(doc: Doc, ents: list[Span]) -> list[Span]:
    """The model's entities with names cut at an "of" chain joined (see the module's docs). An entity inside
    a joined name is dropped; people are never extended (a person "of" a place is two names)."""
    from spacy.tokens import Span

    out: list[Span] = []
    for ent in ents:
        if ent.label_ not in {"ORG", *PLACE_LABELS}:
            out.append(ent)
            continue
        if out and ent.end <= out[-1].end:  # inside a name already joined to the right ("Gulf of X", then "X")
            continue
        start, end, label = ent.start, ent.end, ent.label_
        body = start + (doc[start].lower_ == "the")
        left = _extend_left(doc, body)
        if left is not None:
            start, kind = left
            label = "ORG" if kind == "ORG" else (label if label in PLACE_LABELS else "LOC")
        new_end = _extend_right(doc, end)
        if new_end != end and _head_kind(doc[end - 1].text) == "ORG":
            label = "ORG"
        end = new_end
        if (start, end) == (ent.start, ent.end):
            out.append(ent)
            continue
        while out and out[-1].end > start:  # a part of the joined name the model tagged apart ("Gulf")
            out.pop()
        out.append(Span(doc, start, end, label=label))
    kept: list[Span] = []
    for span in out:  # a later entity inside a name joined to the right
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return kept


def is_event_name(span: Span) -> bool:
    """A name of an event: ending in an event word ("Kelmford Air Show", "Ostravian Cup 2019", the
    "Olympics" alone), or a storm word and a name ("Hurricane Quillan", "Tropical Storm Quillan")."""
    words = [t.text for t in span if not t.is_punct]
    while len(words) > 1 and _NUMBER.match(words[-1]):
        words.pop()
    if not words:
        return False
    last = _head(words[-1])
    if last in {fold(w) for w in EVENT_ALONE}:
        return True
    if len(words) >= 2 and last in _event_heads() and "of" not in (w.lower() for w in words):
        return True
    first = words[0].lower()
    if first == "tropical":  # "Tropical Storm X", not a "Tropical" company
        return len(words) >= 2 and words[1].lower() == "storm"
    return first in STORM_WORDS


def event_rest(span: Span) -> str | None:
    """The folded name of a storm after its storm words ("Hurricane Quillan" -> "quilan"), else None."""
    words = [t.text for t in span]
    i = 0
    while i < len(words) and words[i].lower() in STORM_WORDS | {"storm"}:
        i += 1
    return fold(" ".join(words[i:])) if 0 < i < len(words) else None


def _event_heads() -> frozenset[str]:
    return frozenset(fold(w) for w in EVENT_HEADS)
