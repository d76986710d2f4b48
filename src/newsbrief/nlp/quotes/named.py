"""Named speakers the entity layer did not list, as mentions of their own.

A speaker the resolver calls named (a name, a state's organ such as "China's commerce ministry") but that
no entity mention covers would be shown as an unnamed source: :func:`speaker_mentions` gives each such
speaker span once, with a label, for the annotation step to add to the article's mentions.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from ..entities.words import is_given_name, surname_rank
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
        return None  # the end of a longer name ("... Lumen Systems Inc"), not a title ("Mayor Dale Orwin")
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


#: Abbreviated titles that stand only before a person's name ("Dr. Ada Holt", "Sen. Ada Holt").
_NAME_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "prof", "rev", "sen", "rep", "gov", *TITLE_ABBREVIATIONS})


def _after_title(span: Span) -> Span | None:
    """The name after a title ("Dr. Mira Castellano Vidal", "Sen. Ada Holt", "Mayor Ada Holt"): one to three
    capitalised words, none a role; after a full word ("Mayor", "General", "Star") only a name opened by a
    census given name ("General Electric", "Star Tribune" are companies); None when the span does not start
    with a title or the model tagged it an organisation."""
    words = [t for t in span if not (t.is_punct and t.text != ".")]
    if len(words) < 2 or not _is_title(words[0].text) or any(t.ent_type_ == "ORG" for t in span):
        return None
    k = 1
    while k < len(words) and (words[k].text == "." or _is_title(words[k].text) and words[k].text[:1].isupper()):
        k += 1  # "Dr." tokenised apart, "Rev. Dr."
    rest = words[k:]
    if not 1 <= len(rest) <= 3 or not all(t.is_alpha and t.is_title for t in rest):
        return None
    if any(t.lower_ in ROLE_WORDS or t.lower_ in PERSON_TITLES or t.lower_ in ORG_NOUNS for t in rest):
        return None  # "Deputy Foreign Minister": a title, no name
    first = words[0]
    abbreviated = first.text.endswith(".") or k > 1 and words[1].text == "." or first.lower_ in _NAME_ABBREVIATIONS
    if not abbreviated and not is_given_name(rest[0].text):
        return None  # "General Electric", "Star Tribune": a full word, then no given name
    return span.doc[rest[0].i : rest[-1].i + 1]


def _surname_label(span: Span, quoted: Sequence[tuple[int, int]] = ()) -> str | None:
    """PERSON for one capitalised word the tagger calls a proper noun that no mention covers and that is a
    census surname ("Brannigan asked"); ORG for an acronym ("the DOJ said") or a word set beside an organisation
    noun ("Kelvar, the mining company"). Never the end of a longer name (a capitalised word, a hyphen or a line
    break before it: "Santa\nBarbara", "Harlow-Brandt"), a word after an article ("the Illinois Democrat"), a
    nationality, a company word, a title, a role, a group, a day or a work."""
    tok = span[0]
    if tok.tag_ != "NNP" or not tok.is_alpha or len(tok) < 2:
        return None
    if tok.ent_type_ and tok.ent_type_ not in {"PERSON", "ORG", "GPE"}:
        return None  # a nationality, a day, a work's title: not a speaker named by this word alone
    doc = span.doc
    j = tok.i - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    if j >= 0 and (doc[j].is_alpha and (doc[j].is_title or doc[j].is_upper) and doc[j].lower_ != "the"
                   or doc[j].text in {"-", "&", "/"}
                   or doc[j].lower_ in {"and", "of"} and j > 0 and doc[j - 1].is_title):  # "Standard and Poor's"
        return None
    if tok.is_upper:  # "the KVRA said": an acronym names an organisation
        return "ORG" if 2 <= len(tok) <= 6 and not tok.ent_type_ else None
    if j >= 0 and doc[j].lower_ in {"the", "a", "an"}:
        return None  # "the Illinois Democrat": a description
    low = tok.lower_
    if not tok.is_title or len(tok) < 3 or low in lexicon()["org_suffixes"]:
        return None
    if low in ORG_NOUNS or low in PERSON_TITLES or low in ROLE_WORDS or low in lexicon()["non_speakers"]:
        return None
    k = tok.i + 1
    while k + 1 < len(doc) and (doc[k].is_space or doc[k].text in {",", "and", "&"}):
        k += 1
    if k > tok.i + 1 and k < len(doc) and doc[k].is_title:
        return None  # a word of a longer name: "Standard and Poor's", "Mines, Power and Steel Minister"
    if any(c.dep_ == "appos" and c.lemma_.lower() in ORG_NOUNS for c in tok.children):
        return "ORG"  # "Kelvar, the Canadian mining company, said"
    if surname_rank(tok.text) is not None:
        return "PERSON"  # a census surname first: pronouns near it may be anyone's
    return _by_pronouns(tok, quoted)


_PERSON_WORDS = frozenset({"he", "she", "his", "her", "him"})
_THING_WORDS = frozenset({"it", "its"})


def _dummy_it(t: Token) -> bool:
    """"It was the third attempt", "it is raining": an expletive or the subject of "be", which stands for no
    organisation."""
    return t.lower_ == "it" and (t.dep_ == "expl" or t.dep_ in {"nsubj", "nsubjpass"} and t.head.lemma_ == "be")


def _by_pronouns(tok: Token, quoted: Sequence[tuple[int, int]]) -> str | None:
    """PERSON or ORG by the pronouns of the sentences around ``tok`` outside the ``quoted`` words, when only
    one kind is there ("Prime said ... its software": ORG); None when both or neither."""
    doc = tok.doc
    sent = tok.sent
    lo = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    hi = doc[sent.end].sent.end if sent.end < len(doc) else sent.end
    words = {t.lower_ for t in doc[lo:hi] if t.pos_ in {"PRON", "DET"} and not _dummy_it(t)
             and not any(a <= t.idx < b for a, b in quoted)}
    person, thing = bool(words & _PERSON_WORDS), bool(words & _THING_WORDS)
    return "PERSON" if person and not thing else "ORG" if thing and not person else None


def speaker_mentions(
    doc: Doc, quotes: Sequence[Quote], mentions: Sequence[tuple[int, int]]
) -> list[tuple[int, int, str, str]]:
    """(start, end, text, label) of each named speaker span no mention in ``mentions`` covers."""
    out: dict[tuple[int, int], tuple[str, str]] = {}
    text = doc.text
    named_before = {text[s:e].lower().removeprefix("the ") for s, e in mentions}  # matched by name in annotation
    quoted = [(q.content_start, q.content_end) for q in quotes]
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
        if titled is not None:  # "Dr. Mira Castellano Vidal": the person, without the title
            span, label = titled, "PERSON"
        else:
            label = _label(span) if len(span) > 1 else _surname_label(span, quoted)
        if label is not None and span.text.lower() not in named_before:
            out[(span.start_char, span.end_char)] = (span.text, label)
    return [(a, b, text, label) for (a, b), (text, label) in out.items()]
