"""Name shapes that overrule the learned typer's person for a whole in-article entity (eighth pass).

The typer (:mod:`.typer`) weighs soft evidence; these are shapes no person's name has, checked against the
census name lists and the word and place lists, so a real surname or given name is never retyped:

* :func:`is_camel_name` - one word with a capital after a lower-case letter that is no census name and opens
  with no name particle ("Quorvex" no, "ZentaX", "FlyBrix" yes; "McKenna", "DeSantis", "LeBron" no): a
  company's or product's coinage.
* :func:`is_group_plural` - a capitalised plural whose singular is no English word, census surname, given name
  or place ("the Zorblers", "the Brantlers"): a team, band or movement named in the plural. Plurals of
  common words ("the Browns", "the Eagles") are the context cue's (:func:`~.cues.is_common_plural`); a family
  ("the Vandersloots" beside "Anna Vandersloot") stays a person.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .gazetteer import is_minor_place, is_place
from .words import is_common_word, is_given_name, surname_rank

if TYPE_CHECKING:
    from spacy.tokens import Span

    from .labels import Found

__all__ = ["is_camel_name", "is_group_plural", "retype_people"]

#: Name particles written with a capital after them ("McKenna", "DeSantis", "O'Brien", "LaToya", "VanDyke").
_PARTICLES = ("mc", "mac", "o'", "o’", "d'", "de", "di", "da", "du", "la", "le", "van", "von", "st", "al", "el",
              "ja", "ke", "ma")


def is_camel_name(word: str) -> bool:
    """True for one word with an upper-case letter right after a lower-case one, no census surname or given
    name and no name particle before the inner capital ("SpaceX", "PayPal"; not "McKenna", "DeShawn"), and no
    plural of people ("YouTubers")."""
    if not word[:1].isupper() or not word.isalpha() or word.isupper() or len(word) < 4:
        return False
    if word.endswith(("ers", "ists", "ians")):  # people named after a coinage: "YouTubers", "TikTokers"
        return False
    inner = next((k for k in range(1, len(word)) if word[k].isupper() and word[k - 1].islower()), None)
    if inner is None:
        return False
    if word[:inner].lower() in _PARTICLES:
        return False
    return surname_rank(word) is None and not is_given_name(word)


def is_group_plural(word: str) -> bool:
    """True for a capitalised plural ("Zorblers") whose singular is no common word (those are
    :func:`~.cues.is_common_plural`'s), and neither it nor the plural a census surname, given name or place."""
    low = word.lower()
    if not (word[:1].isupper() and word.isalpha() and not word.isupper() and low.endswith("s")
            and not low.endswith(("ss", "us", "is")) and len(low) > 4):
        return False
    single = word[:-1]
    return not (is_common_word(low[:-1]) or is_common_word(low) or surname_rank(word) is not None
                or surname_rank(single) is not None or is_given_name(single) or is_given_name(word)
                or is_place(word) or is_minor_place(word) or is_place(single))


def _after_the(span: Span) -> bool:
    return span.start > 0 and span.doc[span.start - 1].lower_ == "the"


def _team_mention(span: Span) -> bool:
    """The plural alone, or after a place ("Kelmford Zorblers")."""
    if not is_group_plural(span[-1].text):
        return False
    if len(span) == 1:
        return True
    head = span[:-1].text
    return is_place(head) or is_minor_place(head)


def retype_people(found: list[Found], groups: list[int], decided: dict[int, str]) -> dict[int, str]:
    """``decided`` (class per group) with the groups typed PERSON that :func:`is_camel_name` or
    :func:`is_group_plural` say are organisations retyped ORG; a definitive person cue ("Mr X") keeps a person."""
    members: dict[int, list[Found]] = {}
    for item, g in zip(found, groups):
        if decided.get(g) == "PERSON":
            members.setdefault(g, []).append(item)
    if not members:
        return decided
    surnames = {span[-1].text for span, label, _ in found if label == "PERSON" and len(span) >= 2}
    out = dict(decided)
    for g, items in members.items():
        if any(cue == ("PERSON", True) for _, _, cue in items):
            continue
        spans = [span for span, _, _ in items]
        coined = all(len(s) == 1 and is_camel_name(s.text) for s in spans)
        team = (all(_team_mention(s) for s in spans) and any(_after_the(s) or len(s) >= 2 for s in spans)
                and not any(s[-1].text[:-1] in surnames for s in spans))  # "the Vandersloots": a family
        if coined or team:
            out[g] = "ORG"
    return out
