"""Names that are no person, organisation or place: titles of works and events, and storms.

* :func:`is_title_of_work` - laws, awards, works and events by their head word ("Data Retention Bill",
  "Nobel Prize", "Kelmford Air Show", "Ostravian Cup 2019"), hashtags and handles ("#Hamilton").
* :func:`storm_name` - "Hurricane Quillan", "Tropical Storm Quillan": a storm word and one name.
* :func:`is_era_mark` - "BC", "AD", "BCE", "CE" after a year ("500 BC"): a date, no organisation (eighth pass).
* :func:`defined_terms` - acronyms the text defines by a term that is no name ("gross domestic product (GDP)",
  "Compact Fluorescent Light (CFL)"): no organisation (eighth pass).
* :func:`of_head_kind` - ``ORG`` or ``PLACE`` for a head that takes an "of" complement ("Ministry", "Gulf"):
  an organisation's "of" keeps its name ("Ministry of War"), and :mod:`.spans` joins "of" chains with it.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from ..chunks import doc_text
from .cues import OF_ORG_HEADS, OF_PLACE_HEADS, lexicon, org_noun_at
from .gazetteer import fold, head_words
from .words import is_common_word, is_given_name, surname_rank

if TYPE_CHECKING:
    from spacy.tokens import Span

__all__ = ["STORM_WORDS", "defined_terms", "is_era_mark", "is_title_of_work", "of_head_kind", "storm_name"]

#: First words of a storm's name ("Hurricane X", "Cyclone X", "Tropical Storm X").
STORM_WORDS: frozenset[str] = frozenset({"hurricane", "cyclone", "typhoon", "tropical"})
_SURNAME_BAND = 20_000  # a census surname this common (rank) may head a person's name: the typer's top band
_ORDINAL = re.compile(r"^(?:\d+(?:st|nd|rd|th)?|[IVX]+)$")  # "Cup 2019", "Games XXI"
_AWARD_HEADS = frozenset({"award", "awards", "prize", "medal", "trophy"})  # "Anna Prize": an award, no person
_OF_WORDS = frozenset({"of", "for", "on"})  # "Institute for the Study of War", "Committee on X"


_ERA_MARKS = frozenset({"bc", "bce", "ad", "ce"})


def is_era_mark(span: Span) -> bool:
    """True for an era written after a year ("500 BC", "the 3rd century AD"; "AD 79" before one): part of a date,
    whatever label the model gives it. After a number only when the date ends there (a stop, a comma, "to",
    "and", "the" next): "In 2021 B.C. recorded" and "300 B.C. residents" are British Columbia."""
    if len(span) != 1 or span.text.replace(".", "").lower() not in _ERA_MARKS or not span.text[:1].isupper():
        return False
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.like_num and span.text.replace(".", "").upper() in {"AD", "CE"}:
        return True  # "AD 79"
    century = before is not None and before.lower_ in {"century", "centuries", "millennium"}
    year = before is not None and (before.text.replace(",", "").isdigit() or _ORDINAL.match(before.text) is not None)
    ends = after is None or after.is_punct or after.pos_ in _DATE_ENDS
    return (century or year) and ends


_DATE_ENDS = frozenset({"ADP", "CCONJ", "SCONJ", "PART", "DET", "ADV", "PRON"})  # "500 BC to", "480 BC, when"


_DEFINED = re.compile(r"\(\s*([A-Z]{2,6})s?\s*\)")  # "... (GDP)", "... (CFLs)"
_GLUE = frozenset({"of", "the", "and", "for", "in", "on", "to", "a", "an", "&", "-"})


def defined_terms(text: str, names: list[tuple[int, int]]) -> set[str]:
    """Acronyms ``text`` defines in brackets right after the words they abbreviate, when those words are no
    name: none of the character spans ``names`` (the model's names) overlaps them, and they are all in lower
    case ("special purpose acquisition company (SPAC)"), or all common words ("Compact Fluorescent Light (CFL)";
    not "People for Quorvex Rights (PQR)") of which the last is no organisation's or place's head word ("the
    Kelmford Widget Association (KWA)" stays an organisation)."""
    out: set[str] = set()
    heads = head_words("org_suffixes", "place_suffixes")
    for m in _DEFINED.finditer(text):
        acronym = m.group(1)
        words = list(re.finditer(r"[A-Za-z][\w'’]*", text[max(0, m.start() - 120) : m.start()]))
        base = max(0, m.start() - 120)
        content = [w for w in words if w.group(0).lower() not in _GLUE]
        if len(content) < len(acronym):
            continue
        used = content[-len(acronym):]
        if "".join(w.group(0)[0] for w in used).upper() != acronym:
            continue
        a, b = base + used[0].start(), base + used[-1].end()
        if text[a:b].count("\n") or any(x < b and a < y for x, y in names):
            continue
        if all(w.group(0)[:1].islower() for w in used):
            out.add(acronym)  # "special purpose acquisition company (SPAC)": lower case is no name
            continue
        if not all(is_common_word(w.group(0)) for w in used):
            continue  # "People for Quorvex Rights (PQR)": a name the model missed keeps its acronym
        if fold(used[-1].group(0)).replace(" ", "") in heads:
            continue
        out.add(acronym)
    return out


@functools.cache
def _of_heads() -> tuple[frozenset[str], frozenset[str]]:
    return (head_words("org_suffixes") | frozenset(fold(w) for w in OF_ORG_HEADS),
            frozenset(fold(w) for w in OF_PLACE_HEADS))


def of_head_kind(word: str) -> str | None:
    """``ORG`` or ``PLACE`` when ``word`` (possessive or not) is a head that takes an "of" complement
    ("Ministry", "Staff"; "Gulf", "Republic"), else None."""
    h = fold(re.sub(r"['’]s?$", "", word)).replace(" ", "")
    orgs, places = _of_heads()
    return "ORG" if h in orgs else "PLACE" if h in places else None


def _person_named_like_an_event(words: list[str]) -> bool:
    """A name the model tagged PERSON that is one: a common census surname as its head ("Dorrit Fair") or a
    census given name first ("Anna Fest", "David Tour"), but no award ("Anna Prize"); not "Magic Jubilee"."""
    head = words[-1]
    rank = surname_rank(head)
    if rank is not None and rank < _SURNAME_BAND:
        return True
    return is_given_name(words[0]) and head.lower() not in _AWARD_HEADS


def is_title_of_work(span: Span, *, text: str | None = None, label: str | None = None) -> bool:
    """Names of laws, awards, works and events by their head word ("Data Retention Bill", "Nobel Prize",
    "Kelmford Air Show", "Ostravian Cup 2019": a trailing number ignored), and hashtags or handles
    ("#Hamilton"): no person, organisation or place. The head word does not decide for a name the model
    tagged ``label`` PERSON that reads as a person's (:func:`_person_named_like_an_event`), one with an
    organisation's head before "of", "for" or "on" ("Ministry of War", "Institute for the Study of War") or
    one before an organisation's noun somewhere in the text ("X Fair magazine")."""
    text = doc_text(span.doc) if text is None else text  # Doc.text joins every token: pass it when calling often
    if span.start_char > 0 and text[span.start_char - 1] in "#@":
        return True
    if span.text.lower().removesuffix("'s").removesuffix("’s") in lexicon()["not_entities"]:
        return True  # awards: "Oscar", "Grammys", "Olympics"
    words = [t for t in span if not t.is_punct]
    while len(words) > 1 and _ORDINAL.match(words[-1].text):
        words.pop()
    if len(words) < 2 or not words[-1].is_title or words[-1].lower_ not in lexicon()["not_entity_heads"]:
        return False
    if label == "PERSON" and _person_named_like_an_event([t.text for t in words]):
        return False
    name = re.escape(span.text)
    if any(org_noun_at(text, m.end()) for m in re.finditer(name, text)):
        return False  # "X Fair magazine" once in the text: every "X Fair" is the magazine
    return not any(t.lower_ in _OF_WORDS and t.i > span.start and of_head_kind(span.doc[t.i - 1].text) == "ORG"
                   for t in words[1:])


def storm_name(span: Span) -> str | None:
    """The folded name of a storm ("Hurricane Quillan", "Tropical Storm Quillan" -> "quilan"): a storm word
    and one title-case name, no common word ("Cyclone Robotics", "Hurricane Energy": companies) and no
    organisation's last word after it ("Hurricane Drilling Ltd"); "" for a storm word alone ("the Cyclone");
    else None."""
    words = [t for t in span if not t.is_space]
    i = 1 if words and words[0].lower_ in STORM_WORDS - {"tropical"} else 0
    if len(words) >= 3 and words[0].lower_ == "tropical" and words[1].lower_ == "storm":
        i = 2
    if i == len(words) == 1:
        return ""  # "the Cyclone": the storm word alone names the storm of the article, no entity
    if i == 0 or len(words) != i + 1 or not words[i].is_title or is_common_word(words[i].text):
        return None
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    org_words = lexicon()["org_suffixes"]
    if words[i].lower_ in org_words or (nxt is not None and (nxt.is_title or nxt.lower_.rstrip(".") in org_words)):
        return None
    return fold(words[i].text)
