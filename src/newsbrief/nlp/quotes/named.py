"""Named speakers the entity layer did not list, as mentions of their own.

A speaker the resolver calls named (a name, a state's organ such as "China's commerce ministry") but that
no entity mention covers would be shown as an unnamed source: :func:`speaker_mentions` gives each such
speaker span once, with a label, for the annotation step to add to the article's mentions.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from ..lexicon import lexicon
from .coref import gender_of
from .lexicon import OFFICIAL_BODY_NOUNS, ORG_NOUNS, PERSON_TITLES, ROLE_WORDS, TITLE_ABBREVIATIONS

if TYPE_CHECKING:
    from .extract import Quote

__all__ = ["speaker_mentions"]

_JOINERS = frozenset({"of", "for", "and", "the", "de", "on"})
_COVERED = 0.6  # a mention over this share of the speaker span stands for it (as annotate.speakers maps it)


def _label(span: Span) -> str | None:
    """ORG for a state's organ, a name ending in a company word ("Inc", "News") or right after an organisation
    noun ("the group Nurses for Clean Water"), PERSON for a short name
    with a given name; None when the span is not clearly a whole name of either kind."""
    root = span.root
    if root.lemma_.lower() in OFFICIAL_BODY_NOUNS and root.i == span.end - 1:
        return "ORG" if any(t.ent_type_ in {"GPE", "NORP"} for t in span) else None
    words = [t for t in span if not t.is_punct]
    if len(words) < 2 or words[0].lower_ in _JOINERS or words[-1].lower_ in _JOINERS:
        return None
    if not all(t.is_title or t.is_upper or t.lower_ in _JOINERS for t in words if t.is_alpha):
        return None
    doc = span.doc
    j = span.start - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    if j >= 0 and doc[j].is_alpha and (doc[j].is_title or doc[j].is_upper) and not _is_title(doc[j].text):
        return None  # the end of a longer name ("... Lumen Systems Inc"), not a title ("Mayor Don Guardian")
    if any(t.is_space or "\n" in t.text or t.text in {"(", ")", "<", ">", "[", "]", ","} for t in span):
        return None  # runs over a line or a bracket: no clean name
    last = words[-1].lower_.rstrip(".")
    if j >= 0 and doc[j].lemma_.lower() in ORG_NOUNS and doc[j].is_lower and last not in ROLE_WORDS:
        return "ORG"  # named by what it is: "a recently formed group Doctors for Open Clinics"
    if last in ROLE_WORDS or last in PERSON_TITLES or words[0].lower_ in PERSON_TITLES | ROLE_WORDS:
        return None  # a role ("Oil Minister"), not a name
    if any(t.lower_ == "of" for t in words):
        return None  # "Perry Lang of Lipton Analytical": a person and the place they work
    if last in lexicon()["org_suffixes"]:
        return "ORG"
    if len(words) <= 3 and gender_of(span) is not None:
        return "PERSON"  # a given name first: "Jeff Sandberg"
    return None


def _is_title(word: str) -> bool:
    w = word.lower().rstrip(".")
    return w in PERSON_TITLES or w in TITLE_ABBREVIATIONS


def _after_title(span: Span) -> Span | None:
    """The name after a title ("Dr. Luz Contreras Arroyo", "Sen. Ada Holt"): one to three capitalised
    words, none a role; None when the span does not start with a title."""
    words = [t for t in span if not (t.is_punct and t.text != ".")]
    if len(words) < 2 or not _is_title(words[0].text):
        return None
    k = 1
    while k < len(words) and (words[k].text == "." or _is_title(words[k].text) and words[k].text[:1].isupper()):
        k += 1  # "Dr." tokenised apart, "Rev. Dr."
    rest = words[k:]
    if not 1 <= len(rest) <= 3 or not all(t.is_alpha and t.is_title for t in rest):
        return None
    if any(t.lower_ in ROLE_WORDS or t.lower_ in PERSON_TITLES or t.lower_ in ORG_NOUNS for t in rest):
        return None  # "Deputy Foreign Minister": a title, no name
    return span.doc[rest[0].i : rest[-1].i + 1]


def _surname_label(span: Span) -> str | None:
    """PERSON for one capitalised word the tagger calls a proper noun ("Schiff asked") that no mention covers,
    ORG for an acronym ("the DOJ said") or a word set beside an organisation noun ("Teck, the mining company");
    never a common noun at the head of a sentence, a title, a role, a group, a day or a work."""
    tok = span[0]
    if tok.tag_ != "NNP" or not tok.is_alpha or len(tok) < 2:
        return None
    if tok.is_upper:  # "the DOJ said": an acronym names an organisation
        return "ORG" if 2 <= len(tok) <= 6 and not tok.ent_type_ else None
    if not tok.is_title or len(tok) < 3:
        return None
    if tok.ent_type_ and tok.ent_type_ not in {"PERSON", "ORG", "GPE", "NORP"}:
        return None  # a day, a work's title: the entity layer's type stands
    low = tok.lower_
    if low in ORG_NOUNS or low in PERSON_TITLES or low in ROLE_WORDS or low in lexicon()["non_speakers"]:
        return None
    if any(c.dep_ == "appos" and c.lemma_.lower() in ORG_NOUNS for c in tok.children):
        return "ORG"  # "Teck, the Canadian mining company, said"
    return "PERSON"


def speaker_mentions(
    doc: Doc, quotes: Sequence[Quote], mentions: Sequence[tuple[int, int]]
) -> list[tuple[int, int, str, str]]:
    """(start, end, text, label) of each named speaker span no mention in ``mentions`` covers."""
    out: dict[tuple[int, int], tuple[str, str]] = {}
    text = doc.text
    named_before = {text[s:e].lower().removeprefix("the ") for s, e in mentions}  # matched by name in annotation
    for q in quotes:
        a, b = q.speaker_ref_start, q.speaker_ref_end
        if not q.speaker_is_entity or a is None or b is None or (a, b) in out or b <= a:
            continue
        if any(s < b and e > a and min(e, b) - max(s, a) >= _COVERED * (b - a) for s, e in mentions):
            continue
        span = doc.char_span(a, b, alignment_mode="contract")
        if span is None or not len(span):
            continue
        titled = _after_title(span)
        label: str | None
        if titled is not None:  # "Dr. Luz Contreras Arroyo": the person, without the title
            span, label = titled, "PERSON"
        else:
            label = _label(span) if len(span) > 1 else _surname_label(span)
        if label is not None and span.text.lower() not in named_before:
            out[(span.start_char, span.end_char)] = (span.text, label)
    return [(a, b, text, label) for (a, b), (text, label) in out.items()]
