"""Direct quotations: a quoted stretch and the speech verb right next to it.

``"...," Kovalenko said`` (cue after), ``Caddick continued: "..."`` (cue before), a quote split
around its cue (``"...," she said, "..."``: the parts share one candidate) and quotes running over
several paragraphs (linked by :mod:`.marks`).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from .index import MIN_QUOTE_WORDS, TERMINAL, Cand, QuoteIndex
from .lexicon import STATEMENT_LEMMAS, STATEMENT_OBJECTS
from .rules import cue_text, find_subject, is_speech_verb, names_a_title

__all__ = ["cue_after", "cue_before", "direct_candidates"]

_SPLIT_END = frozenset(",?!—–-…:")
_WINDOW_AFTER = 14
_WINDOW_BEFORE = 24
#: Further after a quote only for the verb whose subject starts right after it ("..." Will Moy, chief
#: executive of the London-based fact-checking website Full Fact, told the BBC).
_WINDOW_AFTER_LONG = 32


def _subject_opens(verb: Token, first: int) -> bool:
    subj = find_subject(verb)
    return subj is not None and subj.i > first - 1 and subj.left_edge.i <= first + 1


def cue_after(ix: QuoteIndex, k: int) -> Token | None:
    """The speech verb right after quote span ``k`` (``"...," X said``), if its punctuation allows one."""
    span = ix.spans[k]
    inner = ix.text[span.inner_start : span.inner_end]
    after = ix.text[span.end : span.end + 3].lstrip()
    if not (inner[-1:] in _SPLIT_END or after[:1] in {",", "—", "–"}):
        return None
    doc, pend = ix.doc, ix.paras.ends[span.para]
    i = ix.tok_at(span.end)
    for j in range(i, min(len(doc), i + _WINDOW_AFTER_LONG)):
        tok = doc[j]
        if tok.idx >= pend or ix.tok_q[j] != -1 or tok.text in TERMINAL:
            return None
        if j in ix.used_verbs or not is_speech_verb(tok, quote_only=True):
            continue
        if j - i >= _WINDOW_AFTER and not _subject_opens(tok, i):
            continue
        if any(c.dep_ == "ccomp" and c.i > tok.i and ix.tok_q[c.i] == -1 for c in tok.children):
            return None
        return tok
    return None


def cue_before(ix: QuoteIndex, k: int) -> Token | None:
    """The speech verb right before quote span ``k`` (``X said: "..."``)."""
    span = ix.spans[k]
    before = ix.text[max(0, span.start - 3) : span.start].rstrip()
    if before[-1:] not in {":", ","}:
        return None
    doc, pstart = ix.doc, ix.paras.starts[span.para]
    i = ix.tok_at(span.start) - 1
    verbs = 0  # a statement verb is the cue only as the nearest verb ("Brown criticized ... Hale shot back, '...'")
    for j in range(i, max(-1, i - _WINDOW_BEFORE), -1):
        tok = doc[j]
        if tok.idx < pstart or ix.tok_q[j] != -1 or tok.text in TERMINAL:
            return None
        statement = verbs == 0 and _statement_cue(ix, tok)
        verbs += tok.pos_ == "VERB"
        if j in ix.used_verbs or not (is_speech_verb(tok, quote_only=True) or statement):
            continue
        if any(c.dep_ == "ccomp" and tok.i < c.i < i and ix.tok_q[c.i] == -1 for c in tok.children):
            return None
        return tok
    return None


def _statement_cue(ix: QuoteIndex, tok: Token) -> bool:
    """``he urged voters, "Look what I have delivered"``, ``She accused them: "..."``: a statement verb right
    before a quote it introduces (with a comma or colon) is its cue. A verb used as an adjective ("the
    much-criticized slogan, "..."") is none, and a quote beside a thing the verb takes as its object is that
    thing's title ("condemned the newspaper's headline, "..."", "blamed the sign, "...""). Any verb whose
    object is a statement (lexicon.STATEMENT_OBJECTS: "issued a statement: "..."") is the cue too."""
    if tok.pos_ != "VERB" or tok.dep_ in {"amod", "compound"} or tok.tag_ == "VBN" and tok.dep_ == "acl":
        return False
    objs = [o for o in tok.children if o.dep_ == "dobj" and ix.tok_q[o.i] == -1]
    if tok.lemma_.lower() not in STATEMENT_LEMMAS:  # "issued a statement: "..."", "rejected the claim, "...""
        return any(o.lemma_.lower() in STATEMENT_OBJECTS for o in objs)
    return not any(names_a_title(o) for o in objs)


def direct_candidates(ix: QuoteIndex) -> Iterator[Cand]:
    """Direct quotes by the cue next to them; marks each used quote span and cue verb on ``ix``."""
    for k, span in enumerate(ix.spans):
        if span.prev is not None or k in ix.consumed or span.start < ix.skip_until:
            continue
        if ix.words(span) < MIN_QUOTE_WORDS:
            continue
        verb = cue_after(ix, k)
        after = verb is not None
        if verb is None:
            verb = cue_before(ix, k)
        if verb is None:
            continue
        subj = find_subject(verb)
        if subj is not None and span.inner_start <= subj.idx < span.inner_end:
            subj = None
        if subj is None:
            qtok = ix.tok_at(span.end) if after else ix.tok_at(span.start)
            lo, hi = (qtok, verb.i) if after else (verb.i - _WINDOW_BEFORE, verb.i)
            subj = ix.fallback_subject(verb, lo, hi) or (
                ix.fallback_subject(verb, verb.i + 1, verb.i + 4) if after else None
            )
        ids = ix.chain(k)
        if after and k + 1 < len(ix.spans):
            nxt = ix.spans[k + 1]
            gap = ix.text[span.end : nxt.start]
            if (
                nxt.para == span.para
                and nxt.prev is None
                and len(gap) < 150
                and not any(ch in gap for ch in ".?!;")
                and ix.words(nxt) >= 1
            ):
                ids += ix.chain(k + 1)
        ix.used_verbs.add(verb.i)
        ix.consumed.update(ids)
        parts = [(ix.spans[q].inner_start, ix.spans[q].inner_end) for q in ids]
        yield Cand(parts, "direct", cue_text(verb), subj, set(ids))
