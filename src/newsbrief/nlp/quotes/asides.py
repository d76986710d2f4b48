"""Attributions that stand beside the words they attribute, with no clause of their own for the content.

``according to X``, ``As X noted, ...`` / ``..., as X said``, and an inverted cue the parser joined to the clause
before it as a conjunct (``The flight was delayed, the airline's spokeswoman Dana Ruiz told reporters``).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .index import Cand, QuoteIndex
from .lexicon import FAMILY_NOUNS, PERSON_TITLES, RELATIVE_PRONOUNS, ROLE_WORDS
from .mention import authored_by
from .names import set_off_name

__all__ = ["according", "as_region", "conj_region"]

_PERSON_NOUNS = ROLE_WORDS | PERSON_TITLES | FAMILY_NOUNS


def conj_region(ix: QuoteIndex, verb: Token) -> tuple[int, int] | None:
    """``The flight was delayed by fog, the airline's spokeswoman Dana Ruiz told reporters.``: an inverted cue
    the parser joined to the clause before it as a conjunct (no "and" between, the subject right after a
    comma, nothing after the cue but its hearer): that clause is the content."""
    head = verb.head
    if verb.dep_ != "conj" or head.i >= verb.i or head.sent.start != verb.sent.start:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or any(c.dep_ in {"ccomp", "xcomp"} for c in verb.children):
        return None
    doc = verb.doc
    comma = next((t.i for t in reversed(doc[head.i + 1 : subj.left_edge.i]) if t.text == ","), -1)
    if comma < 0 or any(c.dep_ == "cc" for c in head.children if c.i < verb.i):
        return None
    if any(t.pos_ in {"VERB", "AUX"} for t in doc[comma + 1 : verb.i]):
        return None
    rest = [t for t in doc[verb.i + 1 : verb.sent.end] if not t.is_punct and not t.is_space]
    if any(t.dep_ not in {"dobj", "dative", "prep", "pobj", "det", "amod", "compound", "npadvmod", "advmod"}
           for t in rest):
        return None
    p = ix.para_of_tok(verb)
    start = max(ix.paras.starts[p], verb.sent.start_char)
    return ix.strip(start, doc[comma].idx)


def as_region(ix: QuoteIndex, verb: Token) -> tuple[int, int] | None:
    """``As X noted at the time, Y`` and ``Y, as X said``: the clause the ``as`` clause hangs on is X's."""
    if verb.dep_ != "advcl" or verb.head is verb:
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "as" and c.i < verb.i for c in verb.children):
        return None
    if not any(c.dep_ == "nsubj" for c in verb.children):
        return None
    doc, head = ix.doc, verb.head
    p = ix.para_of_tok(verb)
    lo, hi = ix.paras.starts[p], ix.paras.ends[p]
    a, b = verb.left_edge.i, verb.right_edge.i
    if doc[a].lower_ != "as" and not (doc[a].is_punct and a + 1 < len(doc) and doc[a + 1].lower_ == "as"):
        return None
    if a > verb.sent.start and not doc[a - 1].is_punct:
        return None  # "lies as easily as it tells the truth": a comparison, not a source
    if b < head.i:
        first, last = b + 1, head.right_edge.i
    elif a > head.i:
        first, last = head.left_edge.i, a - 1
    else:
        return None
    if last < first:
        return None
    return ix.strip(max(lo, doc[first].idx), min(hi, doc[last].idx + len(doc[last])))


def according(ix: QuoteIndex, tok: Token) -> Cand | None:
    """``according to X``: the longer rest of the sentence, before or after the phrase, is X's."""
    doc = ix.doc
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
        to = doc[tok.i + 1]
    if to is None:
        return None
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    sent = tok.sent
    p = ix.para_of_tok(tok)
    lo = max(sent.start_char, ix.paras.starts[p])
    hi = min(sent.end_char, ix.paras.ends[p])
    source = authored_by(pobj) or pobj
    named = _set_off_source(pobj)
    last = pobj.right_edge
    if named is not None:  # "according to the airline's spokeswoman, Dana Ruiz, the flight ...": Dana Ruiz
        source, last = named.root, doc[named.end]
    a, b = tok.idx, last.idx + len(last)
    left = ix.strip(lo, a) if a > lo else None
    right = ix.strip(b, hi) if hi > b else None
    sizes = [(r[1] - r[0], r) for r in (left, right) if r is not None]
    if not sizes:
        return None
    region = max(sizes)[1]
    return ix.snap(region, "according to", source)  # "according to a report by X": X


_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})


def _set_off_source(noun: Token) -> Span | None:
    """The person's name set off by commas after a person noun (``the airline's spokeswoman, Dana Ruiz,``) when
    the rest is a clause of its own ("..., the flight was delayed"). Not after a document ("according to an FBI
    summary, Cheryl Mills, a top aide, sent": Mills is no source), nor before "who" or an aside of its own
    ("according to his lawyer, Tom Reed, a former banker, never signed": Reed is what the lawyer speaks of): the
    first verb of the rest after the name (and after a verbless aside closed by a comma) must have its subject
    inside the rest ("only 40 workers were affected": yes; "never signed": no)."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in _PERSON_NOUNS:
        return None
    named = set_off_name(noun)
    if named is None:
        return None
    doc = noun.doc
    rest = doc[named.end + 1 : noun.sent.end]
    if not len(rest) or rest[0].lower_ in RELATIVE_PRONOUNS | {"whose"}:
        return None
    comma = next((t.i for t in rest if t.text == ","), None)
    if comma is not None and not any(t.pos_ in {"VERB", "AUX"} for t in doc[rest.start : comma]):
        rest = doc[comma + 1 : rest.end]  # "Tom Reed, a former banker, never signed", "Calder, 54, will"
    if not len(rest):
        return None
    verb = next((t for t in rest if t.pos_ in {"VERB", "AUX"}), None)
    if verb is None:
        return named
    if verb.dep_ in {"aux", "auxpass"}:
        verb = verb.head
    if not any(c.dep_ in _SUBJECT_DEPS and rest.start <= c.i < rest.end for c in verb.children):
        return None  # the rest's first verb has no subject inside the rest: the name is its subject
    return named
