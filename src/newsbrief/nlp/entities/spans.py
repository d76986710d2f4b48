"""Span boundaries of the model's names: organisations cut at an "of" chain, and names of events.

* **"of" chains** ("the General Staff of the Armed Forces of X": the small model tags "the Armed Forces of
  X" and leaves "General Staff of" out; "the Gulf of X": it tags "Gulf" alone). A name joins the title-case
  words before it across "of" / "of the" when they end in a head word that takes an "of" complement (an
  organisation's: Staff, Ministry, Department, University ...; a place's: Gulf, Bay, Republic ...), and an
  organisation or place name ending in such a head takes the title-case words after "of" the same way. A
  head after "of" ("Chief of Staff of ...") belongs to a title and starts nothing.
  A person's words (a token the model tagged PERSON, a title such as "President") start or end no chain: "the
  X Government of Prime Minister Y" and "Y Lake of the X Institute" stay two names, and a name the model
  tagged after "of" is not taken by an organisation before it ("Y Post of the X Chamber of Commerce").
* **Storms** ("Hurricane Quillan", "Tropical Storm Quillan"): a storm word and one name is no person,
  organisation or place; its bare name elsewhere in the article neither, unless a person's full name ends
  in it. Names of events ("the Kelmford Air Show", "the Ostravian Cup") end in a head word of the lexicon's
  ``not_entity_heads`` (:func:`.titles.is_title_of_work`); storms by :func:`.titles.storm_name`.

Word lists are generic nouns (no names); one pass over the article's entities, no pairs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .cues import lexicon
from .gazetteer import fold
from .labels import PLACE_LABELS
from .titles import of_head_kind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from .labels import Found

__all__ = ["drop_storm_names", "join_of_chains"]

_JOINERS = frozenset({"&"})


def _is_title(tok: Token) -> bool:
    """A person's title ("President", "General", "Dr.")."""
    return tok.lower_.rstrip(".") in lexicon()["person_titles"]


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
    while p >= 0 and _name_word(doc[p]) and doc[p].ent_type_ != "PERSON":  # "Dorrit Lake of the X": no run
        i, p = p, _prev(doc, p)
    return i if i < end else None


def _run_after(doc: Doc, start: int) -> int:
    """End of the run of title-case words from token ``start`` (``start`` itself: none). A run opened by a
    person's title or holding a person's name is none ("Government of Prime Minister Y"), nor one the model
    tagged a name of its own or an organisation's full name ("Y Post of the X Chamber of Commerce")."""
    if start >= len(doc) or _own_name(doc, start):
        return start
    i = end = start
    while i < len(doc) and _name_word(doc[i]):
        if doc[i].ent_type_ == "PERSON":
            return start
        end = i = i + 1
        i = _next(doc, i)
    if end - start >= 2 and _is_title(doc[start]):  # "of General Y Z"; "Court of Justice" is a name
        return start
    if end - start >= 2 and of_head_kind(doc[end - 1].text) == "ORG":  # "Y Post of the X Chamber": two bodies
        return start
    return end


def _own_name(doc: Doc, i: int) -> bool:
    """Token ``i`` (after an optional "the") opens an organisation or person of two words or more the model
    tagged."""
    tok = doc[i]
    opens = tok.ent_iob_ == "B" or (i > 0 and doc[i - 1].lower_ == "the" and doc[i - 1].ent_iob_ == "B")
    return (opens and tok.ent_type_ in {"ORG", "PERSON"} and i + 1 < len(doc) and doc[i + 1].ent_iob_ == "I"
            and not doc[i + 1].is_space)


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
    kind = of_head_kind(doc[head].text)
    if kind is None:
        return None
    before = _prev(doc, run)
    if before >= 0 and doc[before].lower_ == "of":  # "Chief of Staff of ...": the head ends a title
        return None
    if _own_name(doc, run) and _own_name(doc, start):  # "Y Church of the X Foundation": two names
        return None
    if doc[run].is_sent_start:  # "(Senior) Staff of the X said": common nouns opening a sentence
        from .words import is_common_word

        if all(is_common_word(t.text) and not t.text.isupper() for t in doc[run : head + 1] if not t.is_space):
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
    while of_head_kind(doc[end - 1].text) is not None:
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
            if kind == "ORG" or of_head_kind(doc[end - 1].text) == "ORG":  # "City of X Council": a council
                label = "ORG"
            elif label not in PLACE_LABELS:
                label = "LOC"
        new_end = _extend_right(doc, end)
        if new_end != end and of_head_kind(doc[end - 1].text) == "ORG":
            label = "ORG"
        end = new_end
        if (start, end) == (ent.start, ent.end):
            out.append(ent)
            continue
        if any(o.label_ == "PERSON" and o.end > start for o in out[-3:]):  # a person is never taken in
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


def drop_storm_names(found: list[Found], storms: set[str]) -> list[Found]:
    """``found`` without the bare names of ``storms`` ("Quillan" after "Hurricane Quillan"), but where a
    person's full name in the article ends in it ("Tomas Quillan, the mayor": "Quillan said" is him)."""
    if not storms:
        return found
    surnames = {fold(s[-1].text) for s, lab, _ in found if lab == "PERSON" and len(s) >= 2}
    return [f for f in found if fold(f[0].text) not in storms - surnames]
