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

Both retype only without person evidence (:func:`person_evidence`), and a plural only with a team's or band's
words in its sentences ("beat", "coach", "album"): a family ("the Joneses", "the Vellacotts" after "Mr
Vellacott") is named in the plural too. :func:`keep_people` is the other direction, a guard after the typer
(review of the eighth pass): a one-word name the typer calls an organisation with a person's pronoun after its
verb ("X said she", "X was released, his lawyer said") or a definitive person cue ("Ms X", "X, 54,") is a person.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .gazetteer import is_minor_place, is_place
from .words import is_common_word, is_given_name, surname_rank

if TYPE_CHECKING:
    from spacy.tokens import Span

    from .labels import Found

__all__ = ["is_camel_name", "is_group_plural", "keep_people", "person_evidence", "retype_people", "singulars"]

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


def singulars(word: str) -> tuple[str, ...]:
    """The singulars English may have written ``word`` from: "-s" dropped, and "-es" too after s, x, z, ch or
    sh ("Joneses" -> "Jonese", "Jones")."""
    out = [word[:-1]] if word.lower().endswith("s") else []
    if word.lower().endswith(("ses", "xes", "zes", "ches", "shes")):
        out.append(word[:-2])
    return tuple(out)


def is_group_plural(word: str) -> bool:
    """True for a capitalised plural ("Zorblers") whose singular is no common word (those are
    :func:`~.cues.is_common_plural`'s), and neither it nor a singular (:func:`singulars`) a census surname,
    given name or place."""
    low = word.lower()
    if not (word[:1].isupper() and word.isalpha() and not word.isupper() and low.endswith("s")
            and not low.endswith(("ss", "us", "is")) and len(low) > 4):
        return False
    if is_common_word(low) or surname_rank(word) is not None or is_given_name(word) or is_place(word) \
            or is_minor_place(word):
        return False
    return not any(is_common_word(one.lower()) or surname_rank(one) is not None or is_given_name(one)
                   or is_place(one) for one in singulars(word))


def _after_the(span: Span) -> bool:
    return span.start > 0 and span.doc[span.start - 1].lower_ == "the"


#: Words of a team or a band in a sentence naming a plural ("The Zorblers beat...", "the Brantlers' coach").
_TEAM_WORDS = frozenset("beat beats defeated scored score coach coached season game games match league play "
                        "plays played playing win wins won lost loss roster playoff playoffs championship fans "
                        "band album albums concert concerts tour song songs single gig".split())


def _team_mention(span: Span) -> bool:
    """The plural alone, or after a place ("Kelmford Zorblers")."""
    if not is_group_plural(span[-1].text):
        return False
    if len(span) == 1:
        return True
    head = span[:-1].text
    return is_place(head) or is_minor_place(head)


_HE_SHE = frozenset("he she his her him hers himself herself".split())
_THEY = frozenset("it itself they their them theirs themselves".split())  # "X said it was unfair": no vote


def person_evidence(span: Span) -> int:
    """+1 when ``span`` is a subject and the first pronoun after it in its sentence is he/she/his/her ("X said
    she", "X was released on bail, his lawyer said"), -1 when it is "its", else 0 (also for "it", which a person
    says too: "X said it was unfair"); a name or a singular noun in a subject's or an object's place before it
    ("X hired the chief, who said he") ends the search with 0."""
    doc = span.doc
    if span.root.dep_ not in {"nsubj", "nsubjpass"}:
        return 0  # "Neumann sold X shares and leased buildings he owned": the pronoun is the subject's
    for tok in doc[span.end : span.sent.end]:
        low = tok.lower_
        if low in _HE_SHE:
            return 1
        if low == "its":
            return -1
        if low in _THEY:
            return 0
        if tok.pos_ == "PROPN" or (tok.pos_ == "NOUN" and tok.tag_ == "NN"
                                   and tok.dep_ in {"nsubj", "nsubjpass", "dobj", "appos"}):
            return 0
    return 0


def _person_cued(items: list[Found]) -> bool:
    """A definitive person cue, or more mentions with a person's pronoun than with an organisation's."""
    return (any(cue == ("PERSON", True) for _, _, cue in items)
            or sum(person_evidence(span) for span, _, _ in items) > 0)


def keep_people(found: list[Found], groups: list[int], decided: dict[int, str]) -> dict[int, str]:
    """``decided`` with the groups typed ORG whose mentions are one word (an honorific before it allowed:
    "Ms X"), no acronym, with no definitive organisation or place cue and with person evidence
    (:func:`_person_cued`) retyped PERSON: the typer's bias and a lone name's weight are no evidence against
    "X said she would appeal"."""
    members: dict[int, list[Found]] = {}
    for item, g in zip(found, groups):
        if decided.get(g) == "ORG":
            members.setdefault(g, []).append(item)
    out = dict(decided)
    for g, items in members.items():
        if any(cue is not None and cue[1] and cue[0] != "PERSON" for _, _, cue in items):
            continue
        if all(_one_name(span) for span, _, _ in items) and _person_cued(items):
            out[g] = "PERSON"
    return out


def _one_name(span: Span) -> bool:
    word = span[-1]
    if not (word.is_alpha and word.text[:1].isupper() and not word.is_upper and len(word) >= 3):
        return False
    return len(span) == 1 or (len(span) == 2 and span[0].lower_.rstrip(".") in {"mr", "mrs", "ms", "miss", "mx",
                                                                                  "dr"})


def _team_context(spans: list[Span]) -> bool:
    return any(t.lower_ in _TEAM_WORDS for s in spans for t in s.sent)


def retype_people(found: list[Found], groups: list[int], decided: dict[int, str]) -> dict[int, str]:
    """``decided`` (class per group) with the groups typed PERSON that :func:`is_camel_name` or
    :func:`is_group_plural` say are organisations retyped ORG, unless a mention has person evidence
    (:func:`_person_cued`: "Mr X", "X said he") or the word is a given name or surname of a person named in full
    in the text ("KaVontae Williams ... KaVontae"); a plural also needs a team's or band's words in its
    sentences, and no person of its singular in the text ("Mr Vellacott ... the Vellacotts": a family)."""
    members: dict[int, list[Found]] = {}
    for item, g in zip(found, groups):
        if decided.get(g) == "PERSON":
            members.setdefault(g, []).append(item)
    if not members:
        return decided
    people = [span for (span, label, _), g in zip(found, groups) if label == "PERSON" or decided.get(g) == "PERSON"]
    name_words = {t.text for s in people if len(s) >= 2 for t in (s[0], s[-1])}
    person_words = {s[-1].text for s in people}
    out = dict(decided)
    for g, items in members.items():
        if _person_cued(items):
            continue
        spans = [span for span, _, _ in items]
        coined = all(len(s) == 1 and is_camel_name(s.text) and s.text not in name_words for s in spans)
        team = (all(_team_mention(s) for s in spans) and any(_after_the(s) or len(s) >= 2 for s in spans)
                and _team_context(spans)
                and not any(one in person_words for s in spans for one in singulars(s[-1].text)))
        if coined or team:
            out[g] = "ORG"
    return out
